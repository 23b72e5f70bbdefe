//===- ShapeKernels.h - tensors and ops of shape folding -------*- C++ -*-===//
//
// The small host tensors that shape folding (ShapeFolding.cpp) evaluates,
// and one function per ONNX op semantics on them. Every result is bounded
// by kMaxElements; every failure is a FoldError saying why. Internal to the
// importer.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_TARGET_ONNX_SHAPEKERNELS_H
#define NN_LIB_TARGET_ONNX_SHAPEKERNELS_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/Twine.h"

#include "onnx/onnx_pb.h"

#include <optional>
#include <string>
#include <vector>

namespace nn::onnx_import::shape_kernels {

/// The most elements one evaluated tensor may have.
constexpr int64_t kMaxElements = int64_t(1) << 16;

inline bool isFloatType(int32_t type) {
  return type == onnx::TensorProto::FLOAT || type == onnx::TensorProto::DOUBLE;
}

/// The element types the folder evaluates: FLOAT, DOUBLE, INT64, INT32,
/// INT8, UINT8, BOOL.
bool isSupportedType(int32_t type);

/// A tensor evaluated at import: integers (and booleans) exactly in `ints`,
/// floating-point values in `reals` (float32 values rounded as float32).
struct Folded {
  int32_t type = onnx::TensorProto::INT64;
  std::vector<int64_t> dims;
  std::vector<int64_t> ints;
  std::vector<double> reals;

  bool isFloat() const { return isFloatType(type); }
  int64_t size() const { return isFloat() ? reals.size() : ints.size(); }
  double real(int64_t i) const { return isFloat() ? reals[i] : ints[i]; }
};

/// The failure of one node's evaluation: why, for the diagnostic.
struct FoldError {
  std::string message;
};

using FoldResult = std::optional<FoldError>;
FoldError fail(const llvm::Twine &message);

/// `out` as a zero tensor of `type` and `dims`, or an error when it would
/// have more than kMaxElements elements.
FoldResult makeTensor(Folded &out, int32_t type, std::vector<int64_t> dims);
/// Element `from` of `src` into element `to` of `dst` (one type).
void copyElement(const Folded &src, int64_t from, Folded &dst, int64_t to);
/// An elementwise op on numpy-broadcast `inputs`: `out` gets the broadcast
/// shape and `outType`; `fn` gets each operand's element index and the
/// result index.
FoldResult elementwise(
    llvm::ArrayRef<const Folded *> inputs, int32_t outType, Folded &out,
    llvm::function_ref<FoldResult(llvm::ArrayRef<int64_t>, int64_t)> fn);

/// ONNX Add, Sub, Mul, Div ("Add"...) with integer overflow checks.
FoldResult arithmetic(llvm::StringRef op, const Folded &a, const Folded &b,
                      Folded &out);
FoldResult cast(const Folded &in, int32_t to, Folded &out);
FoldResult gather(const Folded &data, const Folded &indices, int64_t axis,
                  Folded &out);
/// Slice-13: params are starts, ends, axes (or null), steps (or null).
FoldResult slice(const Folded &data, llvm::ArrayRef<const Folded *> params,
                 Folded &out);
FoldResult concat(llvm::ArrayRef<const Folded *> inputs, int64_t axis,
                  Folded &out);
FoldResult reshape(const Folded &in, const Folded &shape, bool allowZero,
                   Folded &out);
/// Squeeze (axes may be null: every 1) or Unsqueeze.
FoldResult squeeze(const Folded &in, const Folded *axes, bool unsqueeze,
                   Folded &out);
/// `perm` null: the dimensions reversed.
FoldResult transpose(const Folded &in, const onnx::AttributeProto *perm,
                     Folded &out);
/// A 1-D integer tensor of non-negative sizes (ConstantOfShape, Expand).
FoldResult readShape(const Folded &shape, std::vector<int64_t> &dims);
FoldResult range(const Folded &start, const Folded &limit, const Folded &delta,
                 Folded &out);

} // namespace nn::onnx_import::shape_kernels

#endif // NN_LIB_TARGET_ONNX_SHAPEKERNELS_H
