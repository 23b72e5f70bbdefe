//===- Interpreter.h - the nn reference interpreter -------------*- C++ -*-===//
//
// Evaluates a function of nn ops on runtime tensors: float32 with ONNX
// semantics, and values typed !nn.fixed bit-accurately with nn::fx (the
// arithmetic shared with compile-time quantization and C simulation).
//
//===----------------------------------------------------------------------===//

#ifndef NN_INTERPRETER_INTERPRETER_H
#define NN_INTERPRETER_INTERPRETER_H

#include "nn/Interpreter/Tensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/DenseMap.h"

#include <functional>
#include <unordered_map>

namespace nn::interp {

/// Called with every op result as it is computed (for --trace).
using ResultCallback =
    std::function<void(mlir::Operation *op, const Tensor &result)>;

/// Tensors of the constants (nn.constant, nn.fx.rom) of a function, built on
/// the first run and reused after. Values hold pointers into it while later
/// constants are added, so it must be node-based: a DenseMap moves its
/// entries when it grows (that was a use-after-free with ~48+ constants).
using ConstantCache = std::unordered_map<mlir::Operation *, Tensor>;

struct EvaluateOptions {
  /// Worker threads for the large kernels (conv, dense); 0 = one per core.
  int numThreads = 0;
  ResultCallback onResult;
};

/// Evaluates one function many times (samples of a data set): the constants
/// are converted to tensors once, on the first run, and reused after.
class Evaluator {
public:
  explicit Evaluator(mlir::func::FuncOp func, EvaluateOptions options = {});

  /// Runs the function on `inputs` (see evaluate()); `onResult`, when set,
  /// replaces the options' callback for this run.
  mlir::FailureOr<std::vector<Tensor>>
  run(llvm::ArrayRef<Tensor> inputs, const ResultCallback &onResult = nullptr);

  /// The constants converted so far (all of them after a successful run).
  const ConstantCache &constantCache() const { return constants; }

private:
  mlir::func::FuncOp func;
  EvaluateOptions options;
  ConstantCache constants;
};

/// Runs `func` on `inputs`, one per argument, each of exactly the argument's
/// type. Problems (a missing kernel, an input of the wrong shape or element
/// type) are reported as diagnostics at the offending op or argument, and
/// the result is failure.
mlir::FailureOr<std::vector<Tensor>>
evaluate(mlir::func::FuncOp func, llvm::ArrayRef<Tensor> inputs,
         const EvaluateOptions &options = {});

/// A zero tensor of an MLIR tensor type (f32 or !nn.fixed elements), or
/// failure (with a diagnostic at `loc`) for any other type.
mlir::FailureOr<Tensor> makeTensor(mlir::Type type, mlir::Location loc);

/// The contents of an nn.constant's value for its result type: dense or
/// dense_resource floats, or raw integers for fixed-point results.
mlir::FailureOr<Tensor> tensorFromConstant(mlir::Attribute value,
                                           mlir::Type resultType,
                                           mlir::Location loc);

/// The nn::fx format of an !nn.fixed type.
fx::Format formatOf(mlir::Type fixedType);

/// True for a loop-level function (docs/Lowering.md): memref arguments,
/// the inputs first, then out-parameters marked `nn.hls.output`.
bool isLoopLevel(mlir::func::FuncOp func);

/// The tensor types a caller feeds and gets back: the function's argument
/// and result types, or, for a loop-level function, the tensor versions of
/// its input memrefs and of its out-parameters.
llvm::SmallVector<mlir::Type> interfaceInputTypes(mlir::func::FuncOp func);
llvm::SmallVector<mlir::Type> interfaceResultTypes(mlir::func::FuncOp func);

/// Runs a loop-level function (LoopInterpreter.cpp): `inputs` for its input
/// memrefs; returns the contents of its out-parameters. `roms` caches the
/// nn.fx.rom buffers between runs.
mlir::FailureOr<std::vector<Tensor>>
runLoops(mlir::func::FuncOp func, llvm::ArrayRef<Tensor> inputs,
         ConstantCache &roms);

} // namespace nn::interp

#endif // NN_INTERPRETER_INTERPRETER_H
