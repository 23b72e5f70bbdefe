//===- LayerImporters.cpp - importers of normalization layers -------------===//
//
// LayerNormalization (opset 17, and the opset-13 subgraph LayerPatterns.cpp
// turns into it) becomes nn.layer_norm. Kept apart from OpImporters.cpp,
// which holds the activations, arithmetic and convolution layers.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include <cmath>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

LogicalResult nn::onnx_import::importLayerNormalization(NodeContext &ctx) {
  // Mean and InvStdDev are training outputs: inference hardware makes Y.
  for (int i = 1; i < ctx.node().output_size(); ++i)
    if (ctx.isOutputUsed(i)) {
      ctx.emitError() << "output " << i
                      << " (Mean or InvStdDev) is used; only the first "
                         "output is supported";
      return failure();
    }
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  auto xType = llvm::cast<RankedTensorType>(x->getType());
  int64_t rank = xType.getRank(), axis = ctx.getInt("axis", -1);
  if (axis < -rank || axis >= rank) {
    ctx.emitError() << "axis " << axis << " is outside [" << -rank << ", "
                    << rank << ") for an input of rank " << rank;
    return failure();
  }
  ArrayRef<int64_t> normalized =
      xType.getShape().drop_front(axis < 0 ? axis + rank : axis);
  float epsilon = ctx.getFloat("epsilon", 1e-5f);
  if (!std::isfinite(epsilon) || epsilon < 0) {
    ctx.emitError() << "epsilon " << epsilon
                    << " is not a finite non-negative number";
    return failure();
  }
  // ONNX lets Scale and B broadcast to the normalized shape; PyTorch
  // exports them with exactly that shape, the only form nn takes.
  SmallVector<Value> operands{*x};
  for (unsigned i : {1u, 2u}) {
    const char *name = i == 1 ? "Scale" : "B";
    if (!ctx.hasInput(i)) {
      // B is optional (a zero bias); the opset-13 subgraph of a LayerNorm
      // without elementwise_affine has no Scale either (a unit scale).
      std::vector<float> values(
          size_t(RankedTensorType::get(normalized, xType.getElementType())
                     .getNumElements()),
          i == 1 ? 1.0f : 0.0f);
      operands.push_back(ctx.getGraph().createFloatConstant(
          ctx.getLoc(), ctx.node().name() + (i == 1 ? "_scale" : "_bias"),
          normalized, values));
      continue;
    }
    FailureOr<Value> param = ctx.input(i);
    if (failed(param))
      return failure();
    auto type = llvm::cast<RankedTensorType>(param->getType());
    if (type.getShape() != normalized) {
      ctx.emitError() << "input " << i << " (" << name << ") has shape "
                      << formatShape(type.getShape())
                      << "; nn needs the normalized shape "
                      << formatShape(normalized)
                      << " (input dimensions from axis " << axis << ")";
      return failure();
    }
    operands.push_back(*param);
  }
  FailureOr<RankedTensorType> type = ctx.outputType(0);
  if (failed(type))
    return failure();
  Builder &b = ctx.builder();
  Value y = LayerNormOp::create(ctx.builder(), ctx.getLoc(), *type,
                                operands[0], operands[1], operands[2],
                                b.getI64IntegerAttr(axis),
                                b.getF32FloatAttr(epsilon));
  ctx.setOutput(0, y);
  return success();
}
