//===- HlsConfigTest.cpp - the hls4ml configuration parser ----------------===//

#include "nn/Support/HlsConfig.h"

#include <gtest/gtest.h>

using namespace nn;
using namespace nn::hls;

namespace {

/// LayerType keys the parser accepts in these tests (the real list is the
/// dialect's, nn::knownHls4mlLayerTypes, tested in unittests/Dialect).
const std::vector<std::string> kKnownTypes = {"Activation", "Conv2D",
                                              "Dense", "Softmax"};

HlsConfig parseOk(std::string_view text,
                  ConfigSyntax syntax = ConfigSyntax::Detect) {
  std::vector<ConfigError> errors;
  std::optional<HlsConfig> config =
      parseHlsConfig(text, errors, kKnownTypes, syntax);
  EXPECT_TRUE(config.has_value())
      << (errors.empty() ? "" : errors.front().message);
  return config.value_or(HlsConfig());
}

/// Every error message, one per line.
std::string parseError(std::string_view text,
                       ConfigSyntax syntax = ConfigSyntax::Detect) {
  std::vector<ConfigError> errors;
  std::optional<HlsConfig> config =
      parseHlsConfig(text, errors, kKnownTypes, syntax);
  EXPECT_FALSE(config.has_value());
  EXPECT_FALSE(errors.empty());
  std::string all;
  for (const ConfigError &error : errors)
    all += (all.empty() ? "" : "\n") + error.message;
  return all;
}

fx::Format format(int w, int i, bool isSigned = true,
                  fx::Rounding r = fx::Rounding::TRN,
                  fx::Overflow o = fx::Overflow::WRAP) {
  return fx::Format{w, i, isSigned, r, o};
}

TEST(HlsConfigTest, EmptyObject) {
  HlsConfig config = parseOk("{}");
  EXPECT_TRUE(config.layerNames.empty());
  EXPECT_TRUE(config.layerTypes.empty());
  EXPECT_FALSE(config.model.reuseFactor);
  for (int v = 0; v < kNumVars; ++v)
    EXPECT_FALSE(config.model.precision[v]);
}

TEST(HlsConfigTest, ModelStringPrecisionIsTheDefault) {
  HlsConfig config = parseOk(R"({"Model": {"Precision": "ap_fixed<16,6>",
      "ReuseFactor": 4, "Strategy": "Resource"}})");
  // A string is the Model's default precision, not a setting of each
  // variable (so that the accum option and QDQ types are not overridden).
  for (int v = 0; v < kNumVars; ++v)
    EXPECT_FALSE(config.model.precision[v]);
  ASSERT_TRUE(config.model.defaultPrecision);
  EXPECT_EQ(config.model.defaultPrecision->format, format(16, 6));
  EXPECT_EQ(config.model.reuseFactor, 4);
  EXPECT_EQ(config.model.strategy, reuse::Strategy::Resource);
}

TEST(HlsConfigTest, PerVariablePrecisionWithModes) {
  HlsConfig config = parseOk(R"({"LayerName": {"fc1": {"Precision": {
      "weight": "ap_fixed<8,3,AP_RND,AP_SAT>", "bias": "ap_ufixed<8,0>",
      "result": "ap_int<8>", "accum": "auto",
      "table": "fixed<18,8,RND_CONV>"}, "table_size": 1024}}})");
  const LayerSettings &fc1 = config.layerNames.at("fc1");
  EXPECT_EQ(fc1.get(Var::Weight)->format,
            format(8, 3, true, fx::Rounding::RND, fx::Overflow::SAT));
  EXPECT_EQ(fc1.get(Var::Bias)->format, format(8, 0, false));
  EXPECT_EQ(fc1.get(Var::Result)->format, format(8, 8));
  EXPECT_TRUE(fc1.get(Var::Accum)->isAuto);
  EXPECT_EQ(fc1.get(Var::Table)->format,
            format(18, 8, true, fx::Rounding::RND_CONV));
  EXPECT_EQ(fc1.tableSize, 1024);
  EXPECT_FALSE(fc1.reuseFactor);
}

