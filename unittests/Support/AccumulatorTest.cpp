//===- AccumulatorTest.cpp - nn/Support/Accumulator.h ---------------------===//

#include "nn/Support/Accumulator.h"

#include <gtest/gtest.h>

using namespace nn::fx;

namespace {

Format fixedFormat(int width, int intWidth, bool isSigned = true,
                   Rounding r = Rounding::TRN, Overflow o = Overflow::WRAP) {
  return Format{width, intWidth, isSigned, r, o};
}

TEST(AccumulatorTest, LosslessFormats) {
  Format x = fixedFormat(8, 4), w = fixedFormat(8, 2);
  // Products ap_fixed<16,6>; 3 terms: <18,8>; bias <8,4>: sumFormat ->
  // I = max(8, 4) + 1 = 9, F = max(10, 4) = 10: <19,9>.
  Format b = fixedFormat(8, 4);
  EXPECT_EQ(dotProductFormat(x, w, 3, nullptr), fixedFormat(18, 8));
  EXPECT_EQ(dotProductFormat(x, w, 3, &b), fixedFormat(19, 9));
  EXPECT_TRUE(isLosslessAccumulator(fixedFormat(19, 9), x, w, 3, &b));
  EXPECT_TRUE(isLosslessAccumulator(fixedFormat(40, 20), x, w, 3, &b));
  // Too few integer bits, too few fraction bits, unsigned.
  EXPECT_FALSE(isLosslessAccumulator(fixedFormat(18, 8), x, w, 3, &b));
  EXPECT_FALSE(isLosslessAccumulator(fixedFormat(18, 9), x, w, 3, &b));
  EXPECT_FALSE(isLosslessAccumulator(fixedFormat(40, 20, false), x, w, 3, &b));
  // Modes do not matter, except SAT_SYM, whose range excludes the minimum.
  EXPECT_TRUE(isLosslessAccumulator(
      fixedFormat(19, 9, true, Rounding::RND, Overflow::SAT), x, w, 3, &b));
  EXPECT_FALSE(isLosslessAccumulator(
      fixedFormat(19, 9, true, Rounding::TRN, Overflow::SAT_SYM), x, w, 3,
      &b));
  EXPECT_TRUE(isLosslessAccumulator(
      fixedFormat(20, 10, true, Rounding::TRN, Overflow::SAT_SYM), x, w, 3,
      &b));
  // Unsigned operands into a signed accumulator: one more integer bit.
  Format u = fixedFormat(8, 4, false);
  EXPECT_EQ(dotProductFormat(u, u, 1, nullptr), fixedFormat(16, 8, false));
  EXPECT_FALSE(isLosslessAccumulator(fixedFormat(16, 8), u, u, 1, nullptr));
  EXPECT_TRUE(isLosslessAccumulator(fixedFormat(17, 9), u, u, 1, nullptr));
  EXPECT_TRUE(
      isLosslessAccumulator(fixedFormat(16, 8, false), u, u, 1, nullptr));
  // Wider than 64 bits is fine for the lossless test.
  EXPECT_TRUE(isLosslessAccumulator(fixedFormat(100, 50), x, w, 1000, &b));
}

TEST(AccumulatorTest, Steps) {
  Format x = fixedFormat(8, 4), a = fixedFormat(8, 4, true, Rounding::TRN,
                                                Overflow::SAT);
  // 6 * 1 = 6 (raw 96); 96 + 96 saturates to 127.
  int64_t acc = accumulatorStart(a, nullptr, nullptr);
  EXPECT_EQ(acc, 0);
  acc = accumulateStep(acc, a, 96, x, 16, x);
  EXPECT_EQ(acc, 96);
  acc = accumulateStep(acc, a, 96, x, 16, x);
  EXPECT_EQ(acc, 127);
  acc = accumulateStep(acc, a, -96, x, 16, x);
  EXPECT_EQ(acc, 31);
  EXPECT_EQ(accumulatorResult(acc, a, fixedFormat(16, 8)), 496);
  // Bias 0.3125 (raw 5 of <8,4>) into <8,6> (LSB 1/4): floor -> 1.
  Format a86 = fixedFormat(8, 6);
  int64_t bias = 5;
  EXPECT_EQ(accumulatorStart(a86, &bias, &x), 1);
  EXPECT_TRUE(canAccumulateStepwise(a86, x, x));
  EXPECT_FALSE(canAccumulateStepwise(fixedFormat(100, 50), x, x));
}

} // namespace
