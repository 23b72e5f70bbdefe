//===- Npy.h - the one reader of NumPy .npy files ---------------*- C++ -*-===//
//
// Parses the bytes of a .npy file: the magic "\x93NUMPY", a major and minor
// version byte, the header length (2 bytes little endian in version 1.0, 4
// in 2.0 and 3.0), an ASCII/UTF-8 Python dict literal
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with blanks and ended by '\n', then the elements.
//
// Used by nn-interp (lib/Interpreter/NpyIO.cpp) and by the testbench of
// every emitted HLS project (runtime/include/nn_csim/npy.h), so both parse
// the same way (their size limits differ: nn-interp's memory budget, 8 GiB
// by default, and the testbench's 4 GiB). Hence C++14, header-only, and no
// dependency beyond the standard library (it is shipped in the C-simulation
// runtime like FixedPoint.h).
//
// What is checked before anything is allocated: magic, version (1.0, 2.0,
// 3.0), the header length against the file size, the dict (exactly the keys
// descr, fortran_order, shape), the dtype (float32, float64 or a signed or
// unsigned integer of 1 to 8 bytes, little '<' or big '>' endian, converted;
// anything else refused by name), fortran_order (refused), the shape (non-negative, the element count without overflow,
// at most `maxElements`), and the payload size, which must be exactly the
// element count times the item size.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_NPY_H
#define NN_SUPPORT_NPY_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace nn {
namespace npy {

/// The contents of a .npy file, as real values (float32 values are held
/// exactly as doubles).
struct Array {
  std::vector<int64_t> shape;
  std::vector<double> values;
  /// "float32", "float64" or an integer type ("int64", "uint8"...): the
  /// element type of the file.
  const char *elementType = "float32";
};

namespace detail {

/// A value of the header dict: a string, a boolean or a tuple of integers.
struct HeaderValue {
  enum Kind { String, Bool, Tuple } kind = String;
  std::string string;
  bool boolean = false;
  std::vector<int64_t> tuple;
};

/// Parses the subset of Python literals NumPy writes in a .npy header.
/// Not recursive: tuples hold integers only.
class HeaderParser {
public:
  HeaderParser(const char *text, size_t size) : text(text), size(size) {}