TEST(HlsConfigTest, LayerTypesAndIgnoredHls4mlKeys) {
  HlsConfig config = parseOk(R"({
      "Model": {"Precision": "ap_fixed<16,6>", "ReuseFactor": 1,
                "Strategy": "latency", "BramFactor": 1000000000,
                "TraceOutput": false},
      "LayerType": {"Dense": {"ReuseFactor": 2}, "Conv2D": {"Strategy": "RESOURCE"},
                    "Activation": {"Precision": {"table": "ap_fixed<18,8>"}}},
      "LayerName": {"relu1": {"Trace": true}}})");
  EXPECT_EQ(config.layerTypes.at("Dense").reuseFactor, 2);
  EXPECT_EQ(config.layerTypes.at("Conv2D").strategy, reuse::Strategy::Resource);
  EXPECT_TRUE(config.layerTypes.at("Activation").get(Var::Table));
  EXPECT_EQ(config.model.strategy, reuse::Strategy::Latency);
  EXPECT_EQ(config.layerNames.count("relu1"), 1u);
}

TEST(HlsConfigTest, SchemaErrorsNameKeyPath) {
  EXPECT_EQ(parseError(R"({"Modle": {}})").rfind(
                "Modle: unknown top-level key; expected Model, LayerType, "
                "LayerName or HLSConfig", 0),
            0u);
  EXPECT_EQ(parseError(R"({"LayerName": {"fc1": {"Reuse": 2}}})").rfind(
                "LayerName.fc1.Reuse: unknown key; expected Precision, "
                "ReuseFactor, Strategy, TableSize (table_size), Trace", 0),
            0u);
  EXPECT_EQ(parseError(R"({"Model": {"table_size": 2}})").rfind(
                "Model.table_size: unknown key", 0),
            0u);
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": -3}})"),
            "Model.ReuseFactor: must be a positive integer, got -3");
  EXPECT_EQ(parseError(R"({"LayerType": {"Dense": {"ReuseFactor": 1.0}}})"),
            "LayerType.Dense.ReuseFactor: must be a positive integer, got "
            "1.0");
  EXPECT_EQ(parseError(R"({"LayerName": {"a": {"Strategy": "Unrolled"}}})"),
            "LayerName.a.Strategy: unknown strategy \"Unrolled\"; expected "
            "\"Latency\" or \"Resource\"");
  EXPECT_EQ(parseError(R"({"Model": {"Precision": "auto"}})").rfind(
                "Model.Precision: cannot be \"auto\"", 0),
            0u);
  EXPECT_EQ(parseError(R"({"Model": {"Precision": {"bogus": "ap_fixed<8,3>"}}})")
                .rfind("Model.Precision.bogus: unknown precision variable", 0),
            0u);
  EXPECT_EQ(parseError("3"), "the configuration must be an object (a JSON "
                             "object or a YAML mapping), got number");
}

// Every error of the file in one run, each with its key path.
TEST(HlsConfigTest, AllErrorsAtOnce) {
  EXPECT_EQ(parseError(R"({"HLSConfig": {"Model": {"ReuseFactor": 0,
      "Strategy": "Fast"}, "LayerName": {"fc1": {"ReuseFactor": "4",
      "Precision": {"weight": "ap_fixd<8,3>"}}}}, "ClockPeriod": -1})"),
            // nlohmann's objects are ordered by key: so are the errors.
            "ClockPeriod: must be a positive number of nanoseconds (at "
            "most 1e6), got -1\n"
            "HLSConfig.LayerName.fc1.Precision.weight: malformed type "
            "'ap_fixd<8,3>'; expected " +
                std::string(expectedPrecisionSpelling()) +
                "\n"
                "HLSConfig.LayerName.fc1.ReuseFactor: must be a positive "
                "integer, got \"4\"\n"
                "HLSConfig.Model.ReuseFactor: must be a positive integer, got "
                "0\n"
                "HLSConfig.Model.Strategy: unknown strategy \"Fast\"; "
                "expected \"Latency\" or \"Resource\"");
}

