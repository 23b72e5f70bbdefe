//===- Accumulator.h - accumulator semantics of dense/conv ------*- C++ -*-===//
//
// The one definition of how nn.dense and nn.conv accumulate in fixed point
// when the op carries an accumulator type A (`nn.accum_type`), as hls4ml's
// dense/conv templates compute with accum_t and as the HLS emitter will
// write it (`acc = accum_t(acc + accum_t(x * w))`):
//
//   acc = bias ? cast_A(bias) : 0
//   for each term t, in the op's order (docs/Quantization.md):
//     p   = cast_A(x_t * w_t)          // exact product, then A's rounding
//                                      // and overflow
//     acc = cast_A(acc + p)            // exact sum, then A's overflow (both
//                                      // are on A's grid: no rounding)
//   y = cast_R(acc)
//
// so WRAP and SAT act after every addition. Without an accumulator type the
// dot product is exact and cast once (cast_R(bias + sum x_t * w_t)); when A
// is lossless for the operand formats and the fan-in
// (isLosslessAccumulator()), both definitions give the same result and a
// kernel may use the exact one.
//
// Header-only, no MLIR dependency, like FixedPoint.h.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_ACCUMULATOR_H
#define NN_SUPPORT_ACCUMULATOR_H

#include "nn/Support/FixedPoint.h"

#include <cstdint>

namespace nn {
namespace fx {

/// ceil(log2(n)) for n >= 1 (0 for n <= 1): the extra integer bits a sum of
/// n terms of one format needs.
constexpr int ceilLog2(int64_t n) {
  int bits = 0;
  while (bits < 63 && (int64_t(1) << bits) < n)
    ++bits;
  return bits;
}

/// The lossless format of a sum of `terms` values of format `f`: W + k,
/// I + k with k = ceilLog2(terms). (If every term is in [-2^(I-1), 2^(I-1))
/// then n <= 2^k terms sum into [-2^(I+k-1), 2^(I+k-1)); unsigned alike.)
constexpr Format sumOfTermsFormat(const Format &f, int64_t terms) {
  int k = ceilLog2(terms < 1 ? 1 : terms);
  return {f.width + k, f.intWidth + k, f.isSigned, Rounding::TRN,
          Overflow::WRAP};
}

/// The lossless format of a dot product of `fanIn` products of formats x
/// and w plus an optional bias: sumFormat(sumOfTerms(product(x, w)), bias).
/// This is also what `accum=auto` of --nn-quantize chooses.
constexpr Format dotProductFormat(const Format &x, const Format &w,
                                  int64_t fanIn, const Format *bias) {
  Format sum = sumOfTermsFormat(productFormat(x, w), fanIn);
  return bias ? sumFormat(sum, *bias) : sum;
}

/// Whether every value of format `inner` (any width) is a value of storage
/// format `outer` exactly: no bits below outer's LSB and within outer's
/// range, where SAT_SYM ranges exclude the minimum (it overflows there).
constexpr bool containsFormat(const Format &outer, const Format &inner) {
  if (inner.fracWidth() > outer.fracWidth())
    return false;
  if (inner.isSigned && !outer.isSigned)
    return false;
  // Integer bits outer needs: inner's, one more to hold an unsigned range
  // as signed, one more when outer's minimum is excluded (SAT_SYM) and inner
  // can reach its own minimum -2^(I-1) (signed).
  int needed = inner.intWidth;
  if (outer.isSigned && !inner.isSigned)
    ++needed;
  if (outer.isSigned && inner.isSigned &&
      outer.overflow == Overflow::SAT_SYM)
    ++needed;
  return outer.intWidth >= needed;
}

/// Whether the accumulator format A never changes a value under the
/// per-step definition, so that it equals the exact dot product (the fast
/// path). Proof: let L = dotProductFormat(x, w, n, bias). (1) Each product
/// x_t * w_t is a value of productFormat(x, w), whose LSB is L's and whose
/// range is inside L's, so if A contains L the cast cast_A(x_t * w_t) is the
/// identity; likewise cast_A(bias) (bias's LSB and range are L's). (2) Every
/// partial sum bias + x_1 w_1 + ... + x_j w_j (j <= n) is a value of
/// sumFormat(sumOfTerms(product, j), bias), contained in L since j <= n; it
/// is on A's grid and in A's range, so cast_A(acc + p) returns it unchanged.
/// By induction acc = the exact partial sum at every step, hence the final
/// acc is the exact dot product and cast_R(acc) is the exact definition.
/// Rounding and overflow modes of A never act, so they do not matter.
constexpr bool isLosslessAccumulator(const Format &acc, const Format &x,
                                     const Format &w, int64_t fanIn,
                                     const Format *bias) {
  return containsFormat(acc, dotProductFormat(x, w, fanIn, bias));
}

/// Whether the per-step functions below can compute with these formats: A
/// is a storage format (<= 64 bits, so acc + p fits an i128) and the exact
/// product fits 127 bits.
constexpr bool canAccumulateStepwise(const Format &acc, const Format &x,
                                     const Format &w) {
  return acc.isValid() && productFormat(x, w).width <= 127;
}

/// The accumulator's start: cast_A(bias), or 0 without a bias.
constexpr int64_t accumulatorStart(const Format &acc, const int64_t *biasRaw,
                                   const Format *bias) {
  return biasRaw && bias ? cast(*biasRaw, *bias, acc) : 0;
}

/// One step: acc = cast_A(acc + cast_A(x * w)).
constexpr int64_t accumulateStep(int64_t accRaw, const Format &acc,
                                 int64_t xRaw, const Format &x, int64_t wRaw,
                                 const Format &w) {
  int64_t product = cast(multiply(xRaw, x, wRaw, w), acc);
  return cast(rawToInt(accRaw, acc) + rawToInt(product, acc), acc.fracWidth(),
              acc);
}

/// The result: cast_R(acc).
constexpr int64_t accumulatorResult(int64_t accRaw, const Format &acc,
                                    const Format &result) {
  return cast(accRaw, acc, result);
}

} // namespace fx
} // namespace nn

#endif // NN_SUPPORT_ACCUMULATOR_H
