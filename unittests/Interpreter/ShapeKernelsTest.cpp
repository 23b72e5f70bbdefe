//===- ShapeKernelsTest.cpp - data movement and reduce_mean ---------------===//
//
// Expected values are written out by hand from the ops' index rules.
// Fixed-point raws: raw k of a format with F fraction bits means k * 2^-F.
//
//===----------------------------------------------------------------------===//

#include "KernelTestUtil.h"

using namespace nn;
using namespace nn::interp;
using namespace nn::interp::test;

namespace {

void expectFloats(const Tensor &t, const std::vector<int64_t> &shape,
                  const std::vector<float> &expected) {
  ASSERT_FALSE(t.isFixed());
  EXPECT_EQ(t.shape(), shape);
  EXPECT_EQ(t.f32(), expected);
}

void expectRaws(const Tensor &t, const std::vector<int64_t> &shape,
                const std::vector<int64_t> &expected) {
  ASSERT_TRUE(t.isFixed());
  EXPECT_EQ(t.shape(), shape);
  EXPECT_EQ(t.raw(), expected);
}

using ShapeKernelsTest = KernelTest;

TEST_F(ShapeKernelsTest, ConcatAlongInnerAxis) {
  // [[1], [2]] ++ [[3, 4], [5, 6]] along axis 1 (also spelled -1).
  std::vector<Tensor> inputs = {Tensor::floats({2, 1}, {1, 2}),
                                Tensor::floats({2, 2}, {3, 4, 5, 6})};
  for (const char *axis : {"1", "-1"}) {
    Tensor y = run(binaryFunc("nn.concat",
                              std::string("{axis = ") + axis + " : i64}",
                              "tensor<2x1xf32>", "tensor<2x2xf32>",
                              "tensor<2x3xf32>"),
                   inputs);
    expectFloats(y, {2, 3}, {1, 3, 4, 2, 5, 6});
  }
}

TEST_F(ShapeKernelsTest, ConcatThreeFixedInputsAlongAxis0) {
  std::string source =
      "func.func @main(%a: tensor<1x2x!nn.fixed<8, 4>>, "
      "%b: tensor<2x2x!nn.fixed<8, 4>>, %c: tensor<1x2x!nn.fixed<8, 4>>) -> "
      "tensor<4x2x!nn.fixed<8, 4>> {\n"
      "  %y = nn.concat %a, %b, %c {axis = 0 : i64} : "
      "(tensor<1x2x!nn.fixed<8, 4>>, tensor<2x2x!nn.fixed<8, 4>>, "
      "tensor<1x2x!nn.fixed<8, 4>>) -> tensor<4x2x!nn.fixed<8, 4>>\n"
      "  return %y : tensor<4x2x!nn.fixed<8, 4>>\n}\n";
  fx::Format f = fixedFormat(8, 4);
  Tensor y = run(source, {Tensor::fixed({1, 2}, f, {1, -2}),
                          Tensor::fixed({2, 2}, f, {3, 4, 5, 6}),
                          Tensor::fixed({1, 2}, f, {-7, 8})});
  expectRaws(y, {4, 2}, {1, -2, 3, 4, 5, 6, -7, 8});
}

TEST_F(ShapeKernelsTest, ReshapeAndFlattenKeepRowMajorOrder) {
  Tensor x = Tensor::floats({2, 3}, {1, 2, 3, 4, 5, 6});
  expectFloats(run(unaryFunc("nn.reshape", "", "tensor<2x3xf32>",
                             "tensor<3x2xf32>"),
                   {x}),
               {3, 2}, {1, 2, 3, 4, 5, 6});
  // axis 0 -> [1, 6]; axis 2 = rank -> [6, 1]; axis -1 -> [2, 3].
  expectFloats(run(unaryFunc("nn.flatten", "{axis = 0 : i64}",
                             "tensor<2x3xf32>", "tensor<1x6xf32>"),
                   {x}),
               {1, 6}, {1, 2, 3, 4, 5, 6});
  expectFloats(run(unaryFunc("nn.flatten", "{axis = 2 : i64}",
                             "tensor<2x3xf32>", "tensor<6x1xf32>"),
                   {x}),
               {6, 1}, {1, 2, 3, 4, 5, 6});
  Tensor f = Tensor::fixed({2, 1, 2}, fixedFormat(8, 4), {9, -9, 7, -7});
  expectRaws(run(unaryFunc("nn.flatten", "", "tensor<2x1x2x!nn.fixed<8, 4>>",
                           "tensor<2x2x!nn.fixed<8, 4>>"),
                 {f}),
             {2, 2}, {9, -9, 7, -7});
}

TEST_F(ShapeKernelsTest, Transpose) {
  // [[1, 2, 3], [4, 5, 6]]^T.
  Tensor y = run(unaryFunc("nn.transpose", "{perm = array<i64: 1, 0>}",
                           "tensor<2x3xf32>", "tensor<3x2xf32>"),
                 {Tensor::floats({2, 3}, {1, 2, 3, 4, 5, 6})});
  expectFloats(y, {3, 2}, {1, 4, 2, 5, 3, 6});
  // x[i][j][k] = 100 i + 10 j + k of shape 2x3x2, perm [2, 0, 1]:
  // y[k][i][j] = x[i][j][k], shape 2x2x3.
  std::vector<float> x;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 2; ++k)
        x.push_back(100 * i + 10 * j + k);
  y = run(unaryFunc("nn.transpose", "{perm = array<i64: 2, 0, 1>}",
                    "tensor<2x3x2xf32>", "tensor<2x2x3xf32>"),
          {Tensor::floats({2, 3, 2}, x)});
  expectFloats(y, {2, 2, 3},
               {0, 10, 20, 100, 110, 120, 1, 11, 21, 101, 111, 121});
}

