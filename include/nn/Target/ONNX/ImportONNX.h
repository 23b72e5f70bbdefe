//===- ImportONNX.h - ONNX models into the nn dialect -----------*- C++ -*-===//
//
// Imports an ONNX model (binary protobuf, or the ONNX text format) into a
// module holding one func.func of nn ops. libonnx does what it already does:
// parsing, the checker, conversion to one opset and shape inference.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_ONNX_IMPORTONNX_H
#define NN_TARGET_ONNX_IMPORTONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace nn {

/// The opset every model is converted to before import. It is the newest one
/// libonnx 1.12 knows, and PyTorch 1.13 exports opsets 9 to 17.
constexpr int64_t kImportOpset = 17;

struct OnnxImportOptions {
  /// Parse the buffer as the ONNX text format instead of binary protobuf.
  /// When unset, files named *.onnxtext are read as text.
  std::optional<bool> textFormat;
  /// Initializers with more elements than this become dense_resource blobs
  /// (one memory block, never expanded element by element); smaller ones
  /// print inline as dense<...>.
  int64_t inlineElementLimit = 1024;
  /// Limits on the tensors a model declares (initializers and constants,
  /// inline or external), checked before anything is read or allocated.
  uint64_t maxTensorBytes = uint64_t(2) << 30;
  uint64_t maxTotalTensorBytes = uint64_t(4) << 30;
};

/// Imports `buffer` (its identifier is the file name, used for locations,
/// external data and the text/binary choice). Diagnostics go to `context`'s
/// handler; returns null on failure.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxModel(const llvm::MemoryBuffer &buffer, mlir::MLIRContext *context,
                const OnnxImportOptions &options = {});

/// The ONNX op types (default domain) the importer handles, sorted.
std::vector<std::string> getSupportedOnnxOpTypes();

/// Registers `--import-onnx` with mlir-translate's registry.
void registerImportOnnxTranslation();

} // namespace nn

#endif // NN_TARGET_ONNX_IMPORTONNX_H
