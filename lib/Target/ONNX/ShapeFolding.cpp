//===- ShapeFolding.cpp - evaluate shape computations at import -----------===//
//
// PyTorch exports `x.view(x.size(0), -1)`, F.pad and many other idioms as a
// subgraph of integer ops (Shape, Gather, Unsqueeze, Concat, Slice, Cast,
// ConstantOfShape...) that computes a Reshape's shape or a Pad's pads from
// the input's shape. nn's networks have static shapes (the batch is bound to
// 1 before shape inference), so each such subgraph is evaluated here, after
// shape inference, and its results become initializers; the op importers
// then see constant shapes and pads, as they require.
//
// The ops in kFoldOnlyOps exist only for this: one that cannot be evaluated
// (it reads the network's data, or a shape that is not static) is an error
// naming the node. Ops nn also imports as layers (Add, Concat, Reshape...)
// are evaluated when their operands are known and the first is an integer
// tensor or one of them was evaluated here (shape arithmetic), and otherwise
// left to their importers (arithmetic on weights stays a layer). Every
// evaluated tensor is bounded by kMaxElements, and all of them by
// kMaxTotalElements, so that no model can make the import allocate without
// limit. The ops' semantics on host tensors are in ShapeKernels.cpp.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"
#include "ShapeKernels.h"

#include "nn/Support/CheckedArithmetic.h"

#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;
using namespace nn::onnx_import::shape_kernels;

namespace {

constexpr int64_t kMaxTotalElements = int64_t(1) << 22;

// Op types nn imports only by evaluating them here.
const char *const kFoldOnlyOps[] = {
    "Cast",  "ConstantOfShape", "Equal", "Expand", "Gather",
    "Range", "Shape",           "Size",  "Slice",  "Where"};
// Layer op types that are evaluated when they compute shapes.
const char *const kShapeArithmeticOps[] = {
    "Add",     "Concat",  "Div", "Identity",  "Mul",
    "Reshape", "Squeeze", "Sub", "Transpose", "Unsqueeze"};

class ShapeFolder {
public:
  ShapeFolder(onnx::ModelProto &model, StringRef modelDir, Location fileLoc,
              bool reportUnfoldable)
      : model(model), modelDir(modelDir), fileLoc(fileLoc),
        reportUnfoldable(reportUnfoldable) {}

  LogicalResult run(bool &changed);

private:
  InFlightDiagnostic error(const onnx::NodeProto &node) {
    return emitError(fileLoc) << describeNode(node) << ": ";
  }

  // The value `name` if it is known at import: an initializer, a Constant
  // node's tensor or an evaluated output. Tensors too large to be shape data
  // are not read.
  const Folded *lookup(const std::string &name);
  // A small tensor of a type the folder evaluates, read.
  std::optional<Folded> read(const onnx::TensorProto &tensor,
                             const std::string &name);
  std::optional<std::vector<int64_t>> staticShape(const std::string &name);

  // Evaluates `node` into `outputs`; a FoldError says why it cannot be.
  std::optional<FoldError> evaluate(const onnx::NodeProto &node,
                                    std::vector<const Folded *> &inputs,
                                    std::vector<Folded> &outputs);
  // Whether the node must, may or must not be evaluated.
  bool wantsFolding(const onnx::NodeProto &node);
  // The first input that is not known at import, if any.
  std::optional<std::string> unknownInput(const onnx::NodeProto &node);

  onnx::ModelProto &model;
  StringRef modelDir;
  Location fileLoc;
  bool reportUnfoldable;
  std::map<std::string, Folded> known;
  std::map<std::string, const onnx::TensorProto *> protos;
  std::map<std::string, const onnx::TypeProto *> types;
  llvm::StringSet<> unreadable;
  llvm::StringSet<> computed; // the outputs evaluated here
  int64_t totalElements = 0;
  bool readFailed = false; // a tensor's data could not be read (reported)
};

} // namespace

constexpr const char *kDataDependent =
    "is not known when the model is imported (it depends on the network's "
    "input data)";

