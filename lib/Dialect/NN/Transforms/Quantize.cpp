//===- Quantize.cpp - nn-quantize: precision, reuse factor, strategy ------===//
//
// Applies an hls4ml-style configuration (nn/Support/HlsConfig.h) to a
// floating-point nn network. The rules are documented in the pass
// description (Passes.td) and in docs/Quantization.md.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/Transforms/Passes.h"

#include "nn/Dialect/NN/Transforms/Calibration.h"

#include "LayerNormRule.h"

#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/IR/FixedRaws.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/Accumulator.h"
#include "nn/Support/ActivationTables.h"
#include "nn/Support/BatchNorm.h"
#include "nn/Support/FixedPoint.h"
#include "nn/Support/HlsConfig.h"
#include "nn/Support/InputFile.h"
#include "nn/Support/ReuseFactor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace nn {
#define GEN_PASS_DEF_NNQUANTIZE
#include "nn/Dialect/NN/Transforms/Passes.h.inc"
} // namespace nn

using namespace mlir;
using namespace nn;
using hls::Var;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//


static FixedType getFixedElement(Value value) {
  return llvm::dyn_cast<FixedType>(getElementTypeOrSelf(value.getType()));
}

static bool isFloatTensor(Type type) {
  auto tensor = llvm::dyn_cast<RankedTensorType>(type);
  return tensor && llvm::isa<FloatType>(tensor.getElementType());
}

/// The layer name of a location (the ONNX node name the importer put in a
/// NameLoc; the first one inside a FusedLoc: the computing layer), or "".
static std::string layerName(Location loc) {
  return getHardwareLayerName(loc);
}

/// Which precision variable a constant operand takes: the layer parameters.
static std::optional<Var> parameterRole(Operation *op, unsigned index) {
  if (llvm::isa<DenseOp, ConvOp>(op)) {
    if (index == 1)
      return Var::Weight;
    if (index == 2)
      return Var::Bias;
  } else if (llvm::isa<PReluOp>(op)) {
    if (index == 1)
      return Var::Weight;
  }
  return std::nullopt;
}

/// The spatial rank of an op's first operand (rank - 2), or 0.
//===----------------------------------------------------------------------===//
// Resolution of settings through the configuration levels
//===----------------------------------------------------------------------===//

namespace {

/// The built-in fallbacks: the pass options.
struct Defaults {
  fx::Format precision;
  bool precisionGiven = false; ///< default-precision on the command line
  std::optional<hls::Precision> accum; ///< nullopt: the default precision
  int64_t reuseFactor = 1;
  reuse::Strategy strategy = reuse::Strategy::Latency;
};

/// A setting and where it came from ("LayerName 'fc1'", "Model", ...).
/// `isDefault`: a default precision (Model.Precision's default or the
/// default-precision option), not a setting of this variable.
/// `isModelWide`: from the Model or a LayerType level or the options (a
/// reuse factor that is adjusted per layer, as hls4ml does).
template <typename T> struct Chosen {
  T value;
  std::string source;
  bool isDefault = false;
  bool isModelWide = false;
};

/// The configuration levels that apply to one layer, most specific first.
class Levels {
public:
  /// `aliases`: every name of the layer (nn::getLayerAliases, hardware
  /// name first); the first one with a LayerName entry selects it.
  Levels(const hls::HlsConfig &config, const Defaults &defaults,
         ArrayRef<std::string> aliases, ArrayRef<std::string> types)
      : config(config), defaults(defaults) {
    for (const std::string &alias : aliases) {
      auto it = config.layerNames.find(alias);
      if (it == config.layerNames.end())
        continue;
      levels.push_back({&it->second, config.prefix + "LayerName." + alias});
      byName = true;
      break;
    }
    for (const std::string &type : types) {
      auto it = config.layerTypes.find(type);
      if (it != config.layerTypes.end())
        levels.push_back({&it->second, config.prefix + "LayerType." + type});
    }
    levels.push_back({&config.model, config.prefix + "Model"});
  }

  /// The precision of `var` (docs/Quantization.md, "Precedence"): per level,
  /// most specific first, the variable's own setting, then the level's
  /// default precision (not for the table); at the Model level, the `accum`
  /// option comes between the two, and default-precision given on the
  /// command line replaces the Model's default. May be auto.
  Chosen<hls::Precision> precision(Var var) const {
    for (const auto &[settings, source] : levels) {
      if (const std::optional<hls::Precision> &p = settings->get(var))
        return {*p, source + ".Precision." + hls::varName(var)};
      bool isModel = settings == &config.model;
      if (isModel && var == Var::Accum && defaults.accum)
        return {*defaults.accum, "option accum"};
      if (!hls::isTableVar(var) && settings->defaultPrecision &&
          !(isModel && defaults.precisionGiven))
        return {*settings->defaultPrecision, source + ".Precision (default)",
                /*isDefault=*/isModel};
    }
    return fallback();
  }

  /// `chosen`, or where it is "auto" and nothing is inferred, fallback()
  /// with a source saying so.
  Chosen<hls::Precision> resolveAuto(Chosen<hls::Precision> chosen) const {
    if (!chosen.value.isAuto)
      return chosen;
    Chosen<hls::Precision> fb = fallback();
    return {fb.value, "auto (" + chosen.source + "): " + fb.source, true};
  }

  /// What "auto" falls back to where nothing is inferred: the Model's
  /// default precision, or the default-precision option.
  Chosen<hls::Precision> fallback() const {
    if (config.model.defaultPrecision &&
        !config.model.defaultPrecision->isAuto && !defaults.precisionGiven)
      return {*config.model.defaultPrecision,
              config.prefix + "Model.Precision (default)", true};
    return {hls::Precision{false, defaults.precision},
            "option default-precision", true};
  }

  /// The precision of `var` if a configuration level (not the options)
  /// sets it explicitly, auto included.
  std::optional<Chosen<hls::Precision>> configured(Var var) const {
    for (const auto &[settings, source] : levels)
      if (const std::optional<hls::Precision> &p = settings->get(var))
        return Chosen<hls::Precision>{*p, source + ".Precision." +
                                              hls::varName(var)};
    return std::nullopt;
  }

