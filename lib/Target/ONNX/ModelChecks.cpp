//===- ModelChecks.cpp - what must hold before libonnx sees a model -------===//
//
// libonnx's checker, version converter and shape inference trust the model
// more than a compiler fed files from collaborators and model zoos can: a
// graph output that nothing produces, a zero stride or a negative dimension
// crash them (null dereference, division by zero, assertions), and the
// importer would read external data from wherever a tensor's `location`
// points. These checks run right after parsing, before any of that code, and
// report what is wrong with the node, tensor or value named. See
// docs/Security.md for the limits.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Support/CheckedArithmetic.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

std::string nn::onnx_import::describeNode(const onnx::NodeProto &node) {
  // Unnamed nodes (common in exported models) are known by their first
  // output that has a name: an omitted optional output is written ''
  // (a recurrent node read only for its last state has outputs '', 'Y_h').
  if (node.name().empty())
    for (const std::string &output : node.output())
      if (!output.empty())
        return "node producing '" + output + "' (" + node.op_type() + ")";
  return "node '" + node.name() + "' (" + node.op_type() + ")";
}

size_t nn::onnx_import::dataTypeSize(int32_t dataType) {
  switch (dataType) {
  case onnx::TensorProto::BOOL:
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::UINT8:
    return 1;
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::UINT16:
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16:
    return 2;
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::FLOAT:
    return 4;
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::UINT64:
  case onnx::TensorProto::DOUBLE:
  case onnx::TensorProto::COMPLEX64:
    return 8;
  case onnx::TensorProto::COMPLEX128:
    return 16;
  default:
    return 0; // STRING, UNDEFINED and unknown codes: no fixed size.
  }
}

// The number of values a tensor stores in its typed repeated field (the
// field ONNX assigns to its data type), for tensors without raw data.
static int64_t typedFieldCount(const onnx::TensorProto &tensor) {
  switch (tensor.data_type()) {
  case onnx::TensorProto::FLOAT:
    return tensor.float_data_size();
  case onnx::TensorProto::COMPLEX64:
    return tensor.float_data_size() / 2;
  case onnx::TensorProto::INT64:
    return tensor.int64_data_size();
  case onnx::TensorProto::DOUBLE:
    return tensor.double_data_size();
  case onnx::TensorProto::COMPLEX128:
    return tensor.double_data_size() / 2;
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    return tensor.uint64_data_size();
  case onnx::TensorProto::STRING:
    return tensor.string_data_size();
  default:
    return tensor.int32_data_size();
  }
}

FailureOr<ExternalData>
nn::onnx_import::resolveExternalData(const onnx::TensorProto &tensor,
                                     StringRef modelDir,
                                     function_ref<InFlightDiagnostic()> emitError) {
  ExternalData data;
  std::string location;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    StringRef key = entry.key(), value = entry.value();
    uint64_t number = 0;
    if (key == "location") {
      location = entry.value();
      continue;
    }
    if (key != "offset" && key != "length")
      continue; // checksum and unknown keys carry no size or place
    if (value.getAsInteger(10, number))
      return emitError() << "external data '" << key << "' is '" << value
                         << "', not a non-negative decimal integer";
    (key == "offset" ? data.offset : data.length.emplace()) = number;
  }
  if (location.empty())
    return emitError() << "external data without a 'location' entry";

  // The file must be a regular file inside the model's directory, after
  // every symbolic link is followed: `location` is written by whoever made
  // the model, and must not make nn read /etc/passwd, ../secrets or a FIFO.
  SmallString<256> dir(modelDir.empty() ? StringRef(".") : modelDir);
  SmallString<256> realDir, realFile;
  if (llvm::sys::path::is_absolute(location))
    return emitError() << "external data location '" << location
                       << "' is an absolute path; it must be relative to "
                          "the model's directory";
  if (std::error_code ec = llvm::sys::fs::real_path(dir, realDir))
    return emitError() << "cannot resolve the model's directory '" << dir
                       << "': " << ec.message();
  SmallString<256> path(dir);
  llvm::sys::path::append(path, location);
  if (std::error_code ec = llvm::sys::fs::real_path(path, realFile))
    return emitError() << "cannot read external data file '" << path
                       << "': " << ec.message();
  StringRef inside = realFile.str();
  // (The directory itself stays: it is refused below as no regular file.)
  if (!inside.consume_front(realDir) ||
      !(inside.empty() || inside.starts_with("/") || realDir.str() == "/"))
    return emitError() << "external data location '" << location
                       << "' resolves to '" << realFile
                       << "', outside the model's directory '" << realDir
                       << "'; nn reads external data only from the model's "
                          "directory and below";
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(realFile, status))
    return emitError() << "cannot read external data file '" << path
                       << "': " << ec.message();
  if (status.type() != llvm::sys::fs::file_type::regular_file)
    return emitError() << "external data file '" << path
                       << "' is not a regular file";
  data.path = std::string(realFile);
  uint64_t fileSize = status.getSize();
  if (data.offset > fileSize ||
      (data.length && *data.length > fileSize - data.offset))
    return emitError() << "external data file '" << path << "' has "
                       << fileSize << " bytes, fewer than offset "
                       << data.offset << " + length "
                       << data.length.value_or(0);
  if (!data.length)
    data.length = fileSize - data.offset;
  return data;
}

