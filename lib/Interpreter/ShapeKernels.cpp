//===- ShapeKernels.cpp - data movement and reductions --------------------===//
//
// Data movement (concat, reshape, flatten, transpose, pad, resize) copies
// elements: f32 values, or fixed-point raws (the verifier guarantees that
// input and result have the same element type, so no conversion happens).
// reduce_mean computes: f32 in double then rounded once; fixed point as the
// exact sum divided exactly by the count, cast once to the result format.
//
//===----------------------------------------------------------------------===//

#include "ExactArithmetic.h"
#include "Kernels.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include <algorithm>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

namespace {

/// Starts a diagnostic at `op` naming it: "'nn.reduce_mean': ...".
InFlightDiagnostic kernelError(Operation *op) {
  return op->emitError() << "'" << op->getName() << "': ";
}

/// Calls visit(copy), where copy(out, in) copies element `in` of `input`
/// to element `out` of `result` (f32 values or fixed-point raws).
template <typename Visit>
void moveElements(const Tensor &input, Tensor &result, Visit visit) {
  if (input.isFixed()) {
    const std::vector<int64_t> &src = input.raw();
    std::vector<int64_t> &dst = result.raw();
    visit([&](int64_t out, int64_t in) { dst[out] = src[in]; });
  } else {
    const std::vector<float> &src = input.f32();
    std::vector<float> &dst = result.f32();
    visit([&](int64_t out, int64_t in) { dst[out] = src[in]; });
  }
}

/// Calls fn(index) for every multi-index of `shape` in row-major order (the
/// element number is the call count).
template <typename Fn>
void forEachIndex(const std::vector<int64_t> &shape, Fn fn) {
  int64_t count = 1;
  for (int64_t size : shape)
    count *= size;
  std::vector<int64_t> index(shape.size(), 0);
  for (int64_t i = 0; i < count; ++i) {
    fn(static_cast<const std::vector<int64_t> &>(index));
    for (size_t k = shape.size(); k-- > 0;) {
      if (++index[k] < shape[k])
        break;
      index[k] = 0;
    }
  }
}

/// reshape and flatten: the same elements in the same row-major order.
LogicalResult reshapeKernel(Operation *, ArrayRef<const Tensor *> operands,
                            Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  if (input.isFixed())
    result.raw() = input.raw();
  else
    result.f32() = input.f32();
  return success();
}

LogicalResult concatKernel(Operation *op, ArrayRef<const Tensor *> operands,
                           Tensor &result, const KernelContext &) {
  int64_t rank = result.rank();
  int64_t axis = int64_t(llvm::cast<ConcatOp>(op).getAxis());
  if (axis < 0)
    axis += rank;
  // Row-major: the result is `outer` blocks, each the concatenation of one
  // block of every input of n_k * inner elements.
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= result.shape()[d];
  for (int64_t d = axis + 1; d < rank; ++d)
    inner *= result.shape()[d];
  int64_t rowSize = result.shape()[axis] * inner;
  int64_t offset = 0; // of input k's block within a result row
  for (const Tensor *input : operands) {
    int64_t block = input->shape()[axis] * inner;
    moveElements(*input, result, [&](auto copy) {
      for (int64_t o = 0; o < outer; ++o)
        for (int64_t i = 0; i < block; ++i)
          copy(o * rowSize + offset + i, o * block + i);
    });
    offset += block;
  }
  return success();
}

LogicalResult transposeKernel(Operation *op, ArrayRef<const Tensor *> operands,
                              Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  ArrayRef<int64_t> perm = llvm::cast<TransposeOp>(op).getPerm();
  std::vector<int64_t> inStrides = stridesOf(input.shape());
  // Output dimension i walks input dimension perm[i].
  std::vector<int64_t> step;
  for (int64_t p : perm)
    step.push_back(inStrides[p]);
  moveElements(input, result, [&](auto copy) {
    int64_t out = 0;
    forEachIndex(result.shape(), [&](const std::vector<int64_t> &j) {
      int64_t in = 0;
      for (size_t i = 0; i < j.size(); ++i)
        in += j[i] * step[i];
      copy(out++, in);
    });
  });
  return success();
}

LogicalResult padKernel(Operation *op, ArrayRef<const Tensor *> operands,
                        Tensor &result, const KernelContext &) {
  auto pad = llvm::cast<PadOp>(op);
  const Tensor &input = *operands[0];
  ArrayRef<int64_t> pads = pad.getPads();
  float value = pad.getValue().convertToFloat();
  // Fill with the pad value (exactly representable in a fixed-point result:
  // the verifier checks it, so quantizing it is exact), then copy every
  // output element whose source j - begin lies inside the input; negative
  // begins and ends crop.
  if (result.isFixed())
    std::fill(result.raw().begin(), result.raw().end(),
              fx::quantize(double(value), result.format()));
  else
    std::fill(result.f32().begin(), result.f32().end(), value);
  const std::vector<int64_t> &inShape = input.shape();
  std::vector<int64_t> inStrides = stridesOf(inShape);
  int64_t rank = input.rank();
  moveElements(input, result, [&](auto copy) {
    int64_t out = 0;
    forEachIndex(result.shape(), [&](const std::vector<int64_t> &j) {
      int64_t in = 0;
      bool inside = true;
      for (int64_t d = 0; d < rank && inside; ++d) {
        int64_t source = j[d] - pads[d];
        inside = source >= 0 && source < inShape[d];
        in += source * inStrides[d];
      }
      if (inside)
        copy(out, in);
      ++out;
    });
  });
  return success();
}

LogicalResult resizeKernel(Operation *op, ArrayRef<const Tensor *> operands,
                           Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  ArrayRef<int64_t> scales = llvm::cast<ResizeOp>(op).getScales();
  std::vector<int64_t> inStrides = stridesOf(input.shape());
  // output[j] = input[j / scales] (floor division, j >= 0).
  moveElements(input, result, [&](auto copy) {
    int64_t out = 0;
    forEachIndex(result.shape(), [&](const std::vector<int64_t> &j) {
      int64_t in = 0;
      for (size_t d = 0; d < j.size(); ++d)
        in += (j[d] / scales[d]) * inStrides[d];
      copy(out++, in);
    });
  });
  return success();
}

LogicalResult reduceMeanKernel(Operation *op,
                               ArrayRef<const Tensor *> operands,
                               Tensor &result, const KernelContext &) {
  auto reduce = llvm::cast<ReduceMeanOp>(op);
  const Tensor &input = *operands[0];
  int64_t rank = input.rank();
  ArrayRef<int64_t> axes = reduce.getAxes();
  // An empty axes reduces every dimension (noop_with_empty_axes = 0).
  std::vector<bool> reduced(rank, axes.empty());
  for (int64_t axis : axes)
    reduced[axis < 0 ? axis + rank : axis] = true;
  // The result in row-major order is the same with or without keepdims (the
  // kept dimensions have size 1), so index it by the kept dimensions.
  std::vector<int64_t> keptShape;
  int64_t count = 1;
  for (int64_t d = 0; d < rank; ++d) {
    if (reduced[d])
      count *= input.shape()[d];
    else
      keptShape.push_back(input.shape()[d]);
  }
  std::vector<int64_t> keptStrides = stridesOf(keptShape);
  // Stride in the result of each input dimension (0 when reduced).
  std::vector<int64_t> outStride(rank, 0);
  for (int64_t d = 0, k = 0; d < rank; ++d)
    if (!reduced[d])
      outStride[d] = keptStrides[k++];
  auto outIndex = [&](const std::vector<int64_t> &j) {
    int64_t out = 0;
    for (int64_t d = 0; d < rank; ++d)
      out += j[d] * outStride[d];
    return out;
  };

  int64_t outCount = result.numElements();
  if (!input.isFixed()) {
    // ONNX: sum / N. Accumulated in double, rounded once to f32.
    std::vector<double> sums(outCount, 0.0);
    const std::vector<float> &in = input.f32();
    int64_t i = 0;
    forEachIndex(input.shape(), [&](const std::vector<int64_t> &j) {
      sums[outIndex(j)] += double(in[i++]);
    });
    for (int64_t o = 0; o < outCount; ++o)
      result.f32()[o] = float(sums[o] / double(count));
    return success();
  }

  // Fixed point: the exact sum (fraction bits of the input) divided exactly
  // by the count, rounded and overflowed once into the result format.
  const fx::Format &from = input.format(), &to = result.format();
  if (count == 0)
    return kernelError(op) << "the mean of no elements (a reduced dimension "
                              "has size 0) has no fixed-point value";
  int sumBits = from.width + exact::bitLength(exact::u128(count));
  if (!exact::quotientFits(sumBits, from.fracWidth(), 0, to))
    return kernelError(op)
           << "the mean of " << count << " values of " << from.toString()
           << " rounded in " << to.toString() << " needs "
           << int64_t(sumBits +
                      std::max<long long>(
                          0, exact::quotientShift(from.fracWidth(), 0, to)))
           << " bits, more than the 125 the interpreter divides with";
  std::vector<exact::i128> sums(outCount, 0);
  const std::vector<int64_t> &in = input.raw();
  int64_t i = 0;
  forEachIndex(input.shape(), [&](const std::vector<int64_t> &j) {
    sums[outIndex(j)] += fx::rawToInt(in[i++], from);
  });
  fx::Wide divisor{count, 0};
  for (int64_t o = 0; o < outCount; ++o)
    result.raw()[o] = exact::divideAndCast(fx::Wide{sums[o], from.fracWidth()},
                                           divisor, to);
  return success();
}

} // namespace

void nn::interp::registerShapeKernels(KernelTable &table) {
  table["nn.concat"] = concatKernel;
  table["nn.reshape"] = reshapeKernel;
  table["nn.flatten"] = reshapeKernel;
  table["nn.transpose"] = transposeKernel;
  table["nn.pad"] = padKernel;
  table["nn.resize"] = resizeKernel;
  table["nn.reduce_mean"] = reduceMeanKernel;
}
