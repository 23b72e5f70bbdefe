//===- CompareFloat.cpp - a model against its float model -----------------===//

#include "nn/Interpreter/CompareFloat.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Interpreter/LayerDiagnostics.h"
#include "nn/Interpreter/Run.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNTypes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// Index of the first largest element (NaN never wins).
static int64_t argmax(const Tensor &tensor) {
  int64_t best = 0;
  for (int64_t i = 1, e = tensor.numElements(); i < e; ++i)
    if (tensor.valueAt(i) > tensor.valueAt(best))
      best = i;
  return best;
}

/// Max |a - b| and max |a| over the elements (shapes equal).
static void accumulate(const Tensor &reference, const Tensor &value,
                       double &maxAbsFloat, double &maxAbsError) {
  for (int64_t i = 0, e = reference.numElements(); i < e; ++i) {
    double r = reference.valueAt(i);
    maxAbsFloat = std::max(maxAbsFloat, std::fabs(r));
    maxAbsError = std::max(maxAbsError, std::fabs(value.valueAt(i) - r));
  }
}

static std::string typeText(Type type) {
  Type element = getElementTypeOrSelf(type);
  if (auto fixed = llvm::dyn_cast<FixedType>(element))
    return fixed.getHlsTypeName();
  std::string text;
  llvm::raw_string_ostream os(text);
  element.print(os);
  return text;
}

std::string nn::interp::formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.6g", value);
  return text;
}

/// The inputs of one sample: the batched inputs sliced, the others as they
/// are.
static std::vector<Tensor> inputsOfSample(const PreparedInputs &inputs,
                                          int64_t sample) {
  std::vector<Tensor> tensors;
  for (size_t i = 0; i < inputs.tensors.size(); ++i)
    tensors.push_back(inputs.batched[i] ? sliceSample(inputs.tensors[i], sample)
                                        : inputs.tensors[i]);
  return tensors;
}

llvm::Expected<Comparison>
nn::interp::compareWithFloat(func::FuncOp func, func::FuncOp floatFunc,
                             ArrayRef<RealArray> arrays,
                             ArrayRef<std::string> labels,
                             StringRef labelsPath, int numThreads) {
  llvm::Expected<PreparedInputs> fixedInputs =
      prepareInputs(func, arrays, labels);
  if (!fixedInputs)
    return fixedInputs.takeError();
  llvm::Expected<PreparedInputs> floatInputs =
      prepareInputs(floatFunc, arrays, labels);
  if (!floatInputs)
    return makeError("float model: " + llvm::toString(floatInputs.takeError()));
  Comparison result;
  const int64_t batch = result.samples = fixedInputs->batch;
  if (floatInputs->batch != batch)
    return makeError("the inputs give the two models different batches");
  std::vector<double> classes;
  if (!labelsPath.empty()) {
    llvm::Expected<RealArray> array = readTensorFile(labelsPath.str());
    if (!array)
      return makeError("labels (" + labelsPath +
                       "): " + llvm::toString(array.takeError()));
    if (int64_t(array->values.size()) != batch)
      return makeError("labels (" + labelsPath + "): " +
                       llvm::Twine(array->values.size()) + " labels for " +
                       llvm::Twine(batch) + " samples");
    classes = std::move(array->values);
  }
  result.hasLabels = !classes.empty();

  // Layers of the model in order, by name; the float model's ops by name.
  std::vector<LayerError> &layers = result.layers;
  llvm::StringMap<size_t> layerIndex;
  auto addLayer = [&](const std::string &name, StringRef op, Type type) {
    if (name.empty() || layerIndex.count(name))
      return;
    layerIndex[name] = layers.size();
    layers.push_back({name, op.str(), typeText(type)});
  };
  Block &body = func.getBody().front();
  for (BlockArgument arg : body.getArguments())
    addLayer(nn::getLayerName(arg.getLoc()), "(argument)", arg.getType());
  for (Operation &op : body.without_terminator())
    if (!llvm::isa<ConstantOp>(op) && op.getNumResults() == 1)
      addLayer(nn::getLayerName(op.getLoc()), op.getName().getStringRef(),
               op.getResult(0).getType());
  std::vector<OutputError> &outputs = result.outputs;
  outputs.resize(func.getNumResults());

  // Diagnostics of either run name the layer.
  ScopedDiagnosticHandler layerNames(func.getContext(), appendLayerName);
  for (int64_t sample = 0; sample < batch; ++sample) {
    // The float run keeps the results of the layers the model also has.
    llvm::StringMap<Tensor> reference;
    std::vector<Tensor> floatArgs = inputsOfSample(*floatInputs, sample);
    for (BlockArgument arg : floatFunc.getBody().front().getArguments())
      if (std::string name = nn::getLayerName(arg.getLoc()); layerIndex.count(name))
        reference[name] = floatArgs[arg.getArgNumber()];
    EvaluateOptions floatOptions;
    floatOptions.numThreads = numThreads;
    floatOptions.onResult = [&](Operation *op, const Tensor &result) {
      std::string name = nn::getLayerName(op->getLoc());
      if (!llvm::isa<ConstantOp>(op) && layerIndex.count(name))
        reference[name] = result;
    };
    FailureOr<std::vector<Tensor>> floatOutputs =
        evaluate(floatFunc, floatArgs, floatOptions);
    if (failed(floatOutputs))
      return makeError("the float model failed on sample " +
                       llvm::Twine(sample));

    auto compare = [&](const std::string &name, const Tensor &value) {
      auto it = reference.find(name);
      if (it == reference.end())
        return;
      LayerError &layer = layers[layerIndex[name]];
      layer.seen = true;
      if (it->second.shape() != value.shape()) {
        layer.shapeMismatch = true;
        return;
      }
      accumulate(it->second, value, layer.maxAbsFloat, layer.maxAbsError);
    };
    std::vector<Tensor> args = inputsOfSample(*fixedInputs, sample);
    for (BlockArgument arg : body.getArguments())
      compare(nn::getLayerName(arg.getLoc()), args[arg.getArgNumber()]);
    EvaluateOptions options;
    options.numThreads = numThreads;
    options.onResult = [&](Operation *op, const Tensor &result) {
      if (!llvm::isa<ConstantOp>(op))
        compare(nn::getLayerName(op->getLoc()), result);
    };
    FailureOr<std::vector<Tensor>> fixedOutputs = evaluate(func, args, options);
    if (failed(fixedOutputs))
      return makeError("the model failed on sample " + llvm::Twine(sample));

    for (size_t k = 0; k < outputs.size(); ++k) {
      const Tensor &ref = (*floatOutputs)[k], &value = (*fixedOutputs)[k];
      if (ref.shape() != value.shape())
        return makeError("output " + llvm::Twine(k) + " has shape " +
                         value.typeString() + " in the model and " +
                         ref.typeString() + " in the float model");
      OutputError &out = outputs[k];
      accumulate(ref, value, out.maxAbsFloat, out.maxAbsError);
      if (ref.numElements() > 1) {
        out.hasArgmax = true;
        int64_t a = argmax(ref), b = argmax(value);
        out.agreeing += a == b;
        if (!classes.empty()) {
          out.floatCorrect += double(a) == classes[sample];
          out.fixedCorrect += double(b) == classes[sample];
        }
      }
    }
  }
  return result;
}

