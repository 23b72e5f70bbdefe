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
//===----------------------------------------------------------------------===//

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

namespace {

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

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

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
LogicalResult curvedFloatKernel(const Tensor &input, Tensor &result, Fn f) {
  mapFloat(input, result, [&](float x) { return float(f(double(x))); });
  return success();
}

/// The size and format of an activation's lookup table: nn.table_size
/// (default 1024, hls4ml's) and nn.table_type (default `defaultFormat`),
/// checked against what the index arithmetic handles for inputs of
/// fraction width `inputFrac` read through `spec(size)`.
struct TableConfig {
  int64_t size;
  fx::Format format;
};

FailureOr<TableConfig> tableConfig(Operation *op,
                                   const fx::Format &defaultFormat,
                                   int inputFrac,
                                   llvm::function_ref<fx::TableSpec(int64_t)> spec) {
  TableConfig config{fx::kDefaultTableSize, defaultFormat};
  if (auto size = op->getAttrOfType<IntegerAttr>(kTableSizeAttrName))
    config.size = size.getInt();
  if (auto type = op->getAttrOfType<TypeAttr>(kTableTypeAttrName))
    if (llvm::isa<FixedType>(type.getValue()))
      config.format = formatOf(type.getValue());
  // The rule of every stage (the lowering builds no other tables).
  std::string problem = fx::tableSizeProblem(config.size);
  if (problem.empty())
    problem = fx::tableWidthProblem(config.format.width);
  if (!problem.empty())
    return kernelError(op) << "the table " << problem;
  if (!fx::tableIndexFits(spec(config.size), inputFrac))
    return kernelError(op) << "the table index of an input with "
                           << inputFrac
                           << " fraction bits needs more than 125 bits";
  return config;
}

const fx::Wide kZero{0, 0};
const fx::Wide kOne{1, 0};

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
template <typename T, typename Build>
const T &memoized(const std::string &key, Build build) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const T>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<const T> &slot = cache[key];
  if (!slot)
    slot = std::make_unique<const T>(build());
  return *slot; // never erased: the reference stays valid
}

/// A table-based activation on fixed point: out = fn(table, raw) for each
/// element, the table built by `build(size, format)` over `spec`; `kind`
/// names what build() computes (its function and parameters), for
/// memoized().
template <typename Build, typename Fn>
LogicalResult tableKernel(Operation *op, const Tensor &input, Tensor &result,
                          llvm::function_ref<fx::TableSpec(int64_t)> spec,
                          const std::string &kind, Build build, Fn fn) {
  const fx::Format &from = input.format(), &to = result.format();
  FailureOr<TableConfig> config =
      tableConfig(op, to, from.fracWidth(), spec);
  if (failed(config))
    return failure();
  const fx::ActivationTable &table = memoized<fx::ActivationTable>(
      kind + " " + std::to_string(config->size) + " " +
          config->format.toString(),
      [&] { return build(config->size, config->format); });
  const std::vector<int64_t> &in = input.raw();
  std::vector<int64_t> &out = result.raw();
  for (size_t i = 0; i < in.size(); ++i)
    out[i] = fn(table, in[i]);
  return success();
}

/// elu (slope 1, scale alpha) and selu (slope gamma, scale gamma * alpha)
/// on fixed point: see fx::expLinear().
LogicalResult expLinearKernel(Operation *op, const Tensor &input,
                              Tensor &result, float slope, double scale) {
  FailureOr<ExactConstant> exactSlope = exactAttribute(op, "gamma", slope);
  if (failed(exactSlope))
    return failure();
  if (!std::isfinite(scale))
    return kernelError(op) << "the table scale " << scale
                           << " is not finite";
  const fx::Format &from = input.format(), &to = result.format();
  char scaleText[32];
  std::snprintf(scaleText, sizeof scaleText, "%a", scale); // exact
  return tableKernel(
      op, input, result, fx::nonNegativeTableSpec,
      std::string("expm1 ") + scaleText,
      [&](int64_t size, const fx::Format &format) {
        return fx::expm1Table(size, format, scale);
      },
      [&](const fx::ActivationTable &table, int64_t x) {
        return fx::expLinear(table, exactSlope->value, x, from, to);
      });
}

LogicalResult eluKernel(Operation *op, ArrayRef<const Tensor *> operands,
                        Tensor &result, const KernelContext &) {
  float alpha = llvm::cast<EluOp>(op).getAlpha().convertToFloat();
  if (result.isFixed())
    return expLinearKernel(op, *operands[0], result, 1.0f, double(alpha));
  return curvedFloatKernel(*operands[0], result, [&](double x) {
    return x > 0 ? x : double(alpha) * std::expm1(x);
  });
}

