//===- ApVsSystemCTest.cpp - runtime ap types against sc_fixed -------------===//
//
// Randomized comparison (fixed seeds) of the C-simulation ap_fixed/ap_int
// types with SystemC, which implements the same quantization and overflow
// modes: construction from double and float (against sc_fixed/sc_ufixed of
// the same template parameters), and for every ordered pair of the types
// below casts, the full-precision results of +, -, * (type and value),
// compound assignments and comparisons, plus mixing with C integers. The
// pair checks use sc_fix/sc_ufix with the same parameters given at run time
// (what sc_fixed<W, I, Q, O> passes to its sc_fix base), so that only the ap
// side is instantiated per pair and the test compiles in reasonable time.
// to_double/to_float are checked against the exact value in a long double.
//
// The types cover every quantization and overflow mode, signed and
// unsigned, widths 1..64, negative and larger-than-W integer widths, and
// ap_int/ap_uint (which behave as sc_fixed<W, W, SC_TRN_ZERO, SC_WRAP>).
//
//===----------------------------------------------------------------------===//

#include <ap_fixed.h>
#include <ap_int.h>

#ifndef SC_INCLUDE_FX
#define SC_INCLUDE_FX
#endif
#include <systemc.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <type_traits>

using nn_csim::i128;
using nn_csim::u128;

// libsystemc's main() calls sc_main; GoogleTest's main is used instead, but
// the symbol must exist for the link.
int sc_main(int, char **) { return 0; }

namespace {

/// An ap type and the SystemC type with the same semantics.
template <typename AP, typename SC> struct Pair {
  using ap = AP;
  using sc = SC;
};

#define FIX(W, I, Q, O)                                                        \
  Pair<ap_fixed<W, I, AP_##Q, AP_##O>,                                         \
       sc_dt::sc_fixed<W, I, sc_dt::SC_##Q, sc_dt::SC_##O>>
#define UFIX(W, I, Q, O)                                                       \
  Pair<ap_ufixed<W, I, AP_##Q, AP_##O>,                                        \
       sc_dt::sc_ufixed<W, I, sc_dt::SC_##Q, sc_dt::SC_##O>>
#define INT(W)                                                                 \
  Pair<ap_int<W>, sc_dt::sc_fixed<W, W, sc_dt::SC_TRN_ZERO, sc_dt::SC_WRAP>>
#define UINT(W)                                                                \
  Pair<ap_uint<W>, sc_dt::sc_ufixed<W, W, sc_dt::SC_TRN_ZERO, sc_dt::SC_WRAP>>

// The types under test: 22 fixed-point types and 5 integer types.
// Rounding: TRN 4, TRN_ZERO 3, RND 4, RND_ZERO 2, RND_MIN_INF 2, RND_INF 4,
// RND_CONV 3 (+ the integers' TRN_ZERO). Overflow: WRAP 8, WRAP_SM 2, SAT 5,
// SAT_SYM 4 (one unsigned, = SAT), SAT_ZERO 3 (+ the integers' WRAP).
using AllTypes = std::tuple<
    FIX(1, 1, TRN, WRAP),              // [-1, 0]
    FIX(2, 1, RND_CONV, WRAP),         // [-1, 0.5]
    FIX(5, 0, RND, WRAP_SM),           // all fraction bits
    FIX(8, 3, RND, SAT),               //
    FIX(10, 14, RND_ZERO, WRAP_SM),    // I > W: LSB 16
    FIX(12, -2, RND_CONV, SAT_SYM),    // I < 0: |x| <= 1/8
    FIX(16, 6, TRN, WRAP),             // hls4ml's default
    FIX(20, -6, RND_INF, SAT_ZERO),    //
    FIX(24, 8, RND_MIN_INF, SAT_ZERO), //
    FIX(32, 16, RND_INF, WRAP),        //
    FIX(33, 1, RND, SAT_SYM),          //
    FIX(40, 70, TRN_ZERO, SAT_SYM),    // LSB 2^30
    FIX(64, 32, TRN_ZERO, SAT),        //
    FIX(64, 64, TRN, WRAP),            //
    UFIX(1, 0, RND, SAT),              // {0, 0.5}
    UFIX(3, 1, RND_INF, WRAP),         //
    UFIX(7, 12, RND_MIN_INF, SAT_SYM), // unsigned SAT_SYM = SAT
    UFIX(8, 8, TRN, WRAP),             //
    UFIX(16, 4, RND_CONV, SAT),        //
    UFIX(30, -3, TRN_ZERO, SAT_ZERO),  //
    UFIX(48, 48, RND_INF, SAT),        //
    UFIX(64, 20, RND_ZERO, WRAP),      //
    INT(1), INT(8), UINT(13), INT(64), UINT(64)>;

template <typename Tuple> struct ToTypes;
template <typename... Ts> struct ToTypes<std::tuple<Ts...>> {
  using type = ::testing::Types<Ts...>;
};
using Types = ToTypes<AllTypes>::type;

/// Calls f(Pair{}) for every pair in AllTypes.
template <typename F> void forEachType(F f) {
  std::apply([&](auto... pairs) { (f(pairs), ...); }, AllTypes{});
}

//===----------------------------------------------------------------------===//
// Types as values, the SystemC oracle
//===----------------------------------------------------------------------===//

/// An ap type's parameters, at run time.
struct Type {
  int w = 0, i = 0;
  bool s = false, isInt = false;
  ap_q_mode q = AP_TRN;
  ap_o_mode o = AP_WRAP;

