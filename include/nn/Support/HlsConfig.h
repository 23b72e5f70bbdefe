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

#include "nn/Support/ActivationTables.h"
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
/// ExpTable and InvTable are hls4ml's Softmax `exp_table` and `inv_table`.
enum class Var { Weight, Bias, Result, Accum, Table, ExpTable, InvTable };
inline constexpr int kNumVars = 7;

/// "weight", "bias", "result", "accum", "table", "exp_table", "inv_table".
const char *varName(Var var);

/// Whether `var` is a lookup table's format: a level's default precision
/// (a Precision string) does not set tables (hls4ml).
constexpr bool isTableVar(Var var) {
  return var == Var::Table || var == Var::ExpTable || var == Var::InvTable;
}

/// One precision setting: a fixed-point format, or "auto" (hls4ml's
/// meaning, docs/Quantization.md: accum lossless from its operands, a
/// multiplier layer's result its accumulator, anything else the default
/// precision; bounded by Model.Precision.maximum).
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
  std::optional<int64_t> tableSize; ///< "TableSize"/"table_size"
  /// Softmax's "Implementation" and "Skip" (hls4ml's).
  std::optional<fx::SoftmaxImpl> implementation;
  std::optional<bool> skip;
  /// A Precision string, or Precision.default: every variable of the level
  /// but the table that the level does not set explicitly.
  std::optional<Precision> defaultPrecision;

  const std::optional<Precision> &get(Var var) const {
    return precision[static_cast<int>(var)];
  }
};

/// A key that was accepted but does not change what nn does (or not yet):
/// its full key path ("HLSConfig.Model.BramFactor") and why.
struct IgnoredKey {
  std::string path, reason;
  bool notSupportedYet = false; ///< a warning, not a remark
};

/// A parsed configuration. Maps are ordered so that reports are stable.
struct HlsConfig {
  LayerSettings model;
  /// Model.Precision.maximum: the bound of every "auto" precision.
  std::optional<fx::Format> maximum;
  std::map<std::string, LayerSettings> layerTypes;
  std::map<std::string, LayerSettings> layerNames;
  /// Key path prefix of the layer levels: "" (bare dictionary) or
  /// "HLSConfig." (wrapped form, hls4ml's YAML CLI form).
  std::string prefix;
  /// Top-level Part, ClockPeriod (ns), ProjectName.
  std::optional<std::string> part, projectName;
  std::optional<double> clockPeriod;
  std::vector<IgnoredKey> ignored;
};

/// The syntax of a configuration file.
enum class ConfigSyntax { Detect, Json, Yaml };

/// By extension: .json -> Json, .yml/.yaml -> Yaml, else Detect (content:
/// a text whose first non-blank character is '{' or '[' is JSON).
ConfigSyntax configSyntaxOf(std::string_view path);

/// Limits of a configuration (docs/Quantization.md): its size in bytes,
/// the nesting of its objects and arrays (the schema needs 4 levels), the
/// largest ReuseFactor (an int in the emitted pragmas) and BramFactor.
/// table_size follows fx::tableSizeProblem (ActivationTables.h).
/// hls4ml's default ProjectName: the top function and the project's files
/// are named after it when the configuration (or no configuration) gives
/// none.
inline constexpr const char *kDefaultProjectName = "myproject";
inline constexpr size_t kMaxConfigBytes = size_t(16) << 20; // 16 MiB
inline constexpr int kMaxConfigDepth = 64;
inline constexpr int64_t kMaxReuseFactor = 2147483647;
inline constexpr int64_t kMaxBramFactor = 2147483647;

/// A configuration error. line/column (1-based) are set for syntax errors
/// only; schema errors name the key path ("HLSConfig.LayerName.fc1.
/// ReuseFactor") at the start of the message instead.
struct ConfigError {
  std::string message;
  unsigned line = 0, column = 0;
};

/// Parses and checks a configuration (JSON or YAML; the bare dictionary,
/// the HLSConfig-wrapped form or hls4ml's YAML CLI form). LayerType keys
/// must be among `knownLayerTypes` (sorted; the dialect's list,
/// nn::knownHls4mlLayerTypes). Every error of the file is appended to
/// `errors` (not just the first); returns nullopt iff there is one.
std::optional<HlsConfig> parseHlsConfig(
    std::string_view text, std::vector<ConfigError> &errors,
    const std::vector<std::string> &knownLayerTypes,
    ConfigSyntax syntax = ConfigSyntax::Detect);

/// Parses a type spelling as written in a configuration or a pass option
/// ("ap_fixed<16,6>", "ap_ufixed<8,0,AP_RND,AP_SAT>", "ap_int<8>", hls4ml's
/// "fixed<...>"): nn::fx::parseFormat.
std::optional<fx::Format> parsePrecision(std::string_view text);

/// What a malformed type string should have looked like (for diagnostics).
const char *expectedPrecisionSpelling();

//===----------------------------------------------------------------------===//
// Layer types
//===----------------------------------------------------------------------===//

/// The LayerType names of a graph input (hls4ml's Input; its PyTorch/ONNX
/// parsers write InputLayer). The ops' names are declared by the ops
/// (NN_Hls4mlLayer in the dialect's ODS; docs/Quantization.md).
inline constexpr std::string_view kInputLayerTypes[] = {"Input",
                                                        "InputLayer"};

} // namespace hls
} // namespace nn

#endif // NN_SUPPORT_HLSCONFIG_H