std::optional<std::vector<int64_t>>
nn::onnx_import::getStaticDims(const onnx::ValueInfoProto &info) {
  if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape())
    return std::nullopt;
  std::vector<int64_t> dims;
  for (const auto &dim : info.type().tensor_type().shape().dim()) {
    if (!dim.has_dim_value())
      return std::nullopt;
    dims.push_back(dim.dim_value());
  }
  return dims;
}

std::map<std::string, std::vector<int64_t>>
nn::onnx_import::getStaticShapes(const onnx::GraphProto &graph) {
  std::map<std::string, std::vector<int64_t>> shapes;
  for (const onnx::ValueInfoProto &input : graph.input())
    if (std::optional<std::vector<int64_t>> dims = getStaticDims(input))
      shapes[input.name()] = *dims;
  for (const onnx::TensorProto &tensor : graph.initializer())
    shapes[tensor.name()] = {tensor.dims().begin(), tensor.dims().end()};
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1 &&
        (node.domain().empty() || node.domain() == "ai.onnx"))
      for (const onnx::AttributeProto &attr : node.attribute())
        if (attr.name() == "value" && attr.has_t())
          shapes[node.output(0)] = {attr.t().dims().begin(),
                                    attr.t().dims().end()};
  return shapes;
}

namespace {
/// The checks of one model; every problem is reported at the model file,
/// naming the node, tensor or value.
class ModelChecker {
public:
  ModelChecker(const onnx::ModelProto &model, StringRef modelDir,
               const OnnxImportOptions &options, Location fileLoc)
      : model(model), modelDir(modelDir), options(options), fileLoc(fileLoc) {}

  LogicalResult run() {
    const onnx::GraphProto &graph = model.graph();
    for (const onnx::TensorProto &tensor : graph.initializer())
      if (failed(checkTensor(tensor, "initializer '" + tensor.name() + "'")))
        return failure();
    // The importer reads no sparse tensor; refusing them here keeps their
    // sizes from reaching libonnx unchecked.
    if (graph.sparse_initializer_size())
      return error() << "sparse initializer '"
                     << graph.sparse_initializer(0).values().name()
                     << "': sparse tensors are not supported";
    for (const onnx::ValueInfoProto &info : graph.input()) {
      if (failed(checkValueInfo(info, "graph input")))
        return failure();
      // Before the shape folder can call an integer input's reader a shape
      // computation of data: the one rule for integer inputs.
      if (info.type().has_tensor_type() &&
          isIntegerDataType(info.type().tensor_type().elem_type()) &&
          failed(checkIntegerGraphInput(graph, info, fileLoc)))
        return failure();
    }
    for (const onnx::ValueInfoProto &info : graph.output())
      if (failed(checkValueInfo(info, "graph output")))
        return failure();
    for (const onnx::ValueInfoProto &info : graph.value_info())
      if (failed(checkValueInfo(info, "value")))
        return failure();
    if (failed(checkWiring(graph)))
      return failure();
    staticShapes = getStaticShapes(graph);
    for (const onnx::NodeProto &node : graph.node())
      if (failed(checkNode(node)) || failed(checkRanks(node)))
        return failure();
    // Shape ops are allowed above for shape computations only; one that
    // reads data is rejected before libonnx's code for it runs.
    return checkShapeComputations(graph, fileLoc);
  }

private:
  InFlightDiagnostic error() { return emitError(fileLoc); }

