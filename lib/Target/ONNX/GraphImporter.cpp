//===- GraphImporter.cpp - ONNX graph to a func of nn ops -----------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/CheckedArithmetic.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <cmath>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

//===----------------------------------------------------------------------===//
// NodeContext
//===----------------------------------------------------------------------===//

NodeContext::NodeContext(GraphImporter &graph, const onnx::NodeProto &node,
                         Location loc)
    : graph(graph), nodeProto(node), loc(loc) {}

OpBuilder &NodeContext::builder() { return graph.getBuilder(); }

InFlightDiagnostic NodeContext::emitError() {
  return mlir::emitError(loc) << describeNode(nodeProto) << ": ";
}

bool NodeContext::hasInput(unsigned i) const {
  return int(i) < nodeProto.input_size() && !nodeProto.input(i).empty();
}

FailureOr<Value> NodeContext::input(unsigned i) {
  if (!hasInput(i)) {
    emitError() << "input " << i << " is missing";
    return failure();
  }
  return graph.lookupValue(nodeProto.input(i), loc);
}

const onnx::TensorProto *NodeContext::constantInput(unsigned i) const {
  if (!hasInput(i))
    return nullptr;
  return graph.lookupConstant(nodeProto.input(i));
}

// Input `i` as a constant tensor, or a diagnostic saying it must be one.
static const onnx::TensorProto *requireConstant(NodeContext &ctx, unsigned i,
                                                StringRef what) {
  const onnx::TensorProto *tensor = ctx.constantInput(i);
  if (!tensor)
    ctx.emitError() << what << " (input " << i
                    << ") must be a constant (an initializer or a Constant "
                       "node)";
  return tensor;
}

FailureOr<SmallVector<int64_t>> NodeContext::constantInts(unsigned i,
                                                          StringRef what) {
  const onnx::TensorProto *tensor = requireConstant(*this, i, what);
  if (!tensor)
    return failure();
  return readTensorInts(*tensor, graph.getModelDir(),
                        [&] { return emitError() << what << ": "; });
}

FailureOr<std::vector<float>> NodeContext::constantFloats(unsigned i,
                                                          StringRef what) {
  const onnx::TensorProto *tensor = requireConstant(*this, i, what);
  if (!tensor)
    return failure();
  return readTensorFloats(*tensor, graph.getModelDir(),
                          [&] { return emitError() << what << ": "; });
}

// Converts an ONNX tensor type to a static float32 tensor type, or explains
// why it cannot be one.
// `integerIndices`: an integer tensor is allowed (an embedding's indices,
// held exactly as f32 integers).
static FailureOr<RankedTensorType>
convertTensorType(const onnx::TypeProto *type, Builder &builder,
                  function_ref<InFlightDiagnostic()> emitError,
                  bool integerIndices = false) {
  if (!type || !type->has_tensor_type() ||
      !type->tensor_type().has_shape()) {
    emitError() << "its shape is unknown (shape inference could not "
                   "determine it)";
    return failure();
  }
  const onnx::TypeProto::Tensor &tensor = type->tensor_type();
  if (tensor.elem_type() != onnx::TensorProto::FLOAT &&
      !(integerIndices && isIntegerDataType(tensor.elem_type()))) {
    emitError() << "its element type is " << dataTypeName(tensor.elem_type())
                << "; nn imports float32 networks";
    return failure();
  }
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim : tensor.shape().dim()) {
    if (!dim.has_dim_value()) {
      emitError() << "dimension " << shape.size() << " is dynamic ('"
                  << (dim.has_dim_param() ? dim.dim_param() : "?")
                  << "') and cannot be resolved to a static size";
      return failure();
    }
    shape.push_back(dim.dim_value());
  }
  // Shape inference computes sizes from the file's numbers; MLIR's types
  // require them non-negative with a product that fits int64_t.
  if (!hasCountableShape(shape)) {
    emitError() << "shape " << formatShape(shape)
                << " has a negative dimension or more than 2^63 elements";
    return failure();
  }
  return RankedTensorType::get(shape, builder.getF32Type());
}

