//===- nn_csim/ap_types.h - ap_int/ap_fixed for C simulation ----*- C++ -*-===//
//
// The arbitrary-precision types of Vitis HLS (ap_int<W>, ap_uint<W>,
// ap_fixed<W,I,Q,O,N>, ap_ufixed<W,I,Q,O,N>) for C simulation of the HLS
// projects nn emits, without vendor tools. Written from the documented
// semantics (AMD UG1399, "Arbitrary Precision Data Types"); the arithmetic
// itself (quantization, overflow, lossless result formats, exact sums,
// products and comparisons) is nn::fx from nn/Support/FixedPoint.h, the one
// definition the compiler and its interpreter use too. Include it through
// <ap_int.h> or <ap_fixed.h>.
//
// Compiles as C++14 and later with GCC or Clang (__int128). Values live in
// native integers of their width (int8_t .. int64_t, __int128 above 64
// bits) and compute on 64-bit integers wherever the values fit; nothing
// allocates.
//
// What is supported (see runtime/README.md for the full list and the
// differences from Vitis):
//  - W <= 64 for every operation. Construction from double/float/integers/
//    any ap type quantizes with the destination's modes (ap_int/ap_uint:
//    truncation toward zero, then wrap, as C conversions do).
//  - +, -, * between ap types give the full-precision result type of Vitis:
//    a product ap_fixed<W1+W2, I1+I2>; a sum or difference
//    nn::fx::sumFormat()/differenceFormat(); ap_int op ap_int stays ap_int.
//    With a C integer the integer counts as ap_int<bits>/ap_uint<bits>.
//  - Types wider than 64 bits exist as such exact results (up to 128 bits
//    signed, 127 unsigned): they can be copied, compared, printed, read as
//    double, combined further and cast into types of at most 64 bits, and
//    anything converts into them losslessly. What would need rounding or
//    overflow handling in more than 64 bits (construction from double,
//    lossy casts, compound assignment into them) fails to compile.
//
//===----------------------------------------------------------------------===//

#ifndef NN_CSIM_AP_TYPES_H
#define NN_CSIM_AP_TYPES_H

#if !defined(__cplusplus) || __cplusplus < 201402L
#error "the nn C-simulation headers need C++14 or later"
#endif

#include "nn/Support/FixedPoint.h"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <string>
#include <type_traits>

/// Quantization modes (UG1399): how the bits below the destination's LSB are
/// discarded. "Tie" means they are exactly one half of the new LSB.
enum ap_q_mode {
  AP_RND,         ///< Nearest; ties toward plus infinity.
  AP_RND_ZERO,    ///< Nearest; ties toward zero.
  AP_RND_MIN_INF, ///< Nearest; ties toward minus infinity.
  AP_RND_INF,     ///< Nearest; ties away from zero.
  AP_RND_CONV,    ///< Nearest; ties to even.
  AP_TRN,         ///< Toward minus infinity (floor). The default.
  AP_TRN_ZERO,    ///< Toward zero.
};

/// Overflow modes (UG1399): what a value outside the destination's range
/// becomes.
enum ap_o_mode {
  AP_SAT,      ///< The minimum or the maximum.
  AP_SAT_ZERO, ///< Zero.
  AP_SAT_SYM,  ///< Signed: -max or max (never the minimum). Unsigned: AP_SAT.
  AP_WRAP,     ///< The low W bits (two's complement). The default.
  AP_WRAP_SM,  ///< Signed only: sign-magnitude wrap.
};

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP,
          int N = 0>
class ap_fixed;
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP,
          int N = 0>
class ap_ufixed;
template <int W> class ap_int;
template <int W> class ap_uint;

