//===- LayerNormRule.cpp - a layer norm in hls4ml's fixed point -----------===//
//
// hls4ml's LayerNormalization computes, per normalized slice, the mean and
// the variance in its `accum` type, reads 1 / sqrt(var + epsilon) from a
// table (`table_t`, `table_size` entries), and applies scale and bias. nn
// writes the same steps as existing ops (LayerNormRule.h), so that the
// interpreter, the lowering and the cost model need only nn.rsqrt.
//
//===----------------------------------------------------------------------===//

#include "LayerNormRule.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace nn;

FailureOr<Value>
nn::buildFixedLayerNorm(OpBuilder &builder, LayerNormOp norm, Value scale,
                        Value bias, const LayerNormFormats &formats,
                        const std::string &layer,
                        function_ref<InFlightDiagnostic()> emitLayerError) {
  MLIRContext *context = builder.getContext();
  Location loc = norm.getLoc();
  Value x = norm.getInput();
  auto xType = llvm::cast<RankedTensorType>(x.getType());
  const fx::Format input =
      llvm::cast<FixedType>(xType.getElementType()).getFormat();
  // The formats of the exact intermediates, checked before any op is made.
  const fx::Format centered = fx::differenceFormat(input, formats.accum);
  const fx::Format square = fx::productFormat(centered, centered);
  const fx::Format normalized = fx::productFormat(centered, formats.table);
  const fx::Format scaleFormat =
      llvm::cast<FixedType>(getElementTypeOrSelf(scale.getType())).getFormat();
  const fx::Format scaled = fx::productFormat(normalized, scaleFormat);
  std::pair<const char *, fx::Format> exact[] = {
      {"x - mean", centered},
      {"(x - mean)^2", square},
      {"(x - mean) * inv_std", normalized},
      {"(x - mean) * inv_std * scale", scaled}};
  for (auto [what, format] : exact)
    if (!format.isValid())
      return emitLayerError()
             << "the exact " << what << " needs " << format.width
             << " bits, more than 64 (input " << input.toString()
             << ", accum " << formats.accum.toString() << ", table "
             << formats.table.toString() << ", scale "
             << scaleFormat.toString()
             << "); give the layer narrower precisions";

  auto named = [&](const char *suffix) -> Location {
    return NameLoc::get(StringAttr::get(context, layer + suffix), loc);
  };
  auto typed = [&](ArrayRef<int64_t> shape, const fx::Format &format) {
    return RankedTensorType::get(shape, FixedType::get(context, format));
  };
  // The statistics keep the normalized dimensions with size 1, so that
  // they broadcast against x.
  int64_t rank = xType.getRank(), axis = norm.getNormalizedAxis();
  SmallVector<int64_t> axes, statShape(xType.getShape());
  for (int64_t d = axis; d < rank; ++d) {
    axes.push_back(d);
    statShape[d] = 1;
  }
  ArrayRef<int64_t> shape = xType.getShape();
  Value mean = ReduceMeanOp::create(builder, named("_mean"),
                                    typed(statShape, formats.accum), x,
                                    builder.getDenseI64ArrayAttr(axes),
                                    builder.getBoolAttr(true));
  Value d = SubOp::create(builder, named("_centered"), typed(shape, centered),
                          x, mean);
  Value sq =
      MulOp::create(builder, named("_square"), typed(shape, square), d, d);
  Value var = ReduceMeanOp::create(builder, named("_var"),
                                   typed(statShape, formats.accum), sq,
                                   builder.getDenseI64ArrayAttr(axes),
                                   builder.getBoolAttr(true));
  auto rsqrt = RsqrtOp::create(builder, named("_inv_std"),
                               typed(statShape, formats.table), var,
                               norm.getEpsilonAttr());
  rsqrt->setAttr(kTableSizeAttrName,
                 builder.getI64IntegerAttr(formats.tableSize));
  rsqrt->setAttr(kTableTypeAttrName,
                 TypeAttr::get(FixedType::get(context, formats.table)));
  Value n = MulOp::create(builder, named("_normalized"),
                          typed(shape, normalized), d, rsqrt.getResult());
  Value s =
      MulOp::create(builder, named("_scale"), typed(shape, scaled), n, scale);
  return AddOp::create(builder, loc, typed(shape, formats.result), s, bias)
      .getResult();
}