FailureOr<RankedTensorType> NodeContext::outputType(unsigned i) {
  if (int(i) >= nodeProto.output_size() || nodeProto.output(i).empty()) {
    emitError() << "output " << i << " is missing";
    return failure();
  }
  const std::string &name = nodeProto.output(i);
  return convertTensorType(graph.lookupType(name), builder(), [&] {
    return emitError() << "output '" << name << "': ";
  });
}

void NodeContext::setOutput(unsigned i, Value value) {
  graph.bindValue(nodeProto.output(i), value);
}

bool NodeContext::isOutputUsed(unsigned i) const {
  return int(i) < nodeProto.output_size() && !nodeProto.output(i).empty() &&
         graph.isUsed(nodeProto.output(i));
}

const onnx::AttributeProto *NodeContext::getAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : nodeProto.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

bool NodeContext::hasAttr(StringRef name) const { return getAttr(name); }

int64_t NodeContext::getInt(StringRef name, int64_t defaultValue) const {
  const onnx::AttributeProto *attr = getAttr(name);
  return attr ? attr->i() : defaultValue;
}

float NodeContext::getFloat(StringRef name, float defaultValue) const {
  const onnx::AttributeProto *attr = getAttr(name);
  return attr ? attr->f() : defaultValue;
}

std::string NodeContext::getString(StringRef name,
                                   StringRef defaultValue) const {
  const onnx::AttributeProto *attr = getAttr(name);
  return attr ? attr->s() : defaultValue.str();
}

std::optional<SmallVector<int64_t>>
NodeContext::getInts(StringRef name) const {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr)
    return std::nullopt;
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

std::optional<std::vector<float>>
NodeContext::getFloats(StringRef name) const {
  const onnx::AttributeProto *attr = getAttr(name);
  if (!attr)
    return std::nullopt;
  return std::vector<float>(attr->floats().begin(), attr->floats().end());
}

unsigned NodeContext::inputUseCount(unsigned i) const {
  return hasInput(i) ? graph.getUseCount(nodeProto.input(i)) : 0;
}

//===----------------------------------------------------------------------===//
// GraphImporter
//===----------------------------------------------------------------------===//

GraphImporter::GraphImporter(MLIRContext *context, onnx::ModelProto &model,
                             StringRef fileName,
                             const OnnxImportOptions &options)
    : model(model), options(options),
      modelDir(llvm::sys::path::parent_path(fileName).str()),
      fileLocation(FileLineColLoc::get(context, fileName, 0, 0)),
      builder(context) {
  const onnx::GraphProto &graph = model.graph();
  for (const onnx::TensorProto &init : graph.initializer())
    constants[init.name()] = &init;
  for (const onnx::ValueInfoProto &info : graph.input())
    types[info.name()] = &info.type();
  for (const onnx::ValueInfoProto &info : graph.value_info())
    types[info.name()] = &info.type();
  for (const onnx::ValueInfoProto &info : graph.output())
    types[info.name()] = &info.type();
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &input : node.input())
      if (!input.empty())
        ++useCount[input];
  for (const onnx::ValueInfoProto &info : graph.output())
    ++useCount[info.name()];
}

Value GraphImporter::createFloatConstant(Location loc, StringRef name,
                                         ArrayRef<int64_t> shape,
                                         ArrayRef<float> data) {
  auto type = RankedTensorType::get(shape, builder.getF32Type());
  ArrayRef<char> bytes(reinterpret_cast<const char *>(data.data()),
                       data.size() * sizeof(float));
  auto constant = ConstantOp::create(
      builder, loc, type,
      makeFloatElementsAttr(type, name, bytes, options.inlineElementLimit));
  attachConstantHint(constant, name, data);
  return constant;
}

