//===- OnnxTensorIO.cpp - ONNX TensorProto files --------------------------===//
//
// Reads the serialized onnx.TensorProto files of the ONNX backend test data
// (input_K.pb, output_K.pb): FLOAT, DOUBLE, INT32 or INT64 elements (integers:
// an embedding's indices), stored little endian
// in raw_data or in the typed repeated fields.
//
//===----------------------------------------------------------------------===//

#include "nn/Interpreter/TensorIO.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/MemoryBuffer.h"

#include "onnx/onnx_pb.h"

#include <cstring>
#include <limits>

using namespace nn;
using namespace nn::interp;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Expected<RealArray> nn::interp::parseOnnxTensor(llvm::StringRef bytes) {
  onnx::TensorProto proto;
  if (bytes.size() > size_t(std::numeric_limits<int>::max()) ||
      !proto.ParseFromArray(bytes.data(), int(bytes.size())))
    return makeError("not a valid ONNX TensorProto (the protobuf does not "
                     "parse)");
  if (proto.data_location() == onnx::TensorProto::EXTERNAL)
    return makeError("the TensorProto keeps its data in an external file, "
                     "which is not supported");
  if (proto.has_segment())
    return makeError("segmented TensorProtos are not supported");

  RealArray array;
  for (int64_t dim : proto.dims()) {
    if (dim < 0)
      return makeError("the TensorProto has a negative dimension " +
                       llvm::Twine(dim));
    array.shape.push_back(dim);
  }
  std::optional<int64_t> elements = elementCount(array.shape);
  if (!elements)
    return makeError("the TensorProto's shape has more elements than fit in "
                     "64 bits");
  // Values are held as doubles, 8 bytes each, whatever the file's type.
  if (std::optional<std::string> over = checkBudget(*elements, 8))
    return makeError("the TensorProto of " + llvm::Twine(*elements) +
                     " elements " + *over);
  uint64_t count = uint64_t(*elements);

  size_t itemSize;
  switch (proto.data_type()) {
  case onnx::TensorProto::FLOAT:
    itemSize = 4;
    array.elementType = "float32";
    break;
  case onnx::TensorProto::DOUBLE:
    itemSize = 8;
    array.elementType = "float64";
    break;
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::INT64: {
    // Integer tensors (an embedding's indices): read as their values.
    bool is64 = proto.data_type() == onnx::TensorProto::INT64;
    array.elementType = is64 ? "int64" : "int32";
    if (proto.has_raw_data()) {
      const std::string &raw = proto.raw_data();
      size_t size = is64 ? 8 : 4;
      if (raw.size() != count * size)
        return makeError("the TensorProto's shape has " + llvm::Twine(count) +
                         " elements (" + llvm::Twine(count * size) +
                         " bytes) but raw_data holds " +
                         llvm::Twine(raw.size()) + " bytes");
      for (uint64_t i = 0; i < count; ++i)
        array.values.push_back(
            is64 ? double(int64_t(llvm::support::endian::read64le(
                       raw.data() + 8 * i)))
                 : double(int32_t(llvm::support::endian::read32le(
                       raw.data() + 4 * i))));
      return array;
    }
    uint64_t stored = is64 ? uint64_t(proto.int64_data_size())
                           : uint64_t(proto.int32_data_size());
    if (stored != count)
      return makeError("the TensorProto's shape has " + llvm::Twine(count) +
                       " elements but " +
                       (is64 ? "int64_data" : "int32_data") + " holds " +
                       llvm::Twine(stored));
    if (is64)
      array.values.assign(proto.int64_data().begin(), proto.int64_data().end());
    else
      array.values.assign(proto.int32_data().begin(), proto.int32_data().end());
    return array;
  }
  default:
    return makeError(
        "element type " +
        (onnx::TensorProto_DataType_IsValid(proto.data_type())
             ? onnx::TensorProto_DataType_Name(proto.data_type())
             : std::to_string(proto.data_type())) +
        " is not supported; nn-interp reads FLOAT, DOUBLE, INT32 and INT64 "
        "tensors");
  }

  if (proto.has_raw_data()) {
    const std::string &raw = proto.raw_data();
    if (raw.size() != count * itemSize)
      return makeError("the TensorProto's shape has " + llvm::Twine(count) +
                       " elements (" + llvm::Twine(count * itemSize) +
                       " bytes) but raw_data holds " +
                       llvm::Twine(raw.size()) + " bytes");
    array.values.resize(count);
    for (uint64_t i = 0; i < count; ++i) {
      if (itemSize == 4) {
        uint32_t bits = llvm::support::endian::read32le(raw.data() + 4 * i);
        float value;
        std::memcpy(&value, &bits, 4);
        array.values[i] = value;
      } else {
        uint64_t bits = llvm::support::endian::read64le(raw.data() + 8 * i);
        double value;
        std::memcpy(&value, &bits, 8);
        array.values[i] = value;
      }
    }
    return array;
  }

  uint64_t stored = itemSize == 4 ? uint64_t(proto.float_data_size())
                                  : uint64_t(proto.double_data_size());
  if (stored != count)
    return makeError("the TensorProto's shape has " + llvm::Twine(count) +
                     " elements but " +
                     (itemSize == 4 ? "float_data" : "double_data") +
                     " holds " + llvm::Twine(stored));
  if (itemSize == 4)
    array.values.assign(proto.float_data().begin(), proto.float_data().end());
  else
    array.values.assign(proto.double_data().begin(),
                        proto.double_data().end());
  return array;
}
