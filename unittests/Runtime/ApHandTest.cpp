//===- ApHandTest.cpp - runtime ap types, hand-computed cases --------------===//
//
// Expected values are derived in the comments from UG1399's definitions of
// the modes and result types; nothing here is pasted from the code's own
// output. Also built as C++14 (NNRuntimeHandTests14).
//
//===----------------------------------------------------------------------===//

#include <ap_fixed.h>
#include <ap_int.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>

namespace {

template <typename T> std::string text(const T &x) {
  std::ostringstream os;
  os << x;
  return os.str();
}

//===----------------------------------------------------------------------===//
// Quantization and overflow modes
//===----------------------------------------------------------------------===//

// ap_fixed<4,2,Q>: LSB 0.25, range [-2, 1.75]. In LSBs the inputs are 1.5,
// -1.5, 1.2, 1.8, -1.2, 2.5, -2.5: four exact ties and three non-ties.
const double kRoundingInputs[7] = {0.375, -0.375, 0.3, 0.45,
                                   -0.3,  0.625,  -0.625};

template <ap_q_mode Q> void checkRounding(const double (&expected)[7]) {
  for (int k = 0; k < 7; ++k) {
    ap_fixed<4, 2, Q> x = kRoundingInputs[k];
    EXPECT_EQ(x.to_double(), expected[k]) << "mode " << Q << " input "
                                          << kRoundingInputs[k];
    // The same through a cast from an exact wider type.
    ap_fixed<16, 4> wide = kRoundingInputs[k];
    if (wide.to_double() == kRoundingInputs[k]) {
      ap_fixed<4, 2, Q> y = wide;
      EXPECT_EQ(y.to_double(), expected[k]) << "cast, mode " << Q;
    }
  }
}

TEST(ApHand, QuantizationModes) {
  // Floor.
  checkRounding<AP_TRN>({0.25, -0.5, 0.25, 0.25, -0.5, 0.5, -0.75});
  // Toward zero.
  checkRounding<AP_TRN_ZERO>({0.25, -0.25, 0.25, 0.25, -0.25, 0.5, -0.5});
  // Nearest, ties up: 1.5 -> 2, -1.5 -> -1, 2.5 -> 3, -2.5 -> -2 LSBs.
  checkRounding<AP_RND>({0.5, -0.25, 0.25, 0.5, -0.25, 0.75, -0.5});
  // Nearest, ties toward zero: 1.5 -> 1, -1.5 -> -1, 2.5 -> 2, -2.5 -> -2.
  checkRounding<AP_RND_ZERO>({0.25, -0.25, 0.25, 0.5, -0.25, 0.5, -0.5});
  // Nearest, ties down: 1.5 -> 1, -1.5 -> -2, 2.5 -> 2, -2.5 -> -3.
  checkRounding<AP_RND_MIN_INF>({0.25, -0.5, 0.25, 0.5, -0.25, 0.5, -0.75});
  // Nearest, ties away from zero: 1.5 -> 2, -1.5 -> -2, 2.5 -> 3, -2.5 -> -3.
  checkRounding<AP_RND_INF>({0.5, -0.5, 0.25, 0.5, -0.25, 0.75, -0.75});
  // Nearest, ties to even: 1.5 -> 2, -1.5 -> -2, 2.5 -> 2, -2.5 -> -2.
  checkRounding<AP_RND_CONV>({0.5, -0.5, 0.25, 0.5, -0.25, 0.5, -0.5});
}

// ap_fixed<4,4,AP_TRN,O>: integers in [-8, 7]. Inputs 19, -19, 8, -9, 7, -8.
const int kOverflowInputs[6] = {19, -19, 8, -9, 7, -8};

template <ap_o_mode O> void checkOverflow(const int (&expected)[6]) {
  for (int k = 0; k < 6; ++k) {
    ap_fixed<4, 4, AP_TRN, O> fromInt = kOverflowInputs[k];
    ap_fixed<4, 4, AP_TRN, O> fromDouble = double(kOverflowInputs[k]);
    ap_fixed<4, 4, AP_TRN, O> fromAp = ap_int<8>(kOverflowInputs[k]);
    EXPECT_EQ(fromInt.to_int(), expected[k])
        << "mode " << O << " input " << kOverflowInputs[k];
    EXPECT_EQ(fromDouble.to_int(), expected[k]);
    EXPECT_EQ(fromAp.to_int(), expected[k]);
  }
}

TEST(ApHand, OverflowModesSigned) {
  // Low 4 bits: 19 = 1'0011 -> 3; -19 = ...1110'1101 -> 1101 = -3;
  // 8 = 1000 -> -8; -9 = ...1'0111 -> 7.
  checkOverflow<AP_WRAP>({3, -3, -8, 7, 7, -8});
  checkOverflow<AP_SAT>({7, -8, 7, -8, 7, -8});
  checkOverflow<AP_SAT_ZERO>({0, 0, 0, 0, 7, -8});
  // Symmetric: the minimum -8 itself becomes -7.
  checkOverflow<AP_SAT_SYM>({7, -7, 7, -7, 7, -7});
  // Sign-magnitude wrap: the new sign is bit 4 (the lowest dropped bit); the
  // low 3 bits are inverted when bit 3 differs from it.
  // 19 = 1'0011: sign 1, bit 3 = 0 -> invert 011 -> 1100 = -4.
  // -19 = ...0'1101: sign 0, bit 3 = 1 -> invert 101 -> 0010 = 2.
  // 8 = 0'1000: sign 0, bit 3 = 1 -> invert 000 -> 0111 = 7.
  // -9 = ...1'0111: sign 1, bit 3 = 0 -> invert 111 -> 1000 = -8.
  checkOverflow<AP_WRAP_SM>({-4, 2, 7, -8, 7, -8});
}

TEST(ApHand, OverflowModesUnsigned) {
  // ap_ufixed<4,4>: [0, 15]. Inputs 19, -3, 16, 15.
  struct Case {
    ap_ufixed<4, 4, AP_TRN, AP_WRAP> wrap;
    ap_ufixed<4, 4, AP_TRN, AP_SAT> sat;
    ap_ufixed<4, 4, AP_TRN, AP_SAT_ZERO> zero;
    ap_ufixed<4, 4, AP_TRN, AP_SAT_SYM> sym; // unsigned: as AP_SAT
  };
  const int in[4] = {19, -3, 16, 15};
  const int wrap[4] = {3, 13, 0, 15}, sat[4] = {15, 0, 15, 15},
            zero[4] = {0, 0, 0, 15};
  for (int k = 0; k < 4; ++k) {
    Case c{in[k], in[k], in[k], in[k]};
    EXPECT_EQ(c.wrap.to_int(), wrap[k]) << in[k];
    EXPECT_EQ(c.sat.to_int(), sat[k]) << in[k];
    EXPECT_EQ(c.zero.to_int(), zero[k]) << in[k];
    EXPECT_EQ(c.sym.to_int(), sat[k]) << in[k];
  }
}

TEST(ApHand, RoundingThenOverflow) {
  // 1.9 = 7.6 LSBs of ap_fixed<4,2> -> rounds to 8, beyond the maximum 7.
  EXPECT_EQ((ap_fixed<4, 2, AP_RND, AP_SAT>(1.9)).to_double(), 1.75);
  EXPECT_EQ((ap_fixed<4, 2, AP_RND, AP_WRAP>(1.9)).to_double(), -2.0);
  EXPECT_EQ((ap_fixed<4, 2, AP_TRN, AP_WRAP>(1.9)).to_double(), 1.75);
  // float input: 0.1f = 0.100000001490116..., 1.6000000238 LSBs of 1/16.
  EXPECT_EQ((ap_fixed<8, 4>(0.1f)).to_double(), 0.0625);
  EXPECT_EQ((ap_fixed<8, 4, AP_RND>(0.1f)).to_double(), 0.125);
}

TEST(ApHand, NonFiniteDoubles) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // ap_fixed<8,4>: [-8, 7.9375]. NaN -> 0; infinities saturate whatever the
  // overflow mode, except AP_SAT_ZERO (-> 0) and AP_SAT_SYM (-> -max).
  EXPECT_EQ((ap_fixed<8, 4>(nan)).to_double(), 0.0);
  EXPECT_EQ((ap_fixed<8, 4>(inf)).to_double(), 7.9375);
  EXPECT_EQ((ap_fixed<8, 4>(-inf)).to_double(), -8.0);
  EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_ZERO>(inf)).to_double(), 0.0);
  EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_SYM>(-inf)).to_double(), -7.9375);
}

