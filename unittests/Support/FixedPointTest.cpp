//===- FixedPointTest.cpp - nn::fx against SystemC sc_fix/sc_ufix ---------===//
//
// nn/Support/FixedPoint.h is checked two ways:
//  - hand-computed cases per rounding and overflow mode, with the expected
//    values derived in comments from the definitions;
//  - randomized comparison (fixed seeds) with SystemC's sc_fix/sc_ufix, which
//    implement the same quantization and overflow modes as ap_fixed, for
//    every rounding x overflow mode and signedness: quantizing doubles, casts
//    between formats, and full-precision products and sums followed by a cast.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/FixedPoint.h"

#ifndef SC_INCLUDE_FX
#define SC_INCLUDE_FX
#endif
#include <systemc.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace nn::fx;

// Readable parameter values in test listings ("AP_RND", not raw bytes).
namespace nn {
namespace fx {
void PrintTo(Rounding r, std::ostream *os) { *os << toString(r); }
void PrintTo(Overflow o, std::ostream *os) { *os << toString(o); }
void PrintTo(const Format &f, std::ostream *os) { *os << f.toString(); }
} // namespace fx
} // namespace nn

// libsystemc's main() calls sc_main; GoogleTest's main is used instead, but
// the symbol must exist for the link.
int sc_main(int, char **) { return 0; }

