//===- PrintLayerNames.h - names survive nn-opt and nn-translate -*- C++ -*-===//
//
// Layer names live in op locations (NameLoc; FusedLoc after folding): that
// is where MLIR keeps source names, and every pass already carries
// locations along. MLIR's tools print locations only with
// --mlir-print-debuginfo, so a file written by one nn tool and read by the
// next would lose every layer name. nn's tools therefore print locations by
// default; --mlir-print-debuginfo=false turns it off (docs/Decisions.md).
//
//===----------------------------------------------------------------------===//

#ifndef NN_TOOLS_PRINTLAYERNAMES_H
#define NN_TOOLS_PRINTLAYERNAMES_H

#include "mlir/IR/AsmState.h"
#include "llvm/Support/CommandLine.h"

namespace nn {

/// Registers MLIR's printer options and makes --mlir-print-debuginfo default
/// to true. Call before the tool parses its command line.
inline void printLocationsByDefault() {
  mlir::registerAsmPrinterCLOptions();
  auto &options = llvm::cl::getRegisteredOptions();
  auto it = options.find("mlir-print-debuginfo");
  if (it != options.end())
    static_cast<llvm::cl::opt<bool> *>(it->second)->setInitialValue(true);
}

} // namespace nn

#endif // NN_TOOLS_PRINTLAYERNAMES_H