  std::string name() const {
    if (isInt)
      return (s ? "ap_int<" : "ap_uint<") + std::to_string(w) + ">";
    return (s ? "ap_fixed<" : "ap_ufixed<") + std::to_string(w) + "," +
           std::to_string(i) + "," +
           nn::fx::toString(nn_csim::toRounding(q)) + "," +
           nn::fx::toString(nn_csim::toOverflow(o)) + ">";
  }
  bool sameFormat(const Type &t) const {
    return w == t.w && i == t.i && s == t.s && isInt == t.isInt;
  }
};

template <typename A> constexpr bool isInt() {
  return std::is_same<A, ap_int<A::width>>::value ||
         std::is_same<A, ap_uint<A::width>>::value;
}

template <typename A> Type typeOf() {
  Type t;
  t.w = A::width;
  t.i = A::iwidth;
  t.s = A::sign_flag;
  t.isInt = isInt<A>();
  t.q = A::qmode;
  t.o = A::omode;
  return t;
}

/// An ap value as its exact integer (in units of its LSB) and its type.
struct Value {
  i128 v = 0;
  Type t;
  bool present = false;
};
template <typename R> Value valueOf(const R &r) {
  Value x;
  x.v = r.nn_value();
  x.t = typeOf<R>();
  x.present = true;
  return x;
}

std::string str(i128 v) {
  bool neg = v < 0;
  u128 m = neg ? u128(0) - static_cast<u128>(v) : static_cast<u128>(v);
  std::string s;
  do {
    s.insert(s.begin(), char('0' + int(m % 10)));
    m /= 10;
  } while (m);
  return neg ? "-" + s : s;
}

sc_dt::sc_q_mode scQ(ap_q_mode q) {
  switch (q) {
  case AP_RND:
    return sc_dt::SC_RND;
  case AP_RND_ZERO:
    return sc_dt::SC_RND_ZERO;
  case AP_RND_MIN_INF:
    return sc_dt::SC_RND_MIN_INF;
  case AP_RND_INF:
    return sc_dt::SC_RND_INF;
  case AP_RND_CONV:
    return sc_dt::SC_RND_CONV;
  case AP_TRN:
    return sc_dt::SC_TRN;
  case AP_TRN_ZERO:
    return sc_dt::SC_TRN_ZERO;
  }
  return sc_dt::SC_TRN;
}

sc_dt::sc_o_mode scO(ap_o_mode o) {
  switch (o) {
  case AP_SAT:
    return sc_dt::SC_SAT;
  case AP_SAT_ZERO:
    return sc_dt::SC_SAT_ZERO;
  case AP_SAT_SYM:
    return sc_dt::SC_SAT_SYM;
  case AP_WRAP:
    return sc_dt::SC_WRAP;
  case AP_WRAP_SM:
    return sc_dt::SC_WRAP_SM;
  }
  return sc_dt::SC_WRAP;
}

/// The exact value raw * 2^-frac as an (arbitrary-precision) sc_fxval.
sc_dt::sc_fxval scValue(i128 raw, int frac) {
  int64_t hi = static_cast<int64_t>(raw >> 64);
  uint64_t lo = static_cast<uint64_t>(raw);
  sc_dt::sc_fxval v = (sc_dt::sc_fxval(static_cast<sc_dt::int64>(hi)) << 64) +
                      sc_dt::sc_fxval(static_cast<sc_dt::uint64>(lo));
  return frac >= 0 ? (v >> frac) : (v << -frac);
}
sc_dt::sc_fxval scValue(const Value &x) {
  return scValue(x.v, x.t.w - x.t.i);
}

/// The same value, rebuilt from its text: works around a SystemC 2.3.4 bug
/// where casting the sc_fxval of a product can lose a rounding carry (see
/// unittests/Support/FixedPointTest.cpp).
sc_dt::sc_fxval canonical(const sc_dt::sc_fxval &v) {
  return sc_dt::sc_fxval(v.to_string(sc_dt::SC_HEX).c_str());
}

/// The stored integer of an sc_fix/sc_ufix of type t (at most 64 bits).
i128 scInt(const sc_dt::sc_fxnum &n, const Type &t) {
  uint64_t bits = n.range().to_uint64();
  bits &= t.w >= 64 ? ~uint64_t(0) : (uint64_t(1) << t.w) - 1;
  if (t.s && t.w < 64 && ((bits >> (t.w - 1)) & 1))
    bits |= ~uint64_t(0) << t.w;
  return t.s ? i128(static_cast<int64_t>(bits)) : i128(bits);
}

// sc_fix's cast switch defaults to the context's; pass SC_ON explicitly.
const sc_dt::sc_fxcast_switch castOn(sc_dt::SC_ON);

/// SystemC's value of `v` assigned to a variable of type `to` (sc_fix or
/// sc_ufix with to's parameters, n_bits 0).
i128 scCast(const sc_dt::sc_fxval &v, const Type &to) {
  sc_dt::sc_fxtype_params params(to.w, to.i, scQ(to.q), scO(to.o), 0);
  if (to.s) {
    sc_dt::sc_fix r(params, castOn);
    r = v;
    return scInt(r, to);
  }
  sc_dt::sc_ufix r(params, castOn);
  r = v;
  return scInt(r, to);
}

//===----------------------------------------------------------------------===//
// Result types, restated from UG1399 (independently of nn::fx)
//===----------------------------------------------------------------------===//

/// The Vitis result type of a op b: product W1+W2, I1+I2; sum F = max(F1,
/// F2), I = max(I1 + (S2 && !S1), I2 + (S1 && !S2)) + 1; difference as the
/// sum but always signed; signed if either operand is; an integer if both
/// are. `supported`: at most 128 bits (127 unsigned), this runtime's limit.
struct Expected {
  Type t;
  bool supported;
};
Type result(int w, int i, bool s, bool isInt) {
  Type t;
  t.w = w;
  t.i = i;
  t.s = s;
  t.isInt = isInt;
  return t;
}
Expected plusType(const Type &a, const Type &b) {
  int i = std::max(a.i + (b.s && !a.s), b.i + (a.s && !b.s)) + 1;
  int w = i + std::max(a.w - a.i, b.w - b.i);
  bool s = a.s || b.s;
  return {result(w, i, s, a.isInt && b.isInt), w <= (s ? 128 : 127)};
}
Expected minusType(const Type &a, const Type &b) {
  Expected e = plusType(a, b);
  e.t.s = true;
  e.supported = e.t.w <= 128;
  return e;
}
Expected multType(const Type &a, const Type &b) {
  int w = a.w + b.w;
  bool s = a.s || b.s;
  return {result(w, a.i + b.i, s, a.isInt && b.isInt), w <= (s ? 128 : 127)};
}

//===----------------------------------------------------------------------===//
// Random values
//===----------------------------------------------------------------------===//

class Gen {
public:
  explicit Gen(uint64_t seed) : rng(seed) {}
  int uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  }
  bool chance(int percent) { return uniform(0, 99) < percent; }

