//===- QuantizeMultipliers.cpp - nn-quantize: multiplier layers -----------===//
//
// The rules of the layers with MultiplierOpInterface (dense, conv, ...):
// the accumulator (the one lossless formula, fx::dotProductFormat, when it
// is "auto"), the reuse factor and the strategy, with hls4ml's adjustment
// of a model-wide reuse factor to one the layer can take.
//
//===----------------------------------------------------------------------===//

#include "QuantizePass.h"

#include "nn/Conversion/Passes.h"
#include "nn/Support/Accumulator.h"

using namespace mlir;
using namespace nn;
using namespace nn::quantize;

/// The lossless accumulator of a multiplier op (fx::dotProductFormat, the
/// one rule), with how it follows from the operands in `why`.
static fx::Format autoAccumulator(const fx::Format &input,
                                  const fx::Format &weight,
                                  std::optional<fx::Format> bias,
                                  int64_t fanIn, std::string &why) {
  fx::Format product = fx::productFormat(input, weight);
  fx::Format sum = fx::sumOfTermsFormat(product, fanIn);
  why = "auto: input " + input.toString() + " x weight " + weight.toString() +
        " = " + product.toString() + "; " + std::to_string(fanIn) +
        " products add ceil(log2(" + std::to_string(fanIn) +
        ")) = " + std::to_string(sum.width - product.width) + " bits = " +
        sum.toString();
  fx::Format result =
      fx::dotProductFormat(input, weight, fanIn, bias ? &*bias : nullptr);
  if (bias)
    why += "; + bias " + bias->toString() + " = " + result.toString();
  return result;
}

LogicalResult QuantizePass::setMultiplierAttributes(MultiplierOpInterface op,
                                                    const Levels &levels,
                                                    LayerReport &report) {
  Operation *operation = op.getOperation();
  MLIRContext *context = &getContext();
  // Accumulator.
  Chosen<hls::Precision> accum = levels.precision(Var::Accum);
  // A QDQ layer's accumulator is never a mere default precision: that would
  // truncate the exact products the model's QDQ types stand for
  // (docs/Quantization.md, "Precedence"). Set it explicitly to override.
  bool qdqLayer = qdqValues.contains(operation->getOperand(0)) ||
                  qdqValues.contains(operation->getOperand(1));
  if (qdqLayer && accum.isDefault && !accum.value.isAuto) {
    accum = {hls::Precision{true, {}},
             "QDQ layer: lossless instead of the default precision (" +
                 accum.source + ")"};
  }
  // An accum option given on the command line that an explicit setting
  // overrides: said once.
  if (defaults.accum && accum.source != "option accum" && !accum.isDefault &&
      !StringRef(accum.source).starts_with("QDQ") && !warnedAccumOption) {
    warnedAccumOption = true;
    operation->emitWarning("layer '")
        << report.name << "': option accum is overridden by "
        << accum.source << " (configuration settings of a variable beat the "
        << "options; only the Model's default precision yields to them)";
  }
  fx::Format accumFormat = accum.value.format;
  std::string accumSource = accum.source;
  if (accum.value.isAuto) {
    FixedType input = getFixedElement(operation->getOperand(0));
    FixedType weight = getFixedElement(operation->getOperand(1));
    std::optional<fx::Format> bias;
    if (operation->getNumOperands() > 2)
      if (FixedType biasType = getFixedElement(operation->getOperand(2)))
        bias = biasType.getFormat();
    if (!input || !weight)
      return operation->emitError("layer '")
             << report.name << "': auto accumulator needs fixed-point input "
             << "and weight types";
    std::string why;
    accumFormat = autoAccumulator(input.getFormat(), weight.getFormat(), bias,
                                  op.getMultiplierInputs(), why);
    Chosen<hls::Precision> capped =
        capAuto(accumFormat, why + " (" + accum.source + ")");
    accumFormat = capped.value.format;
    accumSource = capped.source;
    if (accumFormat.width > 1024 || accumFormat.intWidth > 1024 ||
        accumFormat.intWidth < -1024)
      return operation->emitError("layer '")
             << report.name << "': the auto accumulator "
             << accumFormat.toString()
             << " exceeds the 1024-bit limit of !nn.fixed";
  }
  operation->setAttr(kAccumTypeAttrName,
                     TypeAttr::get(FixedType::get(context, accumFormat)));
  report.vars[static_cast<int>(Var::Accum)] =
      Chosen<std::string>{accumFormat.toString(), accumSource};

  // Reuse factor and strategy.
  Chosen<int64_t> rf = levels.reuseFactor();
  Chosen<reuse::Strategy> strategy = levels.strategy();
  int64_t nIn = op.getMultiplierInputs(), nOut = op.getMultiplierOutputs();
  if (!reuse::isValidReuseFactor(nIn, nOut, rf.value, strategy.value) &&
      rf.isModelWide) {
    // hls4ml: a model-wide reuse factor that does not fit a layer becomes
    // the closest valid one (ties: the smaller), with a warning.
    reuse::Nearest nearest =
        reuse::nearestValidReuseFactors(nIn, nOut, rf.value, strategy.value);
    std::optional<int64_t> closest = nearest.below;
    if (nearest.above &&
        (!closest || *nearest.above - rf.value < rf.value - *closest))
      closest = nearest.above;
    if (closest) {
      operation->emitWarning("layer '")
          << report.name << "' (" << operation->getName() << "): reuse factor "
          << rf.value << " (" << rf.source << ") is not valid for the "
          << reuse::toString(strategy.value) << " strategy with n_in = " << nIn
          << ", n_out = " << nOut << "; using the closest valid value "
          << *closest;
      rf = {*closest, rf.source + ", adjusted to the closest valid value " +
                          std::to_string(*closest) + " (was " +
                          std::to_string(rf.value) + ")"};
    }
  }
  if (!reuse::isValidReuseFactor(nIn, nOut, rf.value, strategy.value))
    return operation->emitError("layer '")
           << report.name << "' (" << operation->getName() << "): reuse factor "
           << rf.value << " (" << rf.source << ") is not valid for the "
           << reuse::toString(strategy.value) << " strategy with n_in = "
           << nIn << ", n_out = " << nOut << " (" << nIn * nOut
           << " multiplications); nearest valid: "
           << reuse::formatNearest(reuse::nearestValidReuseFactors(
                  nIn, nOut, rf.value, strategy.value));
  Builder builder(context);
  operation->setAttr(kReuseFactorAttrName, builder.getI64IntegerAttr(rf.value));
  operation->setAttr(kStrategyAttrName,
                     builder.getStringAttr(reuse::toString(strategy.value)));
  report.reuseFactor = rf;
  report.strategy =
      Chosen<std::string>{reuse::toString(strategy.value), strategy.source};
  report.hasMultipliers = true;
  report.multiplierInputs = nIn;
  report.multiplierOutputs = nOut;
  report.multiplications = op.getNumMultiplications();
  report.multipliers = op.getNumMultipliers();
  report.positions = op.getNumPositions();
  return success();
}

