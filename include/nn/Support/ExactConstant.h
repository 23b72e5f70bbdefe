//===- ExactConstant.h - the exact fixed-point value of an f32 -*- C++ -*-===//
//
// Float attributes of fixed-point ops (leaky_relu's alpha, clip's bounds,
// ...) act with their exact f32 values: the interpreter's kernels and the
// lowering to loops both turn them into fixed-point constants here.
// Header-only, C++17.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_EXACTCONSTANT_H
#define NN_SUPPORT_EXACTCONSTANT_H

#include "nn/Support/FixedPoint.h"

#include <cmath>
#include <cstdint>
#include <optional>

namespace nn {
namespace fx {

/// A finite f32 as an exact fixed-point value: raw * 2^-fracWidth with the
/// fewest fraction bits, and the smallest signed format holding it (so that
/// fx::multiply, productFormat and sumFormat apply to it).
struct ExactConstant {
  Wide value;
  Format format;
};

/// The exact value of `x`, or nullopt for an infinity or NaN.
inline std::optional<ExactConstant> exactFloat(float x) {
  if (!std::isfinite(x))
    return std::nullopt;
  int64_t mantissa = 0;
  int exponent = 0; // x = mantissa * 2^exponent
  if (x != 0.0f) {
    int e = 0;
    double m = std::frexp(double(x), &e); // |m| in [0.5, 1)
    // A float has at most 24 significant bits: m * 2^24 is an integer.
    mantissa = static_cast<int64_t>(std::ldexp(m, 24));
    exponent = e - 24;
    while ((mantissa & 1) == 0) {
      mantissa /= 2;
      ++exponent;
    }
  }
  int width = detail::bitLength(detail::magnitude(mantissa)) + 1; // + sign bit
  int frac = -exponent;
  Format format{width, width - frac, true, Rounding::TRN,
                    Overflow::WRAP};
  return ExactConstant{{mantissa, frac}, format};
}

} // namespace fx
} // namespace nn

#endif // NN_SUPPORT_EXACTCONSTANT_H
