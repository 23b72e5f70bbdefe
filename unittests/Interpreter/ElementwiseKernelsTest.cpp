//===- ElementwiseKernelsTest.cpp - activations and binary ops ------------===//
//
// Expected values are computed by hand (the arithmetic is in the comments).
// Fixed-point raws: raw k of a format with F fraction bits means k * 2^-F.
//
//===----------------------------------------------------------------------===//

#include "KernelTestUtil.h"

#include <cmath>
#include <limits>

using namespace nn;
using namespace nn::interp;
using namespace nn::interp::test;

namespace {

const float kNaN = std::numeric_limits<float>::quiet_NaN();
const float kInf = std::numeric_limits<float>::infinity();

/// Checks shape and values (NaN must match NaN; others within 4 ulps).
void expectFloats(const Tensor &t, const std::vector<int64_t> &shape,
                  const std::vector<float> &expected) {
  ASSERT_FALSE(t.isFixed());
  EXPECT_EQ(t.shape(), shape);
  ASSERT_EQ(t.f32().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    if (std::isnan(expected[i]))
      EXPECT_TRUE(std::isnan(t.f32()[i])) << "element " << i;
    else if (std::isinf(expected[i]))
      EXPECT_EQ(t.f32()[i], expected[i]) << "element " << i;
    else
      EXPECT_FLOAT_EQ(t.f32()[i], expected[i]) << "element " << i;
  }
}

void expectRaws(const Tensor &t, const std::vector<int64_t> &shape,
                const std::vector<int64_t> &expected) {
  ASSERT_TRUE(t.isFixed());
  EXPECT_EQ(t.shape(), shape);
  EXPECT_EQ(t.raw(), expected);
}

using ElementwiseKernelsTest = KernelTest;

//===----------------------------------------------------------------------===//
// Float activations
//===----------------------------------------------------------------------===//

TEST_F(ElementwiseKernelsTest, ReluKeepsNaN) {
  Tensor y = run(unaryFunc("nn.relu", "", "tensor<4xf32>", "tensor<4xf32>"),
                 {Tensor::floats({4}, {-1.5f, 0.0f, 2.25f, kNaN})});
  expectFloats(y, {4}, {0.0f, 0.0f, 2.25f, kNaN});
}

TEST_F(ElementwiseKernelsTest, LeakyRelu) {
  // x >= 0 ? x : 0.25 * x.
  Tensor y = run(unaryFunc("nn.leaky_relu", "{alpha = 2.500000e-01 : f32}",
                           "tensor<3xf32>", "tensor<3xf32>"),
                 {Tensor::floats({3}, {-2.0f, 0.0f, 3.0f})});
  expectFloats(y, {3}, {-0.5f, 0.0f, 3.0f});
  // The default alpha 0.01: -100 -> -1.
  y = run(unaryFunc("nn.leaky_relu", "", "tensor<1xf32>", "tensor<1xf32>"),
          {Tensor::floats({1}, {-100.0f})});
  expectFloats(y, {1}, {-1.0f});
}

TEST_F(ElementwiseKernelsTest, Elu) {
  // alpha = 0.5: x = -1 -> 0.5 * (e^-1 - 1) = 0.5 * -0.63212056 = -0.31606028.
  Tensor y = run(unaryFunc("nn.elu", "{alpha = 5.000000e-01 : f32}",
                           "tensor<3xf32>", "tensor<3xf32>"),
                 {Tensor::floats({3}, {-1.0f, 0.0f, 2.0f})});
  expectFloats(y, {3}, {-0.31606028f, 0.0f, 2.0f});
}

TEST_F(ElementwiseKernelsTest, SeluDefaults) {
  // gamma = 1.05070102, alpha = 1.67326319:
  // x = 1 -> 1.05070102; x = -1 -> gamma * alpha * (e^-1 - 1)
  //   = 1.75809934 * -0.63212056 = -1.11133071.
  Tensor y = run(unaryFunc("nn.selu", "", "tensor<3xf32>", "tensor<3xf32>"),
                 {Tensor::floats({3}, {1.0f, -1.0f, 0.0f})});
  expectFloats(y, {3}, {1.05070102f, -1.11133071f, 0.0f});
}

TEST_F(ElementwiseKernelsTest, ThresholdedReluIsStrict) {
  // alpha = 1 (default): 1 is not > 1.
  Tensor y = run(
      unaryFunc("nn.thresholded_relu", "", "tensor<3xf32>", "tensor<3xf32>"),
      {Tensor::floats({3}, {1.0f, 1.5f, -3.0f})});
  expectFloats(y, {3}, {0.0f, 1.5f, 0.0f});
}

TEST_F(ElementwiseKernelsTest, PReluSlopeBroadcastsPerChannel) {
  // input 1x2x2, slope 2x1: channel 0 slope 0.5, channel 1 slope 0.25.
  // [[-4, 4], [-8, 1]] -> [[-2, 4], [-2, 1]].
  Tensor y = run(binaryFunc("nn.prelu", "", "tensor<1x2x2xf32>",
                            "tensor<2x1xf32>", "tensor<1x2x2xf32>"),
                 {Tensor::floats({1, 2, 2}, {-4, 4, -8, 1}),
                  Tensor::floats({2, 1}, {0.5f, 0.25f})});
  expectFloats(y, {1, 2, 2}, {-2, 4, -2, 1});
  // One shared slope [1]: 3 * -2 = -6.
  y = run(binaryFunc("nn.prelu", "", "tensor<2xf32>", "tensor<1xf32>",
                     "tensor<2xf32>"),
          {Tensor::floats({2}, {-2, 5}), Tensor::floats({1}, {3})});
  expectFloats(y, {2}, {-6, 5});
}

TEST_F(ElementwiseKernelsTest, ClipWithOneBound) {
  Tensor y = run(unaryFunc("nn.clip", "{min = 0.000000e+00 : f32}",
                           "tensor<3xf32>", "tensor<3xf32>"),
                 {Tensor::floats({3}, {-1.0f, 5.0f, kNaN})});
  expectFloats(y, {3}, {0.0f, 5.0f, kNaN});
  y = run(unaryFunc("nn.clip", "{max = 6.000000e+00 : f32}", "tensor<2xf32>",
                    "tensor<2xf32>"),
          {Tensor::floats({2}, {7.0f, -7.0f})});
  expectFloats(y, {2}, {6.0f, -7.0f});
  // min > max: every element becomes max.
  y = run(unaryFunc("nn.clip",
                    "{max = 1.000000e+00 : f32, min = 2.000000e+00 : f32}",
                    "tensor<3xf32>", "tensor<3xf32>"),
          {Tensor::floats({3}, {0.0f, 1.5f, 9.0f})});
  expectFloats(y, {3}, {1.0f, 1.0f, 1.0f});
}

TEST_F(ElementwiseKernelsTest, Sigmoid) {
  // 1 / (1 + e^-2) = 1 / 1.13533528 = 0.88079708; e^-100 / (1 + e^-100)
  // = 3.72007598e-44 (a float subnormal).
  Tensor y =
      run(unaryFunc("nn.sigmoid", "", "tensor<3xf32>", "tensor<3xf32>"),
          {Tensor::floats({3}, {0.0f, 2.0f, -100.0f})});
  expectFloats(y, {3}, {0.5f, 0.88079708f, 3.72007598e-44f});
}

TEST_F(ElementwiseKernelsTest, HardSigmoid) {
  // alpha 0.2, beta 0.5: -5 -> -0.5 -> 0; 1 -> 0.7; 3 -> 1.1 -> 1.
  Tensor y =
      run(unaryFunc("nn.hard_sigmoid", "", "tensor<3xf32>", "tensor<3xf32>"),
          {Tensor::floats({3}, {-5.0f, 1.0f, 3.0f})});
  expectFloats(y, {3}, {0.0f, 0.7f, 1.0f});
}

TEST_F(ElementwiseKernelsTest, Tanh) {
  // tanh(0.5) = (e - 1) / (e + 1) = 1.71828183 / 3.71828183 = 0.46211716.
  Tensor y = run(unaryFunc("nn.tanh", "", "tensor<2xf32>", "tensor<2xf32>"),
                 {Tensor::floats({2}, {0.5f, -0.5f})});
  expectFloats(y, {2}, {0.46211716f, -0.46211716f});
}

TEST_F(ElementwiseKernelsTest, SoftmaxOnAGivenAxis) {
  // axis 0 of [[1, 2], [3, 4]]: each column is (a, a + 2), so
  // e^0 / (1 + e^2) = 1 / 8.3890561 = 0.11920292 and 0.88079708.
  Tensor y = run(unaryFunc("nn.softmax", "{axis = 0 : i64}", "tensor<2x2xf32>",
                           "tensor<2x2xf32>"),
                 {Tensor::floats({2, 2}, {1, 2, 3, 4})});
  expectFloats(y, {2, 2},
               {0.11920292f, 0.11920292f, 0.88079708f, 0.88079708f});
  // Default axis -1: [0, ln 3] -> [1/4, 3/4]; [1000, 1000] -> [1/2, 1/2]
  // (without subtracting the max, e^1000 would overflow).
  y = run(unaryFunc("nn.softmax", "", "tensor<2x2xf32>", "tensor<2x2xf32>"),
          {Tensor::floats({2, 2}, {0.0f, std::log(3.0f), 1000.0f, 1000.0f})});
  expectFloats(y, {2, 2}, {0.25f, 0.75f, 0.5f, 0.5f});
  // Middle axis of 2x2x2 (axis = -2 = 1): pairs (x[i][0][k], x[i][1][k]).
  // Pairs differ by ln 3 in slice i = 0 and are equal in slice i = 1.
  float l3 = std::log(3.0f);
  y = run(unaryFunc("nn.softmax", "{axis = -2 : i64}", "tensor<2x2x2xf32>",
                    "tensor<2x2x2xf32>"),
          {Tensor::floats({2, 2, 2}, {0, 1, l3, 1 + l3, 5, 7, 5, 7})});
  expectFloats(y, {2, 2, 2},
               {0.25f, 0.25f, 0.75f, 0.75f, 0.5f, 0.5f, 0.5f, 0.5f});
}

TEST_F(ElementwiseKernelsTest, SoftplusIsStable) {
  // ln 2 = 0.69314718; 1000 -> 1000 (e^1000 overflows a double);
  // -20 -> ln(1 + e^-20) = 2.06115362e-09.
  Tensor y =
      run(unaryFunc("nn.softplus", "", "tensor<3xf32>", "tensor<3xf32>"),
          {Tensor::floats({3}, {0.0f, 1000.0f, -20.0f})});
  expectFloats(y, {3}, {0.69314718f, 1000.0f, 2.06115362e-09f});
}

TEST_F(ElementwiseKernelsTest, Softsign) {
  // 3 / 4 = 0.75, -1 / 2 = -0.5.
  Tensor y =
      run(unaryFunc("nn.softsign", "", "tensor<2xf32>", "tensor<2xf32>"),
          {Tensor::floats({2}, {3.0f, -1.0f})});
  expectFloats(y, {2}, {0.75f, -0.5f});
}

//===----------------------------------------------------------------------===//
// Float broadcasting binary ops
//===----------------------------------------------------------------------===//

TEST_F(ElementwiseKernelsTest, AddBroadcastsTrailingDimension) {
  // [[1, 2, 3], [4, 5, 6]] + [10, 20, 30].
  Tensor y = run(binaryFunc("nn.add", "", "tensor<2x3xf32>", "tensor<3xf32>",
                            "tensor<2x3xf32>"),
                 {Tensor::floats({2, 3}, {1, 2, 3, 4, 5, 6}),
                  Tensor::floats({3}, {10, 20, 30})});
  expectFloats(y, {2, 3}, {11, 22, 33, 14, 25, 36});
}

TEST_F(ElementwiseKernelsTest, AddBroadcastsBothOperands) {
  // [2, 1, 2] + [3, 1] -> [2, 3, 2]: out[i][j][k] = a[i][0][k] + b[j][0].
  // a = [[[1, 2]], [[3, 4]]], b = [[10], [20], [30]].
  Tensor y = run(binaryFunc("nn.add", "", "tensor<2x1x2xf32>",
                            "tensor<3x1xf32>", "tensor<2x3x2xf32>"),
                 {Tensor::floats({2, 1, 2}, {1, 2, 3, 4}),
                  Tensor::floats({3, 1}, {10, 20, 30})});
  expectFloats(y, {2, 3, 2},
               {11, 12, 21, 22, 31, 32, 13, 14, 23, 24, 33, 34});
}

TEST_F(ElementwiseKernelsTest, SubColumnMinusRow) {
  // [[1], [2]] - [[10, 20, 30]] = [[-9, -19, -29], [-8, -18, -28]].
  Tensor y = run(binaryFunc("nn.sub", "", "tensor<2x1xf32>",
                            "tensor<1x3xf32>", "tensor<2x3xf32>"),
                 {Tensor::floats({2, 1}, {1, 2}),
                  Tensor::floats({1, 3}, {10, 20, 30})});
  expectFloats(y, {2, 3}, {-9, -19, -29, -8, -18, -28});
}

TEST_F(ElementwiseKernelsTest, MulByBroadcastScalar) {
  // [2, 3] * [4] and a rank-0 rhs.
  Tensor y = run(binaryFunc("nn.mul", "", "tensor<2xf32>", "tensor<1xf32>",
                            "tensor<2xf32>"),
                 {Tensor::floats({2}, {2, 3}), Tensor::floats({1}, {4})});
  expectFloats(y, {2}, {8, 12});
  y = run(binaryFunc("nn.mul", "", "tensor<2xf32>", "tensor<f32>",
                     "tensor<2xf32>"),
          {Tensor::floats({2}, {2, 3}), Tensor::floats({}, {-1})});
  expectFloats(y, {2}, {-2, -3});
}

TEST_F(ElementwiseKernelsTest, DivFollowsIEEE) {
  // 7 / 2 = 3.5, 1 / 0 = inf, -1 / 0 = -inf, 0 / 0 = NaN.
  Tensor y = run(binaryFunc("nn.div", "", "tensor<4xf32>", "tensor<4xf32>",
                            "tensor<4xf32>"),
                 {Tensor::floats({4}, {7, 1, -1, 0}),
                  Tensor::floats({4}, {2, 0, 0, 0})});
  expectFloats(y, {4}, {3.5f, kInf, -kInf, kNaN});
}

TEST_F(ElementwiseKernelsTest, MaxMinPropagateNaN) {
  std::vector<Tensor> inputs = {Tensor::floats({3}, {1, kNaN, 3}),
                                Tensor::floats({3}, {2, 0, kNaN})};
  Tensor y = run(binaryFunc("nn.max", "", "tensor<3xf32>", "tensor<3xf32>",
                            "tensor<3xf32>"),
                 inputs);
  expectFloats(y, {3}, {2, kNaN, kNaN});
  y = run(binaryFunc("nn.min", "", "tensor<3xf32>", "tensor<3xf32>",
                     "tensor<3xf32>"),
          inputs);
  expectFloats(y, {3}, {1, kNaN, kNaN});
  // Broadcast: max([[1, 5], [7, 2]], [4]) = [[4, 5], [7, 4]].
  y = run(binaryFunc("nn.max", "", "tensor<2x2xf32>", "tensor<1xf32>",
                     "tensor<2x2xf32>"),
          {Tensor::floats({2, 2}, {1, 5, 7, 2}), Tensor::floats({1}, {4})});
  expectFloats(y, {2, 2}, {4, 5, 7, 4});
}

//===----------------------------------------------------------------------===//
// Fixed point: piecewise-linear activations
//===----------------------------------------------------------------------===//

TEST_F(ElementwiseKernelsTest, FixedReluRoundsTheResultOnce) {
  // Input fixed<8, 4> (F = 4): raws -16 (-1), 38 (2.375), 37 (2.3125).
  // Result F = 2: 2.375 * 4 = 9.5 (a tie): TRN -> 9, RND -> 10;
  // 2.3125 * 4 = 9.25: 9 in both.
  Tensor x = Tensor::fixed({3}, fixedFormat(8, 4), {-16, 38, 37});
  Tensor y = run(unaryFunc("nn.relu", "", "tensor<3x!nn.fixed<8, 4>>",
                           "tensor<3x!nn.fixed<6, 4>>"),
                 {x});
  expectRaws(y, {3}, {0, 9, 9});
  y = run(unaryFunc("nn.relu", "", "tensor<3x!nn.fixed<8, 4>>",
                    "tensor<3x!nn.fixed<6, 4, RND>>"),
          {x});
  expectRaws(y, {3}, {0, 10, 9});
  // Result fixed<8, 2> (F = 6, range [-2, 2)): 2.375 -> 152 and 2.3125 ->
  // 148 overflow; WRAP keeps 8 bits: 152 - 256 = -104, 148 - 256 = -108;
  // SAT gives the maximum 127.
  y = run(unaryFunc("nn.relu", "", "tensor<3x!nn.fixed<8, 4>>",
                    "tensor<3x!nn.fixed<8, 2>>"),
          {x});
  expectRaws(y, {3}, {0, -104, -108});
  y = run(unaryFunc("nn.relu", "", "tensor<3x!nn.fixed<8, 4>>",
                    "tensor<3x!nn.fixed<8, 2, TRN, SAT>>"),
          {x});
  expectRaws(y, {3}, {0, 127, 127});
}

TEST_F(ElementwiseKernelsTest, FixedLeakyReluUsesTheExactF32Alpha) {
  // alpha = 0.1f is exactly 13421773 * 2^-27 = 0.100000001490116...
  // Input fixed<16, 8> (F = 8) raw -2560 = -10: alpha * x =
  // -1.00000001490116; in F = 8 that is -256.0000038: TRN (floor) -> -257,
  // RND -> -256. (With alpha = 0.1 exactly TRN would give -256.)
  // raw 300 (1.171875) passes unchanged.
  Tensor x = Tensor::fixed({2}, fixedFormat(16, 8), {-2560, 300});
  Tensor y = run(unaryFunc("nn.leaky_relu", "{alpha = 1.000000e-01 : f32}",
                           "tensor<2x!nn.fixed<16, 8>>",
                           "tensor<2x!nn.fixed<16, 8>>"),
                 {x});
  expectRaws(y, {2}, {-257, 300});
  y = run(unaryFunc("nn.leaky_relu", "{alpha = 1.000000e-01 : f32}",
                    "tensor<2x!nn.fixed<16, 8>>",
                    "tensor<2x!nn.fixed<16, 8, RND>>"),
          {x});
  expectRaws(y, {2}, {-256, 300});
}

TEST_F(ElementwiseKernelsTest, FixedPReluSlopeHasItsOwnFormat) {
  // input fixed<8, 4> (F = 4), slope fixed<8, 1> (F = 7) per channel:
  // channel 0 slope raw 64 (0.5), channel 1 raw -32 (-0.25).
  // x raw -48 (-3) * 0.5 = -1.5 -> result F = 4: -24.
  // x raw -6 (-0.375) * -0.25 = 0.09375 -> F = 4: 1.5, a tie: RND 2, TRN 1.
  // Positive inputs pass: 32 and 5.
  std::string source =
      binaryFunc("nn.prelu", "", "tensor<2x2x!nn.fixed<8, 4>>",
                 "tensor<2x1x!nn.fixed<8, 1>>", "tensor<2x2x!nn.fixed<8, 4>>");
  std::vector<Tensor> inputs = {
      Tensor::fixed({2, 2}, fixedFormat(8, 4), {-48, 32, -6, 5}),
      Tensor::fixed({2, 1}, fixedFormat(8, 1), {64, -32})};
  expectRaws(run(source, inputs), {2, 2}, {-24, 32, 1, 5});
  source = binaryFunc("nn.prelu", "", "tensor<2x2x!nn.fixed<8, 4>>",
                      "tensor<2x1x!nn.fixed<8, 1>>",
                      "tensor<2x2x!nn.fixed<8, 4, RND>>");
  expectRaws(run(source, inputs), {2, 2}, {-24, 32, 2, 5});
}

TEST_F(ElementwiseKernelsTest, FixedClipWithOneBound) {
  // min = 0.3f = 0.300000011920929 exactly. Input fixed<8, 4> (F = 4):
  // raw 4 (0.25) < min -> min; in F = 4: 4.8000002 -> TRN 4, RND 5.
  // raw 5 (0.3125) > min stays 5.
  Tensor x = Tensor::fixed({2}, fixedFormat(8, 4), {4, 5});
  Tensor y = run(unaryFunc("nn.clip", "{min = 3.000000e-01 : f32}",
                           "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<2x!nn.fixed<8, 4>>"),
                 {x});
  expectRaws(y, {2}, {4, 5});
  y = run(unaryFunc("nn.clip", "{min = 3.000000e-01 : f32}",
                    "tensor<2x!nn.fixed<8, 4>>",
                    "tensor<2x!nn.fixed<8, 4, RND>>"),
          {x});
  expectRaws(y, {2}, {5, 5});
  // max = 6 only, into fixed<8, 2, TRN, SAT> (F = 6, max 127/64): 7 -> 6
  // saturates to 127; -1 (raw -16) -> -64.
  y = run(unaryFunc("nn.clip", "{max = 6.000000e+00 : f32}",
                    "tensor<2x!nn.fixed<8, 4>>",
                    "tensor<2x!nn.fixed<8, 2, TRN, SAT>>"),
          {Tensor::fixed({2}, fixedFormat(8, 4), {112, -16})});
  expectRaws(y, {2}, {127, -64});
}

TEST_F(ElementwiseKernelsTest, FixedThresholdedReluComparesExactly) {
  // alpha = 1: raw 16 (1.0) is not > 1 -> 0; raw 17 (1.0625) passes.
  Tensor y = run(unaryFunc("nn.thresholded_relu", "",
                           "tensor<3x!nn.fixed<8, 4>>",
                           "tensor<3x!nn.fixed<8, 4>>"),
                 {Tensor::fixed({3}, fixedFormat(8, 4), {16, 17, -40})});
  expectRaws(y, {3}, {0, 17, 0});
}

TEST_F(ElementwiseKernelsTest, FixedHardSigmoid) {
  // alpha 0.5, beta 0.25, input fixed<8, 4> (F = 4), result F = 4:
  // raw 8 (0.5) -> 0.5 -> 8; raw -16 (-1) -> -0.25 -> 0;
  // raw 32 (2) -> 1.25 -> 1 -> 16; raw 1 (0.0625) -> 0.28125 -> 4.5, a tie:
  // TRN 4, RND 5.
  Tensor x = Tensor::fixed({4}, fixedFormat(8, 4), {8, -16, 32, 1});
  std::string attrs = "{alpha = 5.000000e-01 : f32, beta = 2.500000e-01 : f32}";
  Tensor y = run(unaryFunc("nn.hard_sigmoid", attrs,
                           "tensor<4x!nn.fixed<8, 4>>",
                           "tensor<4x!nn.fixed<8, 4>>"),
                 {x});
  expectRaws(y, {4}, {8, 0, 16, 4});
  y = run(unaryFunc("nn.hard_sigmoid", attrs, "tensor<4x!nn.fixed<8, 4>>",
                    "tensor<4x!nn.fixed<8, 4, RND>>"),
          {x});
  expectRaws(y, {4}, {8, 0, 16, 5});
}

// Fixed-point curved functions read the tables of
// nn/Support/ActivationTables.h; the small tables below (nn.table_size,
// nn.table_type) make every entry and index checkable by hand. Entries are
// f at the bin's lower edge, quantized to the table type (TRN = floor).

TEST_F(ElementwiseKernelsTest, FixedSigmoidReadsItsTable) {
  // N = 4 over [-8, 8): x_i = -8, -4, 0, 4 -> sigmoid * 128 in fixed<8,1>:
  // 0.04, 2.30, 64, 125.70 -> [0, 2, 64, 125]. Input fixed<8,4>: index =
  // floor((raw + 128) * 4 / 256): raws 0, -16, 63, 64, -128, 127 -> 2, 1,
  // 2, 3, 0, 3. Result fixed<8,4> (F = 4): entry / 8, floor.
  Tensor x =
      Tensor::fixed({6}, fixedFormat(8, 4), {0, -16, 63, 64, -128, 127});
  expectRaws(run(unaryFunc("nn.sigmoid",
                           "{nn.table_size = 4 : i64, nn.table_type = "
                           "!nn.fixed<8, 1>}",
                           "tensor<6x!nn.fixed<8, 4>>",
                           "tensor<6x!nn.fixed<8, 4>>"),
                 {x}),
             {6}, {8, 0, 8, 15, 0, 15});
  // Defaults: N = 1024, table type = result type fixed<8,1>. index =
  // (raw + 128) * 4: raw 0 -> 512 (x = 0): 0.5 -> 64; raw -16 -> 448
  // (x = -8 + 448/64 = -1): 0.26894142 * 128 = 34.42 -> 34.
  Tensor y = Tensor::fixed({2}, fixedFormat(8, 4), {0, -16});
  expectRaws(run(unaryFunc("nn.sigmoid", "", "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<2x!nn.fixed<8, 1>>"),
                 {y}),
             {2}, {64, 34});
}

TEST_F(ElementwiseKernelsTest, FixedSoftsignReadsItsTable) {
  // hls4ml's softsign table: N = 8 over [-8, 8): x_i = -8, -6, ..., 6 ->
  // x / (1 + |x|) * 128 in fixed<8,1>, floor: -113.78, -109.71, -102.4,
  // -85.33, 0, 85.33, 102.4, 109.71 -> [-114, -110, -103, -86, 0, 85, 102,
  // 109]. Input fixed<8,4>: index = floor((raw + 128) * 8 / 256): raws 0,
  // 16, 32, -16, 127, -128 -> 4, 4, 5, 3, 7, 0. Result fixed<8,4>: entry /
  // 8, floor: 0, 0, 10, -11, 13, -15.
  Tensor x =
      Tensor::fixed({6}, fixedFormat(8, 4), {0, 16, 32, -16, 127, -128});
  expectRaws(run(unaryFunc("nn.softsign",
                           "{nn.table_size = 8 : i64, nn.table_type = "
                           "!nn.fixed<8, 1>}",
                           "tensor<6x!nn.fixed<8, 4>>",
                           "tensor<6x!nn.fixed<8, 4>>"),
                 {x}),
             {6}, {0, 0, 10, -11, 13, -15});
  // Defaults: N = 1024, table type = result type fixed<8,1>: index =
  // (raw + 128) * 4: raw 16 -> 576 (x = 1): 0.5 -> 64; raw -32 -> 384
  // (x = -2): -2/3 * 128 = -85.33 -> -86.
  Tensor y = Tensor::fixed({2}, fixedFormat(8, 4), {16, -32});
  expectRaws(run(unaryFunc("nn.softsign", "", "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<2x!nn.fixed<8, 1>>"),
                 {y}),
             {2}, {64, -86});
}

TEST_F(ElementwiseKernelsTest, FixedTanhReadsItsTable) {
  // N = 8 over [-4, 4): tanh(-4 .. 3) * 64 in fixed<8,2>, floor:
  // [-64, -64, -62, -49, 0, 48, 61, 63]. index = floor((raw + 64) / 16):
  // raws -8, 127, -128, 0, 15, 16 -> 3, 7 (clamped), 0 (clamped), 4, 4, 5.
  Tensor x =
      Tensor::fixed({6}, fixedFormat(8, 4), {-8, 127, -128, 0, 15, 16});
  expectRaws(run(unaryFunc("nn.tanh",
                           "{nn.table_size = 8 : i64, nn.table_type = "
                           "!nn.fixed<8, 2>}",
                           "tensor<6x!nn.fixed<8, 4>>",
                           "tensor<6x!nn.fixed<8, 2>>"),
                 {x}),
             {6}, {-49, 63, -64, 0, 0, 48});
}

TEST_F(ElementwiseKernelsTest, FixedSoftplusAddsItsTableToRelu) {
  // ln(1 + e^-t) over t = |x| in [0, 8), N = 4, ufixed<8,0> (LSB 1/256):
  // t = 0, 2, 4, 6 -> 177.45, 32.49, 4.65, 0.63 -> [177, 32, 4, 0].
  // index = floor(|raw| * 4 / 128). Result fixed<8,4>:
  //   -1 (raw -16): index 0, 0 + 177/256 = 0.69140625 -> 11.06 -> 11
  //   2 (raw 32):   index 1, 2 + 0.125 = 2.125 -> 34
  //   5 (raw 80):   index 2, 5 + 4/256 = 5.015625 -> 80.25 -> 80
  //   -8 (raw -128): |x| = 8 clamps to index 3: 0 + 0 -> 0
  Tensor x = Tensor::fixed({4}, fixedFormat(8, 4), {-16, 32, 80, -128});
  expectRaws(run(unaryFunc("nn.softplus",
                           "{nn.table_size = 4 : i64, nn.table_type = "
                           "!nn.ufixed<8, 0>}",
                           "tensor<4x!nn.fixed<8, 4>>",
                           "tensor<4x!nn.fixed<8, 4>>"),
                 {x}),
             {4}, {11, 34, 80, 0});
}

TEST_F(ElementwiseKernelsTest, FixedEluAndSeluReadTheirTables) {
  // elu, alpha = 0.5: 0.5 (e^-t - 1) at t = 0, 2, 4, 6 in fixed<8,1>:
  // 0, -55.34, -62.83, -63.84 -> [0, -56, -63, -64]. index of t = -x:
  // floor(-raw * 4 / 128). Result fixed<8,4>: -3 (raw -48) -> index 1 ->
  // -56/128 = -0.4375 -> -7; 0.5 (raw 8) -> 8 (x > 0: x); 0 -> entry 0.
  Tensor x = Tensor::fixed({3}, fixedFormat(8, 4), {-48, 8, 0});
  expectRaws(run(unaryFunc("nn.elu",
                           "{alpha = 5.000000e-01 : f32, nn.table_size = 4 : "
                           "i64, nn.table_type = !nn.fixed<8, 1>}",
                           "tensor<3x!nn.fixed<8, 4>>",
                           "tensor<3x!nn.fixed<8, 4>>"),
                 {x}),
             {3}, {-7, 8, 0});
  // selu, alpha = 2, gamma = 1.5: 3 (e^-t - 1) in fixed<8,3> (LSB 1/32):
  // 0, -83.01, -94.24, -95.76 -> [0, -84, -95, -96]. 2.5 (raw 40) ->
  // 1.5 * 2.5 = 3.75 -> 60; -3 (raw -48) -> index 1 -> -84/32 = -2.625 ->
  // -42; -1 (raw -16) -> index floor(64/128) = 0 -> 0.
  Tensor z = Tensor::fixed({3}, fixedFormat(8, 4), {40, -48, -16});
  expectRaws(run(unaryFunc("nn.selu",
                           "{alpha = 2.000000e+00 : f32, gamma = "
                           "1.500000e+00 : f32, nn.table_size = 4 : i64, "
                           "nn.table_type = !nn.fixed<8, 3>}",
                           "tensor<3x!nn.fixed<8, 4>>",
                           "tensor<3x!nn.fixed<8, 4>>"),
                 {z}),
             {3}, {60, -42, 0});
}

TEST_F(ElementwiseKernelsTest, FixedSoftmaxReadsExpAndInverseTables) {
  // N = 4, tables ufixed<8,1> (LSB 1/128): exp over t in [0, 8): e^0,
  // e^-2, e^-4, e^-6 -> [128, 17, 2, 0]; inverse over m in [1, 2): 1/1,
  // 1/1.25, 1/1.5, 1/1.75 -> [128, 102, 85, 73].
  // Row 0, [0, 0, 0]: e = 128 each, s = 384 (F = 7), leading one p = 8,
  // mantissa index floor((384 - 256) * 4 / 256) = 2 -> v = 85; y = 128 *
  // 85 * 2^-(7 + 8) = 0.33203125 -> ufixed<8,1>: 42.5 -> 42.
  // Row 1, [1, -1, -8] (raws 16, -16, -128): t = [0, 2, 9] -> index
  // floor(t_raw * 4 / 128) = [0, 1, 3 (clamped)] -> e = [128, 17, 0],
  // s = 145, p = 7, index floor(17 * 4 / 128) = 0 -> v = 128: y = e.
  Tensor x = Tensor::fixed({2, 3}, fixedFormat(8, 4),
                           {0, 0, 0, 16, -16, -128});
  expectRaws(run(unaryFunc("nn.softmax",
                           "{axis = 1 : i64, nn.table_size = 4 : i64, "
                           "nn.table_type = !nn.ufixed<8, 1>}",
                           "tensor<2x3x!nn.fixed<8, 4>>",
                           "tensor<2x3x!nn.ufixed<8, 1>>"),
                 {x}),
             {2, 3}, {42, 42, 42, 128, 17, 0});
  // Defaults: N = 1024, tables ap_ufixed<18,1,AP_RND,AP_SAT> (F = 17).
  // [0, -1]: t = [0, 1], index t_raw * 8 = [0, 128] (t = 1.0): e = [131072,
  // round(0.36787944 * 131072 = 48218.69) = 48219]; s = 179291, p = 17,
  // index floor(48219 * 1024 / 131072) = 376, v = round(131072 / (1 +
  // 376/1024) = 95869.81) = 95870. y = e * 95870 * 2^-34: 0.73143 and
  // 0.26908 -> fixed<8,1> (x128, floor): 93, 34.
  Tensor y = Tensor::fixed({2}, fixedFormat(8, 4), {0, -16});
  expectRaws(run(unaryFunc("nn.softmax", "", "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<2x!nn.fixed<8, 1>>"),
                 {y}),
             {2}, {93, 34});
}

TEST_F(ElementwiseKernelsTest, FixedTableErrors) {
  Tensor x = Tensor::fixed({1}, fixedFormat(8, 4), {0});
  std::string message =
      runError(unaryFunc("nn.sigmoid", "{nn.table_size = 16777217 : i64}",
                         "tensor<1x!nn.fixed<8, 4>>",
                         "tensor<1x!nn.fixed<8, 4>>"),
               {x});
  // Refused by the dialect verifier (fx::tableSizeProblem), before the
  // interpreter, like every stage.
  EXPECT_NE(message.find("'nn.sigmoid' op attribute 'nn.table_size': the "
                         "table has 16777217 entries; tables need a power of "
                         "two in [2, 16777216]"),
            std::string::npos)
      << message;
  message = runError(unaryFunc("nn.tanh",
                               "{nn.table_type = !nn.fixed<80, 8>}",
                               "tensor<1x!nn.fixed<8, 4>>",
                               "tensor<1x!nn.fixed<8, 4>>"),
                     {x});
  EXPECT_NE(message.find("'nn.tanh' op attribute 'nn.table_type': the table "
                         "has 80-bit entries; tables hold at most 53 bits"),
            std::string::npos)
      << message;
  Tensor tiny = Tensor::fixed({1}, fixedFormat(8, -110), {0});
  message = runError(unaryFunc("nn.sigmoid", "",
                               "tensor<1x!nn.fixed<8, -110>>",
                               "tensor<1x!nn.fixed<8, -110>>"),
                     {tiny});
  EXPECT_NE(message.find("'nn.sigmoid': the table index of an input with 118 "
                         "fraction bits needs more than 125 bits"),
            std::string::npos)
      << message;
  // The softmax's own table and sum types are bounded the same way.
  message = runError(unaryFunc("nn.softmax",
                               "{accum_type = !nn.ufixed<70, 10>}",
                               "tensor<1x!nn.fixed<8, 4>>",
                               "tensor<1x!nn.fixed<8, 4>>"),
                     {x});
  EXPECT_NE(message.find("'nn.softmax': the softmax format ap_ufixed<70,10> "
                         "is wider than the 64 bits the interpreter stores"),
            std::string::npos)
      << message;
}

TEST_F(ElementwiseKernelsTest, FixedSoftmaxImplementations) {
  // The op's attributes select fx::softmax's implementation and tables
  // (values checked by hand in ActivationTablesTest): argmax of [1, 3, 3]
  // is a one-hot of the first maximum; latency with N = 4 and tables
  // ufixed<12,7> / ufixed<8,1> on [1, 0] gives [64, 64] (SoftmaxLatency).
  Tensor x = Tensor::fixed({3}, fixedFormat(8, 4), {16, 48, 48});
  expectRaws(run(unaryFunc("nn.softmax", "{implementation = \"argmax\"}",
                           "tensor<3x!nn.fixed<8, 4>>",
                           "tensor<3x!nn.fixed<8, 4>>"),
                 {x}),
             {3}, {0, 16, 0});
  Tensor y = Tensor::fixed({2}, fixedFormat(8, 4), {16, 0});
  expectRaws(run(unaryFunc("nn.softmax",
                           "{implementation = \"latency\", "
                           "nn.table_size = 4 : i64, "
                           "exp_table_type = !nn.ufixed<12, 7>, "
                           "inv_table_type = !nn.ufixed<8, 1>}",
                           "tensor<2x!nn.fixed<8, 4>>",
                           "tensor<2x!nn.ufixed<8, 1>>"),
                 {y}),
             {2}, {64, 64});
}

//===----------------------------------------------------------------------===//
// Fixed point: binary ops
//===----------------------------------------------------------------------===//

TEST_F(ElementwiseKernelsTest, FixedAddMixedFormatsRoundsOnce) {
  // a fixed<8, 4> (F = 4), b fixed<8, 2> (F = 6). Exact sums in F = 6:
  // 19 * 4 + 46 = 122 (1.90625); -19 * 4 - 46 = -122; 19 * 4 + 45 = 121.
  // Result F = 4: 122 / 4 = 30.5, a tie: RND (ties up) 31, TRN 30;
  // -30.5: RND -30, TRN -31; 121 / 4 = 30.25 -> 30 in both.
  std::vector<Tensor> inputs = {
      Tensor::fixed({3}, fixedFormat(8, 4), {19, -19, 19}),
      Tensor::fixed({3}, fixedFormat(8, 2), {46, -46, 45})};
  Tensor y = run(binaryFunc("nn.add", "", "tensor<3x!nn.fixed<8, 4>>",
                            "tensor<3x!nn.fixed<8, 2>>",
                            "tensor<3x!nn.fixed<8, 4, RND>>"),
                 inputs);
  expectRaws(y, {3}, {31, -30, 30});
  y = run(binaryFunc("nn.add", "", "tensor<3x!nn.fixed<8, 4>>",
                     "tensor<3x!nn.fixed<8, 2>>", "tensor<3x!nn.fixed<8, 4>>"),
          inputs);
  expectRaws(y, {3}, {30, -31, 30});
}

TEST_F(ElementwiseKernelsTest, FixedAddMixedSignedness) {
  // ufixed<8, 4> raw 200 (12.5) + fixed<8, 4> raw -100 (-6.25) = 6.25 -> 100;
  // raw 255 (15.9375) + 127 (7.9375) = 23.875 -> 382, which fixed<10, 6>
  // (F = 4) holds.
  Tensor y = run(binaryFunc("nn.add", "", "tensor<2x!nn.ufixed<8, 4>>",
                            "tensor<2x!nn.fixed<8, 4>>",
                            "tensor<2x!nn.fixed<10, 6>>"),
                 {Tensor::fixed({2}, fixedFormat(8, 4, false), {200, 255}),
                  Tensor::fixed({2}, fixedFormat(8, 4), {-100, 127})});
  expectRaws(y, {2}, {100, 382});
}

TEST_F(ElementwiseKernelsTest, FixedNonFiniteAlphaIsADiagnostic) {
  // alpha = +inf (0x7F800000) has no fixed-point value.
  std::string errors = runError(
      unaryFunc("nn.leaky_relu", "{alpha = 0x7F800000 : f32}",
                "tensor<1x!nn.fixed<8, 4>>", "tensor<1x!nn.fixed<8, 4>>"),
      {Tensor::fixed({1}, fixedFormat(8, 4), {-1})});
  EXPECT_NE(errors.find("'nn.leaky_relu': alpha = INF is not finite"),
            std::string::npos)
      << errors;
}

TEST_F(ElementwiseKernelsTest, FixedAddSaturatesOrWrapsTheResult) {
  // fixed<8, 4>: 100 + 100 = 200 and -100 + -100 = -200 (F = 4) do not fit
  // 8 bits: SAT -> 127 / -128; WRAP -> 200 - 256 = -56 / -200 + 256 = 56.
  std::vector<Tensor> inputs = {
      Tensor::fixed({2}, fixedFormat(8, 4), {100, -100}),
      Tensor::fixed({2}, fixedFormat(8, 4), {100, -100})};
  Tensor y = run(binaryFunc("nn.add", "", "tensor<2x!nn.fixed<8, 4>>",
                            "tensor<2x!nn.fixed<8, 4>>",
                            "tensor<2x!nn.fixed<8, 4, TRN, SAT>>"),
                 inputs);
  expectRaws(y, {2}, {127, -128});
  y = run(binaryFunc("nn.add", "", "tensor<2x!nn.fixed<8, 4>>",
                     "tensor<2x!nn.fixed<8, 4>>", "tensor<2x!nn.fixed<8, 4>>"),
          inputs);
  expectRaws(y, {2}, {-56, 56});
}

TEST_F(ElementwiseKernelsTest, FixedAddBroadcasts) {
  // [[1, 2], [3, 4]] + [16] in raws of fixed<8, 4>: + 1.0 each.
  Tensor y = run(binaryFunc("nn.add", "", "tensor<2x2x!nn.fixed<8, 4>>",
                            "tensor<1x!nn.fixed<8, 4>>",
                            "tensor<2x2x!nn.fixed<8, 4>>"),
                 {Tensor::fixed({2, 2}, fixedFormat(8, 4), {1, 2, 3, 4}),
                  Tensor::fixed({1}, fixedFormat(8, 4), {16})});
  expectRaws(y, {2, 2}, {17, 18, 19, 20});
}

TEST_F(ElementwiseKernelsTest, FixedSubIntoUnsignedSaturates) {
  // fixed<8, 4>: 10 - 30 = -20 -> ufixed<8, 4, TRN, SAT>: 0;
  // 30 - 10 = 20 stays 20.
  Tensor y = run(binaryFunc("nn.sub", "", "tensor<2x!nn.fixed<8, 4>>",
                            "tensor<2x!nn.fixed<8, 4>>",
                            "tensor<2x!nn.ufixed<8, 4, TRN, SAT>>"),
                 {Tensor::fixed({2}, fixedFormat(8, 4), {10, 30}),
                  Tensor::fixed({2}, fixedFormat(8, 4), {30, 10})});
  expectRaws(y, {2}, {0, 20});
}

TEST_F(ElementwiseKernelsTest, FixedMulRoundsAndWraps) {
  // fixed<8, 4> * fixed<8, 4>: products in F = 8, result F = 4.
  // 4 * 6 = 24 -> 1.5 (tie): TRN 1, RND 2, RND_CONV 2;
  // 4 * 10 = 40 -> 2.5 (tie): TRN 2, RND 3, RND_CONV 2;
  // 64 * 64 = 4096 -> 256 (4 * 4 = 16): WRAP 0, SAT 127.
  std::vector<Tensor> inputs = {
      Tensor::fixed({3}, fixedFormat(8, 4), {4, 4, 64}),
      Tensor::fixed({3}, fixedFormat(8, 4), {6, 10, 64})};
  auto mul = [&](const std::string &out) {
    return run(binaryFunc("nn.mul", "", "tensor<3x!nn.fixed<8, 4>>",
                          "tensor<3x!nn.fixed<8, 4>>", out),
               inputs);
  };
  expectRaws(mul("tensor<3x!nn.fixed<8, 4>>"), {3}, {1, 2, 0});
  expectRaws(mul("tensor<3x!nn.fixed<8, 4, RND, SAT>>"), {3}, {2, 3, 127});
  expectRaws(mul("tensor<3x!nn.fixed<8, 4, RND_CONV>>"), {3}, {2, 2, 0});
}

TEST_F(ElementwiseKernelsTest, FixedDivByNonPowerOfTwo) {
  // fixed<8, 4> / fixed<8, 4> = 3.0 (raw 48). Result fixed<16, 8> (F = 8):
  // 2/3 * 256 = 170.67: TRN 170, RND 171; -2/3: -170.67: TRN -171, RND -171.
  std::vector<Tensor> inputs = {
      Tensor::fixed({2}, fixedFormat(8, 4), {32, -32}),
      Tensor::fixed({1}, fixedFormat(8, 4), {48})};
  auto div = [&](const std::string &out) {
    return run(binaryFunc("nn.div", "", "tensor<2x!nn.fixed<8, 4>>",
                          "tensor<1x!nn.fixed<8, 4>>", out),
               inputs);
  };
  expectRaws(div("tensor<2x!nn.fixed<16, 8>>"), {2}, {170, -171});
  expectRaws(div("tensor<2x!nn.fixed<16, 8, RND>>"), {2}, {171, -171});
  expectRaws(div("tensor<2x!nn.fixed<16, 8, TRN_ZERO>>"), {2}, {170, -170});
}

TEST_F(ElementwiseKernelsTest, FixedDivRoundsTheExactQuotient) {
  // Integers (F = 0) with RND_ZERO (ties toward zero): the quotients by 48
  // of 24, 25, 23, -24, -25 are 0.5 (tie) -> 0, 0.52 -> 1, 0.48 -> 0,
  // -0.5 -> 0, -0.52 -> -1. A quotient just above half must not be taken
  // for a tie (the sticky bit), nor a tie for above half.
  Tensor y = run(binaryFunc("nn.div", "", "tensor<5x!nn.fixed<8, 8>>",
                            "tensor<1x!nn.fixed<8, 8>>",
                            "tensor<5x!nn.fixed<8, 8, RND_ZERO>>"),
                 {Tensor::fixed({5}, fixedFormat(8, 8), {24, 25, 23, -24, -25}),
                  Tensor::fixed({1}, fixedFormat(8, 8), {48})});
  expectRaws(y, {5}, {0, 1, 0, 0, -1});
  // Dividing by a small value overflows: 100 / (1/16) = 1600 in
  // fixed<8, 8, TRN, SAT> -> 127.
  y = run(binaryFunc("nn.div", "", "tensor<1x!nn.fixed<8, 8>>",
                     "tensor<1x!nn.fixed<8, 4>>",
                     "tensor<1x!nn.fixed<8, 8, TRN, SAT>>"),
          {Tensor::fixed({1}, fixedFormat(8, 8), {100}),
           Tensor::fixed({1}, fixedFormat(8, 4), {1})});
  expectRaws(y, {1}, {127});
}

TEST_F(ElementwiseKernelsTest, FixedDivByZeroIsADiagnostic) {
  std::string errors =
      runError(binaryFunc("nn.div", "", "tensor<2x!nn.fixed<8, 4>>",
                          "tensor<2x!nn.fixed<8, 4>>",
                          "tensor<2x!nn.fixed<8, 4>>"),
               {Tensor::fixed({2}, fixedFormat(8, 4), {16, 16}),
                Tensor::fixed({2}, fixedFormat(8, 4), {16, 0})});
  EXPECT_NE(errors.find("'nn.div': divisor element 1 is zero"),
            std::string::npos)
      << errors;
}

TEST_F(ElementwiseKernelsTest, FixedMaxMinCompareExactValues) {
  // a fixed<8, 4>, b fixed<8, 2>: 20/16 = 80/64 (equal); 21/16 = 1.3125 >
  // 83/64 = 1.296875. Result fixed<8, 4> (TRN): max -> 20, 21;
  // min -> 20 and 83 / 4 = 20.75 -> 20 (RND: 21).
  std::vector<Tensor> inputs = {
      Tensor::fixed({2}, fixedFormat(8, 4), {20, 21}),
      Tensor::fixed({2}, fixedFormat(8, 2), {80, 83})};
  auto op = [&](const std::string &name, const std::string &out) {
    return run(binaryFunc(name, "", "tensor<2x!nn.fixed<8, 4>>",
                          "tensor<2x!nn.fixed<8, 2>>", out),
               inputs);
  };
  expectRaws(op("nn.max", "tensor<2x!nn.fixed<8, 4>>"), {2}, {20, 21});
  expectRaws(op("nn.min", "tensor<2x!nn.fixed<8, 4>>"), {2}, {20, 20});
  expectRaws(op("nn.min", "tensor<2x!nn.fixed<8, 4, RND>>"), {2}, {20, 21});
}

TEST_F(ElementwiseKernelsTest, FixedIntermediateTooWideIsADiagnostic) {
  // fixed<64, -60> (F = 124) + fixed<64, 64> (F = 0): the exact sum needs
  // 65 integer and 124 fraction bits.
  std::string errors = runError(
      binaryFunc("nn.add", "", "tensor<1x!nn.fixed<64, -60>>",
                 "tensor<1x!nn.fixed<64, 64>>", "tensor<1x!nn.fixed<16, 8>>"),
      {Tensor::fixed({1}, fixedFormat(64, -60), {1}),
       Tensor::fixed({1}, fixedFormat(64, 64), {1})});
  EXPECT_NE(errors.find("'nn.add': the full-precision sum needs 189 bits"),
            std::string::npos)
      << errors;
}

} // namespace
