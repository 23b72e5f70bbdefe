//===- LayerNameTest.cpp - layer names of (fused) locations ---------------===//
//
// getLayerName() names the value an op produces (the last name of a
// FusedLoc: a conv that absorbed a batch norm produces the batch norm's
// output); getHardwareLayerName() names the layer that computes it (the
// first name: the conv), for configuration keys and generated hardware.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;

namespace {

TEST(LayerNameTest, NameLoc) {
  MLIRContext context;
  Location loc = NameLoc::get(StringAttr::get(&context, "/fc1/Gemm"));
  EXPECT_EQ(nn::getLayerName(loc), "/fc1/Gemm");
  EXPECT_EQ(nn::getHardwareLayerName(loc), "/fc1/Gemm");
}

TEST(LayerNameTest, FoldedBatchNorm) {
  MLIRContext context;
  Location file = FileLineColLoc::get(&context, "m.onnx", 0, 0);
  Location conv = NameLoc::get(StringAttr::get(&context, "/conv1/Conv"), file);
  Location bn = NameLoc::get(StringAttr::get(&context, "/bn1/BN"), file);
  Location fused = FusedLoc::get(&context, {conv, bn});
  EXPECT_EQ(nn::getLayerName(fused), "/bn1/BN");
  EXPECT_EQ(nn::getHardwareLayerName(fused), "/conv1/Conv");
}

TEST(LayerNameTest, Unnamed) {
  MLIRContext context;
  Location file = FileLineColLoc::get(&context, "m.onnx", 0, 0);
  EXPECT_EQ(nn::getLayerName(file), "");
  EXPECT_EQ(nn::getHardwareLayerName(file), "");
  Location callee = NameLoc::get(StringAttr::get(&context, "inner"));
  Location call = CallSiteLoc::get(callee, file);
  EXPECT_EQ(nn::getLayerName(call), "inner");
  EXPECT_EQ(nn::getHardwareLayerName(call), "inner");
}

} // namespace
