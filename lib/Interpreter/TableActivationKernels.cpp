//===- TableActivationKernels.cpp - activations read from tables ---------===//
//
// The interpreter's kernels of the activations with no finite fixed-point
// form (sigmoid, tanh, softsign, elu, selu, softplus, rsqrt, gelu,
// softmax): f32 in double rounded once, fixed point from the lookup tables
// of nn/Support/ActivationTables.h, built once per process (memoized) and
// read exactly as the emitted HLS code reads them. Registered in
// ElementwiseKernels.cpp.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseKernels.h"

#include "nn/Dialect/NN/IR/NNInterfaces.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Interpreter/Interpreter.h"

#include <algorithm>
#include <cmath>
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


} // namespace nn::interp
