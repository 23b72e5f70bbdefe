//===- FixedPoint.h - The project's fixed-point arithmetic ------*- C++ -*-===//
//
// The single definition of fixed-point arithmetic in nn: quantization of
// doubles, re-quantization (casts) with every rounding and overflow mode,
// and full-precision products and sums. The interpreter, compile-time weight
// quantization and the C-simulation runtime (runtime/include/ap_fixed.h,
// compiled into emitted HLS projects) all use this header, so it depends on
// nothing but the standard library (no MLIR, no LLVM) and the arithmetic
// allocates nothing. The arithmetic needs only C++14; the format-spelling
// parsers (parseFormat, parseRounding, parseOverflow) need C++17 and are
// left out when compiled as C++14.
//
// Semantics are those of Vitis HLS ap_fixed/ap_ufixed (AMD UG1399) and of
// SystemC sc_fixed/sc_ufixed with n_bits = 0; the unit tests compare every
// rounding x overflow mode against SystemC's sc_fix/sc_ufix.
//
// Representation. A format has `width` bits of which `intWidth` are above the
// binary point, so fracWidth() = width - intWidth (either may be negative or
// larger than width). A value is stored as a raw integer k meaning
// k * 2^-fracWidth, held in an int64_t: two's complement for signed formats,
// zero-extended for unsigned ones. For a 64-bit unsigned format the stored
// int64_t is the bit pattern of the uint64_t (use rawToInt() to read the
// mathematical integer). Stored raws are always within the format's range.
//
// Requires a compiler with __int128 (GCC, Clang).
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_FIXEDPOINT_H
#define NN_SUPPORT_FIXEDPOINT_H

#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#if __cplusplus >= 201703L
#include <optional>
#include <string_view>
#endif

namespace nn {
namespace fx {

// __extension__ keeps -Wpedantic quiet about the GNU 128-bit integer types.
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/// Quantization (rounding) modes, in the order of ap_fixed's ap_q_mode and of
/// the nn dialect's RoundingMode (converted with static_cast: keep in sync).
/// "Tie" means the discarded bits are exactly one half of the new LSB.
enum class Rounding {
  TRN,         ///< Truncate: toward minus infinity (floor). The default.
  TRN_ZERO,    ///< Truncate toward zero.
  RND,         ///< Round to nearest, ties toward plus infinity.
  RND_ZERO,    ///< Round to nearest, ties toward zero.
  RND_MIN_INF, ///< Round to nearest, ties toward minus infinity.
  RND_INF,     ///< Round to nearest, ties away from zero.
  RND_CONV,    ///< Round to nearest, ties to even (convergent rounding).
};

/// Overflow modes, in the order of ap_fixed's ap_o_mode and of the nn
/// dialect's OverflowMode (converted with static_cast: keep in sync).
enum class Overflow {
  WRAP,     ///< Keep the low `width` bits (two's complement wrap). Default.
  SAT,      ///< Clamp to the format's minimum or maximum.
  SAT_ZERO, ///< Any overflow gives zero.
  SAT_SYM,  ///< Signed only: clamp to [-max, max]; the minimum itself is
            ///< also replaced by -max, so the range is symmetric.
  WRAP_SM,  ///< Signed only: sign-magnitude wrap (see overflowStep()).
};

/// The ap_fixed spelling of a rounding mode ("AP_RND", ...).
inline const char *toString(Rounding r) {
  switch (r) {
  case Rounding::TRN:
    return "AP_TRN";
  case Rounding::TRN_ZERO:
    return "AP_TRN_ZERO";
  case Rounding::RND:
    return "AP_RND";
  case Rounding::RND_ZERO:
    return "AP_RND_ZERO";
  case Rounding::RND_MIN_INF:
    return "AP_RND_MIN_INF";
  case Rounding::RND_INF:
    return "AP_RND_INF";
  case Rounding::RND_CONV:
    return "AP_RND_CONV";
  }
  return "AP_TRN";
}

/// The ap_fixed spelling of an overflow mode ("AP_SAT", ...).
inline const char *toString(Overflow o) {
  switch (o) {
  case Overflow::WRAP:
    return "AP_WRAP";
  case Overflow::SAT:
    return "AP_SAT";
  case Overflow::SAT_ZERO:
    return "AP_SAT_ZERO";
  case Overflow::SAT_SYM:
    return "AP_SAT_SYM";
  case Overflow::WRAP_SM:
    return "AP_WRAP_SM";
  }
  return "AP_WRAP";
}

/// A fixed-point format: ap_fixed<width, intWidth, rounding, overflow> or
/// ap_ufixed<...>. Storage formats have 1 <= width <= 64; the lossless
/// intermediate formats returned by productFormat()/sumFormat() may be wider
/// (up to 129 bits) and are only used to describe Wide values. The default
/// is ap_fixed<16,6> (hls4ml's default precision).
struct Format {
  int width = 16;
  int intWidth = 6;
  bool isSigned = true;
  Rounding rounding = Rounding::TRN;
  Overflow overflow = Overflow::WRAP;

