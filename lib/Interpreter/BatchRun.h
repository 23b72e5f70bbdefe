//===- BatchRun.h - run a batch op by op (internal) -------------*- C++ -*-===//
//
// The chunked, op-by-op batch evaluation of runSamples() (BatchRun.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_INTERPRETER_BATCHRUN_H
#define NN_LIB_INTERPRETER_BATCHRUN_H

#include "nn/Interpreter/Run.h"

#include <optional>

namespace nn::interp {

/// Runs all samples of `inputs` (batch >= 2) through an nn-level `func`
/// op by op over chunks of samples, on up to `numThreads` (>= 1) threads,
/// and returns each output with the samples stacked as runSamples() does.
/// Nullopt (nothing run) when the function cannot be run by chunks: the
/// caller runs it sample by sample. Failure after diagnostics.
mlir::FailureOr<std::optional<std::vector<Tensor>>>
runBatchByOps(mlir::func::FuncOp func, const PreparedInputs &inputs,
              int numThreads);

} // namespace nn::interp

#endif // NN_LIB_INTERPRETER_BATCHRUN_H