// hls4ml's YAML CLI form (hls4ml's docs, "Configuration"): project keys at
// the top, the levels in HLSConfig.
TEST(HlsConfigTest, YamlCliForm) {
  HlsConfig config = parseOk(R"(
OnnxModel: model.onnx
OutputDir: my-hls-test
ProjectName: myproject
Part: xcvu13p-flga2577-2-e
ClockPeriod: 5
IOType: io_parallel
Backend: Vitis
HLSConfig:
  Model:
    Precision:
      default: fixed<16,6>
      maximum: 'fixed<24,10>'
    ReuseFactor: 2
    Strategy: Latency
    BramFactor: 1000000000
    TraceOutput: false
  LayerName:
    fc1:
      Precision: {result: auto, accum: auto, weight: 'ap_fixed<8,3>'}
      TableSize: 512
)");
  EXPECT_EQ(config.prefix, "HLSConfig.");
  EXPECT_EQ(config.part, "xcvu13p-flga2577-2-e");
  EXPECT_EQ(config.clockPeriod, 5.0);
  EXPECT_EQ(config.projectName, "myproject");
  EXPECT_EQ(config.model.defaultPrecision->format, format(16, 6));
  EXPECT_EQ(config.maximum, format(24, 10));
  EXPECT_EQ(config.model.reuseFactor, 2);
  const LayerSettings &fc1 = config.layerNames.at("fc1");
  EXPECT_TRUE(fc1.get(Var::Result)->isAuto);
  EXPECT_EQ(fc1.get(Var::Weight)->format, format(8, 3));
  EXPECT_EQ(fc1.tableSize, 512);
  // OnnxModel, OutputDir, IOType, Backend, BramFactor, TraceOutput.
  EXPECT_EQ(config.ignored.size(), 6u);
  for (const IgnoredKey &key : config.ignored)
    EXPECT_FALSE(key.notSupportedYet) << key.path;
}

TEST(HlsConfigTest, YamlErrorsHaveKeyPathsOrLines) {
  EXPECT_EQ(parseError("Model:\n  ReuseFactor: '4'\n"),
            "Model.ReuseFactor: must be a positive integer, got \"4\"");
  std::vector<ConfigError> errors;
  EXPECT_FALSE(parseHlsConfig("Model: {ReuseFactor: 1\n", errors,
                              kKnownTypes, ConfigSyntax::Yaml));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message.rfind("invalid YAML: ", 0), 0u);
  EXPECT_GE(errors[0].line, 1u);
  EXPECT_EQ(parseError("Model: &a [*a]\n", ConfigSyntax::Yaml).empty(),
            false);
}

TEST(HlsConfigTest, SyntaxByExtension) {
  EXPECT_EQ(configSyntaxOf("a/b.json"), ConfigSyntax::Json);
  EXPECT_EQ(configSyntaxOf("c.YML"), ConfigSyntax::Yaml);
  EXPECT_EQ(configSyntaxOf("c.yaml"), ConfigSyntax::Yaml);
  EXPECT_EQ(configSyntaxOf("config"), ConfigSyntax::Detect);
  // A .json file is never read as YAML (which would accept more).
  EXPECT_EQ(parseError("Model: {}", ConfigSyntax::Json).rfind("invalid JSON",
                                                              0),
            0u);
}

TEST(HlsConfigTest, NotSupportedYetValues) {
  HlsConfig config = parseOk(R"({"IOType": "io_stream", "LayerName":
      {"sm": {"Implementation": "latency", "Skip": false,
              "Precision": {"exp_table": "fixed<18,8,RND,SAT>"}}}})");
  std::vector<std::string> warned;
  for (const IgnoredKey &key : config.ignored)
    if (key.notSupportedYet)
      warned.push_back(key.path);
  EXPECT_EQ(warned, (std::vector<std::string>{"IOType"}));
  EXPECT_EQ(parseError(R"({"HLSConfig": {}, "Model": {}})"),
            "Model: belongs inside HLSConfig when the file has one");
}