void nn::onnx_import::describeUnfoldableInput(InFlightDiagnostic &diag,
                                              const onnx::NodeProto &node,
                                              StringRef input,
                                              StringRef reason) {
  diag << describeNode(node) << ": input '" << input << "' " << reason
       << "; nn evaluates shape computations (" << node.op_type()
       << " and the like) at import, from static shapes and constants "
          "only; if the model was exported with dynamic axes other than "
          "the batch, export it with static shapes (torch.onnx.export "
          "without dynamic_axes)";
}

LogicalResult
nn::onnx_import::checkShapeComputations(const onnx::GraphProto &graph,
                                        Location fileLoc) {
  // The values a shape computation may read: constants, the outputs of
  // Shape and Size (which read only their input's shape), and what shape
  // computations make of them.
  llvm::StringSet<> shapeData;
  for (const onnx::TensorProto &tensor : graph.initializer())
    shapeData.insert(tensor.name());
  for (const onnx::NodeProto &node : graph.node()) {
    StringRef op = node.op_type();
    bool foldOnly = isFoldOnlyOp(op);
    // An embedding reads data by design; its importer takes it.
    if (isEmbeddingGather(node, graph))
      continue;
    if (!(node.domain().empty() || node.domain() == "ai.onnx") ||
        (!foldOnly && op != "Constant" &&
         !llvm::is_contained(kShapeArithmeticOps, op)))
      continue;
    bool readsShapeOnly = op == "Shape" || op == "Size";
    const std::string *data = nullptr;
    for (int i = readsShapeOnly ? 1 : 0; i < node.input_size() && !data; ++i)
      if (!node.input(i).empty() && !shapeData.contains(node.input(i)))
        data = &node.input(i);
    if (!data) {
      for (const std::string &output : node.output())
        shapeData.insert(output);
      continue;
    }
    if (foldOnly) {
      InFlightDiagnostic diag = emitError(fileLoc);
      // Slicing or gathering an activation is data movement nn has no op
      // for yet (attention's in-projection split; a gather that is no
      // embedding): the advice about dynamic axes would mislead.
      if ((op == "Slice" || op == "Gather") && *data == node.input(0)) {
        diag << describeNode(node) << ": input '" << *data
             << "' is an activation; nn imports " << op
             << " as a shape computation evaluated at import"
             << (op == "Gather" ? " or as an embedding (a constant table "
                                  "indexed along axis 0 by an integer "
                                  "graph input)"
                                : "")
             << ", and "
             << (op == "Slice" ? "slicing an activation (multi-head "
                                 "attention's split of its packed "
                                 "in-projection)"
                               : "gathering from an activation")
             << " is not supported yet";
        return failure();
      }
      describeUnfoldableInput(diag, node, *data, kDataDependent);
      return failure();
    }
  }
  return success();
}

bool nn::onnx_import::isFoldOnlyOp(StringRef opType) {
  return llvm::is_contained(kFoldOnlyOps, opType);
}

ArrayRef<const char *> nn::onnx_import::getFoldOnlyOpTypes() {
  return kFoldOnlyOps;
}

std::optional<Folded> ShapeFolder::read(const onnx::TensorProto &tensor,
                                        const std::string &name) {
  std::vector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  std::optional<int64_t> count = checkedProduct(dims);
  if (!isSupportedType(tensor.data_type()) || !count || *count > kMaxElements)
    return std::nullopt;
  Folded value;
  value.type = tensor.data_type();
  value.dims = dims;
  auto emitTensorError = [&] {
    readFailed = true;
    return emitError(fileLoc) << "tensor '" << name << "': ";
  };
  if (value.isFloat()) {
    FailureOr<std::vector<float>> floats =
        readTensorFloats(tensor, modelDir, emitTensorError);
    if (failed(floats))
      return std::nullopt;
    value.reals.assign(floats->begin(), floats->end());
  } else {
    FailureOr<SmallVector<int64_t>> ints =
        readTensorInts(tensor, modelDir, emitTensorError);
    if (failed(ints))
      return std::nullopt;
    value.ints.assign(ints->begin(), ints->end());
  }
  return value;
}

const Folded *ShapeFolder::lookup(const std::string &name) {
  if (auto it = known.find(name); it != known.end())
    return &it->second;
  auto proto = protos.find(name);
  if (proto == protos.end() || unreadable.contains(name))
    return nullptr;
  std::optional<Folded> value = read(*proto->second, name);
  if (!value) {
    unreadable.insert(name);
    return nullptr;
  }
  return &(known[name] = std::move(*value));
}

