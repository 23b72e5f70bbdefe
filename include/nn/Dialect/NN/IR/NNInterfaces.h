//===- NNInterfaces.h - nn op interfaces ------------------------*- C++ -*-===//

#ifndef NN_DIALECT_NN_IR_NNINTERFACES_H
#define NN_DIALECT_NN_IR_NNINTERFACES_H

#include "mlir/IR/OpDefinition.h"

#include "nn/Support/ReuseFactor.h"

#include <vector>

namespace nn {
/// Discardable attributes added by passes and verified by the dialect
/// (NNDialect::verifyOperationAttribute; see docs/Quantization.md).
/// Reuse factor of an op with multipliers: i64 > 0, valid for its strategy.
inline constexpr llvm::StringLiteral kReuseFactorAttrName = "nn.reuse_factor";
/// Strategy of an op with multipliers: "latency" or "resource".
inline constexpr llvm::StringLiteral kStrategyAttrName = "nn.strategy";
/// Accumulator type of an op with multipliers: a fixed-point TypeAttr.
inline constexpr llvm::StringLiteral kAccumTypeAttrName = "nn.accum_type";
/// Lookup-table size of a table-based activation: i64 > 0.
inline constexpr llvm::StringLiteral kTableSizeAttrName = "nn.table_size";
/// Lookup-table element type of a table-based activation: fixed TypeAttr.
inline constexpr llvm::StringLiteral kTableTypeAttrName = "nn.table_type";
} // namespace nn

#include "nn/Dialect/NN/IR/NNInterfaces.h.inc"

#endif // NN_DIALECT_NN_IR_NNINTERFACES_H
