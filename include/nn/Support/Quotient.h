//===- Quotient.h - exact fixed-point quotients by an integer ---*- C++ -*-===//
//
// The one definition of `cast_R(sum / count)` for a fixed-point sum and a
// positive integer count, rounded once from the exact rational: the average
// of nn.avg_pool / nn.global_avg_pool in the interpreter's kernels, and
// nn.fx.div_int in the loop interpreter (the HLS emitter writes the same
// computation in C++, see EmitHLS.cpp).
//
// Header-only, no MLIR dependency, like FixedPoint.h.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_QUOTIENT_H
#define NN_SUPPORT_QUOTIENT_H

#include "nn/Support/FixedPoint.h"

#include <algorithm>

namespace nn {
namespace fx {

/// floor(a / b) for b > 0.
constexpr i128 floorDivPositive(i128 a, int64_t b) {
  i128 q = a / b;
  if (a % b != 0 && a < 0)
    --q;
  return q;
}

/// The fraction width T = max(to.fracWidth() + 1, fracWidth) at which
/// castQuotient() divides.
constexpr int quotientFracWidth(int fracWidth, const Format &to) {
  return std::max(to.fracWidth() + 1, fracWidth);
}

/// Bits of the signed numerator sum * 2^(T - fracWidth) of castQuotient()
/// plus the sticky bit, for a sum of format `sum`: castQuotient() needs at
/// most 127, an int64 implementation at most 63.
constexpr int quotientBits(const Format &sum, const Format &to) {
  return sum.width + (quotientFracWidth(sum.fracWidth(), to) -
                      sum.fracWidth()) +
         (sum.isSigned ? 0 : 1) + 1;
}

/// The value sum * 2^-fracWidth / count (count >= 1), brought to format
/// `to` exactly as ap_fixed would convert the exact rational: the result is
/// fx::cast of the exact quotient, with to's rounding and overflow modes.
///
/// Why this is exact. Let T = max(to.fracWidth() + 1, fracWidth) and
/// q = floor(sum * 2^(T - fracWidth) / count), so the exact quotient is
/// v = (q + f) * 2^-T with 0 <= f < 1, and f = 0 iff the division leaves no
/// remainder. We hand fx::cast the value v' = (2q + s) * 2^-(T+1) with the
/// sticky bit s = (f != 0): v' = v when the division is exact, otherwise v'
/// is the midpoint of the open interval (q, q + 1) * 2^-T that also contains
/// v. Every rounding mode's decision depends only on the floor at to's LSB
/// 2^-Fo, on whether the value is exactly on that grid, on its comparison
/// with the half-way point of its grid interval and on its sign. Grid points
/// and half-way points are multiples of 2^-(Fo+1), hence of 2^-T (as
/// Fo + 1 <= T), so none lies strictly inside (q, q + 1) * 2^-T: v and v'
/// have the same floor, the same comparison with the half-way point, the
/// same sign, and are both off the grid. So every mode rounds them to the
/// same value, and the overflow step then sees the same integer.
///
/// Callers check (quotientBits()) that the shifted sum fits an i128.
constexpr int64_t castQuotient(i128 sum, int fracWidth, int64_t count,
                               const Format &to) {
  int t = quotientFracWidth(fracWidth, to);
  i128 numerator = sum * (i128(1) << (t - fracWidth));
  i128 q = floorDivPositive(numerator, count);
  bool sticky = numerator - q * count != 0;
  return cast(2 * q + (sticky ? 1 : 0), t + 1, to);
}

} // namespace fx
} // namespace nn

#endif // NN_SUPPORT_QUOTIENT_H
