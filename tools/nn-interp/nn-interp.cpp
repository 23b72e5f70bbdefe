//===- nn-interp.cpp - run an nn model on input files ---------------------===//
//
//   nn-interp MODEL --input X [--input Y ...] [--output OUT ...]
//             [--trace DIR] [--threads N] [--entry NAME] [--print]
//             [--max-memory SIZE] [--max-steps N]
//
// MODEL is nn IR (.mlir; the entry is its single func.func or --entry) or an
// ONNX model (.onnx, .onnxtext), imported on the fly. Inputs are .npy files
// (float32 '<f4' or float64 '<f8', C order) or ONNX TensorProto .pb files,
// one per function argument, in order. Each output is written as a .npy:
// float32 results as '<f4', fixed-point results as their real values in
// '<f8' (exact: a double holds every value of a format of up to 53 bits).
// An input with a leading dimension N where the argument has 1 runs N
// samples; each output (and trace) holds the samples stacked along axis 0:
// a leading dimension of 1 becomes N, any other shape gets a new leading
// axis of N (a result that does not carry the batch).
//
// --trace DIR writes every op's result to DIR/<layer>.npy, where <layer> is
// the op's location name (NameLoc; the importer names ops after their ONNX
// output) with characters outside [A-Za-z0-9._-] replaced by '_', or
// <op name>_<index> (index: position of the op in the function body) for
// unnamed ops; a name already taken gets _<index> appended. Constants are
// written once, whatever the batch.
//
//===----------------------------------------------------------------------===//

#include "nn/InitNNDialects.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Interpreter/Run.h"
#include "nn/Interpreter/TensorIO.h"
#include "nn/Support/InputFile.h"
#include "nn/Target/ONNX/ImportONNX.h"
#include "nn/Tools/ToolOptions.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace nn;
using namespace nn::interp;

static llvm::cl::OptionCategory category("nn-interp options");

static llvm::cl::opt<std::string>
    modelPath(llvm::cl::Positional, llvm::cl::Required,
              llvm::cl::desc("<model .mlir | .onnx | .onnxtext>"),
              llvm::cl::cat(category));

static llvm::cl::list<std::string>
    inputPaths("input",
               llvm::cl::desc("An input file (.npy or ONNX TensorProto .pb), "
                              "one per function argument, in order"),
               llvm::cl::value_desc("file"), llvm::cl::cat(category));

static llvm::cl::list<std::string> outputPaths(
    "output",
    llvm::cl::desc("Where to write a result (.npy), one per function result, "
                   "in order; float32 results as '<f4', fixed-point results "
                   "as real values in '<f8'"),
    llvm::cl::value_desc("file"), llvm::cl::cat(category));

static llvm::cl::opt<std::string> traceDir(
    "trace",
    llvm::cl::desc("Write every op's result to <dir>/<layer name>.npy"),
    llvm::cl::value_desc("dir"), llvm::cl::cat(category));

// --threads N: libLLVM already registers a hidden "threads" option, so
// this one is taken out of argv before the command line is parsed.
static unsigned numThreads = 0;

/// Removes "--threads N", "--threads=N" (or with one dash) from `args`,
/// setting numThreads; false (after a message) on a malformed value.
static bool extractThreads(std::vector<const char *> &args) {
  std::vector<const char *> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef arg = args[i];
    llvm::StringRef value;
    if (arg == "--threads" || arg == "-threads") {
      if (i + 1 == args.size()) {
        llvm::errs() << "nn-interp: error: --threads needs a value\n";
        return false;
      }
      value = args[++i];
    } else if (arg.consume_front("--threads=") ||
               arg.consume_front("-threads=")) {
      value = arg;
    } else {
      rest.push_back(args[i]);
      continue;
    }
    if (value.getAsInteger(10, numThreads)) {
      llvm::errs() << "nn-interp: error: --threads expects a non-negative "
                      "integer, got '"
                   << value << "'\n";
      return false;
    }
  }
  args = std::move(rest);
  return true;
}

static llvm::cl::opt<std::string>
    entryName("entry",
              llvm::cl::desc("The function to run (default: the model's "
                             "only function)"),
              llvm::cl::value_desc("name"), llvm::cl::cat(category));

