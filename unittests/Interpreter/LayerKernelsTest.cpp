//===- LayerKernelsTest.cpp - kernels of the layer ops --------------------===//
//
// Every expectation is computed by hand in the comments (or, for the GEMM
// paths on larger random shapes, by naive loops written here). Fixed-point
// raws: a raw k of !nn.fixed<W, I> means k * 2^-(W - I).
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Interpreter/Interpreter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

namespace {

class LayerKernelsTest : public ::testing::Test {
protected:
  LayerKernelsTest() {
    context.loadDialect<NNDialect, func::FuncDialect>();
  }

  /// Parses `body` as the function @main of a module and evaluates it on
  /// `inputs`; collects diagnostics into `diagnostics`.
  FailureOr<std::vector<Tensor>> run(const std::string &text,
                                     std::vector<Tensor> inputs,
                                     int numThreads = 1) {
    diagnostics.clear();
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      diagnostics += diag.str() + "\n";
      return success();
    });
    module = parseSourceString<ModuleOp>(text, &context);
    if (!module) {
      ADD_FAILURE() << "parse error: " << diagnostics;
      return failure();
    }
    auto func = module->lookupSymbol<func::FuncOp>("main");
    EvaluateOptions options;
    options.numThreads = numThreads;
    return evaluate(func, inputs, options);
  }

  /// Runs and returns the float values of the single result.
  std::vector<float> runFloat(const std::string &text,
                              std::vector<Tensor> inputs,
                              int numThreads = 1) {
    FailureOr<std::vector<Tensor>> out = run(text, std::move(inputs),
                                             numThreads);
    if (failed(out)) {
      ADD_FAILURE() << "evaluation failed: " << diagnostics;
      return {};
    }
    return out->front().f32();
  }

  /// Runs and returns the raws of the single (fixed-point) result.
  std::vector<int64_t> runFixed(const std::string &text,
                                std::vector<Tensor> inputs) {
    FailureOr<std::vector<Tensor>> out = run(text, std::move(inputs));
    if (failed(out)) {
      ADD_FAILURE() << "evaluation failed: " << diagnostics;
      return {};
    }
    return out->front().raw();
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
  std::string diagnostics;
};

fx::Format fixedFormat(int width, int intWidth,
                       fx::Rounding rounding = fx::Rounding::TRN,
                       fx::Overflow overflow = fx::Overflow::WRAP) {
  return fx::Format{width, intWidth, true, rounding, overflow};
}

void expectNear(const std::vector<float> &actual,
                const std::vector<float> &expected, float tolerance = 1e-5f) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_NEAR(actual[i], expected[i], tolerance) << "at index " << i;
}

//===----------------------------------------------------------------------===//
// nn.conv (float)
//===----------------------------------------------------------------------===//

TEST_F(LayerKernelsTest, ConvPadsAndStrides) {
  // x = [[1,2,3],[4,5,6],[7,8,9]] padded by 1 on every side, 2x2 ones
  // kernel, stride 2: out = (3 + 2 - 1 - 1) / 2 + 1 = 2 per axis. Windows
  // (rows, cols): (-1..0, -1..0) = 1; (-1..0, 1..2) = 2+3 = 5;
  // (1..2, -1..0) = 4+7 = 11; (1..2, 1..2) = 5+6+8+9 = 28; plus bias 0.5.
  std::string text = R"(
    func.func @main(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>,
                    %b: tensor<1xf32>) -> tensor<1x1x2x2xf32> {
      %y = nn.conv %x, %w, %b {dilations = array<i64: 1, 1>,
          pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
          : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>, tensor<1xf32>)
          -> tensor<1x1x2x2xf32>
      return %y : tensor<1x1x2x2xf32>
    })";
  expectNear(runFloat(text, {Tensor::floats({1, 1, 3, 3},
                                            {1, 2, 3, 4, 5, 6, 7, 8, 9}),
                             Tensor::floats({1, 1, 2, 2}, {1, 1, 1, 1}),
                             Tensor::floats({1}, {0.5f})}),
             {1.5f, 5.5f, 11.5f, 28.5f});
}

TEST_F(LayerKernelsTest, ConvAsymmetricPadsTwoChannels) {
  // Two input channels, pads top=0 left=1 bottom=1 right=0, 2x2 kernel,
  // stride 1: out = [3 + 1 - 2 + 1, 3 + 1 - 2 + 1] = 3x3.
  // Channel 0 is x = [[1,2,3],[4,5,6],[7,8,9]] with weight [[1,0],[0,0]]
  // (picks the window's top-left), channel 1 is all ones with weight
  // [[0,0],[0,1]] (picks the bottom-right, i.e. 1 where it is in bounds).
  // Top-left of window (oy, ox) is (oy, ox - 1); bottom-right (oy+1, ox).
  //   row 0: x(0,-1)=0 + 1, x(0,0)=1 + 1, x(0,1)=2 + 1  -> 1, 2, 3
  //   row 1: 0 + 1, 4 + 1, 5 + 1                        -> 1, 5, 6
  //   row 2: 0 + 0 (row 3 is padding), 7 + 0, 8 + 0      -> 0, 7, 8
  std::string text = R"(
    func.func @main(%x: tensor<1x2x3x3xf32>, %w: tensor<1x2x2x2xf32>)
        -> tensor<1x1x3x3xf32> {
      %y = nn.conv %x, %w {dilations = array<i64: 1, 1>,
          pads = array<i64: 0, 1, 1, 0>, strides = array<i64: 1, 1>}
          : (tensor<1x2x3x3xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x3x3xf32>
      return %y : tensor<1x1x3x3xf32>
    })";
  expectNear(
      runFloat(text, {Tensor::floats({1, 2, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9,
                                                    1, 1, 1, 1, 1, 1, 1, 1, 1}),
                      Tensor::floats({1, 2, 2, 2}, {1, 0, 0, 0, 0, 0, 0, 1})}),
      {1, 2, 3, 1, 5, 6, 0, 7, 8});
}

TEST_F(LayerKernelsTest, Conv1DDilation) {
  // 1-D, x = [1,2,3,4,5], w = [1, 10], dilation 2: out = 5 - 2 - 1 + 1 = 3,
  // out[o] = x[o] + 10 * x[o + 2] = [1+30, 2+40, 3+50].
  std::string text = R"(
    func.func @main(%x: tensor<1x1x5xf32>, %w: tensor<1x1x2xf32>)
        -> tensor<1x1x3xf32> {
      %y = nn.conv %x, %w {dilations = array<i64: 2>, pads = array<i64: 0, 0>,
          strides = array<i64: 1>}
          : (tensor<1x1x5xf32>, tensor<1x1x2xf32>) -> tensor<1x1x3xf32>
      return %y : tensor<1x1x3xf32>
    })";
  expectNear(runFloat(text, {Tensor::floats({1, 1, 5}, {1, 2, 3, 4, 5}),
                             Tensor::floats({1, 1, 2}, {1, 10})}),
             {31, 42, 53});
}

TEST_F(LayerKernelsTest, ConvGroups) {
  // 4 channels c0=[1,2] c1=[3,4] c2=[5,6] c3=[7,8], group 2, 1-wide
  // kernels: filter 0 sees c0,c1 with [1, 1] -> [4, 6]; filter 1 sees c2,c3
  // with [1, -1] -> [-2, -2].
  std::string text = R"(
    func.func @main(%x: tensor<1x4x2xf32>, %w: tensor<2x2x1xf32>)
        -> tensor<1x2x2xf32> {
      %y = nn.conv %x, %w {dilations = array<i64: 1>, group = 2 : i64,
          pads = array<i64: 0, 0>, strides = array<i64: 1>}
          : (tensor<1x4x2xf32>, tensor<2x2x1xf32>) -> tensor<1x2x2xf32>
      return %y : tensor<1x2x2xf32>
    })";
  expectNear(runFloat(text, {Tensor::floats({1, 4, 2}, {1, 2, 3, 4, 5, 6, 7, 8}),
                             Tensor::floats({2, 2, 1}, {1, 1, 1, -1})}),
             {4, 6, -2, -2});
}

