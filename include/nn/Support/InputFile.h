//===- InputFile.h - opening the files a user hands to nn -------*- C++ -*-===//
//
// Every file nn reads because a user named it (nn-interp's model and
// --input files, nn-quantize's config= and calibrate= files, TensorProto
// .pb inputs) is opened here, so that one set of rules holds for all of
// them (docs/Security.md):
//
//   - only regular files are read: a FIFO, a device, a socket or a
//     directory is refused, and a FIFO is never waited on (the file is
//     opened non-blocking and checked with fstat before anything is read);
//   - a file larger than the caller's limit is refused before it is read.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_INPUTFILE_H
#define NN_SUPPORT_INPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <memory>

namespace nn {

/// The size limit of a model file (bytes). Tensor files are bounded by
/// the interpreter's memory budget (nn/Interpreter/Tensor.h), configurations
/// by hls::kMaxConfigBytes (nn/Support/HlsConfig.h).
inline constexpr uint64_t kMaxInputFileBytes = uint64_t(8) << 30; // 8 GiB

/// Reads the whole of `path`, a regular file of at most `maxBytes` bytes.
/// The buffer is null-terminated when `nullTerminate` is set (for parsers
/// that need it). The message does not repeat the path: callers name the
/// file as the user knows it ("input 0 (x.npy): ..."), e.g.
///   "is a FIFO, not a regular file"
///   "has 20000000 bytes, more than the limit of 16777216 bytes"
///   "cannot be read: No such file or directory"
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(llvm::StringRef path, uint64_t maxBytes,
              bool nullTerminate = false);

} // namespace nn

#endif // NN_SUPPORT_INPUTFILE_H
