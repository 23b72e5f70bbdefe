//===- NNOps.h - nn dialect ops ---------------------------------*- C++ -*-===//

#ifndef NN_DIALECT_NN_IR_NNOPS_H
#define NN_DIALECT_NN_IR_NNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <string>
#include <vector>

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNInterfaces.h"
#include "nn/Dialect/NN/IR/NNTypes.h"
#include "nn/Support/ActivationTables.h"
#include "nn/Support/CheckedArithmetic.h"

namespace nn {

/// Checks the rule every nn op follows: its operands and results are either
/// all floating point of one type, or all fixed point.
mlir::LogicalResult verifyConsistentElementTypes(mlir::Operation *op);

/// Checks that the single result of a two-operand op has the numpy-broadcast
/// shape of its operands.
mlir::LogicalResult verifyBroadcastResult(mlir::Operation *op);

/// The layer name a location carries: a NameLoc's name (the importer names
/// every op after its ONNX node), the last name inside a FusedLoc (a folded
/// MatMul+Add or conv+batch-norm is named after the op whose output it
/// produces), a call site's callee name; "" when there is none.
std::string getLayerName(mlir::Location loc);

/// The name of the hardware layer at a location: as getLayerName() but the
/// FIRST name inside a FusedLoc, i.e. the layer that computes (a dense or
/// conv that absorbed a batch norm keeps its own name, as hls4ml names the
/// layers it folds). Precision configuration (LayerName keys), the lowering
/// and the emitted C++ use it; getLayerName() stays the name of the value
/// a fused op produces, which traces compare with float models.
std::string getHardwareLayerName(mlir::Location loc);

/// Every name a layer answers to (configuration LayerName keys, reports),
/// hardware name first: the names of all NameLocs in the location, a
/// NameLoc's child included (the importer names an op after the PyTorch
/// module, with the full ONNX node name as child), and every part of a
/// FusedLoc (a batch norm folded into a conv still answers to its name).
/// No duplicates.
llvm::SmallVector<std::string> getLayerAliases(mlir::Location loc);

/// Formats a shape as "[1, 3, 32, 32]" for diagnostics.
std::string formatShape(llvm::ArrayRef<int64_t> shape);

namespace OpTrait {
/// Attached to every nn op (see NN_Op in NNBase.td).
template <typename ConcreteType>
class ConsistentElementTypes
    : public mlir::OpTrait::TraitBase<ConcreteType, ConsistentElementTypes> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return verifyConsistentElementTypes(op);
  }
};
/// Marker traits of the op categories (NNBase.td).
template <typename ConcreteType>
class TableActivation
    : public mlir::OpTrait::TraitBase<ConcreteType, TableActivation> {};
template <typename ConcreteType>
class DataMovement
    : public mlir::OpTrait::TraitBase<ConcreteType, DataMovement> {};
/// Carries the names of NN_Hls4mlLayer (NNInterfaces.td) into the op class.
template <typename ConcreteType>
class Hls4mlLayer
    : public mlir::OpTrait::TraitBase<ConcreteType, Hls4mlLayer> {};
} // namespace OpTrait

/// Whether `op` reads a lookup table in fixed point (NN_TableActivation).
inline bool isTableActivation(mlir::Operation *op) {
  return op->hasTrait<OpTrait::TableActivation>();
}
/// Whether `op` only moves elements (NN_DataMovement).
inline bool isDataMovement(mlir::Operation *op) {
  return op->hasTrait<OpTrait::DataMovement>();
}
/// The hls4ml LayerType names `op` answers to, most specific first
/// (NN_Hls4mlLayer in its ODS definition, `#` replaced by its number of
/// spatial dimensions, input rank - 2); empty for an op without.
std::vector<std::string> hls4mlLayerTypesOf(mlir::Operation *op);
/// Every LayerType name of the registered ops (spatial ranks 1 and 2) and
/// of the graph inputs (hls::kInputLayerTypes), sorted: the valid keys.
std::vector<std::string> knownHls4mlLayerTypes(mlir::MLIRContext *context);

/// The names of the registered ops with trait `Trait`, sorted (for
/// diagnostics that list a category).
template <template <typename> class Trait>
llvm::SmallVector<llvm::StringRef> opNamesWithTrait(mlir::MLIRContext *context) {
  llvm::SmallVector<llvm::StringRef> names;
  for (mlir::RegisteredOperationName name :
       context->getRegisteredOperations())
    if (name.hasTrait<Trait>())
      names.push_back(name.getStringRef());
  llvm::sort(names);
  return names;
}
} // namespace nn

#define GET_OP_CLASSES
#include "nn/Dialect/NN/IR/NNOps.h.inc"

#endif // NN_DIALECT_NN_IR_NNOPS_H