/// Implementation details and the few extensions that are not Vitis API
/// (nn_value(), from_value()).
namespace nn_csim {

using nn::fx::i128;
using nn::fx::u128;

constexpr nn::fx::Rounding toRounding(ap_q_mode q) {
  switch (q) {
  case AP_RND:
    return nn::fx::Rounding::RND;
  case AP_RND_ZERO:
    return nn::fx::Rounding::RND_ZERO;
  case AP_RND_MIN_INF:
    return nn::fx::Rounding::RND_MIN_INF;
  case AP_RND_INF:
    return nn::fx::Rounding::RND_INF;
  case AP_RND_CONV:
    return nn::fx::Rounding::RND_CONV;
  case AP_TRN:
    return nn::fx::Rounding::TRN;
  case AP_TRN_ZERO:
    return nn::fx::Rounding::TRN_ZERO;
  }
  return nn::fx::Rounding::TRN;
}

constexpr nn::fx::Overflow toOverflow(ap_o_mode o) {
  switch (o) {
  case AP_SAT:
    return nn::fx::Overflow::SAT;
  case AP_SAT_ZERO:
    return nn::fx::Overflow::SAT_ZERO;
  case AP_SAT_SYM:
    return nn::fx::Overflow::SAT_SYM;
  case AP_WRAP:
    return nn::fx::Overflow::WRAP;
  case AP_WRAP_SM:
    return nn::fx::Overflow::WRAP_SM;
  }
  return nn::fx::Overflow::WRAP;
}

/// The format of a type's values, without its modes (they only matter when
/// something is converted into it).
constexpr nn::fx::Format exactFormat(int w, int i, bool s) {
  return nn::fx::Format{w, i, s, nn::fx::Rounding::TRN, nn::fx::Overflow::WRAP};
}

/// Whether every value of format (W2, I2, S2) is a value of (W, I, S).
constexpr bool holds(int w, int i, bool s, int w2, int i2, bool s2) {
  return w - i >= w2 - i2 && (s ? i >= i2 + (s2 ? 0 : 1) : (!s2 && i >= i2));
}

/// The ap type of a result: ap_int/ap_uint when both operands are integer
/// types (then I == W), ap_fixed/ap_ufixed with the default modes otherwise.
template <int W, int I, bool S, bool Int> struct make_type;
template <int W, int I> struct make_type<W, I, true, false> {
  using type = ap_fixed<W, I>;
};
template <int W, int I> struct make_type<W, I, false, false> {
  using type = ap_ufixed<W, I>;
};
template <int W, int I> struct make_type<W, I, true, true> {
  using type = ap_int<W>;
};
template <int W, int I> struct make_type<W, I, false, true> {
  using type = ap_uint<W>;
};

/// The ap type a C integer type counts as: int -> ap_int<32>, unsigned char
/// -> ap_uint<8>, bool -> ap_uint<1>, ...
template <typename T> struct int_type {
  static constexpr int bits =
      std::is_same<T, bool>::value ? 1 : int(sizeof(T)) * 8;
  using type =
      typename make_type<bits, bits, std::is_signed<T>::value, true>::type;
};
template <typename T> using int_type_t = typename int_type<T>::type;

template <typename T>
using if_integral =
    typename std::enable_if<std::is_integral<T>::value, int>::type;

/// The narrowest native integer that stores a W-bit raw of signedness S:
/// int8_t/int16_t/int32_t/int64_t (an unsigned raw needs one bit more,
/// except at 64 bits, where the int64_t keeps the uint64_t's bit pattern),
/// __int128 above 64 bits. Arrays of ap types (weights, feature maps) then
/// take the memory of their width, as on the FPGA.
template <int W, bool S> struct storage_of {
  static constexpr int bits = S || W >= 64 ? W : W + 1;
  using type = typename std::conditional<
      (bits <= 8), int8_t,
      typename std::conditional<
          (bits <= 16), int16_t,
          typename std::conditional<
              (bits <= 32), int32_t,
              typename std::conditional<(bits <= 64), int64_t,
                                        i128>::type>::type>::type>::type;
};

/// 2^e as a double, exactly, for |e| <= 1022 (a compile-time constant).
constexpr double pow2(int e) {
  double p = 1.0;
  for (int k = 0; k < e; ++k)
    p *= 2.0;
  for (int k = 0; k > e; --k)
    p *= 0.5;
  return p;
}

/// Whether a cast from the type (W2 bits, F2 fraction bits, signedness S2)
/// into `to` runs on native integers, decided at compile time: the
/// source's value fits an int64_t (at most 64 bits, not unsigned 64) and
/// nn::fx::detail::castFitsInt64() holds for its bits and the shift. Then
/// nn::fx::detail::castInt64(), the cast nn::fx::cast() itself takes for
/// such values, does it with every format field a constant; otherwise
/// nn::fx::cast().
template <int W2, int F2, bool S2>
constexpr bool castsNatively(const nn::fx::Format &to) {
  return to.width <= 64 && (W2 < 64 || (W2 == 64 && S2)) &&
         nn::fx::detail::castFitsInt64(S2 ? W2 : W2 + 1,
                                       static_cast<long long>(F2) -
                                           to.fracWidth(),
                                       to);
}

/// Passed to the constructors that take a stored raw as is.
struct raw_tag {};

/// Common base of every ap type; `Int` marks ap_int/ap_uint (whose results
/// stay integers).
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
class ap_base {
  static_assert(W >= 1, "ap types need at least one bit");
  static_assert(W <= (S ? 128 : 127),
                "nn's C-simulation ap types are at most 128 bits wide (127 if "
                "unsigned), results of +, -, * included: cast an operand to a "
                "narrower type first");
  static_assert(I >= -1024 && I <= 1024,
                "nn's C-simulation ap types need -1024 <= I <= 1024");
  static_assert(S || O != AP_WRAP_SM,
                "AP_WRAP_SM is only defined for signed types");

public:
  /// The stored raw: the value times 2^(W-I), in the narrowest of int8_t ..
  /// int64_t that holds it (an unsigned 64-bit value keeps its bit pattern
  /// in an int64_t), in an __int128 above 64 bits (see storage_of).
  using raw_type = typename storage_of<W, S>::type;

