//===- Tensor.h - runtime values of the nn interpreter ----------*- C++ -*-===//
//
// A dense, row-major tensor holding either float32 values or fixed-point raw
// integers with their nn::fx::Format (the value of raw k is k * 2^-F).
//
//===----------------------------------------------------------------------===//

#ifndef NN_INTERPRETER_TENSOR_H
#define NN_INTERPRETER_TENSOR_H

#include "nn/Support/FixedPoint.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nn::interp {

class Tensor {
public:
  Tensor() = default;

  /// A float32 tensor; zero-filled when `data` is empty.
  static Tensor floats(std::vector<int64_t> shape, std::vector<float> data = {});
  /// A fixed-point tensor of raw values; zero-filled when `raw` is empty.
  static Tensor fixed(std::vector<int64_t> shape, const fx::Format &format,
                      std::vector<int64_t> raw = {});

  bool isFixed() const { return format_.has_value(); }
  const std::vector<int64_t> &shape() const { return shape_; }
  int64_t rank() const { return int64_t(shape_.size()); }
  int64_t numElements() const;

  /// The float32 elements (float tensors only).
  std::vector<float> &f32() { return f32_; }
  const std::vector<float> &f32() const { return f32_; }
  /// The raw integers (fixed-point tensors only).
  std::vector<int64_t> &raw() { return raw_; }
  const std::vector<int64_t> &raw() const { return raw_; }
  /// The fixed-point format (fixed-point tensors only).
  const fx::Format &format() const { return *format_; }

  /// Element `i` (row-major) as a double: exact for fixed point within the
  /// double's range.
  double valueAt(int64_t i) const {
    return isFixed() ? fx::toDouble(raw_[i], *format_) : double(f32_[i]);
  }
  /// "1x3x32x32xf32" or "1x16x!nn.fixed<16, 6>"-like text for messages.
  std::string typeString() const;

private:
  std::vector<int64_t> shape_;
  std::vector<float> f32_;
  std::vector<int64_t> raw_;
  std::optional<fx::Format> format_;
};

/// Limits of the interpreter on what its input (IR and files) may make it
/// do, set once by the tool before running (nn-interp --max-memory,
/// --max-steps; docs/Interpreter.md "Limits"). Process-wide: the
/// interpreter is also run inside passes (calibration) that have no
/// options of their own.
struct Limits {
  /// The most bytes one tensor or buffer may take (an f32 element takes
  /// 4 bytes, a fixed-point one 8); also bounds the values read from one
  /// input file (8 bytes an element).
  uint64_t maxTensorBytes = uint64_t(8) << 30; // 8 GiB
  /// The most steps one run of a function may execute: at loop level, loop
  /// iterations (all affine.for bodies together; ResNet-18 takes about
  /// 2e9); at nn level, the elements each op reads plus the terms each
  /// result element reduces over (multiply-accumulates of dense and conv,
  /// pool windows, else one).
  uint64_t maxLoopSteps = 100'000'000'000; // 1e11, 50x ResNet-18
};
Limits &limits();

/// The number of elements of `shape`, or nullopt when a dimension is
/// negative or the product overflows int64_t.
std::optional<int64_t> elementCount(const std::vector<int64_t> &shape);

/// Checks that `count` elements of `itemBytes` bytes each fit in
/// limits().maxTensorBytes. On failure, a message such as "needs
/// 4000000000000000 bytes, more than the interpreter's memory budget of 8589934592 bytes
/// (nn-interp --max-memory)" (the caller says what needs it).
std::optional<std::string> checkBudget(int64_t count, uint64_t itemBytes);

/// Row-major strides of `shape` (in elements).
std::vector<int64_t> stridesOf(const std::vector<int64_t> &shape);

} // namespace nn::interp

#endif // NN_INTERPRETER_TENSOR_H
