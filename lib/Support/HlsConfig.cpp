//===- HlsConfig.cpp - hls4ml-style configuration, parsed with nlohmann-json ===//
//
// Schema and rules: docs/Quantization.md. The keys and their meaning follow
// hls4ml's configuration dictionaries (hls4ml.utils.config_from_*_model and
// the HLSConfig class, as documented in hls4ml's user guide); the code is
// written here from that description.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/HlsConfig.h"
#include "nn/Support/ActivationTables.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <limits>
#include <set>

using json = nlohmann::json;
using namespace nn;
using namespace nn::hls;

const char *hls::varName(Var var) {
  switch (var) {
  case Var::Weight:
    return "weight";
  case Var::Bias:
    return "bias";
  case Var::Result:
    return "result";
  case Var::Accum:
    return "accum";
  case Var::Table:
    return "table";
  case Var::ExpTable:
    return "exp_table";
  case Var::InvTable:
    return "inv_table";
  }
  return "result";
}

std::optional<fx::Format> hls::parsePrecision(std::string_view text) {
  return fx::parseFormat(text);
}

const char *hls::expectedPrecisionSpelling() {
  return "ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or "
         "ap_uint<W> with 1 <= W <= 64 and ap_fixed's mode names (Q: AP_TRN, "
         "AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, "
         "AP_RND_CONV; O: AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, "
         "AP_WRAP_SM)";
}

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

namespace {
/// The first pass over a configuration, before any tree is built: finds
/// where a JSON text stops being valid (the DOM parser, run without
/// exceptions, only says that it is not) and refuses nesting deeper than
/// kMaxConfigDepth (a deep tree costs stack in everything that walks it).
/// nlohmann's SAX parser keeps its own state on the heap, not the stack.
struct FirstPass : json::json_sax_t {
  std::string message, lastToken;
  bool tooDeep = false;
  int depth = 0;

  bool open() {
    if (++depth <= kMaxConfigDepth)
      return true;
    tooDeep = true;
    return false;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override { return open(); }
  bool key(string_t &) override { return true; }
  bool end_object() override { return --depth, true; }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return --depth, true; }
  bool parse_error(std::size_t, const std::string &token,
                   const nlohmann::detail::exception &ex) override {
    message = ex.what();
    lastToken = token;
    return false;
  }
};

/// A value for a message, as written but cut after 40 characters (a value
/// can be megabytes long; its depth is bounded by the first pass). A YAML
/// string may hold bytes that are not UTF-8, on which dump() would throw:
/// they print as U+FFFD.
std::string describe(const json &value) {
  std::string text =
      value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 40)
    text = text.substr(0, 37) + "...";
  return text;
}

std::string join(const std::string &path, const std::string &key) {
  return path.empty() ? key : path + "." + key;
}

/// Where a level sits: Model, a LayerType entry or a LayerName entry.
enum class Level { Model, Layer };

/// The schema walk. Every problem is recorded and the walk goes on, so that
/// one run reports every error of the file.
class Parser {
public:
  Parser(std::vector<ConfigError> &errors, HlsConfig &config,
         const std::vector<std::string> &knownLayerTypes)
      : errors(errors), config(config), knownLayerTypes(knownLayerTypes) {}

  void parseRoot(const json &root);

private:
  void fail(const std::string &path, const std::string &message) {
    errors.push_back({path + ": " + message, 0, 0});
  }
  void ignore(const std::string &path, std::string reason,
              bool notSupportedYet = false) {
    config.ignored.push_back({path, std::move(reason), notSupportedYet});
  }
  void parseTopKey(const std::string &key, const json &value);
  void parseLevels(const json &value, const std::string &path);
  void parseLevel(const json &value, const std::string &path, Level level,
                  LayerSettings &out);
  void parsePrecisionKey(const json &value, const std::string &path,
                         Level level, LayerSettings &out);
  std::optional<Precision> parseOne(const json &value,
                                    const std::string &path, bool allowAuto);
  bool positiveInteger(const json &value, const std::string &path,
                       int64_t max, int64_t &out);
  bool isBool(const json &value, const std::string &path);
  const std::string *isString(const json &value, const std::string &path);

