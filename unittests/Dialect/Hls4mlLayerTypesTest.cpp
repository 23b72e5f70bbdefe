//===- Hls4mlLayerTypesTest.cpp - hls4ml LayerType names of the ops -------===//
//
// The names come from the ops' ODS definitions (NN_Hls4mlLayer); the
// expected values are hls4ml's class names for those layers (its Keras
// converters and its PyTorch/ONNX parsers), written here by hand.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace mlir;
using V = std::vector<std::string>;

namespace {

/// The LayerType names of each op of the function body, in order.
std::vector<V> typesOfBody(MLIRContext &context, llvm::StringRef body) {
  std::string source = "func.func @f(%x1: tensor<1x2x8xf32>, "
                       "%x2: tensor<1x2x8x8xf32>, "
                       "%v: tensor<1x8xf32>) {\n" +
                       body.str() + "\n  return\n}";
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(source, &context);
  EXPECT_TRUE(module);
  std::vector<V> types;
  if (!module)
    return types;
  module->walk([&](Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "nn")
      types.push_back(nn::hls4mlLayerTypesOf(op));
  });
  return types;
}

class Hls4mlLayerTypesTest : public ::testing::Test {
protected:
  void SetUp() override {
    context.loadDialect<nn::NNDialect, func::FuncDialect>();
  }
  MLIRContext context;
};

TEST_F(Hls4mlLayerTypesTest, ClassesAndSpatialRanks) {
  std::vector<V> types = typesOfBody(context, R"mlir(
    %w = nn.constant dense<1.0> : tensor<3x8xf32>
    %d = nn.dense %v, %w : (tensor<1x8xf32>, tensor<3x8xf32>) -> tensor<1x3xf32>
    %r = nn.relu %d : tensor<1x3xf32> -> tensor<1x3xf32>
    %s = nn.sigmoid %d : tensor<1x3xf32> -> tensor<1x3xf32>
    %a = nn.add %r, %s : (tensor<1x3xf32>, tensor<1x3xf32>) -> tensor<1x3xf32>
    %p1 = nn.max_pool %x1 {dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 2>} : tensor<1x2x8xf32> -> tensor<1x2x4xf32>
    %p2 = nn.global_avg_pool %x2 : tensor<1x2x8x8xf32> -> tensor<1x2x1x1xf32>
    %f = nn.flatten %x2 : tensor<1x2x8x8xf32> -> tensor<1x128xf32>
    %m = nn.reduce_mean %v {axes = array<i64: 1>, keepdims = true} : tensor<1x8xf32> -> tensor<1x1xf32>
  )mlir");
  std::vector<V> expected = {
      {"Constant"},
      {"Dense", "MatMul"},
      {"ReLU", "Activation"},
      {"Activation"},
      {"Add", "Merge"},
      {"MaxPooling1D", "Pooling1D"},
      {"GlobalAveragePooling2D", "GlobalPooling2D"},
      {"Flatten", "Reshape"},
      {}, // reduce_mean: no hls4ml layer
  };
  EXPECT_EQ(types, expected);
}

TEST_F(Hls4mlLayerTypesTest, KnownNamesAreSortedAndComplete) {
  std::vector<std::string> known = nn::knownHls4mlLayerTypes(&context);
  EXPECT_TRUE(std::is_sorted(known.begin(), known.end()));
  for (const char *name :
       {"Input", "InputLayer", "Constant", "Conv1D", "Conv2D",
        "BatchNormalization", "BatchNormOnnx", "ZeroPadding2D", "Softmax",
        "HardActivation", "Concatenate", "GlobalMaxPooling1D", "Resize"})
    EXPECT_TRUE(std::binary_search(known.begin(), known.end(), name)) << name;
  // No name keeps its spatial-rank placeholder, and none is 3-D.
  for (const std::string &name : known) {
    EXPECT_EQ(name.find('#'), std::string::npos) << name;
    EXPECT_EQ(name.find("3D"), std::string::npos) << name;
  }
}

} // namespace
