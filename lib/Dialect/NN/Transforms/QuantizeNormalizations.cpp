//===- QuantizeNormalizations.cpp - nn-quantize: normalizations -----------===//
//
// Batch norm (hls4ml's scale and bias form) and layer norm (the fixed-point
// form of LayerNormRule.h): the layers whose statistics are folded or
// rewritten at quantization time rather than typed in place.
//
//===----------------------------------------------------------------------===//

#include "QuantizePass.h"
#include "LayerNormRule.h"

#include "nn/Conversion/Passes.h"
#include "nn/Support/ActivationTables.h"
#include "nn/Support/BatchNorm.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cmath>

using namespace mlir;
using namespace nn;
using namespace nn::quantize;

// A batch norm that canonicalization did not fold into a conv or dense (on
// the inputs, after a pool or an add) takes hls4ml's BatchNormalization
// arithmetic (nnet::normalize): its statistics become, in double,
//   scale'[c] = scale[c] / sqrt(var[c] + epsilon)
//   bias'[c]  = bias[c] - mean[c] * scale'[c]
// quantized to the layer's `scale` (weight) and `bias` precisions, and
//   y = cast<result>(x * scale'[c] + bias'[c])
// with the exact product and sum, one rounding to the result type. nn
// writes it as an nn.mul typed with the product's lossless format (named
// <layer>_scale) and an nn.add typed with the result precision (named after
// the layer), both exact before their cast, as the interpreter and the
// lowering compute them.
LogicalResult QuantizePass::quantizeBatchNorm(BatchNormOp batchNorm,
                                              LayerReport &report,
                                              const Levels &levels) {
  MLIRContext *context = &getContext();
  Location loc = batchNorm.getLoc();
  auto emitLayerError = [&] {
    return batchNorm.emitError("layer '")
           << report.name << "' (nn.batch_norm): ";
  };
  FixedType inputType = getFixedElement(batchNorm.getInput());
  if (!inputType)
    return emitLayerError()
           << "its input is a float constant, not a layer's fixed-point "
              "result; nn quantizes batch norms of layers only";
  auto inputTensor = llvm::cast<RankedTensorType>(batchNorm.getInput().getType());
  int64_t channels = inputTensor.getDimSize(1);
  SmallVector<double> stats[4];
  for (unsigned i = 0; i < 4; ++i) {
    auto constant = batchNorm->getOperand(i + 1).getDefiningOp<ConstantOp>();
    std::optional<SmallVector<double>> values;
    if (constant && isFloatTensor(constant.getType()))
      values = readFloats(constant);
    if (!values || (values->size() != 1 && int64_t(values->size()) != channels))
      return emitLayerError()
             << "its scale, bias, mean and var must be float constants to "
                "be quantized (hls4ml's BatchNormalization folds them into "
                "one scale and one bias)";
    if (values->size() == 1) // a splat
      values->assign(channels, values->front());
    stats[i] = std::move(*values);
  }
  double epsilon = batchNorm.getEpsilon().convertToDouble();
  SmallVector<float> scale(channels), bias(channels);
  for (int64_t c = 0; c < channels; ++c) {
    std::optional<double> factor =
        batchNormFactor(stats[0][c], stats[3][c], epsilon);
    double shift = factor ? stats[1][c] - stats[2][c] * *factor : 0;
    if (!factor || !std::isfinite(shift))
      return emitLayerError()
             << "channel " << c << ": scale / sqrt(var + epsilon) (scale "
             << stats[0][c] << ", var " << stats[3][c] << ", epsilon "
             << epsilon
             << ") or bias - mean times it is no finite number; a batch "
                "norm needs var + epsilon > 0 and finite statistics";
    scale[c] = float(*factor);
    bias[c] = float(shift);
  }
  // [C], or [C, 1, ...] to broadcast over the spatial axes of [N, C, ...].
  SmallVector<int64_t> shape{channels};
  shape.append(inputTensor.getRank() - 2, 1);
  auto floatType = RankedTensorType::get(shape, Float32Type::get(context));
  OpBuilder builder(batchNorm);
  auto makeConstant = [&](ArrayRef<float> values) {
    return ConstantOp::create(builder, loc, floatType,
                              DenseElementsAttr::get(floatType, values));
  };
  ConstantOp scaleConstant = makeConstant(scale),
             biasConstant = makeConstant(bias);

  FailureOr<Chosen<hls::Precision>> scalePrecision =
      parameterPrecision(scaleConstant, Var::Weight, levels, report);
  if (failed(scalePrecision))
    return failure();
  FailureOr<Chosen<hls::Precision>> biasPrecision =
      parameterPrecision(biasConstant, Var::Bias, levels, report);
  if (failed(biasPrecision))
    return failure();
  const calib::Range *range = rangeOf(batchNorm);
  FailureOr<Chosen<hls::Precision>> chosen = resultPrecision(
      loc, levels, batchNorm->getAttr(kQdqTypeAttrName), range, report);
  if (failed(chosen))
    return failure();
  Chosen<hls::Precision> result = levels.resolveAuto(*chosen);
  fx::Format product =
      fx::productFormat(inputType.getFormat(), scalePrecision->value.format);
  if (!product.isValid())
    return emitLayerError()
           << "the exact product of its input ("
           << inputType.getFormat().toString() << ") and its scale ("
           << scalePrecision->value.format.toString() << ") needs "
           << product.width
           << " bits, more than 64; give the layer a narrower scale "
              "precision or its input a narrower type";

  FailureOr<Value> fixedScale = quantizeConstant(
      scaleConstant, FixedType::get(context, scalePrecision->value.format));
  if (failed(fixedScale))
    return failure();
  FailureOr<Value> fixedBias = quantizeConstant(
      biasConstant, FixedType::get(context, biasPrecision->value.format));
  if (failed(fixedBias))
    return failure();
  // The product is an intermediate: named apart, so that the layer's name
  // (traces, --compare-float) stays on its output, the nn.add.
  Location productLoc =
      NameLoc::get(StringAttr::get(context, report.name + "_scale"), loc);
  Value scaled = MulOp::create(
      builder, productLoc, inputTensor.clone(FixedType::get(context, product)),
      batchNorm.getInput(), *fixedScale);
  Value output = AddOp::create(
      builder, loc,
      inputTensor.clone(FixedType::get(context, result.value.format)), scaled,
      *fixedBias);
  if (StringRef(result.source).starts_with("QDQ"))
    qdqValues.insert(output);
  batchNorm.replaceAllUsesWith(output);
  batchNorm.erase();

  report.vars[static_cast<int>(Var::Weight)] = Chosen<std::string>{
      scalePrecision->value.format.toString(), scalePrecision->source};
  report.vars[static_cast<int>(Var::Bias)] = Chosen<std::string>{
      biasPrecision->value.format.toString(), biasPrecision->source};
  report.vars[static_cast<int>(Var::Result)] =
      Chosen<std::string>{result.value.format.toString(), result.source};
  return success();
}