// Whether the fixed-point type holds `value` exactly.
static bool holdsExactly(FixedType type, double value) {
  double scaled = std::ldexp(value, int(type.getWidth()) - type.getIntWidth());
  if (scaled != std::trunc(scaled))
    return false;
  double low = type.getIsSigned() ? -std::ldexp(1.0, type.getWidth() - 1) : 0;
  double high = std::ldexp(1.0, type.getWidth() - (type.getIsSigned() ? 1 : 0));
  return scaled >= low && scaled < high;
}

void GraphImporter::attachConstantHint(Operation *constant, StringRef name,
                                       ArrayRef<float> values) {
  auto it = constantHints.find(name);
  if (it == constantHints.end())
    return;
  // A weight an importer rescaled (Gemm's alpha) may leave the type.
  auto type = llvm::cast<FixedType>(it->second);
  if (llvm::all_of(values, [&](float v) { return holdsExactly(type, v); }))
    constant->setAttr("nn.qdq_type", TypeAttr::get(type));
}

FailureOr<Value> GraphImporter::lookupValue(const std::string &name,
                                            Location useLoc) {
  auto it = values.find(name);
  if (it != values.end())
    return it->second;
  const onnx::TensorProto *tensor = lookupConstant(name);
  if (auto pending = pendingQuantize.find(name);
      !tensor && pending != pendingQuantize.end()) {
    emitError(useLoc) << "value '" << name << "' is the integer output of "
                      << pending->second.node
                      << "; nn imports a QuantizeLinear output only as the "
                         "input of a DequantizeLinear";
    return failure();
  }
  if (!tensor) {
    emitError(useLoc) << "value '" << name
                      << "' is used before it is defined";
    return failure();
  }
  // Materialize the constant where it is first used, named after the tensor.
  Location loc = NameLoc::get(builder.getStringAttr(name), fileLocation);
  auto emitTensorError = [&] {
    return emitError(loc) << "tensor '" << name << "': ";
  };
  if (tensor->data_type() != onnx::TensorProto::FLOAT) {
    emitTensorError() << "element type " << dataTypeName(tensor->data_type())
                      << " cannot be used as a network value; nn imports "
                         "float32 networks";
    return failure();
  }
  SmallVector<int64_t> shape(tensor->dims().begin(), tensor->dims().end());
  auto type = RankedTensorType::get(shape, builder.getF32Type());
  FailureOr<ElementsAttr> attr =
      convertTensor(*tensor, type, options.inlineElementLimit, modelDir,
                    emitTensorError);
  if (failed(attr))
    return failure();
  auto constant = ConstantOp::create(builder, loc, type, *attr);
  if (constantHints.count(name)) {
    FailureOr<std::vector<float>> data =
        readTensorFloats(*tensor, modelDir, emitTensorError);
    if (failed(data))
      return failure();
    attachConstantHint(constant, name, *data);
  }
  Value value = constant;
  values[name] = value;
  return value;
}

const onnx::TensorProto *
GraphImporter::lookupConstant(const std::string &name) const {
  auto it = constants.find(name);
  return it == constants.end() ? nullptr : it->second;
}

const onnx::TypeProto *GraphImporter::lookupType(const std::string &name) const {
  auto it = types.find(name);
  return it == types.end() ? nullptr : it->second;
}

void GraphImporter::bindValue(const std::string &name, Value value) {
  values[name] = value;
}

void GraphImporter::eraseOp(Operation *op) {
  llvm::SmallVector<llvm::StringRef> stale;
  for (const auto &entry : values)
    if (entry.getValue().getDefiningOp() == op)
      stale.push_back(entry.getKey());
  for (llvm::StringRef name : stale)
    values.erase(name);
  op->erase();
}

// A function name from the graph's name: identifier characters only.
static std::string functionName(const std::string &graphName) {
  std::string name;
  for (char c : graphName)
    name += llvm::isAlnum(c) ? c : '_';
  if (name.empty() || llvm::isDigit(name.front()))
    name = "main" + (name.empty() ? "" : "_" + name);
  return name;
}