  /// Number of bits below the binary point (may be negative or > width).
  constexpr int fracWidth() const { return width - intWidth; }

  /// True for a format this library can store: 1 <= width <= 64,
  /// -1024 <= intWidth <= 1024, and SAT_SYM/WRAP_SM only with signed formats
  /// (SystemC rejects unsigned WRAP_SM; we reject both for simplicity).
  constexpr bool isValid() const {
    if (width < 1 || width > 64 || intWidth < -1024 || intWidth > 1024)
      return false;
    if (!isSigned &&
        (overflow == Overflow::SAT_SYM || overflow == Overflow::WRAP_SM))
      return false;
    return true;
  }

  /// Smallest raw integer of the format: -2^(width-1), or 0 if unsigned.
  constexpr i128 minInt() const {
    return isSigned ? -(i128(1) << (width - 1)) : i128(0);
  }
  /// Largest raw integer: 2^(width-1) - 1, or 2^width - 1 if unsigned.
  constexpr i128 maxInt() const {
    return isSigned ? (i128(1) << (width - 1)) - 1 : (i128(1) << width) - 1;
  }
  /// minInt() as a stored raw (int64_t); storage formats only.
  constexpr int64_t minRaw() const { return static_cast<int64_t>(minInt()); }
  /// maxInt() as a stored raw; for ap_ufixed<64,..> this is the bit pattern
  /// 0xFFFF...F, i.e. -1 as an int64_t.
  constexpr int64_t maxRaw() const {
    return static_cast<int64_t>(static_cast<uint64_t>(maxInt()));
  }
  /// The lowest value a store into this format can produce, as a raw:
  /// minRaw(), or -maxRaw() with SAT_SYM (whose range is symmetric). An
  /// empty max window gives it (interpreter and lowering alike).
  constexpr int64_t lowestRaw() const {
    return isSigned && overflow == Overflow::SAT_SYM ? -maxRaw() : minRaw();
  }

  /// The Vitis spelling: "ap_fixed<16,6>", "ap_ufixed<8,0,AP_RND>",
  /// "ap_fixed<16,6,AP_TRN,AP_SAT>" (the rounding mode is printed when it or
  /// the overflow mode is not the default, since ap_fixed's template
  /// parameters are positional).
  std::string toString() const {
    std::string s = isSigned ? "ap_fixed<" : "ap_ufixed<";
    s += std::to_string(width) + "," + std::to_string(intWidth);
    if (rounding != Rounding::TRN || overflow != Overflow::WRAP) {
      s += ",";
      s += fx::toString(rounding);
    }
    if (overflow != Overflow::WRAP) {
      s += ",";
      s += fx::toString(overflow);
    }
    return s + ">";
  }

  constexpr bool operator==(const Format &o) const {
    return width == o.width && intWidth == o.intWidth &&
           isSigned == o.isSigned && rounding == o.rounding &&
           overflow == o.overflow;
  }
  constexpr bool operator!=(const Format &o) const { return !(*this == o); }
};

#if __cplusplus >= 201703L
namespace detail {
/// A minimal cursor over a format spelling; blanks between tokens ignored.
struct FormatLexer {
  std::string_view s;
  size_t i = 0;