TEST_F(LayerKernelsTest, ConvDepthwiseWithPadsAndMultiplier) {
  // Depthwise with depth multiplier 2 (group 2, 4 filters, 1 channel per
  // group), pads 1,1: c0 = [1,2,3], c1 = [4,5,6]; filters 0,1 read c0,
  // filters 2,3 read c1. out[o] = w0 x[o-1] + w1 x[o] + w2 x[o+1].
  //   f0 = [1,0,-1] on c0: [0-2, 1-3, 2-0]        = [-2, -2, 2]
  //   f1 = [0,2,0]  on c0: [2, 4, 6]
  //   f2 = [1,1,1]  on c1: [4+5, 4+5+6, 5+6]      = [9, 15, 11]
  //   f3 = [0,0,1]  on c1 with bias 1: [5+1, 6+1, 0+1] = [6, 7, 1]
  std::string text = R"(
    func.func @main(%x: tensor<1x2x3xf32>, %w: tensor<4x1x3xf32>,
                    %b: tensor<4xf32>) -> tensor<1x4x3xf32> {
      %y = nn.conv %x, %w, %b {dilations = array<i64: 1>, group = 2 : i64,
          pads = array<i64: 1, 1>, strides = array<i64: 1>}
          : (tensor<1x2x3xf32>, tensor<4x1x3xf32>, tensor<4xf32>)
          -> tensor<1x4x3xf32>
      return %y : tensor<1x4x3xf32>
    })";
  expectNear(
      runFloat(text, {Tensor::floats({1, 2, 3}, {1, 2, 3, 4, 5, 6}),
                      Tensor::floats({4, 1, 3},
                                     {1, 0, -1, 0, 2, 0, 1, 1, 1, 0, 0, 1}),
                      Tensor::floats({4}, {0, 0, 0, 1})}),
      {-2, -2, 2, 2, 4, 6, 9, 15, 11, 6, 7, 1});
}

/// Naive ONNX Conv, the oracle for the GEMM paths below.
std::vector<float> naiveConv2D(const std::vector<float> &x,
                               const std::vector<float> &w,
                               const std::vector<float> &b, int64_t n,
                               int64_t c, int64_t h, int64_t wd, int64_t m,
                               int64_t kh, int64_t kw, int64_t s, int64_t d,
                               int64_t p, int64_t group, int64_t oh,
                               int64_t ow) {
  std::vector<float> y(n * m * oh * ow);
  int64_t cg = c / group, mg = m / group;
  for (int64_t in = 0; in < n; ++in)
    for (int64_t o = 0; o < m; ++o)
      for (int64_t oy = 0; oy < oh; ++oy)
        for (int64_t ox = 0; ox < ow; ++ox) {
          double sum = b.empty() ? 0.0 : b[o];
          for (int64_t ci = 0; ci < cg; ++ci)
            for (int64_t i = 0; i < kh; ++i)
              for (int64_t j = 0; j < kw; ++j) {
                int64_t iy = oy * s + i * d - p, ix = ox * s + j * d - p;
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd)
                  continue;
                int64_t channel = o / mg * cg + ci;
                sum += double(w[((o * cg + ci) * kh + i) * kw + j]) *
                       x[((in * c + channel) * h + iy) * wd + ix];
              }
          y[((in * m + o) * oh + oy) * ow + ox] = float(sum);
        }
  return y;
}

std::vector<float> randomFloats(size_t count, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(count);
  for (float &f : v)
    f = dist(gen);
  return v;
}

TEST_F(LayerKernelsTest, GemmConvPathsMatchNaiveLoops) {
  struct Case {
    int64_t n, c, h, w, m, k, s, d, p, group;
  };
  // im2col + GEMM with stride, dilation, pads and groups; a 1x1 stride-1
  // convolution (no im2col); a strided 1x1; batch 2 with groups (the
  // per-(image, group) threading); channels not multiples of the tiles.
  for (Case t : {Case{1, 8, 9, 9, 12, 3, 2, 2, 1, 2},
                 Case{1, 19, 7, 5, 37, 1, 1, 1, 0, 1},
                 Case{1, 16, 8, 8, 24, 1, 2, 1, 0, 1},
                 Case{2, 6, 11, 10, 9, 3, 1, 1, 1, 3},
                 Case{1, 3, 30, 30, 70, 5, 1, 1, 2, 1}}) {
    int64_t oh = (t.h + 2 * t.p - t.d * (t.k - 1) - 1) / t.s + 1;
    int64_t ow = (t.w + 2 * t.p - t.d * (t.k - 1) - 1) / t.s + 1;
    auto shape = [](std::vector<int64_t> dims) {
      std::string s;
      for (int64_t d : dims)
        s += std::to_string(d) + "x";
      return "tensor<" + s + "f32>";
    };
    std::string xt = shape({t.n, t.c, t.h, t.w});
    std::string wt = shape({t.m, t.c / t.group, t.k, t.k});
    std::string bt = shape({t.m});
    std::string yt = shape({t.n, t.m, oh, ow});
    std::string pv = std::to_string(t.p), sv = std::to_string(t.s),
                dv = std::to_string(t.d);
    std::string text =
        "func.func @main(%x: " + xt + ", %w: " + wt + ", %b: " + bt + ") -> " +
        yt + " {\n  %y = nn.conv %x, %w, %b {dilations = array<i64: " + dv +
        ", " + dv + ">, group = " + std::to_string(t.group) +
        " : i64, pads = array<i64: " + pv + ", " + pv + ", " + pv + ", " + pv +
        ">, strides = array<i64: " + sv + ", " + sv + ">} : (" + xt + ", " +
        wt + ", " + bt + ") -> " + yt + "\n  return %y : " + yt + "\n}";
    auto x = randomFloats(t.n * t.c * t.h * t.w, 1);
    auto w = randomFloats(t.m * (t.c / t.group) * t.k * t.k, 2);
    auto b = randomFloats(t.m, 3);
    auto expected = naiveConv2D(x, w, b, t.n, t.c, t.h, t.w, t.m, t.k, t.k,
                                t.s, t.d, t.p, t.group, oh, ow);
    for (int threads : {1, 2}) {
      SCOPED_TRACE("case c=" + std::to_string(t.c) + " m=" +
                   std::to_string(t.m) + " threads=" + std::to_string(threads));
      expectNear(runFloat(text,
                          {Tensor::floats({t.n, t.c, t.h, t.w}, x),
                           Tensor::floats({t.m, t.c / t.group, t.k, t.k}, w),
                           Tensor::floats({t.m}, b)},
                          threads),
                 expected, 1e-4f);
    }
  }
}

//===----------------------------------------------------------------------===//
// nn.dense (float)
//===----------------------------------------------------------------------===//

TEST_F(LayerKernelsTest, DenseWithAndWithoutBias) {
  // x = [1,2,3], W = [[1,0,-1],[2,2,2]]: x W^T = [1-3, 2+4+6] = [-2, 12];
  // with bias [0.5, -1]: [-1.5, 11].
  std::string withBias = R"(
    func.func @main(%x: tensor<1x3xf32>, %w: tensor<2x3xf32>,
                    %b: tensor<2xf32>) -> tensor<1x2xf32> {
      %y = nn.dense %x, %w, %b
          : (tensor<1x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<1x2xf32>
      return %y : tensor<1x2xf32>
    })";
  std::string noBias = R"(
    func.func @main(%x: tensor<1x3xf32>, %w: tensor<2x3xf32>)
        -> tensor<1x2xf32> {
      %y = nn.dense %x, %w : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<1x2xf32>
      return %y : tensor<1x2xf32>
    })";
  Tensor x = Tensor::floats({1, 3}, {1, 2, 3});
  Tensor w = Tensor::floats({2, 3}, {1, 0, -1, 2, 2, 2});
  expectNear(runFloat(withBias, {x, w, Tensor::floats({2}, {0.5f, -1})}),
             {-1.5f, 11});
  expectNear(runFloat(noBias, {x, w}), {-2, 12});
}

