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

#include <algorithm>
#include <cstdio>
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
// Layer types
//===----------------------------------------------------------------------===//

// The mapping from nn ops to hls4ml layer-class names. Where hls4ml has a
// class for the layer we use its name (Dense, Conv1D, Conv2D,
// BatchNormalization, Activation, Softmax, PReLU, HardActivation,
// Pooling1D/2D, GlobalPooling1D/2D, Merge, Concatenate, Reshape, Transpose,
// ZeroPadding1D/2D, Resize, Input, Constant); the Keras class names that
// hls4ml users also write (ReLU, LeakyReLU, MaxPooling2D, Add, ...) are
// tried first, then the generic hls4ml class. Documented in
// docs/Quantization.md ("Layer types").
std::vector<std::string> hls::layerTypesOf(std::string_view op,
                                           int64_t spatialRank) {
  auto bySpatialRank = [&](const char *base) -> std::string {
    if (spatialRank != 1 && spatialRank != 2)
      return {};
    return std::string(base) + std::to_string(spatialRank) + "D";
  };
  auto pool = [&](const char *specific, const char *generic)
      -> std::vector<std::string> {
    std::string a = bySpatialRank(specific), b = bySpatialRank(generic);
    if (a.empty())
      return {};
    return {a, b};
  };
  auto activation = [](const char *specific) -> std::vector<std::string> {
    if (!*specific)
      return {"Activation"};
    return {specific, "Activation"};
  };
  auto merge = [](const char *specific) -> std::vector<std::string> {
    if (!*specific)
      return {"Merge"};
    return {specific, "Merge"};
  };

  if (op == "input")
    return {"Input"};
  if (op == "nn.constant")
    return {"Constant"};
  if (op == "nn.dense")
    return {"Dense"};
  if (op == "nn.conv") {
    std::string name = bySpatialRank("Conv");
    return name.empty() ? std::vector<std::string>{}
                        : std::vector<std::string>{name};
  }
  if (op == "nn.batch_norm")
    return {"BatchNormalization"};
  // Activations.
  if (op == "nn.relu")
    return activation("ReLU");
  if (op == "nn.leaky_relu")
    return activation("LeakyReLU");
  if (op == "nn.elu")
    return activation("ELU");
  if (op == "nn.thresholded_relu")
    return activation("ThresholdedReLU");
  if (op == "nn.prelu")
    return activation("PReLU");
  if (op == "nn.softmax")
    return activation("Softmax");
  if (op == "nn.hard_sigmoid")
    return activation("HardActivation");
  if (op == "nn.selu" || op == "nn.clip" || op == "nn.sigmoid" ||
      op == "nn.tanh" || op == "nn.softplus" || op == "nn.softsign")
    return activation("");
  // Pooling.
  if (op == "nn.max_pool")
    return pool("MaxPooling", "Pooling");
  if (op == "nn.avg_pool")
    return pool("AveragePooling", "Pooling");
  if (op == "nn.global_max_pool")
    return pool("GlobalMaxPooling", "GlobalPooling");
  if (op == "nn.global_avg_pool")
    return pool("GlobalAveragePooling", "GlobalPooling");
  // Merges.
  if (op == "nn.add")
    return merge("Add");
  if (op == "nn.sub")
    return merge("Subtract");
  if (op == "nn.mul")
    return merge("Multiply");
  if (op == "nn.max")
    return merge("Maximum");
  if (op == "nn.min")
    return merge("Minimum");
  if (op == "nn.div")
    return merge("");
  if (op == "nn.concat")
    return merge("Concatenate");
  // Data movement.
  if (op == "nn.reshape")
    return {"Reshape"};
  if (op == "nn.flatten")
    return {"Flatten", "Reshape"};
  if (op == "nn.transpose")
    return {"Transpose"};
  if (op == "nn.pad") {
    std::string name = bySpatialRank("ZeroPadding");
    return name.empty() ? std::vector<std::string>{}
                        : std::vector<std::string>{name};
  }
  if (op == "nn.resize")
    return {"Resize"};
  return {};
}

