//===- ReuseFactor.h - hls4ml's reuse-factor rules --------------*- C++ -*-===//
//
// The one definition of which reuse factors a layer with multipliers accepts
// and how many multipliers a reuse factor leaves. The dialect's attribute
// verifier, the multiplier op interface, nn-quantize and (later) the
// estimator and the pruning pass all use this header. Like FixedPoint.h it
// depends on nothing but the C++17 standard library.
//
// A layer's multiplications are counted as hls4ml counts them: one
// "kernel" of n_in * n_out products (dense: n_in = K inputs, n_out = M
// outputs; conv: n_in = C/group * prod(kernel), n_out = M filters, per output
// position), and reuse factor R time-multiplexes them onto ceil(n_in*n_out/R)
// multipliers with initiation interval R (design notes, "Reuse factor").
//
// Rules (see docs/Quantization.md, "Reuse factor"):
// - Resource strategy: the rule of hls4ml's FPGABackend._validate_reuse_factor
//   (hls4ml/backends/fpga/fpga_backend.py, as we know it from hls4ml 0.7-0.8;
//   written here from that description, not copied):
//     multfactor       = min(n_in, R)
//     multiplier_limit = ceil(n_in * n_out / multfactor)
//     valid = (multiplier_limit % n_out == 0 || R >= n_in)
//          && (R % n_in == 0 || R < n_in)
//          && (n_in * n_out) % R == 0
//   with 1 <= R <= n_in * n_out (hls4ml's get_valid_reuse_factors range).
// - Latency strategy: hls4ml does not validate it (it only limits the
//   multipliers to ceil(N/R)); we require R to divide N = n_in * n_out, the
//   third ("QoR") condition above, so that the R-trip pipelined loop of the
//   lowering has no ragged last iteration and every multiplier is busy in
//   every cycle.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_REUSEFACTOR_H
#define NN_SUPPORT_REUSEFACTOR_H

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nn {
namespace reuse {

/// hls4ml's implementation strategies of layers with multipliers.
enum class Strategy { Latency, Resource };

/// The spelling of the `nn.strategy` attribute: "latency" or "resource".
inline const char *toString(Strategy s) {
  return s == Strategy::Latency ? "latency" : "resource";
}

/// Parses a strategy name case-insensitively ("Latency", "resource", ...).
inline std::optional<Strategy> parseStrategy(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "latency")
    return Strategy::Latency;
  if (lower == "resource")
    return Strategy::Resource;
  return std::nullopt;
}

/// Whether reuse factor `rf` is valid for a kernel of nIn * nOut products.
inline bool isValidReuseFactor(int64_t nIn, int64_t nOut, int64_t rf,
                               Strategy strategy) {
  if (nIn < 1 || nOut < 1 || rf < 1)
    return false;
  const int64_t n = nIn * nOut;
  if (rf > n || n % rf != 0)
    return false;
  if (strategy == Strategy::Latency)
    return true;
  const int64_t multFactor = std::min(nIn, rf);
  const int64_t multiplierLimit = (n + multFactor - 1) / multFactor;
  return (multiplierLimit % nOut == 0 || rf >= nIn) &&
         (rf % nIn == 0 || rf < nIn);
}

/// Every valid reuse factor, ascending. All of them divide n_in * n_out, so
/// only the divisors are tried (O(sqrt(N))).
inline std::vector<int64_t> validReuseFactors(int64_t nIn, int64_t nOut,
                                              Strategy strategy) {
  std::vector<int64_t> low, high;
  if (nIn < 1 || nOut < 1)
    return low;
  const int64_t n = nIn * nOut;
  for (int64_t d = 1; d * d <= n; ++d) {
    if (n % d != 0)
      continue;
    if (isValidReuseFactor(nIn, nOut, d, strategy))
      low.push_back(d);
    int64_t other = n / d;
    if (other != d && isValidReuseFactor(nIn, nOut, other, strategy))
      high.push_back(other);
  }
  low.insert(low.end(), high.rbegin(), high.rend());
  return low;
}

/// The valid reuse factors nearest to an invalid `rf`: the largest valid one
/// below it and the smallest valid one above it (either may not exist).
struct Nearest {
  std::optional<int64_t> below, above;
};

inline Nearest nearestValidReuseFactors(int64_t nIn, int64_t nOut, int64_t rf,
                                        Strategy strategy) {
  Nearest result;
  for (int64_t valid : validReuseFactors(nIn, nOut, strategy)) {
    if (valid < rf)
      result.below = valid;
    else if (valid > rf && !result.above)
      result.above = valid;
  }
  return result;
}

/// "2 and 4", "2 (none above)" or "4 (none below)": the nearest valid
/// values in the wording of the reuse-factor diagnostics.
inline std::string formatNearest(const Nearest &nearest) {
  if (nearest.below && nearest.above)
    return std::to_string(*nearest.below) + " and " +
           std::to_string(*nearest.above);
  if (nearest.below)
    return std::to_string(*nearest.below) + " (none above)";
  if (nearest.above)
    return std::to_string(*nearest.above) + " (none below)";
  return "none";
}

/// Multipliers left by reuse factor rf for N multiplications: ceil(N / rf).
inline int64_t numMultipliers(int64_t numMultiplications, int64_t rf) {
  return rf < 1 ? numMultiplications : (numMultiplications + rf - 1) / rf;
}

} // namespace reuse
} // namespace nn

#endif // NN_SUPPORT_REUSEFACTOR_H
