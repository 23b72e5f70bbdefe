//===- ImportONNX.cpp - parse, check, convert and infer, then import ------===//
//
// The steps libonnx performs before the graph is turned into nn ops:
// parsing (binary or text format), checker::check_model, version conversion
// to kImportOpset, binding of the batch dimension, and shape inference.
// libonnx reports problems by throwing; every call is wrapped so that they
// become diagnostics at the file's location.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/InitNNDialects.h"
#include "nn/Target/ONNX/ImportONNX.h"

#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include "onnx/checker.h"
#include "onnx/defs/parser.h"
#include "onnx/shape_inference/implementation.h"
#include "onnx/version_converter/convert.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <climits>
#include <map>
#include <set>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {
/// Emits every diagnostic of the import at the model file's location.
struct ModelDiagnostics {
  MLIRContext *context;
  std::string fileName;
  InFlightDiagnostic error() const {
    return emitError(FileLineColLoc::get(context, fileName, 0, 0));
  }
};
} // namespace

constexpr int kMaxTextNesting = 64;
// Rounds of shape folding and inference (each round resolves the Shape
// nodes that read the previous round's results).
constexpr int kMaxFoldRounds = 16;

// The offset of the first bracket ({, <, (, [) nested deeper than
// kMaxTextNesting outside string literals, if any.
static std::optional<size_t> findExcessiveNesting(StringRef text) {
  int depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"')
      inString = true;
    else if (c == '{' || c == '<' || c == '(' || c == '[') {
      if (++depth > kMaxTextNesting)
        return i;
    } else if ((c == '}' || c == '>' || c == ')' || c == ']') && depth > 0)
      --depth;
  }
  return std::nullopt;
}

static LogicalResult parseModel(const llvm::MemoryBuffer &buffer,
                                bool textFormat, onnx::ModelProto &model,
                                const ModelDiagnostics &diag) {
  StringRef bytes = buffer.getBuffer();
  if (bytes.empty())
    return diag.error() << "the file is empty, not an ONNX model";
  if (textFormat) {
    // The text parser reads a C string: a NUL byte would silently end the
    // model early, and a buffer without a terminating NUL would be read
    // past its end. It gets a NUL-terminated copy of text without NULs. It
    // reports most errors as a status but lets std::stoi & co. throw on
    // malformed numbers.
    if (size_t nul = bytes.find('\0'); nul != StringRef::npos)
      return diag.error() << "the ONNX text format holds a NUL byte at offset "
                          << nul << "; it is text";
    // The parser recurses once per nested graph attribute, with no limit:
    // a deep enough text overflows the stack (binary protobuf stops at 100
    // levels). Brackets outside string literals bound that nesting.
    if (std::optional<size_t> at = findExcessiveNesting(bytes))
      return diag.error() << "the ONNX text format nests brackets more than "
                          << kMaxTextNesting << " levels deep (at offset "
                          << *at << ")";
    std::string text = bytes.str();
    onnx::Status status;
    try {
      status = onnx::OnnxParser::Parse(model, text.c_str());
    } catch (const std::exception &e) {
      return diag.error() << "cannot parse the ONNX text format: " << e.what();
    } catch (...) {
      return diag.error() << "cannot parse the ONNX text format";
    }
    if (!status.IsOK())
      return diag.error() << "cannot parse the ONNX text format: "
                          << status.ErrorMessage();
    return success();
  }
  google::protobuf::io::ArrayInputStream stream(bytes.data(),
                                                int(std::min<size_t>(
                                                    bytes.size(), INT_MAX)));
  google::protobuf::io::CodedInputStream coded(&stream);
  coded.SetTotalBytesLimit(INT_MAX);
  if (bytes.size() > size_t(INT_MAX) || !model.ParseFromCodedStream(&coded) ||
      !coded.ConsumedEntireMessage())
    return diag.error() << "cannot parse the file as an ONNX model (binary "
                           "protobuf): it is truncated, corrupt, or not an "
                           "ONNX file"
                        << (bytes.size() > size_t(INT_MAX)
                                ? " (files over 2 GiB must keep their weights "
                                  "as external data)"
                                : "");
  return success();
}