TEST_F(LayerKernelsTest, DenseBatchedRank3MatchesNaiveLoops) {
  // [2, 3, 70] x [33, 70]^T: 6 rows; the oracle is a double dot product.
  const int64_t k = 70, m = 33, rows = 6;
  auto x = randomFloats(rows * k, 4), w = randomFloats(m * k, 5),
       b = randomFloats(m, 6);
  std::vector<float> expected(rows * m);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t j = 0; j < m; ++j) {
      double sum = b[j];
      for (int64_t p = 0; p < k; ++p)
        sum += double(x[r * k + p]) * w[j * k + p];
      expected[r * m + j] = float(sum);
    }
  std::string text = R"(
    func.func @main(%x: tensor<2x3x70xf32>, %w: tensor<33x70xf32>,
                    %b: tensor<33xf32>) -> tensor<2x3x33xf32> {
      %y = nn.dense %x, %w, %b : (tensor<2x3x70xf32>, tensor<33x70xf32>,
          tensor<33xf32>) -> tensor<2x3x33xf32>
      return %y : tensor<2x3x33xf32>
    })";
  for (int threads : {1, 2})
    expectNear(runFloat(text,
                        {Tensor::floats({2, 3, k}, x),
                         Tensor::floats({m, k}, w), Tensor::floats({m}, b)},
                        threads),
               expected, 1e-4f);
}

//===----------------------------------------------------------------------===//
// Pools (float)
//===----------------------------------------------------------------------===//

TEST_F(LayerKernelsTest, MaxPoolPaddingNeverWins) {
  // x = [[-1,-2],[-3,-4]], 2x2 windows, stride 1, pads 1 on every side:
  // 3x3 outputs, each the max of the in-bounds part of its window (never
  // the padding's 0):
  //   (0,0) {-1} = -1; (0,1) {-1,-2} = -1; (0,2) {-2} = -2
  //   (1,0) {-1,-3} = -1; (1,1) all = -1; (1,2) {-2,-4} = -2
  //   (2,0) {-3} = -3; (2,1) {-3,-4} = -3; (2,2) {-4} = -4
  std::string text = R"(
    func.func @main(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32> {
      %y = nn.max_pool %x {dilations = array<i64: 1, 1>,
          kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
          strides = array<i64: 1, 1>}
          : tensor<1x1x2x2xf32> -> tensor<1x1x3x3xf32>
      return %y : tensor<1x1x3x3xf32>
    })";
  expectNear(runFloat(text, {Tensor::floats({1, 1, 2, 2}, {-1, -2, -3, -4})}),
             {-1, -1, -2, -1, -1, -2, -3, -3, -4});
}

TEST_F(LayerKernelsTest, MaxPoolCeilModeDropsWindowInPadding) {
  // x = [1,2,3,4], k = 2, s = 2, pads 0,1, ceil_mode: p = 5,
  // ceil((5 - 2) / 2) + 1 = 3, but the third window would start at 4 =
  // in + pad_begin (all padding), so out = 2: [max(1,2), max(3,4)].
  std::string text = R"(
    func.func @main(%x: tensor<1x1x4xf32>) -> tensor<1x1x2xf32> {
      %y = nn.max_pool %x {ceil_mode = true, dilations = array<i64: 1>,
          kernel_shape = array<i64: 2>, pads = array<i64: 0, 1>,
          strides = array<i64: 2>} : tensor<1x1x4xf32> -> tensor<1x1x2xf32>
      return %y : tensor<1x1x2xf32>
    })";
  expectNear(runFloat(text, {Tensor::floats({1, 1, 4}, {1, 2, 3, 4})}), {2, 4});
}

TEST_F(LayerKernelsTest, MaxPoolCeilModePartialWindowAndDilation) {
  // x = [1,5,2,8,3], k = 2, s = 2, ceil_mode: ceil(3/2) + 1 = 3 windows
  // {1,5}, {2,8}, {3} -> [5, 8, 3].
  std::string ceil = R"(
    func.func @main(%x: tensor<1x1x5xf32>) -> tensor<1x1x3xf32> {
      %y = nn.max_pool %x {ceil_mode = true, dilations = array<i64: 1>,
          kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>,
          strides = array<i64: 2>} : tensor<1x1x5xf32> -> tensor<1x1x3xf32>
      return %y : tensor<1x1x3xf32>
    })";
  expectNear(runFloat(ceil, {Tensor::floats({1, 1, 5}, {1, 5, 2, 8, 3})}),
             {5, 8, 3});
  // x = [3,1,4,1,5], k = 2, dilation 2 (extent 3): {x0,x2} = 4,
  // {x1,x3} = 1, {x2,x4} = 5.
  std::string dilated = R"(
    func.func @main(%x: tensor<1x1x5xf32>) -> tensor<1x1x3xf32> {
      %y = nn.max_pool %x {dilations = array<i64: 2>,
          kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>,
          strides = array<i64: 1>} : tensor<1x1x5xf32> -> tensor<1x1x3xf32>
      return %y : tensor<1x1x3xf32>
    })";
  expectNear(runFloat(dilated, {Tensor::floats({1, 1, 5}, {3, 1, 4, 1, 5})}),
             {4, 1, 5});
}

TEST_F(LayerKernelsTest, MaxPoolWindowEntirelyInPadding) {
  // in = 1, k = 2, dilation 2, pads 1,1: the only window reads positions -1
  // and 1, both padding: -inf for f32, the lowest value for fixed point
  // (-128 raw for fixed<8,4>; -127 with SAT_SYM, whose range is symmetric).
  std::string text = R"(
    func.func @main(%x: tensor<1x1x1xf32>) -> tensor<1x1x1xf32> {
      %y = nn.max_pool %x {dilations = array<i64: 2>,
          kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>,
          strides = array<i64: 1>} : tensor<1x1x1xf32> -> tensor<1x1x1xf32>
      return %y : tensor<1x1x1xf32>
    })";
  std::vector<float> y = runFloat(text, {Tensor::floats({1, 1, 1}, {7})});
  ASSERT_EQ(y.size(), 1u);
  EXPECT_EQ(y[0], -std::numeric_limits<float>::infinity());
  std::string fixedText = R"(
    func.func @main(%x: tensor<1x1x1x!nn.fixed<8, 4>>)
        -> tensor<1x1x1x!nn.fixed<8, 4, TRN, SAT_SYM>> {
      %y = nn.max_pool %x {dilations = array<i64: 2>,
          kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>,
          strides = array<i64: 1>} : tensor<1x1x1x!nn.fixed<8, 4>>
          -> tensor<1x1x1x!nn.fixed<8, 4, TRN, SAT_SYM>>
      return %y : tensor<1x1x1x!nn.fixed<8, 4, TRN, SAT_SYM>>
    })";
  EXPECT_EQ(runFixed(fixedText,
                     {Tensor::fixed({1, 1, 1}, fixedFormat(8, 4), {16})}),
            std::vector<int64_t>{-127});
}

