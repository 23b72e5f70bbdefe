//===- ActivationTables.h - lookup tables of curved activations -*- C++ -*-===//
//
// The one definition of the fixed-point sigmoid, tanh, softsign, softplus,
// elu, selu, gelu and softmax of nn: lookup tables in the style of hls4ml's nnet_activation
// templates, built at compile time (entries computed in double, quantized to
// the table format with fx::quantize) and read at run time with an index
// computed in integer arithmetic from the input's raw value and format, so
// that the interpreter and the emitted HLS C++ read the same entry and give
// the same bits. docs/Quantization.md ("Activation tables") states every
// formula with examples; the comments here are the reference.
//
// Uniform table. A table has N entries over the input range [lo, lo + span)
// (lo, span integers, span > 0). Entry i holds f at its bin's lower edge,
// x_i = lo + i * span / N (as hls4ml: "in_val = range * (ii - N/2) / N"),
// quantized to the table format T. The index of an input t = raw * 2^-F is
//
//   index(t) = clamp(floor((t - lo) * N / span), 0, N - 1)
//            = clamp(floor((raw - lo * 2^F) * N / (span * 2^F)), 0, N - 1)
//              (F >= 0; for F < 0 multiply raw by 2^-F instead),
//
// an integer floor division by a constant; when N and span are powers of
// two it is a shift: sigmoid, N = 1024, input ap_fixed<16,6> (F = 10):
// index = (raw + 8192) >> 4, clamped. hls4ml computes
// trunc(x * N / range) + N / 2 instead, i.e. rounds toward zero, which makes
// the bin at 0 twice as wide; we use floor for equal bins (an arithmetic
// shift in hardware), so negative inputs off the bin grid can get the entry
// one below hls4ml's.
//
// Functions and ranges (N = nn.table_size, default 1024; T = nn.table_type,
// default the result type; R = the result type):
//   sigmoid(x) = cast_R(S[index(x)]),  S over [-8, 8):  1 / (1 + e^-x_i)
//   tanh(x)    = cast_R(H[index(x)]),  H over [-4, 4):  tanh(x_i)   (hls4ml's
//                tanh range is [-4, 4); its sigmoid's [-8, 8))
//   softsign(x) = cast_R(Q[index(x)]), Q over [-8, 8): x_i / (1 + |x_i|)
//                (hls4ml's softsign table and range; beyond it the end
//                entries, e.g. 0.888 for N = 1024 where x / (1 + |x|) -> 1)
//   softplus(x) = cast_R(max(x, 0) + P[index(|x|)]), P over [0, 8):
//                ln(1 + e^-t_i); the sum is exact, then one cast
//   elu(x)  = x > 0 ? cast_R(x) : cast_R(E[index(-x)]), E over [0, 8):
//                alpha * (e^-t_i - 1)
//   selu(x) = x > 0 ? cast_R(gamma * x) : cast_R(E[index(-x)]), E over
//                [0, 8): gamma * alpha * (e^-t_i - 1); gamma * x is exact
//                (gamma's f32 value), then one cast
//   rsqrt(x) = cast_R(Q[index(x)]), Q over [0, 2^k) (k from the input
//                format, rsqrtTableSpec): 1 / sqrt(m_i + epsilon) at the
//                bin's midpoint m_i (a layer norm's inverse deviation)
//   gelu(x) = cast_R(x * G[index(x)]), G over [-8, 8): Phi(x_i), the
//                standard normal CDF 0.5 * (1 + erf(x_i / sqrt(2))) or its
//                tanh approximation; the product is exact, then one cast
//                (beyond the range G is ~0 or ~1: gelu ~ 0 or x)
//   softmax: see softmax() below (hls4ml's four implementations).
//
// Header-only, no MLIR dependency (uses FixedPoint.h and the C++ library).
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_ACTIVATIONTABLES_H
#define NN_SUPPORT_ACTIVATIONTABLES_H

