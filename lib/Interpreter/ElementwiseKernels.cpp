//===- ElementwiseKernels.cpp - activations and broadcasting binary ops ---===//
//
// Float32: ONNX semantics. Simple arithmetic (add, leaky_relu, hard_sigmoid,
// softsign, ...) is done in f32 as ONNX's reference does; the curved
// functions (exp, log, tanh) are computed in double and rounded once to f32.
//
// Fixed point: the exact (or full-precision) value from the operands' exact
// values, brought to the result format by one fx::cast. Piecewise-linear
// activations compare and multiply exactly (an f32 attribute is an exact
// binary fraction); the functions with no finite fixed-point form (sigmoid,
// tanh, softsign, elu, selu, softplus, gelu, softmax) read the lookup tables of
// nn/Support/ActivationTables.h, sized and typed by the op's nn.table_size
// and nn.table_type (defaults: 1024 entries, the result type; softmax: its
// implementation, table and sum types, SoftmaxOp's accessors), exactly as
// the emitted HLS code will.
//
// This file holds the broadcasting binary ops, the piecewise-linear
// activations and the registration of them all; the table activations are
// in TableActivationKernels.cpp.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseKernels.h"
#include "ExactArithmetic.h"
#include "Kernels.h"

#include "nn/Dialect/NN/IR/NNInterfaces.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Support/ActivationTables.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>

using namespace mlir;
using namespace nn;
using namespace nn::interp;
using exact::ExactConstant;

namespace nn::interp {

/// Starts a diagnostic at `op` naming it: "'nn.div': ...".
InFlightDiagnostic kernelError(Operation *op) {
  return op->emitError() << "'" << op->getName() << "': ";
}

/// An f32 attribute as an exact fixed-point constant, or a diagnostic at
/// `op` (an infinity or NaN has no fixed-point value).
FailureOr<ExactConstant> exactAttribute(Operation *op, StringRef name,
                                        float value) {
  std::optional<ExactConstant> c = exact::exactFloat(value);
  if (!c) {
    kernelError(op) << name << " = " << double(value)
                    << " is not finite; fixed point has no value for it";
    return failure();
  }
  return *c;
}

/// Diagnostic for a full-precision intermediate too wide for 128 bits.
LogicalResult tooWide(Operation *op, StringRef what, const fx::Format &f) {
  return kernelError(op) << "the full-precision " << what << " needs "
                         << f.width << " bits (format " << f.toString()
                         << "), more than the 127 the interpreter computes "
                            "with";
}

} // namespace nn::interp