// The text format starts with the model header `<` (or a `#` comment); a
// binary ModelProto starts with a field tag byte such as 0x08.
static bool looksLikeTextFormat(StringRef bytes, StringRef fileName) {
  if (fileName.ends_with(".onnxtext"))
    return true;
  if (fileName.ends_with(".onnx"))
    return false;
  StringRef start = bytes.ltrim();
  return start.starts_with("<") || start.starts_with("#");
}

static int64_t defaultOpset(const onnx::ModelProto &model) {
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      return opset.version();
  return -1;
}

namespace {
/// Moves the bytes of large initializers aside while libonnx copies and
/// rewrites the model (version conversion copies every tensor), and puts
/// them back afterwards. Small tensors stay: they may hold shapes that
/// conversion and shape inference read.
class StashedInitializers {
public:
  static constexpr size_t kMinBytes = 4096;
  explicit StashedInitializers(onnx::ModelProto &model) : model(model) {
    for (onnx::TensorProto &tensor : *model.mutable_graph()->mutable_initializer())
      if (tensor.raw_data().size() >= kMinBytes)
        stash[tensor.name()] = std::move(*tensor.mutable_raw_data());
  }
  ~StashedInitializers() {
    for (onnx::TensorProto &tensor : *model.mutable_graph()->mutable_initializer()) {
      auto it = stash.find(tensor.name());
      if (it != stash.end())
        *tensor.mutable_raw_data() = std::move(it->second);
    }
  }

private:
  onnx::ModelProto &model;
  std::map<std::string, std::string> stash;
};
} // namespace

namespace {
/// libonnx's version converter, shape inference and our shape folding know
/// no custom domain. While they run, each QONNX quantizer (element-wise:
/// its output has its input's shape) stands in the graph as an Abs of its
/// data input (an op they all pass through and never evaluate); restore()
/// puts the quantizers back, matched by output name.
class StashedQonnxNodes {
public:
  explicit StashedQonnxNodes(onnx::ModelProto &model) {
    for (onnx::NodeProto &node : *model.mutable_graph()->mutable_node()) {
      if (!onnx_import::isQonnxDomain(node.domain()))
        continue; // checkModel: one data input, one output
      onnx::NodeProto standIn;
      standIn.set_op_type("Abs");
      standIn.set_name(node.name());
      standIn.add_input(node.input(0));
      standIn.add_output(node.output(0));
      stash[node.output(0)] = std::move(node);
      node = std::move(standIn);
    }
  }
  void restore(onnx::ModelProto &model) {
    for (onnx::NodeProto &node : *model.mutable_graph()->mutable_node())
      if (node.op_type() == "Abs" && node.output_size() == 1)
        if (auto it = stash.find(node.output(0)); it != stash.end())
          node = std::move(it->second);
  }

private:
  std::map<std::string, onnx::NodeProto> stash;
};
} // namespace

// The hardware processes one sample: a symbolic (or unknown) leading batch
// dimension of a graph input becomes 1. Any other dynamic dimension is left
// for the type conversion to report.
static void bindBatchDimension(onnx::ModelProto &model) {
  std::set<std::string> initializers;
  for (const onnx::TensorProto &tensor : model.graph().initializer())
    initializers.insert(tensor.name());
  for (onnx::ValueInfoProto &input : *model.mutable_graph()->mutable_input()) {
    if (initializers.count(input.name()) || !input.type().has_tensor_type() ||
        !input.type().tensor_type().has_shape())
      continue;
    onnx::TensorShapeProto *shape =
        input.mutable_type()->mutable_tensor_type()->mutable_shape();
    if (shape->dim_size() == 0)
      continue;
    onnx::TensorShapeProto::Dimension *batch = shape->mutable_dim(0);
    if (!batch->has_dim_value())
      batch->set_dim_value(1);
  }
  // Outputs and intermediate values keep whatever inference gives them.
  for (onnx::ValueInfoProto &output : *model.mutable_graph()->mutable_output())
    if (output.type().has_tensor_type() &&
        output.type().tensor_type().has_shape() &&
        output.type().tensor_type().shape().dim_size() > 0 &&
        !output.type().tensor_type().shape().dim(0).has_dim_value())
      output.mutable_type()
          ->mutable_tensor_type()
          ->mutable_shape()
          ->mutable_dim(0)
          ->set_dim_value(1);
}