  static constexpr int width = W;
  static constexpr int iwidth = I;
  static constexpr bool sign_flag = S;
  static constexpr ap_q_mode qmode = Q;
  static constexpr ap_o_mode omode = O;

  /// This type as an nn::fx format (with its modes).
  static constexpr nn::fx::Format format() {
    return nn::fx::Format{W, I, S, toRounding(Q), toOverflow(O)};
  }

  /// Zero (Vitis leaves the value unspecified; zero keeps csim repeatable).
  constexpr ap_base() : raw_(0) {}
  constexpr ap_base(raw_tag, raw_type raw) : raw_(raw) {}

  /// From any ap type: quantized with this type's modes.
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, bool Int2>
  constexpr ap_base(const ap_base<W2, I2, S2, Q2, O2, Int2> &x)
      : raw_(convert<W2, I2, S2>(x.nn_value())) {}

  /// From a C integer: as from the ap_int/ap_uint of its width.
  template <typename T, if_integral<T> = 0>
  constexpr ap_base(T x)
      : raw_(convert<int_type<T>::bits, int_type<T>::bits,
                     std::is_signed<T>::value>(static_cast<i128>(x))) {}

  /// From a double, exactly (no intermediate rounding), quantized with this
  /// type's modes. NaN gives 0; infinities saturate (see nn::fx::quantize).
  ap_base(double x) : raw_(fromDouble(x)) {}
  ap_base(float x) : raw_(fromDouble(static_cast<double>(x))) {}
  /// Rounded to double first.
  ap_base(long double x) : raw_(fromDouble(static_cast<double>(x))) {}

  /// nn extension: the represented value is nn_value() * 2^-(W-I) exactly.
  constexpr i128 nn_value() const {
    return valueOf(raw_, std::integral_constant<bool, (W <= 64)>());
  }
  /// nn extension: nn_value() modulo 2^64, as an int64_t (the value itself
  /// for W < 64 and for signed 64-bit types). The native-integer fast paths
  /// compute with it.
  constexpr int64_t nn_raw64() const { return static_cast<int64_t>(raw_); }
  /// nn extension: the stored raw for the exact integer v (which must be in
  /// range; see from_value()).
  static constexpr raw_type nn_raw_of(i128 v) {
    return static_cast<raw_type>(
        W <= 64 ? static_cast<i128>(
                      static_cast<int64_t>(static_cast<uint64_t>(v)))
                : v);
  }
  /// nn extension: whether the exact integer v is in this type's range.
  static constexpr bool nn_in_range(i128 v) {
    return S ? (W >= 128 ||
                (v >= -static_cast<i128>(u128(1) << (W - 1)) &&
                 v < static_cast<i128>(u128(1) << (W - 1))))
             : (v >= 0 && v < static_cast<i128>(u128(1) << W));
  }

  double to_double() const {
    return nn::fx::toDouble(nn::fx::Wide{nn_value(), W - I});
  }
  /// Rounded once, to nearest even (not through double).
  float to_float() const {
    return nn::fx::toFloat(nn::fx::Wide{nn_value(), W - I});
  }
  /// C conversions: truncation toward zero, then the low bits.
  int to_int() const { return static_cast<int>(toInt64()); }
  unsigned to_uint() const { return static_cast<unsigned>(toInt64()); }
  long to_long() const { return static_cast<long>(toInt64()); }
  unsigned long to_ulong() const {
    return static_cast<unsigned long>(toInt64());
  }
  long long to_int64() const { return toInt64(); }
  unsigned long long to_uint64() const {
    return static_cast<unsigned long long>(toInt64());
  }

  constexpr int length() const { return W; }
  /// Bit i of the stored raw (0 = LSB), 0 <= i < W. Read only.
  constexpr bool operator[](int i) const {
    return assert(i >= 0 && i < W),
           ((static_cast<u128>(nn_value()) >> i) & 1) != 0;
  }
  constexpr bool is_neg() const { return S && nn_value() < 0; }
  constexpr bool iszero() const { return raw_ == 0; }

protected:
  raw_type raw_;

private:
  static constexpr i128 valueOf(raw_type raw, std::true_type) {
    return nn::fx::rawToInt(static_cast<int64_t>(raw), format());
  }
  static constexpr i128 valueOf(raw_type raw, std::false_type) {
    return static_cast<i128>(raw);
  }