TEST_F(ShapeKernelsTest, PadWithAValue) {
  // [[1, 2], [3, 4]], pads begins [1, 0], ends [0, 1], value 9:
  // a row of 9s on top, a column of 9s on the right.
  Tensor y = run(unaryFunc("nn.pad",
                           "{pads = array<i64: 1, 0, 0, 1>, value = "
                           "9.000000e+00 : f32}",
                           "tensor<2x2xf32>", "tensor<3x3xf32>"),
                 {Tensor::floats({2, 2}, {1, 2, 3, 4})});
  expectFloats(y, {3, 3}, {9, 9, 9, 1, 2, 9, 3, 4, 9});
}

TEST_F(ShapeKernelsTest, NegativePadsCrop) {
  // x = [[0, 1, 2], [3, 4, 5], [6, 7, 8]], begins [-1, 1], ends [0, -1]:
  // rows 1..2 of x; columns: a pad column, then x's columns 0..1.
  Tensor y = run(unaryFunc("nn.pad", "{pads = array<i64: -1, 1, 0, -1>}",
                           "tensor<3x3xf32>", "tensor<2x3xf32>"),
                 {Tensor::floats({3, 3}, {0, 1, 2, 3, 4, 5, 6, 7, 8})});
  expectFloats(y, {2, 3}, {0, 3, 4, 0, 6, 7});
  // Crop only: begins [0, -2], ends [-2, 0] keep x[0][2].
  y = run(unaryFunc("nn.pad", "{pads = array<i64: 0, -2, -2, 0>}",
                    "tensor<3x3xf32>", "tensor<1x1xf32>"),
          {Tensor::floats({3, 3}, {0, 1, 2, 3, 4, 5, 6, 7, 8})});
  expectFloats(y, {1, 1}, {2});
}

TEST_F(ShapeKernelsTest, FixedPadValueIsExact) {
  // value -0.5 in fixed<8, 4> (F = 4) is raw -8.
  Tensor y = run(unaryFunc("nn.pad",
                           "{pads = array<i64: 1, 1>, value = -5.000000e-01 "
                           ": f32}",
                           "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<4x!nn.fixed<8, 4>>"),
                 {Tensor::fixed({2}, fixedFormat(8, 4), {5, -6})});
  expectRaws(y, {4}, {-8, 5, -6, -8});
}

TEST_F(ShapeKernelsTest, ResizeRepeatsByIntegerScales) {
  // out[i][j] = in[i / 1][j / 2].
  Tensor y = run(unaryFunc("nn.resize", "{scales = array<i64: 1, 2>}",
                           "tensor<2x2xf32>", "tensor<2x4xf32>"),
                 {Tensor::floats({2, 2}, {1, 2, 3, 4})});
  expectFloats(y, {2, 4}, {1, 1, 2, 2, 3, 3, 4, 4});
  // Scale 3 on rows: out rows 0, 1, 2 read row 0; 3, 4, 5 read row 1.
  // Scale 2 on columns of a fixed-point tensor.
  y = run(unaryFunc("nn.resize", "{scales = array<i64: 3, 2>}",
                    "tensor<2x1x!nn.fixed<8, 4>>",
                    "tensor<6x2x!nn.fixed<8, 4>>"),
          {Tensor::fixed({2, 1}, fixedFormat(8, 4), {5, -7})});
  expectRaws(y, {6, 2}, {5, 5, 5, 5, 5, 5, -7, -7, -7, -7, -7, -7});
}