  /// Whether the LayerName level sets `var` to a type (its own setting or
  /// its default precision; "auto" leaves the choice to the model).
  bool setByName(Var var) const {
    if (!byName)
      return false;
    const hls::LayerSettings &settings = *levels.front().first;
    const std::optional<hls::Precision> &p =
        settings.get(var) ? settings.get(var)
                          : (!hls::isTableVar(var) ? settings.defaultPrecision
                                               : settings.get(var));
    return p && !p->isAuto;
  }

  /// Whether `settings` is this layer's LayerName entry: its reuse factor
  /// must be valid; Model and LayerType values are adjusted per layer.
  bool isNameLevel(const hls::LayerSettings *settings) const {
    return byName && settings == levels.front().first;
  }

  Chosen<int64_t> reuseFactor() const {
    for (const auto &[settings, source] : levels)
      if (settings->reuseFactor)
        return {*settings->reuseFactor, source + ".ReuseFactor", false,
                !isNameLevel(settings)};
    return {defaults.reuseFactor, "option default-reuse", false, true};
  }

  Chosen<reuse::Strategy> strategy() const {
    for (const auto &[settings, source] : levels)
      if (settings->strategy)
        return {*settings->strategy, source + ".Strategy", false,
                !isNameLevel(settings)};
    return {defaults.strategy, "option default-strategy", false, true};
  }

  /// Softmax's Implementation and Skip, from the most specific level.
  std::optional<Chosen<fx::SoftmaxImpl>> implementation() const {
    for (const auto &[settings, source] : levels)
      if (settings->implementation)
        return Chosen<fx::SoftmaxImpl>{*settings->implementation,
                                       source + ".Implementation"};
    return std::nullopt;
  }
  std::optional<Chosen<bool>> skip() const {
    for (const auto &[settings, source] : levels)
      if (settings->skip)
        return Chosen<bool>{*settings->skip, source + ".Skip"};
    return std::nullopt;
  }

  std::optional<Chosen<int64_t>> tableSize() const {
    for (const auto &[settings, source] : levels)
      if (settings->tableSize)
        return Chosen<int64_t>{*settings->tableSize, source + ".TableSize"};
    return std::nullopt;
  }

private:
  const hls::HlsConfig &config;
  const Defaults &defaults;
  bool byName = false;
  SmallVector<std::pair<const hls::LayerSettings *, std::string>> levels;
};

/// What the report says about one layer.
struct LayerReport {
  std::string name, op;
  std::vector<std::string> layerTypes;
  std::array<std::optional<Chosen<std::string>>, hls::kNumVars> vars;
  std::optional<Chosen<int64_t>> reuseFactor;
  std::optional<Chosen<std::string>> strategy;
  std::optional<Chosen<int64_t>> tableSize;
  /// Softmax: its implementation; whether it was dropped (Skip).
  std::optional<Chosen<std::string>> implementation;
  std::optional<Chosen<bool>> skipped;
  /// The range calibration observed (results, weights and biases).
  std::optional<calib::Range> range;
  int64_t rangeSamples = 0;
  int64_t multiplierInputs = 0, multiplierOutputs = 0, multiplications = 0,
          multipliers = 0, positions = 0;
  bool hasMultipliers = false;
};

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct QuantizePass : public nn::impl::NNQuantizeBase<QuantizePass> {
  using NNQuantizeBase::NNQuantizeBase;

  void runOnOperation() override;

private:
  LogicalResult readOptions();
  LogicalResult readConfig();
  LogicalResult checkLayerNames(ModuleOp module);
  LogicalResult quantizeFunction(func::FuncOp func);
  /// Softmax's Implementation and Skip (a skipped softmax is erased, its
  /// users read its input); an error for them on other layers.
  LogicalResult applySoftmaxChoices(Operation *op, const Levels &levels,
                                    LayerReport &report);
  /// Softmax's exp_table, inv_table and accum formats as op attributes.
  void recordSoftmaxFormats(SoftmaxOp op, const Levels &levels,
                            LayerReport &report);
  LogicalResult quantizeOp(Operation *op);
  LogicalResult quantizeBatchNorm(BatchNormOp batchNorm, LayerReport &report,
                                  const Levels &levels);
  LogicalResult quantizeLayerNorm(LayerNormOp norm, LayerReport &report,
                                  const Levels &levels);
  FailureOr<Value> quantizeConstant(ConstantOp constant, FixedType type);
  LogicalResult setMultiplierAttributes(MultiplierOpInterface op,
                                        const Levels &levels,
                                        LayerReport &report);
  LogicalResult writeReport();
  FailureOr<Chosen<hls::Precision>>
  resultPrecision(Location loc, const Levels &levels, Attribute qdqHint,
                  const calib::Range *range, LayerReport &report);
  FailureOr<Chosen<hls::Precision>>
  parameterPrecision(ConstantOp constant, Var role, const Levels &levels,
                     LayerReport &report);
  /// The calibrated range of `op`'s result, if calibration ran and saw it.
  const calib::Range *rangeOf(Operation *op) const {
    if (!ranges)
      return nullptr;
    auto it = ranges->ops.find(op);
    return it == ranges->ops.end() ? nullptr : &it->second;
  }

  /// Where configuration errors point: the configuration file.
  Location configLoc(unsigned line = 0, unsigned column = 0) {
    return FileLineColLoc::get(&getContext(), configFile, line, column);
  }
  /// The levels of the layer at `loc`, matched by all its names.
  Levels levelsFor(Location loc, ArrayRef<std::string> types) const {
    SmallVector<std::string> aliases = getLayerAliases(loc);
    return Levels(config, defaults, aliases, types);
  }
  /// The Model's bound of inferred ("auto") formats, applied to `chosen`.
  Chosen<hls::Precision> capAuto(fx::Format format, std::string source) const;

  hls::HlsConfig config;
  Defaults defaults;
  std::vector<LayerReport> reports;
  /// Quantized copies of float constants, per (constant, fixed type).
  llvm::DenseMap<std::pair<Operation *, Type>, Value> quantized;
  /// Float constants used as data, already reported.
  llvm::DenseSet<Operation *> reportedConstants;
  /// LayerName entries that reach a layer through another of its names.
  std::vector<std::string> layerNameNotes;
  unsigned unnamed = 0;
  /// Values typed from the model's own QDQ record (nn.qdq_type).
  llvm::DenseSet<Value> qdqValues;
  /// Options given on the command line that the configuration overrode,
  /// already warned about.
  bool warnedAccumOption = false;
  /// The ranges of the function being quantized (calibrate=...).
  std::optional<calib::Ranges> ranges;
};
} // namespace