  void skipBlanks() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
      ++i;
  }
  bool eat(char c) {
    skipBlanks();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  bool integer(int &v) {
    bool negative = eat('-');
    skipBlanks();
    if (i >= s.size() || s[i] < '0' || s[i] > '9')
      return false;
    long long x = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      x = x * 10 + (s[i++] - '0');
      if (x > 1000000) // far beyond any valid width; avoids overflow
        return false;
    }
    v = static_cast<int>(negative ? -x : x);
    return true;
  }
  std::string_view word() {
    skipBlanks();
    size_t begin = i;
    while (i < s.size() &&
           (s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') ||
            (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
      ++i;
    return s.substr(begin, i - begin);
  }
  bool atEnd() {
    skipBlanks();
    return i == s.size();
  }
};

/// Strips an optional "AP_" prefix from a mode name.
inline std::string_view modeName(std::string_view w) {
  return w.substr(0, 3) == "AP_" ? w.substr(3) : w;
}
} // namespace detail

/// Parses a rounding mode name, with or without the "AP_" prefix.
inline std::optional<Rounding> parseRounding(std::string_view name) {
  for (int r = 0; r <= static_cast<int>(Rounding::RND_CONV); ++r)
    if (detail::modeName(toString(static_cast<Rounding>(r))) ==
        detail::modeName(name))
      return static_cast<Rounding>(r);
  return std::nullopt;
}

/// Parses an overflow mode name, with or without the "AP_" prefix.
inline std::optional<Overflow> parseOverflow(std::string_view name) {
  for (int o = 0; o <= static_cast<int>(Overflow::WRAP_SM); ++o)
    if (detail::modeName(toString(static_cast<Overflow>(o))) ==
        detail::modeName(name))
      return static_cast<Overflow>(o);
  return std::nullopt;
}

/// Parses the spellings users write in Vitis code and hls4ml configurations:
/// "ap_fixed<W,I>", "ap_ufixed<W,I,Q>", "ap_fixed<W,I,Q,O>" and
/// "ap_fixed<W,I,Q,O,N>" with N = 0 (saturation bits are not supported);
/// "ap_int<W>" and "ap_uint<W>" (integers, I = W); hls4ml's short forms
/// "fixed<...>", "ufixed<...>", "int<W>", "uint<W>". Mode names may omit
/// the "AP_" prefix and blanks between tokens are ignored. The inverse of
/// Format::toString(). Returns nullopt for anything else, including formats
/// that are not isValid().
inline std::optional<Format> parseFormat(std::string_view text) {
  detail::FormatLexer lex{text};
  std::string_view kind = lex.word();
  if (kind.substr(0, 3) == "ap_")
    kind = kind.substr(3);
  Format f;
  f.rounding = Rounding::TRN;
  f.overflow = Overflow::WRAP;
  bool isInt = kind == "int" || kind == "uint";
  if (!isInt && kind != "fixed" && kind != "ufixed")
    return std::nullopt;
  f.isSigned = kind == "int" || kind == "fixed";
  if (!lex.eat('<') || !lex.integer(f.width))
    return std::nullopt;
  f.intWidth = f.width;
  if (!isInt) {
    if (!lex.eat(',') || !lex.integer(f.intWidth))
      return std::nullopt;
    if (lex.eat(',')) {
      std::optional<Rounding> r = parseRounding(lex.word());
      if (!r)
        return std::nullopt;
      f.rounding = *r;
      if (lex.eat(',')) {
        std::optional<Overflow> o = parseOverflow(lex.word());
        if (!o)
          return std::nullopt;
        f.overflow = *o;
        int saturationBits = 0;
        if (lex.eat(',') && (!lex.integer(saturationBits) || saturationBits))
          return std::nullopt;
      }
    }
  }
  if (!lex.eat('>') || !lex.atEnd() || !f.isValid())
    return std::nullopt;
  return f;
}
#endif // __cplusplus >= 201703L

/// The mathematical integer held by a stored raw of format `f`. Only differs
/// from `raw` for 64-bit unsigned formats, whose raw is a uint64_t pattern.
constexpr i128 rawToInt(int64_t raw, const Format &f) {
  return f.isSigned ? i128(raw) : i128(static_cast<uint64_t>(raw));
}

/// A full-precision intermediate value: raw * 2^-fracWidth.
struct Wide {
  i128 raw;
  int fracWidth;
};

namespace detail {

/// Mask of the low n bits, 0 <= n <= 64.
constexpr uint64_t lowMask(int n) {
  return n >= 64 ? ~uint64_t(0) : (uint64_t(1) << n) - 1;
}

/// |v| as an unsigned 128-bit integer (exact for v = -2^127 too).
constexpr u128 magnitude(i128 v) {
  return v < 0 ? u128(0) - static_cast<u128>(v) : static_cast<u128>(v);
}

/// Number of significant bits of m (0 for 0).
constexpr int bitLength(u128 m) {
  return static_cast<uint64_t>(m >> 64)
             ? 128 - __builtin_clzll(static_cast<uint64_t>(m >> 64))
             : (static_cast<uint64_t>(m)
                    ? 64 - __builtin_clzll(static_cast<uint64_t>(m))
                    : 0);
}

/// Sign-extends the low `width` bits of `bits` (1 <= width <= 64) if
/// `isSigned`, else zero-extends; returns the stored raw.
constexpr int64_t extend(uint64_t bits, int width, bool isSigned) {
  bits &= lowMask(width);
  if (isSigned && width < 64 && ((bits >> (width - 1)) & 1))
    bits |= ~lowMask(width);
  return static_cast<int64_t>(bits);
}

/// A value after quantization, before overflow handling: the integer q (in
/// units of the destination LSB) may be too large for an i128 when a value
/// was shifted left by a lot. `low` always holds q mod 2^128 (enough for the
/// wrap modes, which only look at the low width + 1 <= 65 bits), `negative`
/// its sign and `fits` whether q == i128(low).
struct Quantized {
  u128 low;
  bool negative;
  bool fits;
};

/// Divides v by 2^shift (shift >= 1) and rounds the quotient with mode `r`.
/// Always fits: |result| <= |v| / 2 + 1.
constexpr i128 shiftRightRounded(i128 v, long long shift, Rounding r) {
  // floor(v / 2^shift) and how the discarded remainder (0 <= rem < 2^shift)
  // compares with half an LSB: cmpHalf < 0, == 0 (tie) or > 0.
  i128 q = 0;
  bool exact = false;
  int cmpHalf = 0;
  if (shift <= 127) {
    q = v >> shift; // arithmetic shift: floor for negative v (GCC/Clang)
    u128 rem = static_cast<u128>(v) & ((u128(1) << shift) - 1);
    u128 half = u128(1) << (shift - 1);
    exact = rem == 0;
    cmpHalf = rem < half ? -1 : (rem == half ? 0 : 1);
  } else if (v >= 0) {
    // 0 <= v < 2^127 <= half: the floor is 0, the remainder below half.
    q = 0;
    exact = v == 0;
    cmpHalf = -1;
  } else {
    // The floor is -1 and rem = 2^shift + v, so rem - half = 2^(shift-1) + v
    // with v >= -2^127: positive except for shift == 128, v == -2^127.
    q = -1;
    exact = false;
    const i128 min128 = static_cast<i128>(u128(1) << 127); // -2^127
    cmpHalf = (shift == 128 && v == min128) ? 0 : 1;
  }
  bool negative = v < 0;
  bool up = false; // add one LSB to the floor?
  switch (r) {
  case Rounding::TRN:
    up = false;
    break;
  case Rounding::TRN_ZERO:
    up = negative && !exact;
    break;
  case Rounding::RND:
    up = cmpHalf >= 0;
    break;
  case Rounding::RND_ZERO:
    up = cmpHalf > 0 || (cmpHalf == 0 && negative);
    break;
  case Rounding::RND_MIN_INF:
    up = cmpHalf > 0;
    break;
  case Rounding::RND_INF:
    up = cmpHalf > 0 || (cmpHalf == 0 && !negative);
    break;
  case Rounding::RND_CONV:
    up = cmpHalf > 0 || (cmpHalf == 0 && (q & 1));
    break;
  }
  return up ? q + 1 : q;
}

/// Quantization step of a cast: value * 2^-fromFrac expressed in units of
/// 2^-toFrac, rounded with `r`.
constexpr Quantized quantizeStep(i128 value, long long fromFrac,
                                 long long toFrac, Rounding r) {
  long long shift = fromFrac - toFrac;
  if (shift > 0) {
    i128 q = shiftRightRounded(value, shift, r);
    return {static_cast<u128>(q), q < 0, true};
  }
  // Exact left shift (or none): no rounding, but the result may not fit.
  long long up = -shift;
  if (value == 0 || up == 0)
    return {static_cast<u128>(value), value < 0, true};
  u128 low = up >= 128 ? u128(0) : static_cast<u128>(value) << up;
  bool fits = false;
  if (up < 127) {
    // value << up fits iff value is within [-2^(127-up), 2^(127-up) - 1].
    i128 lim = i128(1) << (127 - up);
    fits = value >= -lim && value < lim;
  }
  return {low, value < 0, fits};
}

/// Overflow step of a cast into storage format `to`.
///
/// WRAP_SM (n_bits = 0), as SystemC implements it and UG1399's examples
/// show: the result's sign bit is bit `width` of the unbounded value (the
/// lowest discarded bit), and the remaining width-1 bits are the value's
/// low bits, inverted when bit width-1 differs from that new sign bit. For
/// in-range values both bits equal the sign, so nothing changes. E.g. with
/// ap_fixed<4,4>: 19 = 0b1'0011 -> sign 1, bit 3 is 0 so invert 011 ->
/// 0b1100 = -4; -19 = ...0'1101 -> sign 0, invert 101 -> 0b0010 = 2.
constexpr int64_t overflowStep(const Quantized &q, const Format &to) {
  const int w = to.width;
  const bool symmetric = to.isSigned && to.overflow == Overflow::SAT_SYM;
  const i128 maxV = to.maxInt();
  // SAT_SYM makes the range symmetric: even an exact minimum overflows.
  const i128 minV = symmetric ? -maxV : to.minInt();
  const i128 v = static_cast<i128>(q.low);
  if (q.fits && v >= minV && v <= maxV)
    return static_cast<int64_t>(static_cast<uint64_t>(q.low));

  switch (to.overflow) {
  case Overflow::SAT:
  case Overflow::SAT_SYM: // for unsigned formats SystemC treats it as SAT
    return static_cast<int64_t>(
        static_cast<uint64_t>(q.negative ? minV : maxV));
  case Overflow::SAT_ZERO:
    return 0;
  case Overflow::WRAP_SM:
    if (to.isSigned) {
      uint64_t sign = static_cast<uint64_t>(q.low >> w) & 1;
      uint64_t msb = static_cast<uint64_t>(q.low >> (w - 1)) & 1;
      uint64_t rest = static_cast<uint64_t>(q.low) & lowMask(w - 1);
      if (sign != msb)
        rest = ~rest & lowMask(w - 1);
      return extend((sign << (w - 1)) | rest, w, true);
    }
    break; // not valid for unsigned; behaves as WRAP
  case Overflow::WRAP:
    break;
  }
  return extend(static_cast<uint64_t>(q.low), w, to.isSigned);
}

/// Whether castInt64() applies: the destination `to` is not an unsigned
/// 64-bit format (its maximum is no int64_t) nor WRAP_SM, and the shift
/// fromFrac - to.fracWidth() drops at most 62 bits (shift > 0) or, as a left
/// shift, keeps a value of `valueBits` bits (sign included) within 63 bits.
constexpr bool castFitsInt64(int valueBits, long long shift,
                             const Format &to) {
  return !(to.width == 64 && !to.isSigned) &&
         to.overflow != Overflow::WRAP_SM &&
         (shift > 0 ? shift <= 62 : valueBits - shift <= 63);
}

/// The cast on 64-bit integers, the common case of the kernels and of the
/// C-simulation types: the same steps as quantizeStep() and overflowStep()
/// (floor shift, the rounding decision from the dropped bits, then the
/// overflow mode) with every intermediate in an int64_t. Precondition:
/// castFitsInt64() for v's significant bits.
constexpr int64_t castInt64(int64_t v, long long shift, const Format &to) {
  int64_t q = 0;
  if (shift > 0) {
    const int right = static_cast<int>(shift > 62 ? 62 : shift);
    q = v >> right; // arithmetic shift: the floor (GCC, Clang)
    const uint64_t rem = static_cast<uint64_t>(v) & lowMask(right);
    const uint64_t half = uint64_t(1) << (right - 1);
    const bool negative = v < 0;
    bool up = false;
    switch (to.rounding) {
    case Rounding::TRN:
      up = false;
      break;
    case Rounding::TRN_ZERO:
      up = negative && rem != 0;
      break;
    case Rounding::RND:
      up = rem >= half;
      break;
    case Rounding::RND_ZERO:
      up = rem > half || (rem == half && negative);
      break;
    case Rounding::RND_MIN_INF:
      up = rem > half;
      break;
    case Rounding::RND_INF:
      up = rem > half || (rem == half && !negative);
      break;
    case Rounding::RND_CONV:
      up = rem > half || (rem == half && (q & 1));
      break;
    }
    q += up ? 1 : 0;
  } else {
    q = static_cast<int64_t>(static_cast<uint64_t>(v)
                             << static_cast<int>(shift < -63 ? 63 : -shift));
  }
  const int w = to.width;
  const int64_t maxV =
      static_cast<int64_t>(lowMask(to.isSigned ? w - 1 : w));
  // SAT_SYM makes a signed range symmetric: even an exact minimum
  // overflows (unsigned: SAT).
  const int64_t minV = !to.isSigned ? 0
                       : to.overflow == Overflow::SAT_SYM ? -maxV
                                                          : -maxV - 1;
  if (q >= minV && q <= maxV)
    return q;
  switch (to.overflow) {
  case Overflow::SAT:
  case Overflow::SAT_SYM:
    return q < 0 ? minV : maxV;
  case Overflow::SAT_ZERO:
    return 0;
  default: // WRAP (WRAP_SM never gets here): the low `width` bits
    return extend(static_cast<uint64_t>(q), w, to.isSigned);
  }
}

/// Number of bits (sign included) that hold v as a signed integer.
constexpr int signedBits(i128 v) {
  return 1 + bitLength(v < 0 ? ~static_cast<u128>(v) : static_cast<u128>(v));
}

} // namespace detail

/// Re-quantizes the full-precision value raw * 2^-fromFracWidth into the
/// storage format `to`: first rounds away the bits below to's LSB with
/// to.rounding, then applies to.overflow if the result is outside the range.
/// This is `ap_fixed<...> y = x;` for any source x, including wide
/// intermediates. Any fromFracWidth is accepted (no range restriction).
constexpr int64_t cast(i128 raw, int fromFracWidth, const Format &to) {
  assert(to.width >= 1 && to.width <= 64 && "cast into a non-storage format");
  const long long shift =
      static_cast<long long>(fromFracWidth) - to.fracWidth();
  // Values of up to 63 bits with moderate shifts: on native integers.
  const int bits = detail::signedBits(raw);
  if (bits <= 64 && detail::castFitsInt64(bits, shift, to))
    return detail::castInt64(static_cast<int64_t>(raw), shift, to);
  return detail::overflowStep(
      detail::quantizeStep(raw, fromFracWidth, to.fracWidth(), to.rounding),
      to);
}

/// cast() of a full-precision intermediate.
constexpr int64_t cast(const Wide &w, const Format &to) {
  return cast(w.raw, w.fracWidth, to);
}

/// cast() of a stored value of format `from` (ap_fixed<..> y = x).
constexpr int64_t cast(int64_t raw, const Format &from, const Format &to) {
  return cast(rawToInt(raw, from), from.fracWidth(), to);
}

/// Converts a double exactly, as constructing an ap_fixed/sc_fixed from it:
/// rounding with f.rounding at the format's LSB, then f.overflow.
///
/// Non-finite inputs (SystemC reports an error for them; ap_fixed leaves them
/// unspecified): NaN gives 0; +inf and -inf saturate to the format's maximum
/// and minimum (-max with SAT_SYM) whatever the overflow mode, except that
/// SAT_ZERO gives 0.
inline int64_t quantize(double x, const Format &f) {
  if (std::isnan(x))
    return 0;
  if (std::isinf(x)) {
    detail::Quantized huge{0, x < 0, false};
    Format sat = f;
    if (f.overflow == Overflow::WRAP || f.overflow == Overflow::WRAP_SM)
      sat.overflow = Overflow::SAT;
    return detail::overflowStep(huge, sat);
  }
  // Read the IEEE-754 fields: x = (-1)^sign * mant * 2^exp exactly, with
  // mant < 2^53 (subnormals have no implicit bit and the minimum exponent).
  // The cast then does the rest in integers.
  static_assert(std::numeric_limits<double>::is_iec559, "IEEE-754 doubles");
  uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  int expField = static_cast<int>((bits >> 52) & 0x7ff);
  int64_t mant = static_cast<int64_t>(bits & ((uint64_t(1) << 52) - 1));
  int exp = -1074;
  if (expField != 0) {
    mant |= int64_t(1) << 52;
    exp = expField - 1075;
  }
  if (bits >> 63)
    mant = -mant;
  return cast(i128(mant), -exp, f);
}

namespace detail {
/// The value w rounded to nearest (ties to even) in a binary floating-point
/// format with `precision` significand bits and smallest normal exponent
/// `minExponent` (53 and -1022 for double, 24 and -126 for float), returned
/// as a double, which holds the result exactly for both. No upper exponent
/// limit: a result beyond the double range is an infinity (std::ldexp).
inline double roundToBinary(const Wide &w, int precision, int minExponent) {
  if (w.raw == 0)
    return 0.0;
  bool negative = w.raw < 0;
  u128 mag = magnitude(w.raw);
  const long long frac = w.fracWidth;
  const int len = bitLength(mag);
  // Bits the result can keep: `precision`, fewer for subnormal results (the
  // last kept bit must weigh at least 2^(minExponent - precision + 1)). May
  // be <= 0 for tiny values.
  long long lead = len - 1 - frac; // exponent of the leading bit
  long long keep =
      lead >= minExponent ? precision : precision - (minExponent - lead);
  double result;
  if (len <= keep) {
    result = std::ldexp(static_cast<double>(mag), static_cast<int>(-frac));
  } else {
    long long drop = len - keep; // >= 1
    u128 q = 0;
    if (drop < 128) {
      q = mag >> drop;
      u128 rem = mag & ((u128(1) << drop) - 1);
      u128 half = u128(1) << (drop - 1);
      if (rem > half || (rem == half && (q & 1)))
        ++q;
    } else if (drop == 128) {
      // q = 0; the remainder is mag itself and half is 2^127.
      q = mag > (u128(1) << 127) ? 1 : 0;
    } // else mag < 2^128 <= half: rounds to 0
    // q has at most precision + 1 bits, a carry only gives a power of two:
    // exact.
    result = std::ldexp(static_cast<double>(static_cast<uint64_t>(q)),
                        static_cast<int>(drop - frac));
  }
  return negative ? -result : result;
}
} // namespace detail

/// The exact value w as a double, correctly rounded (to nearest, ties to
/// even, like any IEEE conversion); exact whenever the value has at most 53
/// significant bits and lies in the double range.
inline double toDouble(const Wide &w) {
  return detail::roundToBinary(w, 53, -1022);
}

/// The value of a stored raw of format f as a double (see above).
inline double toDouble(int64_t raw, const Format &f) {
  return toDouble(Wide{rawToInt(raw, f), f.fracWidth()});
}

/// The exact value w as a float, correctly rounded in one step (converting
/// toDouble()'s result to float could round twice); an infinity beyond the
/// float range.
inline float toFloat(const Wide &w) {
  double d = detail::roundToBinary(w, 24, -126);
  // d is a multiple of the float grid; anything above FLT_MAX is >= 2^128,
  // which rounds to infinity.
  if (std::fabs(d) > static_cast<double>(std::numeric_limits<float>::max()))
    return d < 0 ? -std::numeric_limits<float>::infinity()
                 : std::numeric_limits<float>::infinity();
  return static_cast<float>(d);
}

/// Compares the exact values of a and b: -1, 0 or 1, whatever their binary
/// points (no precondition: the shift that aligns them never overflows).
constexpr int compare(const Wide &a, const Wide &b) {
  const int signA = (a.raw > 0) - (a.raw < 0);
  const int signB = (b.raw > 0) - (b.raw < 0);
  if (signA != signB)
    return signA < signB ? -1 : 1;
  if (signA == 0)
    return 0;
  // Same sign: compare the magnitudes |a| 2^-Fa and |b| 2^-Fb by shifting
  // the one with fewer fraction bits left; if that shift would pass 128
  // bits, that magnitude is the larger (the other is below 2^128).
  const u128 ma = detail::magnitude(a.raw), mb = detail::magnitude(b.raw);
  u128 x = ma, y = mb;
  int order = 0; // of the magnitudes, when decided without comparing x, y
  if (a.fracWidth >= b.fracWidth) {
    long long shift = static_cast<long long>(a.fracWidth) - b.fracWidth;
    if (detail::bitLength(mb) + shift > 128)
      order = -1;
    else
      y = mb << shift;
  } else {
    long long shift = static_cast<long long>(b.fracWidth) - a.fracWidth;
    if (detail::bitLength(ma) + shift > 128)
      order = 1;
    else
      x = ma << shift;
  }
  if (order == 0)
    order = x < y ? -1 : (x > y ? 1 : 0);
  return signA > 0 ? order : -order;
}

/// Lossless format of a product (ap_fixed's rule): width W1 + W2, intWidth
/// I1 + I2, signed if either operand is. Rounding/overflow are the defaults.
constexpr Format productFormat(const Format &a, const Format &b) {
  return {a.width + b.width, a.intWidth + b.intWidth, a.isSigned || b.isSigned,
          Rounding::TRN, Overflow::WRAP};
}

/// Lossless format of a sum or difference (ap_fixed's rule): fracWidth
/// max(F1, F2); intWidth max(I1, I2) + 1 for one carry bit, where with mixed
/// signedness the unsigned operand counts one integer bit more (its values
/// need that extra bit to be represented as signed); signed if either is.
/// E.g. ap_fixed<8,8> + ap_ufixed<8,8> -> ap_fixed<10,10> ([-128, 382]).
constexpr Format sumFormat(const Format &a, const Format &b) {
  int extraA = (!a.isSigned && b.isSigned) ? 1 : 0;
  int extraB = (!b.isSigned && a.isSigned) ? 1 : 0;
  int ia = a.intWidth + extraA, ib = b.intWidth + extraB;
  int intWidth = (ia > ib ? ia : ib) + 1;
  int frac = a.fracWidth() > b.fracWidth() ? a.fracWidth() : b.fracWidth();
  return {intWidth + frac, intWidth, a.isSigned || b.isSigned, Rounding::TRN,
          Overflow::WRAP};
}

/// Lossless format of a difference a - b (ap_fixed's rule): as sumFormat()
/// but always signed, since even two unsigned operands can give a negative
/// result; for two unsigned formats max(I1, I2) + 1 integer bits (signed)
/// hold [-2^max, 2^max).
constexpr Format differenceFormat(const Format &a, const Format &b) {
  Format f = sumFormat(a, b);
  f.isSigned = true;
  return f;
}

/// Full-precision product of two raw integers; the product's fracWidth is
/// the sum of the operands' (raws taken as signed int64_t: use the overload
/// with formats for 64-bit unsigned operands).
constexpr i128 multiply(int64_t a, int64_t b) { return i128(a) * i128(b); }

/// Full-precision product of two full-precision values. Precondition: the
/// product fits an i128 (true when its productFormat() has width <= 128,
/// or <= 127 if unsigned).
constexpr Wide multiply(const Wide &a, const Wide &b) {
  return {a.raw * b.raw, a.fracWidth + b.fracWidth};
}

/// Full-precision product of two stored values of formats fa and fb.
/// Precondition: not both operands 64-bit-ish unsigned (the product of two
/// unsigned formats must have width <= 127 to fit an i128).
constexpr Wide multiply(int64_t a, const Format &fa, int64_t b,
                        const Format &fb) {
  assert((fa.isSigned || fb.isSigned || fa.width + fb.width <= 127) &&
         "unsigned product too wide for 128 bits");
  return {rawToInt(a, fa) * rawToInt(b, fb), fa.fracWidth() + fb.fracWidth()};
}

namespace detail {
/// Shifts x left by n >= 0 bits, asserting nothing is lost.
constexpr i128 alignLeft(i128 x, int n) {
  if (n == 0 || x == 0)
    return x;
  assert(n < 127 && "binary points too far apart for 128 bits");
  i128 r = static_cast<i128>(static_cast<u128>(x) << n);
  assert((r >> n) == x && "aligned operand does not fit 128 bits");
  return r;
}
} // namespace detail

/// Full-precision sum: aligns the binary points to max(a.fracWidth,
/// b.fracWidth). Precondition: the aligned operands and the sum fit an i128
/// (true for any two values whose sumFormat() has width <= 127).
constexpr Wide add(const Wide &a, const Wide &b) {
  int frac = a.fracWidth > b.fracWidth ? a.fracWidth : b.fracWidth;
  return {detail::alignLeft(a.raw, frac - a.fracWidth) +
              detail::alignLeft(b.raw, frac - b.fracWidth),
          frac};
}

/// Full-precision difference a - b, aligned like add() (its lossless format
/// is differenceFormat(), which is signed).
constexpr Wide sub(const Wide &a, const Wide &b) {
  return add(a, Wide{-b.raw, b.fracWidth});
}

/// Full-precision sum of two stored values of formats fa and fb.
constexpr Wide add(int64_t a, const Format &fa, int64_t b, const Format &fb) {
  return add(Wide{rawToInt(a, fa), fa.fracWidth()},
             Wide{rawToInt(b, fb), fb.fracWidth()});
}

/// Full-precision difference of two stored values of formats fa and fb.
constexpr Wide sub(int64_t a, const Format &fa, int64_t b, const Format &fb) {
  return sub(Wide{rawToInt(a, fa), fa.fracWidth()},
             Wide{rawToInt(b, fb), fb.fracWidth()});
}

} // namespace fx
} // namespace nn

#endif // NN_SUPPORT_FIXEDPOINT_H