  /// A random integer of a W-bit signed or unsigned type: at the ends of
  /// the range, small magnitudes, or uniform bits (some low bits cleared).
  i128 value(int w, bool s) {
    uint64_t bits = rng();
    switch (uniform(0, 5)) {
    case 0: { // at or next to an end of the range
      i128 lo = s ? -(i128(1) << (w - 1)) : 0;
      i128 hi = s ? (i128(1) << (w - 1)) - 1 : (i128(1) << w) - 1;
      i128 v = chance(50) ? lo + uniform(0, 2) : hi - uniform(0, 2);
      return v < lo ? lo : (v > hi ? hi : v);
    }
    case 1: // small magnitude
      bits >>= uniform(58, 63);
      if (s && chance(50))
        bits = ~bits + 1;
      break;
    default: // uniform over the range, sometimes with low zero bits
      if (chance(25))
        bits &= ~uint64_t(0) << std::min(63, uniform(1, w));
      break;
    }
    // The low w bits, sign- or zero-extended.
    bits &= w >= 64 ? ~uint64_t(0) : (uint64_t(1) << w) - 1;
    if (s && w < 64 && ((bits >> (w - 1)) & 1))
      bits |= ~uint64_t(0) << w;
    return s ? i128(static_cast<int64_t>(bits)) : i128(bits);
  }