  std::vector<ConfigError> &errors;
  HlsConfig &config;
  const std::vector<std::string> &knownLayerTypes;
};
} // namespace

bool Parser::positiveInteger(const json &value, const std::string &path,
                             int64_t max, int64_t &out) {
  // An unsigned value above INT64_MAX reads back negative: refused too.
  if (value.is_number_integer() && value.get<int64_t>() > 0) {
    out = value.get<int64_t>();
    if (out <= max)
      return true;
    fail(path, "must be at most " + std::to_string(max) + ", got " +
                   describe(value));
    return false;
  }
  fail(path, "must be a positive integer, got " + describe(value));
  return false;
}

bool Parser::isBool(const json &value, const std::string &path) {
  if (value.is_boolean())
    return true;
  fail(path, "must be true or false, got " + describe(value));
  return false;
}

const std::string *Parser::isString(const json &value,
                                    const std::string &path) {
  if (value.is_string())
    return &value.get_ref<const std::string &>();
  fail(path, "must be a string, got " + describe(value));
  return nullptr;
}

std::optional<Precision> Parser::parseOne(const json &value,
                                          const std::string &path,
                                          bool allowAuto) {
  if (!value.is_string()) {
    fail(path, "must be a type string, got " + describe(value));
    return std::nullopt;
  }
  const std::string &text = value.get_ref<const std::string &>();
  if (text == "auto") {
    if (allowAuto)
      return Precision{true, {}};
    fail(path, "cannot be \"auto\"; it must be an explicit type (hls4ml: "
               "the default precision is what \"auto\" falls back to)");
    return std::nullopt;
  }
  std::optional<fx::Format> format = parsePrecision(text);
  if (!format) {
    fail(path, "malformed type '" + text + "'; expected " +
                   expectedPrecisionSpelling());
    return std::nullopt;
  }
  return Precision{false, *format};
}

void Parser::parsePrecisionKey(const json &value, const std::string &path,
                               Level level, LayerSettings &out) {
  if (value.is_string()) {
    // A single type is the level's default precision (hls4ml): every
    // variable of the level, but the table, that the level does not set.
    out.defaultPrecision = parseOne(value, path, level == Level::Layer);
    return;
  }
  if (!value.is_object()) {
    fail(path, "must be a type string or an object, got " + describe(value));
    return;
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string &key = it.key();
    std::string where = join(path, key);
    if (key == "default") {
      out.defaultPrecision = parseOne(it.value(), where, level == Level::Layer);
      continue;
    }
    if (key == "maximum" && level == Level::Model) {
      if (std::optional<Precision> p = parseOne(it.value(), where, false))
        config.maximum = p->format;
      continue;
    }
    std::optional<Var> var;
    for (int v = 0; v < kNumVars; ++v)
      if (key == varName(static_cast<Var>(v)))
        var = static_cast<Var>(v);
    // hls4ml's BatchNormalization has `scale` (nn: the weight operands).
    if (key == "scale")
      var = Var::Weight;
    // hls4ml's Embedding has `embeddings` (nn: the table operand).
    if (key == "embeddings")
      var = Var::Weight;
    if (var) {
      if (std::optional<Precision> p = parseOne(it.value(), where, true))
        out.precision[static_cast<int>(*var)] = p;
      continue;
    }
    if (key == "inv_inp") {
      // hls4ml casts the sum to inv_inp before indexing its inverse table
      // by the top bits; nn indexes it by the sum's leading one and
      // mantissa (exact) or, for legacy, by the sum in `accum`.
      if (parseOne(it.value(), where, true))
        ignore(where, "nn indexes the softmax inverse table by the sum's "
                      "leading one and mantissa, exactly (legacy: by the "
                      "sum in Precision.accum); no separate input type");
      continue;
    }
    fail(where, "unknown precision variable; expected " +
                    std::string(level == Level::Model
                                    ? "default, maximum, "
                                    : "default, ") +
                    "result, weight, bias, accum, table, scale, exp_table, "
                    "inv_table or inv_inp");
  }
}

