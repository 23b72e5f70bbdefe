//===- NNLayerOps.cpp - verifiers of layers with weights and pools --------===//

#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace nn;

//===----------------------------------------------------------------------===//
// DenseOp
//===----------------------------------------------------------------------===//

LogicalResult DenseOp::verify() {
  auto input = getInput().getType();
  auto weight = getWeight().getType();
  auto output = getOutput().getType();
  if (input.getRank() < 1)
    return emitOpError("input must have rank >= 1, got a scalar tensor");
  if (weight.getRank() != 2)
    return emitOpError("weight must have rank 2 ([out, in]), got rank ")
           << weight.getRank();
  int64_t inFeatures = input.getShape().back();
  int64_t outFeatures = weight.getDimSize(0);
  if (weight.getDimSize(1) != inFeatures)
    return emitOpError("weight shape ")
           << formatShape(weight.getShape()) << " expects " << weight.getDimSize(1)
           << " input features, but the input has " << inFeatures;
  if (Value bias = getBias()) {
    auto biasType = llvm::cast<RankedTensorType>(bias.getType());
    if (biasType.getShape() != ArrayRef<int64_t>{outFeatures})
      return emitOpError("bias shape ")
             << formatShape(biasType.getShape()) << " must be ["
             << outFeatures << "]";
  }
  SmallVector<int64_t> expected(input.getShape());
  expected.back() = outFeatures;
  if (output.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result shape ")
           << formatShape(output.getShape()) << " differs from the expected "
           << formatShape(expected);
  return success();
}