TEST_F(LayerKernelsTest, AvgPoolCountIncludePad) {
  // x = [1,2,3,4], k = 3, s = 1, pads 1,1: 4 windows
  //   {-1,0,1} sum 3, {0,1,2} sum 6, {1,2,3} sum 9, {2,3,4} sum 7.
  // Without count_include_pad the edge windows divide by 2 (in bounds):
  //   [1.5, 2, 3, 3.5]; with it by 3: [1, 2, 3, 7/3].
  auto text = [](bool include) {
    return std::string(R"(
    func.func @main(%x: tensor<1x1x4xf32>) -> tensor<1x1x4xf32> {
      %y = nn.avg_pool %x {count_include_pad = )") +
           (include ? "true" : "false") + R"(, kernel_shape = array<i64: 3>,
          pads = array<i64: 1, 1>, strides = array<i64: 1>}
          : tensor<1x1x4xf32> -> tensor<1x1x4xf32>
      return %y : tensor<1x1x4xf32>
    })";
  };
  Tensor x = Tensor::floats({1, 1, 4}, {1, 2, 3, 4});
  expectNear(runFloat(text(false), {x}), {1.5f, 2, 3, 3.5f});
  expectNear(runFloat(text(true), {x}), {1, 2, 3, 7.0f / 3});
}

TEST_F(LayerKernelsTest, AvgPoolCeilModeWindowPastThePaddedInput) {
  // x = [1..6], k = 3, s = 2, pads 1,1, ceil_mode: p = 8,
  // ceil((8 - 3) / 2) + 1 = 4 (the last window starts at 5 < 6: kept).
  // Windows {-1,0,1} = 1+2, {1,2,3} = 2+3+4, {3,4,5} = 4+5+6, {5,6,7} = 6.
  // Without count_include_pad: [3/2, 9/3, 15/3, 6/1] = [1.5, 3, 5, 6].
  // With it, positions inside [-1, 7) count: 3, 3, 3 and 2 (position 7 is
  // past the padded input): [1, 3, 5, 3].
  auto text = [](bool include) {
    return std::string(R"(
    func.func @main(%x: tensor<1x1x6xf32>) -> tensor<1x1x4xf32> {
      %y = nn.avg_pool %x {ceil_mode = true, count_include_pad = )") +
           (include ? "true" : "false") + R"(, kernel_shape = array<i64: 3>,
          pads = array<i64: 1, 1>, strides = array<i64: 2>}
          : tensor<1x1x6xf32> -> tensor<1x1x4xf32>
      return %y : tensor<1x1x4xf32>
    })";
  };
  Tensor x = Tensor::floats({1, 1, 6}, {1, 2, 3, 4, 5, 6});
  expectNear(runFloat(text(false), {x}), {1.5f, 3, 5, 6});
  expectNear(runFloat(text(true), {x}), {1, 3, 5, 3});
}

TEST_F(LayerKernelsTest, AvgPool2DStrided) {
  // 4x4 x = 0..15, 2x2 windows, stride 2: means of {0,1,4,5} = 2.5,
  // {2,3,6,7} = 4.5, {8,9,12,13} = 10.5, {10,11,14,15} = 12.5.
  std::string text = R"(
    func.func @main(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
      %y = nn.avg_pool %x {kernel_shape = array<i64: 2, 2>,
          pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>}
          : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
      return %y : tensor<1x1x2x2xf32>
    })";
  std::vector<float> x(16);
  for (int i = 0; i < 16; ++i)
    x[i] = float(i);
  expectNear(runFloat(text, {Tensor::floats({1, 1, 4, 4}, x)}),
             {2.5f, 4.5f, 10.5f, 12.5f});
}

TEST_F(LayerKernelsTest, GlobalPools) {
  // c0 = [1,2,3,4]: mean 2.5, max 4; c1 = [-1,-2,-3,-6]: mean -3, max -1.
  std::string avg = R"(
    func.func @main(%x: tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32> {
      %y = nn.global_avg_pool %x : tensor<1x2x2x2xf32> -> tensor<1x2x1x1xf32>
      return %y : tensor<1x2x1x1xf32>
    })";
  std::string max = R"(
    func.func @main(%x: tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32> {
      %y = nn.global_max_pool %x : tensor<1x2x2x2xf32> -> tensor<1x2x1x1xf32>
      return %y : tensor<1x2x1x1xf32>
    })";
  Tensor x = Tensor::floats({1, 2, 2, 2}, {1, 2, 3, 4, -1, -2, -3, -6});
  expectNear(runFloat(avg, {x}), {2.5f, -3});
  expectNear(runFloat(max, {x}), {4, -1});
  // 1-D, batch 2: [1,2,6] -> 3, [0,0,3] -> 1.
  std::string avg1d = R"(
    func.func @main(%x: tensor<2x1x3xf32>) -> tensor<2x1x1xf32> {
      %y = nn.global_avg_pool %x : tensor<2x1x3xf32> -> tensor<2x1x1xf32>
      return %y : tensor<2x1x1xf32>
    })";
  expectNear(runFloat(avg1d, {Tensor::floats({2, 1, 3}, {1, 2, 6, 0, 0, 3})}),
             {3, 1});
}

//===----------------------------------------------------------------------===//
// nn.batch_norm
//===----------------------------------------------------------------------===//

TEST_F(LayerKernelsTest, BatchNormFloat) {
  // epsilon 0. c0: scale 2, bias 0.5, mean 1, var 4: 2 (x - 1) / 2 + 0.5 on
  // [1, 3] = [0.5, 2.5]. c1: scale 1, bias 0, mean 2, var 0.25:
  // (x - 2) / 0.5 on [0, 4] = [-4, 4].
  std::string text = R"(
    func.func @main(%x: tensor<1x2x2xf32>, %s: tensor<2xf32>, %b: tensor<2xf32>,
                    %m: tensor<2xf32>, %v: tensor<2xf32>) -> tensor<1x2x2xf32> {
      %y = nn.batch_norm %x, %s, %b, %m, %v {epsilon = 0.0 : f32}
          : (tensor<1x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>,
             tensor<2xf32>) -> tensor<1x2x2xf32>
      return %y : tensor<1x2x2xf32>
    })";
  expectNear(runFloat(text, {Tensor::floats({1, 2, 2}, {1, 3, 0, 4}),
                             Tensor::floats({2}, {2, 1}),
                             Tensor::floats({2}, {0.5f, 0}),
                             Tensor::floats({2}, {1, 2}),
                             Tensor::floats({2}, {4, 0.25f})}),
             {0.5f, 2.5f, -4, 4});
}

TEST_F(LayerKernelsTest, BatchNormFixedIsRejected) {
  std::string text = R"(
    func.func @main(%x: tensor<1x2x!nn.fixed<8, 4>>, %s: tensor<2x!nn.fixed<8, 4>>,
                    %b: tensor<2x!nn.fixed<8, 4>>, %m: tensor<2x!nn.fixed<8, 4>>,
                    %v: tensor<2x!nn.fixed<8, 4>>) -> tensor<1x2x!nn.fixed<8, 4>> {
      %y = nn.batch_norm %x, %s, %b, %m, %v
          : (tensor<1x2x!nn.fixed<8, 4>>, tensor<2x!nn.fixed<8, 4>>,
             tensor<2x!nn.fixed<8, 4>>, tensor<2x!nn.fixed<8, 4>>,
             tensor<2x!nn.fixed<8, 4>>) -> tensor<1x2x!nn.fixed<8, 4>>
      return %y : tensor<1x2x!nn.fixed<8, 4>>
    })";
  fx::Format f = fixedFormat(8, 4);
  Tensor c = Tensor::fixed({2}, f, {16, 16});
  EXPECT_TRUE(failed(run(text, {Tensor::fixed({1, 2}, f), c, c, c, c})));
  EXPECT_NE(diagnostics.find("does not evaluate a fixed-point nn.batch_norm"),
            std::string::npos)
      << diagnostics;
}

//===----------------------------------------------------------------------===//
// Fixed point: dense, conv, average pools
//===----------------------------------------------------------------------===//

