//===- LayerKernels.cpp - interpreter kernels of the layer ops ------------===//
//
// nn.dense, nn.conv, nn.batch_norm, nn.max_pool, nn.avg_pool,
// nn.global_avg_pool and nn.global_max_pool, on float32 and fixed point;
// nn.layer_norm on float32 (nn-quantize rewrites it into fixed-point ops).
//
// Float32: ONNX semantics. Dense and conv go through the blocked SGEMM of
// Gemm.h (conv via im2col, except 1x1 stride-1 unpadded convolutions, which
// read the input directly as the B matrix, and convolutions with one input
// channel per group, e.g. depthwise, which use a direct per-tap loop).
//
// Fixed point: without an accumulator type (`nn.accum_type`), or with a
// lossless one, dense and conv sum the exact products of the raws in an
// integer accumulator (int64 when the lossless accumulator format fits 63
// bits, otherwise i128), add the bias aligned to the accumulator's binary
// point (fx::add), and bring the exact sum to the result format with one
// fx::cast. With a lossy accumulator type they follow
// nn/Support/Accumulator.h: cast into it after every product and every
// addition, in the order docs/Quantization.md defines. Max pools are exact (a cast into the result format, an identity
// when the formats agree). Average pools divide the exact window sum by the
// count so that the cast rounds the exact rational (fx::castQuotient() of
// nn/Support/Quotient.h).
//
//===----------------------------------------------------------------------===//

#include "Gemm.h"
#include "Kernels.h"

#include "nn/Dialect/NN/IR/NNInterfaces.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Support/Accumulator.h"
#include "nn/Support/Quotient.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

using fx::i128;

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

namespace {

/// The geometry of a 1-D or 2-D sliding window over NCHW data; 1-D ops are
/// described as 2-D ones with H = OH = kh = 1 and no padding on that axis.
struct Window {
  int64_t n = 1, c = 1, h = 1, w = 1; // input
  int64_t oh = 1, ow = 1;             // output spatial size
  int64_t kh = 1, kw = 1;             // kernel
  int64_t sh = 1, sw = 1;             // strides
  int64_t dh = 1, dw = 1;             // dilations
  int64_t padTop = 0, padLeft = 0, padBottom = 0, padRight = 0;