namespace {

//===----------------------------------------------------------------------===//
// Broadcasting
//===----------------------------------------------------------------------===//

/// Strides of `shape` (right-aligned with a result of rank `rank`) for
/// walking the result: 0 for dimensions that broadcast (size 1 or absent).
std::vector<int64_t> broadcastStrides(const std::vector<int64_t> &shape,
                                      size_t rank) {
  std::vector<int64_t> own = stridesOf(shape);
  std::vector<int64_t> strides(rank, 0);
  size_t offset = rank - shape.size();
  for (size_t d = 0; d < shape.size(); ++d)
    if (shape[d] != 1)
      strides[offset + d] = own[d];
  return strides;
}

/// Calls fn(out, a, b) for every element of the result of shape `out`
/// (row-major), with a and b the row-major indices of the elements of the
/// operands of shapes `aShape` and `bShape` that numpy broadcasting pairs
/// with it. The shapes are the verifier's: both broadcast to `out`.
template <typename Fn>
void forEachBroadcast(const std::vector<int64_t> &out,
                      const std::vector<int64_t> &aShape,
                      const std::vector<int64_t> &bShape, Fn fn) {
  size_t rank = out.size();
  std::vector<int64_t> aStrides = broadcastStrides(aShape, rank);
  std::vector<int64_t> bStrides = broadcastStrides(bShape, rank);
  int64_t count = 1;
  for (int64_t size : out)
    count *= size;
  std::vector<int64_t> counter(rank, 0);
  int64_t a = 0, b = 0;
  for (int64_t i = 0; i < count; ++i) {
    fn(i, a, b);
    // Odometer step over the result's index.
    for (size_t k = rank; k-- > 0;) {
      a += aStrides[k];
      b += bStrides[k];
      if (++counter[k] < out[k])
        break;
      a -= aStrides[k] * out[k];
      b -= bStrides[k] * out[k];
      counter[k] = 0;
    }
  }
}

//===----------------------------------------------------------------------===//
// Broadcasting binary ops
//===----------------------------------------------------------------------===//

enum class Binary { Add, Sub, Mul, Div, Max, Min };

float floatBinary(Binary kind, float a, float b) {
  switch (kind) {
  case Binary::Add:
    return a + b;
  case Binary::Sub:
    return a - b;
  case Binary::Mul:
    return a * b;
  case Binary::Div:
    return a / b;
  case Binary::Max: // NaN propagates, as in ONNX Runtime and numpy.maximum
    if (std::isnan(a) || std::isnan(b))
      return std::numeric_limits<float>::quiet_NaN();
    return a < b ? b : a;
  case Binary::Min:
    if (std::isnan(a) || std::isnan(b))
      return std::numeric_limits<float>::quiet_NaN();
    return b < a ? b : a;
  }
  return 0.0f;
}

template <Binary kind>
LogicalResult binaryKernel(Operation *op, ArrayRef<const Tensor *> operands,
                           Tensor &result, const KernelContext &) {
  const Tensor &lhs = *operands[0], &rhs = *operands[1];
  if (!result.isFixed()) {
    const std::vector<float> &a = lhs.f32(), &b = rhs.f32();
    std::vector<float> &out = result.f32();
    forEachBroadcast(result.shape(), lhs.shape(), rhs.shape(),
                     [&](int64_t o, int64_t i, int64_t j) {
                       out[o] = floatBinary(kind, a[i], b[j]);
                     });
    return success();
  }

  const fx::Format &fa = lhs.format(), &fb = rhs.format(),
                   &to = result.format();
  const std::vector<int64_t> &a = lhs.raw(), &b = rhs.raw();
  std::vector<int64_t> &out = result.raw();
  // Every intermediate must fit an i128 for these formats.
  switch (kind) {
  case Binary::Add:
    if (!exact::fitsWide(fx::sumFormat(fa, fb)))
      return tooWide(op, "sum", fx::sumFormat(fa, fb));
    break;
  case Binary::Sub:
    if (!exact::fitsWide(fx::differenceFormat(fa, fb)))
      return tooWide(op, "difference", fx::differenceFormat(fa, fb));
    break;
  case Binary::Mul:
    if (!exact::fitsWide(fx::productFormat(fa, fb)))
      return tooWide(op, "product", fx::productFormat(fa, fb));
    break;
  case Binary::Div:
    if (!exact::quotientFits(fa.width, fa.fracWidth(), fb.fracWidth(), to))
      return kernelError(op)
             << "the quotient of " << fa.toString() << " by "
             << fb.toString() << " rounded in " << to.toString() << " needs "
             << int64_t(fa.width + exact::quotientShift(fa.fracWidth(),
                                                        fb.fracWidth(), to))
             << " bits, more than the 125 the interpreter divides with";
    break;
  case Binary::Max:
  case Binary::Min:
    break;
  }

  bool ok = true;
  int64_t zeroDivisor = -1;
  forEachBroadcast(
      result.shape(), lhs.shape(), rhs.shape(),
      [&](int64_t o, int64_t i, int64_t j) {
        if (!ok)
          return;
        switch (kind) {
        case Binary::Add:
          out[o] = fx::cast(fx::add(a[i], fa, b[j], fb), to);
          break;
        case Binary::Sub:
          out[o] = fx::cast(fx::sub(a[i], fa, b[j], fb), to);
          break;
        case Binary::Mul:
          out[o] = fx::cast(fx::multiply(a[i], fa, b[j], fb), to);
          break;
        case Binary::Div:
          if (b[j] == 0) {
            ok = false;
            zeroDivisor = j;
            return;
          }
          out[o] = exact::divideAndCast(exact::wideOf(a[i], fa),
                                        exact::wideOf(b[j], fb), to);
          break;
        case Binary::Max:
        case Binary::Min: {
          fx::Wide x = exact::wideOf(a[i], fa), y = exact::wideOf(b[j], fb);
          int order = exact::compare(x, y);
          bool pickX = kind == Binary::Max ? order >= 0 : order <= 0;
          out[o] = fx::cast(pickX ? x : y, to);
          break;
        }
        }
      });
  if (!ok)
    return kernelError(op) << "divisor element " << zeroDivisor
                           << " is zero; a fixed-point quotient by zero has "
                              "no value";
  return success();
}


LogicalResult reluKernel(Operation *, ArrayRef<const Tensor *> operands,
                         Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  if (!result.isFixed()) {
    // max(x, 0) with NaN propagated (as ONNX Runtime).
    mapFloat(input, result, [](float x) { return x < 0.0f ? 0.0f : x; });
    return success();
  }
  // Into the input's own signed format max(x, 0) is exact: the raw's max
  // with 0, no cast per element (the common case; a batch's hot loop).
  if (input.format() == result.format() && input.format().isSigned) {
    std::transform(input.raw().begin(), input.raw().end(),
                   result.raw().begin(),
                   [](int64_t raw) { return std::max<int64_t>(raw, 0); });
    return success();
  }
  mapFixed(input, result,
           [](fx::Wide x) { return exact::compare(x, kZero) < 0 ? kZero : x; });
  return success();
}

LogicalResult leakyReluKernel(Operation *op, ArrayRef<const Tensor *> operands,
                              Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  float alpha = llvm::cast<LeakyReluOp>(op).getAlpha().convertToFloat();
  if (!result.isFixed()) {
    mapFloat(input, result,
             [&](float x) { return x >= 0.0f ? x : alpha * x; });
    return success();
  }
  FailureOr<ExactConstant> a = exactAttribute(op, "alpha", alpha);
  if (failed(a))
    return failure();
  const fx::Format &from = input.format();
  if (!exact::fitsWide(fx::productFormat(from, a->format)))
    return tooWide(op, "product alpha * input",
                   fx::productFormat(from, a->format));
  const std::vector<int64_t> &in = input.raw();
  std::vector<int64_t> &out = result.raw();
  for (size_t i = 0; i < in.size(); ++i) {
    fx::Wide x = exact::wideOf(in[i], from);
    out[i] = x.raw >= 0
                 ? fx::cast(x, result.format())
                 : fx::cast(fx::multiply(in[i], from, int64_t(a->value.raw),
                                         a->format),
                            result.format());
  }
  return success();
}

LogicalResult preluKernel(Operation *op, ArrayRef<const Tensor *> operands,
                          Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0], &slope = *operands[1];
  if (!result.isFixed()) {
    const std::vector<float> &x = input.f32(), &s = slope.f32();
    std::vector<float> &out = result.f32();
    // The slope broadcasts unidirectionally to the input's (= result's) shape.
    forEachBroadcast(result.shape(), input.shape(), slope.shape(),
                     [&](int64_t o, int64_t i, int64_t j) {
                       out[o] = x[i] >= 0.0f ? x[i] : s[j] * x[i];
                     });
    return success();
  }
  const fx::Format &fi = input.format(), &fs = slope.format(),
                   &to = result.format();
  if (!exact::fitsWide(fx::productFormat(fi, fs)))
    return tooWide(op, "product slope * input", fx::productFormat(fi, fs));
  const std::vector<int64_t> &x = input.raw(), &s = slope.raw();
  std::vector<int64_t> &out = result.raw();
  forEachBroadcast(result.shape(), input.shape(), slope.shape(),
                   [&](int64_t o, int64_t i, int64_t j) {
                     fx::Wide v = exact::wideOf(x[i], fi);
                     out[o] = v.raw >= 0
                                  ? fx::cast(v, to)
                                  : fx::cast(fx::multiply(x[i], fi, s[j], fs),
                                             to);
                   });
  return success();
}

