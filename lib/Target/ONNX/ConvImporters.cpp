//===- ConvImporters.cpp - ONNX convolution and pooling -------------------===//
//
// Conv, the pools and BatchNormalization: the layers with spatial
// attributes (pads resolved from auto_pad, strides, dilations).
//
//===----------------------------------------------------------------------===//

#include "OpImporters.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace nn {
namespace onnx_import {

/// The explicit pads of a conv or pool, from `pads` or from `auto_pad`.
FailureOr<SmallVector<int64_t>>
resolvePads(NodeContext &ctx, ArrayRef<int64_t> inputSpatial,
            ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
            ArrayRef<int64_t> dilations) {
  size_t rank = inputSpatial.size();
  std::string autoPad = ctx.getString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    SmallVector<int64_t> pads =
        ctx.getInts("pads").value_or(SmallVector<int64_t>(2 * rank, 0));
    if (pads.size() != 2 * rank) {
      ctx.emitError() << "pads has " << pads.size() << " values, expected "
                      << 2 * rank;
      return failure();
    }
    return pads;
  }
  if (autoPad == "VALID")
    return SmallVector<int64_t>(2 * rank, 0);
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER") {
    ctx.emitError() << "auto_pad value '" << autoPad
                    << "' is not supported; expected NOTSET, VALID, "
                       "SAME_UPPER or SAME_LOWER";
    return failure();
  }
  // SAME: the output has ceil(in / stride) elements; the padding that needs
  // goes to the end (SAME_UPPER) or the beginning (SAME_LOWER) when odd.
  SmallVector<int64_t> pads(2 * rank, 0);
  for (size_t d = 0; d < rank; ++d) {
    int64_t out = (inputSpatial[d] + strides[d] - 1) / strides[d];
    int64_t effectiveKernel = (kernel[d] - 1) * dilations[d] + 1;
    int64_t total = std::max<int64_t>(
        0, (out - 1) * strides[d] + effectiveKernel - inputSpatial[d]);
    int64_t small = total / 2, large = total - small;
    pads[d] = autoPad == "SAME_UPPER" ? small : large;
    pads[d + rank] = autoPad == "SAME_UPPER" ? large : small;
  }
  return pads;
}

/// Spatial dimensions of input 0, checking that they are one or two.
FailureOr<SmallVector<int64_t>> spatialDims(NodeContext &ctx, Value input) {
  auto type = llvm::cast<RankedTensorType>(input.getType());
  if (type.getRank() != 3 && type.getRank() != 4) {
    ctx.emitError() << "input has rank " << type.getRank()
                    << "; nn supports 1-D and 2-D (rank 3 and 4) inputs";
    return failure();
  }
  return SmallVector<int64_t>(type.getShape().drop_front(2));
}

SmallVector<int64_t> intsOr(NodeContext &ctx, StringRef name, size_t rank,
                            int64_t fill) {
  return ctx.getInts(name).value_or(SmallVector<int64_t>(rank, fill));
}

LogicalResult importConv(NodeContext &ctx) {
  FailureOr<Value> x = ctx.input(0);
  FailureOr<Value> w = ctx.input(1);
  if (failed(x) || failed(w))
    return failure();
  FailureOr<SmallVector<int64_t>> spatial = spatialDims(ctx, *x);
  if (failed(spatial))
    return failure();
  size_t rank = spatial->size();
  auto wType = llvm::cast<RankedTensorType>(w->getType());
  SmallVector<int64_t> kernel = ctx.getInts("kernel_shape").value_or(
      SmallVector<int64_t>(wType.getShape().drop_front(2)));
  SmallVector<int64_t> strides = intsOr(ctx, "strides", rank, 1);
  SmallVector<int64_t> dilations = intsOr(ctx, "dilations", rank, 1);
  if (kernel.size() != rank || strides.size() != rank ||
      dilations.size() != rank) {
    ctx.emitError() << "kernel_shape, strides and dilations must have "
                    << rank << " values each";
    return failure();
  }
  FailureOr<SmallVector<int64_t>> pads =
      resolvePads(ctx, *spatial, kernel, strides, dilations);
  if (failed(pads))
    return failure();
  SmallVector<Value> operands{*x, *w};
  if (ctx.hasInput(2)) {
    FailureOr<Value> bias = ctx.input(2);
    if (failed(bias))
      return failure();
    operands.push_back(*bias);
  }
  return createOp<ConvOp>(ctx, operands,
                          {arrayAttr(ctx, "strides", strides),
                           arrayAttr(ctx, "pads", *pads),
                           arrayAttr(ctx, "dilations", dilations),
                           i64Attr(ctx, "group", ctx.getInt("group", 1))});
}

template <typename OpTy, bool isMax>
LogicalResult importPool(NodeContext &ctx) {
  if (failed(onlyFirstOutputUsed(ctx, "the argmax indices")))
    return failure();
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  FailureOr<SmallVector<int64_t>> spatial = spatialDims(ctx, *x);
  if (failed(spatial))
    return failure();
  size_t rank = spatial->size();
  std::optional<SmallVector<int64_t>> kernel = ctx.getInts("kernel_shape");
  if (!kernel || kernel->size() != rank) {
    ctx.emitError() << "kernel_shape must have " << rank << " values";
    return failure();
  }
  SmallVector<int64_t> strides = intsOr(ctx, "strides", rank, 1);
  SmallVector<int64_t> dilations = intsOr(ctx, "dilations", rank, 1);
  if (strides.size() != rank || dilations.size() != rank) {
    ctx.emitError() << "strides and dilations must have " << rank
                    << " values each";
    return failure();
  }
  if (!isMax && llvm::any_of(dilations, [](int64_t d) { return d != 1; })) {
    ctx.emitError() << "dilations other than 1 are not supported for "
                       "AveragePool";
    return failure();
  }
  FailureOr<SmallVector<int64_t>> pads =
      resolvePads(ctx, *spatial, *kernel, strides, dilations);
  if (failed(pads))
    return failure();
  SmallVector<NamedAttribute> attrs{
      arrayAttr(ctx, "kernel_shape", *kernel), arrayAttr(ctx, "strides", strides),
      arrayAttr(ctx, "pads", *pads),
      boolAttr(ctx, "ceil_mode", ctx.getInt("ceil_mode", 0))};
  if (isMax)
    attrs.push_back(arrayAttr(ctx, "dilations", dilations));
  else
    attrs.push_back(boolAttr(ctx, "count_include_pad",
                             ctx.getInt("count_include_pad", 0)));
  return createOp<OpTy>(ctx, {*x}, attrs);
}

LogicalResult importBatchNormalization(NodeContext &ctx) {
  if (ctx.getInt("training_mode", 0) != 0) {
    ctx.emitError() << "training_mode = 1 is not supported; nn imports "
                       "inference graphs (export the model in eval mode)";
    return failure();
  }
  if (failed(onlyFirstOutputUsed(ctx, "running statistics")))
    return failure();
  FailureOr<SmallVector<Value>> operands = inputs(ctx, {0, 1, 2, 3, 4});
  if (failed(operands))
    return failure();
  return createOp<BatchNormOp>(
      ctx, *operands,
      {f32Attr(ctx, "epsilon", ctx.getFloat("epsilon", 1e-5f))});
}

// The instances the op-type table (OpImporters.cpp) uses.
template LogicalResult importPool<AvgPoolOp, false>(NodeContext &ctx);
template LogicalResult importPool<MaxPoolOp, true>(NodeContext &ctx);

} // namespace onnx_import
} // namespace nn