  int64_t inPlane() const { return h * w; }
  int64_t outPlane() const { return oh * ow; }
};

/// Fills a Window from the input and output shapes ([N, C, W] or
/// [N, C, H, W]) and per-spatial-dimension attributes. `kernel` holds the
/// spatial kernel sizes; `dilations` may be empty (all 1).
FailureOr<Window> makeWindow(Operation *op, const std::vector<int64_t> &in,
                             const std::vector<int64_t> &out,
                             ArrayRef<int64_t> kernel,
                             ArrayRef<int64_t> strides, ArrayRef<int64_t> pads,
                             ArrayRef<int64_t> dilations) {
  size_t spatial = in.size() - 2;
  if ((in.size() != 3 && in.size() != 4) || out.size() != in.size() ||
      kernel.size() != spatial || strides.size() != spatial ||
      pads.size() != 2 * spatial ||
      (!dilations.empty() && dilations.size() != spatial)) {
    op->emitError() << "the interpreter handles 1-D and 2-D windows with one "
                       "kernel size, stride and dilation per spatial "
                       "dimension and 2 pads per spatial dimension";
    return failure();
  }
  Window g;
  g.n = in[0];
  g.c = in[1];
  auto dilation = [&](size_t s) { return dilations.empty() ? 1 : dilations[s]; };
  if (spatial == 1) {
    g.w = in[2];
    g.ow = out[2];
    g.kw = kernel[0];
    g.sw = strides[0];
    g.dw = dilation(0);
    g.padLeft = pads[0];
    g.padRight = pads[1];
  } else {
    g.h = in[2];
    g.w = in[3];
    g.oh = out[2];
    g.ow = out[3];
    g.kh = kernel[0];
    g.kw = kernel[1];
    g.sh = strides[0];
    g.sw = strides[1];
    g.dh = dilation(0);
    g.dw = dilation(1);
    g.padTop = pads[0];
    g.padLeft = pads[1];
    g.padBottom = pads[2];
    g.padRight = pads[3];
  }
  return g;
}

/// The output positions o in [0, outSize) whose input position
/// o * stride + offset lies in [0, inSize), as a half-open range [lo, hi)
/// (empty when lo >= hi).
std::pair<int64_t, int64_t> validRange(int64_t outSize, int64_t inSize,
                                       int64_t stride, int64_t offset) {
  int64_t lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
  int64_t last = inSize - 1 - offset; // o * stride <= last
  int64_t hi = last < 0 ? 0 : std::min(outSize, last / stride + 1);
  return {std::min(lo, hi), hi};
}

using fx::castQuotient; // nn/Support/Quotient.h

/// Whether castQuotient() can compute the average of `terms` values of
/// format `in` into format `out` in 128 bits: the lossless sum, shifted
/// left by T - F_in and then by one more bit for the sticky bit.
LogicalResult checkQuotientFits(Operation *op, const fx::Format &in,
                                int64_t terms, const fx::Format &out) {
  fx::Format sum = fx::sumOfTermsFormat(in, terms);
  int t = std::max(out.fracWidth() + 1, in.fracWidth());
  int64_t bits = int64_t(sum.width) + (t - in.fracWidth()) + 1;
  if (bits <= 127)
    return success();
  op->emitError() << "the exact average of " << terms << " values of "
                  << in.toString() << " rounded to " << out.toString()
                  << " needs a " << bits
                  << "-bit intermediate; the interpreter computes with at "
                     "most 127 bits";
  return failure();
}

/// Checks that a fixed-point dot product of `terms` products of formats a
/// and w, plus an optional bias, fits the 127 bits of the accumulator; sets
/// `fitsInt64` when it even fits 63 bits (the fast path).
LogicalResult checkAccumulator(Operation *op, const fx::Format &a,
                               const fx::Format &w, int64_t terms,
                               const fx::Format *bias, bool &fitsInt64) {
  fx::Format total = fx::dotProductFormat(a, w, terms, bias);
  // An i128 holds any signed or unsigned value of up to 127 bits (and the
  // sum's format contains the accumulator's and the bias's).
  fitsInt64 = total.width <= 63;
  if (total.width <= 127)
    return success();
  op->emitError() << "the full-precision sum of " << terms
                  << " products of " << a.toString() << " and "
                  << w.toString() << (bias ? " plus the bias" : "")
                  << " needs " << total.width
                  << " bits; the interpreter computes with at most 127";
  return failure();
}

/// Dot products of the fixed-point dense and conv kernels, as a policy the
/// loops call: start(m) before the terms of output channel m, add(x, w) for
/// each term in the defined order, finish(m) for the result raw.
///
/// ExactDot: the exact sum of the exact products in an integer `Int` (int64
/// when the lossless format fits 63 bits, otherwise i128), plus the bias
/// aligned to the products' binary point, cast once into the result format.
/// This is the op's meaning without `nn.accum_type`, and with a lossless one
/// (fx::isLosslessAccumulator() proves the per-step casts are identities).
template <typename Int>
struct ExactDot {
  fx::Format fa, fw, out;
  const Tensor *bias;
  Int acc = 0;

  void start(int64_t) { acc = 0; }
  void add(int64_t x, int64_t w) {
    acc += Int(fx::rawToInt(x, fa)) * Int(fx::rawToInt(w, fw));
  }
  int64_t finish(int64_t m) const {
    if constexpr (std::is_same_v<Int, int64_t>)
      return finishInt64(acc, m);
    fx::Wide sum{i128(acc), fa.fracWidth() + fw.fracWidth()};
    if (bias)
      sum = fx::add(sum,
                    fx::Wide{fx::rawToInt(bias->raw()[m], bias->format()),
                             bias->format().fracWidth()});
    return fx::cast(sum, out);
  }

  /// finish() when the exact sum with the bias fits 63 bits (Int is
  /// int64_t): the bias aligned to the finer binary point in int64_t, as
  /// fx::add aligns it, then the one cast.
  int64_t finishInt64(int64_t sum, int64_t m) const {
    int frac = fa.fracWidth() + fw.fracWidth();
    if (bias) {
      int64_t b = bias->raw()[m]; // a bias of 64 unsigned bits never fits
      int biasFrac = bias->format().fracWidth();
      if (biasFrac <= frac) {
        sum += b * (int64_t(1) << (frac - biasFrac));
      } else {
        sum = sum * (int64_t(1) << (biasFrac - frac)) + b;
        frac = biasFrac;
      }
    }
    // The cast fx::cast takes for a 63-bit value, without its width test
    // (as the C-simulation types call it, nn_csim/ap_types.h).
    long long shift = (long long)frac - out.fracWidth();
    if (fx::detail::castFitsInt64(63, shift, out))
      return fx::detail::castInt64(sum, shift, out);
    return fx::cast(i128(sum), frac, out);
  }
};

/// Whether every raw of format `f` is an int32_t (its mathematical integer,
/// fx::rawToInt).
bool fitsInt32(const fx::Format &f) {
  return f.width <= 31 || (f.isSigned && f.width == 32);
}

/// StepwiseDot: the accumulator semantics of nn/Support/Accumulator.h with
/// accumulator format `accum` (cast after every product and every addition).
struct StepwiseDot {
  fx::Format fa, fw, out;
  const Tensor *bias;
  fx::Format accum;
  int64_t acc = 0;

