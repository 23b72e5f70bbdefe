//===- Run.h - run a function on real-valued input arrays -------*- C++ -*-===//
//
// What nn-interp and the conformance driver share: checking arrays read from
// files against a function's arguments (count, shape, element type),
// converting them to the arguments' element types, and running a batch of
// samples when the arrays carry a leading batch dimension N where the
// function expects 1 (the ONNX importer binds a symbolic batch to 1).
//
//===----------------------------------------------------------------------===//

#ifndef NN_INTERPRETER_RUN_H
#define NN_INTERPRETER_RUN_H

#include "nn/Interpreter/Interpreter.h"
#include "nn/Interpreter/TensorIO.h"

#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace nn::interp {

/// Inputs ready to run: each holds all samples of its input, converted to
/// its argument's element type.
struct PreparedInputs {
  /// Number of samples to run (1 without a batch).
  int64_t batch = 1;
  /// One tensor per argument: the argument's shape, or with a leading
  /// dimension `batch` instead of 1 when `batched[i]`.
  std::vector<Tensor> tensors;
  std::vector<bool> batched;
};

/// Checks `arrays` against `func`'s arguments and converts them: float32
/// arguments take the values rounded to float32; !nn.fixed arguments take
/// them quantized to the argument's format (its rounding and overflow).
/// An array matches its argument when the shapes are equal, or when the
/// argument's leading dimension is 1 and the array's is N >= 2 with the
/// other dimensions equal (a batch); every batched array must have the same
/// N. Error messages name the input as "input I (LABEL)" with `labels[I]`.
llvm::Expected<PreparedInputs> prepareInputs(mlir::func::FuncOp func,
                                             llvm::ArrayRef<RealArray> arrays,
                                             llvm::ArrayRef<std::string> labels);

/// Reads `files` (.npy or ONNX .pb, one per argument, read with
/// readTensorFile) and prepares them as `func`'s inputs (prepareInputs).
/// Every error names the input as "input I (FILE)".
llvm::Expected<PreparedInputs> loadInputs(mlir::func::FuncOp func,
                                          llvm::ArrayRef<std::string> files);

struct RunOptions {
  /// Worker threads for the large kernels; 0 = one per core.
  int numThreads = 0;
  /// Called with every op result of every sample (0-based), in order.
  std::function<void(mlir::Operation *op, int64_t sample,
                     const Tensor &result)>
      onResult;
};

/// Runs `func` on every sample and stacks each output's samples as
/// stackSamples() does. Without `onResult`, an nn-level function runs op by
/// op over chunks of samples (the same results, bit for bit); otherwise,
/// and for loop-level functions, the function runs once per sample.
/// Failure after evaluate() has emitted its diagnostics.
mlir::FailureOr<std::vector<Tensor>> runSamples(mlir::func::FuncOp func,
                                                const PreparedInputs &inputs,
                                                const RunOptions &options = {});

/// Sample `sample` of a tensor whose leading dimension is the batch, with a
/// leading dimension of 1.
Tensor sliceSample(const Tensor &tensor, int64_t sample);

/// The samples `parts` (of one shape and element type) stacked along axis 0:
/// a leading dimension of 1 (the batch the function was written for)
/// becomes parts.size(); a result of any other shape (one that does not
/// carry the batch, e.g. of rank 0 or 1) gets a new leading axis instead.
Tensor stackSamples(llvm::ArrayRef<Tensor> parts);

} // namespace nn::interp

#endif // NN_INTERPRETER_RUN_H