//===----------------------------------------------------------------------===//
// Integers
//===----------------------------------------------------------------------===//

TEST(ApHand, IntConversions) {
  EXPECT_EQ(ap_int<8>(200), -56);   // 200 - 256
  EXPECT_EQ(ap_int<8>(-129), 127);  // -129 + 256
  EXPECT_EQ(ap_uint<8>(-1), 255u);  // all ones
  EXPECT_EQ(ap_uint<8>(263), 7u);   // 263 - 256
  EXPECT_EQ(ap_int<16>(0x1234ABCD), -21555); // 0xABCD - 65536
  // From double: truncation toward zero, then wrap (as C conversions).
  EXPECT_EQ(ap_int<8>(-3.7), -3);
  EXPECT_EQ(ap_int<8>(3.7), 3);
  EXPECT_EQ(ap_int<8>(130.9), -126); // 130 - 256
  EXPECT_EQ(ap_uint<4>(-1.5), 15u);  // -1 -> 1111
  // From ap_fixed: truncation toward zero too.
  EXPECT_EQ(ap_int<8>(ap_fixed<8, 6>(-2.75)), -2);
  EXPECT_EQ(ap_uint<4>(ap_fixed<8, 4>(-0.5)), 0u);
  // to_int() of ap_fixed truncates toward zero.
  EXPECT_EQ((ap_fixed<8, 4>(-2.5).to_int()), -2);
  EXPECT_EQ((ap_fixed<8, 4>(2.5).to_int()), 2);
  EXPECT_EQ((ap_fixed<16, 6>(-0.75).to_int()), 0);
  // bool and char.
  EXPECT_EQ(ap_int<4>(true), 1);
  EXPECT_EQ(ap_uint<8>('A'), 65u);
}

