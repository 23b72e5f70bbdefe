//===- CheckedArithmetic.h - overflow-checked shape arithmetic --*- C++ -*-===//
//
// The one home of the overflow checks on dimension arithmetic: element
// counts (products of dimensions), byte counts, and the "countable shape"
// rule every nn tensor type satisfies (its NN_Tensor constraint), which makes
// any product of any subset of its dimensions fit in int64_t, so that
// verifiers, folders, passes and getNumElements() can multiply dimensions
// without overflow (signed overflow is undefined behaviour).
//
// Pairwise sums and products use llvm::checkedAdd / llvm::checkedMul.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_CHECKEDARITHMETIC_H
#define NN_SUPPORT_CHECKEDARITHMETIC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/CheckedArithmetic.h"

#include <cstdint>
#include <optional>

namespace nn {

/// The product of `values` (each >= 0), or std::nullopt when it does not
/// fit in int64_t or a value is negative.
inline std::optional<int64_t> checkedProduct(llvm::ArrayRef<int64_t> values) {
  int64_t product = 1;
  for (int64_t v : values) {
    if (v < 0)
      return std::nullopt;
    std::optional<int64_t> next = llvm::checkedMul(product, v);
    if (!next)
      return std::nullopt;
    product = *next;
  }
  return product;
}

/// Whether every dimension is >= 0 and the product of the non-zero ones fits
/// in int64_t: then the product of any subset of the dimensions fits too
/// (a zero dimension cannot hide the overflow of the others' product).
inline bool hasCountableShape(llvm::ArrayRef<int64_t> shape) {
  int64_t product = 1;
  for (int64_t d : shape) {
    if (d < 0)
      return false;
    if (d == 0)
      continue;
    std::optional<int64_t> next = llvm::checkedMul(product, d);
    if (!next)
      return false;
    product = *next;
  }
  return true;
}

/// The bytes of `count` elements of `bytesPerElement` bytes each, or
/// std::nullopt on overflow or a negative count.
inline std::optional<int64_t> checkedBytes(int64_t count,
                                           int64_t bytesPerElement) {
  if (count < 0 || bytesPerElement < 0)
    return std::nullopt;
  return llvm::checkedMul(count, bytesPerElement);
}

} // namespace nn

#endif // NN_SUPPORT_CHECKEDARITHMETIC_H