const std::vector<std::string> &hls::knownLayerTypes() {
  static const std::vector<std::string> names = [] {
    static const char *const ops[] = {
        "input",          "nn.constant",       "nn.dense",
        "nn.conv",        "nn.batch_norm",     "nn.relu",
        "nn.leaky_relu",  "nn.elu",            "nn.thresholded_relu",
        "nn.prelu",       "nn.softmax",        "nn.hard_sigmoid",
        "nn.sigmoid",     "nn.max_pool",       "nn.avg_pool",
        "nn.global_max_pool", "nn.global_avg_pool", "nn.add",
        "nn.sub",         "nn.mul",            "nn.max",
        "nn.min",         "nn.div",            "nn.concat",
        "nn.reshape",     "nn.flatten",        "nn.transpose",
        "nn.pad",         "nn.resize"};
    std::set<std::string> all;
    for (const char *op : ops)
      for (int64_t rank : {1, 2})
        for (std::string &name : layerTypesOf(op, rank))
          all.insert(std::move(name));
    return std::vector<std::string>(all.begin(), all.end());
  }();
  return names;
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
/// can be megabytes long; its depth is bounded by the first pass).
std::string describe(const json &value) {
  std::string text = value.dump();
  if (text.size() > 40)
    text = text.substr(0, 37) + "...";
  return text;
}

class Parser {
public:
  explicit Parser(ConfigError &error) : error(error) {}

  bool parseTop(const json &root, HlsConfig &config);

private:
  bool fail(std::string message) {
    error.message = std::move(message);
    return false;
  }
  bool parseLevel(const json &value, const std::string &where, bool isModel,
                  LayerSettings &out);
  bool parsePrecisionKey(const json &value, const std::string &where,
                         LayerSettings &out);
  bool parseOne(const json &value, const std::string &where, Var var,
                std::optional<Precision> &out);
  bool positiveInteger(const json &value, const std::string &where,
                       const char *key, int64_t max, int64_t &out);

  ConfigError &error;
};
} // namespace

bool Parser::positiveInteger(const json &value, const std::string &where,
                             const char *key, int64_t max, int64_t &out) {
  // An unsigned value above INT64_MAX reads back negative: refused too.
  if (value.is_number_integer() && value.get<int64_t>() > 0) {
    out = value.get<int64_t>();
    if (out <= max)
      return true;
    return fail(where + ": " + key + " must be at most " +
                std::to_string(max) + ", got " + describe(value));
  }
  return fail(where + ": " + key + " must be a positive integer, got " +
              describe(value));
}

bool Parser::parseOne(const json &value, const std::string &where, Var var,
                      std::optional<Precision> &out) {
  std::string what = where + ": Precision '" + varName(var) + "'";
  if (!value.is_string())
    return fail(what + " must be a type string, got " + describe(value));
  const std::string &text = value.get_ref<const std::string &>();
  if (text == "auto") {
    if (var != Var::Accum)
      return fail(what + " cannot be \"auto\"; only accum derives its type "
                         "(lossless) from its operands");
    out = Precision{true, {}};
    return true;
  }
  std::optional<fx::Format> format = parsePrecision(text);
  if (!format)
    return fail(what + " has a malformed type '" + text + "'; expected " +
                expectedPrecisionSpelling());
  out = Precision{false, *format};
  return true;
}

bool Parser::parsePrecisionKey(const json &value, const std::string &where,
                               LayerSettings &out) {
  if (value.is_string()) {
    // A single type sets every variable of the level but the table (hls4ml:
    // a string Precision is the layer's default precision).
    const std::string &text = value.get_ref<const std::string &>();
    std::optional<fx::Format> format = parsePrecision(text);
    if (!format)
      return fail(where + ": Precision has a malformed type '" + text +
                  "'; expected " + expectedPrecisionSpelling());
    for (Var var : {Var::Weight, Var::Bias, Var::Result, Var::Accum})
      out.precision[static_cast<int>(var)] = Precision{false, *format};
    return true;
  }
  if (!value.is_object())
    return fail(where + ": Precision must be a type string or an object, got " +
                describe(value));
  for (auto it = value.begin(); it != value.end(); ++it) {
    std::optional<Var> var;
    for (int v = 0; v < kNumVars; ++v)
      if (it.key() == varName(static_cast<Var>(v)))
        var = static_cast<Var>(v);
    if (!var)
      return fail(where + ": unknown Precision variable '" + it.key() +
                  "'; expected weight, bias, result, accum or table");
    if (!parseOne(it.value(), where, *var,
                  out.precision[static_cast<int>(*var)]))
      return false;
  }
  return true;
}