#include "nn/Support/Accumulator.h"
#include "nn/Support/FixedPoint.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nn {
namespace fx {

/// hls4ml's default table size.
constexpr int64_t kDefaultTableSize = 1024;

/// The largest table size the index arithmetic accepts (2^24 entries).
constexpr int64_t kMaxTableSize = int64_t(1) << 24;

/// The widest table entry: the HLS emitter prints rom contents as exact
/// double literals (53-bit significands).
constexpr unsigned kMaxTableWidth = 53;

/// The one rule for a table every stage can build (the dialect verifier,
/// the configuration reader, --nn-quantize, the interpreter and the
/// lowering all ask it): the lowering indexes a table with shifts, so its
/// size is a power of two in [2, kMaxTableSize]. Returns what is wrong
/// (to follow "the table ... "), or an empty string.
inline std::string tableSizeProblem(int64_t size) {
  if (size >= 2 && size <= kMaxTableSize && (size & (size - 1)) == 0)
    return {};
  return "has " + std::to_string(size) +
         " entries; tables need a power of two in [2, " +
         std::to_string(kMaxTableSize) + "]";
}

/// The same for a table's entry format: at most kMaxTableWidth bits.
inline std::string tableWidthProblem(unsigned width) {
  if (width <= kMaxTableWidth)
    return {};
  return "has " + std::to_string(width) + "-bit entries; tables hold at most " +
         std::to_string(kMaxTableWidth) + " bits";
}

/// Softmax's default table format (exp and inverse tables alike):
/// ap_ufixed<18,1,AP_RND,AP_SAT>. Entries lie in (0, 1], so hls4ml's
/// ap_fixed<18,8,AP_RND,AP_SAT> would waste 7 integer bits; we keep the
/// width and give them to the fraction (17 bits, 7 more than an
/// ap_fixed<16,6> result). Rounded to nearest, saturating (1.0 fits).
constexpr Format kDefaultSoftmaxTableFormat{18, 1, false, Rounding::RND,
                                            Overflow::SAT};

/// The index rule of a uniform table: N entries over [lo, lo + span).
struct TableSpec {
  int64_t size; ///< N, 1 <= N <= kMaxTableSize
  int64_t lo;   ///< lower end of the input range (an integer)
  int64_t span; ///< length of the input range (an integer > 0)
};

/// The tables' input ranges.
constexpr TableSpec sigmoidTableSpec(int64_t size) { return {size, -8, 16}; }
constexpr TableSpec tanhTableSpec(int64_t size) { return {size, -4, 8}; }
constexpr TableSpec softsignTableSpec(int64_t size) { return {size, -8, 16}; }
/// softplus (of |x|), elu and selu (of -x), softmax's exp (of max - x).
constexpr TableSpec nonNegativeTableSpec(int64_t size) { return {size, 0, 8}; }
/// softmax's inverse (of the sum's mantissa in [1, 2)).
constexpr TableSpec mantissaTableSpec(int64_t size) { return {size, 1, 1}; }

// detail::bitLength and detail::magnitude come from FixedPoint.h.

/// Whether tableIndex() can index inputs of fraction width `fracWidth` (any
/// raw) within 128-bit integers: lo * 2^F and span * 2^F * N must fit.
constexpr bool tableIndexFits(const TableSpec &spec, int fracWidth) {
  if (spec.size < 1 || spec.size > kMaxTableSize || spec.span < 1)
    return false;
  int f = fracWidth > 0 ? fracWidth : 0;
  int spanBits = detail::bitLength(static_cast<u128>(spec.span));
  int loBits = detail::bitLength(detail::magnitude(spec.lo));
  int sizeBits = detail::bitLength(static_cast<u128>(spec.size));
  return f + spanBits + sizeBits <= 125 && f + loBits <= 125;
}

/// The index of the input raw * 2^-fracWidth (see the file comment):
/// clamp(floor((t - lo) * N / span), 0, N - 1), exactly. Precondition:
/// tableIndexFits(spec, fracWidth).
constexpr int64_t tableIndex(const TableSpec &spec, i128 raw, int fracWidth) {
  const int64_t last = spec.size - 1;
  // t - lo = num / den with den = span * 2^max(F, 0) > 0.
  i128 num = 0, den = 0;
  if (fracWidth >= 0) {
    i128 scale = i128(1) << fracWidth;
    // raw - lo * 2^F cannot overflow for |raw| < 2^126 (loBits + F <= 125);
    // a larger |raw| is far outside the range, its sign decides.
    if (detail::bitLength(detail::magnitude(raw)) > 125)
      return raw < 0 ? 0 : last;
    num = raw - i128(spec.lo) * scale;
    den = i128(spec.span) * scale;
  } else {
    // raw * 2^-F: saturate when the shift would leave 125 bits. A zero raw
    // is zero at any scale: never shift then, as -F reaches 1023 for
    // ap_fixed<1, 1024> (a shift of 128 bits or more is undefined).
    int up = -fracWidth;
    if (raw != 0 && detail::bitLength(detail::magnitude(raw)) + up > 100)
      return raw < 0 ? 0 : last;
    num = (raw == 0 ? i128(0) : raw * (i128(1) << up)) - spec.lo;
    den = spec.span;
  }
  if (num < 0)
    return 0;
  if (num >= den)
    return last;
  // 0 <= num < den, so num * N < span * 2^F * N < 2^125: no overflow, and
  // the quotient is in [0, N).
  return static_cast<int64_t>((num * spec.size) / den);
}

/// The input value entry i stands for: its bin's lower edge
/// lo + i * span / N (IEEE double arithmetic, exact when N and span are
/// powers of two).
inline double tableInput(const TableSpec &spec, int64_t i) {
  return double(spec.lo) + double(i) * double(spec.span) / double(spec.size);
}

/// A uniform table with its entries (raws of `format`).
struct ActivationTable {
  TableSpec spec;
  Format format;
  std::vector<int64_t> entries;

