//===- NpyIO.cpp - NumPy .npy files and value printing --------------------===//
//
// The .npy format (NumPy's numpy.lib.format) is read by nn/Support/Npy.h,
// shared with the C-simulation testbench; this file adds the file access
// (nn::readInputFile), the memory budget, writing, and printing.
//
//===----------------------------------------------------------------------===//

#include "nn/Interpreter/TensorIO.h"

#include "nn/Support/InputFile.h"
#include "nn/Support/Npy.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <charconv>
#include <limits>
#include <map>

using namespace nn;
using namespace nn::interp;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

static constexpr llvm::StringLiteral kMagic("\x93NUMPY");

llvm::Expected<RealArray> nn::interp::parseNpy(llvm::StringRef bytes) {
  // The rules live in nn/Support/Npy.h, shared with the C-simulation
  // testbench. Values are held as doubles: 8 bytes each of the budget.
  npy::Array parsed;
  std::string message = npy::parse(bytes.data(), bytes.size(), parsed,
                                   limits().maxTensorBytes / 8);
  if (!message.empty())
    return makeError(message);
  RealArray array;
  array.shape = std::move(parsed.shape);
  array.values = std::move(parsed.values);
  array.elementType = parsed.elementType;
  return array;
}

/// The bytes of a tensor file named by the user: a regular file (never a
/// FIFO or device) no larger than the memory budget, which also bounds the
/// values read from it (limits().maxTensorBytes).
static llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readTensorBytes(llvm::StringRef path) {
  return readInputFile(path, limits().maxTensorBytes);
}

llvm::Expected<RealArray> nn::interp::readNpy(llvm::StringRef path) {
  auto buffer = readTensorBytes(path);
  if (!buffer)
    return buffer.takeError();
  return parseNpy((*buffer)->getBuffer());
}

llvm::Expected<RealArray> nn::interp::readOnnxTensor(llvm::StringRef path) {
  auto buffer = readTensorBytes(path);
  if (!buffer)
    return buffer.takeError();
  return parseOnnxTensor((*buffer)->getBuffer());
}

llvm::Expected<RealArray> nn::interp::readTensorFile(llvm::StringRef path) {
  auto buffer = readTensorBytes(path);
  if (!buffer)
    return buffer.takeError();
  llvm::StringRef bytes = (*buffer)->getBuffer();
  if (bytes.starts_with(kMagic) || llvm::sys::path::extension(path) == ".npy")
    return parseNpy(bytes);
  if (llvm::sys::path::extension(path) == ".pb")
    return parseOnnxTensor(bytes);
  return makeError("unknown tensor file format: expected a .npy file or an "
                   "ONNX TensorProto named *.pb");
}

static std::string shapeTuple(const std::vector<int64_t> &shape) {
  std::string text = "(";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  if (shape.size() == 1)
    text += ",";
  return text + ")";
}

std::string nn::interp::npyBytes(const Tensor &tensor) {
  bool asDouble = tensor.isFixed();
  std::string dict = std::string("{'descr': '") + (asDouble ? "<f8" : "<f4") +
                     "', 'fortran_order': False, 'shape': " +
                     shapeTuple(tensor.shape()) + ", }";
  // Pad with blanks so that the data starts at a multiple of 64 bytes; the
  // header ends with '\n'.
  size_t prefix = 10;
  size_t total = prefix + dict.size() + 1;
  bool version2 = false;
  size_t padded = (total + 63) / 64 * 64;
  if (padded - prefix > 0xffff) {
    version2 = true;
    prefix = 12;
    total = prefix + dict.size() + 1;
    padded = (total + 63) / 64 * 64;
  }
  dict.append(padded - total, ' ');
  dict += '\n';

  std::string bytes(kMagic);
  bytes += char(version2 ? 2 : 1);
  bytes += char(0);
  // The header length, little endian: 2 bytes (version 1) or 4.
  for (int b = 0, e = version2 ? 4 : 2; b < e; ++b)
    bytes += char((dict.size() >> (8 * b)) & 0xff);
  bytes += dict;

  int64_t count = tensor.numElements();
  size_t itemSize = asDouble ? 8 : 4;
  size_t start = bytes.size();
  bytes.resize(start + count * itemSize);
  char *data = bytes.data() + start;
  for (int64_t i = 0; i < count; ++i) {
    if (asDouble) {
      double value = tensor.valueAt(i);
      uint64_t bits;
      std::memcpy(&bits, &value, 8);
      llvm::support::endian::write64le(data + 8 * i, bits);
    } else {
      uint32_t bits;
      std::memcpy(&bits, &tensor.f32()[i], 4);
      llvm::support::endian::write32le(data + 4 * i, bits);
    }
  }
  return bytes;
}

llvm::Error nn::interp::writeNpy(llvm::StringRef path, const Tensor &tensor) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return makeError("cannot write the file: " + ec.message());
  os << npyBytes(tensor);
  os.close();
  if (os.has_error()) {
    std::string message = os.error().message();
    os.clear_error();
    return makeError("cannot write the file: " + message);
  }
  return llvm::Error::success();
}

// The shortest text that reads back to the same value.
template <typename T> static void printNumber(llvm::raw_ostream &os, T value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  os << llvm::StringRef(buffer, result.ptr - buffer);
}

static void printLevel(llvm::raw_ostream &os, const Tensor &tensor,
                       const std::vector<int64_t> &strides, size_t dim,
                       int64_t offset) {
  const std::vector<int64_t> &shape = tensor.shape();
  os << '[';
  for (int64_t i = 0; i < shape[dim]; ++i) {
    int64_t index = offset + i * strides[dim];
    if (dim + 1 == shape.size()) {
      if (i)
        os << ", ";
      if (tensor.isFixed())
        printNumber(os, tensor.valueAt(index));
      else
        printNumber(os, tensor.f32()[index]);
      continue;
    }
    if (i) {
      os << ',';
      // A blank line between blocks of rank >= 3, as NumPy prints.
      for (size_t d = dim + 1; d + 1 < shape.size(); ++d)
        os << '\n';
      os << '\n';
      os.indent(dim + 1);
    }
    printLevel(os, tensor, strides, dim + 1, index);
  }
  os << ']';
}

void nn::interp::printValues(llvm::raw_ostream &os, const Tensor &tensor) {
  if (tensor.rank() == 0) {
    if (tensor.isFixed())
      printNumber(os, tensor.valueAt(0));
    else
      printNumber(os, tensor.f32()[0]);
  } else {
    printLevel(os, tensor, stridesOf(tensor.shape()), 0, 0);
  }
  os << '\n';
}