  /// A double near t's range: random significands at random magnitudes,
  /// exact ties between two values of t, far out of range, zeros.
  double real(const Type &t, bool &tie) {
    const int frac = t.w - t.i;
    tie = false;
    switch (uniform(0, 7)) {
    case 0: { // exactly halfway between two consecutive values of t
      int bits = uniform(1, std::min(t.w, 51));
      double k = static_cast<double>(rng() >> (64 - bits));
      if (t.s && chance(50))
        k = -k - 1;
      tie = true;
      return std::ldexp(k + 0.5, -frac);
    }
    case 1:
      return chance(50) ? 0.0 : -0.0;
    case 2: // far out of range
      return std::ldexp(chance(50) ? 1.0 : -1.0, t.i + uniform(1, 80));
    default: {
      int bits = uniform(1, 53);
      uint64_t m = (rng() >> (64 - bits)) | (uint64_t(1) << (bits - 1));
      int lead = uniform(-frac - 8, t.i + 3); // exponent of the MSB
      double x = std::ldexp(static_cast<double>(m), lead - (bits - 1));
      return chance(50) ? -x : x;
    }
    }
  }

  std::mt19937_64 rng;
};

/// A seed per (test, type) so that every type gets different values.
uint64_t seed(uint64_t salt, const Type &t) {
  return salt * 1000003 + uint64_t(t.w) * 7919 + uint64_t(t.i + 2000) * 104729 +
         uint64_t(t.q) * 31 + uint64_t(t.o) * 131 + (t.s ? 17 : 0) +
         (t.isInt ? 5 : 0);
}

/// The value of A from the exact integer v of A's range: converted into A
/// (only AP_SAT_SYM changes it, the minimum becoming -max).
template <typename A> A exactOf(i128 v) {
  using Exact = typename std::conditional<
      A::sign_flag, ap_fixed<A::width, A::iwidth>,
      ap_ufixed<A::width, A::iwidth>>::type;
  return A(nn_csim::from_value<Exact>(v));
}

//===----------------------------------------------------------------------===//
// Per type: construction from double/float, to_double/to_float, C integers
//===----------------------------------------------------------------------===//