TEST(ApHand, IntArithmetic) {
  ap_int<8> a = 100, b = -100;
  ap_uint<8> u3 = 3, u5 = 5, u200 = 200, u255 = 255;
  // + : max(W1, W2) + 1 bits (an unsigned operand counts one bit more when
  // mixed with a signed one); * : W1 + W2; - : always signed.
  auto sum = a + a;
  static_assert(std::is_same<decltype(sum), ap_int<9>>::value, "");
  EXPECT_EQ(sum, 200);
  auto prod = a * b;
  static_assert(std::is_same<decltype(prod), ap_int<16>>::value, "");
  EXPECT_EQ(prod, -10000);
  auto diff = u3 - u5;
  static_assert(std::is_same<decltype(diff), ap_int<9>>::value, "");
  EXPECT_EQ(diff, -2);
  auto mixed = u200 + b; // I = max(8 + 1, 8) + 1 = 10
  static_assert(std::is_same<decltype(mixed), ap_int<10>>::value, "");
  EXPECT_EQ(mixed, 100);
  auto usq = u255 * u255;
  static_assert(std::is_same<decltype(usq), ap_uint<16>>::value, "");
  EXPECT_EQ(usq, 65025u);
  auto neg = -ap_int<8>(-128);
  static_assert(std::is_same<decltype(neg), ap_int<9>>::value, "");
  EXPECT_EQ(neg, 128);
  // With a C int: it counts as ap_int<32>.
  auto plusOne = a + 1;
  static_assert(std::is_same<decltype(plusOne), ap_int<33>>::value, "");
  EXPECT_EQ(plusOne, 101);

  // Compound assignments wrap back into ap_int<8>.
  ap_int<8> x = 100;
  x += 100; // 200 -> -56
  EXPECT_EQ(x, -56);
  x *= 3; // -168 -> 88
  EXPECT_EQ(x, 88);
  x -= ap_int<8>(100); // -12
  EXPECT_EQ(x, -12);

  ap_uint<4> c = 15;
  EXPECT_EQ(c++, 15u);
  EXPECT_EQ(c, 0u); // 16 wraps
  EXPECT_EQ(--c, 15u);
  EXPECT_EQ(++c, 0u);

  // 64-bit extremes: the exact results are wider than 64 bits.
  const long long min64 = std::numeric_limits<long long>::min();
  ap_int<64> m = min64;
  auto square = m * m; // 2^126
  static_assert(std::is_same<decltype(square), ap_int<128>>::value, "");
  EXPECT_EQ(text(square), "85070591730234615865843651857942052864");
  EXPECT_EQ(text(m * ap_int<64>(std::numeric_limits<long long>::max())),
            "-85070591730234615856620279821087277056"); // -2^63 (2^63 - 1)
  auto below = m - 1; // ap_int<65>
  static_assert(std::is_same<decltype(below), ap_int<65>>::value, "");
  EXPECT_EQ(text(below), "-9223372036854775809");
  EXPECT_EQ(ap_int<64>(below), std::numeric_limits<long long>::max());
  ap_uint<64> umax = ~0ull;
  auto twice = umax + umax; // 2^65 - 2
  static_assert(std::is_same<decltype(twice), ap_uint<65>>::value, "");
  EXPECT_EQ(text(twice), "36893488147419103230");
  EXPECT_EQ(ap_uint<64>(twice), ~0ull - 1);
}

