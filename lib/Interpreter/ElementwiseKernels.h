//===- ElementwiseKernels.h - shared by the activation kernels --*- C++ -*-===//
//
// Private to lib/Interpreter: the diagnostics and element maps that the
// element-wise kernels (ElementwiseKernels.cpp) and the table activations
// (TableActivationKernels.cpp) share, and the table kernels that the
// registration in ElementwiseKernels.cpp lists.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_INTERPRETER_ELEMENTWISEKERNELS_H
#define NN_LIB_INTERPRETER_ELEMENTWISEKERNELS_H

#include "ExactArithmetic.h"
#include "Kernels.h"

#include "nn/Support/ActivationTables.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <type_traits>
#include <vector>

namespace nn::interp {

/// Starts a diagnostic at `op` naming it: "'nn.div': ...".
mlir::InFlightDiagnostic kernelError(mlir::Operation *op);

/// An f32 attribute as an exact fixed-point constant, or a diagnostic at
/// `op` (an infinity or NaN has no fixed-point value).
mlir::FailureOr<exact::ExactConstant>
exactAttribute(mlir::Operation *op, llvm::StringRef name, float value);

/// Diagnostic for a full-precision intermediate too wide for 128 bits.
mlir::LogicalResult tooWide(mlir::Operation *op, llvm::StringRef what,
                            const fx::Format &f);

/// out[i] = f(in[i]) on float tensors.
template <typename Fn>
void mapFloat(const Tensor &input, Tensor &result, Fn f) {
  const std::vector<float> &in = input.f32();
  std::vector<float> &out = result.f32();
  for (size_t i = 0; i < in.size(); ++i)
    out[i] = f(in[i]);
}

/// out[i] = f(exact in[i]) on fixed-point tensors, f returning a Wide that
/// is cast to the result format.
template <typename Fn>
void mapFixed(const Tensor &input, Tensor &result, Fn f) {
  const fx::Format &from = input.format(), &to = result.format();
  const std::vector<int64_t> &in = input.raw();
  std::vector<int64_t> &out = result.raw();
  for (size_t i = 0; i < in.size(); ++i)
    out[i] = fx::cast(f(exact::wideOf(in[i], from)), to);
}

/// A kernel for a curved function given in double, on float tensors (the
/// double result rounded once to f32); fixed point goes through tables.
template <typename Fn>
mlir::LogicalResult curvedFloatKernel(const Tensor &input, Tensor &result, Fn f) {
  mapFloat(input, result, [&](float x) { return float(f(double(x))); });
  return mlir::success();
}

/// The size and format of an activation's lookup table: nn.table_size
/// (default 1024, hls4ml's) and nn.table_type (default `defaultFormat`),
/// checked against what the index arithmetic handles for inputs of
/// fraction width `inputFrac` read through `spec(size)`.
struct TableConfig {
  int64_t size;
  fx::Format format;
};

mlir::FailureOr<TableConfig>
tableConfig(mlir::Operation *op, const fx::Format &defaultFormat, int inputFrac,
            llvm::function_ref<fx::TableSpec(int64_t)> spec);

inline const fx::Wide kZero{0, 0};
inline const fx::Wide kOne{1, 0};

// The table activations (TableActivationKernels.cpp), declared with the
// kernel signature of Kernels.h.
using KernelFunction = std::remove_pointer_t<Kernel>;
KernelFunction eluKernel, seluKernel, sigmoidKernel, tanhKernel,
    softsignKernel, softplusKernel, rsqrtKernel, geluKernel, softmaxKernel;

} // namespace nn::interp

#endif // NN_LIB_INTERPRETER_ELEMENTWISEKERNELS_H