TEST_F(ShapeKernelsTest, ReduceMeanAxesAndKeepdims) {
  // x = [[1, 2, 3], [4, 5, 6]].
  Tensor x = Tensor::floats({2, 3}, {1, 2, 3, 4, 5, 6});
  // Rows: (1 + 2 + 3) / 3 = 2, (4 + 5 + 6) / 3 = 5, kept as 2x1.
  expectFloats(run(unaryFunc("nn.reduce_mean", "{axes = array<i64: 1>}",
                             "tensor<2x3xf32>", "tensor<2x1xf32>"),
                   {x}),
               {2, 1}, {2, 5});
  // Columns via axis -2, dropped: 2.5, 3.5, 4.5.
  expectFloats(run(unaryFunc("nn.reduce_mean",
                             "{axes = array<i64: -2>, keepdims = false}",
                             "tensor<2x3xf32>", "tensor<3xf32>"),
                   {x}),
               {3}, {2.5f, 3.5f, 4.5f});
  // Empty axes: everything, 21 / 6 = 3.5; kept as 1x1 or dropped to rank 0.
  expectFloats(run(unaryFunc("nn.reduce_mean", "", "tensor<2x3xf32>",
                             "tensor<1x1xf32>"),
                   {x}),
               {1, 1}, {3.5f});
  expectFloats(run(unaryFunc("nn.reduce_mean", "{keepdims = false}",
                             "tensor<2x3xf32>", "tensor<f32>"),
                   {x}),
               {}, {3.5f});
}

TEST_F(ShapeKernelsTest, ReduceMeanOverOuterAndInnerAxes) {
  // x[i][j][k] = 100 i + 10 j + k, shape 2x2x2, axes [0, 2]:
  // mean over i, k for j = 0: (0 + 1 + 100 + 101) / 4 = 50.5; j = 1: 60.5.
  std::vector<float> x = {0, 1, 10, 11, 100, 101, 110, 111};
  Tensor y = run(unaryFunc("nn.reduce_mean", "{axes = array<i64: 0, 2>}",
                           "tensor<2x2x2xf32>", "tensor<1x2x1xf32>"),
                 {Tensor::floats({2, 2, 2}, x)});
  expectFloats(y, {1, 2, 1}, {50.5f, 60.5f});
}

TEST_F(ShapeKernelsTest, FixedReduceMeanRoundsTheExactMean) {
  // fixed<8, 4> rows [1, 2] and [16, 16, 0] (raws).
  // (1 + 2) / 2 = 1.5 raws (a tie) -> fixed<8, 4>: TRN 1, RND 2.
  Tensor y = run(unaryFunc("nn.reduce_mean", "{keepdims = false}",
                           "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<!nn.fixed<8, 4, RND>>"),
                 {Tensor::fixed({2}, fixedFormat(8, 4), {1, 2})});
  expectRaws(y, {}, {2});
  y = run(unaryFunc("nn.reduce_mean", "{keepdims = false}",
                    "tensor<2x!nn.fixed<8, 4>>", "tensor<!nn.fixed<8, 4>>"),
          {Tensor::fixed({2}, fixedFormat(8, 4), {1, 2})});
  expectRaws(y, {}, {1});
  // (1 + 1 + 0) / 3 = 2/3, into fixed<16, 4> (F = 12): 2730.67:
  // TRN 2730, RND 2731.
  Tensor x = Tensor::fixed({3}, fixedFormat(8, 4), {16, 16, 0});
  expectRaws(run(unaryFunc("nn.reduce_mean", "", "tensor<3x!nn.fixed<8, 4>>",
                           "tensor<1x!nn.fixed<16, 4>>"),
                 {x}),
             {1}, {2730});
  expectRaws(run(unaryFunc("nn.reduce_mean", "", "tensor<3x!nn.fixed<8, 4>>",
                           "tensor<1x!nn.fixed<16, 4, RND>>"),
                 {x}),
             {1}, {2731});
  // The mean of 7 and 7.5 (raws 112, 120) is 7.25, which fixed<8, 2, TRN,
  // SAT> (max 127/64) saturates: 127; the sum alone (14.5) would overflow
  // fixed<8, 4> but is kept exactly.
  expectRaws(run(unaryFunc("nn.reduce_mean", "", "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<1x!nn.fixed<8, 2, TRN, SAT>>"),
                 {Tensor::fixed({2}, fixedFormat(8, 4), {112, 120})}),
             {1}, {127});
  expectRaws(run(unaryFunc("nn.reduce_mean", "", "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<1x!nn.fixed<8, 4>>"),
                 {Tensor::fixed({2}, fixedFormat(8, 4), {112, 120})}),
             {1}, {116});
}

} // namespace
