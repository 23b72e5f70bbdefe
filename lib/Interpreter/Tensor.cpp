//===- Tensor.cpp - runtime values of the nn interpreter ------------------===//

#include "nn/Interpreter/Tensor.h"

#include "llvm/Support/MathExtras.h"

#include <cassert>

using namespace nn;
using namespace nn::interp;

Limits &nn::interp::limits() {
  static Limits instance;
  return instance;
}

std::optional<int64_t>
nn::interp::elementCount(const std::vector<int64_t> &shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    if (dim < 0 || llvm::MulOverflow(count, dim, count))
      return std::nullopt;
  return count;
}

std::optional<std::string> nn::interp::checkBudget(int64_t count,
                                                   uint64_t itemBytes) {
  uint64_t budget = limits().maxTensorBytes;
  uint64_t bytes;
  if (count >= 0 && !__builtin_mul_overflow(uint64_t(count), itemBytes, &bytes) &&
      bytes <= budget)
    return std::nullopt;
  std::string need =
      count < 0 || __builtin_mul_overflow(uint64_t(count), itemBytes, &bytes)
          ? "more than 2^64"
          : std::to_string(bytes);
  return "needs " + need +
         " bytes, more than the interpreter's memory budget of " +
         std::to_string(budget) + " bytes (nn-interp --max-memory)";
}

// Shapes reach the constructors through makeTensor() (checked against the
// budget) or from tensors that already exist: their products fit.
static int64_t product(const std::vector<int64_t> &shape) {
  std::optional<int64_t> count = elementCount(shape);
  assert(count && "shape not checked with elementCount()");
  return count.value_or(0);
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
