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

namespace {
/// LayerNormalization's optional outputs Mean and InvStdDev (ONNX's
/// training statistics, shaped as x with the normalized dimensions 1),
/// when something reads them: nn.reduce_mean, and nn.rsqrt of the mean of
/// the squared deviation, named <layer>_mean and <layer>_inv_std.
LogicalResult importStatistics(NodeContext &ctx, Value x, int64_t axis,
                               float epsilon) {
  bool mean = ctx.node().output_size() > 1 && ctx.isOutputUsed(1);
  bool inverse = ctx.node().output_size() > 2 && ctx.isOutputUsed(2);
  if (!mean && !inverse)
    return success();
  OpBuilder &b = ctx.builder();
  Location loc = ctx.getLoc();
  std::string layer = getLayerName(loc);
  auto named = [&](const char *suffix) -> Location {
    return NameLoc::get(b.getStringAttr(layer + suffix), loc);
  };
  auto xType = llvm::cast<RankedTensorType>(x.getType());
  SmallVector<int64_t> axes, statShape(xType.getShape());
  for (int64_t d = axis; d < xType.getRank(); ++d) {
    axes.push_back(d);
    statShape[d] = 1;
  }
  auto statType = RankedTensorType::get(statShape, xType.getElementType());
  Value m = ReduceMeanOp::create(b, named("_mean"), statType, x,
                                 b.getDenseI64ArrayAttr(axes),
                                 b.getBoolAttr(true));
  if (mean)
    ctx.setOutput(1, m);
  if (inverse) {
    Value d = SubOp::create(b, named("_centered"), xType, x, m);
    Value sq = MulOp::create(b, named("_square"), xType, d, d);
    Value var = ReduceMeanOp::create(b, named("_var"), statType, sq,
                                     b.getDenseI64ArrayAttr(axes),
                                     b.getBoolAttr(true));
    ctx.setOutput(2, RsqrtOp::create(b, named("_inv_std"), statType, var,
                                     b.getF32FloatAttr(epsilon)));
  }
  return success();
}
} // namespace

LogicalResult nn::onnx_import::importLayerNormalization(NodeContext &ctx) {
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
  return importStatistics(ctx, *x, axis < 0 ? axis + rank : axis, epsilon);
}