  void start(int64_t m) {
    acc = bias ? fx::accumulatorStart(accum, &bias->raw()[m], &bias->format())
               : 0;
  }
  void add(int64_t x, int64_t w) {
    acc = fx::accumulateStep(acc, accum, x, fa, w, fw);
  }
  int64_t finish(int64_t) const {
    return fx::accumulatorResult(acc, accum, out);
  }
};

/// Chooses the dot-product policy of a fixed-point dense/conv with `terms`
/// products per output and calls run(policy). Without `nn.accum_type`, or
/// with a lossless one, the exact sum (which must fit 127 bits); otherwise
/// the per-step casts into the accumulator type, which must be a storage
/// format of at most 64 bits.
template <typename Run>
LogicalResult withDotPolicy(Operation *op, const Tensor &x, const Tensor &w,
                            const Tensor *bias, const Tensor &result,
                            int64_t terms, Run run) {
  const fx::Format &fa = x.format(), &fw = w.format(), &out = result.format();
  const fx::Format *fb = bias ? &bias->format() : nullptr;
  std::optional<fx::Format> accum;
  if (auto attr = op->getAttrOfType<TypeAttr>(kAccumTypeAttrName))
    if (llvm::isa<FixedType>(attr.getValue()))
      accum = formatOf(attr.getValue());
  if (accum && !fx::isLosslessAccumulator(*accum, fa, fw, terms, fb)) {
    if (!fx::canAccumulateStepwise(*accum, fa, fw)) {
      op->emitError() << "the accumulator type " << accum->toString()
                      << " (nn.accum_type) loses bits for " << terms
                      << " products of " << fa.toString() << " and "
                      << fw.toString()
                      << ", so it is applied after every step; the "
                         "interpreter does that for accumulators of at most "
                         "64 bits and products of at most 127 bits";
      return failure();
    }
    run(StepwiseDot{fa, fw, out, bias, *accum});
    return success();
  }
  bool fitsInt64 = false;
  if (failed(checkAccumulator(op, fa, fw, terms, fb, fitsInt64)))
    return failure();
  if (fitsInt64)
    run(ExactDot<int64_t>{fa, fw, out, bias});
  else
    run(ExactDot<i128>{fa, fw, out, bias});
  return success();
}

LogicalResult rejectMixed(Operation *op, ArrayRef<const Tensor *> operands,
                          const Tensor &result) {
  for (const Tensor *operand : operands)
    if (operand->isFixed() != result.isFixed()) {
      op->emitError() << "the interpreter expects all operands and the "
                         "result to be either f32 or fixed point";
      return failure();
    }
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// nn.dense
//===----------------------------------------------------------------------===//

/// The copy of `raws` as int32_t (fitsInt32() of their format).
static std::vector<int32_t> narrowed(const std::vector<int64_t> &raws) {
  return std::vector<int32_t>(raws.begin(), raws.end());
}

/// Fixed-point dense: for each output, the terms k = 0..K-1 in order.
template <typename Dot>
static void denseFixed(const Tensor &x, const Tensor &w, Tensor &out,
                       int64_t rows, int64_t k, int64_t m, int numThreads,
                       const Dot &prototype) {
  // The exact sum in 63 bits of raws of at most 32: dot products on int32
  // copies (the weights' once per call, a whole batch's rows with them).
  if constexpr (std::is_same_v<Dot, ExactDot<int64_t>>) {
    if (fitsInt32(x.format()) && fitsInt32(w.format())) {
      std::vector<int32_t> xs = narrowed(x.raw()), ws = narrowed(w.raw());
      int64_t *y = out.raw().data();
      parallelFor(
          numThreads, rows * m,
          [&](int64_t begin, int64_t end) {
            // Output idx = r * m + j, walked without a division per output.
            for (int64_t idx = begin, r = begin / m, j = begin % m; idx < end;
                 ++idx) {
              y[idx] = prototype.finishInt64(
                  dotInt32(xs.data() + r * k, ws.data() + j * k, k), j);
              if (++j == m) {
                j = 0;
                ++r;
              }
            }
          },
          1, k);
      return;
    }
  }
  parallelFor(
      numThreads, rows * m,
      [&](int64_t begin, int64_t end) {
        Dot dot = prototype;
        for (int64_t idx = begin; idx < end; ++idx) {
          int64_t r = idx / m, j = idx % m;
          const int64_t *xr = x.raw().data() + r * k;
          const int64_t *wr = w.raw().data() + j * k;
          dot.start(j);
          for (int64_t p = 0; p < k; ++p)
            dot.add(xr[p], wr[p]);
          out.raw()[idx] = dot.finish(j);
        }
      },
      1, k);
}

static LogicalResult denseKernel(Operation *op,
                                 ArrayRef<const Tensor *> operands,
                                 Tensor &result, const KernelContext &context) {
  if (failed(rejectMixed(op, operands, result)))
    return failure();
  const Tensor &x = *operands[0], &w = *operands[1];
  const Tensor *bias = operands.size() > 2 ? operands[2] : nullptr;
  if (x.rank() < 1 || w.rank() != 2 || x.shape().back() != w.shape()[1] ||
      (bias && (bias->rank() != 1 || bias->shape()[0] != w.shape()[0]))) {
    op->emitError() << "the interpreter expects input [..., K], weight "
                       "[M, K] and bias [M]";
    return failure();
  }
  const int64_t k = w.shape()[1], m = w.shape()[0];
  const int64_t rows = m == 0 ? 0 : result.numElements() / m;

  if (result.isFixed())
    return withDotPolicy(op, x, w, bias, result, k, [&](const auto &dot) {
      denseFixed(x, w, result, rows, k, m, context.numThreads, dot);
    });

  float *y = result.f32().data();
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t j = 0; j < m; ++j)
      y[r * m + j] = bias ? bias->f32()[j] : 0.0f;
  // y[r, j] += sum_p x[r, p] * w[j, p]: B(p, j) = w[j * k + p].
  parallelSgemm(rows, m, k, MatrixView{x.f32().data(), k, 1},
                MatrixView{w.f32().data(), 1, k}, y, m, context.numThreads);
  return success();
}

//===----------------------------------------------------------------------===//
// nn.conv
//===----------------------------------------------------------------------===//

/// im2col of one group: col[(c * kh + i) * kw + j][oy * ow + ox] =
/// in[c][oy*sh + i*dh - padTop][ox*sw + j*dw - padLeft], zero outside, for
/// the rows [rowBegin, rowEnd) of the column matrix.
static void im2col(const Window &g, const float *in, int64_t rowBegin,
                   int64_t rowEnd, float *col) {
  const int64_t plane = g.outPlane();
  for (int64_t row = rowBegin; row < rowEnd; ++row) {
    int64_t c = row / (g.kh * g.kw), i = row / g.kw % g.kh, j = row % g.kw;
    const float *src = in + c * g.inPlane();
    float *dst = col + row * plane;
    int64_t offsetX = j * g.dw - g.padLeft;
    auto [xLo, xHi] = validRange(g.ow, g.w, g.sw, offsetX);
    for (int64_t oy = 0; oy < g.oh; ++oy) {
      float *d = dst + oy * g.ow;
      int64_t iy = oy * g.sh + i * g.dh - g.padTop;
      if (iy < 0 || iy >= g.h || xLo >= xHi) {
        std::fill(d, d + g.ow, 0.0f);
        continue;
      }
      const float *s = src + iy * g.w + offsetX;
      std::fill(d, d + xLo, 0.0f);
      if (g.sw == 1)
        std::copy(s + xLo, s + xHi, d + xLo);
      else
        for (int64_t ox = xLo; ox < xHi; ++ox)
          d[ox] = s[ox * g.sw];
      std::fill(d + xHi, d + g.ow, 0.0f);
    }
  }
}

/// Convolution of one output channel from one input channel (groups of one
/// input channel, e.g. depthwise): out += sum over taps of w * shifted in.
static void convSingleChannel(const Window &g, const float *in,
                              const float *weight, float *out) {
  for (int64_t i = 0; i < g.kh; ++i) {
    for (int64_t j = 0; j < g.kw; ++j) {
      float wv = weight[i * g.kw + j];
      int64_t offsetX = j * g.dw - g.padLeft;
      auto [xLo, xHi] = validRange(g.ow, g.w, g.sw, offsetX);
      auto [yLo, yHi] = validRange(g.oh, g.h, g.sh, i * g.dh - g.padTop);
      for (int64_t oy = yLo; oy < yHi; ++oy) {
        const float *s = in + (oy * g.sh + i * g.dh - g.padTop) * g.w + offsetX;
        float *d = out + oy * g.ow;
        if (g.sw == 1)
          for (int64_t ox = xLo; ox < xHi; ++ox)
            d[ox] += wv * s[ox];
        else
          for (int64_t ox = xLo; ox < xHi; ++ox)
            d[ox] += wv * s[ox * g.sw];
      }
    }
  }
}

static void convFloat(const Window &g, int64_t m, int64_t groups,
                      const Tensor &x, const Tensor &w, const Tensor *bias,
                      Tensor &result, int numThreads) {
  const int64_t cg = g.c / groups, mg = m / groups;
  const int64_t kg = cg * g.kh * g.kw, plane = g.outPlane();
  float *y = result.f32().data();
  for (int64_t n = 0; n < g.n; ++n)
    for (int64_t o = 0; o < m; ++o)
      std::fill(y + (n * m + o) * plane, y + (n * m + o + 1) * plane,
                bias ? bias->f32()[o] : 0.0f);
  const float *xd = x.f32().data(), *wd = w.f32().data();

  if (cg == 1) {
    // One input channel per group: a direct loop per output channel.
    parallelFor(numThreads, g.n * m, [&](int64_t begin, int64_t end) {
      for (int64_t idx = begin; idx < end; ++idx) {
        int64_t n = idx / m, o = idx % m, grp = o / mg;
        convSingleChannel(g, xd + (n * g.c + grp) * g.inPlane(),
                          wd + o * kg, y + idx * plane);
      }
    }, 1, plane * g.kh * g.kw);
    return;
  }

  const bool direct = g.kh == 1 && g.kw == 1 && g.sh == 1 && g.sw == 1 &&
                      g.padTop == 0 && g.padLeft == 0 && g.padBottom == 0 &&
                      g.padRight == 0 && g.oh == g.h && g.ow == g.w;
  // One GEMM per (image, group): Y_g[mg, plane] += W_g[mg, kg] * col[kg, plane].
  auto runGroup = [&](int64_t n, int64_t grp, std::vector<float> &col,
                      int threads) {
    const float *in = xd + (n * g.c + grp * cg) * g.inPlane();
    const float *b = in;
    if (!direct) {
      if (col.size() < size_t(kg * plane))
        col.resize(kg * plane);
      parallelFor(threads, kg, [&](int64_t begin, int64_t end) {
        im2col(g, in, begin, end, col.data());
      }, 1, plane);
      b = col.data();
    }
    parallelSgemm(mg, plane, kg, MatrixView{wd + grp * mg * kg, kg, 1},
                  MatrixView{b, plane, 1}, y + (n * m + grp * mg) * plane,
                  plane, threads);
  };
  const int64_t jobs = g.n * groups;
  if (jobs >= 2 * numThreads && numThreads > 1) {
    // Many small GEMMs: one thread per chunk of (image, group) pairs.
    parallelFor(numThreads, jobs, [&](int64_t begin, int64_t end) {
      std::vector<float> col;
      for (int64_t job = begin; job < end; ++job)
        runGroup(job / groups, job % groups, col, 1);
    }, 1, mg * plane * kg);
    return;
  }
  // The calling thread's column buffer is kept between calls.
  thread_local std::vector<float> col;
  for (int64_t job = 0; job < jobs; ++job)
    runGroup(job / groups, job % groups, col, numThreads);
}

/// Calls visit(in-index, tap) for every window position of output (oy, ox)
/// that lies inside the input, in kernel row-major order (tap = i * kw + j
/// indexes the kernel), and returns how many there are. Conv and the pools
/// walk their windows through it.
template <typename Visit>
static int64_t forEachInWindow(const Window &g, int64_t oy, int64_t ox,
                               Visit visit) {
  int64_t count = 0;
  for (int64_t i = 0; i < g.kh; ++i) {
    int64_t iy = oy * g.sh + i * g.dh - g.padTop;
    if (iy < 0 || iy >= g.h)
      continue;
    for (int64_t j = 0; j < g.kw; ++j) {
      int64_t ix = ox * g.sw + j * g.dw - g.padLeft;
      if (ix < 0 || ix >= g.w)
        continue;
      visit(iy * g.w + ix, i * g.kw + j);
      ++count;
    }
  }
  return count;
}

/// Fixed-point conv: for each output, the terms in the order input channel
/// of the group, kernel row, kernel column (the weight layout's); taps in
/// the padding are skipped (their product is 0, and adding 0 leaves any
/// accumulator unchanged).
template <typename Dot>
static void convFixed(const Window &g, int64_t m, int64_t groups,
                      const Tensor &x, const Tensor &w, Tensor &result,
                      int numThreads, const Dot &prototype) {
  const int64_t cg = g.c / groups, mg = m / groups;
  const int64_t plane = g.outPlane();
  parallelFor(numThreads, g.n * m, [&](int64_t begin, int64_t end) {
    Dot dot = prototype;
    for (int64_t idx = begin; idx < end; ++idx) {
      int64_t n = idx / m, o = idx % m, grp = o / mg;
      const int64_t *wo = w.raw().data() + o * cg * g.kh * g.kw;
      const int64_t *in = x.raw().data() + (n * g.c + grp * cg) * g.inPlane();
      for (int64_t oy = 0; oy < g.oh; ++oy) {
        for (int64_t ox = 0; ox < g.ow; ++ox) {
          dot.start(o);
          for (int64_t c = 0; c < cg; ++c) {
            const int64_t *inC = in + c * g.inPlane();
            const int64_t *wC = wo + c * g.kh * g.kw;
            forEachInWindow(g, oy, ox, [&](int64_t at, int64_t tap) {
              dot.add(inC[at], wC[tap]);
            });
          }
          result.raw()[idx * plane + oy * g.ow + ox] = dot.finish(o);
        }
      }
    }
  }, 1, plane * cg * g.kh * g.kw);
}

static LogicalResult convKernel(Operation *op,
                                ArrayRef<const Tensor *> operands,
                                Tensor &result, const KernelContext &context) {
  auto conv = cast<ConvOp>(op);
  if (failed(rejectMixed(op, operands, result)))
    return failure();
  const Tensor &x = *operands[0], &w = *operands[1];
  const Tensor *bias = operands.size() > 2 ? operands[2] : nullptr;
  if (w.rank() != x.rank() || x.rank() < 3) {
    op->emitError() << "the interpreter expects input and weight of the same "
                       "rank, 3 or 4";
    return failure();
  }
  std::vector<int64_t> kernel(w.shape().begin() + 2, w.shape().end());
  FailureOr<Window> window =
      makeWindow(op, x.shape(), result.shape(), kernel, conv.getStrides(),
                 conv.getPads(), conv.getDilations());
  if (failed(window))
    return failure();
  const Window &g = *window;
  const int64_t m = w.shape()[0], groups = int64_t(conv.getGroup());
  if (groups <= 0 || g.c % groups != 0 || m % groups != 0 ||
      w.shape()[1] != g.c / groups || result.shape()[1] != m ||
      (bias && (bias->rank() != 1 || bias->shape()[0] != m))) {
    op->emitError() << "the interpreter found inconsistent conv shapes "
                       "(channels, group, bias)";
    return failure();
  }

  if (result.isFixed())
    return withDotPolicy(op, x, w, bias, result, (g.c / groups) * g.kh * g.kw,
                         [&](const auto &dot) {
                           convFixed(g, m, groups, x, w, result,
                                     context.numThreads, dot);
                         });
  convFloat(g, m, groups, x, w, bias, result, context.numThreads);
  return success();
}

//===----------------------------------------------------------------------===//
// nn.batch_norm
//===----------------------------------------------------------------------===//

static LogicalResult batchNormKernel(Operation *op,
                                     ArrayRef<const Tensor *> operands,
                                     Tensor &result,
                                     const KernelContext &context) {
  if (failed(rejectMixed(op, operands, result)))
    return failure();
  // Fixed point: scale / sqrt(var + epsilon) has no exact fixed-point value,
  // and the hardware never computes nn.batch_norm itself: canonicalization
  // folds it into the conv or dense before it, and nn-quantize writes the
  // others as an nn.mul and an nn.add (hls4ml's arithmetic). So a
  // fixed-point nn.batch_norm (hand-written IR) has no reference meaning to
  // reproduce, and is rejected.
  if (result.isFixed()) {
    op->emitError() << "the interpreter does not evaluate a fixed-point "
                       "nn.batch_norm: batch norms are folded into the "
                       "preceding conv or dense by canonicalization, or "
                       "quantized by nn-quantize into an nn.mul and an "
                       "nn.add";
    return failure();
  }
  const Tensor &x = *operands[0];
  if (x.rank() < 2) {
    op->emitError() << "the interpreter expects an input of rank >= 2";
    return failure();
  }
  const int64_t channels = x.shape()[1];
  for (const Tensor *param : operands.drop_front())
    if (param->rank() != 1 || param->shape()[0] != channels) {
      op->emitError() << "the interpreter expects [C] statistics";
      return failure();
    }
  double epsilon = cast<BatchNormOp>(op).getEpsilon().convertToDouble();
  int64_t inner = 1;
  for (int64_t d = 2; d < x.rank(); ++d)
    inner *= x.shape()[d];
  const std::vector<float> &scale = operands[1]->f32(),
                           &shift = operands[2]->f32(),
                           &mean = operands[3]->f32(),
                           &var = operands[4]->f32();
  for (int64_t c = 0; c < channels; ++c) {
    double factor = double(scale[c]) / std::sqrt(double(var[c]) + epsilon);
    for (int64_t n = 0; n < x.shape()[0]; ++n) {
      int64_t base = (n * channels + c) * inner;
      for (int64_t i = 0; i < inner; ++i)
        result.f32()[base + i] = float(
            (double(x.f32()[base + i]) - mean[c]) * factor + shift[c]);
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Pools
//===----------------------------------------------------------------------===//


/// The number of window positions of one axis inside the padded range
/// [-padBegin, size + padEnd) (positions past it exist only with ceil_mode).
static int64_t paddedCount(int64_t start, int64_t kernel, int64_t size,
                           int64_t padBegin, int64_t padEnd) {
  int64_t lo = std::max(start, -padBegin);
  int64_t hi = std::min(start + kernel, size + padEnd);
  return std::max<int64_t>(0, hi - lo);
}

static LogicalResult poolKernel(Operation *op, const Window &g,
                                const Tensor &x, Tensor &result, bool isMax,
                                bool countIncludePad,
                                const KernelContext &context) {
  const int64_t inPlane = g.inPlane(), outPlane = g.outPlane();
  const int64_t channels = g.n * g.c;
  if (result.isFixed()) {
    const fx::Format &in = x.format(), &out = result.format();
    if (!isMax && failed(checkQuotientFits(op, in, g.kh * g.kw, out)))
      return failure();
    parallelFor(context.numThreads, channels, [&](int64_t begin, int64_t end) {
      for (int64_t ch = begin; ch < end; ++ch) {
        const int64_t *src = x.raw().data() + ch * inPlane;
        int64_t *dst = result.raw().data() + ch * outPlane;
        for (int64_t oy = 0; oy < g.oh; ++oy)
          for (int64_t ox = 0; ox < g.ow; ++ox) {
            if (isMax) {
              bool any = false;
              i128 best = 0;
              forEachInWindow(g, oy, ox, [&](int64_t at, int64_t) {
                i128 v = fx::rawToInt(src[at], in);
                if (!any || v > best)
                  best = v;
                any = true;
              });
              dst[oy * g.ow + ox] =
                  any ? fx::cast(best, in.fracWidth(), out) : out.lowestRaw();
              continue;
            }
            i128 sum = 0;
            int64_t count = forEachInWindow(g, oy, ox, [&](int64_t at, int64_t) {
              sum += fx::rawToInt(src[at], in);
            });
            if (countIncludePad)
              count = paddedCount(oy * g.sh - g.padTop, g.kh, g.h, g.padTop,
                                  g.padBottom) *
                      paddedCount(ox * g.sw - g.padLeft, g.kw, g.w, g.padLeft,
                                  g.padRight);
            dst[oy * g.ow + ox] = castQuotient(sum, in.fracWidth(),
                                               std::max<int64_t>(count, 1), out);
          }
      }
    }, 1, outPlane * g.kh * g.kw);
    return success();
  }
  parallelFor(context.numThreads, channels, [&](int64_t begin, int64_t end) {
    for (int64_t ch = begin; ch < end; ++ch) {
      const float *src = x.f32().data() + ch * inPlane;
      float *dst = result.f32().data() + ch * outPlane;
      for (int64_t oy = 0; oy < g.oh; ++oy)
        for (int64_t ox = 0; ox < g.ow; ++ox) {
          if (isMax) {
            float best = -std::numeric_limits<float>::infinity();
            forEachInWindow(g, oy, ox, [&](int64_t at, int64_t) {
              // NaN propagates, as in ONNX Runtime's max.
              if (src[at] > best || std::isnan(src[at]))
                best = src[at];
            });
            dst[oy * g.ow + ox] = best;
            continue;
          }
          double sum = 0;
          int64_t count = forEachInWindow(
              g, oy, ox, [&](int64_t at, int64_t) { sum += double(src[at]); });
          if (countIncludePad)
            count = paddedCount(oy * g.sh - g.padTop, g.kh, g.h, g.padTop,
                                g.padBottom) *
                    paddedCount(ox * g.sw - g.padLeft, g.kw, g.w, g.padLeft,
                                g.padRight);
          dst[oy * g.ow + ox] = float(sum / double(std::max<int64_t>(count, 1)));
        }
    }
  }, 1, outPlane * g.kh * g.kw);
  return success();
}

static LogicalResult maxPoolKernel(Operation *op,
                                   ArrayRef<const Tensor *> operands,
                                   Tensor &result,
                                   const KernelContext &context) {
  auto pool = cast<MaxPoolOp>(op);
  if (failed(rejectMixed(op, operands, result)))
    return failure();
  FailureOr<Window> g = makeWindow(
      op, operands[0]->shape(), result.shape(), pool.getKernelShape(),
      pool.getStrides(), pool.getPads(), pool.getDilations());
  if (failed(g))
    return failure();
  return poolKernel(op, *g, *operands[0], result, /*isMax=*/true,
                    /*countIncludePad=*/false, context);
}

static LogicalResult avgPoolKernel(Operation *op,
                                   ArrayRef<const Tensor *> operands,
                                   Tensor &result,
                                   const KernelContext &context) {
  auto pool = cast<AvgPoolOp>(op);
  if (failed(rejectMixed(op, operands, result)))
    return failure();
  FailureOr<Window> g =
      makeWindow(op, operands[0]->shape(), result.shape(),
                 pool.getKernelShape(), pool.getStrides(), pool.getPads(), {});
  if (failed(g))
    return failure();
  return poolKernel(op, *g, *operands[0], result, /*isMax=*/false,
                    pool.getCountIncludePad(), context);
}

/// Global pools: one window covering all spatial positions of a channel.
static LogicalResult globalPoolKernel(Operation *op,
                                      ArrayRef<const Tensor *> operands,
                                      Tensor &result,
                                      const KernelContext &context,
                                      bool isMax) {
  if (failed(rejectMixed(op, operands, result)))
    return failure();
  const Tensor &x = *operands[0];
  if (x.rank() < 3 || result.numElements() != x.shape()[0] * x.shape()[1]) {
    op->emitError() << "the interpreter expects [N, C, ...] -> [N, C, 1, ...]";
    return failure();
  }
  // Described as a 1-D window over the flattened spatial positions.
  Window g;
  g.n = x.shape()[0];
  g.c = x.shape()[1];
  g.w = g.c == 0 || g.n == 0 ? 0 : x.numElements() / (g.n * g.c);
  g.kw = g.w;
  return poolKernel(op, g, x, result, isMax, /*countIncludePad=*/false,
                    context);
}

static LogicalResult globalAvgPoolKernel(Operation *op,
                                         ArrayRef<const Tensor *> operands,
                                         Tensor &result,
                                         const KernelContext &context) {
  return globalPoolKernel(op, operands, result, context, /*isMax=*/false);
}

static LogicalResult globalMaxPoolKernel(Operation *op,
                                         ArrayRef<const Tensor *> operands,
                                         Tensor &result,
                                         const KernelContext &context) {
  return globalPoolKernel(op, operands, result, context, /*isMax=*/true);
}

/// ONNX LayerNormalization over the dimensions [axis, rank): mean,
/// variance and the normalized, scaled and shifted values in double, each
/// output rounded once to f32. Float only (the verifier): --nn-quantize
/// rewrites a layer norm into fixed-point ops.
static LogicalResult layerNormKernel(Operation *op,
                                     ArrayRef<const Tensor *> operands,
                                     Tensor &result, const KernelContext &) {
  auto norm = llvm::cast<LayerNormOp>(op);
  const Tensor &x = *operands[0];
  const std::vector<float> &scale = operands[1]->f32();
  const std::vector<float> &bias = operands[2]->f32();
  int64_t slice = 1;
  for (int64_t d = norm.getNormalizedAxis(); d < x.rank(); ++d)
    slice *= x.shape()[d];
  const double epsilon = norm.getEpsilon().convertToDouble();
  const std::vector<float> &in = x.f32();
  std::vector<float> &out = result.f32();
  for (size_t start = 0; slice > 0 && start < in.size();
       start += size_t(slice)) {
    double sum = 0;
    for (int64_t i = 0; i < slice; ++i)
      sum += double(in[start + i]);
    double mean = sum / double(slice), squares = 0;
    for (int64_t i = 0; i < slice; ++i) {
      double d = double(in[start + i]) - mean;
      squares += d * d;
    }
    double inverse = 1.0 / std::sqrt(squares / double(slice) + epsilon);
    for (int64_t i = 0; i < slice; ++i)
      out[start + i] = float((double(in[start + i]) - mean) * inverse *
                                 double(scale[i]) +
                             double(bias[i]));
  }
  return success();
}

void nn::interp::registerLayerKernels(KernelTable &table) {
  table["nn.dense"] = denseKernel;
  table["nn.conv"] = convKernel;
  table["nn.batch_norm"] = batchNormKernel;
  table["nn.layer_norm"] = layerNormKernel;
  table["nn.max_pool"] = maxPoolKernel;
  table["nn.avg_pool"] = avgPoolKernel;
  table["nn.global_avg_pool"] = globalAvgPoolKernel;
  table["nn.global_max_pool"] = globalMaxPoolKernel;
}
