//===- HlsConfigFuzzer.cpp - libFuzzer target: hls4ml configuration ------===//
//
// Feeds each input to nn::hls::parseHlsConfig, the parser behind
// `nn-opt --nn-quantize=config=FILE` (JSON syntax, then the schema).
// Rejection fills a ConfigError and prints nothing.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/HlsConfig.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nn::hls::ConfigError error;
  (void)nn::hls::parseHlsConfig(
      std::string_view(reinterpret_cast<const char *>(data), size), error);
  return 0;
}