LogicalResult QuantizePass::readOptions() {
  ModuleOp module = getOperation();
  defaults.precisionGiven = defaultPrecision.hasValue();
  std::optional<fx::Format> precision = hls::parsePrecision(defaultPrecision);
  if (!precision)
    return module.emitError("option default-precision: malformed type '")
           << defaultPrecision << "'; expected "
           << hls::expectedPrecisionSpelling();
  defaults.precision = *precision;
  if (accum == "auto") {
    defaults.accum = hls::Precision{true, {}};
  } else if (!accum.empty()) {
    std::optional<fx::Format> format = hls::parsePrecision(accum);
    if (!format)
      return module.emitError("option accum: malformed type '")
             << accum << "'; expected auto or "
             << hls::expectedPrecisionSpelling();
    defaults.accum = hls::Precision{false, *format};
  }
  if (defaultReuse < 1)
    return module.emitError("option default-reuse must be a positive "
                            "integer, got ")
           << static_cast<int64_t>(defaultReuse);
  defaults.reuseFactor = static_cast<int64_t>(defaultReuse);
  std::optional<reuse::Strategy> strategy =
      reuse::parseStrategy(defaultStrategy);
  if (!strategy)
    return module.emitError("option default-strategy: unknown strategy '")
           << defaultStrategy << "'; expected latency or resource";
  defaults.strategy = *strategy;
  return success();
}

LogicalResult QuantizePass::readConfig() {
  if (configFile.empty())
    return success();
  // A regular file of bounded size (never a FIFO): nn/Support/InputFile.h.
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      readInputFile(configFile, hls::kMaxConfigBytes);
  if (!buffer)
    return emitError(configLoc()) << "the configuration file "
                                  << llvm::toString(buffer.takeError());
  std::vector<hls::ConfigError> errors;
  std::optional<hls::HlsConfig> parsed = hls::parseHlsConfig(
      (*buffer)->getBuffer(), errors, knownHls4mlLayerTypes(&getContext()),
      hls::configSyntaxOf(configFile));
  if (!parsed) {
    // Every error of the file, each with its key path.
    for (const hls::ConfigError &error : errors)
      emitError(configLoc(error.line, error.column)) << error.message;
    return failure();
  }
  config = std::move(*parsed);
  // Accepted keys without effect: a remark (a warning when nn does not
  // support the value yet); all are listed in the report.
  for (const hls::IgnoredKey &key : config.ignored) {
    if (key.notSupportedYet)
      emitWarning(configLoc()) << key.path << ": ignored, " << key.reason;
    else
      emitRemark(configLoc()) << key.path << ": ignored, " << key.reason;
  }
  // Top-level project keys: module attributes the project writer reads.
  ModuleOp module = getOperation();
  Builder builder(&getContext());
  if (config.part)
    module->setAttr(kHlsPartAttr, builder.getStringAttr(*config.part));
  if (config.clockPeriod)
    module->setAttr(kHlsClockPeriodAttr,
                    builder.getF64FloatAttr(*config.clockPeriod));
  if (config.projectName)
    module->setAttr(kHlsProjectNameAttr,
                    builder.getStringAttr(*config.projectName));
  return success();
}

Chosen<hls::Precision> QuantizePass::capAuto(fx::Format format,
                                             std::string source) const {
  // hls4ml bounds inferred types by Model.Precision.maximum: at most its
  // width and integer bits, then its rounding and overflow modes.
  if (!config.maximum ||
      (format.width <= config.maximum->width &&
       format.intWidth <= config.maximum->intWidth))
    return {hls::Precision{false, format}, std::move(source)};
  fx::Format capped = format;
  capped.width = std::min(format.width, config.maximum->width);
  capped.intWidth = std::min(format.intWidth, config.maximum->intWidth);
  capped.rounding = config.maximum->rounding;
  capped.overflow = config.maximum->overflow;
  return {hls::Precision{false, capped},
          source + "; bounded by " + config.prefix +
              "Model.Precision.maximum " + config.maximum->toString()};
}