  /// The stored raw for the exact value v * 2^-(W2-I2) of type (W2, I2, S2).
  template <int W2, int I2, bool S2>
  static constexpr raw_type convert(i128 v) {
    return convertInto<W2, I2, S2>(
        v, std::integral_constant<bool, (W <= 64)>());
  }
  template <int W2, int I2, bool S2>
  static constexpr raw_type convertInto(i128 v, std::true_type) {
    return convertNative<W2, I2, S2>(
        v, std::integral_constant<bool,
                                  castsNatively<W2, W2 - I2, S2>(format())>());
  }
  /// Into at most 64 bits from a source whose value fits an int64_t: the
  /// cast on native integers.
  template <int W2, int I2, bool S2>
  static constexpr raw_type convertNative(i128 v, std::true_type) {
    return static_cast<raw_type>(nn::fx::detail::castInt64(
        static_cast<int64_t>(v), (W2 - I2) - (W - I), format()));
  }
  template <int W2, int I2, bool S2>
  static constexpr raw_type convertNative(i128 v, std::false_type) {
    return convertExact<W2, I2, S2>(
        v, std::integral_constant<bool, holds(W, I, S, W2, I2, S2) &&
                                            !(S && O == AP_SAT_SYM)>());
  }
  /// A source type whose every value this type holds: no rounding or
  /// overflow can happen, the raw is the value shifted to this LSB (what
  /// nn::fx::cast returns then, without its run-time checks; lossless
  /// accumulations in emitted code are all of this kind). Not for signed
  /// AP_SAT_SYM types, whose minimum itself overflows (to -max).
  template <int W2, int I2, bool S2>
  static constexpr raw_type convertExact(i128 v, std::true_type) {
    return static_cast<raw_type>(static_cast<int64_t>(static_cast<uint64_t>(
        static_cast<u128>(v) << ((W - I) - (W2 - I2)))));
  }
  template <int W2, int I2, bool S2>
  static constexpr raw_type convertExact(i128 v, std::false_type) {
    return static_cast<raw_type>(nn::fx::cast(v, W2 - I2, format()));
  }
  template <int W2, int I2, bool S2>
  static constexpr raw_type convertInto(i128 v, std::false_type) {
    static_assert(holds(W, I, S, W2, I2, S2),
                  "nn's C-simulation ap types round and handle overflow in at "
                  "most 64 bits: a type wider than 64 bits can only receive "
                  "values it holds exactly (cast to a type of at most 64 "
                  "bits instead)");
    return static_cast<i128>(static_cast<u128>(v) << ((W - I) - (W2 - I2)));
  }

  static raw_type fromDouble(double x) {
    static_assert(W <= 64,
                  "nn's C-simulation ap types wider than 64 bits cannot be "
                  "constructed from a double (they exist as exact results of "
                  "+, -, *); use a type of at most 64 bits");
    // Fast path for the literals of emitted code: x * 2^F (exact, a power
    // of two, unless it leaves the double range, which the check back
    // detects) is an integer in the range, so no rounding or overflow
    // mode applies and the raw is that integer. Anything else (NaN, ties,
    // out of range) goes through nn::fx::quantize.
    constexpr bool fast = W <= 53 && W - I <= 1000 && W - I >= -1000;
    constexpr double scale = pow2(fast ? W - I : 0);
    constexpr double unscale = pow2(fast ? I - W : 0);
    // The range a store can produce (-max with AP_SAT_SYM, whose minimum
    // overflows), exact as doubles for W <= 53.
    constexpr double lo =
        fast ? static_cast<double>(format().lowestRaw()) : 0.0;
    constexpr double hi =
        fast ? static_cast<double>(format().maxRaw()) : -1.0;
    const double s = x * scale;
    if (s >= lo && s <= hi) {
      const int64_t k = static_cast<int64_t>(s);
      if (static_cast<double>(k) == s && s * unscale == x)
        return static_cast<raw_type>(k);
    }
    return static_cast<raw_type>(nn::fx::quantize(x, format()));
  }

