//===- EmitHLS.h - loop-level IR to Vitis HLS C++ ---------------*- C++ -*-===//
//
// The HLS C++ emitter (docs/Lowering.md): reads loop-level IR produced by
// --nn-lower-to-hls and prints it; it never changes the IR.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_HLS_EMITHLS_H
#define NN_TARGET_HLS_EMITHLS_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace nn {

/// Prints the module's loop-level top function as one self-contained C++
/// translation unit (typedefs, weights, the function).
mlir::LogicalResult emitHlsCpp(mlir::ModuleOp module, llvm::raw_ostream &os);

/// Writes an HLS project into `dir`: firmware/<top>.h, firmware/<top>.cpp,
/// <top>_test.cpp, build_prj.tcl, Makefile, and the C-simulation headers it
/// needs (csim/), copied from `runtimeInclude`, nn's runtime include
/// directory (<prefix>/share/nn/runtime/include), so that the project
/// builds wherever it is copied.
mlir::LogicalResult emitHlsProject(mlir::ModuleOp module, llvm::StringRef dir,
                                   llvm::StringRef runtimeInclude);

/// The category of --hls-project-dir and --hls-runtime-include, which
/// nn-translate's --help lists.
llvm::cl::OptionCategory &getEmitHlsOptionCategory();

/// Registers --emit-hls and --emit-hls-project=DIR with nn-translate.
/// `argv0` locates the tool, near which the runtime headers are found.
void registerEmitHlsTranslations(const char *argv0);

} // namespace nn

#endif // NN_TARGET_HLS_EMITHLS_H