TEST(ApHand, IntAsCInteger) {
  // Implicit conversion to a C integer: indexing, loops, bitwise operations.
  const int table[4] = {10, 20, 30, 40};
  int total = 0;
  for (ap_uint<3> i = 0; i < 4; i++)
    total += table[i];
  EXPECT_EQ(total, 100);
  ap_uint<8> bits = 0xF0;
  EXPECT_EQ(bits & 0x3C, 0x30u);
  EXPECT_EQ(bits >> 4, 0xFu);
  EXPECT_TRUE(bits[7]);
  EXPECT_FALSE(bits[3]);
  ap_int<8> negative = -1;
  long long asInteger = negative;
  EXPECT_EQ(asInteger, -1);
  EXPECT_EQ(negative.to_uint(), 0xFFFFFFFFu); // C conversion of -1
}

//===----------------------------------------------------------------------===//
// Fixed-point arithmetic and result types
//===----------------------------------------------------------------------===//

TEST(ApHand, FixedArithmetic) {
  ap_fixed<8, 4> a = 1.375;
  // -2.3 = -36.8 LSBs of 1/16 -> AP_RND -> -37 -> -2.3125.
  ap_fixed<8, 4, AP_RND, AP_SAT> b = -2.3;
  EXPECT_EQ(b.to_double(), -2.3125);
  auto p = a * b; // W 8 + 8, I 4 + 4
  static_assert(std::is_same<decltype(p), ap_fixed<16, 8>>::value, "");
  EXPECT_EQ(p.to_double(), -3.1796875); // 1.375 * -2.3125
  auto s = a + ap_ufixed<6, 2>(3.75);    // I max(4, 2 + 1) + 1, F max(4, 4)
  static_assert(std::is_same<decltype(s), ap_fixed<9, 5>>::value, "");
  EXPECT_EQ(s.to_double(), 5.125);
  auto d = ap_ufixed<8, 4>(1) - ap_ufixed<8, 4>(2.5); // signed, I 4 + 1
  static_assert(std::is_same<decltype(d), ap_fixed<9, 5>>::value, "");
  EXPECT_EQ(d.to_double(), -1.5);
  auto us = ap_ufixed<8, 4>(1) + ap_ufixed<6, 1>(0.5); // I 5, F max(4, 5)
  static_assert(std::is_same<decltype(us), ap_ufixed<10, 5>>::value, "");
  EXPECT_EQ(us.to_double(), 1.5);
  auto n1 = -ap_fixed<4, 2>(-2);
  static_assert(std::is_same<decltype(n1), ap_fixed<5, 3>>::value, "");
  EXPECT_EQ(n1.to_double(), 2.0);
  auto n2 = -ap_ufixed<4, 2>(3.75);
  static_assert(std::is_same<decltype(n2), ap_fixed<5, 3>>::value, "");
  EXPECT_EQ(n2.to_double(), -3.75);
  // Mixed with ap_int: the integer is ap_fixed<W, W>.
  auto fi = a * ap_int<4>(-3);
  static_assert(std::is_same<decltype(fi), ap_fixed<12, 8>>::value, "");
  EXPECT_EQ(fi.to_double(), -4.125);
  // With a double: through operator double, a double result.
  static_assert(std::is_same<decltype(a * 0.5), double>::value, "");
  EXPECT_EQ(a * 0.5, 0.6875);

  // Compound assignment quantizes into the left type.
  ap_fixed<6, 3> c = p; // -3.1796875 -> floor at 1/8 -> -3.25
  EXPECT_EQ(c.to_double(), -3.25);
  c += a; // -1.875
  EXPECT_EQ(c.to_double(), -1.875);
  c *= 2; // -3.75
  EXPECT_EQ(c.to_double(), -3.75);
  c -= a; // -5.125 wraps in [-4, 4): 2.875
  EXPECT_EQ(c.to_double(), 2.875);
  ap_fixed<6, 3, AP_RND, AP_SAT> cs = 3.5;
  cs += a; // 4.875 saturates to 3.875
  EXPECT_EQ(cs.to_double(), 3.875);
  ap_fixed<8, 0> small = 0.5; // [-0.5, 0.49609375]: 0.5 wraps to -0.5
  EXPECT_EQ(small.to_double(), -0.5);
  ++small; // 0.5 again wraps
  EXPECT_EQ(small.to_double(), -0.5);
}