std::string fixedDense(const std::string &outType, bool withBias) {
  std::string in = "tensor<1x2x!nn.fixed<8, 4>>";
  std::string w = "tensor<2x2x!nn.fixed<8, 2>>";
  std::string b = "tensor<2x!nn.fixed<8, 4>>";
  std::string out = "tensor<1x2x" + outType + ">";
  return "func.func @main(%x: " + in + ", %w: " + w +
         (withBias ? ", %b: " + b : "") + ") -> " + out +
         " {\n  %y = nn.dense %x, %w" + (withBias ? ", %b" : "") + " : (" +
         in + ", " + w + (withBias ? ", " + b : "") + ") -> " + out +
         "\n  return %y : " + out + "\n}";
}

TEST_F(LayerKernelsTest, FixedDenseRoundsTheExactSumOnce) {
  // x: fixed<8,4> (LSB 1/16) raws [8, 24] = [0.5, 1.5].
  // W: fixed<8,2> (LSB 1/64) rows [32, 16] = [0.5, 0.25] and
  // [-32, -16] = [-0.5, -0.25].
  // Exact dots: 0.25 + 0.375 = 0.625 and -0.625.
  // Result fixed<8,6> has LSB 1/4: 0.625 = 2.5 LSB, -0.625 = -2.5 LSB: ties.
  //   RND (ties up):            [3, -2]
  //   RND_CONV (ties to even):  [2, -2]
  //   RND_INF (ties away):      [3, -3]
  //   TRN (floor):              [2, -3]
  fx::Format fx84 = fixedFormat(8, 4), fx82 = fixedFormat(8, 2);
  Tensor x = Tensor::fixed({1, 2}, fx84, {8, 24});
  Tensor w = Tensor::fixed({2, 2}, fx82, {32, 16, -32, -16});
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<8, 6, RND>", false), {x, w}),
            (std::vector<int64_t>{3, -2}));
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<8, 6, RND_CONV>", false), {x, w}),
            (std::vector<int64_t>{2, -2}));
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<8, 6, RND_INF>", false), {x, w}),
            (std::vector<int64_t>{3, -3}));
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<8, 6>", false), {x, w}),
            (std::vector<int64_t>{2, -3}));
  // Bias fixed<8,4> raws [4, -4] = [0.25, -0.25], aligned to the
  // accumulator (LSB 1/1024) before the one cast: 0.875 = 3.5 LSB and
  // -0.875 = -3.5 LSB; RND -> [4, -3]; TRN (floor) -> [3, -4].
  Tensor b = Tensor::fixed({2}, fx84, {4, -4});
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<8, 6, RND>", true), {x, w, b}),
            (std::vector<int64_t>{4, -3}));
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<8, 6>", true), {x, w, b}),
            (std::vector<int64_t>{3, -4}));
}

TEST_F(LayerKernelsTest, FixedDenseSaturatesOrWraps) {
  // x = [1, 1] (raws 16, 16); W rows [1, 1] (raws 64, 64) and
  // [-1.984375, -1] (raws -127, -64): dots 2.0 and -2.984375.
  // fixed<4,2> (LSB 1/4) holds [-2, 1.75] (raws [-8, 7]):
  //   SAT: [7, -8]. WRAP: 2.0 = raw 8 -> 8 - 16 = -8; -2.984375 =
  //   -11.9375 LSB -> floor -12 -> -12 + 16 = 4.
  fx::Format fx84 = fixedFormat(8, 4), fx82 = fixedFormat(8, 2);
  Tensor x = Tensor::fixed({1, 2}, fx84, {16, 16});
  Tensor w = Tensor::fixed({2, 2}, fx82, {64, 64, -127, -64});
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<4, 2, TRN, SAT>", false), {x, w}),
            (std::vector<int64_t>{7, -8}));
  EXPECT_EQ(runFixed(fixedDense("!nn.fixed<4, 2>", false), {x, w}),
            (std::vector<int64_t>{-8, 4}));
}

TEST_F(LayerKernelsTest, FixedDenseTooWideAccumulatorIsDiagnosed) {
  // Products of two 64-bit formats are 128 bits wide; summing two of them
  // needs 129 bits.
  std::string text = R"(
    func.func @main(%x: tensor<1x2x!nn.fixed<64, 32>>,
                    %w: tensor<1x2x!nn.fixed<64, 32>>)
        -> tensor<1x1x!nn.fixed<16, 8>> {
      %y = nn.dense %x, %w : (tensor<1x2x!nn.fixed<64, 32>>,
          tensor<1x2x!nn.fixed<64, 32>>) -> tensor<1x1x!nn.fixed<16, 8>>
      return %y : tensor<1x1x!nn.fixed<16, 8>>
    })";
  fx::Format f = fixedFormat(64, 32);
  EXPECT_TRUE(failed(run(text, {Tensor::fixed({1, 2}, f, {1, 2}),
                                Tensor::fixed({1, 2}, f, {3, 4})})));
  EXPECT_NE(diagnostics.find("needs 129 bits"), std::string::npos)
      << diagnostics;
}

TEST_F(LayerKernelsTest, FixedConvTiesBiasAndSaturation) {
  // 1-D, x: fixed<8,4> raws [16, 8, -8] = [1, 0.5, -0.5]; w: fixed<8,4>
  // raws [8, 8] = [0.5, 0.5]; no pads, stride 1: exact outputs
  //   o0 = 0.5 + 0.25 = 0.75, o1 = 0.25 - 0.25 = 0.
  // Result fixed<8,7> has LSB 1/2: 0.75 = 1.5 LSB (a tie).
  //   RND_INF -> [2, 0]; RND_ZERO -> [1, 0].
  // With bias fixed<8,4> raw -12 = -0.75: [0, -0.75 = -1.5 LSB]
  //   RND_INF -> [0, -2]; RND_ZERO -> [0, -1].
  auto text = [](const std::string &outType, bool withBias) {
    std::string in = "tensor<1x1x3x!nn.fixed<8, 4>>";
    std::string w = "tensor<1x1x2x!nn.fixed<8, 4>>";
    std::string b = "tensor<1x!nn.fixed<8, 4>>";
    std::string out = "tensor<1x1x2x" + outType + ">";
    return "func.func @main(%x: " + in + ", %w: " + w +
           (withBias ? ", %b: " + b : "") + ") -> " + out +
           " {\n  %y = nn.conv %x, %w" + (withBias ? ", %b" : "") +
           " {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = "
           "array<i64: 1>} : (" +
           in + ", " + w + (withBias ? ", " + b : "") + ") -> " + out +
           "\n  return %y : " + out + "\n}";
  };
  fx::Format f = fixedFormat(8, 4);
  Tensor x = Tensor::fixed({1, 1, 3}, f, {16, 8, -8});
  Tensor w = Tensor::fixed({1, 1, 2}, f, {8, 8});
  Tensor b = Tensor::fixed({1}, f, {-12});
  EXPECT_EQ(runFixed(text("!nn.fixed<8, 7, RND_INF>", false), {x, w}),
            (std::vector<int64_t>{2, 0}));
  EXPECT_EQ(runFixed(text("!nn.fixed<8, 7, RND_ZERO>", false), {x, w}),
            (std::vector<int64_t>{1, 0}));
  EXPECT_EQ(runFixed(text("!nn.fixed<8, 7, RND_INF>", true), {x, w, b}),
            (std::vector<int64_t>{0, -2}));
  EXPECT_EQ(runFixed(text("!nn.fixed<8, 7, RND_ZERO>", true), {x, w, b}),
            (std::vector<int64_t>{0, -1}));
  // Saturation: x = [1, 1, 1], w = [1, 1] (raws 16): both outputs are 2.0;
  // fixed<3,1> (LSB 1/4) holds [-1, 0.75]: SAT gives raw 3; SAT_ZERO 0.
  Tensor ones = Tensor::fixed({1, 1, 3}, f, {16, 16, 16});
  Tensor w1 = Tensor::fixed({1, 1, 2}, f, {16, 16});
  EXPECT_EQ(runFixed(text("!nn.fixed<3, 1, TRN, SAT>", false), {ones, w1}),
            (std::vector<int64_t>{3, 3}));
  EXPECT_EQ(runFixed(text("!nn.fixed<3, 1, TRN, SAT_ZERO>", false), {ones, w1}),
            (std::vector<int64_t>{0, 0}));
}

