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
#include "nn/Interpreter/CompareFloat.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Interpreter/LayerDiagnostics.h"
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
  llvm::Expected<Comparison> comparison = compareWithFloat(
      func, floatFunc, arrays, labels, labelsPath, int(numThreads));
  if (!comparison)
    return fail(llvm::toString(comparison.takeError()));
  printComparison(*comparison, compareFloat, llvm::outs());
  int status = 0;
  for (size_t k = 0; k < comparison->outputs.size(); ++k) {
    const OutputError &out = comparison->outputs[k];
    double agreement = comparison->percent(out.agreeing);
    if (minAgreement >= 0 && out.hasArgmax && agreement < minAgreement) {
      llvm::errs() << "nn-interp: error: output " << k
                   << ": argmax agreement " << formatNumber(agreement)
                   << "% is below --min-agreement="
                   << formatNumber(minAgreement) << "%\n";
      status = 1;
    }
  }
  if (!compareReport.empty()) {
    std::error_code ec;
    llvm::raw_fd_ostream file(compareReport, ec);
    if (ec)
      return fail("cannot write the report '" + compareReport +
                  "': " + ec.message());
    writeComparisonReport(*comparison, modelPath, compareFloat, file);
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
    // Evaluation errors name the layer (LayerDiagnostics.h).
    ScopedDiagnosticHandler layerNames(&context, appendLayerName);
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