  /// The entry for the input raw * 2^-fracWidth.
  int64_t lookup(i128 raw, int fracWidth) const {
    return entries[static_cast<size_t>(tableIndex(spec, raw, fracWidth))];
  }
};

/// Builds a table: entry i = quantize(f(tableInput(spec, i)), format).
template <typename Fn>
ActivationTable buildTable(const TableSpec &spec, const Format &format, Fn f) {
  ActivationTable table{spec, format, {}};
  table.entries.resize(static_cast<size_t>(spec.size));
  for (int64_t i = 0; i < spec.size; ++i)
    table.entries[static_cast<size_t>(i)] =
        quantize(f(tableInput(spec, i)), format);
  return table;
}

//===----------------------------------------------------------------------===//
// The activations
//===----------------------------------------------------------------------===//

/// Sigmoid's table: 1 / (1 + e^-x) over [-8, 8).
inline ActivationTable sigmoidTable(int64_t size, const Format &format) {
  return buildTable(sigmoidTableSpec(size), format,
                    [](double x) { return 1.0 / (1.0 + std::exp(-x)); });
}

/// Tanh's table: tanh(x) over [-4, 4).
inline ActivationTable tanhTable(int64_t size, const Format &format) {
  return buildTable(tanhTableSpec(size), format,
                    [](double x) { return std::tanh(x); });
}

/// Softsign's table: x / (1 + |x|) over [-8, 8).
inline ActivationTable softsignTable(int64_t size, const Format &format) {
  return buildTable(softsignTableSpec(size), format,
                    [](double x) { return x / (1.0 + std::fabs(x)); });
}

/// Softplus's table: ln(1 + e^-t) over t in [0, 8).
inline ActivationTable softplusTable(int64_t size, const Format &format) {
  return buildTable(nonNegativeTableSpec(size), format,
                    [](double t) { return std::log1p(std::exp(-t)); });
}

/// The negative branch of elu (scale = alpha) and selu (scale = gamma *
/// alpha): scale * (e^-t - 1) over t = -x in [0, 8).
inline ActivationTable expm1Table(int64_t size, const Format &format,
                                  double scale) {
  return buildTable(nonNegativeTableSpec(size), format,
                    [scale](double t) { return scale * std::expm1(-t); });
}

/// Softmax's exp table: e^-t over t = max - x in [0, 8).
inline ActivationTable expTable(int64_t size, const Format &format) {
  return buildTable(nonNegativeTableSpec(size), format,
                    [](double t) { return std::exp(-t); });
}

/// Softmax's inverse table: 1 / m over the mantissa m in [1, 2).
inline ActivationTable inverseTable(int64_t size, const Format &format) {
  return buildTable(mantissaTableSpec(size), format,
                    [](double m) { return 1.0 / m; });
}

/// GELU's gate Phi(x), in double: the erf form 0.5 * (1 + erf(x / sqrt(2)))
/// (as erfc, accurate for negative x) or, with `tanhForm`, ONNX's
/// approximation 0.5 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))).
/// The float interpreter's gelu is x times this; the table holds it.
inline double geluGate(double x, bool tanhForm) {
  if (tanhForm)
    return 0.5 * (1.0 + std::tanh(std::sqrt(2.0 / 3.14159265358979323846) *
                                  (x + 0.044715 * x * x * x)));
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

/// GELU's table: Phi over [-8, 8) (sigmoid's range).
constexpr TableSpec geluTableSpec(int64_t size) {
  return sigmoidTableSpec(size);
}
inline ActivationTable geluTable(int64_t size, const Format &format,
                                 bool tanhForm) {
  return buildTable(geluTableSpec(size), format, [tanhForm](double x) {
    return geluGate(x, tanhForm);
  });
}

/// gelu: cast_R(x * G[index(x)]), the product exact.
inline int64_t gelu(const ActivationTable &table, int64_t xRaw,
                    const Format &x, const Format &result) {
  i128 v = rawToInt(xRaw, x);
  i128 gate = rawToInt(table.lookup(v, x.fracWidth()), table.format);
  return cast(Wide{v * gate, x.fracWidth() + table.format.fracWidth()},
              result);
}

/// Reciprocal square root (nn.rsqrt, a layer norm's 1 / sqrt(var +
/// epsilon), as hls4ml's LayerNormalization): a table over [0, 2^k), 2^k
/// the smallest power of two above every value of the input format (k = I
/// - 1 signed, I unsigned, at least 0, at most 62: larger inputs clamp to
/// the last entry), so that every variance the format holds has a bin.
constexpr TableSpec rsqrtTableSpec(int64_t size, const Format &input) {
  int k = input.intWidth - (input.isSigned ? 1 : 0);
  k = k < 0 ? 0 : (k > 62 ? 62 : k);
  return {size, 0, int64_t(1) << k};
}
/// A layer norm's default table format (nn-quantize): entries lie in
/// (0, 1 / sqrt(first midpoint + epsilon)]; unsigned, saturating, 18 bits
/// as softmax's, 8 of them integer (up to 256: a variance near 1/65536).
constexpr Format kDefaultRsqrtTableFormat{18, 8, false, Rounding::RND,
                                          Overflow::SAT};
/// rsqrt's table: entry i = 1 / sqrt(m_i + epsilon) at its bin's midpoint
/// m_i = (i + 1/2) * span / N, unlike the other tables' lower edges: at
/// the lower edge the first entry would be 1 / sqrt(epsilon), far above
/// any variance of the bin. `epsilon` is the f32 attribute's exact value.
inline ActivationTable rsqrtTable(int64_t size, const Format &format,
                                  const Format &input, double epsilon) {
  TableSpec spec = rsqrtTableSpec(size, input);
  double halfBin = double(spec.span) / double(spec.size) / 2;
  return buildTable(spec, format, [&](double x) {
    return 1.0 / std::sqrt(x + halfBin + epsilon);
  });
}
/// sigmoid, tanh or softsign: cast_R(table[index(x)]).
inline int64_t lookupActivation(const ActivationTable &table, int64_t xRaw,
                                const Format &x, const Format &result) {
  return cast(table.lookup(rawToInt(xRaw, x), x.fracWidth()), table.format,
              result);
}

/// softplus: cast_R(max(x, 0) + P[index(|x|)]), the sum exact.
inline int64_t softplus(const ActivationTable &table, int64_t xRaw,
                        const Format &x, const Format &result) {
  i128 v = rawToInt(xRaw, x);
  i128 magnitude = v < 0 ? -v : v;
  int64_t entry = table.lookup(magnitude, x.fracWidth());
  Wide positive{v > 0 ? v : 0, x.fracWidth()};
  return cast(add(positive, Wide{rawToInt(entry, table.format),
                                 table.format.fracWidth()}),
              result);
}

/// Whether softplus() can add max(x, 0) and an entry within 128 bits.
constexpr bool softplusFits(const Format &x, const Format &table) {
  return sumFormat(x, table).width <= 126;
}

/// elu and selu: x > 0 ? cast_R(slope * x) : cast_R(E[index(-x)]), with the
/// exact slope slope.raw * 2^-slope.fracWidth (1 for elu, gamma for selu;
/// |slope.raw| < 2^62).
inline int64_t expLinear(const ActivationTable &table, const Wide &slope,
                         int64_t xRaw, const Format &x, const Format &result) {
  i128 v = rawToInt(xRaw, x);
  if (v > 0)
    return cast(Wide{v * slope.raw, x.fracWidth() + slope.fracWidth}, result);
  return cast(table.lookup(-v, x.fracWidth()), table.format, result);
}

//===----------------------------------------------------------------------===//
// Softmax
//===----------------------------------------------------------------------===//

/// hls4ml's softmax implementations (its `Implementation` key).
enum class SoftmaxImpl { Latency, Stable, Argmax, Legacy };

inline const char *toString(SoftmaxImpl impl) {
  switch (impl) {
  case SoftmaxImpl::Latency:
    return "latency";
  case SoftmaxImpl::Stable:
    return "stable";
  case SoftmaxImpl::Argmax:
    return "argmax";
  case SoftmaxImpl::Legacy:
    return "legacy";
  }
  return "stable";
}

inline std::optional<SoftmaxImpl> parseSoftmaxImpl(std::string_view name) {
  for (SoftmaxImpl impl : {SoftmaxImpl::Latency, SoftmaxImpl::Stable,
                           SoftmaxImpl::Argmax, SoftmaxImpl::Legacy})
    if (name == toString(impl))
      return impl;
  return std::nullopt;
}

/// The exp table of latency and legacy holds e^x for x in [-8, 8), up to
/// e^8 ~ 2981: hls4ml's default width (18 bits) with its 8 integer bits,
/// unsigned (the entries are positive) and saturating, so entries above
/// 256 saturate as in hls4ml.
constexpr Format kDefaultSoftmaxWideTableFormat{18, 8, false, Rounding::RND,
                                                Overflow::SAT};

/// The exp table's input range: stable reads e^-t of t = max - x in
/// [0, 8); latency e^x of x and legacy e^d of d = x_j - x_i in [-8, 8).
constexpr TableSpec softmaxExpSpec(SoftmaxImpl impl, int64_t size) {
  return impl == SoftmaxImpl::Stable ? nonNegativeTableSpec(size)
                                     : TableSpec{size, -8, 16};
}

/// The inverse table's input range: the sum's mantissa in [1, 2) (stable,
/// latency), or the sum itself in [0, 64) (legacy, as hls4ml).
constexpr TableSpec softmaxInvSpec(SoftmaxImpl impl, int64_t size) {
  return impl == SoftmaxImpl::Legacy ? TableSpec{size, 0, 64}
                                     : mantissaTableSpec(size);
}

/// The default formats of the tables (the inverse's entries lie in (0, 1]).
constexpr Format defaultSoftmaxExpFormat(SoftmaxImpl impl) {
  return impl == SoftmaxImpl::Stable ? kDefaultSoftmaxTableFormat
                                     : kDefaultSoftmaxWideTableFormat;
}
constexpr Format defaultSoftmaxInvFormat(SoftmaxImpl) {
  return kDefaultSoftmaxTableFormat;
}

/// The exp table of `impl`: e^-t (stable) or e^x (latency, legacy).
inline ActivationTable softmaxExpTable(SoftmaxImpl impl, int64_t size,
                                       const Format &format) {
  if (impl == SoftmaxImpl::Stable)
    return expTable(size, format);
  return buildTable(softmaxExpSpec(impl, size), format,
                    [](double x) { return std::exp(x); });
}

/// The inverse table of `impl`: 1 / m over the mantissa (stable, latency),
/// 1 / s over the sum in [0, 64) with 0 for s = 0 (legacy, as hls4ml).
inline ActivationTable softmaxInvTable(SoftmaxImpl impl, int64_t size,
                                       const Format &format) {
  if (impl != SoftmaxImpl::Legacy)
    return inverseTable(size, format);
  return buildTable(softmaxInvSpec(impl, size), format,
                    [](double s) { return s > 0 ? 1.0 / s : 0.0; });
}

/// What a softmax computes with: its implementation, both tables, and the
/// format of the sum of exponentials (nullopt: exact, i.e. lossless).
struct SoftmaxConfig {
  SoftmaxImpl impl = SoftmaxImpl::Stable;
  ActivationTable exp, inv;
  std::optional<Format> accum;
};

/// The tables of `impl` for `size` entries of the given formats.
inline SoftmaxConfig softmaxConfig(SoftmaxImpl impl, int64_t size,
                                   const Format &expFormat,
                                   const Format &invFormat,
                                   std::optional<Format> accum) {
  return {impl, softmaxExpTable(impl, size, expFormat),
          softmaxInvTable(impl, size, invFormat), accum};
}

namespace detail {
/// The sum of exp entries (raws of `e`, exact, fraction width F_E) as an
/// integer and its fraction width: exact, or cast once to `accum`. The
/// entries are >= 0, so the partial sums only grow and one cast of the
/// exact sum equals hls4ml's saturating sum (as long as the accumulator's
/// fraction width is at least F_E).
inline std::pair<i128, int> softmaxSum(i128 exactSum, const Format &e,
                                       const std::optional<Format> &accum) {
  if (!accum)
    return {exactSum, e.fracWidth()};
  return {rawToInt(cast(exactSum, e.fracWidth(), *accum), *accum),
          accum->fracWidth()};
}
} // namespace detail

/// Softmax over n values in[0], in[stride], ... of format x into
/// out[0], out[stride], ... of format `result` (E, V: the formats of the
/// exp and inverse tables; s is exact or, with an accum format A, cast to
/// it once):
///
/// stable (hls4ml's "stable", with a uniform exp table and a normalized
/// inverse):
///  1. m = max_i x_i (exact);
///  2. t_i = m - x_i >= 0 (exact, fraction width F_x);
///     e_i = X[index(t_i)], X = e^-t over [0, 8);
///  3. s = sum_i e_i;
///  4. if s <= 0 (only with an E that cannot hold the entries, e.g. 1.0
///     wraps, or a wrapping A), every output is 0. Otherwise s = S * 2^-F_S
///     with the integer S > 0; p = position of S's leading one (2^p <= S <
///     2^(p+1)), the mantissa M = S * 2^-p in [1, 2), and v = V[index(M)],
///     V = 1 / (1 + j/N): index(M) = floor((S - 2^p) * N / 2^p), the N bits
///     below the leading one when N is a power of two. 1/s ~= v * 2^(F_S -
///     p) (a shift);
///  5. y_i = cast_R(e_i * v * 2^(F_S - p)): the exact product E_i * V_raw
///     with fraction width F_E + F_V + p - F_S, one cast.
/// latency (hls4ml's "latency": no maximum): as stable with e_i =
///     X[index(x_i)], X = e^x over [-8, 8) (entries above E's range
///     saturate: inputs must stay small, as in hls4ml).
/// legacy (hls4ml's "legacy"): y_i = cast_R(W[index(s_i)]) with
///     s_i = sum_j D[index(x_j - x_i)], D = e^d over [-8, 8) (the j = i term
///     is D's entry of 0, i.e. 1), W = 1/s over [0, 64) (W[0] = 0).
/// argmax (hls4ml's "argmax"): y_i = cast_R(1) for the first i with the
///     largest x_i, cast_R(0) elsewhere.
///
/// hls4ml indexes its exp and inverse tables by the top bits of the
/// inputs' bit patterns; the uniform tables and the normalized inverse
/// (a leading-one detector and a shift) are ours, for accuracy at equal
/// table sizes. Precondition: softmaxFits().
inline void softmax(const SoftmaxConfig &config, const int64_t *in, int64_t n,
                    int64_t stride, const Format &x, int64_t *out,
                    const Format &result) {
  if (n <= 0)
    return;
  const Format &eF = config.exp.format, &vF = config.inv.format;
  auto value = [&](int64_t i) { return rawToInt(in[i * stride], x); };
  if (config.impl == SoftmaxImpl::Argmax) {
    int64_t best = 0;
    for (int64_t i = 1; i < n; ++i)
      if (value(i) > value(best))
        best = i;
    for (int64_t i = 0; i < n; ++i)
      out[i * stride] = cast(i128(i == best ? 1 : 0), 0, result);
    return;
  }
  if (config.impl == SoftmaxImpl::Legacy) {
    for (int64_t i = 0; i < n; ++i) {
      i128 sum = 0;
      for (int64_t j = 0; j < n; ++j)
        sum += rawToInt(config.exp.lookup(value(j) - value(i), x.fracWidth()),
                        eF);
      auto [s, sFrac] = detail::softmaxSum(sum, eF, config.accum);
      out[i * stride] = cast(config.inv.lookup(s, sFrac), vF, result);
    }
    return;
  }
  const bool stable = config.impl == SoftmaxImpl::Stable;
  i128 max = value(0);
  for (int64_t i = 1; i < n; ++i)
    if (value(i) > max)
      max = value(i);
  // e_i, stored in out[] until the last step (raws of E).
  i128 sum = 0;
  for (int64_t i = 0; i < n; ++i) {
    i128 t = stable ? max - value(i) : value(i);
    int64_t e = config.exp.lookup(t, x.fracWidth());
    out[i * stride] = e;
    sum += rawToInt(e, eF);
  }
  auto [s, sFrac] = detail::softmaxSum(sum, eF, config.accum);
  if (s <= 0) {
    for (int64_t i = 0; i < n; ++i)
      out[i * stride] = cast(i128(0), 0, result);
    return;
  }
  int p = detail::bitLength(static_cast<u128>(s)) - 1;
  i128 inverse = rawToInt(config.inv.lookup(s, p), vF);
  for (int64_t i = 0; i < n; ++i) {
    i128 e = rawToInt(out[i * stride], eF);
    out[i * stride] =
        cast(e * inverse, eF.fracWidth() + vF.fracWidth() + p - sFrac, result);
  }
}

/// Whether softmax() computes within 128 bits for n values of format x
/// with `config`'s tables.
inline bool softmaxFits(const SoftmaxConfig &config, const Format &x,
                        int64_t n) {
  const Format &eF = config.exp.format, &vF = config.inv.format;
  Format sum = config.accum ? *config.accum : sumOfTermsFormat(eF, n);
  int64_t size = config.exp.spec.size;
  bool legacy = config.impl == SoftmaxImpl::Legacy;
  return x.width + 1 <= 125 && sumOfTermsFormat(eF, n).width <= 120 &&
         eF.width + vF.width <= 126 &&
         tableIndexFits(config.exp.spec, x.fracWidth()) &&
         tableIndexFits(softmaxInvSpec(config.impl, size),
                        legacy ? sum.fracWidth() : sum.width);
}

} // namespace fx
} // namespace nn

#endif // NN_SUPPORT_ACTIVATIONTABLES_H