static llvm::cl::opt<bool>
    printOutputs("print",
                 llvm::cl::desc("Also print the results as text on stdout"),
                 llvm::cl::init(false), llvm::cl::cat(category));

static llvm::cl::opt<std::string> compareFloat(
    "compare-float",
    llvm::cl::desc("Compare MODEL (typically fixed point) with this float "
                   "model (.mlir, .onnx, .onnxtext) on the inputs: per layer "
                   "(matched by layer name) and per output, the max abs "
                   "error; per output, the argmax agreement"),
    llvm::cl::value_desc("model"), llvm::cl::cat(category));

static llvm::cl::opt<std::string> compareReport(
    "compare-report",
    llvm::cl::desc("With --compare-float: also write the comparison as JSON"),
    llvm::cl::value_desc("file"), llvm::cl::cat(category));

static llvm::cl::opt<std::string> labelsPath(
    "labels",
    llvm::cl::desc("With --compare-float: class labels (.npy, one per "
                   "sample) for the top-1 accuracy of both models"),
    llvm::cl::value_desc("file"), llvm::cl::cat(category));

static llvm::cl::opt<double> minAgreement(
    "min-agreement",
    llvm::cl::desc("With --compare-float: exit with status 1 when an "
                   "output's argmax agreement is below this percentage"),
    llvm::cl::init(-1.0), llvm::cl::cat(category));

static llvm::cl::opt<std::string> maxMemory(
    "max-memory",
    llvm::cl::desc("The most memory one tensor or buffer may take (and the "
                   "largest tensor file: --input, --labels): bytes, or with a suffix K, M, G, T "
                   "(powers of 1024); default 8G"),
    llvm::cl::value_desc("size"), llvm::cl::init("8G"),
    llvm::cl::cat(category));

static llvm::cl::opt<uint64_t> maxSteps(
    "max-steps",
    llvm::cl::desc("The most steps one run may execute: loop iterations of "
                   "loop-level IR, operand elements plus "
                   "multiply-accumulates and pool-window terms of nn IR "
                   "(default 1e11; ResNet-18 takes about 2e9)"),
    llvm::cl::value_desc("n"), llvm::cl::init(100'000'000'000ULL),
    llvm::cl::cat(category));

/// Parses --max-memory: a positive integer, optionally followed by K, M, G
/// or T (powers of 1024, an optional "iB" or "B" after it).
static std::optional<uint64_t> parseSize(llvm::StringRef text) {
  llvm::StringRef digits = text.take_while(llvm::isDigit);
  llvm::StringRef suffix = text.drop_front(digits.size());
  uint64_t value;
  if (digits.empty() || digits.getAsInteger(10, value))
    return std::nullopt;
  unsigned shift = 0;
  if (!suffix.empty()) {
    size_t unit = llvm::StringRef("KMGT").find(llvm::toUpper(suffix[0]));
    if (unit == llvm::StringRef::npos)
      return std::nullopt;
    shift = 10 * unsigned(unit + 1);
    suffix = suffix.drop_front();
    if (!suffix.empty() && suffix != "B" && suffix != "iB")
      return std::nullopt;
  }
  if (value == 0 || value > (~uint64_t(0) >> shift))
    return std::nullopt;
  return value << shift;
}

static int fail(const llvm::Twine &message) {
  llvm::errs() << "nn-interp: error: " << message << "\n";
  return 1;
}

/// A file name made of [A-Za-z0-9._-] only, never "." or "..".
static std::string sanitize(llvm::StringRef name) {
  std::string text;
  for (char c : name.take_front(200))
    text += llvm::isAlnum(c) || c == '.' || c == '_' || c == '-' ? c : '_';
  if (text == "." || text == "..")
    text = "_" + text;
  return text;
}

/// Trace file stems of the ops of `func`, unique.
static llvm::DenseMap<Operation *, std::string>
traceNames(func::FuncOp func) {
  llvm::DenseMap<Operation *, std::string> names;
  llvm::StringSet<> used;
  int64_t index = 0;
  for (Operation &op : func.getBody().front().without_terminator()) {
    std::string name = sanitize(nn::getLayerName(op.getLoc()));
    if (name.empty())
      name = sanitize(op.getName().getStringRef()) + "_" +
             std::to_string(index);
    if (used.contains(name))
      name += "_" + std::to_string(index);
    while (used.contains(name))
      name += "_";
    used.insert(name);
    names[&op] = name;
    ++index;
  }
  return names;
}

static OwningOpRef<ModuleOp> loadModel(MLIRContext &context,
                                       llvm::SourceMgr &sourceMgr,
                                       const std::string &modelPath) {
  // A regular file (never a FIFO) of bounded size: nn/Support/InputFile.h.
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      readInputFile(modelPath, kMaxInputFileBytes, /*nullTerminate=*/true);
  if (!buffer) {
    fail("the model '" + modelPath +
         "' " + llvm::toString(buffer.takeError()));
    return nullptr;
  }
  llvm::StringRef extension = llvm::sys::path::extension(modelPath);
  if (extension == ".onnx" || extension == ".onnxtext")
    return importOnnxModel(**buffer, &context);
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  return parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
}

static func::FuncOp findEntry(ModuleOp module) {
  if (!entryName.empty()) {
    auto func = module.lookupSymbol<func::FuncOp>(entryName);
    if (!func || func.isExternal()) {
      fail("the model has no function named '" + entryName + "'");
      return nullptr;
    }
    return func;
  }
  SmallVector<func::FuncOp> funcs;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal())
      funcs.push_back(func);
  if (funcs.size() == 1)
    return funcs.front();
  if (funcs.empty()) {
    fail("the model has no function with a body");
    return nullptr;
  }
  std::string list;
  for (func::FuncOp func : funcs)
    list += (list.empty() ? "" : ", ") + func.getSymName().str();
  fail("the model has " + llvm::Twine(funcs.size()) + " functions (" + list +
       "); choose one with --entry");
  return nullptr;
}