TEST_F(LayerKernelsTest, FixedConv2DPaddedGroupedMatchesHandSums) {
  // Two channels, group 2 (one filter per channel), 2x2 input, 2x2 kernel,
  // pads 1 on the top and left only, stride 1: 2x2 outputs, each the
  // kernel's bottom-right part over the top-left corner of x.
  // fixed<8,4> raws; c0 = [[1,2],[3,4]], c1 = [[-1,-2],[-3,-4]]; filters
  // [[1,2],[3,4]] for both. Raw products are in units of 2^-8; with the
  // result fixed<16,8> (LSB 2^-8) the raw result is the raw sum.
  //   window (0,0): rows -1..0, cols -1..0 -> x(0,0) * w(1,1) = 1*4 = 4
  //   window (0,1): x(0,0) w(1,0) + x(0,1) w(1,1) = 1*3 + 2*4 = 11
  //   window (1,0): x(0,0) w(0,1) + x(1,0) w(1,1) = 1*2 + 3*4 = 14
  //   window (1,1): 1*1 + 2*2 + 3*3 + 4*4 = 30
  // and the negatives for c1.
  std::string text = R"(
    func.func @main(%x: tensor<1x2x2x2x!nn.fixed<8, 4>>,
                    %w: tensor<2x1x2x2x!nn.fixed<8, 4>>)
        -> tensor<1x2x2x2x!nn.fixed<16, 8>> {
      %y = nn.conv %x, %w {dilations = array<i64: 1, 1>, group = 2 : i64,
          pads = array<i64: 1, 1, 0, 0>, strides = array<i64: 1, 1>}
          : (tensor<1x2x2x2x!nn.fixed<8, 4>>, tensor<2x1x2x2x!nn.fixed<8, 4>>)
          -> tensor<1x2x2x2x!nn.fixed<16, 8>>
      return %y : tensor<1x2x2x2x!nn.fixed<16, 8>>
    })";
  fx::Format f = fixedFormat(8, 4);
  EXPECT_EQ(
      runFixed(text, {Tensor::fixed({1, 2, 2, 2}, f,
                                    {1, 2, 3, 4, -1, -2, -3, -4}),
                      Tensor::fixed({2, 1, 2, 2}, f, {1, 2, 3, 4, 1, 2, 3, 4})}),
      (std::vector<int64_t>{4, 11, 14, 30, -4, -11, -14, -30}));
}

std::string fixedAvgPool(int64_t in, int64_t k, int64_t out,
                         const std::string &outType,
                         const std::string &attrs = "pads = array<i64: 0, 0>") {
  std::string inT = "tensor<1x1x" + std::to_string(in) + "x!nn.fixed<8, 4>>";
  std::string outT = "tensor<1x1x" + std::to_string(out) + "x" + outType + ">";
  return "func.func @main(%x: " + inT + ") -> " + outT +
         " {\n  %y = nn.avg_pool %x {kernel_shape = array<i64: " +
         std::to_string(k) + ">, " + attrs + ", strides = array<i64: 1>} : " +
         inT + " -> " + outT + "\n  return %y : " + outT + "\n}";
}

TEST_F(LayerKernelsTest, FixedAvgPoolRoundsTheExactQuotient) {
  fx::Format f = fixedFormat(8, 4); // LSB 1/16; results below also LSB 1/16
  // A tie: raws [1, 2] -> 3/2 = 1.5 LSB. RND_CONV -> 2, RND_ZERO -> 1,
  // TRN -> 1. Negated: -1.5 LSB: RND_CONV -> -2, RND -> -1, TRN -> -2.
  Tensor pos = Tensor::fixed({1, 1, 2}, f, {1, 2});
  Tensor neg = Tensor::fixed({1, 1, 2}, f, {-1, -2});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 1, "!nn.fixed<8, 4, RND_CONV>"), {pos}),
            std::vector<int64_t>{2});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 1, "!nn.fixed<8, 4, RND_ZERO>"), {pos}),
            std::vector<int64_t>{1});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 1, "!nn.fixed<8, 4>"), {pos}),
            std::vector<int64_t>{1});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 1, "!nn.fixed<8, 4, RND_CONV>"), {neg}),
            std::vector<int64_t>{-2});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 1, "!nn.fixed<8, 4, RND>"), {neg}),
            std::vector<int64_t>{-1});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 1, "!nn.fixed<8, 4>"), {neg}),
            std::vector<int64_t>{-2});
  // Just above a tie: raws summing to 11 over 7 -> 11/7 = 1.571 LSB. The
  // first bit below the LSB is 1 and the rest is not zero (the sticky bit):
  // RND_ZERO must round up to 2 (1 if it were taken for a tie).
  Tensor seven = Tensor::fixed({1, 1, 7}, f, {2, 2, 2, 2, 1, 1, 1});
  EXPECT_EQ(runFixed(fixedAvgPool(7, 7, 1, "!nn.fixed<8, 4, RND_ZERO>"), {seven}),
            std::vector<int64_t>{2});
  // 5/3 = 1.667 LSB: RND -> 2, TRN -> 1; into fixed<8,3> (LSB 1/32):
  // 10/3 = 3.333 -> RND 3.
  Tensor three = Tensor::fixed({1, 1, 3}, f, {1, 2, 2});
  EXPECT_EQ(runFixed(fixedAvgPool(3, 3, 1, "!nn.fixed<8, 4, RND>"), {three}),
            std::vector<int64_t>{2});
  EXPECT_EQ(runFixed(fixedAvgPool(3, 3, 1, "!nn.fixed<8, 4>"), {three}),
            std::vector<int64_t>{1});
  EXPECT_EQ(runFixed(fixedAvgPool(3, 3, 1, "!nn.fixed<8, 3, RND>"), {three}),
            std::vector<int64_t>{3});
  // Saturation: raws [127, 127] = 7.9375 into fixed<6,2,TRN,SAT> (max
  // 1.9375 = raw 31) -> 31.
  Tensor big = Tensor::fixed({1, 1, 2}, f, {127, 127});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 1, "!nn.fixed<6, 2, TRN, SAT>"), {big}),
            std::vector<int64_t>{31});
  // count_include_pad: raws [4, 8], k = 2, pads 1,1: windows {-1,0},
  // {0,1}, {1,2}: sums 4, 12, 8; with the pad counted all divide by 2:
  // [2, 6, 4]; without, the edge windows divide by 1: [4, 6, 8].
  Tensor two = Tensor::fixed({1, 1, 2}, f, {4, 8});
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 3, "!nn.fixed<8, 4>",
                                  "count_include_pad = true, pads = "
                                  "array<i64: 1, 1>"),
                     {two}),
            (std::vector<int64_t>{2, 6, 4}));
  EXPECT_EQ(runFixed(fixedAvgPool(2, 2, 3, "!nn.fixed<8, 4>",
                                  "pads = array<i64: 1, 1>"),
                     {two}),
            (std::vector<int64_t>{4, 6, 8}));
}