template <typename P> class ApVsSystemC : public ::testing::Test {};
TYPED_TEST_SUITE(ApVsSystemC, Types);

constexpr int kPerType = 4000;
constexpr int kPerPair = 60;

TYPED_TEST(ApVsSystemC, FromDoubleAndFloat) {
  using A = typename TypeParam::ap;
  using S = typename TypeParam::sc; // sc_fixed/sc_ufixed<W, I, Q, O>
  const Type t = typeOf<A>();
  Gen g(seed(1, t));
  int ties = 0, outOfRange = 0;
  for (int n = 0; n < kPerType; ++n) {
    bool tie = false;
    double x = g.real(t, tie);
    ties += tie;
    outOfRange += std::fabs(x) >= std::ldexp(1.0, t.i);
    A a = x;
    S s(x);
    ASSERT_EQ(str(a.nn_value()), str(scInt(s, t)))
        << t.name() << " from " << std::hexfloat << x;
    // float converts the same way (exactly widened to double).
    float xf = static_cast<float>(x);
    if (std::isfinite(xf)) {
      A af = xf;
      S sf(static_cast<double>(xf));
      ASSERT_EQ(str(af.nn_value()), str(scInt(sf, t)))
          << t.name() << " from float " << std::hexfloat << xf;
    }
  }
  EXPECT_GE(ties, kPerType / 20);
  EXPECT_GE(outOfRange, kPerType / 20);
}

/// to_double()/to_float() against the exact value in a long double
/// (x86-64's has 64 significand bits), rounded once by the hardware; the
/// integer conversions against C's truncation of it.
TYPED_TEST(ApVsSystemC, ToDoubleFloatInt) {
  using A = typename TypeParam::ap;
  if (std::numeric_limits<long double>::digits < 64)
    GTEST_SKIP() << "needs a 64-bit long double significand";
  const Type t = typeOf<A>();
  Gen g(seed(2, t));
  for (int n = 0; n < kPerType; ++n) {
    A a = exactOf<A>(g.value(t.w, t.s));
    i128 v = a.nn_value();
    long double exact = std::ldexp(static_cast<long double>(v), -(t.w - t.i));
    ASSERT_EQ(a.to_double(), static_cast<double>(exact)) << str(v);
    ASSERT_EQ(a.to_float(), static_cast<float>(exact)) << str(v);
    if (std::fabs(exact) < 9e18L) {
      ASSERT_EQ(a.to_int64(), static_cast<long long>(exact)) << str(v);
    }
  }
}

/// Arithmetic and comparisons with a C int on either side (it counts as
/// ap_int<32>), compound assignment with it, construction from it.
TYPED_TEST(ApVsSystemC, WithCIntegers) {
  using A = typename TypeParam::ap;
  const Type t = typeOf<A>();
  Gen g(seed(3, t));
  for (int n = 0; n < kPerType / 4; ++n) {
    A a = exactOf<A>(g.value(t.w, t.s));
    int k = n % 3 ? static_cast<int>(g.value(32, true)) : g.uniform(-3, 3);
    static_assert(std::is_same<decltype(a + k),
                               decltype(a + ap_int<32>(k))>::value);
    static_assert(std::is_same<decltype(k * a),
                               decltype(ap_int<32>(k) * a)>::value);
    sc_dt::sc_fxval sa = scValue(valueOf(a)), sk(k);
    std::string why = t.name() + " " + str(a.nn_value()) + " and " +
                      std::to_string(k);
    ASSERT_TRUE(scValue(valueOf(a + k)) == sa + sk) << why;
    ASSERT_TRUE(scValue(valueOf(k + a)) == sk + sa) << why;
    ASSERT_TRUE(scValue(valueOf(a - k)) == sa - sk) << why;
    ASSERT_TRUE(scValue(valueOf(k - a)) == sk - sa) << why;
    ASSERT_TRUE(scValue(valueOf(a * k)) == sa * sk) << why;
    ASSERT_TRUE(scValue(valueOf(k * a)) == sk * sa) << why;
    ASSERT_EQ(a < k, sa < sk) << why;
    ASSERT_EQ(k < a, sk < sa) << why;
    ASSERT_EQ(a == k, sa == sk) << why;
    ASSERT_EQ(k != a, sk != sa) << why;
    ASSERT_EQ(a >= k, sa >= sk) << why;
    A x = a;
    x += k;
    ASSERT_EQ(str(x.nn_value()), str(scCast(canonical(sa + sk), t))) << why;
    x = a;
    x -= k;
    ASSERT_EQ(str(x.nn_value()), str(scCast(canonical(sa - sk), t))) << why;
    x = a;
    x *= k;
    ASSERT_EQ(str(x.nn_value()), str(scCast(canonical(sa * sk), t))) << why;
    A fromInt = k;
    ASSERT_EQ(str(fromInt.nn_value()), str(scCast(sk, t))) << why;
  }
}