TEST(HlsConfigTest, SoftmaxKeys) {
  // hls4ml's Softmax keys are settings of the layer (docs/Quantization.md);
  // inv_inp has no meaning for nn's inverse (a remark).
  HlsConfig config = parseOk(R"({"LayerType": {"Softmax":
      {"Implementation": "legacy", "Skip": true,
       "Precision": {"exp_table": "ap_ufixed<18,8>", "inv_table":
                     "ap_ufixed<18,1>", "inv_inp": "ap_fixed<18,8>",
                     "accum": "ap_ufixed<20,10>"}}}})");
  const LayerSettings &sm = config.layerTypes.at("Softmax");
  EXPECT_EQ(sm.implementation, nn::fx::SoftmaxImpl::Legacy);
  EXPECT_EQ(sm.skip, true);
  ASSERT_TRUE(sm.get(Var::ExpTable).has_value());
  EXPECT_EQ(sm.get(Var::ExpTable)->format.toString(), "ap_ufixed<18,8>");
  EXPECT_EQ(sm.get(Var::InvTable)->format.toString(), "ap_ufixed<18,1>");
  EXPECT_EQ(sm.get(Var::Accum)->format.toString(), "ap_ufixed<20,10>");
  ASSERT_EQ(config.ignored.size(), 1u);
  EXPECT_EQ(config.ignored[0].path, "LayerType.Softmax.Precision.inv_inp");
  EXPECT_FALSE(config.ignored[0].notSupportedYet);
  EXPECT_EQ(parseError(R"({"LayerName": {"sm": {"Implementation": "fast"}}})")
                .rfind("LayerName.sm.Implementation: expected \"latency\", "
                       "\"stable\", \"argmax\" or \"legacy\", got",
                       0),
            0u);
  EXPECT_EQ(parseError(R"({"LayerName": {"sm": {"Skip": 1}}})")
                .rfind("LayerName.sm.Skip: ", 0),
            0u);
}

TEST(HlsConfigTest, MalformedTypesSayWhatWasExpected) {
  std::string message =
      parseError(R"({"Model": {"Precision": "ap_fixed<16,6,AP_FOO>"}})");
  EXPECT_EQ(message.rfind("Model.Precision: malformed type "
                          "'ap_fixed<16,6,AP_FOO>'; expected ap_fixed<W,I",
                          0),
            0u)
      << message;
  EXPECT_NE(parseError(R"({"Model": {"Precision": "ap_fixed<0,0>"}})")
                .find("malformed type 'ap_fixed<0,0>'"),
            std::string::npos);
  EXPECT_NE(parseError(R"({"Model": {"Precision": "ap_ufixed<8,2,AP_TRN,AP_SAT_SYM>"}})")
                .find("malformed type"),
            std::string::npos);
}

TEST(HlsConfigTest, UnknownLayerTypeListsTheKnownOnes) {
  std::string message = parseError(R"({"LayerType": {"LSTM": {}}})");
  EXPECT_EQ(message, "LayerType.LSTM: unknown layer type; expected one of "
                     "Activation, Conv2D, Dense, Softmax");
}

TEST(HlsConfigTest, SyntaxErrorHasLineAndColumn) {
  std::vector<ConfigError> errors;
  EXPECT_FALSE(parseHlsConfig("{\"Model\": {\n  \"ReuseFactor\": 1,\n}}", errors,
                              kKnownTypes));
  ASSERT_EQ(errors.size(), 1u);
  const ConfigError &error = errors.front();
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, 1u);
  EXPECT_EQ(error.message.rfind("invalid JSON: syntax error", 0), 0u)
      << error.message;
}

//===----------------------------------------------------------------------===//
// Reuse-factor rules (nn/Support/ReuseFactor.h)
//===----------------------------------------------------------------------===//

TEST(ReuseFactorTest, ResourceRuleByHand) {
  // n_in = 4, n_out = 3: see test/Dialect/NN/Transforms/nn-quantize-reuse-errors.mlir.
  EXPECT_EQ(reuse::validReuseFactors(4, 3, reuse::Strategy::Resource),
            (std::vector<int64_t>{1, 2, 4, 12}));
  EXPECT_EQ(reuse::validReuseFactors(4, 3, reuse::Strategy::Latency),
            (std::vector<int64_t>{1, 2, 3, 4, 6, 12}));
  // n_in = 3, n_out = 2, N = 6: R = 2: ceil(6/2) = 3, 3 % 2 != 0, R < n_in.
  EXPECT_EQ(reuse::validReuseFactors(3, 2, reuse::Strategy::Resource),
            (std::vector<int64_t>{1, 3, 6}));
}