FailureOr<func::FuncOp> GraphImporter::createFunction(ModuleOp module) {
  const onnx::GraphProto &graph = model.graph();
  SmallVector<Type> argTypes, resultTypes;
  SmallVector<Location> argLocs;
  for (const onnx::ValueInfoProto &info : graph.input()) {
    // Before IR version 4, initializers were also listed as graph inputs.
    if (constants.count(info.name()))
      continue;
    // An integer input is an embedding's indices (checkModel refused any
    // other reader).
    bool integer = info.type().has_tensor_type() &&
                   isIntegerDataType(info.type().tensor_type().elem_type());
    FailureOr<RankedTensorType> type = convertTensorType(
        &info.type(), builder,
        [&] {
          return emitError(fileLocation)
                 << "graph input '" << info.name() << "': ";
        },
        integer);
    if (failed(type))
      return failure();
    argTypes.push_back(*type);
    argLocs.push_back(
        NameLoc::get(builder.getStringAttr(info.name()), fileLocation));
  }
  for (const onnx::ValueInfoProto &info : graph.output()) {
    FailureOr<RankedTensorType> type =
        convertTensorType(&info.type(), builder, [&] {
          return emitError(fileLocation)
                 << "graph output '" << info.name() << "': ";
        });
    if (failed(type))
      return failure();
    resultTypes.push_back(*type);
  }
  builder.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(
      builder, fileLocation, functionName(graph.name()),
      builder.getFunctionType(argTypes, resultTypes));
  Block *entry = func.addEntryBlock();
  unsigned argIndex = 0;
  for (const onnx::ValueInfoProto &info : graph.input()) {
    if (constants.count(info.name()))
      continue;
    BlockArgument arg = entry->getArgument(argIndex);
    arg.setLoc(argLocs[argIndex++]);
    values[info.name()] = arg;
  }
  builder.setInsertionPointToStart(entry);
  return func;
}

OwningOpRef<ModuleOp> GraphImporter::run() {
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLocation);
  FailureOr<func::FuncOp> func = createFunction(*module);
  if (failed(func))
    return nullptr;

  const llvm::StringMap<OpImportFn> &importers = getOpImporters();
  const onnx::GraphProto &graph = model.graph();
  std::vector<std::string> layerNames = getLayerNames(graph);
  for (auto [node, name] : llvm::zip(graph.node(), layerNames)) {
    // Every op is named after its layer, so that diagnostics, configuration
    // keys and emitted code use the user's name; a name derived from the
    // node's (the PyTorch module path) keeps the node's name inside.
    Location loc = fileLocation;
    if (!node.name().empty() && node.name() != name)
      loc = NameLoc::get(builder.getStringAttr(node.name()), loc);
    loc = NameLoc::get(builder.getStringAttr(name), loc);
    NodeContext ctx(*this, node, loc);

    // checkModel rejected other domains and unknown op types; this catches
    // an op type the version converter made, and an op of a layer exported
    // as a subgraph (Erf, Pow) that LayerPatterns.cpp found outside its
    // layer.
    const llvm::StringMap<OpImportFn> &table =
        isQonnxDomain(node.domain()) ? getQonnxImporters() : importers;
    auto it = table.find(node.op_type());
    if (it == table.end()) {
      ctx.emitError() << describeUnsupportedOp(node.op_type());
      return nullptr;
    }
    if (failed(it->second(ctx)))
      return nullptr;
  }

  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &info : graph.output()) {
    FailureOr<Value> value = lookupValue(info.name(), fileLocation);
    if (failed(value))
      return nullptr;
    results.push_back(*value);
  }
  func::ReturnOp::create(builder, fileLocation, results);
  if (failed(verify(*module)))
    return nullptr;
  return module;
}
