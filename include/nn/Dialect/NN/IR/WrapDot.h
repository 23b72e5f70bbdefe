//===- WrapDot.h - loops that are one wrapping dot product ------*- C++ -*-===//
//
// The lowering's multiply-accumulate loops (dense, conv) compute per step
//   acc' = cast<A>(acc + cast<C>(x[f(k)] * w[g(k)]))
// With an AP_WRAP accumulator and casts that drop no fraction bits and wrap
// to no fewer bits than A, every cast keeps the value modulo 2^W_A, so the
// loop equals one sum of raw products on 64-bit integers (modular
// arithmetic is associative), wrapped once into A. The HLS emitter prints
// that sum for nn's C-simulation headers (next to the loop Vitis sees) and
// the loop interpreter runs it as one instruction; each operand is read at
// a base offset (the loop-invariant part of its index) plus the step's
// offset from a table, without the index divisions of a flattened conv
// window (docs/Performance.md).
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_WRAPDOT_H
#define NN_DIALECT_NN_IR_WRAPDOT_H

#include "nn/Support/FixedPoint.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"

#include <optional>
#include <vector>

namespace nn {

/// One operand of the product, a load of `memref`: per dimension, the
/// loop-invariant part of its index (an expression of the load's map
/// operands that does not read the induction variable) and the range of
/// the part each step adds; the flat offset each step adds.
struct WrapDotOperand {
  mlir::affine::AffineLoadOp load;
  llvm::SmallVector<mlir::AffineExpr> base;
  llvm::SmallVector<int64_t> stepMin, stepMax;
  std::vector<int64_t> stepOffsets;

  /// The flat loop-invariant offset, over the load's map operands.
  mlir::AffineExpr flatBase() const;
};

/// A loop that matches the pattern above.
struct WrapDot {
  WrapDotOperand lhs, rhs;
  /// How far a raw product is shifted left to the accumulator's fraction.
  int shift = 0;
  /// The accumulator's format (AP_WRAP, at most 64 bits).
  fx::Format acc;
};

/// The match, or nullopt when the loop is anything else.
std::optional<WrapDot> matchWrapDot(mlir::affine::AffineForOp forOp);

} // namespace nn

#endif // NN_DIALECT_NN_IR_WRAPDOT_H
