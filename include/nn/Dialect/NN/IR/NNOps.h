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

/// Whether the op's fixed-point implementation reads a lookup table
/// (sigmoid, tanh, softmax, softplus, softsign, elu, selu, gelu): the ops
/// that take nn.table_size and nn.table_type (NNDialect.cpp).
bool isTableActivation(mlir::Operation *op);

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
} // namespace OpTrait
} // namespace nn

#define GET_OP_CLASSES
#include "nn/Dialect/NN/IR/NNOps.h.inc"

#endif // NN_DIALECT_NN_IR_NNOPS_H
