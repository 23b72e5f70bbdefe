//===- ActivationImporters.cpp - ONNX activations -------------------------===//
//
// The importers of ONNX's activation op types that take attributes or
// bounds (LeakyRelu, Elu, Selu, ..., Softmax, Clip); attribute-free ones are
// importPlainUnary lines in the op-type table (OpImporters.cpp).
//
//===----------------------------------------------------------------------===//

#include "OpImporters.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace nn {
namespace onnx_import {

LogicalResult importLeakyRelu(NodeContext &ctx) {
  return importUnary<LeakyReluOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 0.01f))});
}

LogicalResult importElu(NodeContext &ctx) {
  return importUnary<EluOp>(ctx,
                            {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 1.0f))});
}

LogicalResult importSelu(NodeContext &ctx) {
  return importUnary<SeluOp>(
      ctx, {f32Attr(ctx, "alpha",
                    ctx.getFloat("alpha", 1.67326319217681884765625f)),
            f32Attr(ctx, "gamma",
                    ctx.getFloat("gamma", 1.05070102214813232421875f))});
}

LogicalResult importThresholdedRelu(NodeContext &ctx) {
  return importUnary<ThresholdedReluOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 1.0f))});
}

LogicalResult importHardSigmoid(NodeContext &ctx) {
  return importUnary<HardSigmoidOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 0.2f)),
            f32Attr(ctx, "beta", ctx.getFloat("beta", 0.5f))});
}

/// HardSwish (opset 14, no attributes: alpha = 1/6, beta = 0.5), or the
/// opset-13 form Mul(x, HardSigmoid(x)) that LayerPatterns.cpp made one
/// node carrying the HardSigmoid's alpha and beta.
LogicalResult importHardSwish(NodeContext &ctx) {
  return importUnary<HardSwishOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 1.0f / 6.0f)),
            f32Attr(ctx, "beta", ctx.getFloat("beta", 0.5f))});
}

/// Gelu: ONNX opset 20's op, which LayerPatterns.cpp makes from the
/// subgraphs PyTorch exports at opsets 13-17 (nn.gelu's verifier checks
/// `approximate`).
LogicalResult importGelu(NodeContext &ctx) {
  return importUnary<GeluOp>(
      ctx, {ctx.builder().getNamedAttr(
               "approximate", ctx.builder().getStringAttr(
                                  ctx.getString("approximate", "none")))});
}

LogicalResult importSoftmax(NodeContext &ctx) {
  return importUnary<SoftmaxOp>(ctx,
                                {i64Attr(ctx, "axis", ctx.getInt("axis", -1))});
}

LogicalResult importClip(NodeContext &ctx) {
  // Constant bounds become attributes of nn.clip. A bound computed at run
  // time becomes nn.max/nn.min with the scalar, which is the same function
  // (including ONNX's rule that min > max gives max everywhere).
  SmallVector<NamedAttribute> attrs;
  SmallVector<std::pair<unsigned, Value>> dynamicBounds;
  for (auto [index, name] : {std::pair<unsigned, StringRef>{1, "min"},
                             std::pair<unsigned, StringRef>{2, "max"}}) {
    if (!ctx.hasInput(index))
      continue;
    if (!ctx.constantInput(index)) {
      FailureOr<Value> bound = ctx.input(index);
      if (failed(bound))
        return failure();
      dynamicBounds.emplace_back(index, *bound);
      continue;
    }
    FailureOr<std::vector<float>> bound = ctx.constantFloats(index, name);
    if (failed(bound))
      return failure();
    if (bound->size() != 1) {
      ctx.emitError() << name << " must be a scalar, got "
                      << bound->size() << " values";
      return failure();
    }
    attrs.push_back(f32Attr(ctx, name, bound->front()));
  }
  if (dynamicBounds.empty())
    return importUnary<ClipOp>(ctx, attrs);
  FailureOr<Value> x = ctx.input(0);
  FailureOr<RankedTensorType> type = ctx.outputType(0);
  if (failed(x) || failed(type))
    return failure();
  Value result = *x;
  if (!attrs.empty())
    result = ClipOp::create(ctx.builder(), ctx.getLoc(), TypeRange{*type},
                            ValueRange{result}, attrs)
                 ->getResult(0);
  for (auto [index, bound] : dynamicBounds) {
    if (index == 1)
      result = MaxOp::create(ctx.builder(), ctx.getLoc(), TypeRange{*type},
                             ValueRange{result, bound})
                   ->getResult(0);
    else
      result = MinOp::create(ctx.builder(), ctx.getLoc(), TypeRange{*type},
                             ValueRange{result, bound})
                   ->getResult(0);
  }
  ctx.setOutput(0, result);
  return success();
}
} // namespace onnx_import
} // namespace nn
