//===- RunConformance.cpp - run ONNX's backend tests in the interpreter ---===//
//
// For every model of the ONNX backend test data (Debian's libonnx-testdata)
// that imports (op types the importer supports, and not rejected on
// purpose: see test/Target/ONNX/Conformance/import-manifest.txt), runs every
// test_data_set_N through the interpreter (input_K.pb -> evaluate ->
// compared with output_K.pb) with the tolerances of ONNX's backend test
// runner: |actual - expected| <= atol + rtol * |expected| with rtol = 1e-3,
// atol = 1e-7, and NaN equal to NaN. A test passes when all its data sets
// do. The outcome is compared with a manifest of the tests expected to fail
// (`suite/test: reason`): unexpected failures, unexpected passes and entries
// naming no imported test all fail the run. Prints the counts per suite.
//
// Usage: onnx-run-conformance <data dir> <manifest> [--list-failures]
//                             [--only SUITE/TEST]
//        onnx-run-conformance <data dir> --sweep
//
// --sweep imports every model of the test data, whatever its ops (1072 in
// libonnx-testdata 1.12), and runs the ones that import, each in a child
// process with a time limit. It checks robustness, not results: a model
// may be rejected with a diagnostic, but a signal (crash, abort, sanitizer
// report) or a time-out fails the sweep.
//
//===----------------------------------------------------------------------===//

#include "nn/InitNNDialects.h"
#include "nn/Interpreter/Run.h"
#include "nn/Interpreter/TensorIO.h"
#include "nn/Target/ONNX/ImportONNX.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/onnx_pb.h"

#include <cmath>
#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>
#include <map>
#include <set>

using namespace nn::interp;

namespace {

constexpr double kRtol = 1e-3;
constexpr double kAtol = 1e-7;

// Whether every node of the model is an op type the importer supports.
bool inScope(const std::string &path, const std::set<std::string> &supported) {
  std::ifstream in(path, std::ios::binary);
  onnx::ModelProto model;
  if (!model.ParseFromIstream(&in))
    return false;
  if (model.graph().node_size() == 0)
    return false;
  for (const onnx::NodeProto &node : model.graph().node())
    if ((!node.domain().empty() && node.domain() != "ai.onnx") ||
        !supported.count(node.op_type()))
      return false;
  return true;
}

std::map<std::string, std::string> readManifest(const std::string &path,
                                                bool &ok) {
  std::map<std::string, std::string> entries;
  std::ifstream in(path);
  ok = static_cast<bool>(in);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    size_t colon = line.find(':');
    std::string key = line.substr(0, colon);
    std::string reason =
        colon == std::string::npos ? "" : line.substr(colon + 1);
    entries[key] = reason;
  }
  return entries;
}

// The files dir/<prefix>0.pb, dir/<prefix>1.pb, ... that exist.
std::vector<std::string> numberedFiles(const std::string &dir,
                                       const std::string &prefix) {
  std::vector<std::string> files;
  for (int k = 0;; ++k) {
    std::string path = dir + "/" + prefix + std::to_string(k) + ".pb";
    if (!llvm::sys::fs::exists(path))
      return files;
    files.push_back(path);
  }
}

std::string formatValue(double value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.9g", value);
  return text;
}