TEST(ReuseFactorTest, MatchesBruteForce) {
  // The divisor enumeration agrees with trying every R in [1, N].
  for (int64_t nIn = 1; nIn <= 12; ++nIn)
    for (int64_t nOut = 1; nOut <= 12; ++nOut)
      for (reuse::Strategy s :
           {reuse::Strategy::Latency, reuse::Strategy::Resource}) {
        std::vector<int64_t> brute;
        for (int64_t rf = 1; rf <= nIn * nOut; ++rf)
          if (reuse::isValidReuseFactor(nIn, nOut, rf, s))
            brute.push_back(rf);
        EXPECT_EQ(reuse::validReuseFactors(nIn, nOut, s), brute)
            << nIn << "x" << nOut;
        EXPECT_EQ(brute.front(), 1);
        EXPECT_EQ(brute.back(), nIn * nOut);
      }
}

TEST(ReuseFactorTest, NearestAndMultipliers) {
  reuse::Nearest n =
      reuse::nearestValidReuseFactors(4, 3, 3, reuse::Strategy::Resource);
  EXPECT_EQ(n.below, 2);
  EXPECT_EQ(n.above, 4);
  n = reuse::nearestValidReuseFactors(4, 3, 100, reuse::Strategy::Latency);
  EXPECT_EQ(n.below, 12);
  EXPECT_FALSE(n.above);
  EXPECT_EQ(reuse::formatNearest(n), "12 (none above)");
  EXPECT_EQ(reuse::numMultipliers(12, 5), 3);
  EXPECT_EQ(reuse::numMultipliers(72, 4), 18);
  EXPECT_EQ(reuse::parseStrategy("Resource"), reuse::Strategy::Resource);
  EXPECT_FALSE(reuse::parseStrategy("unrolled"));
}

} // namespace

// Nesting is refused before a tree is built, at the first level past the
// limit; the limit itself parses (and meets the schema's own checks).
TEST(HlsConfigTest, NestingDepthIsBounded) {
  auto nested = [](int levels) {
    return std::string(size_t(levels), '[') + std::string(size_t(levels), ']');
  };
  EXPECT_EQ(parseError(nested(100000)),
            "the configuration nests objects and arrays more than 64 levels "
            "deep");
  EXPECT_EQ(parseError(nested(kMaxConfigDepth + 1)),
            "the configuration nests objects and arrays more than 64 levels "
            "deep");
  EXPECT_EQ(parseError(nested(kMaxConfigDepth)),
            "the configuration must be an object (a JSON object or a YAML "
            "mapping), got array");
  // Deep inside a valid level: the same refusal, not a schema message.
  std::string inLevel = R"({"Model": {"ReuseFactor": )" + nested(70) + "}}";
  EXPECT_EQ(parseError(inLevel),
            "the configuration nests objects and arrays more than 64 levels "
            "deep");
}

TEST(HlsConfigTest, RangesAndSizeAreBounded) {
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": 2147483648}})"),
            "Model.ReuseFactor: must be at most 2147483647, got 2147483648");
  EXPECT_EQ(parseOk(R"({"Model": {"ReuseFactor": 2147483647}})")
                .model.reuseFactor.value_or(0),
            2147483647);
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": 9223372036854775808}})"),
            "Model.ReuseFactor: must be a positive integer, got "
            "9223372036854775808");
  EXPECT_EQ(parseError(R"({"LayerName": {"s": {"table_size": 16777217}}})"),
            "LayerName.s.table_size: the table has 16777217 entries; tables "
            "need a power of two in [2, 16777216]");
  EXPECT_EQ(parseError(R"({"Model": {"BramFactor": 2147483648}})"),
            "Model.BramFactor: must be at most 2147483647, got 2147483648");
  std::string big(kMaxConfigBytes + 1, ' ');
  EXPECT_EQ(parseError(big), "the configuration has 16777217 bytes, more "
                             "than the limit of 16777216");
}

TEST(HlsConfigTest, ValuesInMessagesAreCut) {
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": {"a": [1, 2, 3]}}})"),
            "Model.ReuseFactor: must be a positive integer, got {\"a\":[1,2,3]}");
  EXPECT_EQ(parseError(R"({"Model": {"Precision": [1]}})"),
            "Model.Precision: must be a type string or an object, got [1]");
  std::string longText(1000, 'x');
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": ")" + longText + "\"}}"),
            "Model.ReuseFactor: must be a positive integer, got \"" +
                std::string(36, 'x') + "...");
}