//===----------------------------------------------------------------------===//
// Every ordered pair of types
//===----------------------------------------------------------------------===//

/// What the ap side computes for a of type A and b of type B.
struct PairResults {
  Value a, b;
  Value cast;                 // B(a), also by copy-init and assignment
  bool castsAgree = true;     // ... which all give the same
  Value plus, minus, mult;    // a op b (when supported)
  Value addTo, subFrom, mulBy; // A x = a; x op= b
  bool cmp[6] = {};           // == != < <= > >=
};

/// Whether a op b is supported (plusType() etc. at compile time).
template <typename A, typename B> struct Supported {
  static constexpr bool sa = A::sign_flag, sb = B::sign_flag;
  static constexpr int sumI =
      std::max(A::iwidth + (sb && !sa), B::iwidth + (sa && !sb)) + 1;
  static constexpr int sumW =
      sumI + std::max(A::width - A::iwidth, B::width - B::iwidth);
  static constexpr bool plus = sumW <= ((sa || sb) ? 128 : 127);
  static constexpr bool minus = sumW <= 128;
  static constexpr bool mult = A::width + B::width <= ((sa || sb) ? 128 : 127);
};

template <typename A, typename B> PairResults runPair(i128 va, i128 vb) {
  PairResults r;
  A a = exactOf<A>(va);
  B b = exactOf<B>(vb);
  r.a = valueOf(a);
  r.b = valueOf(b);
  B c1 = a;                 // copy-initialization
  B c2(a);                  // direct
  B c3 = static_cast<B>(a); // explicit cast
  B c4 = 0;
  c4 = a; // assignment
  r.cast = valueOf(c1);
  r.castsAgree = c1.nn_value() == c2.nn_value() &&
                 c1.nn_value() == c3.nn_value() &&
                 c1.nn_value() == c4.nn_value();
  // Only the supported results are instantiated (the others do not
  // compile, on purpose: see compile-fail/).
  using S = Supported<A, B>;
  if constexpr (S::plus) {
    r.plus = valueOf(a + b);
    A x = a;
    x += b;
    r.addTo = valueOf(x);
  }
  if constexpr (S::minus) {
    r.minus = valueOf(a - b);
    A x = a;
    x -= b;
    r.subFrom = valueOf(x);
  }
  if constexpr (S::mult) {
    r.mult = valueOf(a * b);
    A x = a;
    x *= b;
    r.mulBy = valueOf(x);
  }
  r.cmp[0] = a == b;
  r.cmp[1] = a != b;
  r.cmp[2] = a < b;
  r.cmp[3] = a <= b;
  r.cmp[4] = a > b;
  r.cmp[5] = a >= b;
  return r;
}

/// Counts of what the pair checks exercised.
struct PairCoverage {
  long pairs = 0, cases = 0, plus = 0, minus = 0, mult = 0, equal = 0;
};