LogicalResult thresholdedReluKernel(Operation *op,
                                    ArrayRef<const Tensor *> operands,
                                    Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  float alpha = llvm::cast<ThresholdedReluOp>(op).getAlpha().convertToFloat();
  if (!result.isFixed()) {
    mapFloat(input, result, [&](float x) { return x > alpha ? x : 0.0f; });
    return success();
  }
  // x > alpha compared exactly (with IEEE rules for an infinite or NaN alpha).
  mapFixed(input, result, [&](fx::Wide x) {
    std::optional<int> order = exact::compare(x, alpha);
    return order && *order > 0 ? x : kZero;
  });
  return success();
}

LogicalResult clipKernel(Operation *op, ArrayRef<const Tensor *> operands,
                         Tensor &result, const KernelContext &) {
  auto clip = llvm::cast<ClipOp>(op);
  std::optional<float> lo, hi;
  if (std::optional<APFloat> v = clip.getMin())
    lo = v->convertToFloat();
  if (std::optional<APFloat> v = clip.getMax())
    hi = v->convertToFloat();
  const Tensor &input = *operands[0];
  if (!result.isFixed()) {
    // min(max(x, lo), hi): NaN inputs stay NaN; lo > hi gives hi.
    mapFloat(input, result, [&](float x) {
      if (lo && x < *lo)
        x = *lo;
      if (hi && x > *hi)
        x = *hi;
      return x;
    });
    return success();
  }
  // Exact comparisons with the bounds' f32 values. The clamped value is the
  // bound itself, cast like any value; an infinite bound can only be chosen
  // as lo = +inf or hi = -inf, and then quantizes as fx::quantize does.
  const fx::Format &from = input.format(), &to = result.format();
  const std::vector<int64_t> &in = input.raw();
  std::vector<int64_t> &out = result.raw();
  for (size_t i = 0; i < in.size(); ++i) {
    fx::Wide x = exact::wideOf(in[i], from);
    std::optional<float> chosen;
    if (lo) {
      std::optional<int> order = exact::compare(x, *lo);
      if (order && *order < 0)
        chosen = lo;
    }
    if (hi) {
      std::optional<int> order =
          chosen ? std::optional<int>(*chosen > *hi ? 1 : 0)
                 : exact::compare(x, *hi);
      if (order && *order > 0)
        chosen = hi;
    }
    if (!chosen)
      out[i] = fx::cast(x, to);
    else if (std::isinf(*chosen))
      out[i] = fx::quantize(double(*chosen), to);
    else
      out[i] = fx::cast(exact::exactFloat(*chosen)->value, to);
  }
  return success();
}

