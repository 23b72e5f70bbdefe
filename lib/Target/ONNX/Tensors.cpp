//===- Tensors.cpp - ONNX TensorProto contents ----------------------------===//
//
// Reads the bytes of ONNX tensors (inline raw_data, typed repeated fields or
// external data files) and turns float32 tensors into nn.constant values.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Support/CheckedArithmetic.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/ADT/ScopeExit.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

StringRef nn::onnx_import::dataTypeName(int32_t dataType) {
  if (onnx::TensorProto_DataType_IsValid(dataType))
    return onnx::TensorProto_DataType_Name(
        static_cast<onnx::TensorProto_DataType>(dataType));
  return "an unknown data type";
}

// Only called on tensors checkModel accepted: dims non-negative, product in
// range.
static int64_t elementCount(const onnx::TensorProto &tensor) {
  SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  return checkedProduct(dims).value_or(0);
}

// The bytes of an external-data tensor: the byte range of the file that
// resolveExternalData checked (inside the model's directory, a regular
// file, the range inside it). The file is opened without blocking and
// checked again on the descriptor, so that a path swapped for a FIFO after
// the check cannot hang the import, and read (not mapped), so that a file
// truncated meanwhile is a short read, not SIGBUS.
static FailureOr<std::string>
readExternalData(const onnx::TensorProto &tensor, StringRef modelDir,
                 function_ref<InFlightDiagnostic()> emitError) {
  FailureOr<ExternalData> data =
      resolveExternalData(tensor, modelDir, emitError);
  if (failed(data))
    return failure();
  auto fail = [&](StringRef what) -> FailureOr<std::string> {
    emitError() << "cannot read external data file '" << data->path
                << "': " << what;
    return failure();
  };
  int fd = ::open(data->path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return fail(std::strerror(errno));
  llvm::scope_exit closeFile([&] { ::close(fd); });
  struct stat status;
  if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode))
    return fail("it is not a regular file");
  std::string bytes(*data->length, '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::pread(fd, bytes.data() + done, bytes.size() - done,
                        off_t(data->offset + done));
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return fail(std::strerror(errno));
    if (n == 0)
      return fail("it is shorter than offset + length");
    done += size_t(n);
  }
  return bytes;
}

namespace {
/// A tensor's little-endian element bytes, wherever the proto keeps them.
struct TensorBytes {
  ArrayRef<char> bytes;
  std::string storage; // Holds external data when it was read from a file.
};
} // namespace

static FailureOr<TensorBytes>
getTensorBytes(const onnx::TensorProto &tensor, size_t elementSize,
               StringRef modelDir,
               function_ref<InFlightDiagnostic()> emitError) {
  TensorBytes result;
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    FailureOr<std::string> data = readExternalData(tensor, modelDir, emitError);
    if (failed(data))
      return failure();
    result.storage = std::move(*data);
    result.bytes = ArrayRef<char>(result.storage.data(), result.storage.size());
  } else if (!tensor.raw_data().empty()) {
    result.bytes = ArrayRef<char>(tensor.raw_data().data(),
                                  tensor.raw_data().size());
  } else if (tensor.data_type() == onnx::TensorProto::FLOAT) {
    result.bytes = ArrayRef<char>(
        reinterpret_cast<const char *>(tensor.float_data().data()),
        tensor.float_data().size() * sizeof(float));
  } else {
    emitError() << "tensor of " << dataTypeName(tensor.data_type())
                << " has no raw data";
    return failure();
  }
  size_t expected = size_t(elementCount(tensor)) * elementSize;
  if (result.bytes.size() != expected) {
    emitError() << "holds " << result.bytes.size() << " bytes, but "
                << elementCount(tensor) << " elements of "
                << dataTypeName(tensor.data_type()) << " need " << expected;
    return failure();
  }
  return result;
}

// Resource keys print bare in the IR: keep identifier characters only.
static std::string resourceKey(StringRef tensorName) {
  std::string key;
  for (char c : tensorName)
    key += (llvm::isAlnum(c) || c == '_' || c == '.') ? c : '_';
  return key.empty() ? std::string("tensor") : key;
}

ElementsAttr nn::onnx_import::makeFloatElementsAttr(RankedTensorType type,
                                                   StringRef name,
                                                   ArrayRef<char> bytes,
                                                   int64_t inlineLimit) {
  if (type.getNumElements() <= inlineLimit)
    return DenseElementsAttr::getFromRawBuffer(type, bytes);
  // One copy of the block into a blob the context owns; MLIR never expands
  // it element by element, and it prints as one hex string.
  return DenseResourceElementsAttr::get(
      type, resourceKey(name),
      HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, alignof(float)));
}