  /// C's conversion: truncation toward zero, then the low 64 bits.
  static constexpr nn::fx::Format int64Format() {
    return nn::fx::Format{64, 64, true, nn::fx::Rounding::TRN_ZERO,
                          nn::fx::Overflow::WRAP};
  }
  long long toInt64() const {
    return toInt64(std::integral_constant<
                   bool, castsNatively<W, W - I, S>(int64Format())>());
  }
  long long toInt64(std::true_type) const {
    return nn::fx::detail::castInt64(nn_raw64(), W - I, int64Format());
  }
  long long toInt64(std::false_type) const {
    return nn::fx::cast(nn_value(), W - I, int64Format());
  }
};

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr int ap_base<W, I, S, Q, O, Int>::width;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr int ap_base<W, I, S, Q, O, Int>::iwidth;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr bool ap_base<W, I, S, Q, O, Int>::sign_flag;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr ap_q_mode ap_base<W, I, S, Q, O, Int>::qmode;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr ap_o_mode ap_base<W, I, S, Q, O, Int>::omode;

/// nn extension: the value v * 2^-(W-I) as the ap type T; v must be in T's
/// range (asserted).
template <typename T> constexpr T from_value(i128 v) {
  return assert(T::nn_in_range(v)), T(raw_tag(), T::nn_raw_of(v));
}

/// The value v * 2^-(W-I) as the ap type T, unchecked: for results that are
/// exact and in range by construction.
template <typename T> constexpr T exact_result(i128 v) {
  return T(raw_tag(), T::nn_raw_of(v));
}

/// nn extension for the emitted C simulation: the AP_WRAP type T whose
/// stored raw is `bits` modulo 2^W (the wrapping sum of a dot product,
/// computed on uint64_t and wrapped once; nn/Dialect/NN/IR/WrapDot.h).
template <typename T> T wrap_raw(uint64_t bits) {
  static_assert(T::width <= 64 && T::omode == AP_WRAP,
                "wrap_raw wraps into AP_WRAP types of at most 64 bits");
  constexpr int unused = 64 - T::width;
  const uint64_t low = bits << unused;
  return T(raw_tag(),
           static_cast<typename T::raw_type>(
               T::sign_flag ? static_cast<int64_t>(low) >> unused
                            : static_cast<int64_t>(low >> unused)));
}

/// Result types of binary operators between (W1, I1, S1) and (W2, I2, S2).
template <int W1, int I1, bool S1, bool Int1, int W2, int I2, bool S2,
          bool Int2>
struct binary_types {
  static constexpr nn::fx::Format sum =
      nn::fx::sumFormat(exactFormat(W1, I1, S1), exactFormat(W2, I2, S2));
  static constexpr nn::fx::Format difference = nn::fx::differenceFormat(
      exactFormat(W1, I1, S1), exactFormat(W2, I2, S2));
  static constexpr nn::fx::Format product =
      nn::fx::productFormat(exactFormat(W1, I1, S1), exactFormat(W2, I2, S2));
  using plus = typename make_type<sum.width, sum.intWidth, sum.isSigned,
                                  Int1 && Int2>::type;
  using minus =
      typename make_type<difference.width, difference.intWidth,
                         difference.isSigned, Int1 && Int2>::type;
  using mult = typename make_type<product.width, product.intWidth,
                                  product.isSigned, Int1 && Int2>::type;
};

/// The exact value of x as an nn::fx::Wide.
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr nn::fx::Wide wide(const ap_base<W, I, S, Q, O, Int> &x) {
  return nn::fx::Wide{x.nn_value(), W - I};
}

/// The exact value of x with F >= W - I fraction bits (for a result format
/// that holds it, so the shift loses nothing).
template <int F, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr nn::fx::Wide aligned(const ap_base<W, I, S, Q, O, Int> &x) {
  static_assert(F >= W - I, "aligning must not drop bits");
  return nn::fx::Wide{
      static_cast<i128>(static_cast<u128>(x.nn_value()) << (F - (W - I))), F};
}

} // namespace nn_csim

// Shorthands for the operator templates below (undefined at the end).
#define NN_CSIM_TP(n)                                                          \
  int W##n, int I##n, bool S##n, ap_q_mode Q##n, ap_o_mode O##n, bool Int##n
#define NN_CSIM_BASE(n) nn_csim::ap_base<W##n, I##n, S##n, Q##n, O##n, Int##n>
#define NN_CSIM_TYPES                                                          \
  nn_csim::binary_types<W1, I1, S1, Int1, W2, I2, S2, Int2>