LogicalResult QuantizePass::checkLayerNames(ModuleOp module) {
  if (config.layerNames.empty())
    return success();
  // Every name of every layer (nn::getLayerAliases); the names of weight
  // constants, which are not layers of their own.
  llvm::StringSet<> layers, weights;
  std::vector<std::string> valid; // hardware names, for suggestions
  llvm::StringMap<std::string> hardwareOf;
  auto addLayer = [&](Location loc) {
    SmallVector<std::string> aliases = getLayerAliases(loc);
    if (aliases.empty())
      return;
    if (!layers.contains(aliases.front()))
      valid.push_back(aliases.front());
    for (const std::string &alias : aliases) {
      layers.insert(alias);
      hardwareOf.try_emplace(alias, aliases.front());
    }
  };
  module.walk([&](Operation *op) {
    if (auto func = llvm::dyn_cast<func::FuncOp>(op)) {
      for (BlockArgument arg : func.getArguments())
        addLayer(arg.getLoc());
      return;
    }
    if (op->getDialect() != op->getContext()->getLoadedDialect<NNDialect>())
      return;
    if (!llvm::isa<ConstantOp>(op))
      return addLayer(op->getLoc());
    // A constant is a layer when something uses it as data; one that only
    // feeds weight/bias operands takes its users' weight/bias precision.
    bool asData = llvm::any_of(op->getUses(), [](OpOperand &use) {
      return !parameterRole(use.getOwner(), use.getOperandNumber());
    });
    if (asData)
      return addLayer(op->getLoc());
    for (const std::string &alias : getLayerAliases(op->getLoc()))
      weights.insert(alias);
  });
  bool ok = true;
  for (const auto &entry : config.layerNames) {
    const std::string &name = entry.first;
    std::string path = config.prefix + "LayerName." + name;
    if (layers.contains(name)) {
      const std::string &hardware = hardwareOf.lookup(name);
      if (hardware != name)
        layerNameNotes.push_back(path + ": applies to layer '" + hardware +
                                 "' ('" + name +
                                 "' is one of its names: its full ONNX node "
                                 "name or a batch norm folded into it)");
      continue;
    }
    ok = false;
    if (weights.contains(name)) {
      emitError(configLoc())
          << path << ": '" << name
          << "' is a weight constant; set the weight or bias precision of "
             "the layer that uses it";
      continue;
    }
    // The valid names, closest first (ties in module order).
    std::vector<std::pair<unsigned, size_t>> order;
    for (size_t i = 0; i < valid.size(); ++i)
      order.push_back({StringRef(valid[i]).edit_distance(name), i});
    std::stable_sort(order.begin(), order.end(),
                     [](const auto &a, const auto &b) {
                       return a.first < b.first;
                     });
    std::string list;
    for (const auto &[distance, index] : order)
      list += (list.empty() ? "" : ", ") + ("'" + valid[index] + "'");
    emitError(configLoc()) << path
                           << ": no layer (op or function argument) of that "
                              "name in the module; layers, closest first: "
                           << (list.empty() ? std::string("none") : list);
  }
  return success(ok);
}

/// Reads a floating-point constant as doubles: dense<...> of any float
/// type, or an f32/f64 dense_resource blob (read in place).
static std::optional<SmallVector<double>> readFloats(ConstantOp constant) {
  SmallVector<double> values;
  if (auto dense = llvm::dyn_cast<DenseElementsAttr>(constant.getValue())) {
    if (!llvm::isa<FloatType>(dense.getElementType()))
      return std::nullopt;
    if (dense.isSplat()) {
      APFloat value = dense.getSplatValue<APFloat>();
      bool losesInfo = false;
      value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      values.push_back(value.convertToDouble());
      return values;
    }
    values.reserve(dense.getNumElements());
    for (APFloat value : dense.getValues<APFloat>()) {
      bool losesInfo = false;
      value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      values.push_back(value.convertToDouble());
    }
    return values;
  }
  if (auto f32 = llvm::dyn_cast<DenseF32ResourceElementsAttr>(
          constant.getValue())) {
    std::optional<ArrayRef<float>> data = f32.tryGetAsArrayRef();
    if (!data)
      return std::nullopt;
    values.assign(data->begin(), data->end());
    return values;
  }
  if (auto f64 = llvm::dyn_cast<DenseF64ResourceElementsAttr>(
          constant.getValue())) {
    std::optional<ArrayRef<double>> data = f64.tryGetAsArrayRef();
    if (!data)
      return std::nullopt;
    values.assign(data->begin(), data->end());
    return values;
  }
  return std::nullopt;
}

FailureOr<Value> QuantizePass::quantizeConstant(ConstantOp constant,
                                                FixedType type) {
  auto key = std::make_pair(constant.getOperation(), Type(type));
  if (Value done = quantized.lookup(key))
    return done;
  std::optional<SmallVector<double>> values = readFloats(constant);
  if (!values)
    return constant.emitError("constant '")
           << layerName(constant.getLoc())
           << "': cannot read its values for quantization (dense floats or "
              "f32/f64 dense_resource blobs are read)";
  fx::Format format = type.getFormat();
  RankedTensorType floatType = constant.getType();
  unsigned width = type.getWidth();
  auto rawType = RankedTensorType::get(
      floatType.getShape(), IntegerType::get(&getContext(), width));
  auto resultType = RankedTensorType::get(floatType.getShape(), type);

  OpBuilder builder(constant);
  builder.setInsertionPointAfter(constant);
  ElementsAttr rawValue;
  if (auto resource =
          llvm::dyn_cast<DenseResourceElementsAttr>(constant.getValue())) {
    // A blob stays a blob (nn/Dialect/NN/IR/FixedRaws.h).
    std::vector<int64_t> raws;
    raws.reserve(values->size());
    for (double value : *values)
      raws.push_back(fx::quantize(value, format));
    std::vector<char> data = encodeRawBlob(raws, width);
    std::string name = resource.getRawHandle().getKey().str() + "_q";
    rawValue = DenseResourceElementsAttr::get(
        rawType, name,
        HeapAsmResourceBlob::allocateAndCopyWithAlign(
            ArrayRef<char>(data), rawStorageBytes(width)));
  } else {
    auto toAPInt = [&](double value) {
      int64_t raw = fx::quantize(value, format);
      return APInt(width, static_cast<uint64_t>(raw),
                   /*isSigned=*/format.isSigned);
    };
    auto dense = llvm::cast<DenseElementsAttr>(constant.getValue());
    if (dense.isSplat()) {
      rawValue = DenseElementsAttr::get(rawType, toAPInt(values->front()));
    } else {
      SmallVector<APInt> raws;
      raws.reserve(values->size());
      for (double value : *values)
        raws.push_back(toAPInt(value));
      rawValue = DenseElementsAttr::get(rawType, raws);
    }
  }
  Value result =
      ConstantOp::create(builder, constant.getLoc(), resultType, rawValue);
  quantized[key] = result;
  return result;
}

//===----------------------------------------------------------------------===//
// Explicit model precisions (nn.qdq_type) and calibration
//===----------------------------------------------------------------------===//

