//===- HlsConfigTest.cpp - the hls4ml configuration parser ----------------===//

#include "nn/Support/HlsConfig.h"

#include <gtest/gtest.h>

using namespace nn;
using namespace nn::hls;

namespace {

HlsConfig parseOk(std::string_view text) {
  ConfigError error;
  std::optional<HlsConfig> config = parseHlsConfig(text, error);
  EXPECT_TRUE(config.has_value()) << error.message;
  return config.value_or(HlsConfig());
}

std::string parseError(std::string_view text) {
  ConfigError error;
  std::optional<HlsConfig> config = parseHlsConfig(text, error);
  EXPECT_FALSE(config.has_value());
  return error.message;
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

TEST(HlsConfigTest, ModelStringPrecisionSetsAllButTable) {
  HlsConfig config = parseOk(R"({"Model": {"Precision": "ap_fixed<16,6>",
      "ReuseFactor": 4, "Strategy": "Resource"}})");
  for (Var var : {Var::Weight, Var::Bias, Var::Result, Var::Accum}) {
    ASSERT_TRUE(config.model.get(var)) << varName(var);
    EXPECT_FALSE(config.model.get(var)->isAuto);
    EXPECT_EQ(config.model.get(var)->format, format(16, 6));
  }
  EXPECT_FALSE(config.model.get(Var::Table));
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

TEST(HlsConfigTest, SchemaErrorsNameKeyAndLevel) {
  EXPECT_EQ(parseError(R"({"Modle": {}})"),
            "unknown top-level key 'Modle'; expected Model, LayerType or "
            "LayerName");
  EXPECT_EQ(parseError(R"({"LayerName": {"fc1": {"Reuse": 2}}})"),
            "LayerName 'fc1': unknown key 'Reuse'; expected Precision, "
            "ReuseFactor, Strategy, table_size or Trace");
  EXPECT_EQ(parseError(R"({"Model": {"table_size": 2}})"),
            "Model: unknown key 'table_size'; expected Precision, "
            "ReuseFactor, Strategy, BramFactor or TraceOutput");
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": -3}})"),
            "Model: ReuseFactor must be a positive integer, got -3");
  EXPECT_EQ(parseError(R"({"LayerType": {"Dense": {"ReuseFactor": 1.0}}})"),
            "LayerType 'Dense': ReuseFactor must be a positive integer, got "
            "1.0");
  EXPECT_EQ(parseError(R"({"LayerName": {"a": {"Strategy": "Unrolled"}}})"),
            "LayerName 'a': unknown Strategy \"Unrolled\"; expected "
            "\"Latency\" or \"Resource\"");
  EXPECT_EQ(parseError(R"({"Model": {"Precision": {"bias": "auto"}}})"),
            "Model: Precision 'bias' cannot be \"auto\"; only accum derives "
            "its type (lossless) from its operands");
  EXPECT_EQ(parseError(R"({"Model": {"Precision": {"scale": "ap_fixed<8,3>"}}})"),
            "Model: unknown Precision variable 'scale'; expected weight, "
            "bias, result, accum or table");
  EXPECT_EQ(parseError("3"),
            "the configuration must be a JSON object, got number");
}

TEST(HlsConfigTest, MalformedTypesSayWhatWasExpected) {
  std::string message =
      parseError(R"({"Model": {"Precision": "ap_fixed<16,6,AP_FOO>"}})");
  EXPECT_EQ(message.rfind("Model: Precision has a malformed type "
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
  EXPECT_EQ(message.rfind("LayerType: unknown layer type 'LSTM'; expected one "
                          "of Activation, Add, ",
                          0),
            0u)
      << message;
}

TEST(HlsConfigTest, SyntaxErrorHasLineAndColumn) {
  ConfigError error;
  EXPECT_FALSE(parseHlsConfig("{\"Model\": {\n  \"ReuseFactor\": 1,\n}}", error));
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, 1u);
  EXPECT_EQ(error.message.rfind("invalid JSON: syntax error", 0), 0u)
      << error.message;
}

TEST(HlsConfigTest, LayerTypeMapping) {
  using V = std::vector<std::string>;
  EXPECT_EQ(layerTypesOf("nn.dense", 0), V{"Dense"});
  EXPECT_EQ(layerTypesOf("nn.conv", 1), V{"Conv1D"});
  EXPECT_EQ(layerTypesOf("nn.conv", 2), V{"Conv2D"});
  EXPECT_EQ(layerTypesOf("nn.relu", 0), (V{"ReLU", "Activation"}));
  EXPECT_EQ(layerTypesOf("nn.sigmoid", 0), V{"Activation"});
  EXPECT_EQ(layerTypesOf("nn.max_pool", 2), (V{"MaxPooling2D", "Pooling2D"}));
  EXPECT_EQ(layerTypesOf("nn.global_avg_pool", 1),
            (V{"GlobalAveragePooling1D", "GlobalPooling1D"}));
  EXPECT_EQ(layerTypesOf("nn.add", 0), (V{"Add", "Merge"}));
  EXPECT_EQ(layerTypesOf("nn.flatten", 0), (V{"Flatten", "Reshape"}));
  EXPECT_EQ(layerTypesOf("input", 0), V{"Input"});
  EXPECT_TRUE(layerTypesOf("nn.reduce_mean", 0).empty());
  const std::vector<std::string> &known = knownLayerTypes();
  EXPECT_TRUE(std::is_sorted(known.begin(), known.end()));
  EXPECT_TRUE(std::binary_search(known.begin(), known.end(), "BatchNormalization"));
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
            "the configuration must be a JSON object, got array");
  // Deep inside a valid level: the same refusal, not a schema message.
  std::string inLevel = R"({"Model": {"ReuseFactor": )" + nested(70) + "}}";
  EXPECT_EQ(parseError(inLevel),
            "the configuration nests objects and arrays more than 64 levels "
            "deep");
}

TEST(HlsConfigTest, RangesAndSizeAreBounded) {
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": 2147483648}})"),
            "Model: ReuseFactor must be at most 2147483647, got 2147483648");
  EXPECT_EQ(parseOk(R"({"Model": {"ReuseFactor": 2147483647}})")
                .model.reuseFactor.value_or(0),
            2147483647);
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": 9223372036854775808}})"),
            "Model: ReuseFactor must be a positive integer, got "
            "9223372036854775808");
  EXPECT_EQ(parseError(R"({"LayerName": {"s": {"table_size": 16777217}}})"),
            "LayerName 's': table_size must be at most 16777216, got "
            "16777217");
  EXPECT_EQ(parseError(R"({"Model": {"BramFactor": 2147483648}})"),
            "Model: BramFactor must be at most 2147483647, got 2147483648");
  std::string big(kMaxConfigBytes + 1, ' ');
  EXPECT_EQ(parseError(big), "the configuration has 16777217 bytes, more "
                             "than the limit of 16777216");
}

TEST(HlsConfigTest, ValuesInMessagesAreCut) {
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": {"a": [1, 2, 3]}}})"),
            "Model: ReuseFactor must be a positive integer, got {\"a\":[1,2,3]}");
  EXPECT_EQ(parseError(R"({"Model": {"Precision": [1]}})"),
            "Model: Precision must be a type string or an object, got [1]");
  std::string longText(1000, 'x');
  EXPECT_EQ(parseError(R"({"Model": {"ReuseFactor": ")" + longText + "\"}}"),
            "Model: ReuseFactor must be a positive integer, got \"" +
                std::string(36, 'x') + "...");
}
