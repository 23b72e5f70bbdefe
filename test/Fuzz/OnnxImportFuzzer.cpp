//===- OnnxImportFuzzer.cpp - libFuzzer target: ONNX import ---------------===//
//
// Feeds each input to nn::importOnnxModel, the importer behind
// `nn-translate --import-onnx` and `nn-interp model.onnx`: as binary
// protobuf (fuzz-onnx-import) or, built with NN_FUZZ_ONNX_TEXT, as the ONNX
// text format (fuzz-onnx-text-import). Any outcome but a crash, a hang or a
// sanitizer report is fine: a null module means a diagnostic was emitted.
//
// The buffer is named after a directory that does not exist, so that a
// fuzzed external-data location resolves relative to nothing readable: the
// target exercises the importer's checks of locations, never the files of
// the machine it runs on.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "nn/InitNNDialects.h"
#include "nn/Target/ONNX/ImportONNX.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cstddef>
#include <cstdint>

#ifdef NN_FUZZ_ONNX_TEXT
static constexpr bool kTextFormat = true;
static constexpr const char *kBufferName = "/nonexistent-nn-fuzz/input.onnxtext";
#else
static constexpr bool kTextFormat = false;
static constexpr const char *kBufferName = "/nonexistent-nn-fuzz/input.onnx";
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const mlir::DialectRegistry registry = [] {
    mlir::DialectRegistry r;
    nn::registerAllDialects(r);
    return r;
  }();
  auto context = nn::fuzz::makeQuietContext(registry);
  // A NUL-terminated copy, as the tools' MemoryBuffer::getFile gives: the
  // importer hands text-format buffers to libonnx's parser as C strings.
  auto buffer = llvm::MemoryBuffer::getMemBufferCopy(
      llvm::StringRef(reinterpret_cast<const char *>(data), size), kBufferName);
  nn::OnnxImportOptions options;
  options.textFormat = kTextFormat;
  (void)nn::importOnnxModel(*buffer, context.get(), options);
  return 0;
}
