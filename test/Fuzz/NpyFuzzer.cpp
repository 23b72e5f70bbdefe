//===- NpyFuzzer.cpp - libFuzzer target: the .npy reader ------------------===//
//
// Feeds each input to nn::interp::parseNpy, the in-memory half of readNpy
// (nn-interp --input, calibration data). An error is consumed, not printed.
//
//===----------------------------------------------------------------------===//

#include "nn/Interpreter/TensorIO.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto array = nn::interp::parseNpy(
      llvm::StringRef(reinterpret_cast<const char *>(data), size));
  if (!array)
    llvm::consumeError(array.takeError());
  return 0;
}