bool Parser::parseLevel(const json &value, const std::string &where,
                        bool isModel, LayerSettings &out) {
  if (!value.is_object())
    return fail(where + " must be an object, got " + describe(value));
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string &key = it.key();
    const json &v = it.value();
    if (key == "Precision") {
      if (!parsePrecisionKey(v, where, out))
        return false;
    } else if (key == "ReuseFactor") {
      int64_t rf = 0;
      if (!positiveInteger(v, where, "ReuseFactor", kMaxReuseFactor, rf))
        return false;
      out.reuseFactor = rf;
    } else if (key == "Strategy") {
      std::optional<reuse::Strategy> strategy;
      if (v.is_string())
        strategy = reuse::parseStrategy(v.get_ref<const std::string &>());
      if (!strategy)
        return fail(where + ": unknown Strategy " + describe(v) +
                    "; expected \"Latency\" or \"Resource\"");
      out.strategy = strategy;
    } else if (!isModel && key == "table_size") {
      int64_t size = 0;
      if (!positiveInteger(v, where, "table_size", fx::kMaxTableSize, size))
        return false;
      out.tableSize = size;
    } else if (key == (isModel ? "TraceOutput" : "Trace")) {
      // Written by hls4ml's config generators; tracing belongs to the
      // interpreter and is not used yet.
      if (!v.is_boolean())
        return fail(where + ": " + key + " must be true or false, got " +
                    describe(v));
    } else if (isModel && key == "BramFactor") {
      // hls4ml's threshold for moving weights to BRAM; not used yet.
      int64_t factor = 0;
      if (!positiveInteger(v, where, "BramFactor", kMaxBramFactor, factor))
        return false;
    } else {
      return fail(where + ": unknown key '" + key + "'; expected " +
                  (isModel ? "Precision, ReuseFactor, Strategy, BramFactor or "
                             "TraceOutput"
                           : "Precision, ReuseFactor, Strategy, table_size or "
                             "Trace"));
    }
  }
  return true;
}

bool Parser::parseTop(const json &root, HlsConfig &config) {
  if (!root.is_object())
    return fail("the configuration must be a JSON object, got " +
                std::string(root.type_name()));
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string &key = it.key();
    const json &value = it.value();
    if (key == "Model") {
      if (!parseLevel(value, "Model", /*isModel=*/true, config.model))
        return false;
    } else if (key == "LayerType" || key == "LayerName") {
      if (!value.is_object())
        return fail(key + " must be an object mapping " +
                    (key == "LayerType" ? "layer types" : "layer names") +
                    " to settings, got " + describe(value));
      bool byType = key == "LayerType";
      for (auto entry = value.begin(); entry != value.end(); ++entry) {
        const std::string &name = entry.key();
        if (byType) {
          const std::vector<std::string> &known = knownLayerTypes();
          if (!std::binary_search(known.begin(), known.end(), name)) {
            std::string list;
            for (const std::string &k : known)
              list += (list.empty() ? "" : ", ") + k;
            return fail("LayerType: unknown layer type '" + name +
                        "'; expected one of " + list);
          }
        }
        LayerSettings &settings =
            byType ? config.layerTypes[name] : config.layerNames[name];
        if (!parseLevel(entry.value(), key + " '" + name + "'",
                        /*isModel=*/false, settings))
          return false;
      }
    } else {
      return fail("unknown top-level key '" + key +
                  "'; expected Model, LayerType or LayerName");
    }
  }
  return true;
}

std::optional<HlsConfig> hls::parseHlsConfig(std::string_view text,
                                             ConfigError &error) {
  error = ConfigError();
  if (text.size() > kMaxConfigBytes) {
    error.message = "the configuration has " + std::to_string(text.size()) +
                    " bytes, more than the limit of " +
                    std::to_string(kMaxConfigBytes);
    return std::nullopt;
  }
  // Syntax and depth first, without building a tree.
  FirstPass first;
  if (!json::sax_parse(text.begin(), text.end(), &first)) {
    if (first.tooDeep) {
      error.message = "the configuration nests objects and arrays more than " +
                      std::to_string(kMaxConfigDepth) + " levels deep";
      return std::nullopt;
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
    if (error.column > first.lastToken.size())
      error.column -= static_cast<unsigned>(first.lastToken.size()) - 1;
    size_t colon = message.find(": ");
    if (colon != std::string::npos)
      message = message.substr(colon + 2);
    error.message = "invalid JSON: " + message;
    return std::nullopt;
  }
  json root = json::parse(text.begin(), text.end(), /*cb=*/nullptr,
                          /*allow_exceptions=*/false);
  if (root.is_discarded()) { // accepted by the first pass: cannot happen
    error.message = "invalid JSON";
    return std::nullopt;
  }
  HlsConfig config;
  if (!Parser(error).parseTop(root, config))
    return std::nullopt;
  return config;
}
