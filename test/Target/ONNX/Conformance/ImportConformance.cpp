//===- ImportConformance.cpp - import ONNX's backend test models ----------===//
//
// Imports every model of the ONNX backend test data (Debian's
// libonnx-testdata) whose op types the importer supports, and compares the
// outcome with a manifest of the tests known not to import (each with its
// reason). Fails on any unexpected failure and on any manifest entry that
// now imports, so the manifest stays exact. Prints the counts per suite.
//
// Usage: onnx-import-conformance <data dir> <manifest> [--list-failures]
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/InitNNDialects.h"
#include "nn/Target/ONNX/ImportONNX.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "onnx/onnx_pb.h"

#include <fstream>
#include <map>
#include <set>

namespace {

struct Outcome {
  bool imported = false;
  std::string diagnostic;
};

Outcome importModel(const std::string &path) {
  Outcome outcome;
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/true);
  if (!buffer) {
    outcome.diagnostic = "cannot read " + path;
    return outcome;
  }
  mlir::DialectRegistry registry;
  nn::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    if (diag.getSeverity() == mlir::DiagnosticSeverity::Error &&
        outcome.diagnostic.empty())
      outcome.diagnostic = diag.str();
    return mlir::success();
  });
  outcome.imported = static_cast<bool>(nn::importOnnxModel(**buffer, &context));
  return outcome;
}

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

std::map<std::string, std::string> readManifest(const std::string &path) {
  std::map<std::string, std::string> entries;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    size_t colon = line.find(':');
    std::string key = line.substr(0, colon);
    std::string reason = colon == std::string::npos ? "" : line.substr(colon + 1);
    entries[key] = reason;
  }
  return entries;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    llvm::errs() << "usage: " << argv[0]
                 << " <data dir> <manifest> [--list-failures]\n";
    return 2;
  }
  std::string dataDir = argv[1];
  std::map<std::string, std::string> manifest = readManifest(argv[2]);
  bool listFailures = argc > 3 && std::string(argv[3]) == "--list-failures";
  std::vector<std::string> supportedList = nn::getSupportedOnnxOpTypes();
  std::set<std::string> supported(supportedList.begin(), supportedList.end());

  int unexpected = 0;
  std::set<std::string> seen;
  for (const char *suite :
       {"node", "pytorch-converted", "pytorch-operator", "simple"}) {
    std::string suiteDir = dataDir + "/" + suite;
    std::vector<std::string> tests;
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(suiteDir, ec), end;
         it != end && !ec; it.increment(ec))
      tests.push_back(llvm::sys::path::filename(it->path()).str());
    if (ec || tests.empty()) {
      llvm::errs() << "error: no tests under " << suiteDir << "\n";
      return 2;
    }
    std::sort(tests.begin(), tests.end());
    int total = 0, scope = 0, imported = 0, expectedFailures = 0;
    for (const std::string &test : tests) {
      ++total;
      std::string key = std::string(suite) + "/" + test;
      std::string model = suiteDir + "/" + test + "/model.onnx";
      if (!inScope(model, supported))
        continue;
      ++scope;
      seen.insert(key);
      Outcome outcome = importModel(model);
      auto listed = manifest.find(key);
      if (outcome.imported) {
        ++imported;
        if (listed != manifest.end()) {
          ++unexpected;
          llvm::outs() << "UNEXPECTED PASS: " << key
                       << " (remove it from the manifest)\n";
        }
        continue;
      }
      std::string firstLine =
          outcome.diagnostic.substr(0, outcome.diagnostic.find('\n'));
      if (listed != manifest.end()) {
        ++expectedFailures;
        continue;
      }
      ++unexpected;
      if (listFailures)
        llvm::outs() << key << ": " << firstLine << "\n";
      else
        llvm::outs() << "UNEXPECTED FAILURE: " << key << ": " << firstLine
                     << "\n";
    }
    llvm::outs() << "suite " << suite << ": " << total << " tests, " << scope
                 << " with supported ops only, " << imported << " imported, "
                 << expectedFailures << " expected failures (manifest)\n";
  }
  for (const auto &[key, reason] : manifest)
    if (!seen.count(key)) {
      ++unexpected;
      llvm::outs() << "STALE MANIFEST ENTRY: " << key
                   << " (not an in-scope test)\n";
    }
  llvm::outs() << (unexpected ? "FAILED" : "PASSED") << ": " << unexpected
               << " unexpected outcomes\n";
  return unexpected ? 1 : 0;
}