TEST_F(LayerKernelsTest, FixedGlobalPools) {
  // fixed<8,4> raws c0 = [1, 2, 2, 1] (sum 6, 6/4 = 1.5 LSB: RND_CONV -> 2),
  // c1 = [-3, 5, 0, -1] (sum 1, 1/4 = 0.25 LSB -> 0; max 5).
  // The max pool keeps the values exactly; into fixed<8,5> (LSB 1/8) the
  // maxima 2/16 and 5/16 = 1 and 2.5 LSB -> TRN: 1 and 2.
  std::string avg = R"(
    func.func @main(%x: tensor<1x2x2x2x!nn.fixed<8, 4>>)
        -> tensor<1x2x1x1x!nn.fixed<8, 4, RND_CONV>> {
      %y = nn.global_avg_pool %x : tensor<1x2x2x2x!nn.fixed<8, 4>>
          -> tensor<1x2x1x1x!nn.fixed<8, 4, RND_CONV>>
      return %y : tensor<1x2x1x1x!nn.fixed<8, 4, RND_CONV>>
    })";
  std::string max = R"(
    func.func @main(%x: tensor<1x2x2x2x!nn.fixed<8, 4>>)
        -> tensor<1x2x1x1x!nn.fixed<8, 5>> {
      %y = nn.global_max_pool %x : tensor<1x2x2x2x!nn.fixed<8, 4>>
          -> tensor<1x2x1x1x!nn.fixed<8, 5>>
      return %y : tensor<1x2x1x1x!nn.fixed<8, 5>>
    })";
  Tensor x = Tensor::fixed({1, 2, 2, 2}, fixedFormat(8, 4),
                           {1, 2, 2, 1, -3, 5, 0, -1});
  EXPECT_EQ(runFixed(avg, {x}), (std::vector<int64_t>{2, 0}));
  EXPECT_EQ(runFixed(max, {x}), (std::vector<int64_t>{1, 2}));
}

TEST_F(LayerKernelsTest, FixedMaxPoolIsExact) {
  // fixed<8,4> raws [-5, -7, 3, 3, -128], k = 2, s = 2, ceil_mode:
  // windows {-5,-7}, {3,3}, {-128} -> [-5, 3, -128] (same format).
  std::string text = R"(
    func.func @main(%x: tensor<1x1x5x!nn.fixed<8, 4>>)
        -> tensor<1x1x3x!nn.fixed<8, 4>> {
      %y = nn.max_pool %x {ceil_mode = true, dilations = array<i64: 1>,
          kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>,
          strides = array<i64: 2>}
          : tensor<1x1x5x!nn.fixed<8, 4>> -> tensor<1x1x3x!nn.fixed<8, 4>>
      return %y : tensor<1x1x3x!nn.fixed<8, 4>>
    })";
  EXPECT_EQ(runFixed(text, {Tensor::fixed({1, 1, 5}, fixedFormat(8, 4),
                                          {-5, -7, 3, 3, -128})}),
            (std::vector<int64_t>{-5, 3, -128}));
}

} // namespace

//===----------------------------------------------------------------------===//
// Fixed point: accumulator types (nn.accum_type)
//===----------------------------------------------------------------------===//

/// A dense [1, K] x [M, K] with the given formats and attributes.
std::string accumDense(int64_t k, const std::string &xType,
                       const std::string &wType, const std::string &outType,
                       const std::string &attrs, const std::string &bType = "") {
  std::string kk = std::to_string(k);
  std::string in = "tensor<1x" + kk + "x" + xType + ">";
  std::string w = "tensor<1x" + kk + "x" + wType + ">";
  std::string b = "tensor<1x" + bType + ">";
  std::string out = "tensor<1x1x" + outType + ">";
  bool bias = !bType.empty();
  return "func.func @main(%x: " + in + ", %w: " + w +
         (bias ? ", %b: " + b : "") + ") -> " + out +
         " {\n  %y = nn.dense %x, %w" + (bias ? ", %b" : "") + " " + attrs +
         " : (" + in + ", " + w + (bias ? ", " + b : "") + ") -> " + out +
         "\n  return %y : " + out + "\n}";
}

TEST_F(LayerKernelsTest, AccumulatorWrapsAfterEveryAddition) {
  // x = [4, 4] (fixed<8,4> raws 64), w = [1, 1] (raws 16): products 4.0.
  // A = fixed<8,4> holds [-8, 8): acc = 4, then 4 + 4 = 8 wraps to -8
  // (raw 128 -> -128). R = fixed<16,8> (LSB 1/256): -8 -> raw -2048. The
  // exact sum cast once (the fast path) would give +8 = 2048.
  fx::Format f84 = fixedFormat(8, 4);
  Tensor x = Tensor::fixed({1, 2}, f84, {64, 64});
  Tensor w = Tensor::fixed({1, 2}, f84, {16, 16});
  EXPECT_EQ(runFixed(accumDense(2, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>",
                                "!nn.fixed<16, 8>",
                                "{nn.accum_type = !nn.fixed<8, 4>}"),
                     {x, w}),
            (std::vector<int64_t>{-2048}));
  // Without the attribute: the exact sum, 8.0.
  EXPECT_EQ(runFixed(accumDense(2, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>",
                                "!nn.fixed<16, 8>", ""),
                     {x, w}),
            (std::vector<int64_t>{2048}));
}

TEST_F(LayerKernelsTest, FixedDenseAlignsAFinerBiasToItsOwnBinaryPoint) {
  // x = [0.5, 1.5] (fixed<8,4> raws [8, 24]); w rows [0.5, 0.25] and
  // [-0.5, -0.25] (fixed<8,6>, LSB 1/4: raws [2, 1] and [-2, -1]): exact
  // dots 0.625 and -0.625 with 6 fraction bits. The bias fixed<16,2> has
  // 14 (raw 2 = 2^-13), more than the products: the sums 0.625 + 2^-13 =
  // 10242 / 2^14 and -0.625 + 2^-13 = -10238 / 2^14 go to fixed<8,6,
  // RND_ZERO> (LSB 1/4, ties toward zero): 2.5005 LSB -> 3 and
  // -2.4995 LSB -> -2. Without the bias the ties give 2 and -2.
  fx::Format f84 = fixedFormat(8, 4), f86 = fixedFormat(8, 6);
  fx::Format f162 = fixedFormat(16, 2);
  Tensor x = Tensor::fixed({1, 2}, f84, {8, 24});
  Tensor b = Tensor::fixed({1}, f162, {2});
  std::string withBias =
      accumDense(2, "!nn.fixed<8, 4>", "!nn.fixed<8, 6>",
                 "!nn.fixed<8, 6, RND_ZERO>", "", "!nn.fixed<16, 2>");
  std::string noBias = accumDense(2, "!nn.fixed<8, 4>", "!nn.fixed<8, 6>",
                                  "!nn.fixed<8, 6, RND_ZERO>", "");
  Tensor up = Tensor::fixed({1, 2}, f86, {2, 1});
  Tensor down = Tensor::fixed({1, 2}, f86, {-2, -1});
  EXPECT_EQ(runFixed(withBias, {x, up, b}), (std::vector<int64_t>{3}));
  EXPECT_EQ(runFixed(withBias, {x, down, b}), (std::vector<int64_t>{-2}));
  EXPECT_EQ(runFixed(noBias, {x, up}), (std::vector<int64_t>{2}));
  EXPECT_EQ(runFixed(noBias, {x, down}), (std::vector<int64_t>{-2}));
}

TEST_F(LayerKernelsTest, AccumulatorSaturatesAfterEveryAddition) {
  // x = [6, 6, -6] (raws 96, 96, -96), w = [1, 1, 1] (raws 16).
  // A = fixed<8,4,TRN,SAT> holds [-8, 7.9375]: acc = 6, 6 + 6 = 12
  // saturates to 7.9375 (raw 127), 7.9375 - 6 = 1.9375 (raw 31).
  // R = fixed<16,8>: 1.9375 * 256 = 496. Saturating once at the end would
  // give the exact sum 6 (1536); the order k = 0..K-1 matters: [-6, 6, 6]
  // would give 6 as well.
  fx::Format f84 = fixedFormat(8, 4);
  Tensor w = Tensor::fixed({1, 3}, f84, {16, 16, 16});
  std::string text =
      accumDense(3, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>", "!nn.fixed<16, 8>",
                 "{nn.accum_type = !nn.fixed<8, 4, TRN, SAT>}");
  EXPECT_EQ(runFixed(text, {Tensor::fixed({1, 3}, f84, {96, 96, -96}), w}),
            (std::vector<int64_t>{496}));
  EXPECT_EQ(runFixed(text, {Tensor::fixed({1, 3}, f84, {-96, 96, 96}), w}),
            (std::vector<int64_t>{1536}));
}