std::optional<std::vector<int64_t>>
ShapeFolder::staticShape(const std::string &name) {
  if (const Folded *tensor = lookup(name))
    return tensor->dims;
  auto it = types.find(name);
  if (it == types.end())
    return std::nullopt;
  onnx::ValueInfoProto info;
  *info.mutable_type() = *it->second;
  return getStaticDims(info);
}

std::optional<std::string>
ShapeFolder::unknownInput(const onnx::NodeProto &node) {
  for (int i = 0; i < node.input_size(); ++i) {
    const std::string &name = node.input(i);
    if (name.empty())
      continue;
    // Shape and Size read only the input's shape.
    if (i == 0 && (node.op_type() == "Shape" || node.op_type() == "Size")) {
      if (!staticShape(name))
        return name;
      continue;
    }
    if (!lookup(name))
      return name;
  }
  return std::nullopt;
}

bool ShapeFolder::wantsFolding(const onnx::NodeProto &node) {
  if (!(node.domain().empty() || node.domain() == "ai.onnx") ||
      isEmbeddingGather(node, model.graph()))
    return false;
  if (isFoldOnlyOp(node.op_type()))
    return true;
  if (!llvm::is_contained(kShapeArithmeticOps, node.op_type()) ||
      node.input_size() == 0 || unknownInput(node))
    return false;
  // Integer operands are shape data; float ones are when a shape
  // computation made them (Cast of a Shape, scaled by a float constant).
  const Folded *first = lookup(node.input(0));
  return first && (!first->isFloat() ||
                   llvm::any_of(node.input(), [&](const std::string &name) {
                     return computed.contains(name);
                   }));
}

//===----------------------------------------------------------------------===//
// Evaluation
//===----------------------------------------------------------------------===//

namespace {
const onnx::AttributeProto *findAttr(const onnx::NodeProto &node,
                                     StringRef name) {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

int64_t intAttr(const onnx::NodeProto &node, StringRef name, int64_t dflt) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  return attr ? attr->i() : dflt;
}

} // namespace