namespace {
/// check_model on a ModelProto knows no model directory, so it looks for
/// external data files relative to the working directory. While it runs,
/// the `location` of every external tensor is made relative to the model's
/// directory instead (which is where the importer reads them from).
class CheckerExternalDataLocations {
public:
  CheckerExternalDataLocations(onnx::ModelProto &model, StringRef modelDir) {
    if (modelDir.empty())
      return;
    auto visit = [&](onnx::TensorProto &tensor) {
      if (tensor.data_location() != onnx::TensorProto::EXTERNAL)
        return;
      for (onnx::StringStringEntryProto &entry :
           *tensor.mutable_external_data())
        if (entry.key() == "location") {
          saved.emplace_back(&entry, entry.value());
          SmallString<256> path(modelDir);
          llvm::sys::path::append(path, entry.value());
          entry.set_value(std::string(path));
        }
    };
    for (onnx::TensorProto &tensor :
         *model.mutable_graph()->mutable_initializer())
      visit(tensor);
    for (onnx::NodeProto &node : *model.mutable_graph()->mutable_node())
      for (onnx::AttributeProto &attr : *node.mutable_attribute())
        if (attr.has_t())
          visit(*attr.mutable_t());
  }
  ~CheckerExternalDataLocations() {
    for (auto &[entry, location] : saved)
      entry->set_value(location);
  }

private:
  std::vector<std::pair<onnx::StringStringEntryProto *, std::string>> saved;
};
} // namespace

// libonnx's shape inference reads the data of a Constant node's `value`
// tensor but not of its value_int(s)/value_float(s) forms, so a Reshape
// whose shape comes from `Constant <value_ints = ...>` would get no output
// shape. Rewrite those attributes as the equivalent `value` tensor.
static void normalizeConstantNodes(onnx::ModelProto &model) {
  for (onnx::NodeProto &node : *model.mutable_graph()->mutable_node()) {
    if (node.op_type() != "Constant" ||
        !(node.domain().empty() || node.domain() == "ai.onnx") ||
        node.attribute_size() != 1)
      continue;
    const onnx::AttributeProto &attr = node.attribute(0);
    onnx::TensorProto tensor;
    const std::string &name = attr.name();
    if (name == "value_float") {
      tensor.set_data_type(onnx::TensorProto::FLOAT);
      tensor.add_float_data(attr.f());
    } else if (name == "value_floats") {
      tensor.set_data_type(onnx::TensorProto::FLOAT);
      tensor.add_dims(attr.floats_size());
      *tensor.mutable_float_data() = attr.floats();
    } else if (name == "value_int") {
      tensor.set_data_type(onnx::TensorProto::INT64);
      tensor.add_int64_data(attr.i());
    } else if (name == "value_ints") {
      tensor.set_data_type(onnx::TensorProto::INT64);
      tensor.add_dims(attr.ints_size());
      *tensor.mutable_int64_data() = attr.ints();
    } else {
      continue;
    }
    tensor.set_name(node.output_size() ? node.output(0) : "");
    onnx::AttributeProto value;
    value.set_name("value");
    value.set_type(onnx::AttributeProto::TENSOR);
    *value.mutable_t() = std::move(tensor);
    node.clear_attribute();
    *node.add_attribute() = std::move(value);
  }
}