TEST(ApHand, WideIntermediates) {
  // ap_fixed<40,20> * ap_fixed<40,20> is ap_fixed<80,40>, kept exactly.
  ap_fixed<40, 20> a = 524287.5; // 2^19 - 1/2
  auto sq = a * a;               // 2^38 - 2^19 + 1/4
  static_assert(std::is_same<decltype(sq), ap_fixed<80, 40>>::value, "");
  EXPECT_EQ(text(sq), "274877382656.25");
  EXPECT_EQ(sq.to_double(), 274877382656.25);
  // Cast back: saturates at 2^7 - 2^-8.
  EXPECT_EQ((ap_fixed<16, 8, AP_RND, AP_SAT>(sq)).to_double(), 127.99609375);
  // 1.5 * 2^-20 is 1.5 LSBs of ap_fixed<8,-12> (LSB 2^-20): RND gives 2.
  auto tiny = ap_fixed<40, 20>(1.5) * ap_fixed<40, 20>(std::ldexp(1.0, -20));
  EXPECT_EQ((ap_fixed<8, -12, AP_RND>(tiny)).to_double(), std::ldexp(1.0, -19));
  EXPECT_EQ((ap_fixed<8, -12, AP_TRN>(tiny)).to_double(), std::ldexp(1.0, -20));
  // Comparisons and further arithmetic on wide values.
  EXPECT_TRUE(sq > a);
  EXPECT_TRUE((tiny < ap_fixed<8, -12>(std::ldexp(1.0, -19))));
  auto sum = sq + sq; // ap_fixed<81,41>
  static_assert(std::is_same<decltype(sum), ap_fixed<81, 41>>::value, "");
  EXPECT_EQ(text(sum), "549754765312.5");
  // Lossless conversions into a wide type are allowed.
  ap_fixed<80, 40> copy = a;
  EXPECT_EQ(copy.to_double(), 524287.5);
  ap_int<100> big = 7;
  EXPECT_EQ(text(big * ap_int<8>(-7)), "-49"); // ap_int<108>
}

//===----------------------------------------------------------------------===//
// Comparisons, conversions, printing
//===----------------------------------------------------------------------===//