void Parser::parseLevel(const json &value, const std::string &path,
                        Level level, LayerSettings &out) {
  if (!value.is_object()) {
    fail(path, "must be an object, got " + describe(value));
    return;
  }
  bool isModel = level == Level::Model;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string &key = it.key();
    const json &v = it.value();
    std::string where = join(path, key);
    int64_t n = 0;
    if (key == "Precision") {
      parsePrecisionKey(v, where, level, out);
    } else if (key == "ReuseFactor") {
      if (positiveInteger(v, where, kMaxReuseFactor, n))
        out.reuseFactor = n;
    } else if (key == "Strategy") {
      std::optional<reuse::Strategy> strategy;
      if (v.is_string())
        strategy = reuse::parseStrategy(v.get_ref<const std::string &>());
      if (!strategy)
        fail(where, "unknown strategy " + describe(v) +
                        "; expected \"Latency\" or \"Resource\"");
      out.strategy = strategy;
    } else if (!isModel && (key == "TableSize" || key == "table_size")) {
      if (positiveInteger(v, where, std::numeric_limits<int64_t>::max(), n)) {
        std::string problem = fx::tableSizeProblem(n);
        if (problem.empty())
          out.tableSize = n;
        else
          fail(where, "the table " + problem);
      }
    } else if (key == (isModel ? "TraceOutput" : "Trace")) {
      if (isBool(v, where))
        ignore(where, "layer outputs are traced by nn-interp (--trace), not "
                      "by the generated design");
    } else if (isModel && key == "BramFactor") {
      if (positiveInteger(v, where, kMaxBramFactor, n))
        ignore(where, "nn keeps every weight in a ROM array and leaves the "
                      "BRAM/LUT choice to Vitis");
    } else if (isModel && key == "ChannelsLastConversion") {
      const std::string *s = isString(v, where);
      if (s && *s != "full" && *s != "internal" && *s != "off")
        fail(where, "expected \"full\", \"internal\" or \"off\", got " +
                        describe(v));
      else if (s)
        ignore(where, "nn computes in the ONNX model's own layout (channels "
                      "first); no layout conversion is needed");
    } else if (isModel && key == "TransposeOutputs") {
      if (isBool(v, where))
        ignore(where, "nn's outputs keep the ONNX model's layout");
    } else if (!isModel && key == "ParallelizationFactor") {
      if (positiveInteger(v, where, kMaxReuseFactor, n))
        ignore(where, "hls4ml's io_stream convolution setting; nn's design "
                      "is io_parallel (ReuseFactor sets its parallelism)",
               /*notSupportedYet=*/n != 1);
    } else if (!isModel && key == "ConvImplementation") {
      const std::string *s = isString(v, where);
      if (s && *s != "LineBuffer" && *s != "Encoded" && *s != "Pointwise")
        fail(where, "expected \"LineBuffer\", \"Encoded\" or \"Pointwise\", "
                    "got " + describe(v));
      else if (s)
        ignore(where, "hls4ml's io_stream convolution buffer; nn's design is "
                      "io_parallel");
    } else if (!isModel && key == "table_range_power2") {
      // hls4ml's LayerNormalization: its table of 1/sqrt covers [0,
      // 2^value). nn's covers every value of the layer's accum type.
      if (!v.is_number_integer() || v.get<int64_t>() < 0 ||
          v.get<int64_t>() > 62)
        fail(where, "expected an integer in [0, 62], got " + describe(v));
      else
        ignore(where, "hls4ml's layer norm table range; nn's reciprocal "
                      "square-root table covers every value of the layer's "
                      "accum type (set accum to change it)",
               /*notSupportedYet=*/true);
    } else if (!isModel && key == "Implementation") {
      // hls4ml's Softmax implementations (fx::softmax defines each).
      const std::string *s = isString(v, where);
      std::optional<fx::SoftmaxImpl> impl;
      if (s)
        impl = fx::parseSoftmaxImpl(*s);
      if (s && !impl)
        fail(where, "expected \"latency\", \"stable\", \"argmax\" or "
                    "\"legacy\", got " + describe(v));
      out.implementation = impl;
    } else if (!isModel && key == "Skip") {
      // hls4ml drops a skipped softmax from the hardware (nn-quantize).
      if (isBool(v, where))
        out.skip = v.get<bool>();
    } else {
      fail(where, std::string("unknown key; expected ") +
                      (isModel ? "Precision, ReuseFactor, Strategy, "
                                 "BramFactor, TraceOutput, "
                                 "ChannelsLastConversion or TransposeOutputs"
                               : "Precision, ReuseFactor, Strategy, "
                                 "TableSize (table_size), Trace, "
                                 "ParallelizationFactor, ConvImplementation, "
                                 "table_range_power2, Implementation or "
                                 "Skip"));
    }
  }
}