std::optional<FoldError> ShapeFolder::evaluate(const onnx::NodeProto &node,
                                               std::vector<const Folded *> &in,
                                               std::vector<Folded> &out) {
  StringRef op = node.op_type();
  out.resize(1);
  auto arity = [&](size_t low, size_t high) -> std::optional<FoldError> {
    if (in.size() < low || in.size() > high)
      return fail("it has " + Twine(in.size()) + " inputs");
    for (size_t i = 0; i < low; ++i)
      if (!in[i])
        return fail("input " + Twine(i) + " is missing");
    return std::nullopt;
  };
  if (op == "Shape" || op == "Size") {
    std::vector<int64_t> dims = *staticShape(node.input(0));
    if (op == "Size") {
      std::optional<int64_t> count = checkedProduct(dims);
      if (!count)
        return fail("its input's size overflows 64 bits");
      out[0].dims = {};
      out[0].ints = {*count};
      return std::nullopt;
    }
    int64_t rank = dims.size();
    auto clampAxis = [&](int64_t v) {
      return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
    };
    int64_t start = clampAxis(intAttr(node, "start", 0));
    int64_t end = clampAxis(intAttr(node, "end", rank));
    out[0].dims = {std::max<int64_t>(0, end - start)};
    if (end > start)
      out[0].ints.assign(dims.begin() + start, dims.begin() + end);
    return std::nullopt;
  }
  if (op == "Identity") {
    out[0] = *in[0];
    return std::nullopt;
  }
  if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div") {
    if (auto err = arity(2, 2))
      return err;
    return arithmetic(op, *in[0], *in[1], out[0]);
  }
  if (op == "Cast")
    return cast(*in[0], intAttr(node, "to", 0), out[0]);
  if (op == "Gather") {
    if (auto err = arity(2, 2))
      return err;
    return gather(*in[0], *in[1], intAttr(node, "axis", 0), out[0]);
  }
  if (op == "Slice") {
    if (auto err = arity(3, 5))
      return err;
    in.resize(5, nullptr);
    return slice(*in[0], {in[1], in[2], in[3], in[4]}, out[0]);
  }
  if (op == "Concat") {
    for (const Folded *t : in)
      if (!t)
        return fail("an input is missing");
    return concat(in, intAttr(node, "axis", 0), out[0]);
  }
  if (op == "Reshape") {
    if (auto err = arity(2, 2))
      return err;
    return reshape(*in[0], *in[1], intAttr(node, "allowzero", 0), out[0]);
  }
  if (op == "Squeeze" || op == "Unsqueeze")
    return squeeze(*in[0], in.size() > 1 ? in[1] : nullptr, op == "Unsqueeze",
                   out[0]);
  if (op == "Transpose")
    return transpose(*in[0], findAttr(node, "perm"), out[0]);
  if (op == "ConstantOfShape") {
    std::vector<int64_t> dims;
    if (auto err = readShape(*in[0], dims))
      return err;
    Folded fill;
    fill.type = onnx::TensorProto::FLOAT;
    fill.reals = {0.0};
    if (const onnx::AttributeProto *value = findAttr(node, "value")) {
      std::optional<Folded> t = read(value->t(), "value");
      if (!t || t->size() != 1)
        return fail("its value is not a one-element tensor of a type nn "
                    "evaluates");
      fill = *t;
    }
    if (auto err = makeTensor(out[0], fill.type, dims))
      return err;
    for (int64_t i = 0; i < out[0].size(); ++i)
      copyElement(fill, 0, out[0], i);
    return std::nullopt;
  }
  if (op == "Expand") {
    if (auto err = arity(2, 2))
      return err;
    std::vector<int64_t> dims;
    if (auto err = readShape(*in[1], dims))
      return err;
    Folded shape;
    shape.dims = dims;
    return elementwise({in[0], &shape}, in[0]->type, out[0],
                       [&](ArrayRef<int64_t> k, int64_t i) {
                         copyElement(*in[0], k[0], out[0], i);
                         return std::optional<FoldError>();
                       });
  }
  if (op == "Equal") {
    if (auto err = arity(2, 2))
      return err;
    if (in[0]->type != in[1]->type)
      return fail("its operands have different element types");
    return elementwise({in[0], in[1]}, onnx::TensorProto::BOOL, out[0],
                       [&](ArrayRef<int64_t> k, int64_t i) {
                         out[0].ints[i] =
                             in[0]->isFloat()
                                 ? in[0]->reals[k[0]] == in[1]->reals[k[1]]
                                 : in[0]->ints[k[0]] == in[1]->ints[k[1]];
                         return std::optional<FoldError>();
                       });
  }
  if (op == "Where") {
    if (auto err = arity(3, 3))
      return err;
    if (in[0]->type != onnx::TensorProto::BOOL || in[1]->type != in[2]->type)
      return fail("its condition is not boolean or its values differ in "
                  "type");
    return elementwise({in[0], in[1], in[2]}, in[1]->type, out[0],
                       [&](ArrayRef<int64_t> k, int64_t i) {
                         if (in[0]->ints[k[0]])
                           copyElement(*in[1], k[1], out[0], i);
                         else
                           copyElement(*in[2], k[2], out[0], i);
                         return std::optional<FoldError>();
                       });
  }
  if (op == "Range") {
    if (auto err = arity(3, 3))
      return err;
    return range(*in[0], *in[1], *in[2], out[0]);
  }
  return fail("nn does not evaluate it");
}

// The initializer holding an evaluated tensor.
static onnx::TensorProto toProto(const std::string &name, const Folded &t) {
  onnx::TensorProto proto;
  proto.set_name(name);
  proto.set_data_type(t.type);
  for (int64_t d : t.dims)
    proto.add_dims(d);
  switch (t.type) {
  case onnx::TensorProto::FLOAT:
    for (double v : t.reals)
      proto.add_float_data(float(v));
    break;
  case onnx::TensorProto::DOUBLE:
    for (double v : t.reals)
      proto.add_double_data(v);
    break;
  case onnx::TensorProto::INT64:
    for (int64_t v : t.ints)
      proto.add_int64_data(v);
    break;
  default: // INT32, INT8, UINT8, BOOL live in int32_data
    for (int64_t v : t.ints)
      proto.add_int32_data(int32_t(v));
    break;
  }
  return proto;
}