TEST(ApHand, Comparisons) {
  EXPECT_TRUE((ap_fixed<8, 4>(0.5) == ap_ufixed<4, 0>(0.5)));
  EXPECT_TRUE((ap_fixed<8, 4>(-0.5) < ap_ufixed<4, 0>(0)));
  // Binary points 2^30 and 2^-14 apart.
  ap_fixed<40, 70> huge = std::ldexp(1.0, 30); // its LSB
  ap_fixed<12, -2> little = 0.1;
  EXPECT_TRUE(little < huge);
  EXPECT_TRUE(-huge < little);
  EXPECT_FALSE(huge == little);
  // With integers and doubles.
  ap_fixed<8, 4> x = 1.5;
  EXPECT_TRUE(x < 2);
  EXPECT_TRUE(x > 1);
  EXPECT_TRUE(2 > x);
  EXPECT_TRUE(x == 1.5);
  EXPECT_TRUE(x != 1);
  EXPECT_TRUE(ap_uint<64>(~0ull) > ap_int<64>(-1));
  EXPECT_TRUE(ap_uint<64>(~0ull) > -1);
}

TEST(ApHand, ToDoubleAndFloat) {
  // 2^24 + 1 is a tie between the floats 2^24 and 2^24 + 2: even wins.
  EXPECT_EQ((ap_fixed<32, 32>(16777217).to_float()), 16777216.0f);
  EXPECT_EQ((ap_fixed<32, 32>(16777219).to_float()), 16777220.0f);
  EXPECT_EQ((ap_fixed<32, 32>(16777218).to_float()), 16777218.0f);
  EXPECT_EQ((ap_fixed<32, 32>(16777217).to_double()), 16777217.0);
  // Doubles: 2^53 + 1 -> 2^53, 2^53 + 3 -> 2^53 + 4.
  const long long p53 = 1LL << 53;
  EXPECT_EQ(ap_int<64>(p53 + 1).to_double(), 9007199254740992.0);
  EXPECT_EQ(ap_int<64>(p53 + 3).to_double(), 9007199254740996.0);
  EXPECT_EQ(ap_uint<64>(~0ull).to_double(), 18446744073709551616.0);
  EXPECT_EQ(ap_uint<64>(~0ull).to_float(), 18446744073709551616.0f);
  // 2^-64, the LSB of ap_ufixed<64,0>.
  ap_ufixed<64, 0> lsb = std::ldexp(1.0, -64);
  EXPECT_EQ(lsb.to_float(), std::ldexp(1.0f, -64));
  EXPECT_EQ(double(lsb), std::ldexp(1.0, -64));
  // Beyond the float range: infinity.
  ap_ufixed<8, 200> large = std::ldexp(1.0, 199);
  EXPECT_EQ(large.to_float(), std::numeric_limits<float>::infinity());
  EXPECT_EQ(large.to_double(), std::ldexp(1.0, 199));
}

TEST(ApHand, Printing) {
  // 0.1 = 102.4 LSBs of 1/1024 -> 102 -> 0.099609375.
  EXPECT_EQ(text(ap_fixed<16, 6>(0.1)), "0.099609375");
  EXPECT_EQ(text(ap_fixed<8, 4>(-0.0625)), "-0.0625");
  EXPECT_EQ(text(ap_fixed<8, 4>(-0.0)), "0");
  EXPECT_EQ(text(ap_fixed<8, 4>(-8)), "-8");
  EXPECT_EQ(text(ap_fixed<8, -4>(std::ldexp(1.0, -12))), "0.000244140625");
  EXPECT_EQ(text(ap_fixed<4, 10>(-512)), "-512"); // LSB 64
  EXPECT_EQ(text(ap_uint<64>(~0ull)), "18446744073709551615");
  EXPECT_EQ(text(ap_int<64>(std::numeric_limits<long long>::min())),
            "-9223372036854775808");
  EXPECT_EQ(text(ap_ufixed<64, 0>(std::ldexp(1.0, -64))),
            "0.0000000000000000000542101086242752217003726400434970855712890625");
  // 2^1023, exactly (all 308 digits).
  EXPECT_EQ(text(ap_ufixed<1, 1024>(std::ldexp(1.0, 1023))),
            "898846567431157953864652595394512366808988489471153286367150405788"
            "663379027504815663542386612037680105600569399356966788293948844072"
            "083112464237153197370621888839467124327426381511098006230470597265"
            "414760425028844190753411712314407369565552704136185816752553422931"
            "49119973622969239858152417678164812112068608");
  // 2^-1001: 1001 digits after the point, ending in ...953125.
  std::string t = text(ap_ufixed<1, -1000>(std::ldexp(1.0, -1001)));
  EXPECT_EQ(t.size(), 2u + 1001u);
  EXPECT_EQ(t.substr(0, 304), "0." + std::string(301, '0') + "4");
  EXPECT_EQ(t.substr(t.size() - 12), "208251953125");
  // Stream flags are not used: always every digit.
  std::ostringstream os;
  os.precision(2);
  os << ap_fixed<16, 6>(0.1);
  EXPECT_EQ(os.str(), "0.099609375");
}

