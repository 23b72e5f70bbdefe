//===- EmitHLS.h - loop-level IR to Vitis HLS C++ ---------------*- C++ -*-===//
//
// The HLS C++ emitter (docs/Lowering.md): reads loop-level IR produced by
// --nn-lower-to-hls and prints it; it never changes the IR.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_HLS_EMITHLS_H
#define NN_TARGET_HLS_EMITHLS_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace nn {

/// Prints the module's loop-level top function as one self-contained C++
/// translation unit (typedefs, weights, the function).
mlir::LogicalResult emitHlsCpp(mlir::ModuleOp module, llvm::raw_ostream &os);

/// Writes an HLS project into `dir`: firmware/<top>.h, firmware/<top>.cpp,
/// <top>_test.cpp, build_prj.tcl, Makefile. `runtimeInclude` is the
/// directory of the bundled ap_fixed.h the Makefile uses by default.
mlir::LogicalResult emitHlsProject(mlir::ModuleOp module, llvm::StringRef dir,
                                   llvm::StringRef runtimeInclude);

/// Registers --emit-hls and --emit-hls-project=DIR with nn-translate.
void registerEmitHlsTranslations();

} // namespace nn

#endif // NN_TARGET_HLS_EMITHLS_H
