//===- NpyIO.cpp - NumPy .npy files and value printing --------------------===//
//
// The .npy format (NumPy's numpy.lib.format): the magic "\x93NUMPY", a major
// and minor version byte, the header length (2 bytes little endian in
// version 1, 4 bytes in versions 2 and 3), then an ASCII/UTF-8 Python dict
// literal {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with blanks and ended by '\n', then the elements.
//
//===----------------------------------------------------------------------===//

#include "nn/Interpreter/TensorIO.h"

#include "nn/Support/InputFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MathExtras.h"
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

namespace {

/// A value of the header dict: a string, a boolean or a tuple of integers.
struct HeaderValue {
  enum Kind { String, Bool, Tuple } kind = String;
  std::string string;
  bool boolean = false;
  std::vector<int64_t> tuple;
};

/// Parses the subset of Python literals NumPy writes in a .npy header.
class HeaderParser {
public:
  explicit HeaderParser(llvm::StringRef text) : text(text) {}

  llvm::Expected<std::map<std::string, HeaderValue>> parseDict() {
    std::map<std::string, HeaderValue> dict;
    if (!consume('{'))
      return error("expected '{'");
    while (true) {
      if (consume('}'))
        break;
      std::string key;
      if (!parseString(key))
        return error("expected a quoted key");
      if (!consume(':'))
        return error("expected ':' after '" + key + "'");
      HeaderValue value;
      if (llvm::Error err = parseValue(value))
        return std::move(err);
      dict[key] = std::move(value);
      if (consume(','))
        continue;
      if (consume('}'))
        break;
      return error("expected ',' or '}'");
    }
    skipBlanks();
    if (pos != text.size())
      return error("unexpected text after the dict");
    return dict;
  }

private:
  void skipBlanks() {
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' ||
            text[pos] == '\r'))
      ++pos;
  }
  bool consume(char c) {
    skipBlanks();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  bool consumeWord(llvm::StringRef word) {
    skipBlanks();
    if (!text.substr(pos).starts_with(word))
      return false;
    pos += word.size();
    return true;
  }
  llvm::Error error(const llvm::Twine &what) {
    return makeError("malformed .npy header (" + what + " at offset " +
                     llvm::Twine(pos) + ")");
  }
  bool parseString(std::string &out) {
    skipBlanks();
    if (pos >= text.size() || (text[pos] != '\'' && text[pos] != '"'))
      return false;
    char quote = text[pos++];
    size_t end = text.find(quote, pos);
    if (end == llvm::StringRef::npos)
      return false;
    out = text.slice(pos, end).str();
    pos = end + 1;
    return true;
  }
  bool parseInteger(int64_t &out) {
    skipBlanks();
    size_t start = pos;
    while (pos < text.size() && llvm::isDigit(text[pos]))
      ++pos;
    if (start == pos ||
        text.slice(start, pos).getAsInteger(10, out)) // false on success
      return false;
    if (pos < text.size() && text[pos] == 'L') // Python 2 long literals
      ++pos;
    return true;
  }
  llvm::Error parseValue(HeaderValue &value) {
    skipBlanks();
    if (pos < text.size() && (text[pos] == '\'' || text[pos] == '"')) {
      value.kind = HeaderValue::String;
      if (!parseString(value.string))
        return error("unterminated string");
      return llvm::Error::success();
    }
    if (consumeWord("True") || consumeWord("False")) {
      value.kind = HeaderValue::Bool;
      value.boolean = text.substr(0, pos).ends_with("True");
      return llvm::Error::success();
    }
    if (consume('(')) {
      value.kind = HeaderValue::Tuple;
      while (!consume(')')) {
        int64_t dim;
        if (!parseInteger(dim))
          return error("expected a non-negative integer in the shape");
        value.tuple.push_back(dim);
        if (consume(','))
          continue;
        if (consume(')'))
          break;
        return error("expected ',' or ')' in the shape");
      }
      return llvm::Error::success();
    }
    return error("expected a string, True, False or a tuple");
  }

  llvm::StringRef text;
  size_t pos = 0;
};

} // namespace

