//===- TranslateRegistration.cpp - nn-translate's HLS translations --------===//
//
// Registers --emit-hls and --emit-hls-project with mlir-translate's
// registry, with their options (--hls-project-dir, --hls-runtime-include)
// and the search for nn's C-simulation headers next to the running tool.
// The only file of the emitter that knows about the command line.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/HLS/EmitHLS.h"
#include "Emitter.h"

#include "nn/InitNNDialects.h"

#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace nn;
using namespace nn::hlsemit;

llvm::cl::OptionCategory &nn::getEmitHlsOptionCategory() {
  static llvm::cl::OptionCategory category("HLS project options");
  return category;
}

static llvm::cl::opt<std::string>
    projectDir("hls-project-dir",
               llvm::cl::desc("Directory of --emit-hls-project"),
               llvm::cl::init("hls_prj"),
               llvm::cl::cat(getEmitHlsOptionCategory()));

static llvm::cl::opt<std::string> runtimeIncludeDir(
    "hls-runtime-include",
    llvm::cl::desc("nn's C-simulation headers that --emit-hls-project copies "
                   "into the project (default: the build or install tree of "
                   "this nn-translate, <prefix>/share/nn/runtime/include)"),
    llvm::cl::value_desc("dir"), llvm::cl::cat(getEmitHlsOptionCategory()));

/// The running tool's path, from registerEmitHlsTranslations.
static std::string &toolPath() {
  static std::string path;
  return path;
}

/// nn's runtime include directory: --hls-runtime-include, else where the
/// build tree stages it or an install puts it relative to the tool's own
/// directory (relative paths from CMake: the tree can be moved).
static FailureOr<std::string> findRuntimeInclude(Operation *op) {
  if (!runtimeIncludeDir.empty())
    return std::string(runtimeIncludeDir);
  std::vector<std::string> candidates;
  StringRef bin = llvm::sys::path::parent_path(toolPath());
  for (StringRef relative : {StringRef(NN_RUNTIME_FROM_INSTALL_BINDIR),
                             StringRef(NN_RUNTIME_FROM_BUILD_BINDIR)}) {
    SmallString<256> candidate(bin);
    llvm::sys::path::append(candidate, relative);
    llvm::sys::path::remove_dots(candidate, /*remove_dot_dot=*/true);
    if (!bin.empty() && !llvm::is_contained(candidates, candidate.str()))
      candidates.push_back(std::string(candidate));
  }
  for (const std::string &candidate : candidates)
    if (missingRuntimeHeader(candidate).empty())
      return candidate;
  InFlightDiagnostic diag =
      op->emitError("cannot find nn's C-simulation headers (ap_fixed.h, "
                    "nn_csim/npy.h, ...) for the project: looked in ");
  if (candidates.empty())
    diag << "nothing (the path of nn-translate is unknown)";
  for (auto [i, candidate] : llvm::enumerate(candidates))
    diag << (i ? ", " : "") << "'" << candidate << "'";
  diag << "; build the target nn-runtime-headers, install nn (cmake "
          "--install), or pass --hls-runtime-include=DIR";
  return failure();
}

void nn::registerEmitHlsTranslations(const char *argv0) {
  // On Linux the path comes from /proc/self/exe; argv0 (searched in PATH)
  // where that is missing. The address is only used on other systems.
  toolPath() = llvm::sys::fs::getMainExecutable(
      argv0, reinterpret_cast<void *>(&registerEmitHlsTranslations));
  static TranslateFromMLIRRegistration emitCpp(
      "emit-hls", "print loop-level nn IR as Vitis HLS C++",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = llvm::dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expects a module");
        return emitHlsCpp(module, os);
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });
  static TranslateFromMLIRRegistration emitProject(
      "emit-hls-project",
      "write an HLS project (firmware, testbench, build_prj.tcl, Makefile, "
      "C-simulation headers) into --hls-project-dir",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = llvm::dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expects a module");
        FailureOr<std::string> runtime = findRuntimeInclude(op);
        if (failed(runtime) ||
            failed(emitHlsProject(module, projectDir, *runtime)))
          return failure();
        os << "wrote the HLS project to " << projectDir << "\n";
        return success();
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });
}