  // Every value is defined once (graph input, initializer or node output)
  // before a node reads it, as ONNX requires (nodes are topologically
  // sorted); every graph output is defined.
  LogicalResult checkWiring(const onnx::GraphProto &graph) {
    llvm::StringSet<> defined;
    for (const onnx::ValueInfoProto &info : graph.input()) {
      if (info.name().empty())
        return error() << "a graph input has no name";
      if (!defined.insert(info.name()).second)
        return error() << "graph input '" << info.name()
                       << "' is listed twice";
    }
    // Before IR version 4, initializers were also listed as graph inputs.
    for (const onnx::TensorProto &tensor : graph.initializer()) {
      if (tensor.name().empty())
        return error() << "an initializer has no name";
      defined.insert(tensor.name());
    }
    for (const onnx::NodeProto &node : graph.node()) {
      for (const std::string &input : node.input())
        if (!input.empty() && !defined.contains(input))
          return error() << describeNode(node) << ": input '" << input
                         << "' is not a graph input, an initializer or the "
                            "output of an earlier node";
      for (const std::string &output : node.output())
        if (!output.empty() && !defined.insert(output).second)
          return error() << describeNode(node) << ": output '" << output
                         << "' is already defined (ONNX values have one "
                            "producer)";
    }
    llvm::StringSet<> outputs;
    for (const onnx::ValueInfoProto &info : graph.output()) {
      if (info.name().empty())
        return error() << "a graph output has no name";
      if (!defined.contains(info.name()))
        return error() << "graph output '" << info.name()
                       << "' is not produced by any node, graph input or "
                          "initializer";
      if (!outputs.insert(info.name()).second)
        return error() << "graph output '" << info.name()
                       << "' is listed twice";
    }
    return success();
  }

  LogicalResult checkValueInfo(const onnx::ValueInfoProto &info,
                               StringRef what) {
    if (!info.type().has_tensor_type() ||
        !info.type().tensor_type().has_shape())
      return success();
    SmallVector<int64_t> dims;
    for (const auto &dim : info.type().tensor_type().shape().dim()) {
      if (!dim.has_dim_value())
        continue;
      if (dim.dim_value() < 0)
        return error() << what << " '" << info.name() << "': dimension "
                       << dims.size() << " is " << dim.dim_value()
                       << "; sizes are non-negative";
      dims.push_back(dim.dim_value());
    }
    if (!hasCountableShape(dims))
      return error() << what << " '" << info.name()
                     << "': its number of elements overflows 64 bits";
    return success();
  }

  // Dimensions, data size and (for external data) the file, checked against
  // each other and the memory budget before anything reads the data.
  LogicalResult checkTensor(const onnx::TensorProto &tensor,
                            const std::string &what) {
    auto emitTensorError = [&] { return error() << what << ": "; };
    if (tensor.data_type() == onnx::TensorProto::UNDEFINED ||
        !onnx::TensorProto_DataType_IsValid(tensor.data_type()))
      return emitTensorError()
             << "data type " << tensor.data_type() << " is not valid";
    for (int64_t dim : tensor.dims())
      if (dim < 0)
        return emitTensorError() << "dimension " << dim
                                 << " is negative; sizes are non-negative";
    SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
    std::optional<int64_t> count = checkedProduct(dims);
    if (!hasCountableShape(dims))
      count.reset();
    size_t elementSize = dataTypeSize(tensor.data_type());
    uint64_t bytes = 0;
    if (!count || (elementSize &&
                   __builtin_mul_overflow(uint64_t(*count),
                                          uint64_t(elementSize), &bytes)))
      return emitTensorError() << "its size overflows 64 bits";
    if (elementSize && bytes > options.maxTensorBytes)
      return emitTensorError()
             << "holds " << bytes << " bytes, more than the limit of "
             << options.maxTensorBytes << " bytes for one tensor";
    if (__builtin_add_overflow(totalBytes, bytes, &totalBytes))
      totalBytes = UINT64_MAX;
    if (totalBytes > options.maxTotalTensorBytes)
      return emitTensorError()
             << "brings the model's tensors to " << totalBytes
             << " bytes, more than the limit of "
             << options.maxTotalTensorBytes << " bytes";

    if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
      FailureOr<ExternalData> data =
          resolveExternalData(tensor, modelDir, emitTensorError);
      if (failed(data))
        return failure();
      if (elementSize && *data->length != bytes)
        return emitTensorError()
               << "its external data holds " << *data->length
               << " bytes, but " << *count << " elements of "
               << dataTypeName(tensor.data_type()) << " need " << bytes;
      return success();
    }
    if (!tensor.raw_data().empty()) {
      if (elementSize && tensor.raw_data().size() != bytes)
        return emitTensorError()
               << "holds " << tensor.raw_data().size() << " bytes, but "
               << *count << " elements of "
               << dataTypeName(tensor.data_type()) << " need " << bytes;
      return success();
    }
    if (typedFieldCount(tensor) != *count)
      return emitTensorError() << "holds " << typedFieldCount(tensor)
                               << " values for " << *count << " elements";
    return success();
  }

