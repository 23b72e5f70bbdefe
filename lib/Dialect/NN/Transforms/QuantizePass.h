//===- QuantizePass.h - nn-quantize's state and rules -----------*- C++ -*-===//
//
// The state of one --nn-quantize run (configuration, defaults, report) and
// the declarations of its rules, private to lib/Dialect/NN/Transforms. The
// driver (Quantize.cpp: options, configuration, the per-op dispatch in
// quantizeOp, the report) and the rule files (QuantizePrecisions.cpp,
// QuantizeMultipliers.cpp, QuantizeSoftmax.cpp, QuantizeNormalizations.cpp)
// define its members. The pass class itself, derived from the generated
// NNQuantizeBase, lives in Quantize.cpp only: the generated code defines
// createNNQuantize() and may be compiled into one file only.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_DIALECT_NN_TRANSFORMS_QUANTIZEPASS_H
#define NN_LIB_DIALECT_NN_TRANSFORMS_QUANTIZEPASS_H

#include "nn/Dialect/NN/Transforms/Calibration.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/FixedPoint.h"
#include "nn/Support/HlsConfig.h"
#include "nn/Support/ReuseFactor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace nn {
namespace quantize {

using namespace mlir;
using hls::Var;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

inline FixedType getFixedElement(Value value) {
  return llvm::dyn_cast<FixedType>(getElementTypeOrSelf(value.getType()));
}

inline bool isFloatTensor(Type type) {
  auto tensor = llvm::dyn_cast<RankedTensorType>(type);
  return tensor && llvm::isa<FloatType>(tensor.getElementType());
}

/// The layer name of a location (the ONNX node name the importer put in a
/// NameLoc; the first one inside a FusedLoc: the computing layer), or "".
inline std::string layerName(Location loc) {
  return getHardwareLayerName(loc);
}

/// The attribute the ONNX importer puts on an op (or a function argument, or
/// a weight constant) whose value went through a QuantizeLinear/
/// DequantizeLinear pair: the fixed-point type that pair stands for.
inline constexpr StringLiteral kQdqTypeAttrName = "nn.qdq_type";

/// Reads a floating-point constant as doubles (QuantizePrecisions.cpp).
std::optional<SmallVector<double>> readFloats(ConstantOp constant);

//===----------------------------------------------------------------------===//
// Resolution of settings through the configuration levels
//===----------------------------------------------------------------------===//

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
// The state and rules of the pass
//===----------------------------------------------------------------------===//

/// What one run of --nn-quantize knows and the rules that use it; the pass
/// (NNQuantizePass in Quantize.cpp) derives from it. Named QuantizePass so
/// that every rule reads `QuantizePass::rule` wherever it is defined.
class QuantizePass {
public:
  virtual ~QuantizePass() = default;

protected:
  /// The pass's context and its `margin` option (the pass in Quantize.cpp
  /// provides them: its generated base can be instantiated in one file).
  virtual MLIRContext &getContext() = 0;
  virtual int calibrationMargin() = 0;

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

} // namespace quantize
} // namespace nn

#endif // NN_LIB_DIALECT_NN_TRANSFORMS_QUANTIZEPASS_H