/// The attribute the ONNX importer puts on an op (or a function argument, or
/// a weight constant) whose value went through a QuantizeLinear/
/// DequantizeLinear pair: the fixed-point type that pair stands for.
static constexpr StringLiteral kQdqTypeAttrName = "nn.qdq_type";

static std::string formatReal(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", value);
  return text;
}

/// The fixed type of an nn.qdq_type attribute, or null.
static FixedType qdqType(Attribute attr) {
  auto typeAttr = llvm::dyn_cast_or_null<TypeAttr>(attr);
  return typeAttr ? llvm::dyn_cast<FixedType>(typeAttr.getValue()) : nullptr;
}

/// `base` with the integer bits calibration chooses for `range`, and why;
/// `base` itself when the range has no nonzero value.
static FailureOr<Chosen<hls::Precision>>
calibrate(Location loc, StringRef name, const Chosen<hls::Precision> &base,
          const calib::Range &range, int64_t samples, int margin,
          const char *what) {
  fx::Format format = base.value.format;
  std::string observed = "range [" + formatReal(range.empty() ? 0 : range.min) +
                         ", " + formatReal(range.empty() ? 0 : range.max) +
                         "]" +
                         (samples ? " over " + std::to_string(samples) +
                                        " samples"
                                  : std::string(" of the values"));
  std::optional<int> intWidth =
      calib::calibratedIntWidth(range, format.isSigned, margin);
  if (!intWidth)
    return Chosen<hls::Precision>{
        base.value, "calibration: " + observed + " has no " +
                        (format.isSigned ? "nonzero" : "positive") +
                        " value; " + what + " kept from " + base.source};
  if (*intWidth < -1024 || *intWidth > 1024)
    return emitError(loc, "layer '")
           << name << "': calibration needs " << *intWidth
           << " integer bits for the " << observed
           << ", beyond the [-1024, 1024] of !nn.fixed";
  int needed = *intWidth - margin;
  format.intWidth = *intWidth;
  std::string why = "calibration: " + observed + " needs I = " +
                    std::to_string(needed);
  if (margin)
    why += " + margin " + std::to_string(margin) + " = " +
           std::to_string(*intWidth);
  why += "; W = " + std::to_string(format.width) + " from " + base.source;
  return Chosen<hls::Precision>{hls::Precision{false, format}, why};
}

FailureOr<Chosen<hls::Precision>>
QuantizePass::resultPrecision(Location loc, const Levels &levels,
                              Attribute qdqHint, const calib::Range *range,
                              LayerReport &report) {
  Chosen<hls::Precision> configured = levels.precision(Var::Result);
  if (levels.setByName(Var::Result))
    return configured;
  if (qdqHint) {
    FixedType type = qdqType(qdqHint);
    if (!type)
      return emitError(loc, "layer '")
             << report.name << "': " << kQdqTypeAttrName
             << " must be a fixed-point type, got " << qdqHint;
    return Chosen<hls::Precision>{hls::Precision{false, type.getFormat()},
                                  "QDQ: nn.qdq_type from the model"};
  }
  if (!range)
    return configured; // may be auto: the caller resolves it
  if (configured.value.isAuto)
    configured = levels.fallback();
  report.range = *range;
  report.rangeSamples = ranges ? ranges->samples : 0;
  return calibrate(loc, report.name, configured, *range, report.rangeSamples,
                   static_cast<int>(margin), "I");
}

FailureOr<Chosen<hls::Precision>>
QuantizePass::parameterPrecision(ConstantOp constant, Var role,
                                 const Levels &levels, LayerReport &report) {
  Chosen<hls::Precision> configured = levels.precision(role);
  if (levels.setByName(role))
    return configured;
  if (Attribute hint = constant->getAttr(kQdqTypeAttrName)) {
    FixedType type = qdqType(hint);
    if (!type)
      return constant.emitError("weight '")
             << layerName(constant.getLoc()) << "': " << kQdqTypeAttrName
             << " must be a fixed-point type, got " << hint;
    return Chosen<hls::Precision>{hls::Precision{false, type.getFormat()},
                                  "QDQ: nn.qdq_type from the model"};
  }
  // "auto" weights and biases (hls4ml: inferred only from a quantizer,
  // which is nn.qdq_type above) take the default precision.
  configured = levels.resolveAuto(configured);
  if (!ranges)
    return configured;
  // Parameters are known exactly: their own range, without a margin.
  std::optional<SmallVector<double>> values = readFloats(constant);
  if (!values)
    return configured;
  calib::Range range;
  for (double value : *values)
    range.add(value);
  return calibrate(constant.getLoc(), report.name, configured, range,
                   /*samples=*/0, /*margin=*/0, hls::varName(role));
}

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

LogicalResult QuantizePass::applySoftmaxChoices(Operation *op,
                                                const Levels &levels,
                                                LayerReport &report) {
  std::optional<Chosen<fx::SoftmaxImpl>> impl = levels.implementation();
  std::optional<Chosen<bool>> skip = levels.skip();
  auto softmax = llvm::dyn_cast<SoftmaxOp>(op);
  if (!softmax) {
    for (const std::string *source :
         {impl ? &impl->source : nullptr, skip ? &skip->source : nullptr})
      if (source)
        return op->emitError("layer '")
               << report.name << "' (" << op->getName() << "): " << *source
               << " applies to Softmax layers only";
    return success();
  }
  if (impl) {
    softmax.setImplementation(fx::toString(impl->value));
    report.implementation =
        Chosen<std::string>{fx::toString(impl->value), impl->source};
  } else {
    report.implementation = Chosen<std::string>{
        fx::toString(softmax.getImpl()),
        softmax.getImplementation() ? "the op's implementation attribute"
                                    : "default (stable)"};
  }
  if (skip) {
    report.skipped = skip;
    if (skip->value) {
      // hls4ml's Skip: the softmax is not in the hardware; the network's
      // output is the previous layer's (a monotonic function changes no
      // ranking).
      op->getResult(0).replaceAllUsesWith(op->getOperand(0));
      op->erase();
      reports.push_back(std::move(report));
    }
  }
  return success();
}