/// Checks one pair result against SystemC and the restated type rules.
::testing::AssertionResult checkPair(const Type &ta, const Type &tb,
                                     const PairResults &r,
                                     PairCoverage &cov) {
  auto fail = [&](const std::string &what) {
    return ::testing::AssertionFailure()
           << ta.name() << " " << str(r.a.v) << " and " << tb.name() << " "
           << str(r.b.v) << ": " << what;
  };
  ++cov.cases;
  sc_dt::sc_fxval sa = scValue(r.a), sb = scValue(r.b);
  // The operands themselves (A's and B's modes applied to exact values).
  if (r.a.v != scCast(sa, ta) || r.b.v != scCast(sb, tb))
    return fail("operand differs from SystemC's");
  // Cast.
  if (!r.castsAgree)
    return fail("copy-init, direct-init, static_cast and assignment differ");
  i128 cast = scCast(sa, tb);
  if (r.cast.v != cast)
    return fail("cast gives " + str(r.cast.v) + ", SystemC " + str(cast));
  // Full-precision results and their types; compound assignments.
  struct Op {
    const char *name;
    Expected expected;
    const Value &value;
    const Value &assigned;
    sc_dt::sc_fxval exact;
    long &count;
  };
  Op ops[] = {{"+", plusType(ta, tb), r.plus, r.addTo, sa + sb, cov.plus},
              {"-", minusType(ta, tb), r.minus, r.subFrom, sa - sb, cov.minus},
              {"*", multType(ta, tb), r.mult, r.mulBy, sa * sb, cov.mult}};
  for (Op &op : ops) {
    if (op.expected.supported != op.value.present)
      return fail(std::string(op.name) + ": support differs from the rule");
    if (!op.value.present)
      continue;
    ++op.count;
    if (!op.value.t.sameFormat(op.expected.t))
      return fail(std::string(op.name) + " gives " + op.value.t.name() +
                  ", expected " + op.expected.t.name());
    if (!(scValue(op.value) == op.exact))
      return fail(std::string(op.name) + " = " + str(op.value.v) +
                  " LSBs, SystemC " + op.exact.to_string());
    i128 assigned = scCast(canonical(op.exact), ta);
    if (op.assigned.v != assigned)
      return fail(std::string(op.name) + "= gives " + str(op.assigned.v) +
                  ", SystemC " + str(assigned));
  }
  // Comparisons.
  const bool sc[6] = {sa == sb, sa != sb, sa < sb, sa <= sb, sa > sb, sa >= sb};
  for (int k = 0; k < 6; ++k)
    if (r.cmp[k] != sc[k])
      return fail("comparison " + std::to_string(k) + " differs");
  cov.equal += sc[0];
  return ::testing::AssertionSuccess();
}

TYPED_TEST(ApVsSystemC, AgainstEveryType) {
  using A = typename TypeParam::ap;
  const Type ta = typeOf<A>();
  Gen g(seed(4, ta));
  PairCoverage cov;
  forEachType([&](auto pb) {
    using B = typename decltype(pb)::ap;
    const Type tb = typeOf<B>();
    ++cov.pairs;
    for (int n = 0; n < kPerPair; ++n) {
      i128 va = g.value(ta.w, ta.s);
      // A quarter of the cases take b = B(a): equal when B holds a.
      i128 vb = n % 4 == 0 ? B(exactOf<A>(va)).nn_value() : g.value(tb.w, tb.s);
      PairResults r = runPair<A, B>(va, vb);
      ASSERT_TRUE(checkPair(ta, tb, r, cov)) << "case " << n;
    }
  });
  EXPECT_EQ(cov.pairs, long(std::tuple_size<AllTypes>::value));
  EXPECT_EQ(cov.cases, cov.pairs * kPerPair);
  // Every operation ran for most pairs (the unsupported ones are rare).
  EXPECT_GE(cov.plus, cov.cases * 3 / 4);
  EXPECT_GE(cov.minus, cov.cases * 3 / 4);
  EXPECT_GE(cov.mult, cov.cases * 3 / 4);
  EXPECT_GE(cov.equal, cov.cases / 50);
  std::printf("[ pairs    ] %s: %ld cases, %ld +, %ld -, %ld *, %ld equal\n",
              ta.name().c_str(), cov.cases, cov.plus, cov.minus, cov.mult,
              cov.equal);
}

} // namespace