void Parser::parseLevels(const json &value, const std::string &path) {
  if (!value.is_object()) {
    fail(path, "must be an object, got " + describe(value));
    return;
  }
  for (auto it = value.begin(); it != value.end(); ++it)
    parseTopKey(it.key(), it.value());
}

void Parser::parseTopKey(const std::string &key, const json &value) {
  // Level keys live in the HLSConfig object when there is one.
  std::string where = config.prefix + key;
  if (key == "Model") {
    parseLevel(value, where, Level::Model, config.model);
    return;
  }
  if (key == "LayerType" || key == "LayerName") {
    if (!value.is_object()) {
      fail(where, "must be an object mapping " +
                      std::string(key == "LayerType" ? "layer types"
                                                     : "layer names") +
                      " to settings, got " + describe(value));
      return;
    }
    bool byType = key == "LayerType";
    for (auto entry = value.begin(); entry != value.end(); ++entry) {
      const std::string &name = entry.key();
      std::string at = join(where, name);
      if (byType) {
        if (!std::binary_search(knownLayerTypes.begin(),
                                knownLayerTypes.end(), name)) {
          std::string list;
          for (const std::string &k : knownLayerTypes)
            list += (list.empty() ? "" : ", ") + k;
          fail(at, "unknown layer type; expected one of " + list);
          continue;
        }
      }
      LayerSettings &settings =
          byType ? config.layerTypes[name] : config.layerNames[name];
      parseLevel(entry.value(), at, Level::Layer, settings);
    }
    return;
  }
  if (key == "Optimizers" || key == "SkipOptimizers" || key == "Flows") {
    ignore(where, "hls4ml's optimizer flows; nn runs its own passes");
    return;
  }
  fail(where, "unknown key; expected Model, LayerType or LayerName");
}

void Parser::parseRoot(const json &root) {
  if (!root.is_object()) {
    errors.push_back({"the configuration must be an object (a JSON object "
                      "or a YAML mapping), got " +
                          std::string(root.type_name()),
                      0, 0});
    return;
  }
  bool wrapped = root.contains("HLSConfig");
  if (wrapped)
    config.prefix = "HLSConfig.";
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string &key = it.key();
    const json &v = it.value();
    if (key == "HLSConfig") {
      parseLevels(v, "HLSConfig");
    } else if (key == "Model" || key == "LayerType" || key == "LayerName") {
      if (wrapped)
        fail(key, "belongs inside HLSConfig when the file has one");
      else
        parseTopKey(key, v);
    } else if (key == "Part") {
      if (const std::string *s = isString(v, key))
        config.part = *s;
    } else if (key == "ClockPeriod") {
      if (v.is_number() && v.get<double>() > 0 &&
          v.get<double>() <= 1e6)
        config.clockPeriod = v.get<double>();
      else
        fail(key, "must be a positive number of nanoseconds (at most 1e6), "
                  "got " + describe(v));
    } else if (key == "ProjectName") {
      const std::string *s = isString(v, key);
      if (s && s->empty())
        fail(key, "must not be empty");
      else if (s)
        config.projectName = *s;
    } else if (key == "IOType") {
      const std::string *s = isString(v, key);
      if (s && *s != "io_parallel" && *s != "io_stream")
        fail(key, "expected \"io_parallel\" or \"io_stream\", got " +
                      describe(v));
      else if (s && *s == "io_parallel")
        ignore(key, "nn's design is io_parallel");
      else if (s)
        ignore(key, "not supported yet: nn's design is io_parallel (arrays, "
                    "not streams)",
               /*notSupportedYet=*/true);
    } else if (key == "Backend" || key == "Version" || key == "OutputDir" ||
               key == "ClockUncertainty" || key == "WriterConfig" ||
               key == "Stamp") {
      if (key == "Backend" || key == "Version" || key == "OutputDir")
        isString(v, key);
      ignore(key, key == "Backend"
                      ? "nn writes one Vitis HLS project whatever the backend"
                  : key == "OutputDir"
                      ? "nn-translate --emit-hls-project takes the output "
                        "directory"
                      : "hls4ml project-writer setting with no nn "
                        "counterpart");
    } else if (key == "KerasJson" || key == "KerasH5" ||
               key == "KerasModel" || key == "OnnxModel" ||
               key == "PytorchModel" || key == "InputShape" ||
               key == "InputData" || key == "OutputPredictions") {
      ignore(key, "the model and data are nn's own inputs (nn-translate "
                  "--import-onnx)");
    } else {
      fail(key, "unknown top-level key; expected Model, LayerType, LayerName "
                "or HLSConfig, or one of hls4ml's project keys (Part, "
                "ClockPeriod, ProjectName, IOType, Backend, Version, "
                "OutputDir, OnnxModel, ...)");
    }
  }
}