LogicalResult ShapeFolder::run(bool &changed) {
  onnx::GraphProto &graph = *model.mutable_graph();
  for (const onnx::TensorProto &tensor : graph.initializer())
    protos[tensor.name()] = &tensor;
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1)
      if (const onnx::AttributeProto *value = findAttr(node, "value"))
        protos[node.output(0)] = &value->t();
  for (const auto *infos :
       {&graph.input(), &graph.value_info(), &graph.output()})
    for (const onnx::ValueInfoProto &info : *infos)
      types[info.name()] = &info.type();

  std::vector<onnx::TensorProto> folded;
  std::set<int> removed;
  for (int n = 0; n < graph.node_size(); ++n) {
    const onnx::NodeProto &node = graph.node(n);
    if (!wantsFolding(node))
      continue;
    std::optional<std::string> unknown = unknownInput(node);
    if (readFailed)
      return failure();
    if (unknown && !reportUnfoldable)
      continue; // a later round, after shape inference, may know it
    if (std::optional<std::string> name = unknown) {
      InFlightDiagnostic diag = emitError(fileLoc);
      if (node.op_type() == "Shape" || node.op_type() == "Size")
        describeUnfoldableInput(diag, node, *name, "has no static shape");
      else if (protos.count(*name))
        describeUnfoldableInput(
            diag, node, *name,
            "is a constant nn does not evaluate at import (more than " +
                std::to_string(kMaxElements) +
                " elements, or not a number type)");
      else
        describeUnfoldableInput(diag, node, *name, kDataDependent);
      return failure();
    }
    std::vector<const Folded *> inputs;
    for (int i = 0; i < node.input_size(); ++i)
      inputs.push_back(node.input(i).empty() ||
                               (i == 0 && (node.op_type() == "Shape" ||
                                           node.op_type() == "Size"))
                           ? nullptr
                           : lookup(node.input(i)));
    std::vector<Folded> outputs;
    if (readFailed)
      return failure();
    if (node.op_type() != "Shape" && node.op_type() != "Size" &&
        (inputs.empty() || !inputs[0]))
      return error(node) << "input 0 is missing", failure();
    if (std::optional<FoldError> err = evaluate(node, inputs, outputs))
      return error(node) << "cannot be evaluated at import: " << err->message,
             failure();
    for (size_t i = 0; i < outputs.size() && int(i) < node.output_size(); ++i) {
      totalElements += outputs[i].size();
      if (totalElements > kMaxTotalElements)
        return error(node) << "the shape computations evaluated at import "
                              "exceed "
                           << kMaxTotalElements << " elements in all",
               failure();
      const std::string &name = node.output(i);
      if (name.empty())
        continue;
      folded.push_back(toProto(name, outputs[i]));
      computed.insert(name);
      known[name] = std::move(outputs[i]);
    }
    removed.insert(n);
  }
  if (removed.empty())
    return success();
  changed = true;

  // The folded outputs become initializers; their nodes and the value_info
  // inference gave them go.
  llvm::StringSet<> names;
  for (onnx::TensorProto &tensor : folded) {
    names.insert(tensor.name());
    *graph.add_initializer() = std::move(tensor);
  }
  google::protobuf::RepeatedPtrField<onnx::NodeProto> kept;
  for (int n = 0; n < graph.node_size(); ++n)
    if (!removed.count(n))
      *kept.Add() = std::move(*graph.mutable_node(n));
  graph.mutable_node()->Swap(&kept);
  auto *infos = graph.mutable_value_info();
  infos->erase(std::remove_if(infos->begin(), infos->end(),
                              [&](const onnx::ValueInfoProto &info) {
                                return names.contains(info.name());
                              }),
               infos->end());
  return success();
}

LogicalResult nn::onnx_import::foldShapeComputations(onnx::ModelProto &model,
                                                     StringRef modelDir,
                                                     Location fileLoc,
                                                     bool reportUnfoldable,
                                                     bool &changed) {
  return ShapeFolder(model, modelDir, fileLoc, reportUnfoldable).run(changed);
}