/// hard_sigmoid's value and hard_swish's gate, max(0, min(1, alpha * x +
/// beta)), in f32 as ONNX's HardSigmoid; NaN propagates.
float hardGateFloat(float x, float alpha, float beta) {
  float v = alpha * x + beta;
  if (v > 1.0f)
    v = 1.0f;
  if (v < 0.0f)
    v = 0.0f;
  return v;
}

/// The same gate exactly on fixed point: the Wide value of every element,
/// in the format `gate` (that of alpha * x + beta; 0 and 1 are exact in
/// it as Wides of any fraction width).
LogicalResult hardGatesFixed(Operation *op, const Tensor &input, float alpha,
                             float beta, std::vector<fx::Wide> &gates,
                             fx::Format &gate) {
  FailureOr<ExactConstant> a = exactAttribute(op, "alpha", alpha);
  if (failed(a))
    return failure();
  FailureOr<ExactConstant> b = exactAttribute(op, "beta", beta);
  if (failed(b))
    return failure();
  const fx::Format &from = input.format();
  gate = fx::sumFormat(fx::productFormat(from, a->format), b->format);
  if (!exact::fitsWide(gate))
    return tooWide(op, "value alpha * input + beta", gate);
  const std::vector<int64_t> &in = input.raw();
  gates.resize(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    fx::Wide v = fx::add(
        fx::multiply(in[i], from, int64_t(a->value.raw), a->format), b->value);
    if (exact::compare(v, kOne) > 0)
      v = kOne;
    if (exact::compare(v, kZero) < 0)
      v = kZero;
    gates[i] = v;
  }
  return success();
}