// libonnx's conv shape inference takes a Conv's kernel shape from its
// weight when the `kernel_shape` attribute is absent, and then indexes its
// per-axis lists (sized by the input's rank) by the weight's axes: a weight
// of another rank than the input is an out-of-bounds read (SIGSEGV). With
// the attribute, which ONNX defines as exactly those weight dimensions, the
// same model is a shape inference error. The weight's shape is static
// (initializers, Constant nodes, typed graph inputs) or, for a weight that
// nodes compute (a DequantizeLinear), inferred on a copy of the model without
// its Conv nodes. checkModel has validated the graph's wiring and dimensions.
static void addConvKernelShapes(onnx::ModelProto &model);

// Shapes of the values Conv weights that nodes compute, from shape inference
// on a copy of `model` whose Conv nodes are removed (so that the faulty conv
// inference cannot run).
static std::map<std::string, std::vector<int64_t>>
inferComputedWeightShapes(const onnx::ModelProto &model,
                          const std::set<std::string> &weights) {
  std::map<std::string, std::vector<int64_t>> shapes;
  onnx::ModelProto probe = model;
  auto *nodes = probe.mutable_graph()->mutable_node();
  nodes->erase(std::remove_if(nodes->begin(), nodes->end(),
                              [](const onnx::NodeProto &node) {
                                return node.op_type() == "Conv";
                              }),
               nodes->end());
  try {
    onnx::shape_inference::InferShapes(probe);
  } catch (...) {
    return shapes; // the real inference will report the problem
  }
  for (const onnx::ValueInfoProto &info : probe.graph().value_info())
    if (weights.count(info.name()))
      if (std::optional<std::vector<int64_t>> dims = getStaticDims(info))
        shapes[info.name()] = *dims;
  return shapes;
}

static void addConvKernelShapes(onnx::ModelProto &model) {
  onnx::GraphProto &graph = *model.mutable_graph();
  std::map<std::string, std::vector<int64_t>> shapes = getStaticShapes(graph);
  auto needsKernelShape = [](const onnx::NodeProto &node) {
    return node.op_type() == "Conv" && node.input_size() >= 2 &&
           llvm::none_of(node.attribute(),
                         [](const onnx::AttributeProto &attr) {
                           return attr.name() == "kernel_shape";
                         });
  };
  std::set<std::string> computed;
  for (const onnx::NodeProto &node : graph.node())
    if (needsKernelShape(node) && !shapes.count(node.input(1)))
      computed.insert(node.input(1));
  if (!computed.empty())
    shapes.merge(inferComputedWeightShapes(model, computed));
  for (onnx::NodeProto &node : *graph.mutable_node()) {
    if (!needsKernelShape(node))
      continue;
    auto weight = shapes.find(node.input(1));
    if (weight == shapes.end() || weight->second.size() < 2)
      continue;
    onnx::AttributeProto *kernel = node.add_attribute();
    kernel->set_name("kernel_shape");
    kernel->set_type(onnx::AttributeProto::INTS);
    for (size_t i = 2; i < weight->second.size(); ++i)
      kernel->add_ints(weight->second[i]);
  }
}

// libonnx's shape inference, strict; its exceptions become diagnostics.
// Without data propagation: shape computations are evaluated by
// foldShapeComputations instead, and libonnx 1.12's propagation through
// Slice loops without end (until memory runs out) on a step whose low 32
// bits are zero.
static LogicalResult inferShapes(onnx::ModelProto &model,
                                 const ModelDiagnostics &diag) {
  try {
    onnx::ShapeInferenceOptions inferenceOptions(
        /*check_type=*/true, /*strict_mode=*/1, /*data_prop=*/false);
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(), inferenceOptions);
  } catch (const std::exception &e) {
    return diag.error() << "ONNX shape inference failed: " << e.what();
  } catch (...) {
    return diag.error() << "ONNX shape inference failed";
  }
  return success();
}