LogicalResult seluKernel(Operation *op, ArrayRef<const Tensor *> operands,
                         Tensor &result, const KernelContext &) {
  auto selu = llvm::cast<SeluOp>(op);
  double alpha = selu.getAlpha().convertToFloat();
  float gamma = selu.getGamma().convertToFloat();
  if (result.isFixed())
    return expLinearKernel(op, *operands[0], result, gamma,
                           double(gamma) * alpha);
  return curvedFloatKernel(*operands[0], result, [&](double x) {
    return x > 0 ? gamma * x : gamma * (alpha * std::exp(x) - alpha);
  });
}

LogicalResult sigmoidKernel(Operation *op, ArrayRef<const Tensor *> operands,
                            Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  if (result.isFixed())
    return tableKernel(op, input, result, fx::sigmoidTableSpec, "sigmoid",
                       fx::sigmoidTable,
                       [&](const fx::ActivationTable &table, int64_t x) {
                         return fx::lookupActivation(table, x, input.format(),
                                                     result.format());
                       });
  return curvedFloatKernel(input, result,
                           [](double x) { return 1.0 / (1.0 + std::exp(-x)); });
}

LogicalResult tanhKernel(Operation *op, ArrayRef<const Tensor *> operands,
                         Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  if (result.isFixed())
    return tableKernel(op, input, result, fx::tanhTableSpec, "tanh",
                       fx::tanhTable,
                       [&](const fx::ActivationTable &table, int64_t x) {
                         return fx::lookupActivation(table, x, input.format(),
                                                     result.format());
                       });
  return curvedFloatKernel(input, result,
                           [](double x) { return std::tanh(x); });
}

LogicalResult softsignKernel(Operation *op, ArrayRef<const Tensor *> operands,
                             Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  if (result.isFixed())
    return tableKernel(op, input, result, fx::softsignTableSpec, "softsign",
                       fx::softsignTable,
                       [&](const fx::ActivationTable &table, int64_t x) {
                         return fx::lookupActivation(table, x, input.format(),
                                                     result.format());
                       });
  mapFloat(input, result, [](float x) { return x / (1.0f + std::fabs(x)); });
  return success();
}

LogicalResult softplusKernel(Operation *op, ArrayRef<const Tensor *> operands,
                             Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  if (result.isFixed()) {
    FailureOr<TableConfig> config =
        tableConfig(op, result.format(), input.format().fracWidth(),
                    fx::nonNegativeTableSpec);
    if (failed(config))
      return failure();
    if (!fx::softplusFits(input.format(), config->format))
      return tooWide(op, "sum max(x, 0) + table entry",
                     fx::sumFormat(input.format(), config->format));
    return tableKernel(op, input, result, fx::nonNegativeTableSpec,
                       "softplus", fx::softplusTable,
                       [&](const fx::ActivationTable &table, int64_t x) {
                         return fx::softplus(table, x, input.format(),
                                             result.format());
                       });
  }
  // ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|): no overflow for large x, and
  // log1p keeps the precision for very negative x.
  return curvedFloatKernel(input, result, [](double x) {
    if (std::isnan(x))
      return x;
    return std::max(x, 0.0) + std::log1p(std::exp(-std::fabs(x)));
  });
}

/// rsqrt: 1 / sqrt(x + epsilon) in double, rounded once; fixed point: the
/// table of fx::rsqrtTable over the input format's range, one cast.
LogicalResult rsqrtKernel(Operation *op, ArrayRef<const Tensor *> operands,
                          Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  const double epsilon =
      llvm::cast<RsqrtOp>(op).getEpsilon().convertToDouble();
  if (result.isFixed()) {
    const fx::Format &from = input.format();
    auto spec = [&](int64_t size) { return fx::rsqrtTableSpec(size, from); };
    FailureOr<TableConfig> config =
        tableConfig(op, result.format(), from.fracWidth(), spec);
    if (failed(config))
      return failure();
    // The memo key names what the entries depend on: epsilon (exactly) and
    // the range, which the input format sets.
    char key[96];
    std::snprintf(key, sizeof key, "rsqrt %a %lld", epsilon,
                  (long long)spec(config->size).span);
    return tableKernel(
        op, input, result, spec, key,
        [&](int64_t size, const fx::Format &format) {
          return fx::rsqrtTable(size, format, from, epsilon);
        },
        [&](const fx::ActivationTable &table, int64_t x) {
          return fx::lookupActivation(table, x, from, result.format());
        });
  }
  return curvedFloatKernel(input, result, [epsilon](double x) {
    return 1.0 / std::sqrt(x + epsilon);
  });
}