FailureOr<ElementsAttr> nn::onnx_import::convertTensor(
    const onnx::TensorProto &tensor, RankedTensorType type,
    int64_t inlineLimit, StringRef modelDir,
    function_ref<InFlightDiagnostic()> emitError) {
  FailureOr<TensorBytes> data =
      getTensorBytes(tensor, sizeof(float), modelDir, emitError);
  if (failed(data))
    return failure();
  return makeFloatElementsAttr(type, tensor.name(), data->bytes, inlineLimit);
}

// Appends the raw little-endian elements of type T of `tensor` to `values`.
template <typename T>
static LogicalResult
appendRawElements(const onnx::TensorProto &tensor, StringRef modelDir,
                  function_ref<InFlightDiagnostic()> emitError,
                  SmallVector<int64_t> &values) {
  FailureOr<TensorBytes> data =
      getTensorBytes(tensor, sizeof(T), modelDir, emitError);
  if (failed(data))
    return failure();
  std::vector<T> elements(data->bytes.size() / sizeof(T));
  std::memcpy(elements.data(), data->bytes.data(), data->bytes.size());
  values.append(elements.begin(), elements.end());
  return success();
}

FailureOr<SmallVector<int64_t>>
nn::onnx_import::readTensorInts(const onnx::TensorProto &tensor,
                                StringRef modelDir,
                                function_ref<InFlightDiagnostic()> emitError) {
  SmallVector<int64_t> values;
  int64_t count = elementCount(tensor);
  bool isRaw = !tensor.raw_data().empty() ||
               tensor.data_location() == onnx::TensorProto::EXTERNAL;
  LogicalResult read = success();
  switch (tensor.data_type()) {
  case onnx::TensorProto::INT64:
    if (isRaw)
      read = appendRawElements<int64_t>(tensor, modelDir, emitError, values);
    else
      values.assign(tensor.int64_data().begin(), tensor.int64_data().end());
    break;
  case onnx::TensorProto::INT32:
    if (isRaw)
      read = appendRawElements<int32_t>(tensor, modelDir, emitError, values);
    else
      values.assign(tensor.int32_data().begin(), tensor.int32_data().end());
    break;
  case onnx::TensorProto::INT8:
    if (isRaw)
      read = appendRawElements<int8_t>(tensor, modelDir, emitError, values);
    else
      values.assign(tensor.int32_data().begin(), tensor.int32_data().end());
    break;
  case onnx::TensorProto::UINT8:
    if (isRaw)
      read = appendRawElements<uint8_t>(tensor, modelDir, emitError, values);
    else
      values.assign(tensor.int32_data().begin(), tensor.int32_data().end());
    break;
  case onnx::TensorProto::BOOL:
    // Booleans are one byte each in raw data, int32 values otherwise.
    if (isRaw)
      read = appendRawElements<uint8_t>(tensor, modelDir, emitError, values);
    else
      values.assign(tensor.int32_data().begin(), tensor.int32_data().end());
    for (int64_t &value : values)
      value = value != 0;
    break;
  default:
    emitError() << "expected an INT64, INT32, INT8, UINT8 or BOOL tensor, got "
                << dataTypeName(tensor.data_type());
    return failure();
  }
  if (failed(read))
    return failure();
  if (int64_t(values.size()) != count) {
    emitError() << "holds " << values.size() << " values for " << count
                << " elements";
    return failure();
  }
  return values;
}

FailureOr<std::vector<float>>
nn::onnx_import::readTensorFloats(const onnx::TensorProto &tensor,
                                  StringRef modelDir,
                                  function_ref<InFlightDiagnostic()> emitError) {
  int64_t count = elementCount(tensor);
  std::vector<float> values;
  switch (tensor.data_type()) {
  case onnx::TensorProto::FLOAT: {
    FailureOr<TensorBytes> data =
        getTensorBytes(tensor, sizeof(float), modelDir, emitError);
    if (failed(data))
      return failure();
    values.resize(count);
    std::memcpy(values.data(), data->bytes.data(), data->bytes.size());
    return values;
  }
  case onnx::TensorProto::DOUBLE: {
    std::vector<double> wide;
    if (!tensor.raw_data().empty() ||
        tensor.data_location() == onnx::TensorProto::EXTERNAL) {
      FailureOr<TensorBytes> data =
          getTensorBytes(tensor, sizeof(double), modelDir, emitError);
      if (failed(data))
        return failure();
      wide.resize(count);
      std::memcpy(wide.data(), data->bytes.data(), data->bytes.size());
    } else {
      wide.assign(tensor.double_data().begin(), tensor.double_data().end());
    }
    if (int64_t(wide.size()) != count) {
      emitError() << "holds " << wide.size() << " values for " << count
                  << " elements";
      return failure();
    }
    values.assign(wide.begin(), wide.end());
    return values;
  }
  default:
    emitError() << "expected a FLOAT or DOUBLE tensor, got "
                << dataTypeName(tensor.data_type());
    return failure();
  }
}