std::string shapeText(const std::vector<int64_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

// Compares one output; returns the empty string when it matches.
std::string compare(const Tensor &actual, const RealArray &expected) {
  if (actual.shape() != expected.shape)
    return "shape " + shapeText(actual.shape()) + " differs from the expected " +
           shapeText(expected.shape);
  int64_t mismatches = 0, first = -1;
  for (int64_t i = 0, e = actual.numElements(); i < e; ++i) {
    double a = actual.valueAt(i), x = expected.values[i];
    bool equal = (std::isnan(a) && std::isnan(x)) ||
                 (std::isinf(x) && a == x) ||
                 std::fabs(a - x) <= kAtol + kRtol * std::fabs(x);
    if (!equal && mismatches++ == 0)
      first = i;
  }
  if (!mismatches)
    return "";
  return std::to_string(mismatches) + " of " +
         std::to_string(actual.numElements()) +
         " elements differ, the first at index " + std::to_string(first) +
         ": got " + formatValue(actual.valueAt(first)) + ", expected " +
         formatValue(expected.values[first]);
}

struct Outcome {
  bool imported = false;
  bool passed = false;
  std::string reason;
};

Outcome runTest(const std::string &testDir) {
  Outcome outcome;
  std::string modelPath = testDir + "/model.onnx";
  auto buffer = llvm::MemoryBuffer::getFile(modelPath, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/true);
  if (!buffer)
    return outcome;
  mlir::DialectRegistry registry;
  nn::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  std::string diagnostic;
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    if (diag.getSeverity() == mlir::DiagnosticSeverity::Error &&
        diagnostic.empty())
      diagnostic = diag.str();
    return mlir::success();
  });
  mlir::OwningOpRef<mlir::ModuleOp> module =
      nn::importOnnxModel(**buffer, &context);
  if (!module)
    return outcome;
  auto funcs = module->getOps<mlir::func::FuncOp>();
  if (std::distance(funcs.begin(), funcs.end()) != 1)
    return outcome;
  mlir::func::FuncOp func = *funcs.begin();
  outcome.imported = true;

  std::vector<std::string> dataSets;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(testDir, ec), end;
       it != end && !ec; it.increment(ec)) {
    std::string name = llvm::sys::path::filename(it->path()).str();
    if (llvm::StringRef(name).starts_with("test_data_set_"))
      dataSets.push_back(name);
  }
  // test_data_set_2 before test_data_set_10.
  std::sort(dataSets.begin(), dataSets.end(),
            [](const std::string &a, const std::string &b) {
              return a.size() != b.size() ? a.size() < b.size() : a < b;
            });
  if (dataSets.empty()) {
    outcome.reason = "no test_data_set_N directory";
    return outcome;
  }

  for (const std::string &dataSet : dataSets) {
    std::string dir = testDir + "/" + dataSet;
    auto fail = [&](const std::string &why) {
      outcome.reason = dataSet + ": " + why;
      return outcome;
    };
    std::vector<RealArray> inputs;
    std::vector<std::string> labels;
    for (const std::string &path : numberedFiles(dir, "input_")) {
      std::string label = llvm::sys::path::filename(path).str();
      llvm::Expected<RealArray> array = readOnnxTensor(path);
      if (!array)
        return fail(label + ": " + llvm::toString(array.takeError()));
      inputs.push_back(std::move(*array));
      labels.push_back(label);
    }
    std::vector<RealArray> expected;
    for (const std::string &path : numberedFiles(dir, "output_")) {
      llvm::Expected<RealArray> array = readOnnxTensor(path);
      if (!array)
        return fail(llvm::sys::path::filename(path).str() + ": " +
                    llvm::toString(array.takeError()));
      expected.push_back(std::move(*array));
    }
    llvm::Expected<PreparedInputs> prepared =
        prepareInputs(func, inputs, labels);
    if (!prepared)
      return fail(llvm::toString(prepared.takeError()));
    diagnostic.clear();
    mlir::FailureOr<std::vector<Tensor>> outputs =
        runSamples(func, *prepared);
    if (mlir::failed(outputs))
      return fail(diagnostic.empty()
                      ? std::string("evaluation failed without a diagnostic")
                      : diagnostic.substr(0, diagnostic.find('\n')));
    if (outputs->size() != expected.size())
      return fail("the function has " + std::to_string(outputs->size()) +
                  " results, the test data " +
                  std::to_string(expected.size()) + " outputs");
    for (size_t k = 0; k < expected.size(); ++k) {
      std::string mismatch = compare((*outputs)[k], expected[k]);
      if (!mismatch.empty())
        return fail("output " + std::to_string(k) + ": " + mismatch);
    }
  }
  outcome.passed = true;
  return outcome;
}

// The tests of one suite directory, sorted; empty (after a message) when
// the directory cannot be read.
std::vector<std::string> listTests(const std::string &suiteDir) {
  std::vector<std::string> tests;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(suiteDir, ec), end;
       it != end && !ec; it.increment(ec))
    tests.push_back(llvm::sys::path::filename(it->path()).str());
  if (ec || tests.empty()) {
    llvm::errs() << "error: no tests under " << suiteDir << "\n";
    return {};
  }
  std::sort(tests.begin(), tests.end());
  return tests;
}

constexpr const char *kSuites[] = {"node", "pytorch-converted",
                                   "pytorch-operator", "simple"};

// Exit codes of a sweep child.
enum SweepCode { kRejected = 10, kImported = 11, kPassed = 12 };
constexpr unsigned kSweepSecondsPerModel = 120;