/// gelu: x * Phi(x) in double, rounded once (ONNX's Gelu); fixed point:
/// fx::gelu, the table of Phi times the exact input.
LogicalResult geluKernel(Operation *op, ArrayRef<const Tensor *> operands,
                         Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  const bool tanhForm = llvm::cast<GeluOp>(op).isTanhApproximation();
  if (result.isFixed()) {
    FailureOr<TableConfig> config = tableConfig(
        op, result.format(), input.format().fracWidth(), fx::geluTableSpec);
    if (failed(config))
      return failure();
    // The exact product always fits: inputs have at most 64 bits (the
    // interpreter's storage), tables at most fx::kMaxTableWidth (the
    // dialect's table rule).
    static_assert(64 + fx::kMaxTableWidth <= 127, "gelu's exact product");
    // The memo key names the form: the two tables differ.
    return tableKernel(
        op, input, result, fx::geluTableSpec,
        tanhForm ? "gelu tanh" : "gelu erf",
        [&](int64_t size, const fx::Format &format) {
          return fx::geluTable(size, format, tanhForm);
        },
        [&](const fx::ActivationTable &table, int64_t x) {
          return fx::gelu(table, x, input.format(), result.format());
        });
  }
  return curvedFloatKernel(input, result, [tanhForm](double x) {
    return x * fx::geluGate(x, tanhForm);
  });
}

LogicalResult softmaxKernel(Operation *op, ArrayRef<const Tensor *> operands,
                            Tensor &result, const KernelContext &) {
  const Tensor &input = *operands[0];
  int64_t rank = input.rank();
  int64_t axis = int64_t(llvm::cast<SoftmaxOp>(op).getAxis());
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, n = input.shape()[axis], inner = 1;
  for (int64_t d = 0; d < rank; ++d) {
    if (d < axis)
      outer *= input.shape()[d];
    else if (d > axis)
      inner *= input.shape()[d];
  }
  if (result.isFixed()) {
    // fx::softmax with the op's implementation, table formats and sum
    // format (SoftmaxOp's accessors) and nn.table_size entries.
    auto softmax = llvm::cast<SoftmaxOp>(op);
    const fx::Format &from = input.format(), &to = result.format();
    fx::SoftmaxImpl impl = softmax.getImpl();
    // The exp table's range (latency and legacy share theirs).
    fx::TableSpec (*expSpec)(int64_t) = fx::nonNegativeTableSpec;
    if (impl != fx::SoftmaxImpl::Stable)
      expSpec = [](int64_t size) {
        return fx::softmaxExpSpec(fx::SoftmaxImpl::Latency, size);
      };
    FailureOr<TableConfig> config = tableConfig(
        op, fx::kDefaultSoftmaxTableFormat, from.fracWidth(), expSpec);
    if (failed(config))
      return failure();
    fx::Format expF = softmax.getExpTableFormat();
    fx::Format invF = softmax.getInvTableFormat();
    std::optional<fx::Format> accum = softmax.getAccumFormat();
    for (const fx::Format &f : {expF, invF, accum.value_or(expF)})
      if (f.width > 64)
        return kernelError(op) << "the softmax format " << f.toString()
                               << " is wider than the 64 bits the "
                                  "interpreter stores";
    const fx::SoftmaxConfig &tables = memoized<fx::SoftmaxConfig>(
        std::string("softmax ") + fx::toString(impl) + " " +
            std::to_string(config->size) + " " + expF.toString() + " " +
            invF.toString() + " " + (accum ? accum->toString() : "exact"),
        [&] { return fx::softmaxConfig(impl, config->size, expF, invF, accum); });
    if (!fx::softmaxFits(tables, from, n))
      return kernelError(op) << "the " << fx::toString(impl)
                             << " softmax of " << n << " values of "
                             << from.toString() << " with tables of "
                             << expF.toString() << " and "
                             << invF.toString()
                             << " needs more than the 128 bits the "
                                "interpreter computes with";
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t in = 0; in < inner; ++in) {
        int64_t base = o * n * inner + in;
        fx::softmax(tables, input.raw().data() + base, n, inner, from,
                    result.raw().data() + base, to);
      }
    return success();
  }
  // exp(x_i - max) / sum_j exp(x_j - max), in double.
  std::vector<double> values(n);
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t in = 0; in < inner; ++in) {
      int64_t base = o * n * inner + in;
      double max = -std::numeric_limits<double>::infinity();
      bool nan = false;
      for (int64_t k = 0; k < n; ++k) {
        values[k] = input.valueAt(base + k * inner);
        nan |= std::isnan(values[k]);
        max = std::max(max, values[k]);
      }
      double sum = 0;
      for (int64_t k = 0; k < n; ++k) {
        // An all -inf slice gives NaN as in ONNX (-inf - -inf).
        values[k] = std::exp(values[k] - max);
        sum += values[k];
      }
      for (int64_t k = 0; k < n; ++k) {
        double y = nan ? std::numeric_limits<double>::quiet_NaN()
                       : values[k] / sum;
        result.f32()[base + k * inner] = float(y);
      }
    }
  }
  return success();
}

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