  // Op types, attribute ranges that libonnx's shape inference divides or
  // indexes by without checking, and the tensors nodes carry as attributes.
  LogicalResult checkNode(const onnx::NodeProto &node) {
    StringRef domain = node.domain();
    bool defaultDomain = domain.empty() || domain == "ai.onnx";
    // libonnx's version converter has no adapters for other domains (it
    // fails on them), and the importer knows none of their ops but QONNX's
    // quantizers (which stand in as Abs while libonnx runs).
    if (isQonnxDomain(domain)) {
      if (!getQonnxImporters().count(node.op_type())) {
        SmallVector<StringRef> known;
        for (const auto &entry : getQonnxImporters())
          known.push_back(entry.getKey());
        llvm::sort(known);
        return error() << describeNode(node) << ": op type '"
                       << node.op_type() << "' of domain '" << domain
                       << "' is not supported; nn imports QONNX's "
                       << llvm::join(known, ", ");
      }
      if (node.input_size() < 1 || node.output_size() != 1)
        return error() << describeNode(node) << ": a QONNX quantizer has "
                          "one data input and one output";
      return success();
    }
    if (!defaultDomain)
      return error() << describeNode(node) << ": op type '" << node.op_type()
                     << "' of domain '" << domain
                     << "' is not supported; nn imports ops of the default "
                        "ONNX domain (opset "
                     << kImportOpset << ") and QONNX's quantizers";
    // An op the importer does not know is rejected before libonnx's shape
    // inference and version converter run on it: nn would reject it anyway,
    // and their code for every other op type is attack surface that buys
    // nothing. Upsample (opset 7 to 9) is converted to Resize; shape
    // computations are evaluated after shape inference; the ops of layers
    // exported as subgraphs (Erf in GELU) are imported with their layer
    // (the importer rejects one left outside it).
    if (!getOpImporters().count(node.op_type()) &&
        node.op_type() != "Upsample" && !isFoldOnlyOp(node.op_type()) &&
        !isPatternOnlyOp(node.op_type()))
      return error() << describeNode(node) << ": "
                     << describeUnsupportedOp(node.op_type());
    for (const onnx::AttributeProto &attr : node.attribute()) {
      auto emitAttrError = [&] {
        return error() << describeNode(node) << ": attribute '" << attr.name()
                       << "' ";
      };
      if (attr.has_t() &&
          failed(checkTensor(attr.t(), describeNode(node) + ": attribute '" +
                                           attr.name() + "'")))
        return failure();
      if (attr.has_sparse_tensor() || attr.sparse_tensors_size())
        return error() << describeNode(node) << ": attribute '" << attr.name()
                       << "': sparse tensors are not supported";
      for (const onnx::TensorProto &tensor : attr.tensors())
        if (failed(checkTensor(tensor, describeNode(node) + ": attribute '" +
                                           attr.name() + "'")))
          return failure();
      StringRef name = attr.name();
      bool positive = name == "strides" || name == "dilations" ||
                      name == "kernel_shape";
      // Pad-2's `pads` attribute may be negative (it crops).
      bool nonNegative = name == "pads" && node.op_type() != "Pad";
      for (int64_t value : attr.ints()) {
        if (positive && value < 1)
          return emitAttrError() << "holds " << value
                                 << "; each value must be at least 1";
        if (nonNegative && value < 0)
          return emitAttrError() << "holds " << value
                                 << "; each value must be at least 0";
      }
      if (name == "group" && attr.i() < 1)
        return emitAttrError() << "is " << attr.i() << "; it must be at least 1";
    }
    return success();
  }

  // Operand ranks that libonnx's shape inference indexes without checking
  // (Gemm before opset 7 reads dimension 1 of a rank-1 B), where they are
  // known before inference: ONNX defines Gemm's A and B as matrices.
  LogicalResult checkRanks(const onnx::NodeProto &node) {
    if (node.op_type() != "Gemm")
      return success();
    for (int i = 0; i < std::min(node.input_size(), 2); ++i) {
      auto shape = staticShapes.find(node.input(i));
      if (shape != staticShapes.end() && shape->second.size() != 2)
        return error() << describeNode(node) << ": input " << i << " ('"
                       << node.input(i) << "') has rank "
                       << shape->second.size() << "; Gemm multiplies "
                       << "matrices (rank 2)";
    }
    return success();
  }

  const onnx::ModelProto &model;
  std::map<std::string, std::vector<int64_t>> staticShapes;
  StringRef modelDir;
  const OnnxImportOptions &options;
  Location fileLoc;
  uint64_t totalBytes = 0;
};
} // namespace

LogicalResult nn::onnx_import::checkModel(const onnx::ModelProto &model,
                                          StringRef modelDir,
                                          const OnnxImportOptions &options,
                                          Location fileLoc) {
  return ModelChecker(model, modelDir, options, fileLoc).run();
}