OwningOpRef<ModuleOp>
nn::importOnnxModel(const llvm::MemoryBuffer &buffer, MLIRContext *context,
                    const OnnxImportOptions &options) {
  context->loadDialect<NNDialect, func::FuncDialect>();
  StringRef fileName = buffer.getBufferIdentifier();
  ModelDiagnostics diag{context, fileName.str()};
  bool textFormat =
      options.textFormat.value_or(looksLikeTextFormat(buffer.getBuffer(),
                                                      fileName));

  onnx::ModelProto model;
  if (failed(parseModel(buffer, textFormat, model, diag)))
    return nullptr;

  int64_t opset = defaultOpset(model);
  if (opset < 0) {
    diag.error() << "the model imports no opset of the default ONNX domain";
    return nullptr;
  }
  if (opset > kImportOpset) {
    diag.error() << "the model uses opset " << opset << ", newer than "
                 << kImportOpset
                 << ", the newest this build of libonnx knows; export it "
                    "with opset_version="
                 << kImportOpset << " or lower";
    return nullptr;
  }

  StringRef modelDir = llvm::sys::path::parent_path(fileName);
  dropQuantizedCasts(model);
  useRecurrentLastState(model);
  if (failed(checkModel(model, modelDir, options,
                        FileLineColLoc::get(context, fileName, 0, 0))))
    return nullptr;

  StashedQonnxNodes qonnxNodes(model);
  try {
    CheckerExternalDataLocations locations(model, modelDir);
    onnx::checker::check_model(model);
  } catch (const std::exception &e) {
    diag.error() << "the model fails the ONNX checker: " << e.what();
    return nullptr;
  } catch (...) {
    diag.error() << "the model fails the ONNX checker";
    return nullptr;
  }

  normalizeConstantNodes(model);

  {
    StashedInitializers stash(model);
    // After the stash: it may copy the model to infer weight shapes.
    addConvKernelShapes(model);
    if (opset < kImportOpset) {
      try {
        // The converter's broadcasting adapters need the operand shapes.
        onnx::shape_inference::InferShapes(model);
        model = onnx::version_conversion::ConvertVersion(model, kImportOpset);
      } catch (const std::exception &e) {
        diag.error() << "cannot convert the model from opset " << opset
                     << " to opset " << kImportOpset << ": " << e.what();
        return nullptr;
      } catch (...) {
        diag.error() << "cannot convert the model from opset " << opset
                     << " to opset " << kImportOpset;
        return nullptr;
      }
    }
    bindBatchDimension(model);
    if (failed(inferShapes(model, diag)))
      return nullptr;
  }

  // With the batch bound, shape computations read static shapes: evaluate
  // them (the large initializers are back: a fold may read a constant), and
  // infer again what their constants now determine (a Reshape's or Pad's
  // output), which the next round's Shape nodes may read (F.pad, then
  // x.view(x.size(0), -1)). The rounds are bounded; the last one reports
  // what is left.
  Location fileLoc = FileLineColLoc::get(context, fileName, 0, 0);
  for (int round = 0; round < kMaxFoldRounds; ++round) {
    bool folded = false;
    if (failed(foldShapeComputations(model, modelDir, fileLoc,
                                     /*reportUnfoldable=*/false, folded)))
      return nullptr;
    if (!folded)
      break;
    if (failed(inferShapes(model, diag)))
      return nullptr;
  }
  bool folded = false;
  if (failed(foldShapeComputations(model, modelDir, fileLoc,
                                   /*reportUnfoldable=*/true, folded)) ||
      (folded && failed(inferShapes(model, diag))))
    return nullptr;

  qonnxNodes.restore(model);
  // After the last shape inference: the nodes it makes (opset 20's Gelu)
  // are unknown to this libonnx.
  recognizeLayerPatterns(model, modelDir);

  GraphImporter importer(context, model, fileName, options);
  return importer.run();
}

void nn::registerImportOnnxTranslation() {
  static TranslateToMLIRRegistration registration(
      "import-onnx", "import an ONNX model (.onnx, or .onnxtext text format)",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        return importOnnxModel(*buffer, context);
      },
      [](DialectRegistry &registry) { nn::registerAllDialects(registry); });
}
