//===- ExactArithmetic.h - exact fixed-point helpers (internal) -*- C++ -*-===//
//
// Helpers the fixed-point kernels share on top of nn::fx: the exact value of
// an f32 attribute, exact comparisons of full-precision values whatever their
// binary points, and a correctly rounded quotient (division, means). Every
// result still goes to its storage format through one fx::cast.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_INTERPRETER_EXACTARITHMETIC_H
#define NN_LIB_INTERPRETER_EXACTARITHMETIC_H

#include "nn/Support/ExactConstant.h"
#include "nn/Support/FixedPoint.h"

#include <cmath>
#include <cstdint>
#include <optional>

namespace nn::interp::exact {

using fx::i128;
using fx::u128;

/// The exact value of a stored raw of format `f`.
inline fx::Wide wideOf(int64_t raw, const fx::Format &f) {
  return {fx::rawToInt(raw, f), f.fracWidth()};
}

/// |v| as an unsigned 128-bit integer (exact for v = -2^127 too).
inline u128 magnitude(i128 v) { return fx::detail::magnitude(v); }

/// Number of significant bits of m (0 for 0).
inline int bitLength(u128 m) { return fx::detail::bitLength(m); }

/// Whether a value of the lossless intermediate format `f` (productFormat,
/// sumFormat, ...) always fits the i128 of an fx::Wide, with the room
/// fx::add needs to align binary points.
inline bool fitsWide(const fx::Format &f) { return f.width <= 127; }

/// The exact value of an f32 (nn/Support/ExactConstant.h).
using fx::ExactConstant;
using fx::exactFloat;

/// Compares the exact values of two fx::Wide: -1, 0 or 1. Any binary points.
using fx::compare;

/// Compares the exact value x with the f32 `bound` as IEEE comparisons do:
/// -1, 0 or 1, and nullopt when `bound` is NaN (every comparison false).
inline std::optional<int> compare(const fx::Wide &x, float bound) {
  if (std::isnan(bound))
    return std::nullopt;
  if (std::isinf(bound))
    return bound > 0 ? -1 : 1;
  return compare(x, exactFloat(bound)->value);
}

/// The fraction bits of the scaled quotient divideAndCast() computes: one
/// guard bit below the result's LSB (a sticky bit goes below that).
inline long long quotientShift(int numFrac, int denFrac, const fx::Format &to) {
  return (long long)denFrac - numFrac + to.fracWidth() + 1;
}

/// Whether divideAndCast() can divide any numerator of at most `numBits`
/// magnitude bits and fraction width `numFrac` by a denominator of fraction
/// width `denFrac` into `to` within 128-bit integers.
inline bool quotientFits(int numBits, int numFrac, int denFrac,
                         const fx::Format &to) {
  long long shift = quotientShift(numFrac, denFrac, to);
  return numBits + (shift > 0 ? shift : 0) <= 125;
}

/// The exact quotient num / den (den != 0) brought to `to` by one fx::cast,
/// so rounding and overflow are those of the exact rational value.
///
/// With K = to.fracWidth() + 1, Q = floor(|num / den| * 2^K) is computed
/// exactly by integer division and a sticky bit s (the remainder is nonzero)
/// is appended: the value +-(2Q + s) * 2^-(K+1) lies on the same side of
/// every rounding boundary of `to` as the exact quotient (the guard bit tells
/// below / at / above half an LSB, the sticky bit whether "at" is exact), so
/// every rounding mode gives the exact quotient's result. Precondition:
/// quotientFits() for the numerator's size.
inline int64_t divideAndCast(const fx::Wide &num, const fx::Wide &den,
                             const fx::Format &to) {
  bool negative = (num.raw < 0) != (den.raw < 0);
  u128 n = magnitude(num.raw), d = magnitude(den.raw);
  long long shift = quotientShift(num.fracWidth, den.fracWidth, to);
  u128 q = 0, r = n;
  if (shift >= 0) {
    n <<= shift;
    q = n / d;
    r = n % d;
  } else if (bitLength(d) - shift <= 127) {
    d <<= -shift;
    q = n / d;
    r = n % d;
  } // else d * 2^-shift >= 2^127 > n: the quotient is 0, the remainder n.
  u128 scaled = (q << 1) | u128(r != 0);
  i128 raw = static_cast<i128>(scaled);
  return fx::cast(negative ? -raw : raw, static_cast<int>(to.fracWidth() + 2),
                  to);
}

} // namespace nn::interp::exact

#endif // NN_LIB_INTERPRETER_EXACTARITHMETIC_H
