//===- CostModelTest.cpp - BRAM, DSP and device rules of the cost model ---===//
//
// Expected values worked out by hand from the block shapes (BRAM_18K:
// 16K x 1, 8K x 2, 4K x 4, 2K x 9, 1K x 18, 512 x 36), the DSP48E2's
// 27 x 18 signed multiplier and the device table's vendor figures; the
// RHEED weights are the ones its synthesis reports (2, 11 and 20 BRAM_18K,
// ../shared/synth).
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostModel.h"

#include <gtest/gtest.h>

using namespace nn::cost;

TEST(CostModel, Bram18kShapes) {
  EXPECT_EQ(bram18kFor(1024, 18), 1);  // exactly one 1K x 18 block
  EXPECT_EQ(bram18kFor(512, 36), 1);   // exactly one 512 x 36 block
  EXPECT_EQ(bram18kFor(1025, 18), 2);  // one word too deep
  EXPECT_EQ(bram18kFor(2, 64), 2);     // wide and shallow: 2 x 36 bits
  EXPECT_EQ(bram18kFor(4096, 16), 4);  // 4K x 4 (x4) = 2K x 9 (x4) = 4
  EXPECT_EQ(bram18kFor(16384, 1), 1);
  EXPECT_EQ(bram18kFor(0, 16), 0);
  EXPECT_EQ(bram18kFor(16, 0), 0);
}

TEST(CostModel, Bram18kRheedResourceWeights) {
  // Resource strategy: R words of B x 8 bits. conv0: 6 x 9 products, R 9,
  // B 6 -> 48 bits; conv1: 8 x 54, R 9, B 48 -> 384 bits; conv2: 10 x 72,
  // R 8, B 90 -> 720 bits.
  EXPECT_EQ(bram18kFor(9, 48), 2);
  EXPECT_EQ(bram18kFor(9, 384), 11);
  EXPECT_EQ(bram18kFor(8, 720), 20);
}

TEST(CostModel, DspOperandLimits) {
  EXPECT_EQ(dspsPerProduct(16, 16), 1);
  EXPECT_EQ(dspsPerProduct(27, 18), 1);
  EXPECT_EQ(dspsPerProduct(18, 27), 1);
  EXPECT_EQ(dspsPerProduct(2, 2), 1);
  // 28 x 18: the 27-bit port is exceeded: two 26-bit slices x one 17-bit.
  EXPECT_EQ(dspsPerProduct(28, 18), 2);
  // 28 x 19: both ports exceeded: 2 x 2.
  EXPECT_EQ(dspsPerProduct(28, 19), 4);
  // 32 x 32: ceil(31 / 26) x ceil(31 / 17) = 2 x 2.
  EXPECT_EQ(dspsPerProduct(32, 32), 4);
  // 64 x 64: ceil(63 / 26) x ceil(63 / 17) = 3 x 4.
  EXPECT_EQ(dspsPerProduct(64, 64), 12);
}

TEST(CostModel, Devices) {
  const Device *vu13p = findDevice("xcvu13p-flga2577-2-e");
  ASSERT_NE(vu13p, nullptr);
  EXPECT_EQ(vu13p->dsp, 12288);
  EXPECT_EQ(vu13p->lut, 1728000);
  EXPECT_EQ(vu13p->bram18k, 5376);
  // Case and dashes do not matter; xcu250 names the U250's part.
  const Device *z7 = findDevice("XC7Z020-CLG400-1");
  ASSERT_NE(z7, nullptr);
  EXPECT_STREQ(z7->part, "xc7z020clg400-1");
  EXPECT_EQ(z7->dsp, 220);
  const Device *u250 = findDevice("xcu250");
  ASSERT_NE(u250, nullptr);
  EXPECT_STREQ(u250->part, "xcu250-figd2104-2L-e");
  EXPECT_EQ(findDevice("xc7a35t"), nullptr);
  EXPECT_EQ(findDevice(""), nullptr);
  // Every part of the list and of the synthesis records is known.
  for (const char *part :
       {"xczu9eg-ffvb1156-2-e", "xczu3eg-sbva484-1-e",
        "xcku115-flvb2104-2-i", "xcku035-fbva676-2-e",
        "xc7vx690t-ffg1761-2", "xc7vx690tffg1927-2"})
    EXPECT_NE(findDevice(part), nullptr) << part;
  EXPECT_NE(knownDeviceList().find("xcvu13p-flga2577-2-e"), std::string::npos);
}
