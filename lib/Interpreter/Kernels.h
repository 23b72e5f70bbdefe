//===- Kernels.h - kernel table of the interpreter (internal) ---*- C++ -*-===//
//
// One kernel per nn op. A kernel reads its operand tensors and fills the
// result tensor, which the evaluator has already created with the result's
// shape and element type (float32, or fixed point with its format). Kernels
// are pure functions of their inputs and the op's attributes.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_INTERPRETER_KERNELS_H
#define NN_LIB_INTERPRETER_KERNELS_H

#include "nn/Interpreter/Tensor.h"

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringMap.h"

namespace nn::interp {

struct KernelContext {
  /// Worker threads a kernel may use (>= 1).
  int numThreads = 1;
};

/// Fills `result` from `operands`. Returns failure after emitting a
/// diagnostic on `op` (e.g. an element type the kernel does not handle).
using Kernel = mlir::LogicalResult (*)(mlir::Operation *op,
                                       llvm::ArrayRef<const Tensor *> operands,
                                       Tensor &result,
                                       const KernelContext &context);

/// Kernels by op name ("nn.conv"). Each group registers its own.
using KernelTable = llvm::StringMap<Kernel>;
void registerLayerKernels(KernelTable &table);
void registerElementwiseKernels(KernelTable &table);
void registerShapeKernels(KernelTable &table);
void registerRecurrentKernels(KernelTable &table);
/// nn.embedding (EmbeddingKernel.cpp).
void registerEmbeddingKernels(KernelTable &table);

/// Every group's kernels (Interpreter.cpp): one table for the evaluator and
/// the batch runner.
const KernelTable &kernelTable();

/// The steps one evaluation of `op` charges against limits().maxLoopSteps
/// (nn-interp --max-steps) when its result has `resultElements` elements:
/// one per operand element and, per result element, one per term it
/// reduces over. Nullopt when the count overflows int64_t.
std::optional<int64_t> stepsOf(mlir::Operation *op, int64_t resultElements);

} // namespace nn::interp

#endif // NN_LIB_INTERPRETER_KERNELS_H