// A layer norm takes hls4ml's LayerNormalization precisions: `scale` and
// `bias` for its parameters, `accum` for the mean and the variance (auto:
// the default precision, a mean has no lossless format), `table` and
// table_size for the inverse standard deviation (default
// fx::kDefaultRsqrtTableFormat, 1024 entries) and `result`; the arithmetic
// is buildFixedLayerNorm's (LayerNormRule.h).
LogicalResult QuantizePass::quantizeLayerNorm(LayerNormOp norm,
                                              LayerReport &report,
                                              const Levels &levels) {
  MLIRContext *context = &getContext();
  auto emitLayerError = [&] {
    return norm.emitError("layer '") << report.name << "' (nn.layer_norm): ";
  };
  if (!getFixedElement(norm.getInput()))
    return emitLayerError()
           << "its input is a float constant, not a layer's fixed-point "
              "result; nn quantizes layer norms of layers only";
  Value params[2] = {norm.getScale(), norm.getBias()};
  Var roles[2] = {Var::Weight, Var::Bias};
  Value fixedParams[2];
  for (int i = 0; i < 2; ++i) {
    auto constant = params[i].getDefiningOp<ConstantOp>();
    if (!constant || !isFloatTensor(constant.getType()))
      return emitLayerError() << "its scale and bias must be float constants "
                                 "to be quantized";
    FailureOr<Chosen<hls::Precision>> precision =
        parameterPrecision(constant, roles[i], levels, report);
    if (failed(precision))
      return failure();
    FailureOr<Value> fixed = quantizeConstant(
        constant, FixedType::get(context, precision->value.format));
    if (failed(fixed))
      return failure();
    fixedParams[i] = *fixed;
    report.vars[static_cast<int>(roles[i])] = Chosen<std::string>{
        precision->value.format.toString(), precision->source};
  }
  Chosen<hls::Precision> accum =
      levels.resolveAuto(levels.precision(Var::Accum));
  std::optional<Chosen<hls::Precision>> table = levels.configured(Var::Table);
  if (!table || table->value.isAuto)
    table = Chosen<hls::Precision>{
        hls::Precision{false, fx::kDefaultRsqrtTableFormat},
        "default (layer norm)"};
  std::string problem = fx::tableWidthProblem(table->value.format.width);
  if (!problem.empty())
    return emitLayerError() << "the table ("
                            << table->value.format.toString() << ", "
                            << table->source << ") " << problem;
  Chosen<int64_t> size = levels.tableSize().value_or(
      Chosen<int64_t>{fx::kDefaultTableSize, "default"});
  const calib::Range *range = rangeOf(norm);
  FailureOr<Chosen<hls::Precision>> chosen = resultPrecision(
      norm.getLoc(), levels, norm->getAttr(kQdqTypeAttrName), range, report);
  if (failed(chosen))
    return failure();
  Chosen<hls::Precision> result = levels.resolveAuto(*chosen);
  OpBuilder builder(norm);
  FailureOr<Value> output = buildFixedLayerNorm(
      builder, norm, fixedParams[0], fixedParams[1],
      {accum.value.format, table->value.format, result.value.format,
       size.value},
      report.name, emitLayerError);
  if (failed(output))
    return failure();
  if (StringRef(result.source).starts_with("QDQ"))
    qdqValues.insert(*output);
  norm.replaceAllUsesWith(*output);
  norm.erase();
  report.vars[static_cast<int>(Var::Accum)] =
      Chosen<std::string>{accum.value.format.toString(), accum.source};
  report.vars[static_cast<int>(Var::Table)] =
      Chosen<std::string>{table->value.format.toString(), table->source};
  report.tableSize = size;
  report.vars[static_cast<int>(Var::Result)] =
      Chosen<std::string>{result.value.format.toString(), result.source};
  return success();
}