namespace {

//===----------------------------------------------------------------------===//
// Hand-computed cases
//===----------------------------------------------------------------------===//

std::string str(i128 v);

Format fmt(int w, int i, bool s = true, Rounding r = Rounding::TRN,
           Overflow o = Overflow::WRAP) {
  return Format{w, i, s, r, o};
}

/// Quantizes x and returns the represented value (all expected values below
/// are exact in double).
double q(double x, const Format &f) { return toDouble(quantize(x, f), f); }

// ap_fixed<4,2>: LSB 0.25, range [-2, 1.75]. Inputs: +-0.375 and +-0.625 are
// ties (exactly half an LSB above a representable value), 0.3 and 0.45 are
// below and above the half.
TEST(FixedPointHand, Rounding) {
  struct Case {
    Rounding r;
    double expected[7]; // for 0.375 -0.375 0.3 0.45 -0.3 0.625 -0.625
  };
  const double in[7] = {0.375, -0.375, 0.3, 0.45, -0.3, 0.625, -0.625};
  const Case cases[] = {
      // Floor.
      {Rounding::TRN, {0.25, -0.5, 0.25, 0.25, -0.5, 0.5, -0.75}},
      // Toward zero.
      {Rounding::TRN_ZERO, {0.25, -0.25, 0.25, 0.25, -0.25, 0.5, -0.5}},
      // Nearest; ties up (+inf): 0.375 -> 0.5, -0.375 -> -0.25.
      {Rounding::RND, {0.5, -0.25, 0.25, 0.5, -0.25, 0.75, -0.5}},
      // Nearest; ties toward zero.
      {Rounding::RND_ZERO, {0.25, -0.25, 0.25, 0.5, -0.25, 0.5, -0.5}},
      // Nearest; ties down (-inf).
      {Rounding::RND_MIN_INF, {0.25, -0.5, 0.25, 0.5, -0.25, 0.5, -0.75}},
      // Nearest; ties away from zero.
      {Rounding::RND_INF, {0.5, -0.5, 0.25, 0.5, -0.25, 0.75, -0.75}},
      // Nearest; ties to the even raw: 0.375 is between raws 1 and 2 -> 2
      // (0.5); -0.375 between -2 and -1 -> -2 (-0.5); 0.625 between 2 and 3
      // -> 2 (0.5); -0.625 between -3 and -2 -> -2 (-0.5).
      {Rounding::RND_CONV, {0.5, -0.5, 0.25, 0.5, -0.25, 0.5, -0.5}},
  };
  for (const Case &c : cases)
    for (int i = 0; i < 7; ++i)
      EXPECT_EQ(q(in[i], fmt(4, 2, true, c.r)), c.expected[i])
          << toString(c.r) << " " << in[i];
}

TEST(FixedPointHand, Overflow) {
  // ap_fixed<4,2>, truncation: raws [-8, 7], values [-2, 1.75].
  auto s = [](Overflow o) { return fmt(4, 2, true, Rounding::TRN, o); };
  // WRAP keeps the low 4 bits: 2.0 = raw 8 = 0b1000 -> -8 (-2.0); 2.25 = raw
  // 9 -> -7 (-1.75); -2.25 = raw -9 = ...10111 -> 0111 (1.75); 5.0 = raw 20
  // = 0b10100 -> 0100 (1.0).
  EXPECT_EQ(q(2.0, s(Overflow::WRAP)), -2.0);
  EXPECT_EQ(q(2.25, s(Overflow::WRAP)), -1.75);
  EXPECT_EQ(q(-2.25, s(Overflow::WRAP)), 1.75);
  EXPECT_EQ(q(5.0, s(Overflow::WRAP)), 1.0);
  // SAT clamps to the range.
  EXPECT_EQ(q(2.0, s(Overflow::SAT)), 1.75);
  EXPECT_EQ(q(-2.25, s(Overflow::SAT)), -2.0);
  EXPECT_EQ(q(1e300, s(Overflow::SAT)), 1.75);
  EXPECT_EQ(q(-2.0, s(Overflow::SAT)), -2.0);
  // SAT_ZERO: zero on overflow only.
  EXPECT_EQ(q(2.0, s(Overflow::SAT_ZERO)), 0.0);
  EXPECT_EQ(q(-2.25, s(Overflow::SAT_ZERO)), 0.0);
  EXPECT_EQ(q(1.75, s(Overflow::SAT_ZERO)), 1.75);
  EXPECT_EQ(q(-2.0, s(Overflow::SAT_ZERO)), -2.0);
  // SAT_SYM clamps to [-1.75, 1.75]; the minimum -2.0 itself becomes -1.75.
  EXPECT_EQ(q(2.0, s(Overflow::SAT_SYM)), 1.75);
  EXPECT_EQ(q(-2.25, s(Overflow::SAT_SYM)), -1.75);
  EXPECT_EQ(q(-2.0, s(Overflow::SAT_SYM)), -1.75);
  EXPECT_EQ(q(-1.75, s(Overflow::SAT_SYM)), -1.75);
  // WRAP_SM: sign <- bit 4; bits 2..0 inverted when bit 3 != bit 4.
  // raw 8 = 0b0'1000: sign 0, bit 3 = 1 -> 0b0111 = 7 (1.75).
  EXPECT_EQ(q(2.0, s(Overflow::WRAP_SM)), 1.75);
  // raw 9 = 0b0'1001 -> 0b0110 = 6 (1.5).
  EXPECT_EQ(q(2.25, s(Overflow::WRAP_SM)), 1.5);
  // raw -9 = ...1'0111: sign 1, bit 3 = 0 -> 0b1000 = -8 (-2.0).
  EXPECT_EQ(q(-2.25, s(Overflow::WRAP_SM)), -2.0);
  // raw 20 = 0b1'0100: sign 1, bit 3 = 0 -> 0b1011 = -5 (-1.25).
  EXPECT_EQ(q(5.0, s(Overflow::WRAP_SM)), -1.25);
  // UG1399's examples for ap_fixed<4,4,AP_RND,AP_WRAP_SM>: 19 -> -4, -19 -> 2.
  EXPECT_EQ(q(19.0, fmt(4, 4, true, Rounding::RND, Overflow::WRAP_SM)), -4.0);
  EXPECT_EQ(q(-19.0, fmt(4, 4, true, Rounding::RND, Overflow::WRAP_SM)), 2.0);
  // In range: unchanged.
  EXPECT_EQ(q(-2.0, s(Overflow::WRAP_SM)), -2.0);
  EXPECT_EQ(q(1.75, s(Overflow::WRAP_SM)), 1.75);

  // ap_ufixed<4,2>: raws [0, 15], values [0, 3.75].
  auto u = [](Overflow o) { return fmt(4, 2, false, Rounding::TRN, o); };
  EXPECT_EQ(q(4.0, u(Overflow::WRAP)), 0.0);    // raw 16 -> 0
  EXPECT_EQ(q(-0.25, u(Overflow::WRAP)), 3.75); // raw -1 -> 15
  EXPECT_EQ(q(-0.25, u(Overflow::SAT)), 0.0);
  EXPECT_EQ(q(4.0, u(Overflow::SAT)), 3.75);
  EXPECT_EQ(q(-0.25, u(Overflow::SAT_ZERO)), 0.0);
  EXPECT_EQ(q(4.5, u(Overflow::SAT_ZERO)), 0.0);
  // Rounding happens before overflow: -0.1 rounds to 0 (nearest), no
  // overflow, even with WRAP.
  EXPECT_EQ(q(-0.1, fmt(4, 2, false, Rounding::RND, Overflow::WRAP)), 0.0);

  // Rounding can cause the overflow: 1.875 = raw 7.5 rounds up to 8.
  EXPECT_EQ(q(1.875, fmt(4, 2, true, Rounding::RND, Overflow::SAT)), 1.75);
  EXPECT_EQ(q(1.875, fmt(4, 2, true, Rounding::RND, Overflow::WRAP)), -2.0);

  // One-bit signed format: values {-1, 0}; SAT_SYM's max is 0, so -1 -> 0.
  EXPECT_EQ(q(-1.0, fmt(1, 1, true, Rounding::TRN, Overflow::SAT_SYM)), 0.0);
  EXPECT_EQ(q(-1.0, fmt(1, 1, true, Rounding::TRN, Overflow::SAT)), -1.0);
  EXPECT_EQ(q(1.0, fmt(1, 1, true, Rounding::TRN, Overflow::SAT)), 0.0);
}

TEST(FixedPointHand, NonFinite) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Format f = fmt(8, 3); // [-4, 3.96875]
  EXPECT_EQ(quantize(nan, f), 0);
  EXPECT_EQ(quantize(inf, f), 127);
  EXPECT_EQ(quantize(-inf, f), -128);
  f.overflow = Overflow::SAT_SYM;
  EXPECT_EQ(quantize(-inf, f), -127);
  f.overflow = Overflow::SAT_ZERO;
  EXPECT_EQ(quantize(inf, f), 0);
  f.overflow = Overflow::WRAP_SM;
  EXPECT_EQ(quantize(inf, f), 127);
  EXPECT_EQ(quantize(-inf, fmt(8, 3, false)), 0);
  EXPECT_EQ(quantize(inf, fmt(64, 3, false)), -1); // all ones
}