void nn::interp::printComparison(const Comparison &comparison,
                                 StringRef floatModel, llvm::raw_ostream &os) {
  const int64_t batch = comparison.samples;
  size_t nameWidth = 5, opWidth = 2, typeWidth = 4;
  for (const LayerError &layer : comparison.layers) {
    nameWidth = std::max(nameWidth, layer.name.size());
    opWidth = std::max(opWidth, layer.op.size());
    typeWidth = std::max(typeWidth, layer.type.size());
  }
  os << "compared over " << batch << " sample" << (batch == 1 ? "" : "s")
     << " with the float model " << floatModel << "\n";
  os << llvm::left_justify("layer", nameWidth) << "  "
     << llvm::left_justify("op", opWidth) << "  "
     << llvm::left_justify("type", typeWidth) << "  "
     << llvm::right_justify("max |float|", 12) << "  "
     << llvm::right_justify("max abs error", 13) << "\n";
  if (comparison.layers.empty())
    os << "(no layer names in the model: locations are printed only with "
          "--mlir-print-debuginfo)\n";
  for (const LayerError &layer : comparison.layers) {
    os << llvm::left_justify(layer.name, nameWidth) << "  "
       << llvm::left_justify(layer.op, opWidth) << "  "
       << llvm::left_justify(layer.type, typeWidth) << "  ";
    if (!layer.seen)
      os << "(no float layer of that name)\n";
    else if (layer.shapeMismatch)
      os << "(shapes differ)\n";
    else
      os << llvm::right_justify(formatNumber(layer.maxAbsFloat), 12) << "  "
         << llvm::right_justify(formatNumber(layer.maxAbsError), 13) << "\n";
  }
  for (size_t k = 0; k < comparison.outputs.size(); ++k) {
    const OutputError &out = comparison.outputs[k];
    os << "output " << k << ": max abs error "
       << formatNumber(out.maxAbsError) << " (max |float| "
       << formatNumber(out.maxAbsFloat) << ")";
    if (out.hasArgmax) {
      os << ", argmax agreement " << out.agreeing << "/" << batch << " = "
         << formatNumber(comparison.percent(out.agreeing)) << "%";
      if (comparison.hasLabels)
        os << ", top-1 accuracy: float " << out.floatCorrect << "/" << batch
           << " = " << formatNumber(comparison.percent(out.floatCorrect))
           << "%, model " << out.fixedCorrect << "/" << batch << " = "
           << formatNumber(comparison.percent(out.fixedCorrect)) << "%";
    }
    os << "\n";
  }
}

void nn::interp::writeComparisonReport(const Comparison &comparison,
                                       StringRef model, StringRef floatModel,
                                       llvm::raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    json.attribute("model", model);
    json.attribute("float_model", floatModel);
    json.attribute("samples", comparison.samples);
    json.attributeArray("layers", [&] {
      for (const LayerError &layer : comparison.layers)
        json.object([&] {
          json.attribute("name", layer.name);
          json.attribute("op", layer.op);
          json.attribute("type", layer.type);
          if (layer.seen && !layer.shapeMismatch) {
            json.attribute("max_abs_float", layer.maxAbsFloat);
            json.attribute("max_abs_error", layer.maxAbsError);
          } else {
            json.attribute("unmatched", layer.seen ? "shapes differ"
                                                   : "no float layer");
          }
        });
    });
    json.attributeArray("outputs", [&] {
      for (size_t k = 0; k < comparison.outputs.size(); ++k)
        json.object([&] {
          const OutputError &out = comparison.outputs[k];
          json.attribute("index", int64_t(k));
          json.attribute("max_abs_float", out.maxAbsFloat);
          json.attribute("max_abs_error", out.maxAbsError);
          if (out.hasArgmax) {
            json.attribute("argmax_agreeing", out.agreeing);
            json.attribute("argmax_agreement_percent",
                           comparison.percent(out.agreeing));
            if (comparison.hasLabels) {
              json.attribute("float_correct", out.floatCorrect);
              json.attribute("model_correct", out.fixedCorrect);
            }
          }
        });
    });
  });
  os << "\n";
}