// Constructors, assignments and compound assignments of each ap type.
// Compound assignments compute the full-precision result and quantize it
// back into the left type, as `x = X(x op y)`.
#define NN_CSIM_MEMBERS(Class)                                                 \
  constexpr Class() : Base() {}                                                \
  constexpr Class(nn_csim::raw_tag t, typename Base::raw_type raw)             \
      : Base(t, raw) {}                                                        \
  template <NN_CSIM_TP(2)>                                                     \
  constexpr Class(const NN_CSIM_BASE(2) & x) : Base(x) {}                      \
  template <typename T, nn_csim::if_integral<T> = 0>                           \
  constexpr Class(T x) : Base(x) {}                                            \
  Class(double x) : Base(x) {}                                                 \
  Class(float x) : Base(x) {}                                                  \
  Class(long double x) : Base(x) {}                                            \
  template <NN_CSIM_TP(2)> Class &operator+=(const NN_CSIM_BASE(2) & y) {     \
    return *this = Class(*this + y);                                           \
  }                                                                            \
  template <NN_CSIM_TP(2)> Class &operator-=(const NN_CSIM_BASE(2) & y) {     \
    return *this = Class(*this - y);                                           \
  }                                                                            \
  template <NN_CSIM_TP(2)> Class &operator*=(const NN_CSIM_BASE(2) & y) {     \
    return *this = Class(*this * y);                                           \
  }                                                                            \
  template <typename T, nn_csim::if_integral<T> = 0>                           \
  Class &operator+=(T y) {                                                     \
    return *this = Class(*this + y);                                           \
  }                                                                            \
  template <typename T, nn_csim::if_integral<T> = 0>                           \
  Class &operator-=(T y) {                                                     \
    return *this = Class(*this - y);                                           \
  }                                                                            \
  template <typename T, nn_csim::if_integral<T> = 0>                           \
  Class &operator*=(T y) {                                                     \
    return *this = Class(*this * y);                                           \
  }                                                                            \
  /* Adds one (as ap_uint<1>), wrapping or saturating like any cast. */        \
  Class &operator++() { return *this = Class(*this + true); }                  \
  Class &operator--() { return *this = Class(*this - true); }                  \
  Class operator++(int) {                                                      \
    Class old = *this;                                                         \
    ++*this;                                                                   \
    return old;                                                                \
  }                                                                            \
  Class operator--(int) {                                                      \
    Class old = *this;                                                         \
    --*this;                                                                   \
    return old;                                                                \
  }

/// Signed fixed point: W bits, I of them above the binary point (I may be
/// negative or larger than W). N (saturation bits) must be 0.
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
class ap_fixed : public nn_csim::ap_base<W, I, true, Q, O, false> {
  static_assert(N == 0, "nn's C-simulation ap_fixed supports only N = 0 "
                        "(no saturation bits)");
  using Base = nn_csim::ap_base<W, I, true, Q, O, false>;

public:
  NN_CSIM_MEMBERS(ap_fixed)
  operator double() const { return this->to_double(); }
};

/// Unsigned fixed point (see ap_fixed).
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
class ap_ufixed : public nn_csim::ap_base<W, I, false, Q, O, false> {
  static_assert(N == 0, "nn's C-simulation ap_ufixed supports only N = 0 "
                        "(no saturation bits)");
  using Base = nn_csim::ap_base<W, I, false, Q, O, false>;

public:
  NN_CSIM_MEMBERS(ap_ufixed)
  operator double() const { return this->to_double(); }
};

/// Signed W-bit integer: conversions truncate toward zero and wrap, as C's.
/// Converts implicitly to long long (so it indexes arrays, drives loops and
/// takes part in bitwise operations as a C integer).
template <int W>
class ap_int
    : public nn_csim::ap_base<W, W, true, AP_TRN_ZERO, AP_WRAP, true> {
  using Base = nn_csim::ap_base<W, W, true, AP_TRN_ZERO, AP_WRAP, true>;

public:
  NN_CSIM_MEMBERS(ap_int)
  operator long long() const { return this->to_int64(); }
};

/// Unsigned W-bit integer (see ap_int); converts implicitly to unsigned long
/// long.
template <int W>
class ap_uint
    : public nn_csim::ap_base<W, W, false, AP_TRN_ZERO, AP_WRAP, true> {
  using Base = nn_csim::ap_base<W, W, false, AP_TRN_ZERO, AP_WRAP, true>;

public:
  NN_CSIM_MEMBERS(ap_uint)
  operator unsigned long long() const { return this->to_uint64(); }
};

#undef NN_CSIM_MEMBERS

