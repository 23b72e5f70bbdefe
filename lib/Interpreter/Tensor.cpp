//===- Tensor.cpp - runtime values of the nn interpreter ------------------===//

#include "nn/Interpreter/Tensor.h"

#include <cassert>

using namespace nn;
using namespace nn::interp;

static int64_t product(const std::vector<int64_t> &shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

Tensor Tensor::floats(std::vector<int64_t> shape, std::vector<float> data) {
  Tensor tensor;
  int64_t count = product(shape);
  tensor.shape_ = std::move(shape);
  if (data.empty())
    data.assign(count, 0.0f);
  assert(int64_t(data.size()) == count && "data does not match the shape");
  tensor.f32_ = std::move(data);
  return tensor;
}

Tensor Tensor::fixed(std::vector<int64_t> shape, const fx::Format &format,
                     std::vector<int64_t> raw) {
  Tensor tensor;
  int64_t count = product(shape);
  tensor.shape_ = std::move(shape);
  if (raw.empty())
    raw.assign(count, 0);
  assert(int64_t(raw.size()) == count && "data does not match the shape");
  tensor.raw_ = std::move(raw);
  tensor.format_ = format;
  return tensor;
}

int64_t Tensor::numElements() const { return product(shape_); }

std::string Tensor::typeString() const {
  std::string text;
  for (int64_t dim : shape_)
    text += std::to_string(dim) + "x";
  if (!isFixed())
    return text + "f32";
  const fx::Format &f = *format_;
  return text + "!nn." + (f.isSigned ? "fixed<" : "ufixed<") +
         std::to_string(f.width) + ", " + std::to_string(f.intWidth) + ">";
}

std::vector<int64_t> nn::interp::stridesOf(const std::vector<int64_t> &shape) {
  std::vector<int64_t> strides(shape.size(), 1);
  for (int64_t d = int64_t(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}