LogicalResult hardSigmoidKernel(Operation *op,
                                ArrayRef<const Tensor *> operands,
                                Tensor &result, const KernelContext &) {
  auto hs = llvm::cast<HardSigmoidOp>(op);
  float alpha = hs.getAlpha().convertToFloat();
  float beta = hs.getBeta().convertToFloat();
  const Tensor &input = *operands[0];
  if (!result.isFixed()) {
    mapFloat(input, result,
             [&](float x) { return hardGateFloat(x, alpha, beta); });
    return success();
  }
  std::vector<fx::Wide> gates;
  fx::Format gate;
  if (failed(hardGatesFixed(op, input, alpha, beta, gates, gate)))
    return failure();
  std::vector<int64_t> &out = result.raw();
  for (size_t i = 0; i < gates.size(); ++i)
    out[i] = fx::cast(gates[i], result.format());
  return success();
}

/// hard_swish: x * gate(x); in f32 the gate is rounded first, then the
/// product (ONNX's opset-13 form, HardSigmoid then Mul). Fixed point: the
/// exact product of x and the exact gate, one cast. Where the gate is 1
/// the product is x itself, where it is 0 it is 0.
LogicalResult hardSwishKernel(Operation *op, ArrayRef<const Tensor *> operands,
                              Tensor &result, const KernelContext &) {
  auto hs = llvm::cast<HardSwishOp>(op);
  float alpha = hs.getAlpha().convertToFloat();
  float beta = hs.getBeta().convertToFloat();
  const Tensor &input = *operands[0];
  if (!result.isFixed()) {
    mapFloat(input, result,
             [&](float x) { return x * hardGateFloat(x, alpha, beta); });
    return success();
  }
  std::vector<fx::Wide> gates;
  fx::Format gate;
  if (failed(hardGatesFixed(op, input, alpha, beta, gates, gate)))
    return failure();
  const fx::Format &from = input.format();
  fx::Format product = fx::productFormat(from, gate);
  if (!exact::fitsWide(product))
    return tooWide(op, "product input * gate", product);
  const std::vector<int64_t> &in = input.raw();
  std::vector<int64_t> &out = result.raw();
  for (size_t i = 0; i < in.size(); ++i) {
    fx::Wide x = exact::wideOf(in[i], from);
    out[i] = fx::cast(fx::Wide{x.raw * gates[i].raw,
                               x.fracWidth + gates[i].fracWidth},
                      result.format());
  }
  return success();
}

/// The value build() returns for `key`, built once per process: a table
/// costs thousands of exp() calls and exact quantizations, and is a pure
/// function of its parameters, which the key spells out; every sample and
/// every evaluator (threads included) then reads the same one.

} // namespace

void nn::interp::registerElementwiseKernels(KernelTable &table) {
  table["nn.relu"] = reluKernel;
  table["nn.leaky_relu"] = leakyReluKernel;
  table["nn.elu"] = eluKernel;
  table["nn.selu"] = seluKernel;
  table["nn.thresholded_relu"] = thresholdedReluKernel;
  table["nn.prelu"] = preluKernel;
  table["nn.clip"] = clipKernel;
  table["nn.sigmoid"] = sigmoidKernel;
  table["nn.hard_sigmoid"] = hardSigmoidKernel;
  table["nn.hard_swish"] = hardSwishKernel;
  table["nn.gelu"] = geluKernel;
  table["nn.rsqrt"] = rsqrtKernel;
  table["nn.tanh"] = tanhKernel;
  table["nn.softmax"] = softmaxKernel;
  table["nn.softplus"] = softplusKernel;
  table["nn.softsign"] = softsignKernel;
  table["nn.add"] = binaryKernel<Binary::Add>;
  table["nn.sub"] = binaryKernel<Binary::Sub>;
  table["nn.mul"] = binaryKernel<Binary::Mul>;
  table["nn.div"] = binaryKernel<Binary::Div>;
  table["nn.max"] = binaryKernel<Binary::Max>;
  table["nn.min"] = binaryKernel<Binary::Min>;
}
