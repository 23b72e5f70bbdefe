//===- ActivationTablesTest.cpp - nn/Support/ActivationTables.h -----------===//
//
// Hand-computed entries and indices of small tables, the activations built
// on them, and a sweep of every input of ap_fixed<16,6> measuring the error
// of the default tables against the real functions (in LSBs of the result).
//
//===----------------------------------------------------------------------===//

#include "nn/Support/ActivationTables.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace nn::fx;

namespace {

Format fixedFormat(int width, int intWidth, bool isSigned = true,
                   Rounding r = Rounding::TRN, Overflow o = Overflow::WRAP) {
  return Format{width, intWidth, isSigned, r, o};
}

std::vector<int64_t> entries(const ActivationTable &t) { return t.entries; }

TEST(ActivationTablesTest, SigmoidIndexPowerOfTwo) {
  // N = 4 over [-8, 8), input ap_fixed<8,4> (F = 4):
  // index = floor((raw + 8 * 16) * 4 / (16 * 16)) = floor((raw + 128) / 64).
  TableSpec s = sigmoidTableSpec(4);
  EXPECT_EQ(tableIndex(s, -128, 4), 0); // -8
  EXPECT_EQ(tableIndex(s, -1, 4), 1);   // -1/16: floor(127/64)
  EXPECT_EQ(tableIndex(s, 0, 4), 2);
  EXPECT_EQ(tableIndex(s, 63, 4), 2);   // 3.9375: floor(191/64)
  EXPECT_EQ(tableIndex(s, 64, 4), 3);   // 4
  EXPECT_EQ(tableIndex(s, 127, 4), 3);  // 7.9375
  // ap_fixed<12,6> (F = 6): outside [-8, 8) clamps.
  EXPECT_EQ(tableIndex(s, -9 * 64, 6), 0);
  EXPECT_EQ(tableIndex(s, 8 * 64, 6), 3);
  EXPECT_EQ(tableIndex(s, 8 * 64 - 1, 6), 3); // floor(1023 * 4 / 1024)
  // Negative fraction width: ap_fixed<4,6> (F = -2, LSB 4).
  EXPECT_EQ(tableIndex(s, -2, -2), 0); // -8
  EXPECT_EQ(tableIndex(s, -1, -2), 1); // -4
  EXPECT_EQ(tableIndex(s, 0, -2), 2);
  EXPECT_EQ(tableIndex(s, 1, -2), 3); // 4
  // The default sigmoid of ap_fixed<16,6>: (raw + 8192) >> 4.
  TableSpec d = sigmoidTableSpec(1024);
  EXPECT_EQ(tableIndex(d, -64, 10), 508);  // -1/16: 8128 / 16
  EXPECT_EQ(tableIndex(d, -65, 10), 507);  // floor(8127 / 16); hls4ml: 508
  EXPECT_EQ(tableIndex(d, 16, 10), 513);
  EXPECT_EQ(tableIndex(d, 8191, 10), 1023);
  EXPECT_EQ(tableIndex(d, -32768, 10), 0);
  EXPECT_EQ(tableIndex(d, 32767, 10), 1023);
}

TEST(ActivationTablesTest, IndexNonPowerOfTwoSize) {
  // N = 3 over [-8, 8), integers (F = 0): floor((x + 8) * 3 / 16).
  TableSpec s = sigmoidTableSpec(3);
  EXPECT_EQ(tableIndex(s, -3, 0), 0); // 15/16
  EXPECT_EQ(tableIndex(s, -2, 0), 1); // 18/16
  EXPECT_EQ(tableIndex(s, 2, 0), 1);  // 30/16
  EXPECT_EQ(tableIndex(s, 3, 0), 2);  // 33/16
  EXPECT_DOUBLE_EQ(tableInput(s, 1), -8.0 + 16.0 / 3.0);
  // Wide inputs: an i128 raw far outside the range clamps.
  EXPECT_EQ(tableIndex(s, i128(1) << 100, 0), 2);
  EXPECT_EQ(tableIndex(s, -(i128(1) << 100), 0), 0);
  EXPECT_EQ(tableIndex(s, i128(1) << 100, -40), 2);
}

// The fraction widths of !nn.fixed reach -1023 (ap_fixed<1, 1024>): the
// index of a zero raw never shifts (a shift by 1022 bits was undefined, found
// by UBSan with ap_fixed<2, 1024>), and any other raw is far outside the
// ranges (|t| >= 2^1022). Under -fsanitize=undefined the old code fails here.
TEST(ActivationTablesTest, IndexAtExtremeNegativeFractionWidths) {
  for (int f : {-1023, -1022, -200, -101}) {
    // sigmoid: t = 0 is bin floor(8 * 1024 / 16) = 512.
    EXPECT_EQ(tableIndex(sigmoidTableSpec(1024), 0, f), 512) << f;
    EXPECT_EQ(tableIndex(tanhTableSpec(1024), 0, f), 512) << f;
    EXPECT_EQ(tableIndex(nonNegativeTableSpec(1024), 0, f), 0) << f;
    EXPECT_EQ(tableIndex(sigmoidTableSpec(1024), 1, f), 1023) << f;
    EXPECT_EQ(tableIndex(sigmoidTableSpec(1024), -1, f), 0) << f;
  }
}

// The extremes of !nn.fixed's verified range (docs/Dialects/NN.md): F from
// -1023 (ap_fixed<1, 1024>) to 1088 (ap_fixed<64, -1024>). Values by hand;
// the point is that nothing shifts out of range (run under UBSan).
TEST(ActivationTablesTest, ExtremeFormats) {
  Format big{2, 1024, true, Rounding::TRN, Overflow::WRAP};  // LSB 2^1022
  Format tiny{64, -1024, true, Rounding::RND, Overflow::SAT}; // LSB 2^-1088
  Format mid{16, 6, true, Rounding::RND, Overflow::SAT};      // LSB 2^-10
  EXPECT_EQ(cast(int64_t(0), big, mid), 0);
  EXPECT_EQ(cast(int64_t(1), big, mid), 32767);   // 2^1022 saturates
  EXPECT_EQ(cast(int64_t(-1), big, mid), -32768); // -2^1022 saturates
  EXPECT_EQ(cast(int64_t(1), tiny, mid), 0);      // 2^-1088 rounds to 0
  EXPECT_EQ(cast(int64_t(512), mid, big), 0);     // 0.5 truncates to 0
  ActivationTable t = sigmoidTable(1024, mid);
  ASSERT_TRUE(tableIndexFits(t.spec, big.fracWidth()));
  // sigmoid(0) = 0.5 = 512 * 2^-10; sigmoid(+-2^1022) saturates the table.
  EXPECT_EQ(lookupActivation(t, 0, big, mid), 512);
  EXPECT_EQ(lookupActivation(t, 1, big, mid), t.entries.back());
  EXPECT_EQ(lookupActivation(t, -1, big, mid), t.entries.front());
  // F = 1088 is too fine for the 128-bit index: callers refuse it.
  EXPECT_FALSE(tableIndexFits(t.spec, tiny.fracWidth()));
}

TEST(ActivationTablesTest, TableIndexFits) {
  EXPECT_TRUE(tableIndexFits(sigmoidTableSpec(1024), 10));
  EXPECT_TRUE(tableIndexFits(sigmoidTableSpec(1024), -1000));
  EXPECT_TRUE(tableIndexFits(sigmoidTableSpec(1024), 105));
  EXPECT_FALSE(tableIndexFits(sigmoidTableSpec(1024), 112));
  EXPECT_FALSE(tableIndexFits(sigmoidTableSpec(0), 10));
  EXPECT_FALSE(tableIndexFits(sigmoidTableSpec(kMaxTableSize + 1), 10));
}

TEST(ActivationTablesTest, SigmoidEntriesAtLowerEdges) {
  // x_i = -8, -4, 0, 4; sigmoid = 0.000335, 0.017986, 0.5, 0.982014;
  // ap_fixed<8,1> (LSB 1/128), TRN: 0.043 -> 0, 2.302 -> 2, 64, 125.70 ->
  // 125.
  ActivationTable t = sigmoidTable(4, fixedFormat(8, 1));
  EXPECT_EQ(entries(t), (std::vector<int64_t>{0, 2, 64, 125}));
  EXPECT_DOUBLE_EQ(tableInput(t.spec, 3), 4.0);
  // sigmoid(1.5) in ap_fixed<8,4> (raw 24): index 2 -> 64 (0.5) -> cast
  // into ap_fixed<8,4> (LSB 1/16): raw 8.
  EXPECT_EQ(lookupActivation(t, 24, fixedFormat(8, 4), fixedFormat(8, 4)), 8);
}

TEST(ActivationTablesTest, TanhEntries) {
  // N = 8 over [-4, 4): x_i = -4 .. 3; ap_fixed<8,2> (LSB 1/64), TRN:
  // tanh * 64 = -63.957, -63.683, -61.698, -48.742, 0, 48.742, 61.698,
  // 63.683 -> floor.
  ActivationTable t = tanhTable(8, fixedFormat(8, 2));
  EXPECT_EQ(entries(t),
            (std::vector<int64_t>{-64, -64, -62, -49, 0, 48, 61, 63}));
  // Input ap_fixed<8,4>: index = floor((raw + 64) * 8 / 128).
  // -0.5 (raw -8) -> floor(56 / 16) = 3 -> -49; 9 is clamped -> 63.
  EXPECT_EQ(tableIndex(t.spec, -8, 4), 3);
  EXPECT_EQ(lookupActivation(t, -8, fixedFormat(8, 4), fixedFormat(8, 2)),
            -49);
  EXPECT_EQ(lookupActivation(t, 127, fixedFormat(8, 4), fixedFormat(8, 2)),
            63);
}

TEST(ActivationTablesTest, SoftplusAddsTheLinearPart) {
  // P over t in [0, 8), N = 4: t_i = 0, 2, 4, 6; ln(1 + e^-t) = 0.693147,
  // 0.126928, 0.018149, 0.002476; ap_ufixed<8,0> (LSB 1/256), TRN:
  // 177.45 -> 177, 32.49 -> 32, 4.65 -> 4, 0.63 -> 0.
  ActivationTable t = softplusTable(4, fixedFormat(8, 0, false));
  EXPECT_EQ(entries(t), (std::vector<int64_t>{177, 32, 4, 0}));
  Format in = fixedFormat(8, 4);
  // x = -1 (raw -16): |x| = 1 -> index floor(16 * 4 / 128) = 0 -> 177/256
  // = 0.69140625; + max(x, 0) = 0 -> ap_fixed<8,4>: 11.06 -> 11.
  EXPECT_EQ(softplus(t, -16, in, in), 11);
  // x = 2 (raw 32): index 1 -> 0.125; 2.125 -> 34.
  EXPECT_EQ(softplus(t, 32, in, in), 34);
  // x = 5 (raw 80): index floor(320 / 128) = 2 -> 4/256; 5.015625 -> 80.
  EXPECT_EQ(softplus(t, 80, in, in), 80);
}

TEST(ActivationTablesTest, GeluMultipliesItsGate) {
  // Phi(x) = 0.5 (1 + erf(x / sqrt 2)); its tanh approximation (ONNX):
  // Phi(1) = 0.8413447, Phi(-1) = 0.1586553; approximation at 1: 0.8411920.
  EXPECT_NEAR(geluGate(1.0, false), 0.8413447, 1e-7);
  EXPECT_NEAR(geluGate(-1.0, false), 0.1586553, 1e-7);
  EXPECT_NEAR(geluGate(1.0, true), 0.8411920, 1e-7);
  // G over [-8, 8), N = 4: x_i = -8, -4, 0, 4; Phi = 6e-16, 3.2e-5, 0.5,
  // 0.9999683; ap_ufixed<8,0> (LSB 1/256), TRN: 0, 0, 128, 255.
  for (bool tanhForm : {false, true}) {
    ActivationTable t = geluTable(4, fixedFormat(8, 0, false), tanhForm);
    EXPECT_EQ(entries(t), (std::vector<int64_t>{0, 0, 128, 255}));
    Format in = fixedFormat(8, 4);
    // x = 1 (raw 16): index floor(9 * 4 / 16) = 2 -> 0.5; 0.5 -> raw 8.
    EXPECT_EQ(gelu(t, 16, in, in), 8);
    // x = -3: index 1 -> 0.
    EXPECT_EQ(gelu(t, -48, in, in), 0);
    // x = 5: index 3 -> 255/256; 5 * 255/256 = 4.98 -> 79.69 -> 79 (TRN).
    EXPECT_EQ(gelu(t, 80, in, in), 79);
  }
}

TEST(ActivationTablesTest, RsqrtRangeFollowsTheInputFormat) {
  // [0, 2^k): k = I - 1 signed, I unsigned, clamped to [0, 62].
  EXPECT_EQ(rsqrtTableSpec(1024, fixedFormat(8, 3)).span, 4);
  EXPECT_EQ(rsqrtTableSpec(1024, fixedFormat(8, 3, false)).span, 8);
  EXPECT_EQ(rsqrtTableSpec(1024, fixedFormat(8, -2)).span, 1);
  EXPECT_EQ(rsqrtTableSpec(1024, fixedFormat(8, 200)).span,
            int64_t(1) << 62);
  EXPECT_EQ(rsqrtTableSpec(1024, fixedFormat(8, 3)).lo, 0);
}

TEST(ActivationTablesTest, RsqrtEntriesAtMidpoints) {
  // Input ap_fixed<8,3>: [0, 4), N = 4, bins of 1, midpoints 0.5 .. 3.5;
  // epsilon 0: 1/sqrt(m) = 1.4142136, 0.8164966, 0.6324555, 0.5345225;
  // ap_ufixed<8,2,RND> (LSB 1/64): 90.51 -> 91, 52.26 -> 52, 40.48 -> 40,
  // 34.21 -> 34.
  Format in = fixedFormat(8, 3);
  Format entry = fixedFormat(8, 2, false, Rounding::RND);
  ActivationTable t = rsqrtTable(4, entry, in, 0.0);
  EXPECT_EQ(entries(t), (std::vector<int64_t>{91, 52, 40, 34}));
  // epsilon 0.5 shifts every entry: 1/sqrt(1) = 1 -> 64.
  EXPECT_EQ(rsqrtTable(4, entry, in, 0.5).entries[0], 64);
  // v = 1.5 (raw 48, F = 5): bin 1; v = 3.96875 (raw 127): bin 3; a
  // negative v (a wrapped variance) clamps to bin 0.
  EXPECT_EQ(lookupActivation(t, 48, in, entry), 52);
  EXPECT_EQ(lookupActivation(t, 127, in, entry), 34);
  EXPECT_EQ(lookupActivation(t, -5, in, entry), 91);
}

TEST(ActivationTablesTest, ExpLinear) {
  // E = alpha (e^-t - 1), alpha = 1, N = 4 over [0, 8): 0, -0.864665,
  // -0.981684, -0.997521; ap_fixed<8,1> (LSB 1/128), TRN: 0, -110.68 ->
  // -111, -125.66 -> -126, -127.68 -> -128.
  ActivationTable e = expm1Table(4, fixedFormat(8, 1), 1.0);
  EXPECT_EQ(entries(e), (std::vector<int64_t>{0, -111, -126, -128}));
  Format in = fixedFormat(8, 4);
  Wide one{1, 0};
  // elu(-3) (raw -48): t = 3 -> index floor(48 * 4 / 128) = 1 -> -111/128
  // = -0.8671875 -> ap_fixed<8,4>: -13.875 -> floor -14.
  EXPECT_EQ(expLinear(e, one, -48, in, in), -14);
  EXPECT_EQ(expLinear(e, one, 8, in, in), 8); // x > 0: x
  EXPECT_EQ(expLinear(e, one, 0, in, in), 0); // x = 0: entry 0
  // selu with gamma = 1.5 (Wide{3, 1}): 2.5 (raw 40) -> 3.75 -> raw 60.
  EXPECT_EQ(expLinear(e, Wide{3, 1}, 40, in, in), 60);
}

TEST(ActivationTablesTest, SoftmaxTables) {
  // exp over t in [0, 8), N = 4, ap_ufixed<8,1> (LSB 1/128), TRN:
  // e^0 = 1 -> 128, e^-2 = 0.135335 -> 17.32 -> 17, e^-4 = 0.018316 ->
  // 2.34 -> 2, e^-6 = 0.002479 -> 0.32 -> 0.
  Format tf = fixedFormat(8, 1, false);
  ActivationTable ex = expTable(4, tf);
  EXPECT_EQ(entries(ex), (std::vector<int64_t>{128, 17, 2, 0}));
  // inverse over m in [1, 2): 1, 1/1.25, 1/1.5, 1/1.75 -> 128, 102.4 ->
  // 102, 85.33 -> 85, 73.14 -> 73.
  ActivationTable inv = inverseTable(4, tf);
  EXPECT_EQ(entries(inv), (std::vector<int64_t>{128, 102, 85, 73}));

  Format in = fixedFormat(8, 4);
  // x = [1, -1] (raws 16, -16): t = [0, 2] -> index [0, floor(32 * 4 /
  // 128) = 1] -> e = [128, 17]; s = 145 (F = 7), leading one p = 7,
  // index floor((145 - 128) * 4 / 128) = 0 -> v = 128; y = e * 128 with
  // F = 7 + 7 = 14: [1.0, 0.1328125] -> ap_ufixed<8,1>: [128, 17].
  int64_t x1[2] = {16, -16}, y1[2] = {0, 0};
  SoftmaxConfig stable{SoftmaxImpl::Stable, ex, inv, std::nullopt};
  softmax(stable, x1, 2, 1, in, y1, tf);
  EXPECT_EQ(y1[0], 128);
  EXPECT_EQ(y1[1], 17);
  // x = [0, 0, 0] with stride 2: e = 128 each, s = 384, p = 8, mantissa
  // 1.5 -> index floor(128 * 4 / 256) = 2 -> v = 85; y = 128 * 85 *
  // 2^-(7 + 8) = 0.33203125 = 42.5 LSB of ap_ufixed<8,1>: TRN 42, RND 43.
  int64_t x2[5] = {0, 99, 0, 99, 0}, y2[5] = {0, 0, 0, 0, 0};
  softmax(stable, x2, 3, 2, in, y2, tf);
  EXPECT_EQ(y2[0], 42);
  EXPECT_EQ(y2[2], 42);
  EXPECT_EQ(y2[4], 42);
  EXPECT_EQ(y2[1], 0); // untouched
  Format rnd = fixedFormat(8, 1, false, Rounding::RND);
  softmax(stable, x2, 3, 2, in, y2, rnd);
  EXPECT_EQ(y2[0], 43);
  // A table format that cannot hold 1.0: ap_fixed<8,1> wraps e^0 to -1
  // and the others are 17, 2: s = -128 + 17 < 0 -> outputs 0.
  ActivationTable bad = expTable(4, fixedFormat(8, 1));
  int64_t y3[2] = {5, 5};
  softmax(SoftmaxConfig{SoftmaxImpl::Stable, bad, inv, std::nullopt}, x1, 2,
          1, in, y3, tf);
  EXPECT_EQ(y3[0], 0);
  EXPECT_EQ(y3[1], 0);
}

TEST(ActivationTablesTest, SoftmaxAccum) {
  // Stable, tables as above; x = [0, 0, 0]: e = 128 each, exact s = 384
  // (F = 7) = 3.0.
  Format tf = fixedFormat(8, 1, false);
  Format in = fixedFormat(8, 4);
  int64_t x[3] = {0, 0, 0}, y[3] = {0, 0, 0};
  // accum ap_ufixed<4,1,AP_TRN,AP_SAT> (F = 3, max 15/8): s saturates to
  // raw 15, p = 3, mantissa index floor((15 - 8) * 4 / 8) = 3 -> v = 73;
  // y = 128 * 73 = 9344 with F = 7 + 7 + 3 - 3 = 14: 0.5703125 -> x128 =
  // 73.
  SoftmaxConfig sat = softmaxConfig(SoftmaxImpl::Stable, 4, tf, tf,
                                    fixedFormat(4, 1, false, Rounding::TRN,
                                                Overflow::SAT));
  softmax(sat, x, 3, 1, in, y, tf);
  EXPECT_EQ(y[0], 73);
  EXPECT_EQ(y[2], 73);
  // accum ap_fixed<3,2> (F = 1, wraps): 3.0 = raw 6 wraps to -2 (-1.0):
  // s <= 0 -> every output is 0.
  int64_t z[3] = {5, 5, 5};
  softmax(softmaxConfig(SoftmaxImpl::Stable, 4, tf, tf, fixedFormat(3, 2)), x,
          3, 1, in, z, tf);
  EXPECT_EQ(z[0], 0);
  EXPECT_EQ(z[1], 0);
}

TEST(ActivationTablesTest, SoftmaxLatency) {
  // Exp table over x in [-8, 8), N = 4, ap_ufixed<12,7> (F = 5), TRN:
  // x = -8, -4, 0, 4: e^x * 32 = 0.0107, 0.586, 32, 1747.1 -> [0, 0, 32,
  // 1747]. Inverse over the mantissa, ap_ufixed<8,1>: [128, 102, 85, 73].
  Format ef = fixedFormat(12, 7, false), vf = fixedFormat(8, 1, false);
  SoftmaxConfig c = softmaxConfig(SoftmaxImpl::Latency, 4, ef, vf,
                                  std::nullopt);
  EXPECT_EQ(entries(c.exp), (std::vector<int64_t>{0, 0, 32, 1747}));
  EXPECT_EQ(entries(c.inv), (std::vector<int64_t>{128, 102, 85, 73}));
  Format in = fixedFormat(8, 4);
  // x = [1, 0] (raws 16, 0), no maximum subtracted: index floor((x + 8) /
  // 4) = [2, 2] -> e = [32, 32]; s = 64 (F = 5), p = 6, mantissa index 0 ->
  // v = 128; y = 32 * 128 = 4096 with F = 5 + 7 + 6 - 5 = 13: 0.5 -> 64.
  int64_t x1[2] = {16, 0}, y1[2] = {0, 0};
  softmax(c, x1, 2, 1, in, y1, vf);
  EXPECT_EQ(y1[0], 64);
  EXPECT_EQ(y1[1], 64);
  // x = [4.5, 0] (raws 72, 0): index [3, 2] -> e = [1747, 32], s = 1779,
  // p = 10, mantissa index floor(755 * 4 / 1024) = 2 -> v = 85; F = 5 + 7 +
  // 10 - 5 = 17: 1747 * 85 / 2^17 = 1.13294 -> x128 = 145.01 -> 145;
  // 32 * 85 / 2^17 = 0.020752 -> 2.656 -> 2.
  int64_t x2[2] = {72, 0}, y2[2] = {0, 0};
  softmax(c, x2, 2, 1, in, y2, vf);
  EXPECT_EQ(y2[0], 145);
  EXPECT_EQ(y2[1], 2);
}

TEST(ActivationTablesTest, SoftmaxLegacy) {
  // N = 64. D = e^d over [-8, 8), index floor((d + 8) * 4), ap_ufixed<12,7>
  // (F = 5): d = 0 -> 32, d = -1 (index 28) -> 11.77 -> 11, d = 1 (index
  // 36) -> 86.98 -> 86. W = 1/s over [0, 64), index floor(s), ap_ufixed<8,1>
  // (F = 7): W[0] = 0, W[1] = 128, W[3] = 42.67 -> 42.
  Format ef = fixedFormat(12, 7, false), vf = fixedFormat(8, 1, false);
  SoftmaxConfig c = softmaxConfig(SoftmaxImpl::Legacy, 64, ef, vf,
                                  std::nullopt);
  EXPECT_EQ(c.exp.entries[32], 32);
  EXPECT_EQ(c.exp.entries[28], 11);
  EXPECT_EQ(c.exp.entries[36], 86);
  EXPECT_EQ(c.inv.entries[0], 0);
  EXPECT_EQ(c.inv.entries[1], 128);
  EXPECT_EQ(c.inv.entries[3], 42);
  // x = [1, 0] (raws 16, 0 of ap_fixed<8,4>): s_0 = D(0) + D(-1) = 43
  // (1.34375) -> W[1] = 128; s_1 = D(1) + D(0) = 118 (3.6875) -> W[3] = 42.
  Format in = fixedFormat(8, 4);
  int64_t x[2] = {16, 0}, y[2] = {0, 0};
  softmax(c, x, 2, 1, in, y, vf);
  EXPECT_EQ(y[0], 128);
  EXPECT_EQ(y[1], 42);
}

TEST(ActivationTablesTest, SoftmaxArgmax) {
  // The first maximum gets cast_R(1), the others 0 (no tables read).
  Format in = fixedFormat(8, 4);
  SoftmaxConfig c = softmaxConfig(SoftmaxImpl::Argmax, 4, in, in,
                                  std::nullopt);
  int64_t x[4] = {48, 80, 80, -16}, y[4] = {7, 7, 7, 7};
  softmax(c, x, 4, 1, in, y, in);
  EXPECT_EQ(y[0], 0);
  EXPECT_EQ(y[1], 16); // 1.0 in ap_fixed<8,4>
  EXPECT_EQ(y[2], 0);
  EXPECT_EQ(y[3], 0);
  // A result type that cannot hold 1 (ap_ufixed<8,0>): cast_R(1) saturates
  // to 255 with AP_SAT.
  Format sat = fixedFormat(8, 0, false, Rounding::TRN, Overflow::SAT);
  softmax(c, x, 4, 1, in, y, sat);
  EXPECT_EQ(y[1], 255);
  EXPECT_EQ(y[2], 0);
}

TEST(ActivationTablesTest, SoftmaxImplNames) {
  EXPECT_EQ(parseSoftmaxImpl("latency"), SoftmaxImpl::Latency);
  EXPECT_EQ(parseSoftmaxImpl("legacy"), SoftmaxImpl::Legacy);
  EXPECT_FALSE(parseSoftmaxImpl("Stable").has_value());
  EXPECT_STREQ(toString(SoftmaxImpl::Argmax), "argmax");
}

//===----------------------------------------------------------------------===//
// Accuracy of the defaults (ap_fixed<16,6> in and out)
//===----------------------------------------------------------------------===//

/// Max |y - f(x)| in LSBs of `out` over every raw of `in`.
double sweep(const Format &in, const Format &out,
             const std::function<int64_t(int64_t)> &fixed,
             const std::function<double(double)> &exact) {
  double worst = 0;
  for (int64_t raw = in.minRaw(); raw <= in.maxRaw(); ++raw) {
    double x = toDouble(raw, in);
    // Only where the real result is representable (selu's gamma * x
    // overflows ap_fixed<16,6> above 30.45).
    double lo = toDouble(out.minRaw(), out), hi = toDouble(out.maxRaw(), out);
    if (exact(x) < lo || exact(x) > hi)
      continue;
    double y = toDouble(fixed(raw), out);
    double e = std::fabs(y - exact(x)) * std::ldexp(1.0, out.fracWidth());
    worst = std::max(worst, e);
  }
  return worst;
}

struct Errors {
  double sigmoid, tanh, softplus, elu, selu;
};

Errors measure(int64_t size, const Format &in, const Format &out,
               const Format &table) {
  Errors e{};
  ActivationTable sig = sigmoidTable(size, table);
  e.sigmoid = sweep(
      in, out, [&](int64_t r) { return lookupActivation(sig, r, in, out); },
      [](double x) { return 1.0 / (1.0 + std::exp(-x)); });
  ActivationTable th = tanhTable(size, table);
  e.tanh = sweep(
      in, out, [&](int64_t r) { return lookupActivation(th, r, in, out); },
      [](double x) { return std::tanh(x); });
  ActivationTable sp = softplusTable(size, table);
  e.softplus = sweep(
      in, out, [&](int64_t r) { return softplus(sp, r, in, out); },
      [](double x) {
        return std::max(x, 0.0) + std::log1p(std::exp(-std::fabs(x)));
      });
  ActivationTable el = expm1Table(size, table, 1.0);
  e.elu = sweep(
      in, out, [&](int64_t r) { return expLinear(el, Wide{1, 0}, r, in, out); },
      [](double x) { return x > 0 ? x : std::expm1(x); });
  // ONNX's selu defaults as f32: alpha 1.67326319217681884765625,
  // gamma 1.05070102214813232421875 = 17628283 * 2^-24.
  double alpha = double(1.67326319217681884765625f);
  double gamma = double(1.05070102214813232421875f);
  ActivationTable se = expm1Table(size, table, gamma * alpha);
  Wide g{17628283, 24};
  e.selu = sweep(
      in, out, [&](int64_t r) { return expLinear(se, g, r, in, out); },
      [&](double x) { return x > 0 ? gamma * x : gamma * alpha * std::expm1(x); });
  return e;
}

/// Max error of softmax over [x, 0] for every x of `in`, and over pairs
/// [x, x - d] for every x and a few d (the n = 2 case covers every exp
/// entry); n = 10 vectors of random values.
double softmaxError(int64_t size, const Format &in, const Format &out,
                    const Format &table, int64_t n, uint64_t seed) {
  ActivationTable ex = expTable(size, table), inv = inverseTable(size, table);
  std::vector<int64_t> x(n), y(n);
  double worst = 0;
  uint64_t state = seed;
  auto next = [&]() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  int64_t count = n == 2 ? (in.maxRaw() - in.minRaw() + 1) : 20000;
  for (int64_t c = 0; c < count; ++c) {
    for (int64_t i = 0; i < n; ++i)
      x[i] = n == 2 ? (i == 0 ? in.minRaw() + c : 0)
                    : int64_t(next() % 8192) - 4096; // [-4, 4)
    softmax(SoftmaxConfig{SoftmaxImpl::Stable, ex, inv, std::nullopt},
            x.data(), n, 1, in, y.data(), out);
    double max = -1e300, sum = 0;
    for (int64_t i = 0; i < n; ++i)
      max = std::max(max, toDouble(x[i], in));
    for (int64_t i = 0; i < n; ++i)
      sum += std::exp(toDouble(x[i], in) - max);
    for (int64_t i = 0; i < n; ++i) {
      double exact = std::exp(toDouble(x[i], in) - max) / sum;
      double e = std::fabs(toDouble(y[i], out) - exact) *
                 std::ldexp(1.0, out.fracWidth());
      worst = std::max(worst, e);
    }
  }
  return worst;
}

TEST(ActivationTablesAccuracyTest, DefaultsOnApFixed16_6) {
  Format f = fixedFormat(16, 6);
  Errors d = measure(kDefaultTableSize, f, f, f);
  double sm2 = softmaxError(kDefaultTableSize, f, f,
                            kDefaultSoftmaxTableFormat, 2, 1);
  double sm10 = softmaxError(kDefaultTableSize, f, f,
                             kDefaultSoftmaxTableFormat, 10, 2);
  std::printf("defaults (N = 1024, table = result = ap_fixed<16,6>; softmax "
              "tables ap_ufixed<18,1,AP_RND,AP_SAT>), max error in LSB:\n"
              "  sigmoid %.3f  tanh %.3f  softplus %.3f  elu %.3f  selu %.3f"
              "  softmax(n=2) %.3f  softmax(n=10) %.3f\n",
              d.sigmoid, d.tanh, d.softplus, d.elu, d.selu, sm2, sm10);
  // The figures docs/Quantization.md gives (bounds a little above them).
  EXPECT_LT(d.sigmoid, 5.0);
  EXPECT_LT(d.tanh, 17.0);
  EXPECT_LT(d.softplus, 9.0);
  EXPECT_LT(d.elu, 17.0);
  EXPECT_LT(d.selu, 30.0);
  EXPECT_LT(sm2, 12.0);
  EXPECT_LT(sm10, 12.0);

  // Tables with one entry per input value of the range (bin = input LSB):
  // every in-range input reads its own f(x), within 1 LSB.
  Errors full{};
  full.sigmoid = measure(16384, f, f, f).sigmoid;
  Errors at8192 = measure(8192, f, f, f);
  double sm2full =
      softmaxError(8192, f, f, kDefaultSoftmaxTableFormat, 2, 1);
  std::printf("exact sampling (sigmoid N = 16384, others 8192): sigmoid "
              "%.3f  tanh %.3f  softplus %.3f  elu %.3f  selu %.3f  "
              "softmax(n=2) %.3f\n",
              full.sigmoid, at8192.tanh, at8192.softplus, at8192.elu,
              at8192.selu, sm2full);
  EXPECT_LE(full.sigmoid, 1.0);
  EXPECT_LE(at8192.tanh, 1.0);
  EXPECT_LE(at8192.softplus, 1.5);
  EXPECT_LE(at8192.elu, 1.0);
  EXPECT_LE(at8192.selu, 1.5);
}

} // namespace