TEST(FixedPointHand, FormatHelpers) {
  EXPECT_EQ(fmt(16, 6).toString(), "ap_fixed<16,6>");
  EXPECT_EQ(fmt(8, 0, false).toString(), "ap_ufixed<8,0>");
  EXPECT_EQ(fmt(16, 6, true, Rounding::RND, Overflow::SAT).toString(),
            "ap_fixed<16,6,AP_RND,AP_SAT>");
  EXPECT_EQ(fmt(16, 6, true, Rounding::RND_CONV).toString(),
            "ap_fixed<16,6,AP_RND_CONV>");
  EXPECT_EQ(fmt(16, -2, true, Rounding::TRN, Overflow::SAT_SYM).toString(),
            "ap_fixed<16,-2,AP_TRN,AP_SAT_SYM>");

  EXPECT_TRUE(fmt(64, 1024).isValid());
  EXPECT_TRUE(fmt(1, -1024, false).isValid());
  EXPECT_FALSE(fmt(0, 0).isValid());
  EXPECT_FALSE(fmt(65, 0).isValid());
  EXPECT_FALSE(fmt(8, 1025).isValid());
  EXPECT_FALSE(fmt(8, 2, false, Rounding::TRN, Overflow::SAT_SYM).isValid());
  EXPECT_FALSE(fmt(8, 2, false, Rounding::TRN, Overflow::WRAP_SM).isValid());

  EXPECT_EQ(fmt(16, 6).fracWidth(), 10);
  EXPECT_EQ(fmt(4, 6).fracWidth(), -2);
  EXPECT_EQ(fmt(8, 3).minRaw(), -128);
  EXPECT_EQ(fmt(8, 3).maxRaw(), 127);
  EXPECT_EQ(fmt(8, 3, false).maxRaw(), 255);
  EXPECT_EQ(fmt(64, 3).minRaw(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(fmt(64, 3, false).maxRaw(), -1);
  EXPECT_TRUE(fmt(64, 3, false).maxInt() == (i128(1) << 64) - 1);

  // Enum values are shared with the dialect through static_cast.
  EXPECT_EQ(static_cast<int>(Rounding::RND_CONV), 6);
  EXPECT_EQ(static_cast<int>(Overflow::WRAP_SM), 4);
}

TEST(FixedPointHand, ParseFormat) {
  auto parse = [](const char *text) { return parseFormat(text); };
  EXPECT_EQ(parse("ap_fixed<16,6>"), fmt(16, 6));
  EXPECT_EQ(parse(" ap_ufixed< 8 , 0 > "), fmt(8, 0, false));
  EXPECT_EQ(parse("ap_fixed<16,-2,AP_RND_CONV>"),
            fmt(16, -2, true, Rounding::RND_CONV));
  EXPECT_EQ(parse("ap_fixed<16,6,AP_RND,AP_SAT>"),
            fmt(16, 6, true, Rounding::RND, Overflow::SAT));
  EXPECT_EQ(parse("ap_fixed<16,6,AP_RND,AP_SAT,0>"),
            fmt(16, 6, true, Rounding::RND, Overflow::SAT));
  EXPECT_EQ(parse("fixed<18,8,RND,SAT_SYM>"),
            fmt(18, 8, true, Rounding::RND, Overflow::SAT_SYM));
  EXPECT_EQ(parse("ufixed<8,3>"), fmt(8, 3, false));
  EXPECT_EQ(parse("ap_int<8>"), fmt(8, 8));
  EXPECT_EQ(parse("uint<1>"), fmt(1, 1, false));
  for (const char *bad :
       {"", "ap_fixed", "ap_fixed<16>", "ap_fixed<16,6", "ap_fixed<16,6>x",
        "ap_fixed<0,0>", "ap_fixed<65,0>", "ap_fixed<16,6,AP_FOO>",
        "ap_fixed<16,6,AP_RND,AP_SAT,2>", "ap_ufixed<8,2,AP_TRN,AP_SAT_SYM>",
        "ap_int<8,2>", "float", "ap_fixed<16,6,>", "ap_fixed<99999999999,1>"})
    EXPECT_FALSE(parse(bad).has_value()) << bad;
  // Round trip with toString() over every valid mode combination.
  for (int r = 0; r <= 6; ++r)
    for (int o = 0; o <= 4; ++o)
      for (bool s : {true, false}) {
        Format f{24, -3, s, static_cast<Rounding>(r), static_cast<Overflow>(o)};
        if (f.isValid()) {
          EXPECT_EQ(parse(f.toString().c_str()), f) << f.toString();
        }
      }
}

TEST(FixedPointHand, LosslessFormats) {
  // Products: W1 + W2, I1 + I2.
  Format p = productFormat(fmt(8, 3), fmt(6, 1, false));
  EXPECT_EQ(p.width, 14);
  EXPECT_EQ(p.intWidth, 4);
  EXPECT_TRUE(p.isSigned);
  // Sums of signed: I = max + 1, F = max.
  Format s = sumFormat(fmt(8, 3), fmt(10, 2));
  EXPECT_EQ(s.intWidth, 4);
  EXPECT_EQ(s.fracWidth(), 8);
  EXPECT_TRUE(s.isSigned);
  // Unsigned + unsigned stays unsigned.
  s = sumFormat(fmt(8, 8, false), fmt(8, 8, false));
  EXPECT_EQ(s.width, 9);
  EXPECT_FALSE(s.isSigned);
  // ...but a difference is signed: [0, 255] - [0, 255] fits ap_fixed<9,9>.
  s = differenceFormat(fmt(8, 8, false), fmt(8, 8, false));
  EXPECT_EQ(s.width, 9);
  EXPECT_TRUE(s.isSigned);
  // Mixed: ap_fixed<8,8> + ap_ufixed<8,8> spans [-128, 382]: ap_fixed<10,10>.
  s = sumFormat(fmt(8, 8), fmt(8, 8, false));
  EXPECT_EQ(s.width, 10);
  EXPECT_EQ(s.intWidth, 10);
  EXPECT_TRUE(s.isSigned);
  Wide w = add(-128, fmt(8, 8), 255, fmt(8, 8, false));
  EXPECT_EQ(cast(w, s), 127);
  w = add(127, fmt(8, 8), 255, fmt(8, 8, false));
  EXPECT_EQ(cast(w, s), 382);

  // Alignment: 1.5 (ap_fixed<8,4>, raw 24, F=4) + 0.25 (ap_fixed<8,2>, raw
  // 16, F=6) = 1.75 = raw 112 with F=6.
  w = add(24, fmt(8, 4), 16, fmt(8, 2));
  EXPECT_EQ(w.fracWidth, 6);
  EXPECT_TRUE(w.raw == 112);
  w = sub(24, fmt(8, 4), 16, fmt(8, 2));
  EXPECT_TRUE(w.raw == 80);
  // 64-bit extremes multiply exactly.
  EXPECT_TRUE(multiply(INT64_MIN, INT64_MIN) == i128(1) << 126);
  w = multiply(-1, fmt(64, 0, false), -1, fmt(63, 0)); // (2^64-1) * -1
  EXPECT_TRUE(w.raw == -((i128(1) << 64) - 1));
}

// productFormat()/sumFormat() are lossless: the extreme operands' products,
// sums and differences survive a cast into them unchanged.
TEST(FixedPointHand, LosslessFormatsHoldExtremes) {
  std::mt19937_64 rng(42);
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  for (int n = 0; n < 20000; ++n) {
    Format fa = fmt(pick(1, 62), pick(-70, 70), pick(0, 1));
    Format fb = fmt(pick(1, 62), fa.intWidth + pick(-30, 30), pick(0, 1));
    Format pf = productFormat(fa, fb), sf = sumFormat(fa, fb);
    for (int64_t a : {fa.minRaw(), fa.maxRaw()})
      for (int64_t b : {fb.minRaw(), fb.maxRaw()}) {
        Wide p = multiply(a, fa, b, fb);
        EXPECT_TRUE(pf.minInt() <= p.raw && p.raw <= pf.maxInt());
        if (sf.width > 64)
          continue;
        Wide s = add(a, fa, b, fb);
        ASSERT_EQ(s.fracWidth, sf.fracWidth());
        ASSERT_TRUE(rawToInt(cast(s, sf), sf) == s.raw)
            << fa.toString() << " + " << fb.toString() << " " << str(s.raw);
        Format df = differenceFormat(fa, fb);
        Wide d = sub(a, fa, b, fb);
        ASSERT_EQ(d.fracWidth, df.fracWidth());
        ASSERT_TRUE(rawToInt(cast(d, df), df) == d.raw)
            << fa.toString() << " - " << fb.toString() << " " << str(d.raw);
      }
  }
}

TEST(FixedPointHand, ToDouble) {
  EXPECT_EQ(toDouble(3, fmt(8, 3)), 3.0 / 32);
  EXPECT_EQ(toDouble(-1, fmt(8, 100)), -std::ldexp(1.0, 92));
  // (2^64 - 1) * 2^-64 = 1 - 2^-64 rounds to 1.0.
  EXPECT_EQ(toDouble(-1, fmt(64, 0, false)), 1.0);
  // 2^64 - 1 rounds to 2^64 in double.
  EXPECT_EQ(toDouble(-1, fmt(64, 64, false)), 0x1p64);
  // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: to even, 2^53.
  EXPECT_EQ(toDouble((int64_t(1) << 53) + 1, fmt(64, 64)), 0x1p53);
  EXPECT_EQ(toDouble((int64_t(1) << 53) + 3, fmt(64, 64)), 0x1p53 + 4);
  // Subnormal results are rounded once: raw 3 * 2^-1076 = 0.75 * 2^-1074
  // -> 2^-1074; raw 1 * 2^-1075 is a tie -> 0 (even).
  EXPECT_EQ(toDouble(3, fmt(8, 8 - 1076)), std::ldexp(1.0, -1074));
  EXPECT_EQ(toDouble(1, fmt(8, 8 - 1075)), 0.0);
  EXPECT_EQ(toDouble(3, fmt(8, 8 - 1075)), std::ldexp(1.0, -1073));
  // Exactness round trip for a value with 53 significant bits.
  double x = 0x1.fffffffffffffp-3;
  EXPECT_EQ(toDouble(quantize(x, fmt(60, 2)), fmt(60, 2)), x);
}

TEST(FixedPointHand, WideToDoubleAndFloat) {
  // 128-bit values: 2^126 exactly; (2^127 - 1) rounds up to 2^127;
  // -2^127 (the i128 minimum) is exact.
  const i128 p126 = i128(1) << 126;
  const i128 min128 = static_cast<i128>(u128(1) << 127);
  EXPECT_EQ(toDouble(Wide{p126, 0}), 0x1p126);
  EXPECT_EQ(toDouble(Wide{(p126 - 1) + p126, 0}), 0x1p127);
  EXPECT_EQ(toDouble(Wide{min128, 0}), -0x1p127);
  EXPECT_EQ(toDouble(Wide{min128, 200}), -0x1p-73);
  // 2^64 + 2^11 + 1 is just above the tie between 2^64 and 2^64 + 2^12.
  EXPECT_EQ(toDouble(Wide{(i128(1) << 64) + 2049, 0}), 0x1p64 + 0x1p12);
  // Floats round once: 2^24 + 1 is a tie -> 2^24; 2^24 + 3 -> 2^24 + 4.
  EXPECT_EQ(toFloat(Wide{(1 << 24) + 1, 0}), 0x1p24f);
  EXPECT_EQ(toFloat(Wide{(1 << 24) + 3, 0}), 0x1p24f + 4);
  // 1 + 2^-24 + 2^-60 is above the tie between 1 and 1 + 2^-23; through
  // double it would first round to the tie (1 + 2^-24) and then to 1.
  const i128 above = (i128(1) << 60) + (i128(1) << 36) + 1;
  EXPECT_EQ(toFloat(Wide{above, 60}), 1.0f + 0x1p-23f);
  EXPECT_EQ(static_cast<float>(toDouble(Wide{above, 60})), 1.0f);
  // Subnormal floats: 3 * 2^-151 = 0.75 * 2^-149 -> 2^-149; 2^-150 is a
  // tie -> 0; beyond the float range -> infinity.
  EXPECT_EQ(toFloat(Wide{3, 151}), 0x1p-149f);
  EXPECT_EQ(toFloat(Wide{1, 150}), 0.0f);
  EXPECT_EQ(toFloat(Wide{-1, -128}), -std::numeric_limits<float>::infinity());
  // The largest float survives; half an ulp above it rounds to infinity.
  const i128 fmax = (i128(1) << 24) - 1; // FLT_MAX = fmax * 2^104
  EXPECT_EQ(toFloat(Wide{fmax, -104}), std::numeric_limits<float>::max());
  EXPECT_EQ(toFloat(Wide{2 * fmax + 1, -103}),
            std::numeric_limits<float>::infinity());
}

TEST(FixedPointHand, Compare) {
  EXPECT_EQ(compare(Wide{3, 1}, Wide{6, 2}), 0);     // 1.5 == 1.5
  EXPECT_EQ(compare(Wide{3, 1}, Wide{7, 2}), -1);    // 1.5 < 1.75
  EXPECT_EQ(compare(Wide{-3, 1}, Wide{-7, 2}), 1);   // -1.5 > -1.75
  EXPECT_EQ(compare(Wide{0, 5}, Wide{0, -5}), 0);    // zeros
  EXPECT_EQ(compare(Wide{-1, 1000}, Wide{0, 0}), -1); // signs first
  // Binary points 2000 bits apart: no shift could align them in 128 bits.
  EXPECT_EQ(compare(Wide{1, -1000}, Wide{i128(1) << 100, 1000}), 1);
  EXPECT_EQ(compare(Wide{-1, -1000}, Wide{-(i128(1) << 100), 1000}), -1);
  // 2^127 - 1 at frac 0 vs 1 at frac -126 (= 2^126).
  const i128 max128 = static_cast<i128>((u128(1) << 127) - 1);
  EXPECT_EQ(compare(Wide{max128, 0}, Wide{1, -126}), 1);
  EXPECT_EQ(compare(Wide{1, -127}, Wide{max128, 0}), 1); // 2^127 > 2^127 - 1
  static_assert(compare(Wide{1, 0}, Wide{2, 1}) == 0, "usable at compile time");
}

TEST(FixedPointHand, WideMultiply) {
  const i128 p63 = i128(1) << 63;
  Wide p = multiply(Wide{-p63, 3}, Wide{-p63, 4}); // 2^126 * 2^-7
  EXPECT_TRUE(p.raw == (i128(1) << 126));
  EXPECT_EQ(p.fracWidth, 7);
}

// The header is usable at compile time (weights folded by constexpr code).
static_assert(cast(i128(7), 1,
                   Format{4, 4, true, Rounding::RND, Overflow::SAT}) == 4,
              "3.5 rounds up to 4");
static_assert(cast(i128(-7), 1,
                   Format{4, 4, true, Rounding::RND_INF, Overflow::SAT}) == -4,
              "-3.5 rounds away from zero");

//===----------------------------------------------------------------------===//
// SystemC oracle
//===----------------------------------------------------------------------===//

sc_dt::sc_q_mode scQ(Rounding r) {
  switch (r) {
  case Rounding::TRN:
    return sc_dt::SC_TRN;
  case Rounding::TRN_ZERO:
    return sc_dt::SC_TRN_ZERO;
  case Rounding::RND:
    return sc_dt::SC_RND;
  case Rounding::RND_ZERO:
    return sc_dt::SC_RND_ZERO;
  case Rounding::RND_MIN_INF:
    return sc_dt::SC_RND_MIN_INF;
  case Rounding::RND_INF:
    return sc_dt::SC_RND_INF;
  case Rounding::RND_CONV:
    return sc_dt::SC_RND_CONV;
  }
  return sc_dt::SC_TRN;
}

sc_dt::sc_o_mode scO(Overflow o) {
  switch (o) {
  case Overflow::WRAP:
    return sc_dt::SC_WRAP;
  case Overflow::SAT:
    return sc_dt::SC_SAT;
  case Overflow::SAT_ZERO:
    return sc_dt::SC_SAT_ZERO;
  case Overflow::SAT_SYM:
    return sc_dt::SC_SAT_SYM;
  case Overflow::WRAP_SM:
    return sc_dt::SC_WRAP_SM;
  }
  return sc_dt::SC_WRAP;
}

sc_dt::sc_fxtype_params scParams(const Format &f) {
  // n_bits = 0: the saturation-bits variant of the wrap modes is not used.
  return sc_dt::sc_fxtype_params(f.width, f.intWidth, scQ(f.rounding),
                                 scO(f.overflow), 0);
}

// sc_fix's default cast switch is taken from the context (SC_ON unless
// changed); pass SC_ON explicitly so every assignment quantizes.
const sc_dt::sc_fxcast_switch castOn(sc_dt::SC_ON);

/// The raw bits of an sc_fix/sc_ufix of format f, as this library stores them.
int64_t scRaw(const sc_dt::sc_fxnum &n, const Format &f) {
  uint64_t bits = n.range().to_uint64();
  bits &= f.width >= 64 ? ~uint64_t(0) : (uint64_t(1) << f.width) - 1;
  if (f.isSigned && f.width < 64 && ((bits >> (f.width - 1)) & 1))
    bits |= ~uint64_t(0) << f.width;
  return static_cast<int64_t>(bits);
}

/// The exact value raw * 2^-frac as an (arbitrary-precision) sc_fxval.
sc_dt::sc_fxval scValue(i128 raw, int frac) {
  int64_t hi = static_cast<int64_t>(raw >> 64);
  uint64_t lo = static_cast<uint64_t>(raw);
  sc_dt::sc_fxval v = (sc_dt::sc_fxval(static_cast<sc_dt::int64>(hi)) << 64) +
                      sc_dt::sc_fxval(static_cast<sc_dt::uint64>(lo));
  return frac >= 0 ? (v >> frac) : (v << -frac);
}

/// The same value as v, rebuilt from its text.
///
/// Works around a SystemC 2.3.4 bug: casting the sc_fxval returned by a
/// multiplication can lose a rounding carry. E.g. (1 - 2^-62) * (2^32 - 2^-25)
/// = 0xffffffff.ffffff7c00000000000002 cast to sc_ufix<55,33,SC_RND> gives 0
/// instead of 0x100000000, while the equal value parsed from that string
/// rounds correctly.
sc_dt::sc_fxval canonical(const sc_dt::sc_fxval &v) {
  return sc_dt::sc_fxval(v.to_string(sc_dt::SC_HEX).c_str());
}

/// SystemC's result of assigning v to a variable of format `to`.
/// V is an sc_fxval or another sc_fix/sc_ufix (an sc_fxnum).
template <typename V> int64_t scCast(const V &v, const Format &to) {
  if (to.isSigned) {
    sc_dt::sc_fix r(scParams(to), castOn);
    r = v;
    return scRaw(r, to);
  }
  sc_dt::sc_ufix r(scParams(to), castOn);
  r = v;
  return scRaw(r, to);
}

std::string str(i128 v) {
  bool neg = v < 0;
  u128 m = neg ? -static_cast<u128>(v) : static_cast<u128>(v);
  std::string s;
  do {
    s.insert(s.begin(), char('0' + int(m % 10)));
    m /= 10;
  } while (m);
  return neg ? "-" + s : s;
}

//===----------------------------------------------------------------------===//
// Random generators
//===----------------------------------------------------------------------===//

class Gen {
public:
  explicit Gen(uint64_t seed) : rng(seed) {}

  int uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  }
  bool chance(int percent) { return uniform(0, 99) < percent; }

  /// A width in [1, 64], biased toward the small and the extreme.
  int width() {
    switch (uniform(0, 3)) {
    case 0:
      return uniform(1, 8);
    case 1:
      return uniform(1, 64);
    case 2:
      return uniform(56, 64);
    default:
      return uniform(8, 32);
    }
  }

  /// An intWidth for `width`: negative, zero, inside, equal, larger, extreme.
  int intWidth(int w) {
    switch (uniform(0, 9)) {
    case 0:
      return uniform(-w - 8, -1);
    case 1:
      return 0;
    case 2:
    case 3:
    case 4:
      return uniform(1, w);
    case 5:
      return w;
    case 6:
    case 7:
      return uniform(w + 1, w + 20);
    case 8:
      return uniform(-12, 12);
    default:
      return chance(50) ? uniform(-1024, -1000) : uniform(1000, 1024);
    }
  }

  Format format(bool isSigned, Rounding r, Overflow o) {
    int w = width();
    return Format{w, intWidth(w), isSigned, r, o};
  }

  /// A uniformly random stored raw of format f.
  int64_t raw(const Format &f) {
    uint64_t bits = rng();
    // Favour small magnitudes and the extremes now and then.
    switch (uniform(0, 7)) {
    case 0:
      bits = static_cast<uint64_t>(uniform(-3, 3));
      break;
    case 1:
      return f.minRaw();
    case 2:
      return f.maxRaw();
    case 3:
      bits >>= uniform(0, 63);
      if (chance(50))
        bits = ~bits;
      break;
    default:
      break;
    }
    return detail::extend(bits, f.width, f.isSigned);
  }

  /// A double around the range of f: random significands of 1..53 bits at
  /// magnitudes from far below the LSB to far above the maximum, exact ties
  /// (k + 1/2 LSB), exact values, boundaries, and extremes.
  double value(const Format &f) {
    // Formats near intWidth 1024 reach beyond the double range (SystemC
    // rejects infinities): fall back to the largest double.
    double x = valueImpl(f);
    if (!std::isfinite(x))
      return std::copysign(std::numeric_limits<double>::max(), x);
    return x;
  }

  double valueImpl(const Format &f) {
    const int frac = f.fracWidth();
    switch (uniform(0, 9)) {
    case 0:
    case 1: { // exact tie: (k + 1/2) * 2^-frac with k of <= 52 bits
      int64_t k = static_cast<int64_t>(rng() >> uniform(12, 63));
      if (chance(50))
        k = -k;
      double x = std::ldexp(static_cast<double>(2 * k + 1), -frac - 1);
      return x;
    }
    case 2: { // tie just off by one ulp of the double
      int64_t k = static_cast<int64_t>(rng() >> uniform(12, 63));
      double x = std::ldexp(static_cast<double>(2 * k + 1), -frac - 1);
      return chance(50) ? std::nextafter(x, 1e308) : std::nextafter(x, -1e308);
    }
    case 3: { // boundary: min/max +- a little
      double b = toDouble(chance(50) ? f.minRaw() : f.maxRaw(), f);
      double lsb = std::ldexp(1.0, -frac);
      return b + lsb * (uniform(-4, 4) / 2.0);
    }
    case 4: { // extreme
      static const double extremes[] = {
          1e308, -1e308, 4.9e-324, -4.9e-324, 2.2250738585072014e-308,
          0.0,   -0.0,   1.0,      -1.0,      0.5,
          -0.5};
      return extremes[uniform(0, 10)];
    }
    default: { // random significand at a random magnitude near the range
      int bits = uniform(1, 53);
      uint64_t m = (rng() >> (64 - bits)) | (uint64_t(1) << (bits - 1));
      int lead = uniform(-frac - 12, f.intWidth + 12); // exponent of MSB
      if (lead > 1000)
        lead = 1000;
      if (lead < -1060)
        lead = -1060;
      double x = std::ldexp(static_cast<double>(m), lead - (bits - 1));
      return chance(50) ? -x : x;
    }
    }
  }

  std::mt19937_64 rng;
};

//===----------------------------------------------------------------------===//
// Coverage accounting: the random cases must actually exercise rounding,
// exact ties and overflow, so each test counts them and checks minimums.
//===----------------------------------------------------------------------===//

struct Coverage {
  long cases = 0, inexact = 0, ties = 0, overflows = 0;

  /// Classifies casting raw * 2^-fromFrac into `to`.
  void add(i128 raw, int fromFrac, const Format &to) {
    ++cases;
    long long shift = static_cast<long long>(fromFrac) - to.fracWidth();
    if (shift > 0 && raw != 0) {
      if (shift >= 127) {
        ++inexact;
      } else {
        u128 rem = static_cast<u128>(raw) & ((u128(1) << shift) - 1);
        inexact += rem != 0;
        ties += rem == (u128(1) << (shift - 1));
      }
    }
    detail::Quantized q =
        detail::quantizeStep(raw, fromFrac, to.fracWidth(), to.rounding);
    i128 v = static_cast<i128>(q.low);
    i128 lo = to.isSigned && to.overflow == Overflow::SAT_SYM ? -to.maxInt()
                                                              : to.minInt();
    overflows += !q.fits || v < lo || v > to.maxInt();
  }
  void operator+=(const Coverage &o) {
    cases += o.cases, inexact += o.inexact, ties += o.ties,
        overflows += o.overflows;
  }
  /// Every kind of case is at least `percent` % of the total.
  void expectAtLeast(int percent) const {
    EXPECT_GE(inexact * 100, percent * cases) << "too few inexact cases";
    EXPECT_GE(ties * 100, percent * cases) << "too few ties";
    EXPECT_GE(overflows * 100, percent * cases) << "too few overflows";
    EXPECT_GE((cases - overflows) * 100, percent * cases) << "too few in range";
  }
};

/// Totals over all modes, printed at the end of the run.
Coverage totalQuantize, totalCast, totalArith;

class CoverageReport : public ::testing::Environment {
  void TearDown() override {
    auto line = [](const char *what, const Coverage &c) {
      if (c.cases)
        std::printf("[ coverage ] %-22s %8ld cases: %ld inexact, %ld exact "
                    "ties, %ld overflows\n",
                    what, c.cases, c.inexact, c.ties, c.overflows);
    };
    line("quantize(double)", totalQuantize);
    line("cast", totalCast);
    line("product/sum then cast", totalArith);
  }
};
const ::testing::Environment *const coverageReport =
    ::testing::AddGlobalTestEnvironment(new CoverageReport);

/// x as raw * 2^-frac with a 53-bit integer raw (x finite).
Wide decompose(double x) {
  if (x == 0)
    return {0, 0};
  int e = 0;
  double m = std::frexp(x, &e);
  return {static_cast<i128>(std::ldexp(m, 53)), 53 - e};
}

//===----------------------------------------------------------------------===//
// Randomized comparison, one instance per (rounding, overflow, signedness)
//===----------------------------------------------------------------------===//

using ModeParam = std::tuple<Rounding, Overflow, bool>;

class FixedPointVsSystemC : public ::testing::TestWithParam<ModeParam> {
protected:
  Rounding rounding() const { return std::get<0>(GetParam()); }
  Overflow overflow() const { return std::get<1>(GetParam()); }
  bool isSigned() const { return std::get<2>(GetParam()); }
  uint64_t seed(uint64_t salt) const {
    return salt * 1000003 + static_cast<uint64_t>(rounding()) * 17 +
           static_cast<uint64_t>(overflow()) * 131 + (isSigned() ? 7 : 0);
  }
  Format randomFormat(Gen &g) const {
    return g.format(isSigned(), rounding(), overflow());
  }
  /// A destination format close enough to a value of lossless format
  /// `src` that rounding and overflow both happen often, but not always.
  Format nearFormat(Gen &g, int srcWidth, int srcIntWidth) const {
    int w = g.chance(20) ? g.width() : g.uniform(1, std::min(64, srcWidth));
    int i = g.chance(15) ? g.intWidth(w) : srcIntWidth + g.uniform(-6, 3);
    if (i < -1024)
      i = -1024;
    if (i > 1024)
      i = 1024;
    return Format{w, i, isSigned(), rounding(), overflow()};
  }

  /// Now and then moves dst's binary point so that casting raw * 2^-frac
  /// into it is an exact tie: the discarded bits are exactly 100...0.
  void maybeTie(Gen &g, Format &dst, i128 raw, int frac) const {
    if (raw == 0 || !g.chance(25))
      return;
    int tz = 0;
    while (((raw >> tz) & 1) == 0)
      ++tz;
    int intWidth = dst.width - (frac - tz - 1);
    if (intWidth >= -1024 && intWidth <= 1024)
      dst.intWidth = intWidth;
  }

  static constexpr int kQuantizeCases = 20000;
  static constexpr int kCastCases = 15000;
  static constexpr int kArithCases = 8000; // each: one product, one sum
};

TEST_P(FixedPointVsSystemC, QuantizeDouble) {
  Gen g(seed(1));
  Coverage cov;
  for (int n = 0; n < kQuantizeCases; ++n) {
    Format f = randomFormat(g);
    double x = g.value(f);
    Wide d = decompose(x);
    cov.add(d.raw, d.fracWidth, f);
    int64_t expected = scCast(x, f); // sc_fix assigned a double
    int64_t got = quantize(x, f);
    ASSERT_EQ(got, expected) << f.toString() << " from " << std::hexfloat << x
                             << " (case " << n << ")";
  }
  cov.expectAtLeast(3);
  totalQuantize += cov;
}

TEST_P(FixedPointVsSystemC, Cast) {
  Gen g(seed(2));
  Coverage cov;
  for (int n = 0; n < kCastCases; ++n) {
    // The source is any stored value, signed or not (its own modes do not
    // matter: it is exact).
    Format src = g.format(g.chance(50), Rounding::TRN, Overflow::WRAP);
    Format dst = nearFormat(g, src.width, src.intWidth);
    int64_t raw = g.raw(src);
    maybeTie(g, dst, rawToInt(raw, src), src.fracWidth());
    sc_dt::sc_fxval v = scValue(rawToInt(raw, src), src.fracWidth());
    int64_t expected;
    if (src.isSigned) {
      sc_dt::sc_fix s(v, scParams(src), castOn);
      expected = scCast(s, dst); // sc_fix assigned to sc_fix
    } else {
      sc_dt::sc_ufix s(v, scParams(src), castOn);
      expected = scCast(s, dst); // sc_fix assigned to sc_fix
    }
    int64_t got = cast(raw, src, dst);
    cov.add(rawToInt(raw, src), src.fracWidth(), dst);
    ASSERT_EQ(got, expected) << src.toString() << " raw " << raw << " -> "
                             << dst.toString() << " (case " << n << ")";
  }
  cov.expectAtLeast(3);
  totalCast += cov;
}

TEST_P(FixedPointVsSystemC, ProductAndSumThenCast) {
  Gen g(seed(3));
  Coverage cov;
  for (int n = 0; n < kArithCases; ++n) {
    Format fa = g.format(g.chance(50), Rounding::TRN, Overflow::WRAP);
    Format fb = g.format(g.chance(50), Rounding::TRN, Overflow::WRAP);
    if (!fa.isSigned && !fb.isSigned && fa.width + fb.width > 127)
      fb.width = 63; // u64 x u64 does not fit 128 signed bits
    int64_t a = g.raw(fa), b = g.raw(fb);
    sc_dt::sc_fxval va = scValue(rawToInt(a, fa), fa.fracWidth());
    sc_dt::sc_fxval vb = scValue(rawToInt(b, fb), fb.fracWidth());

    // Product: exact in both, then cast.
    Format pf = productFormat(fa, fb);
    Wide p = multiply(a, fa, b, fb);
    Format dst = nearFormat(g, pf.width, pf.intWidth);
    maybeTie(g, dst, p.raw, p.fracWidth);
    cov.add(p.raw, p.fracWidth, dst);
    sc_dt::sc_fxval vp = va * vb;
    ASSERT_TRUE(vp == scValue(p.raw, p.fracWidth)) << "product " << n;
    ASSERT_EQ(cast(p, dst), scCast(canonical(vp), dst))
        << fa.toString() << " " << a << " * " << fb.toString() << " " << b
        << " = " << str(p.raw) << " >> " << p.fracWidth << " -> "
        << dst.toString() << " (case " << n << ")";

    // Sum: only when the aligned sum fits 128 bits (add()'s precondition).
    Format sf = sumFormat(fa, fb);
    if (sf.width > 127)
      continue;
    bool isAdd = g.chance(50);
    Wide s = isAdd ? add(a, fa, b, fb) : sub(a, fa, b, fb);
    sc_dt::sc_fxval vs = isAdd ? va + vb : va - vb;
    dst = nearFormat(g, sf.width, sf.intWidth);
    maybeTie(g, dst, s.raw, s.fracWidth);
    cov.add(s.raw, s.fracWidth, dst);
    ASSERT_TRUE(vs == scValue(s.raw, s.fracWidth)) << "sum " << n;
    ASSERT_EQ(cast(s, dst), scCast(canonical(vs), dst))
        << fa.toString() << " " << a << " +- " << fb.toString() << " " << b
        << " = " << str(s.raw) << " >> " << s.fracWidth << " -> "
        << dst.toString() << " (case " << n << ")";
  }
  cov.expectAtLeast(3);
  totalArith += cov;
}

// SAT_SYM on an unsigned format is not isValid() here, but SystemC accepts
// it (as SAT) and cast() does the same; check it stays that way.
TEST(FixedPointVsSystemCExtra, UnsignedSatSymIsSat) {
  Gen g(99);
  for (int n = 0; n < 5000; ++n) {
    Rounding r = static_cast<Rounding>(g.uniform(0, 6));
    Format dst = g.format(false, r, Overflow::SAT_SYM);
    Format src = g.format(true, Rounding::TRN, Overflow::WRAP);
    src.intWidth = dst.intWidth + g.uniform(-4, 4);
    int64_t raw = g.raw(src);
    sc_dt::sc_fxval v = scValue(raw, src.fracWidth());
    ASSERT_EQ(cast(raw, src, dst), scCast(v, dst))
        << src.toString() << " raw " << raw << " -> " << dst.toString();
    Format sat = dst;
    sat.overflow = Overflow::SAT;
    ASSERT_EQ(cast(raw, src, dst), cast(raw, src, sat));
  }
}

std::vector<ModeParam> allModes() {
  std::vector<ModeParam> modes;
  for (int r = 0; r <= static_cast<int>(Rounding::RND_CONV); ++r)
    for (int o = 0; o <= static_cast<int>(Overflow::WRAP_SM); ++o)
      for (bool s : {true, false}) {
        Format f{8, 4, s, static_cast<Rounding>(r), static_cast<Overflow>(o)};
        if (f.isValid())
          modes.emplace_back(f.rounding, f.overflow, s);
      }
  return modes;
}

std::string modeName(const ::testing::TestParamInfo<ModeParam> &info) {
  std::string name = toString(std::get<0>(info.param));
  name += "_";
  name += toString(std::get<1>(info.param));
  name += std::get<2>(info.param) ? "_signed" : "_unsigned";
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllModes, FixedPointVsSystemC,
                         ::testing::ValuesIn(allModes()), modeName);

} // namespace