void QuantizePass::recordSoftmaxFormats(SoftmaxOp op, const Levels &levels,
                                        LayerReport &report) {
  MLIRContext *context = &getContext();
  fx::SoftmaxImpl impl = op.getImpl();
  if (impl == fx::SoftmaxImpl::Argmax)
    return; // no tables, no sum
  // A table: its own key, else Precision.table, else the implementation's
  // default ("auto" means the default, as for other tables).
  auto table = [&](Var var, const fx::Format &fallback) {
    std::optional<Chosen<hls::Precision>> chosen = levels.configured(var);
    if (!chosen || chosen->value.isAuto)
      chosen = levels.configured(Var::Table);
    if (!chosen || chosen->value.isAuto)
      chosen = Chosen<hls::Precision>{
          hls::Precision{false, fallback},
          std::string("default (") + fx::toString(impl) + " softmax)"};
    report.vars[static_cast<int>(var)] = Chosen<std::string>{
        chosen->value.format.toString(), chosen->source};
    return TypeAttr::get(FixedType::get(context, chosen->value.format));
  };
  op.setExpTableTypeAttr(
      table(Var::ExpTable, fx::defaultSoftmaxExpFormat(impl)));
  op.setInvTableTypeAttr(
      table(Var::InvTable, fx::defaultSoftmaxInvFormat(impl)));
  // The sum: exact unless accum is set to a type.
  std::optional<Chosen<hls::Precision>> accum =
      levels.configured(Var::Accum);
  if (accum && !accum->value.isAuto) {
    op.setAccumTypeAttr(
        TypeAttr::get(FixedType::get(context, accum->value.format)));
    report.vars[static_cast<int>(Var::Accum)] = Chosen<std::string>{
        accum->value.format.toString(), accum->source};
  } else {
    report.vars[static_cast<int>(Var::Accum)] = Chosen<std::string>{
        "exact", accum ? accum->source + " (auto: the exact sum)"
                       : std::string("default (the exact sum)")};
  }
}