  /// The error message, or empty on success.
  std::string parseDict(std::vector<std::pair<std::string, HeaderValue>> &dict) {
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
      std::string message = parseValue(value);
      if (!message.empty())
        return message;
      for (const auto &entry : dict)
        if (entry.first == key)
          return error("duplicate key '" + key + "'");
      dict.emplace_back(key, std::move(value));
      if (consume(','))
        continue;
      if (consume('}'))
        break;
      return error("expected ',' or '}'");
    }
    skipBlanks();
    if (pos != size)
      return error("unexpected text after the dict");
    return std::string();
  }

private:
  void skipBlanks() {
    while (pos < size && (text[pos] == ' ' || text[pos] == '\t' ||
                          text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }
  bool consume(char c) {
    skipBlanks();
    if (pos < size && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  bool consumeWord(const char *word) {
    skipBlanks();
    size_t n = std::strlen(word);
    if (size - pos < n || std::memcmp(text + pos, word, n) != 0)
      return false;
    pos += n;
    return true;
  }
  std::string error(const std::string &what) const {
    return "malformed .npy header (" + what + " at offset " +
           std::to_string(pos) + ")";
  }
  bool parseString(std::string &out) {
    skipBlanks();
    if (pos >= size || (text[pos] != '\'' && text[pos] != '"'))
      return false;
    char quote = text[pos++];
    const void *end = std::memchr(text + pos, quote, size - pos);
    if (!end)
      return false;
    size_t stop = size_t(static_cast<const char *>(end) - text);
    out.assign(text + pos, stop - pos);
    pos = stop + 1;
    return true;
  }
  /// A non-negative decimal integer that fits in int64_t.
  bool parseInteger(int64_t &out) {
    skipBlanks();
    size_t start = pos;
    uint64_t value = 0;
    while (pos < size && text[pos] >= '0' && text[pos] <= '9') {
      value = value * 10 + uint64_t(text[pos] - '0');
      if (value > uint64_t(INT64_MAX))
        return false;
      ++pos;
    }
    if (start == pos)
      return false;
    if (pos < size && text[pos] == 'L') // Python 2 long literals
      ++pos;
    out = int64_t(value);
    return true;
  }
  std::string parseValue(HeaderValue &value) {
    skipBlanks();
    if (pos < size && (text[pos] == '\'' || text[pos] == '"')) {
      value.kind = HeaderValue::String;
      if (!parseString(value.string))
        return error("unterminated string");
      return std::string();
    }
    if (consumeWord("True") || consumeWord("False")) {
      value.kind = HeaderValue::Bool;
      value.boolean = text[pos - 1] == 'e' && text[pos - 2] == 'u';
      return std::string();
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
      return std::string();
    }
    return error("expected a string, True, False or a tuple");
  }

  const char *text;
  size_t size;
  size_t pos = 0;
};

inline uint64_t readLittle(const unsigned char *p, int bytes) {
  uint64_t v = 0;
  for (int b = bytes - 1; b >= 0; --b)
    v = (v << 8) | p[b];
  return v;
}

inline uint64_t readBig(const unsigned char *p, int bytes) {
  uint64_t v = 0;
  for (int b = 0; b < bytes; ++b)
    v = (v << 8) | p[b];
  return v;
}

} // namespace detail

/// Parses the `size` bytes at `data` into `array`. Returns the error message
/// (which does not name the file), or an empty string on success. At most
/// `maxElements` elements are accepted (the caller's memory budget).
inline std::string parse(const char *data, size_t size, Array &array,
                         uint64_t maxElements) {
  const unsigned char *bytes = reinterpret_cast<const unsigned char *>(data);
  // Keeps count * 8 below 2^64 whatever the caller passes.
  if (maxElements > (UINT64_MAX >> 3))
    maxElements = UINT64_MAX >> 3;
  static const char kMagic[] = "\x93NUMPY";
  if (size < 6 || std::memcmp(data, kMagic, 6) != 0)
    return "not a .npy file (no \\x93NUMPY magic string)";
  if (size < 10)
    return "truncated .npy header";
  unsigned major = bytes[6], minor = bytes[7];
  size_t headerStart;
  uint64_t headerLength;
  if (major == 1 && minor == 0) {
    headerStart = 10;
    headerLength = detail::readLittle(bytes + 8, 2);
  } else if ((major == 2 || major == 3) && minor == 0) {
    if (size < 12)
      return "truncated .npy header";
    headerStart = 12;
    headerLength = detail::readLittle(bytes + 8, 4);
  } else {
    return ".npy format version " + std::to_string(major) + "." +
           std::to_string(minor) + " is not supported (1.0, 2.0 and 3.0 are)";
  }
  if (headerLength > size - headerStart)
    return "truncated .npy header: it declares " +
           std::to_string(headerLength) + " bytes, the file holds " +
           std::to_string(size - headerStart) + " after the prefix";

  std::vector<std::pair<std::string, detail::HeaderValue>> dict;
  std::string message =
      detail::HeaderParser(data + headerStart, size_t(headerLength))
          .parseDict(dict);
  if (!message.empty())
    return message;
  const detail::HeaderValue *descr = nullptr, *fortran = nullptr,
                            *shape = nullptr;
  for (const auto &entry : dict) {
    if (entry.first == "descr")
      descr = &entry.second;
    else if (entry.first == "fortran_order")
      fortran = &entry.second;
    else if (entry.first == "shape")
      shape = &entry.second;
    else // NumPy writes exactly these three keys and refuses others
      return "malformed .npy header (unknown key '" + entry.first + "')";
  }
  if (!descr)
    return "malformed .npy header (no 'descr' entry)";
  if (!fortran)
    return "malformed .npy header (no 'fortran_order' entry)";
  if (!shape)
    return "malformed .npy header (no 'shape' entry)";
  if (descr->kind != detail::HeaderValue::String ||
      fortran->kind != detail::HeaderValue::Bool ||
      shape->kind != detail::HeaderValue::Tuple)
    return "malformed .npy header (descr must be a string, fortran_order a "
           "boolean, shape a tuple)";

  // float32 and float64 in either byte order ('<' little, '>' big,
  // converted). '|' (no byte order) only describes 1-byte types and '='
  // (native) is never written to files: both are refused by name.
  // Integer arrays (the indices of an embedding, as NumPy and PyTorch
  // write them: int64 by default) are read as their values; 1-byte types
  // carry '|'.
  const std::string &dtype = descr->string;
  int itemSize = 0;
  bool isInteger = false, isSignedInteger = false;
  if (dtype == "<f4" || dtype == ">f4") {
    itemSize = 4;
    array.elementType = "float32";
  } else if (dtype == "<f8" || dtype == ">f8") {
    itemSize = 8;
    array.elementType = "float64";
  } else if (dtype.size() == 3 && (dtype[1] == 'i' || dtype[1] == 'u') &&
             (dtype[2] == '1' ? dtype[0] == '|'
                              : (dtype[0] == '<' || dtype[0] == '>') &&
                                    (dtype[2] == '2' || dtype[2] == '4' ||
                                     dtype[2] == '8'))) {
    itemSize = dtype[2] - '0';
    isInteger = true;
    isSignedInteger = dtype[1] == 'i';
    static const char *const names[2][4] = {
        {"uint8", "uint16", "uint32", "uint64"},
        {"int8", "int16", "int32", "int64"}};
    array.elementType =
        names[isSignedInteger][itemSize == 1 ? 0 : itemSize == 2 ? 1
                                                : itemSize == 4 ? 2
                                                                : 3];
  } else {
    return "dtype '" + dtype +
           "' is not supported; nn-interp reads float32 ('<f4'), float64 "
           "('<f8') and integer ('|i1', '<i2', '<i4', '<i8', unsigned 'u') "
           "arrays";
  }
  bool bigEndian = dtype[0] == '>';
  if (fortran->boolean)
    return "the array is stored in Fortran order (fortran_order: True); only "
           "C order is supported (save np.ascontiguousarray(a) instead)";

  // The element count, checked against the budget (and so against
  // overflow) factor by factor; dimensions are non-negative (parsed from
  // digits only).
  uint64_t count = 1;
  bool zero = false;
  for (int64_t dim : shape->tuple)
    zero |= dim == 0;
  if (!zero)
    for (int64_t dim : shape->tuple) {
      if (uint64_t(dim) > maxElements / count)
        return "the .npy header's shape holds more elements than the limit "
               "of " +
               std::to_string(maxElements);
      count *= uint64_t(dim);
    }
  else
    count = 0;
  uint64_t available = size - headerStart - headerLength;
  // count <= maxElements < 2^61: count * 8 cannot overflow.
  uint64_t expected = count * uint64_t(itemSize);
  if (expected != available)
    return "the .npy header describes " + std::to_string(count) +
           " elements (" + std::to_string(expected) +
           " bytes) but the file holds " + std::to_string(available) +
           " bytes of data";
  array.shape = shape->tuple;
  array.values.resize(size_t(count));
  const unsigned char *payload = bytes + headerStart + headerLength;
  for (uint64_t i = 0; i < count; ++i) {
    const unsigned char *p = payload + i * uint64_t(itemSize);
    uint64_t bits = bigEndian ? detail::readBig(p, itemSize)
                              : detail::readLittle(p, itemSize);
    if (isInteger) {
      // Sign-extend from the item's width; an int64 beyond 2^53 becomes the
      // nearest double (an index that large is clamped anyway).
      int shift = 64 - 8 * itemSize;
      array.values[i] =
          isSignedInteger
              ? double(int64_t(bits << shift) >> shift)
              : double(bits);
    } else if (itemSize == 4) {
      uint32_t bits32 = uint32_t(bits);
      float value;
      std::memcpy(&value, &bits32, 4);
      array.values[i] = value;
    } else {
      double value;
      std::memcpy(&value, &bits, 8);
      array.values[i] = value;
    }
  }
  return std::string();
}

} // namespace npy
} // namespace nn

#endif // NN_SUPPORT_NPY_H
