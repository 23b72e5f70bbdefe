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

/// Row-major strides of `shape` (in elements).
std::vector<int64_t> stridesOf(const std::vector<int64_t> &shape);

} // namespace nn::interp

#endif // NN_INTERPRETER_TENSOR_H
