//===- ToolOptions.h - --help and --version of nn's tools -------*- C++ -*-===//
//
// nn-opt, nn-translate and nn-interp link libLLVM, whose targets register
// some 500 command-line options of their own (AMDGPU, X86, Polly, IR2Vec,
// ...) that mean nothing for nn. setUpToolOptions(), called first in
// main(), marks them hidden: --help lists nn's options and the MLIR ones
// (--mlir-*, --pass-pipeline, the passes), which MLIR registers later, in
// MlirOptMain / mlirTranslateMain; --help-hidden still lists everything.
// --version prints nn's version and git revision (nn/Version.h, generated
// by CMake at configure time).
//
// Header-only: each tool calls it once.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TOOLS_TOOLOPTIONS_H
#define NN_TOOLS_TOOLOPTIONS_H

#include "nn/Version.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace nn {

/// The text of --version.
inline void printToolVersion(llvm::raw_ostream &os) {
  os << "nn version " << kVersion << " (git " << kGitRevision << ")\n"
     << "  built with LLVM/MLIR " << LLVM_VERSION_STRING << "\n";
}

/// Installs the --version printer and hides every option registered so far
/// (the static options of the libraries: LLVM's) except those of `keep`
/// (the tool's own) and --help/--version themselves. Call before MLIR
/// registers its options, which then stay visible.
inline void
setUpToolOptions(llvm::ArrayRef<const llvm::cl::OptionCategory *> keep = {}) {
  llvm::cl::SetVersionPrinter(printToolVersion);
  for (auto &entry : llvm::cl::getRegisteredOptions()) {
    llvm::cl::Option *option = entry.second;
    if (llvm::any_of(option->Categories,
                     [&](const llvm::cl::OptionCategory *category) {
                       return llvm::is_contained(keep, category);
                     }) ||
        entry.first.starts_with("help") || entry.first == "version")
      continue;
    if (option->getOptionHiddenFlag() == llvm::cl::NotHidden)
      option->setHiddenFlag(llvm::cl::Hidden);
  }
}

} // namespace nn

#endif // NN_TOOLS_TOOLOPTIONS_H