int sweep(const std::string &dataDir) {
  int models = 0, imported = 0, passed = 0, failures = 0;
  for (const char *suite : kSuites) {
    std::string suiteDir = dataDir + "/" + suite;
    std::vector<std::string> tests = listTests(suiteDir);
    if (tests.empty())
      return 2;
    for (const std::string &test : tests) {
      ++models;
      std::string key = std::string(suite) + "/" + test;
      llvm::outs().flush();
      pid_t pid = fork();
      if (pid < 0) {
        llvm::errs() << "error: fork failed\n";
        return 2;
      }
      if (pid == 0) {
        // A hang is ended by SIGALRM and counted as one.
        alarm(kSweepSecondsPerModel);
        Outcome outcome = runTest(suiteDir + "/" + test);
        llvm::outs().flush();
        _exit(outcome.passed     ? kPassed
              : outcome.imported ? kImported
                                 : kRejected);
      }
      int status = 0;
      waitpid(pid, &status, 0);
      int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      if (code == kPassed || code == kImported || code == kRejected) {
        imported += code != kRejected;
        passed += code == kPassed;
        continue;
      }
      ++failures;
      if (WIFSIGNALED(status))
        llvm::outs() << "CRASH: " << key << ": signal " << WTERMSIG(status)
                     << (WTERMSIG(status) == SIGALRM ? " (time-out)" : "")
                     << "\n";
      else
        llvm::outs() << "CRASH: " << key << ": exit code " << code << "\n";
    }
  }
  llvm::outs() << "sweep: " << models << " models, " << imported
               << " imported, " << passed << " match the test data, "
               << failures << " crashes or time-outs\n";
  llvm::outs() << (failures ? "FAILED" : "PASSED") << ": " << failures
               << " crashes\n";
  return failures ? 1 : 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc == 3 && std::string(argv[2]) == "--sweep")
    return sweep(argv[1]);
  if (argc < 3) {
    llvm::errs() << "usage: " << argv[0]
                 << " <data dir> <manifest> [--list-failures] "
                    "[--only SUITE/TEST]\n";
    return 2;
  }
  std::string dataDir = argv[1];
  bool manifestOk = false;
  std::map<std::string, std::string> manifest =
      readManifest(argv[2], manifestOk);
  if (!manifestOk) {
    llvm::errs() << "error: cannot read the manifest " << argv[2] << "\n";
    return 2;
  }
  bool listFailures = false;
  std::string only;
  for (int i = 3; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--list-failures") {
      listFailures = true;
    } else if (arg == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else {
      llvm::errs() << "error: unknown argument " << arg << "\n";
      return 2;
    }
  }
  std::vector<std::string> supportedList = nn::getSupportedOnnxOpTypes();
  std::set<std::string> supported(supportedList.begin(), supportedList.end());

  int unexpected = 0;
  std::set<std::string> seen;
  for (const char *suite : kSuites) {
    std::string suiteDir = dataDir + "/" + suite;
    std::vector<std::string> tests = listTests(suiteDir);
    if (tests.empty())
      return 2;
    int total = 0, scope = 0, imported = 0, passed = 0, expectedFailures = 0;
    for (const std::string &test : tests) {
      std::string key = std::string(suite) + "/" + test;
      if (!only.empty() && key != only)
        continue;
      ++total;
      std::string testDir = suiteDir + "/" + test;
      if (!inScope(testDir + "/model.onnx", supported))
        continue;
      ++scope;
      Outcome outcome = runTest(testDir);
      if (!outcome.imported)
        continue;
      ++imported;
      seen.insert(key);
      auto listed = manifest.find(key);
      if (outcome.passed) {
        ++passed;
        if (listed != manifest.end()) {
          ++unexpected;
          llvm::outs() << "UNEXPECTED PASS: " << key
                       << " (remove it from the manifest)\n";
        }
        continue;
      }
      if (listed != manifest.end()) {
        ++expectedFailures;
        continue;
      }
      ++unexpected;
      if (listFailures)
        llvm::outs() << key << ": " << outcome.reason << "\n";
      else
        llvm::outs() << "UNEXPECTED FAILURE: " << key << ": "
                     << outcome.reason << "\n";
    }
    llvm::outs() << "suite " << suite << ": " << total << " tests, " << scope
                 << " with supported ops only, " << imported << " imported, "
                 << passed << " passed, " << expectedFailures
                 << " expected failures (manifest)\n";
  }
  if (only.empty())
    for (const auto &[key, reason] : manifest)
      if (!seen.count(key)) {
        ++unexpected;
        llvm::outs() << "STALE MANIFEST ENTRY: " << key
                     << " (not a test whose model imports)\n";
      }
  llvm::outs() << (unexpected ? "FAILED" : "PASSED") << ": " << unexpected
               << " unexpected outcomes\n";
  return unexpected ? 1 : 0;
}