TEST_F(LayerKernelsTest, AccumulatorTruncatesEachProduct) {
  // x fixed<8,4> (LSB 2^-4), w fixed<8,2> (LSB 2^-6): products have LSB
  // 2^-10. A = fixed<16,8> has LSB 2^-8, so each product is truncated
  // (floor) to it. x = [3, 3] raws, w = [1, 1] raws: products 3 * 2^-10
  // -> floor(3/4) = 0 each: acc 0 -> R = fixed<16,6> (LSB 2^-10) raw 0;
  // the exact sum is 6 * 2^-10 (raw 6).
  // x = [-3, -3]: products -3 * 2^-10 -> floor(-3/4) = -1 (-2^-8) each:
  // acc -2 * 2^-8 = -8 * 2^-10 -> raw -8; the exact sum gives -6.
  fx::Format f84 = fixedFormat(8, 4), f82 = fixedFormat(8, 2);
  Tensor w = Tensor::fixed({1, 2}, f82, {1, 1});
  std::string attrs = "{nn.accum_type = !nn.fixed<16, 8>}";
  std::string text = accumDense(2, "!nn.fixed<8, 4>", "!nn.fixed<8, 2>",
                                "!nn.fixed<16, 6>", attrs);
  EXPECT_EQ(runFixed(text, {Tensor::fixed({1, 2}, f84, {3, 3}), w}),
            (std::vector<int64_t>{0}));
  EXPECT_EQ(runFixed(text, {Tensor::fixed({1, 2}, f84, {-3, -3}), w}),
            (std::vector<int64_t>{-8}));
  std::string exact = accumDense(2, "!nn.fixed<8, 4>", "!nn.fixed<8, 2>",
                                 "!nn.fixed<16, 6>", "");
  EXPECT_EQ(runFixed(exact, {Tensor::fixed({1, 2}, f84, {-3, -3}), w}),
            (std::vector<int64_t>{-6}));
}

TEST_F(LayerKernelsTest, AccumulatorStartsAtTheCastBias) {
  // Bias 0.3125 (fixed<8,4> raw 5) cast into A = fixed<8,6> (LSB 1/4):
  // floor(1.25) = 1 -> 0.25. x = [0.5] (raw 8), w = [0.5] (raw 8):
  // product 0.25 (exact in A): acc 0.5 -> R = fixed<8,4> raw 8. The exact
  // path gives 0.5625 -> raw 9.
  fx::Format f84 = fixedFormat(8, 4);
  Tensor x = Tensor::fixed({1, 1}, f84, {8});
  Tensor w = Tensor::fixed({1, 1}, f84, {8});
  Tensor b = Tensor::fixed({1}, f84, {5});
  EXPECT_EQ(runFixed(accumDense(1, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>",
                                "!nn.fixed<8, 4>",
                                "{nn.accum_type = !nn.fixed<8, 6>}",
                                "!nn.fixed<8, 4>"),
                     {x, w, b}),
            (std::vector<int64_t>{8}));
  EXPECT_EQ(runFixed(accumDense(1, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>",
                                "!nn.fixed<8, 4>", "", "!nn.fixed<8, 4>"),
                     {x, w, b}),
            (std::vector<int64_t>{9}));
}

TEST_F(LayerKernelsTest, LosslessAccumulatorIsTheExactSum) {
  // Products of fixed<8,4> x fixed<8,4> are fixed<16,8>; 3 of them need
  // fixed<18,10>. A = fixed<18,10, TRN, SAT> is lossless: same result as
  // without the attribute, even where a narrower A would saturate.
  // x = [7.9375, 7.9375, -8] (raws 127, 127, -128), w = [7.9375, 7.9375,
  // -8]: 63.00390625 * 2 + 64 = 190.0078125 -> R = fixed<24,12> (LSB
  // 2^-12): raw 778272.
  fx::Format f84 = fixedFormat(8, 4);
  Tensor x = Tensor::fixed({1, 3}, f84, {127, 127, -128});
  Tensor w = Tensor::fixed({1, 3}, f84, {127, 127, -128});
  EXPECT_EQ(runFixed(accumDense(3, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>",
                                "!nn.fixed<24, 12>",
                                "{nn.accum_type = !nn.fixed<18, 10, TRN, SAT>}"),
                     {x, w}),
            (std::vector<int64_t>{778272}));
  // A lossy A = fixed<14,7,TRN,SAT> (LSB 2^-7, [-64, 63.9921875]): each
  // product 63.00390625 truncates to 63.0 (raw 8064); 63 + 63 saturates to
  // raw 8191; the product 64.0 saturates to 8191; 8191 + 8191 saturates:
  // 63.9921875 -> R raw 63.9921875 * 4096 = 262112.
  EXPECT_EQ(runFixed(accumDense(3, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>",
                                "!nn.fixed<24, 12>",
                                "{nn.accum_type = !nn.fixed<14, 7, TRN, SAT>}"),
                     {x, w}),
            (std::vector<int64_t>{262112}));
}

TEST_F(LayerKernelsTest, ConvAccumulatesChannelThenRowThenColumn) {
  // Input [1, 2, 1, 2] (C = 2, W = 2), weight [1, 2, 1, 2] (a 1x2 kernel),
  // one output. Products in the defined order (c0,j0), (c0,j1), (c1,j0),
  // (c1,j1): 6, 6, -6, -6 (x = [[3, 3], [-3, -3]] raws 48/-48, w = 2 raws
  // 32). A = fixed<8,4,TRN,SAT> ([-8, 7.9375]): 6, 7.9375 (saturated),
  // 1.9375, -4.0625 -> R = fixed<16,8>: -4.0625 * 256 = -1040. A column-first
  // order (6, 0, 6, 0) or the exact sum would give 0.
  fx::Format f84 = fixedFormat(8, 4);
  std::string in = "tensor<1x2x1x2x!nn.fixed<8, 4>>";
  std::string out = "tensor<1x1x1x1x!nn.fixed<16, 8>>";
  std::string text =
      "func.func @main(%x: " + in + ", %w: " + in + ") -> " + out +
      " {\n  %y = nn.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : "
      "i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>, "
      "nn.accum_type = !nn.fixed<8, 4, TRN, SAT>} : (" +
      in + ", " + in + ") -> " + out + "\n  return %y : " + out + "\n}";
  Tensor x = Tensor::fixed({1, 2, 1, 2}, f84, {48, 48, -48, -48});
  Tensor w = Tensor::fixed({1, 2, 1, 2}, f84, {32, 32, 32, 32});
  EXPECT_EQ(runFixed(text, {x, w}), (std::vector<int64_t>{-1040}));
}

TEST_F(LayerKernelsTest, WideLossyAccumulatorIsDiagnosed) {
  // A 100-bit accumulator with fewer fraction bits than the products: the
  // per-step casts would need formats of more than 64 bits.
  fx::Format f84 = fixedFormat(8, 4);
  Tensor x = Tensor::fixed({1, 1}, f84, {1});
  EXPECT_TRUE(failed(run(accumDense(1, "!nn.fixed<8, 4>", "!nn.fixed<8, 4>",
                                    "!nn.fixed<8, 4>",
                                    "{nn.accum_type = !nn.fixed<100, 96>}"),
                         {x, x})));
  EXPECT_NE(diagnostics.find("the accumulator type ap_fixed<100,96> "
                             "(nn.accum_type) loses bits for 1 products of "
                             "ap_fixed<8,4> and ap_fixed<8,4>"),
            std::string::npos)
      << diagnostics;
}
