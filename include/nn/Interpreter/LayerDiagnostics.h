//===- LayerDiagnostics.h - name the layer in run errors --------*- C++ -*-===//
//
// Evaluation errors name the layer: a NameLoc prints as its file location
// only, so a diagnostic handler appends the name before the diagnostic goes
// on to the printing handler. Shared by nn-interp's runs and
// compareWithFloat().
//
//===----------------------------------------------------------------------===//

#ifndef NN_INTERPRETER_LAYERDIAGNOSTICS_H
#define NN_INTERPRETER_LAYERDIAGNOSTICS_H

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/Diagnostics.h"

namespace nn::interp {

/// Appends " (layer 'NAME')" to `diag` when its location names a layer
/// (not for a bare loc("name"), which already prints its name); failure, so
/// that the diagnostic goes on to the next handler.
inline mlir::LogicalResult appendLayerName(mlir::Diagnostic &diag) {
  std::string name = nn::getLayerName(diag.getLocation());
  auto nameLoc = llvm::dyn_cast<mlir::NameLoc>(diag.getLocation());
  if (!name.empty() &&
      !(nameLoc && llvm::isa<mlir::UnknownLoc>(nameLoc.getChildLoc())))
    diag << " (layer '" << name << "')";
  return mlir::failure();
}

} // namespace nn::interp

#endif // NN_INTERPRETER_LAYERDIAGNOSTICS_H
