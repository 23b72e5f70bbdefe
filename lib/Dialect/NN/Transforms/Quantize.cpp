//===- Quantize.cpp - nn-quantize: precision, reuse factor, strategy ------===//
//
// Applies an hls4ml-style configuration (nn/Support/HlsConfig.h) to a
// floating-point nn network. The rules are documented in the pass
// description (Passes.td) and in docs/Quantization.md.
//
// This file is the driver: options, configuration, the per-op dispatch
// (quantizeOp, parameterRole) and the report. The rules of op families are
// in QuantizePrecisions.cpp, QuantizeMultipliers.cpp, QuantizeSoftmax.cpp and
// QuantizeNormalizations.cpp, around the state in QuantizePass.h.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/Transforms/Passes.h"

#include "nn/Dialect/NN/Transforms/Calibration.h"

#include "EmbeddingRule.h"
#include "LayerNormRule.h"
#include "QuantizePass.h"

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
using namespace nn::quantize;

/// Which precision variable a constant operand takes: the layer parameters.
static std::optional<Var> parameterRole(Operation *op, unsigned index) {
  if (llvm::isa<DenseOp, ConvOp>(op)) {
    if (index == 1)
      return Var::Weight;
    if (index == 2)
      return Var::Bias;
  } else if (llvm::isa<PReluOp, EmbeddingOp>(op)) {
    if (index == 1)
      return Var::Weight; // an embedding's table: hls4ml's `embeddings`
  }
  return std::nullopt;
}


//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
/// The pass: options, configuration, the walk over functions and the report
/// around the rules of QuantizePass (QuantizePass.h).
struct NNQuantizePass : public nn::impl::NNQuantizeBase<NNQuantizePass>,
                        QuantizePass {
  using NNQuantizeBase::NNQuantizeBase;

  void runOnOperation() override;

private:
  MLIRContext &getContext() override { return NNQuantizeBase::getContext(); }
  int calibrationMargin() override { return static_cast<int>(margin); }

  LogicalResult readOptions();
  LogicalResult readConfig();
  LogicalResult checkLayerNames(ModuleOp module);
  LogicalResult quantizeFunction(func::FuncOp func);
  LogicalResult writeReport();

  /// Where configuration errors point: the configuration file.
  Location configLoc(unsigned line = 0, unsigned column = 0) {
    return FileLineColLoc::get(&getContext(), configFile, line, column);
  }
};
} // namespace

LogicalResult NNQuantizePass::readOptions() {
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

LogicalResult NNQuantizePass::readConfig() {
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

LogicalResult NNQuantizePass::checkLayerNames(ModuleOp module) {
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
LogicalResult NNQuantizePass::quantizeFunction(func::FuncOp func) {
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
    if (std::optional<fx::Format> indices = embeddingIndexFormat(arg)) {
      arg.setType(llvm::cast<RankedTensorType>(arg.getType())
                      .clone(Type(FixedType::get(context, *indices))));
      report.vars[static_cast<int>(Var::Result)] = Chosen<std::string>{
          indices->toString(), "embedding indices (EmbeddingRule.h)"};
      reports.push_back(std::move(report));
      continue;
    }
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

LogicalResult NNQuantizePass::writeReport() {
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

void NNQuantizePass::runOnOperation() {
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
