//===- ShapeImporters.cpp - ONNX shape and data movement ------------------===//
//
// Concat, the reshapes, Transpose, Pad, ReduceMean and Resize: the op types
// that move data rather than compute on it (plus the mean reduction).
//
//===----------------------------------------------------------------------===//

#include "OpImporters.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace nn {
namespace onnx_import {

LogicalResult importConcat(NodeContext &ctx) {
  SmallVector<unsigned> indices;
  for (int i = 0; i < ctx.node().input_size(); ++i)
    indices.push_back(i);
  FailureOr<SmallVector<Value>> operands = inputs(ctx, indices);
  if (failed(operands))
    return failure();
  if (!ctx.hasAttr("axis")) {
    ctx.emitError() << "the required attribute 'axis' is missing";
    return failure();
  }
  return createOp<ConcatOp>(ctx, *operands,
                            {i64Attr(ctx, "axis", ctx.getInt("axis", 0))});
}

/// Reshape, Squeeze and Unsqueeze only change the shape, which shape
/// inference has already worked out (resolving Reshape's 0 and -1).
LogicalResult importReshapeLike(NodeContext &ctx) {
  const std::string &type = ctx.node().op_type();
  unsigned shapeInput = 1;
  if (ctx.hasInput(shapeInput) && !ctx.constantInput(shapeInput)) {
    ctx.emitError() << (type == "Reshape" ? "the shape" : "axes")
                    << " (input 1) must be a constant; a shape computed at "
                       "run time cannot be resolved to a static one";
    return failure();
  }
  return importUnary<ReshapeOp>(ctx);
}

LogicalResult importFlatten(NodeContext &ctx) {
  return importUnary<FlattenOp>(ctx,
                                {i64Attr(ctx, "axis", ctx.getInt("axis", 1))});
}

LogicalResult importTranspose(NodeContext &ctx) {
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  int64_t rank = llvm::cast<RankedTensorType>(x->getType()).getRank();
  SmallVector<int64_t> perm;
  if (std::optional<SmallVector<int64_t>> given = ctx.getInts("perm"))
    perm = *given;
  else
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  return createOp<TransposeOp>(ctx, {*x}, {arrayAttr(ctx, "perm", perm)});
}

LogicalResult importPad(NodeContext &ctx) {
  std::string mode = ctx.getString("mode", "constant");
  if (mode != "constant") {
    ctx.emitError() << "mode '" << mode
                    << "' is not supported; nn.pad pads with a constant";
    return failure();
  }
  FailureOr<SmallVector<int64_t>> pads = ctx.constantInts(1, "pads");
  if (failed(pads))
    return failure();
  float value = 0.0f;
  if (ctx.hasInput(2)) {
    FailureOr<std::vector<float>> constant =
        ctx.constantFloats(2, "constant_value");
    if (failed(constant))
      return failure();
    if (constant->size() != 1) {
      ctx.emitError() << "constant_value must be a scalar";
      return failure();
    }
    value = constant->front();
  }
  return importUnary<PadOp>(
      ctx, {arrayAttr(ctx, "pads", *pads), f32Attr(ctx, "value", value)});
}

LogicalResult importReduceMean(NodeContext &ctx) {
  SmallVector<int64_t> axes =
      ctx.getInts("axes").value_or(SmallVector<int64_t>());
  return importUnary<ReduceMeanOp>(
      ctx, {arrayAttr(ctx, "axes", axes),
            boolAttr(ctx, "keepdims", ctx.getInt("keepdims", 1))});
}

/// Resize in nearest mode by integer factors, where every output element
/// copies input element floor(i / scale). That holds for the coordinate
/// transformation and rounding combinations accepted below.
LogicalResult importResize(NodeContext &ctx) {
  std::string mode = ctx.getString("mode", "nearest");
  std::string transform =
      ctx.getString("coordinate_transformation_mode", "half_pixel");
  std::string nearest = ctx.getString("nearest_mode", "round_prefer_floor");
  if (mode == "linear")
    return importLinearResize(ctx);
  if (mode != "nearest") {
    ctx.emitError() << "mode '" << mode
                    << "' is not supported; nn imports nearest (nn.resize) "
                       "and linear (as a dense layer)";
    return failure();
  }
  FailureOr<Value> x = ctx.input(0);
  FailureOr<RankedTensorType> resultType = ctx.outputType(0);
  if (failed(x) || failed(resultType))
    return failure();
  auto inType = llvm::cast<RankedTensorType>(x->getType());
  SmallVector<int64_t> scales;
  for (int64_t d = 0; d < inType.getRank(); ++d) {
    int64_t in = inType.getDimSize(d), out = resultType->getDimSize(d);
    if (in == 0 || out % in != 0) {
      ctx.emitError() << "dimension " << d << " goes from " << in << " to "
                      << out << ", not an integer upsampling factor";
      return failure();
    }
    scales.push_back(out / in);
  }
  int64_t maxScale = *llvm::max_element(scales);
  bool halfPixel = transform == "half_pixel" ||
                   transform == "pytorch_half_pixel";
  bool roundNearest = nearest == "round_prefer_floor" ||
                      nearest == "round_prefer_ceil";
  bool exact =
      (halfPixel && roundNearest) ||
      (transform == "asymmetric" && nearest == "floor") ||
      (transform == "asymmetric" && nearest == "round_prefer_floor" &&
       maxScale <= 2) ||
      (transform == "tf_half_pixel_for_nn" && nearest == "floor");
  if (!exact) {
    ctx.emitError() << "coordinate_transformation_mode '" << transform
                    << "' with nearest_mode '" << nearest
                    << "' and scale " << maxScale
                    << " is not a plain repetition of input elements; "
                       "supported: half_pixel or pytorch_half_pixel with "
                       "round_prefer_floor/ceil, asymmetric with floor";
    return failure();
  }
  return createOp<ResizeOp>(ctx, {*x}, {arrayAttr(ctx, "scales", scales)});
}

} // namespace onnx_import
} // namespace nn
