//===- HlsConfig.h - hls4ml-style precision and reuse configuration -*- C++ -*-===//
//
// The configuration users of hls4ml already write, as JSON:
//
//   {
//     "Model":     {"Precision": "ap_fixed<16,6>", "ReuseFactor": 1,
//                   "Strategy": "Latency"},
//     "LayerType": {"Dense": {"Precision": {"weight": "ap_fixed<8,3>"}}},
//     "LayerName": {"fc1": {"Precision": {"accum": "auto"},
//                           "ReuseFactor": 4, "Strategy": "Resource"}}
//   }
//
// parseHlsConfig() checks the schema (keys, value kinds, type spellings,
// reuse factors, strategies, layer-type names) and nothing that needs the
// network: whether a LayerName exists, and whether a reuse factor is valid
// for a layer's size, are checked by the pass that applies the
// configuration (nn-quantize). The schema, the layer-type names and the
// precedence rules are documented in docs/Quantization.md.
//
// No MLIR or JSON-library types appear here: the parser (nlohmann-json) is an
// implementation detail of lib/Support/HlsConfig.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_HLSCONFIG_H
#define NN_SUPPORT_HLSCONFIG_H

#include "nn/Support/FixedPoint.h"
#include "nn/Support/ReuseFactor.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nn {
namespace hls {

/// The precision variables of a layer, the keys of a Precision object.
enum class Var { Weight, Bias, Result, Accum, Table };
inline constexpr int kNumVars = 5;

/// "weight", "bias", "result", "accum", "table".
const char *varName(Var var);

/// One precision setting: a fixed-point format, or "auto" (accum only:
/// the lossless accumulator derived by the pass from operand formats).
struct Precision {
  bool isAuto = false;
  fx::Format format; ///< Meaningless when isAuto.

  bool operator==(const Precision &o) const {
    return isAuto == o.isAuto && (isAuto || format == o.format);
  }
};

/// The settings of one level of the configuration: Model, one LayerType
/// entry or one LayerName entry. Unset fields defer to the next level.
struct LayerSettings {
  std::array<std::optional<Precision>, kNumVars> precision;
  std::optional<int64_t> reuseFactor;
  std::optional<reuse::Strategy> strategy;
  std::optional<int64_t> tableSize; ///< "table_size" (layer levels only)

  const std::optional<Precision> &get(Var var) const {
    return precision[static_cast<int>(var)];
  }
};

/// A parsed configuration. Maps are ordered so that reports are stable.
struct HlsConfig {
  LayerSettings model;
  std::map<std::string, LayerSettings> layerTypes;
  std::map<std::string, LayerSettings> layerNames;
};

/// Limits of a configuration (docs/Quantization.md): its size in bytes,
/// the nesting of its objects and arrays (the schema needs 4 levels), the
/// largest ReuseFactor (an int in the emitted pragmas) and BramFactor.
/// table_size is bounded by fx::kMaxTableSize (ActivationTables.h).
inline constexpr size_t kMaxConfigBytes = size_t(16) << 20; // 16 MiB
inline constexpr int kMaxConfigDepth = 64;
inline constexpr int64_t kMaxReuseFactor = 2147483647;
inline constexpr int64_t kMaxBramFactor = 2147483647;

/// A configuration error. line/column (1-based) are set for JSON syntax
/// errors only; schema errors name the key path in the message instead.
struct ConfigError {
  std::string message;
  unsigned line = 0, column = 0;
};

/// Parses and checks a configuration. On failure returns nullopt and fills
/// `error` with a message naming the offending key and level, e.g.
/// "LayerName 'fc1': ReuseFactor must be a positive integer, got 0".
std::optional<HlsConfig> parseHlsConfig(std::string_view text,
                                        ConfigError &error);

/// Parses a type spelling as written in a configuration or a pass option
/// ("ap_fixed<16,6>", "ap_ufixed<8,0,AP_RND,AP_SAT>", "ap_int<8>", hls4ml's
/// "fixed<...>"): nn::fx::parseFormat.
std::optional<fx::Format> parsePrecision(std::string_view text);

/// What a malformed type string should have looked like (for diagnostics).
const char *expectedPrecisionSpelling();

//===----------------------------------------------------------------------===//
// Layer types
//===----------------------------------------------------------------------===//

/// The LayerType names an op answers to, most specific first: hls4ml's
/// (Keras-derived) class names, e.g. {"ReLU", "Activation"} for nn.relu,
/// {"Conv2D"} for a 2-D nn.conv, {"MaxPooling2D", "Pooling2D"}. `opName` is
/// the full op name ("nn.dense"); `spatialRank` is the number of spatial
/// dimensions of ops that have them (input rank - 2), else ignored. Function
/// arguments are {"Input"}; constants used as data (not as weights) are
/// {"Constant"}. Empty for ops without a layer type.
std::vector<std::string> layerTypesOf(std::string_view opName,
                                      int64_t spatialRank);

/// Every name layerTypesOf() can return, sorted: the valid LayerType keys.
const std::vector<std::string> &knownLayerTypes();

} // namespace hls
} // namespace nn

#endif // NN_SUPPORT_HLSCONFIG_H