//===----------------------------------------------------------------------===//
// Syntax: JSON and YAML to one tree
//===----------------------------------------------------------------------===//

namespace {
/// Converts a YAML document to the JSON tree the schema walk reads. Plain
/// scalars are typed as YAML 1.2's core schema types them (null, booleans,
/// integers, floats, else strings); quoted scalars stay strings. Nesting is
/// bounded like JSON's, and the node count bounds alias expansion.
class YamlToJson {
public:
  explicit YamlToJson(std::string &error) : error(error) {}
  bool convert(const YAML::Node &node, json &out, int depth);

private:
  std::string &error;
  size_t nodes = 0;
};
} // namespace

static json yamlScalar(const YAML::Node &node) {
  const std::string &text = node.Scalar();
  if (node.Tag() == "!") // quoted
    return text;
  if (text.empty() || text == "~" || text == "null" || text == "Null" ||
      text == "NULL")
    return nullptr;
  if (text == "true" || text == "True" || text == "TRUE")
    return true;
  if (text == "false" || text == "False" || text == "FALSE")
    return false;
  const char *begin = text.c_str();
  char *end = nullptr;
  errno = 0;
  long long integer = std::strtoll(begin, &end, 10);
  if (end && *end == '\0' && errno == 0)
    return static_cast<int64_t>(integer);
  errno = 0;
  double real = std::strtod(begin, &end);
  if (end && *end == '\0' && errno == 0 &&
      text.find_first_of("0123456789") != std::string::npos &&
      text.find_first_of("xXpP") == std::string::npos)
    return real;
  return text;
}

bool YamlToJson::convert(const YAML::Node &node, json &out, int depth) {
  if (++nodes > (size_t(1) << 20)) {
    error = "the configuration has more than 1048576 values (YAML aliases "
            "expand)";
    return false;
  }
  switch (node.Type()) {
  case YAML::NodeType::Undefined:
  case YAML::NodeType::Null:
    out = nullptr;
    return true;
  case YAML::NodeType::Scalar:
    out = yamlScalar(node);
    return true;
  case YAML::NodeType::Sequence:
  case YAML::NodeType::Map:
    break;
  }
  if (depth >= kMaxConfigDepth) {
    error = "the configuration nests objects and arrays more than " +
            std::to_string(kMaxConfigDepth) + " levels deep";
    return false;
  }
  if (node.IsSequence()) {
    out = json::array();
    for (const YAML::Node &element : node) {
      json value;
      if (!convert(element, value, depth + 1))
        return false;
      out.push_back(std::move(value));
    }
    return true;
  }
  out = json::object();
  for (const auto &entry : node) {
    if (!entry.first.IsScalar()) {
      error = "a YAML mapping key must be a plain value, not a collection";
      return false;
    }
    json value;
    if (!convert(entry.second, value, depth + 1))
      return false;
    out[entry.first.Scalar()] = std::move(value);
  }
  return true;
}