llvm::Expected<RealArray> nn::interp::parseNpy(llvm::StringRef bytes) {
  if (!bytes.starts_with(kMagic))
    return makeError("not a .npy file (no \\x93NUMPY magic string)");
  if (bytes.size() < 10)
    return makeError("truncated .npy header");
  unsigned major = static_cast<unsigned char>(bytes[6]);
  unsigned minor = static_cast<unsigned char>(bytes[7]);
  size_t headerStart, headerLength;
  if (major == 1) {
    headerStart = 10;
    headerLength = llvm::support::endian::read16le(bytes.data() + 8);
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return makeError("truncated .npy header");
    headerStart = 12;
    headerLength = llvm::support::endian::read32le(bytes.data() + 8);
  } else {
    return makeError(".npy format version " + llvm::Twine(major) + "." +
                     llvm::Twine(minor) +
                     " is not supported (versions 1.0 to 3.0 are)");
  }
  if (minor != 0)
    return makeError(".npy format version " + llvm::Twine(major) + "." +
                     llvm::Twine(minor) +
                     " is not supported (versions 1.0 to 3.0 are)");
  if (headerLength > bytes.size() - headerStart)
    return makeError("truncated .npy header: it declares " +
                     llvm::Twine(headerLength) + " bytes, the file holds " +
                     llvm::Twine(bytes.size() - headerStart) +
                     " after the prefix");
  HeaderParser parser(bytes.substr(headerStart, headerLength));
  auto dict = parser.parseDict();
  if (!dict)
    return dict.takeError();
  for (const char *key : {"descr", "fortran_order", "shape"})
    if (!dict->count(key))
      return makeError(llvm::Twine("malformed .npy header (no '") + key +
                       "' entry)");
  // NumPy writes exactly these three keys and refuses others on reading.
  for (const auto &entry : *dict)
    if (entry.first != "descr" && entry.first != "fortran_order" &&
        entry.first != "shape")
      return makeError("malformed .npy header (unknown key '" + entry.first +
                       "')");
  const HeaderValue &descr = dict->at("descr");
  const HeaderValue &fortran = dict->at("fortran_order");
  const HeaderValue &shape = dict->at("shape");
  if (descr.kind != HeaderValue::String || fortran.kind != HeaderValue::Bool ||
      shape.kind != HeaderValue::Tuple)
    return makeError("malformed .npy header (descr must be a string, "
                     "fortran_order a boolean, shape a tuple)");

  // The dtypes read: float32 and float64 in either byte order ('<' little,
  // '>' big, converted). '|' (no byte order) only describes 1-byte types
  // and '=' (native) is never written to files: both are refused by name.
  RealArray array;
  size_t itemSize;
  llvm::StringRef dtype = descr.string;
  if (dtype == "<f4" || dtype == ">f4") {
    itemSize = 4;
    array.elementType = "float32";
  } else if (dtype == "<f8" || dtype == ">f8") {
    itemSize = 8;
    array.elementType = "float64";
  } else {
    return makeError("dtype '" + dtype +
                     "' is not supported; nn-interp reads float32 ('<f4') "
                     "and float64 ('<f8') arrays");
  }
  llvm::endianness endian =
      dtype[0] == '<' ? llvm::endianness::little : llvm::endianness::big;
  if (fortran.boolean)
    return makeError("the array is stored in Fortran order "
                     "(fortran_order: True); only C order is supported "
                     "(save np.ascontiguousarray(a) instead)");

  size_t dataStart = headerStart + headerLength;
  uint64_t available = bytes.size() - dataStart;
  // Dimensions are non-negative (the header parser reads digits only).
  std::optional<int64_t> count = elementCount(shape.tuple);
  uint64_t expected;
  if (!count || llvm::MulOverflow(uint64_t(*count), uint64_t(itemSize),
                                  expected))
    return makeError("the shape in the .npy header has more elements than "
                     "fit in 64 bits");
  array.shape = shape.tuple;
  if (expected != available)
    return makeError("the .npy header describes " + llvm::Twine(*count) +
                     " elements (" + llvm::Twine(expected) +
                     " bytes) but the file holds " + llvm::Twine(available) +
                     " bytes of data");
  // Values are held as doubles: 8 bytes each.
  if (std::optional<std::string> over = checkBudget(*count, 8))
    return makeError("the array of " + llvm::Twine(*count) + " elements " +
                     *over);
  array.values.resize(*count);
  const char *data = bytes.data() + dataStart;
  for (int64_t i = 0; i < *count; ++i) {
    if (itemSize == 4) {
      uint32_t bits = llvm::support::endian::read<uint32_t>(data + 4 * i, endian);
      float value;
      std::memcpy(&value, &bits, 4);
      array.values[i] = value;
    } else {
      uint64_t bits = llvm::support::endian::read<uint64_t>(data + 8 * i, endian);
      double value;
      std::memcpy(&value, &bits, 8);
      array.values[i] = value;
    }
  }
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
