//===- ArithmeticImporters.cpp - ONNX arithmetic --------------------------===//
//
// Add (folded into a dense layer's bias when it is one) and the variadic
// Max, Min and Sum; two-input arithmetic is importBinary in the op-type
// table (OpImporters.cpp).
//
//===----------------------------------------------------------------------===//

#include "OpImporters.h"

#include "mlir/Dialect/Traits.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace nn {
namespace onnx_import {

/// `MatMul` followed by `Add` of a per-feature constant is a dense layer with
/// a bias: fold the add into the (bias-less) dense the MatMul became.
FailureOr<bool> tryFoldBiasIntoDense(NodeContext &ctx) {
  for (unsigned denseSide : {0u, 1u}) {
    unsigned biasSide = 1 - denseSide;
    const onnx::TensorProto *bias = ctx.constantInput(biasSide);
    if (!bias || ctx.inputUseCount(denseSide) != 1)
      continue;
    FailureOr<Value> denseValue = ctx.input(denseSide);
    if (failed(denseValue))
      return failure();
    auto dense = denseValue->getDefiningOp<DenseOp>();
    if (!dense || dense.getBias())
      continue;
    // The dense is replaced: nothing else may refer to it, neither an op
    // imported already nor another name (an Identity of the MatMul's output
    // read by a later node, or a graph output).
    if (!dense->use_empty() ||
        ctx.getGraph().countNamesBoundTo(dense.getResult()) != 1)
      continue;
    int64_t features = dense.getType().getShape().back();
    SmallVector<int64_t> biasShape(bias->dims().begin(), bias->dims().end());
    if (!isBiasShape(biasShape, features))
      continue;
    FailureOr<std::vector<float>> values =
        ctx.constantFloats(biasSide, "bias");
    if (failed(values))
      return failure();
    FailureOr<RankedTensorType> type = ctx.outputType(0);
    if (failed(type))
      return failure();
    if (*type != dense.getType())
      continue;
    Location loc = FusedLoc::get(ctx.builder().getContext(),
                                 {dense.getLoc(), ctx.getLoc()});
    ctx.builder().setInsertionPoint(dense);
    Value biasValue = ctx.getGraph().createFloatConstant(
        NameLoc::get(ctx.builder().getStringAttr(ctx.node().input(biasSide)),
                     ctx.getGraph().fileLoc()),
        ctx.node().input(biasSide), {features},
        expandBias(*values, features, 1.0f));
    auto fused = DenseOp::create(
        ctx.builder(), loc, TypeRange{*type},
        ValueRange{dense.getInput(), dense.getWeight(), biasValue});
    ctx.builder().setInsertionPointToEnd(fused->getBlock());
    // The MatMul's output had no other reader, so nothing else refers to
    // the bias-less dense.
    dense.getResult().replaceAllUsesWith(fused.getResult());
    ctx.getGraph().eraseOp(dense);
    ctx.setOutput(0, fused.getResult());
    return true;
  }
  return false;
}

LogicalResult importAdd(NodeContext &ctx) {
  FailureOr<bool> folded = tryFoldBiasIntoDense(ctx);
  if (failed(folded))
    return failure();
  if (*folded)
    return success();
  return importBinary<AddOp>(ctx);
}

/// Max, Min and Sum take any number of inputs: a chain of binary ops, each
/// intermediate with the broadcast shape of what it has seen so far.
template <typename OpTy>
LogicalResult importVariadic(NodeContext &ctx) {
  int count = ctx.node().input_size();
  if (count == 0) {
    ctx.emitError() << "has no inputs";
    return failure();
  }
  FailureOr<Value> acc = ctx.input(0);
  if (failed(acc))
    return failure();
  FailureOr<RankedTensorType> resultType = ctx.outputType(0);
  if (failed(resultType))
    return failure();
  for (int i = 1; i < count; ++i) {
    FailureOr<Value> next = ctx.input(i);
    if (failed(next))
      return failure();
    auto lhsType = llvm::cast<RankedTensorType>(acc->getType());
    auto rhsType = llvm::cast<RankedTensorType>(next->getType());
    SmallVector<int64_t> shape;
    if (!mlir::OpTrait::util::getBroadcastedShape(lhsType.getShape(),
                                            rhsType.getShape(), shape)) {
      ctx.emitError() << "inputs do not broadcast: "
                      << formatShape(lhsType.getShape()) << " and "
                      << formatShape(rhsType.getShape());
      return failure();
    }
    Type type = i + 1 == count
                    ? Type(*resultType)
                    : Type(RankedTensorType::get(shape,
                                                 resultType->getElementType()));
    acc = OpTy::create(ctx.builder(), ctx.getLoc(), TypeRange{type},
                       ValueRange{*acc, *next})
              ->getResult(0);
  }
  ctx.setOutput(0, *acc);
  return success();
}

// The instances the op-type table (OpImporters.cpp) uses.
template LogicalResult importVariadic<MaxOp>(NodeContext &ctx);
template LogicalResult importVariadic<MinOp>(NodeContext &ctx);
template LogicalResult importVariadic<AddOp>(NodeContext &ctx);

} // namespace onnx_import
} // namespace nn