static bool parseYaml(std::string_view text, json &root,
                      std::vector<ConfigError> &errors) {
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception &e) {
    ConfigError error{"invalid YAML: " + e.msg, 0, 0};
    if (!e.mark.is_null()) {
      error.line = static_cast<unsigned>(e.mark.line) + 1;
      error.column = static_cast<unsigned>(e.mark.column) + 1;
    }
    errors.push_back(std::move(error));
    return false;
  }
  std::string message;
  if (!YamlToJson(message).convert(document, root, 0)) {
    errors.push_back({message, 0, 0});
    return false;
  }
  return true;
}

static bool parseJson(std::string_view text, json &root,
                      std::vector<ConfigError> &errors) {
  // Syntax and depth first, without building a tree.
  FirstPass first;
  if (!json::sax_parse(text.begin(), text.end(), &first)) {
    ConfigError error;
    if (first.tooDeep) {
      error.message = "the configuration nests objects and arrays more than " +
                      std::to_string(kMaxConfigDepth) + " levels deep";
      errors.push_back(std::move(error));
      return false;
    }
    // nlohmann's message: "[json.exception.parse_error.101] parse error at
    // line L, column C: <what>"; keep <what>, move L and C to the location.
    std::string message = first.message;
    size_t at = message.find(" at line ");
    if (at != std::string::npos &&
        std::sscanf(message.c_str() + at, " at line %u, column %u",
                    &error.line, &error.column) != 2)
      error.line = error.column = 0;
    // nlohmann's column is that of the last character read; point at the
    // start of the offending token instead.
    if (!first.lastToken.empty() && error.column > first.lastToken.size())
      error.column -= static_cast<unsigned>(first.lastToken.size()) - 1;
    size_t colon = message.find(": ");
    if (colon != std::string::npos)
      message = message.substr(colon + 2);
    error.message = "invalid JSON: " + message;
    errors.push_back(std::move(error));
    return false;
  }
  root = json::parse(text.begin(), text.end(), /*cb=*/nullptr,
                     /*allow_exceptions=*/false);
  if (root.is_discarded()) { // accepted by the first pass: cannot happen
    errors.push_back({"invalid JSON", 0, 0});
    return false;
  }
  return true;
}

ConfigSyntax hls::configSyntaxOf(std::string_view path) {
  auto endsWith = [&](std::string_view suffix) {
    if (path.size() < suffix.size())
      return false;
    for (size_t i = 0; i < suffix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(
              path[path.size() - suffix.size() + i])) != suffix[i])
        return false;
    return true;
  };
  if (endsWith(".json"))
    return ConfigSyntax::Json;
  if (endsWith(".yml") || endsWith(".yaml"))
    return ConfigSyntax::Yaml;
  return ConfigSyntax::Detect;
}

std::optional<HlsConfig>
hls::parseHlsConfig(std::string_view text, std::vector<ConfigError> &errors,
                    const std::vector<std::string> &knownLayerTypes,
                    ConfigSyntax syntax) {
  size_t before = errors.size();
  if (text.size() > kMaxConfigBytes) {
    errors.push_back({"the configuration has " + std::to_string(text.size()) +
                          " bytes, more than the limit of " +
                          std::to_string(kMaxConfigBytes),
                      0, 0});
    return std::nullopt;
  }
  if (syntax == ConfigSyntax::Detect) {
    size_t first = text.find_first_not_of(" \t\r\n");
    syntax = first != std::string_view::npos &&
                     (text[first] == '{' || text[first] == '[')
                 ? ConfigSyntax::Json
                 : ConfigSyntax::Yaml;
  }
  json root;
  if (!(syntax == ConfigSyntax::Json ? parseJson(text, root, errors)
                                     : parseYaml(text, root, errors)))
    return std::nullopt;
  HlsConfig config;
  Parser(errors, config, knownLayerTypes).parseRoot(root);
  if (errors.size() != before)
    return std::nullopt;
  return config;
}