LogicalResult QuantizePass::quantizeOp(Operation *op) {
  MLIRContext *context = &getContext();
  std::string opName = op->getName().getStringRef().str();
  LayerReport report;
  report.name = layerName(op->getLoc());
  if (report.name.empty())
    report.name = opName + "#" + std::to_string(unnamed++);
  report.op = opName;
  report.layerTypes = hls4mlLayerTypesOf(op);
  Levels levels = levelsFor(op->getLoc(), report.layerTypes);
  bool multipliersDone = false;
  if (failed(applySoftmaxChoices(op, levels, report)))
    return failure();
  if (report.skipped && report.skipped->value)
    return success();
  if (auto batchNorm = llvm::dyn_cast<BatchNormOp>(op)) {
    if (failed(quantizeBatchNorm(batchNorm, report, levels)))
      return failure();
    reports.push_back(std::move(report));
    return success();
  }
  // The recurrent layers' fixed-point rule (hls4ml's gate multipliers,
  // state precision and sigmoid/tanh tables) is not written yet: say so
  // before the generic rule types them into ops no stage computes.
  if (llvm::isa<RnnOp, GruOp, LstmOp>(op))
    return op->emitError("layer '")
           << report.name << "' (" << opName
           << "): nn has no fixed-point rule for recurrent layers yet; "
              "nn-interp runs the float network";
  if (auto norm = llvm::dyn_cast<LayerNormOp>(op)) {
    if (failed(quantizeLayerNorm(norm, report, levels)))
      return failure();
    reports.push_back(std::move(report));
    return success();
  }

  // Operands defined by float constants: parameters take the layer's
  // weight/bias precision, other constants are layers of their own.
  for (OpOperand &operand : op->getOpOperands()) {
    auto constant = operand.get().getDefiningOp<ConstantOp>();
    if (!constant || !isFloatTensor(constant.getType()))
      continue;
    std::optional<Var> role = parameterRole(op, operand.getOperandNumber());
    Chosen<hls::Precision> chosen{hls::Precision{}, ""};
    if (role) {
      FailureOr<Chosen<hls::Precision>> parameter =
          parameterPrecision(constant, *role, levels, report);
      if (failed(parameter))
        return failure();
      chosen = *parameter;
      report.vars[static_cast<int>(*role)] =
          Chosen<std::string>{chosen.value.format.toString(), chosen.source};
    } else {
      std::string name = layerName(constant.getLoc());
      std::vector<std::string> types = hls4mlLayerTypesOf(constant);
      LayerReport constantReport;
      const calib::Range *range = rangeOf(constant);
      FailureOr<Chosen<hls::Precision>> data =
          resultPrecision(constant.getLoc(), levelsFor(constant.getLoc(), types),
                          constant->getAttr(kQdqTypeAttrName), range,
                          constantReport);
      if (failed(data))
        return failure();
      chosen = *data;
      if (reportedConstants.insert(constant).second) {
        constantReport.name = name;
        constantReport.op = "nn.constant";
        constantReport.layerTypes = types;
        constantReport.vars[static_cast<int>(Var::Result)] =
            Chosen<std::string>{chosen.value.format.toString(), chosen.source};
        reports.push_back(std::move(constantReport));
      }
    }
    if (chosen.value.isAuto) // a constant used as data: a plain layer
      chosen = levelsFor(constant.getLoc(), {}).fallback();
    FailureOr<Value> fixed =
        quantizeConstant(constant, FixedType::get(context, chosen.value.format));
    if (failed(fixed))
      return failure();
    if (StringRef(chosen.source).starts_with("QDQ"))
      qdqValues.insert(*fixed);
    operand.set(*fixed);
  }

  // Results.
  if (isDataMovement(op)) {
    if (op->hasAttr(kQdqTypeAttrName))
      op->emitWarning("layer '")
          << report.name << "' (" << opName << "): " << kQdqTypeAttrName
          << " is ignored; data movement keeps its input's type";
    FixedType input;
    for (Value operand : op->getOperands()) {
      FixedType type = getFixedElement(operand);
      if (!type)
        continue;
      if (input && type != input)
        return op->emitError("layer '")
               << report.name << "' (" << opName
               << "): inputs have different precisions ("
               << input.getHlsTypeName() << " and " << type.getHlsTypeName()
               << "); data movement does not convert, so give its producers "
                  "the same result precision";
      input = type;
    }
    for (OpResult result : op->getResults())
      if (input && isFloatTensor(result.getType()))
        result.setType(llvm::cast<RankedTensorType>(result.getType())
                           .clone(Type(input)));
    if (input && levels.setByName(Var::Result))
      op->emitWarning("layer '")
          << report.name << "' (" << opName
          << "): the configured result precision is ignored; data movement "
             "keeps its input's type "
          << input.getHlsTypeName();
    if (input)
      report.vars[static_cast<int>(Var::Result)] = Chosen<std::string>{
          input.getHlsTypeName(), "input (data movement does not convert)"};
  } else {
    const calib::Range *range = rangeOf(op);
    FailureOr<Chosen<hls::Precision>> chosen = resultPrecision(
        op->getLoc(), levels, op->getAttr(kQdqTypeAttrName), range, report);
    if (failed(chosen))
      return failure();
    Chosen<hls::Precision> result = *chosen;
    if (result.value.isAuto) {
      // hls4ml: the result of a multiplier layer is its accumulator (then
      // bounded by Model.Precision.maximum); other layers' "auto" results
      // take the default precision.
      if (auto multiplier = llvm::dyn_cast<MultiplierOpInterface>(op)) {
        if (failed(setMultiplierAttributes(multiplier, levels, report)))
          return failure();
        multipliersDone = true;
        auto accum = llvm::cast<TypeAttr>(op->getAttr(kAccumTypeAttrName));
        result = capAuto(llvm::cast<FixedType>(accum.getValue()).getFormat(),
                         "auto (" + result.source + "): the accumulator");
      } else {
        result = levels.resolveAuto(result);
      }
    }
    if (StringRef(result.source).starts_with("QDQ"))
      for (Value value : op->getResults())
        qdqValues.insert(value);
    FixedType type = FixedType::get(context, result.value.format);
    for (OpResult value : op->getResults())
      if (isFloatTensor(value.getType()))
        value.setType(
            llvm::cast<RankedTensorType>(value.getType()).clone(Type(type)));
    report.vars[static_cast<int>(Var::Result)] =
        Chosen<std::string>{result.value.format.toString(), result.source};
  }

  if (auto multiplier = llvm::dyn_cast<MultiplierOpInterface>(op))
    if (!multipliersDone &&
        failed(setMultiplierAttributes(multiplier, levels, report)))
      return failure();

  if (isTableActivation(op)) {
    // The defaults of nn/Support/ActivationTables.h, written out so that the
    // IR says what the hardware does (an argmax softmax reads none).
    auto softmax = llvm::dyn_cast<SoftmaxOp>(op);
    bool readsTable =
        !(softmax && softmax.getImpl() == fx::SoftmaxImpl::Argmax);
    std::optional<Chosen<hls::Precision>> table = levels.configured(Var::Table);
    if (table && table->value.isAuto) // hls4ml: nn's default table
      table.reset();
    FixedType resultType = getFixedElement(op->getResult(0));
    // Softmax's two tables are recorded on their own (below).
    if (!table && readsTable && resultType && !softmax)
      table = Chosen<hls::Precision>{hls::Precision{false,
                                                    resultType.getFormat()},
                                     "default (the result type)"};
    if (table) {
      std::string problem = fx::tableWidthProblem(table->value.format.width);
      if (!problem.empty())
        return op->emitError("layer '")
               << report.name << "' (" << op->getName() << "): the table ("
               << table->value.format.toString() << ", " << table->source
               << ") " << problem;
      op->setAttr(kTableTypeAttrName,
                  TypeAttr::get(FixedType::get(context, table->value.format)));
      report.vars[static_cast<int>(Var::Table)] =
          Chosen<std::string>{table->value.format.toString(), table->source};
    }
    if (softmax)
      recordSoftmaxFormats(softmax, levels, report);
    std::optional<Chosen<int64_t>> size = levels.tableSize();
    if (!size && readsTable)
      size = Chosen<int64_t>{fx::kDefaultTableSize, "default"};
    if (size) {
      op->setAttr(kTableSizeAttrName,
                  Builder(context).getI64IntegerAttr(size->value));
      report.tableSize = size;
    }
  }
  op->removeAttr(kQdqTypeAttrName);
  reports.push_back(std::move(report));
  return success();
}

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