namespace nn_csim {

//===----------------------------------------------------------------------===//
// Arithmetic: full precision, exact (no quantization happens here).
//===----------------------------------------------------------------------===//

// The operands are first aligned to the result's binary point with shifts
// known at compile time (so nn::fx::add has nothing left to check), and the
// result is stored unchecked: it is exact and in range by construction.
//
// A result of at most 64 bits is computed on uint64_t: the exact result
// fits its W bits, so its low 64 bits, which modular arithmetic on the
// operands' low 64 bits (nn_raw64()) gives, are its stored raw. Aligning
// shifts stay below 64 there (an operand has fewer bits than the result).

/// The low 64 bits of x's value aligned to F >= W - I fraction bits.
template <int F, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, bool Int>
constexpr uint64_t aligned64(const ap_base<W, I, S, Q, O, Int> &x) {
  static_assert(F >= W - I, "aligning must not drop bits");
  return static_cast<uint64_t>(x.nn_raw64())
         << (F - (W - I) < 64 ? F - (W - I) : 0);
}

/// The result R of `a op b` from op on the aligned operands: on uint64_t
/// when R has at most 64 bits (Native), on the exact nn::fx::Wide values
/// otherwise.
template <typename R, typename A, typename B, typename Native, typename Exact>
constexpr R sum_like(const A &a, const B &b, Native native, Exact,
                     std::true_type) {
  constexpr int F = R::width - R::iwidth;
  return R(raw_tag(), static_cast<typename R::raw_type>(static_cast<int64_t>(
                          native(aligned64<F>(a), aligned64<F>(b)))));
}
template <typename R, typename A, typename B, typename Native, typename Exact>
constexpr R sum_like(const A &a, const B &b, Native, Exact exact,
                     std::false_type) {
  constexpr int F = R::width - R::iwidth;
  return exact_result<R>(exact(aligned<F>(a), aligned<F>(b)).raw);
}

struct add64 {
  constexpr uint64_t operator()(uint64_t a, uint64_t b) const { return a + b; }
};
struct sub64 {
  constexpr uint64_t operator()(uint64_t a, uint64_t b) const { return a - b; }
};
struct addWide {
  constexpr nn::fx::Wide operator()(nn::fx::Wide a, nn::fx::Wide b) const {
    return nn::fx::add(a, b);
  }
};
struct subWide {
  constexpr nn::fx::Wide operator()(nn::fx::Wide a, nn::fx::Wide b) const {
    return nn::fx::sub(a, b);
  }
};

template <NN_CSIM_TP(1), NN_CSIM_TP(2)>
constexpr typename NN_CSIM_TYPES::plus operator+(const NN_CSIM_BASE(1) & a,
                                                 const NN_CSIM_BASE(2) & b) {
  using R = typename NN_CSIM_TYPES::plus;
  return sum_like<R>(a, b, add64(), addWide(),
                     std::integral_constant<bool, (R::width <= 64)>());
}

template <NN_CSIM_TP(1), NN_CSIM_TP(2)>
constexpr typename NN_CSIM_TYPES::minus operator-(const NN_CSIM_BASE(1) & a,
                                                  const NN_CSIM_BASE(2) & b) {
  using R = typename NN_CSIM_TYPES::minus;
  return sum_like<R>(a, b, sub64(), subWide(),
                     std::integral_constant<bool, (R::width <= 64)>());
}

template <typename R, typename A, typename B>
constexpr R product(const A &a, const B &b, std::true_type) {
  return R(raw_tag(), static_cast<typename R::raw_type>(static_cast<int64_t>(
                          static_cast<uint64_t>(a.nn_raw64()) *
                          static_cast<uint64_t>(b.nn_raw64()))));
}
template <typename R, typename A, typename B>
constexpr R product(const A &a, const B &b, std::false_type) {
  return exact_result<R>(nn::fx::multiply(wide(a), wide(b)).raw);
}

template <NN_CSIM_TP(1), NN_CSIM_TP(2)>
constexpr typename NN_CSIM_TYPES::mult operator*(const NN_CSIM_BASE(1) & a,
                                                 const NN_CSIM_BASE(2) & b) {
  using R = typename NN_CSIM_TYPES::mult;
  return product<R>(a, b, std::integral_constant<bool, (R::width <= 64)>());
}

/// -x: one bit wider, always signed (ap_fixed<W+1, I+1>, ap_int<W+1>).
template <NN_CSIM_TP(1)>
constexpr typename make_type<W1 + 1, I1 + 1, true, Int1>::type
operator-(const NN_CSIM_BASE(1) & a) {
  return exact_result<typename make_type<W1 + 1, I1 + 1, true, Int1>::type>(
      -a.nn_value());
}

/// +x: the same value and format (with the default modes).
template <NN_CSIM_TP(1)>
constexpr typename make_type<W1, I1, S1, Int1>::type
operator+(const NN_CSIM_BASE(1) & a) {
  return exact_result<typename make_type<W1, I1, S1, Int1>::type>(
      a.nn_value());
}

// With a C integer on either side: the integer counts as ap_int<bits>.
#define NN_CSIM_WITH_INT(op)                                                   \
  template <NN_CSIM_TP(1), typename T, if_integral<T> = 0>                     \
  constexpr auto operator op(const NN_CSIM_BASE(1) & a, T b)                   \
      ->decltype(a op int_type_t<T>(b)) {                                      \
    return a op int_type_t<T>(b);                                              \
  }                                                                            \
  template <NN_CSIM_TP(1), typename T, if_integral<T> = 0>                     \
  constexpr auto operator op(T a, const NN_CSIM_BASE(1) & b)                   \
      ->decltype(int_type_t<T>(a) op b) {                                      \
    return int_type_t<T>(a) op b;                                              \
  }
NN_CSIM_WITH_INT(+)
NN_CSIM_WITH_INT(-)
NN_CSIM_WITH_INT(*)

//===----------------------------------------------------------------------===//
// Comparisons: exact, whatever the formats.
//===----------------------------------------------------------------------===//

constexpr int compare_ints(int64_t a, int64_t b) {
  return (a > b) - (a < b);
}

/// Whether a and b compare on int64_t: both values, aligned to the larger
/// fraction width, fit 63 bits.
template <int W1, int F1, int W2, int F2> struct native_compare {
  static constexpr int F = F1 > F2 ? F1 : F2;
  static constexpr bool ok = W1 + (F - F1) <= 63 && W2 + (F - F2) <= 63;
  static constexpr int shift1 = ok ? F - F1 : 0;
  static constexpr int shift2 = ok ? F - F2 : 0;
};

/// -1, 0 or 1 as the exact values of a and b compare.
template <NN_CSIM_TP(1), NN_CSIM_TP(2)>
constexpr int compare(const NN_CSIM_BASE(1) & a, const NN_CSIM_BASE(2) & b,
                      std::true_type) {
  using C = native_compare<W1, W1 - I1, W2, W2 - I2>;
  // Both values are below 2^63 in magnitude: the shifts lose nothing.
  return compare_ints(
      static_cast<int64_t>(static_cast<uint64_t>(a.nn_raw64()) << C::shift1),
      static_cast<int64_t>(static_cast<uint64_t>(b.nn_raw64()) << C::shift2));
}
template <NN_CSIM_TP(1), NN_CSIM_TP(2)>
constexpr int compare(const NN_CSIM_BASE(1) & a, const NN_CSIM_BASE(2) & b,
                      std::false_type) {
  return nn::fx::compare(wide(a), wide(b));
}

#define NN_CSIM_COMPARE(op)                                                    \
  template <NN_CSIM_TP(1), NN_CSIM_TP(2)>                                      \
  constexpr bool operator op(const NN_CSIM_BASE(1) & a,                        \
                             const NN_CSIM_BASE(2) & b) {                      \
    return compare(a, b,                                                       \
                   std::integral_constant<                                     \
                       bool, native_compare<W1, W1 - I1, W2, W2 - I2>::ok>())  \
        op 0;                                                                  \
  }                                                                            \
  NN_CSIM_WITH_INT(op)
NN_CSIM_COMPARE(==)
NN_CSIM_COMPARE(!=)
NN_CSIM_COMPARE(<)
NN_CSIM_COMPARE(<=)
NN_CSIM_COMPARE(>)
NN_CSIM_COMPARE(>=)
#undef NN_CSIM_COMPARE
#undef NN_CSIM_WITH_INT

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

namespace detail {
/// digits (most significant first) with `point` of them before the decimal
/// point, times 2.
inline void twice(std::string &digits, size_t &point) {
  int carry = 0;
  for (size_t k = digits.size(); k-- > 0;) {
    int d = (digits[k] - '0') * 2 + carry;
    digits[k] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  if (carry) {
    digits.insert(digits.begin(), '1');
    ++point;
  }
}
/// digits / 2, exactly (a trailing fraction digit is added when needed).
inline void halve(std::string &digits, size_t &point) {
  if ((digits.back() - '0') % 2)
    digits.push_back('0'); // same value; the digit string is now even
  int carry = 0;
  for (char &c : digits) {
    int d = carry * 10 + (c - '0');
    c = static_cast<char>('0' + d / 2);
    carry = d % 2;
  }
  size_t zeros = 0;
  while (point - zeros > 1 && digits[zeros] == '0')
    ++zeros;
  digits.erase(0, zeros);
  point -= zeros;
}
} // namespace detail

/// The exact decimal spelling of v * 2^-frac: "-12", "0.375", every digit
/// written out (never an exponent).
inline std::string decimal(i128 v, int frac) {
  u128 m = nn::fx::detail::magnitude(v);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m);
  std::reverse(digits.begin(), digits.end());
  size_t point = digits.size();
  if (v != 0) {
    for (int k = 0; k < -frac; ++k)
      detail::twice(digits, point);
    for (int k = 0; k < frac; ++k)
      detail::halve(digits, point);
  }
  size_t end = digits.size();
  while (end > point && digits[end - 1] == '0')
    --end;
  std::string out = v < 0 ? "-" : "";
  out.append(digits, 0, point);
  if (end > point) {
    out += '.';
    out.append(digits, point, end - point);
  }
  return out;
}

/// Writes the exact decimal value ("-0.375", "12"); stream precision and
/// format flags are not used.
template <NN_CSIM_TP(1)>
std::ostream &operator<<(std::ostream &os, const NN_CSIM_BASE(1) & x) {
  return os << decimal(x.nn_value(), W1 - I1);
}

} // namespace nn_csim

#undef NN_CSIM_TYPES
#undef NN_CSIM_BASE
#undef NN_CSIM_TP

#endif // NN_CSIM_AP_TYPES_H
