//===- HlsScheduleTest.cpp - the dot-product structure plan ---------------===//
//
// The structures of docs/Lowering.md ("Dense") from M, K, R, the strategy
// and max-unroll-mults, as the lowering builds them (the lowering's lit
// tests check the loops; these check the plan the cost model prices).
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/HlsSchedule.h"

#include <gtest/gtest.h>

using namespace nn::hls;

TEST(HlsSchedule, UnrolledAtReuseOne) {
  DotSchedule s = planDot(2, 3, 1, /*resource=*/false, Limits{});
  EXPECT_EQ(s.kind, DotStructure::Unrolled);
  EXPECT_EQ(s.parallelProducts, 6);
  EXPECT_EQ(s.ii, 1);
  EXPECT_EQ(s.steps, 1);
  EXPECT_EQ(s.reshapeFactor, 0);
  EXPECT_FALSE(s.fallbacks.any());
  // The resource strategy at R = 1 is unrolled too (hls4ml's conv2d
  // Resource record).
  EXPECT_EQ(planDot(2, 3, 1, true, Limits{}).kind, DotStructure::Unrolled);
}

TEST(HlsSchedule, LatencyAndResource) {
  DotSchedule lat = planDot(2, 3, 3, false, Limits{});
  EXPECT_EQ(lat.kind, DotStructure::Latency);
  EXPECT_EQ(lat.blockSize, 2);
  EXPECT_EQ(lat.parallelProducts, 2);
  EXPECT_EQ(lat.ii, 3);
  DotSchedule res = planDot(2, 3, 3, true, Limits{});
  EXPECT_EQ(res.kind, DotStructure::Resource);
  EXPECT_EQ(res.blockSize, 2);
  EXPECT_EQ(res.steps, 3);
  EXPECT_EQ(res.reshapeFactor, 2);
  EXPECT_EQ(res.ii, 1);
}

TEST(HlsSchedule, Fallbacks) {
  Limits small{4, 4096};
  // R = 1 with 6 > 4 products: rolled, one product per cycle.
  DotSchedule r1 = planDot(2, 3, 1, false, small);
  EXPECT_EQ(r1.kind, DotStructure::Rolled);
  EXPECT_TRUE(r1.fallbacks.unrolledTooLarge);
  EXPECT_EQ(r1.parallelProducts, 1);
  EXPECT_EQ(r1.steps, 3);
  // Latency R = 3 (6 products in one block > 4): resource, B = 2 fits.
  DotSchedule lat = planDot(2, 3, 3, false, small);
  EXPECT_EQ(lat.kind, DotStructure::Resource);
  EXPECT_TRUE(lat.fallbacks.latencyBlockTooLarge);
  EXPECT_FALSE(lat.fallbacks.resourceStepTooLarge);
  // Latency R = 2 on 2 x 6: block too large, then B = 6 > 4: rolled, two
  // warnings in that order.
  DotSchedule twice = planDot(2, 6, 2, false, small);
  EXPECT_EQ(twice.kind, DotStructure::Rolled);
  std::vector<std::string> w = fallbackWarnings(twice, "big", small);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0], "layer 'big' (strategy latency, reuse factor 2) has 12 "
                  "multiplications, more than 4 (max-unroll-mults) to unroll "
                  "in one block: the resource structure instead");
  EXPECT_EQ(w[1], "layer 'big' (reuse factor 2) has 6 multiplications per "
                  "reuse step, more than 4 (max-unroll-mults): not unrolled, "
                  "a pipelined loop instead");
  EXPECT_TRUE(fallbackWarnings(planDot(2, 3, 3, true, Limits{}), "x",
                               Limits{})
                  .empty());
}

TEST(HlsSchedule, UnrollAndPartitionRules) {
  Limits l{8, 16};
  EXPECT_TRUE(unrollsCompletely(8, l));
  EXPECT_FALSE(unrollsCompletely(9, l));
  EXPECT_TRUE(partitionsCompletely(16, l));
  EXPECT_FALSE(partitionsCompletely(17, l));
}