LogicalResult QuantizePass::quantizeFunction(func::FuncOp func) {
  if (func.isExternal())
    return success();
  MLIRContext *context = &getContext();
  for (Operation &op : func.getBody().getOps()) {
    if (llvm::isa<func::ReturnOp>(op) ||
        op.getDialect() == context->getLoadedDialect<NNDialect>())
      continue;
    return op.emitError("nn-quantize types nn networks only; found '")
           << op.getName() << "'";
  }
  if (!func.getBody().hasOneBlock())
    return func.emitError("nn-quantize expects a function of one block");
  Block &entry = func.getBody().front();

  ranges.reset();
  if (!calibrationFiles.empty()) {
    FailureOr<calib::Ranges> observed =
        calib::collectRanges(func, calibrationFiles);
    if (failed(observed))
      return failure();
    ranges = std::move(*observed);
  }

  // Inputs.
  std::vector<std::string> inputTypes(std::begin(hls::kInputLayerTypes),
                                      std::end(hls::kInputLayerTypes));
  for (BlockArgument arg : entry.getArguments()) {
    if (!isFloatTensor(arg.getType()))
      continue;
    LayerReport report;
    report.name = layerName(arg.getLoc());
    if (report.name.empty())
      report.name = "input#" + std::to_string(arg.getArgNumber());
    report.op = "input";
    report.layerTypes = inputTypes;
    const calib::Range *range =
        ranges ? &ranges->arguments[arg.getArgNumber()] : nullptr;
    FailureOr<Chosen<hls::Precision>> result = resultPrecision(
        arg.getLoc(), levelsFor(arg.getLoc(), inputTypes),
        func.getArgAttr(arg.getArgNumber(), kQdqTypeAttrName), range, report);
    if (failed(result))
      return failure();
    func.removeArgAttr(arg.getArgNumber(), kQdqTypeAttrName);
    Chosen<hls::Precision> chosen = *result;
    if (chosen.value.isAuto) {
      Chosen<hls::Precision> fallback =
          levelsFor(arg.getLoc(), inputTypes).fallback();
      chosen = {fallback.value,
                "auto (" + chosen.source + "): " + fallback.source, true};
    }
    if (StringRef(chosen.source).starts_with("QDQ"))
      qdqValues.insert(arg);
    arg.setType(llvm::cast<RankedTensorType>(arg.getType())
                    .clone(Type(FixedType::get(context, chosen.value.format))));
    report.vars[static_cast<int>(Var::Result)] =
        Chosen<std::string>{chosen.value.format.toString(), chosen.source};
    reports.push_back(std::move(report));
  }

  // Layers, producers before consumers.
  for (Operation &op : llvm::make_early_inc_range(entry)) {
    if (llvm::isa<ConstantOp, func::ReturnOp>(op))
      continue;
    if (failed(quantizeOp(&op)))
      return failure();
  }

  // Float constants nothing uses any more.
  for (Operation &op : llvm::make_early_inc_range(entry))
    if (auto constant = llvm::dyn_cast<ConstantOp>(op))
      if (constant->use_empty() && isFloatTensor(constant.getType()))
        constant.erase();

  func.setType(FunctionType::get(context, entry.getArgumentTypes(),
                                 entry.getTerminator()->getOperandTypes()));
  return success();
}

LogicalResult QuantizePass::writeReport() {
  if (reportFile.empty())
    return success();
  std::error_code error;
  llvm::raw_fd_ostream os(reportFile, error);
  if (error)
    return getOperation().emitError("cannot write the report '")
           << reportFile << "': " << error.message();
  llvm::json::OStream json(os, /*IndentSize=*/2);
  auto chosen = [&](const char *key, const auto &value) {
    if (!value)
      return;
    json.attributeObject(key, [&] {
      json.attribute("value", value->value);
      json.attribute("source", value->source);
    });
  };
  json.object([&] {
    json.attribute("config", configFile.empty() ? llvm::json::Value(nullptr)
                                                : llvm::json::Value(configFile));
    json.attributeArray("ignored_keys", [&] {
      for (const hls::IgnoredKey &key : config.ignored)
        json.object([&] {
          json.attribute("key", key.path);
          json.attribute("reason", key.reason);
          json.attribute("not_supported_yet", key.notSupportedYet);
        });
    });
    json.attributeArray("notes", [&] {
      for (const std::string &note : layerNameNotes)
        json.value(note);
    });
    json.attributeArray("layers", [&] {
      for (const LayerReport &report : reports) {
        json.object([&] {
          json.attribute("name", report.name);
          json.attribute("op", report.op);
          json.attributeArray("layer_types", [&] {
            for (const std::string &type : report.layerTypes)
              json.value(type);
          });
          json.attributeObject("precision", [&] {
            for (int v = 0; v < hls::kNumVars; ++v)
              chosen(hls::varName(static_cast<Var>(v)), report.vars[v]);
          });
          chosen("table_size", report.tableSize);
          chosen("implementation", report.implementation);
          chosen("skipped", report.skipped);
          if (report.range)
            json.attributeObject("range", [&] {
              bool empty = report.range->empty();
              json.attribute("min", empty ? 0.0 : report.range->min);
              json.attribute("max", empty ? 0.0 : report.range->max);
              json.attribute("max_abs", report.range->maxAbs());
              json.attribute("samples", report.rangeSamples);
              if (report.range->nonFinite)
                json.attribute("non_finite", report.range->nonFinite);
            });
          if (report.hasMultipliers) {
            chosen("reuse_factor", report.reuseFactor);
            chosen("strategy", report.strategy);
            json.attribute("n_in", report.multiplierInputs);
            json.attribute("n_out", report.multiplierOutputs);
            json.attribute("multiplications", report.multiplications);
            json.attribute("multipliers", report.multipliers);
            json.attribute("positions", report.positions);
          }
        });
      }
    });
  });
  os << "\n";
  return success();
}

void QuantizePass::runOnOperation() {
  ModuleOp module = getOperation();
  config = hls::HlsConfig();
  reports.clear();
  quantized.clear();
  reportedConstants.clear();
  layerNameNotes.clear();
  qdqValues.clear();
  warnedAccumOption = false;
  unnamed = 0;
  if (failed(readOptions()) || failed(readConfig()) ||
      failed(checkLayerNames(module)))
    return signalPassFailure();
  // The project is named as hls4ml names it: ProjectName, else
  // "myproject" (not the ONNX graph's name, e.g. PyTorch's "torch_jit");
  // a name already recorded on the module stays.
  if (!module->hasAttr(kHlsProjectNameAttr))
    module->setAttr(kHlsProjectNameAttr,
                    StringAttr::get(&getContext(), hls::kDefaultProjectName));
  if (!calibrationFiles.empty()) {
    auto funcs = module.getOps<func::FuncOp>();
    int64_t bodies = llvm::count_if(
        funcs, [](func::FuncOp func) { return !func.isExternal(); });
    if (bodies != 1) {
      module.emitError("calibrate: the module must hold exactly one function "
                       "with a body (the network), found ")
          << bodies;
      return signalPassFailure();
    }
  }
  if (margin < -64 || margin > 64) {
    module.emitError("option margin must be in [-64, 64], got ")
        << static_cast<int64_t>(margin);
    return signalPassFailure();
  }
  for (auto func : module.getOps<func::FuncOp>())
    if (failed(quantizeFunction(func)))
      return signalPassFailure();
  if (failed(writeReport()))
    return signalPassFailure();
}
