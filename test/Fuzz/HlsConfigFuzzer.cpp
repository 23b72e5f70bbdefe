//===- HlsConfigFuzzer.cpp - libFuzzer target: hls4ml configuration ------===//
//
// Feeds each input to nn::hls::parseHlsConfig, the parser behind
// `nn-opt --nn-quantize=config=FILE` (JSON or YAML syntax, detected as for
// a file of unknown extension, then the schema). Rejection fills the list
// of errors and prints nothing.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/HlsConfig.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // A few LayerType names, so that both branches of the key check run (the
  // real list comes from the dialect, which this target does not link).
  static const std::vector<std::string> known = {"Activation", "Dense",
                                                 "ReLU"};
  std::vector<nn::hls::ConfigError> errors;
  (void)nn::hls::parseHlsConfig(
      std::string_view(reinterpret_cast<const char *>(data), size), errors,
      known);
  return 0;
}