TEST(ApHand, StaticMembersAndHelpers) {
  typedef ap_fixed<16, 6, AP_RND, AP_SAT> T;
  EXPECT_EQ(T::width, 16);
  EXPECT_EQ(T::iwidth, 6);
  EXPECT_EQ(T::qmode, AP_RND);
  EXPECT_EQ(T::omode, AP_SAT);
  EXPECT_TRUE(T::sign_flag);
  EXPECT_EQ(T().length(), 16);
  EXPECT_TRUE(T(-1).is_neg());
  EXPECT_TRUE(T().iszero());
  // Arrays aggregate-initialize from doubles and integers.
  const T weights[3] = {0.5, -1, 2.25};
  EXPECT_EQ(weights[2].to_double(), 2.25);
  // nn extensions: the exact integer behind a value, and back.
  EXPECT_EQ(static_cast<long long>(T(0.75).nn_value()), 768); // 0.75 * 2^10
  EXPECT_EQ(nn_csim::from_value<T>(-1024).to_double(), -1.0);
  // constexpr construction from integers and other ap types.
  constexpr ap_fixed<8, 4> k = 3;
  constexpr ap_fixed<8, 2, AP_RND, AP_SAT> ks = k;
  static_assert(ks.nn_value() == 127, "3 saturates to 1.984375 = 127/64");
}

// Values are stored at their width (arrays of weights and feature maps take
// the memory they take on the FPGA, rounded to a native integer): an
// unsigned type needs one bit more below 64, a 64-bit unsigned one keeps its
// bit pattern in 8 bytes, wider exact results take 16.
static_assert(sizeof(ap_fixed<8, 3>) == 1, "");
static_assert(sizeof(ap_ufixed<7, 3>) == 1, "");
static_assert(sizeof(ap_ufixed<8, 3>) == 2, "");
static_assert(sizeof(ap_fixed<16, 6>) == 2, "");
static_assert(sizeof(ap_fixed<17, 6>) == 4, "");
static_assert(sizeof(ap_int<32>) == 4, "");
static_assert(sizeof(ap_uint<32>) == 8, "");
static_assert(sizeof(ap_ufixed<64, 10>) == 8, "");
static_assert(sizeof(ap_fixed<65, 10>) == 16, "");

TEST(ApHand, NarrowStorageKeepsValues) {
  // Extremes of narrow storage survive copies, arithmetic and casts.
  ap_fixed<8, 3> lo = -4, hi = 3.96875;
  ap_ufixed<8, 3> u = 7.96875; // 255/32: needs the ninth storage bit
  EXPECT_EQ(static_cast<long long>(lo.nn_value()), -128);
  EXPECT_EQ(static_cast<long long>(hi.nn_value()), 127);
  EXPECT_EQ(static_cast<long long>(u.nn_value()), 255);
  EXPECT_EQ((u + u).to_double(), 15.9375);
  EXPECT_EQ((lo * lo).to_double(), 16.0);
  EXPECT_EQ((lo - u).to_double(), -11.96875);
  EXPECT_TRUE(u > hi);
  EXPECT_TRUE(lo < hi);
  ap_ufixed<64, 64> big = ap_ufixed<64, 64>(ap_uint<64>(~0ull));
  EXPECT_EQ(big.to_uint64(), ~0ull);
  EXPECT_TRUE((big > ap_fixed<8, 3>(3)));
}

} // namespace