//===----------------------------------------------------------------------===//
// --compare-float
//===----------------------------------------------------------------------===//

namespace {
/// The error of one layer over all samples.
struct LayerError {
  std::string name, op, type;
  double maxAbsFloat = 0, maxAbsError = 0;
  bool shapeMismatch = false;
  bool seen = false;
};
/// One output over all samples.
struct OutputError {
  double maxAbsFloat = 0, maxAbsError = 0;
  int64_t agreeing = 0, floatCorrect = 0, fixedCorrect = 0;
  bool hasArgmax = false;
};
} // namespace

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

static std::string formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.6g", value);
  return text;
}

static int runComparison(MLIRContext &context, func::FuncOp func,
                         ArrayRef<RealArray> arrays) {
  // parseSourceFile reads a SourceMgr's main buffer: the float model gets
  // its own.
  llvm::SourceMgr floatSourceMgr;
  OwningOpRef<ModuleOp> floatModule =
      loadModel(context, floatSourceMgr, compareFloat);
  if (!floatModule)
    return 1;
  SmallVector<func::FuncOp> floatFuncs;
  for (auto f : floatModule->getOps<func::FuncOp>())
    if (!f.isExternal())
      floatFuncs.push_back(f);
  func::FuncOp floatFunc;
  if (floatFuncs.size() == 1)
    floatFunc = floatFuncs.front();
  else if (auto named = floatModule->lookupSymbol<func::FuncOp>(
               func.getSymName());
           named && !named.isExternal())
    floatFunc = named;
  if (!floatFunc)
    return fail("the float model '" + compareFloat + "' must hold one "
                "function, or one named '" + func.getSymName() + "'");
  if (floatFunc.getNumResults() != func.getNumResults())
    return fail("the float model has " +
                llvm::Twine(floatFunc.getNumResults()) +
                " results, the model " + llvm::Twine(func.getNumResults()));
  std::vector<std::string> labels(inputPaths.begin(), inputPaths.end());
  llvm::Expected<PreparedInputs> fixedInputs =
      prepareInputs(func, arrays, labels);
  if (!fixedInputs)
    return fail(llvm::toString(fixedInputs.takeError()));
  llvm::Expected<PreparedInputs> floatInputs =
      prepareInputs(floatFunc, arrays, labels);
  if (!floatInputs)
    return fail("float model: " + llvm::toString(floatInputs.takeError()));
  int64_t batch = fixedInputs->batch;
  if (floatInputs->batch != batch)
    return fail("the inputs give the two models different batches");

  std::vector<double> classes;
  if (!labelsPath.empty()) {
    llvm::Expected<RealArray> array = readTensorFile(labelsPath);
    if (!array)
      return fail("labels (" + labelsPath +
                  "): " + llvm::toString(array.takeError()));
    if (int64_t(array->values.size()) != batch)
      return fail("labels (" + labelsPath + "): " +
                  llvm::Twine(array->values.size()) + " labels for " +
                  llvm::Twine(batch) + " samples");
    classes = std::move(array->values);
  }

  // Layers of the model in order, by name; the float model's ops by name.
  std::vector<LayerError> layers;
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
  std::vector<OutputError> outputs(func.getNumResults());

  ScopedDiagnosticHandler layerNames(&context, [](Diagnostic &diag) {
    std::string name = nn::getLayerName(diag.getLocation());
    auto nameLoc = llvm::dyn_cast<NameLoc>(diag.getLocation());
    if (!name.empty() &&
        !(nameLoc && llvm::isa<UnknownLoc>(nameLoc.getChildLoc())))
      diag << " (layer '" << name << "')";
    return failure();
  });
  auto sampleInputs = [&](const PreparedInputs &inputs, int64_t sample) {
    std::vector<Tensor> tensors;
    for (size_t i = 0; i < inputs.tensors.size(); ++i)
      tensors.push_back(inputs.batched[i]
                            ? sliceSample(inputs.tensors[i], sample)
                            : inputs.tensors[i]);
    return tensors;
  };
  for (int64_t sample = 0; sample < batch; ++sample) {
    // The float run keeps the results of the layers the model also has.
    llvm::StringMap<Tensor> reference;
    std::vector<Tensor> floatArgs = sampleInputs(*floatInputs, sample);
    for (BlockArgument arg : floatFunc.getBody().front().getArguments())
      if (std::string name = nn::getLayerName(arg.getLoc()); layerIndex.count(name))
        reference[name] = floatArgs[arg.getArgNumber()];
    EvaluateOptions floatOptions;
    floatOptions.numThreads = int(numThreads);
    floatOptions.onResult = [&](Operation *op, const Tensor &result) {
      std::string name = nn::getLayerName(op->getLoc());
      if (!llvm::isa<ConstantOp>(op) && layerIndex.count(name))
        reference[name] = result;
    };
    FailureOr<std::vector<Tensor>> floatOutputs =
        evaluate(floatFunc, floatArgs, floatOptions);
    if (failed(floatOutputs))
      return fail("the float model failed on sample " + llvm::Twine(sample));

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
    std::vector<Tensor> args = sampleInputs(*fixedInputs, sample);
    for (BlockArgument arg : body.getArguments())
      compare(nn::getLayerName(arg.getLoc()), args[arg.getArgNumber()]);
    EvaluateOptions options;
    options.numThreads = int(numThreads);
    options.onResult = [&](Operation *op, const Tensor &result) {
      if (!llvm::isa<ConstantOp>(op))
        compare(nn::getLayerName(op->getLoc()), result);
    };
    FailureOr<std::vector<Tensor>> fixedOutputs = evaluate(func, args, options);
    if (failed(fixedOutputs))
      return fail("the model failed on sample " + llvm::Twine(sample));

    for (size_t k = 0; k < outputs.size(); ++k) {
      const Tensor &ref = (*floatOutputs)[k], &value = (*fixedOutputs)[k];
      if (ref.shape() != value.shape())
        return fail("output " + llvm::Twine(k) + " has shape " +
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

  auto percent = [&](int64_t count) { return 100.0 * double(count) / double(batch); };
  // The table.
  size_t nameWidth = 5, opWidth = 2, typeWidth = 4;
  for (const LayerError &layer : layers) {
    nameWidth = std::max(nameWidth, layer.name.size());
    opWidth = std::max(opWidth, layer.op.size());
    typeWidth = std::max(typeWidth, layer.type.size());
  }
  llvm::raw_ostream &os = llvm::outs();
  os << "compared over " << batch << " sample" << (batch == 1 ? "" : "s")
     << " with the float model " << compareFloat << "\n";
  os << llvm::left_justify("layer", nameWidth) << "  "
     << llvm::left_justify("op", opWidth) << "  "
     << llvm::left_justify("type", typeWidth) << "  "
     << llvm::right_justify("max |float|", 12) << "  "
     << llvm::right_justify("max abs error", 13) << "\n";
  if (layers.empty())
    os << "(no layer names in the model: locations are printed only with "
          "--mlir-print-debuginfo)\n";
  for (const LayerError &layer : layers) {
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
  int status = 0;
  for (size_t k = 0; k < outputs.size(); ++k) {
    const OutputError &out = outputs[k];
    os << "output " << k << ": max abs error "
       << formatNumber(out.maxAbsError) << " (max |float| "
       << formatNumber(out.maxAbsFloat) << ")";
    if (out.hasArgmax) {
      os << ", argmax agreement " << out.agreeing << "/" << batch << " = "
         << formatNumber(percent(out.agreeing)) << "%";
      if (!classes.empty())
        os << ", top-1 accuracy: float " << out.floatCorrect << "/" << batch
           << " = " << formatNumber(percent(out.floatCorrect)) << "%, model "
           << out.fixedCorrect << "/" << batch << " = "
           << formatNumber(percent(out.fixedCorrect)) << "%";
    }
    os << "\n";
    if (minAgreement >= 0 && out.hasArgmax &&
        percent(out.agreeing) < minAgreement) {
      llvm::errs() << "nn-interp: error: output " << k
                   << ": argmax agreement " << formatNumber(percent(out.agreeing))
                   << "% is below --min-agreement=" << formatNumber(minAgreement)
                   << "%\n";
      status = 1;
    }
  }

  if (!compareReport.empty()) {
    std::error_code ec;
    llvm::raw_fd_ostream file(compareReport, ec);
    if (ec)
      return fail("cannot write the report '" + compareReport +
                  "': " + ec.message());
    llvm::json::OStream json(file, /*IndentSize=*/2);
    json.object([&] {
      json.attribute("model", modelPath.getValue());
      json.attribute("float_model", compareFloat.getValue());
      json.attribute("samples", batch);
      json.attributeArray("layers", [&] {
        for (const LayerError &layer : layers)
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
        for (size_t k = 0; k < outputs.size(); ++k)
          json.object([&] {
            const OutputError &out = outputs[k];
            json.attribute("index", int64_t(k));
            json.attribute("max_abs_float", out.maxAbsFloat);
            json.attribute("max_abs_error", out.maxAbsError);
            if (out.hasArgmax) {
              json.attribute("argmax_agreeing", out.agreeing);
              json.attribute("argmax_agreement_percent",
                             percent(out.agreeing));
              if (!classes.empty()) {
                json.attribute("float_correct", out.floatCorrect);
                json.attribute("model_correct", out.fixedCorrect);
              }
            }
          });
      });
    });
    file << "\n";
  }
  return status;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::cl::HideUnrelatedOptions(category);
  llvm::cl::SetVersionPrinter(nn::printToolVersion);
  std::vector<const char *> args(argv, argv + argc);
  if (!extractThreads(args))
    return 1;
  llvm::cl::ParseCommandLineOptions(
      int(args.size()), args.data(),
      "nn reference interpreter: runs an nn or ONNX model on .npy/.pb "
      "inputs\n\n"
      "  --threads <N>  worker threads of the large kernels (default 0: one "
      "per core)\n");
  std::optional<uint64_t> memoryBudget = parseSize(maxMemory);
  if (!memoryBudget)
    return fail("--max-memory expects a positive size such as 8G, 512M or "
                "1048576, got '" + maxMemory + "'");
  if (maxSteps == 0)
    return fail("--max-steps expects a positive number of steps");
  limits().maxTensorBytes = *memoryBudget;
  limits().maxLoopSteps = maxSteps;

  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // One message per error: no "see current operation" note.
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  OwningOpRef<ModuleOp> module = loadModel(context, sourceMgr, modelPath);
  if (!module)
    return 1;
  func::FuncOp func = findEntry(*module);
  if (!func)
    return 1;

  // Inputs, checked against the arguments before anything runs.
  std::vector<RealArray> arrays;
  for (size_t i = 0; i < inputPaths.size(); ++i) {
    llvm::Expected<RealArray> array = readTensorFile(inputPaths[i]);
    if (!array)
      return fail("input " + llvm::Twine(i) + " (" + inputPaths[i] +
                  "): " + llvm::toString(array.takeError()));
    arrays.push_back(std::move(*array));
  }
  llvm::Expected<PreparedInputs> inputs =
      prepareInputs(func, arrays, std::vector<std::string>(
                                      inputPaths.begin(), inputPaths.end()));
  if (!inputs)
    return fail(llvm::toString(inputs.takeError()));
  if (!compareFloat.empty())
    return runComparison(context, func, arrays);
  arrays.clear();

  unsigned numResults = unsigned(interfaceResultTypes(func).size());
  if (!outputPaths.empty() && outputPaths.size() != numResults)
    return fail("the function '" + func.getSymName() + "' has " +
                llvm::Twine(numResults) + " result" +
                (numResults == 1 ? "" : "s") + " but " +
                llvm::Twine(outputPaths.size()) + " --output " +
                (outputPaths.size() == 1 ? "was" : "were") + " given");
  if (outputPaths.empty() && !printOutputs && traceDir.empty())
    return fail("nothing to do: give one --output per function result (" +
                llvm::Twine(numResults) + "), --print or --trace");

  // Traces: every op's results, per sample.
  llvm::DenseMap<Operation *, std::string> names;
  llvm::DenseMap<Operation *, std::vector<Tensor>> traces;
  RunOptions options;
  options.numThreads = int(numThreads);
  if (!traceDir.empty()) {
    if (std::error_code ec = llvm::sys::fs::create_directories(traceDir))
      return fail("cannot create the trace directory '" + traceDir +
                  "': " + ec.message());
    names = traceNames(func);
    options.onResult = [&](Operation *op, int64_t sample,
                           const Tensor &result) {
      // A constant is the same in every sample: keep it once.
      if (sample > 0 && llvm::isa<ConstantOp>(op))
        return;
      traces[op].push_back(result);
    };
  }

  FailureOr<std::vector<Tensor>> outputs = [&] {
    // Evaluation errors name the layer: a NameLoc prints as its file
    // location only, so the name is appended before the diagnostic goes on
    // to the printing handler.
    ScopedDiagnosticHandler layerNames(&context, [](Diagnostic &diag) {
      std::string name = nn::getLayerName(diag.getLocation());
      // A bare loc("name") already prints its name.
      auto nameLoc = llvm::dyn_cast<NameLoc>(diag.getLocation());
      if (!name.empty() &&
          !(nameLoc && llvm::isa<UnknownLoc>(nameLoc.getChildLoc())))
        diag << " (layer '" << name << "')";
      return failure();
    });
    return runSamples(func, *inputs, options);
  }();

  // Traces of the ops that completed (every sample; constants once), also
  // when the run failed: they show what came before the failing op.
  int status = 0;
  if (!traceDir.empty()) {
    for (Operation &op : func.getBody().front().without_terminator()) {
      auto it = traces.find(&op);
      size_t complete = llvm::isa<ConstantOp>(op) ? 1 : size_t(inputs->batch);
      if (it == traces.end() || it->second.size() != complete)
        continue;
      SmallString<256> path(traceDir);
      llvm::sys::path::append(path, names[&op] + ".npy");
      Tensor value = it->second.size() == 1 ? std::move(it->second.front())
                                            : stackSamples(it->second);
      if (llvm::Error err = writeNpy(path, value)) {
        status = fail("trace of '" + names[&op] + "' (" + path +
                      "): " + llvm::toString(std::move(err)));
        break;
      }
    }
  }
  if (failed(outputs))
    return 1;

  for (size_t k = 0; k < outputs->size(); ++k) {
    const Tensor &output = (*outputs)[k];
    if (printOutputs) {
      llvm::outs() << "output " << k << ": " << output.typeString() << "\n";
      printValues(llvm::outs(), output);
    }
    if (k < outputPaths.size())
      if (llvm::Error err = writeNpy(outputPaths[k], output))
        status = fail("output " + llvm::Twine(k) + " (" + outputPaths[k] +
                      "): " + llvm::toString(std::move(err)));
  }
  return status;
}
