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
// left to their importers (arithmetic on weights stays a layer). Every evaluated
// tensor is bounded by kMaxElements, and all of them by kMaxTotalElements,
// so that no model can make the import allocate without limit.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Support/CheckedArithmetic.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {

constexpr int64_t kMaxElements = int64_t(1) << 16;
constexpr int64_t kMaxTotalElements = int64_t(1) << 22;

// Op types nn imports only by evaluating them here.
const char *const kFoldOnlyOps[] = {
    "Cast",  "ConstantOfShape", "Equal", "Expand", "Gather", "Range",
    "Shape", "Size",            "Slice", "Where"};
// Layer op types that are evaluated when they compute shapes.
const char *const kShapeArithmeticOps[] = {
    "Add",   "Concat",  "Div",       "Identity", "Mul",      "Reshape",
    "Squeeze", "Sub",   "Transpose", "Unsqueeze"};

bool isFloatType(int32_t type) {
  return type == onnx::TensorProto::FLOAT ||
         type == onnx::TensorProto::DOUBLE;
}

bool isSupportedType(int32_t type) {
  switch (type) {
  case onnx::TensorProto::FLOAT:
  case onnx::TensorProto::DOUBLE:
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::BOOL:
    return true;
  default:
    return false;
  }
}

/// A tensor evaluated at import: integers (and booleans) exactly in `ints`,
/// floating-point values in `reals` (float32 values rounded as float32).
struct Folded {
  int32_t type = onnx::TensorProto::INT64;
  std::vector<int64_t> dims;
  std::vector<int64_t> ints;
  std::vector<double> reals;

  bool isFloat() const { return isFloatType(type); }
  int64_t size() const { return isFloat() ? reals.size() : ints.size(); }
  double real(int64_t i) const { return isFloat() ? reals[i] : ints[i]; }
};

/// Row-major strides of `dims`.
std::vector<int64_t> stridesOf(ArrayRef<int64_t> dims) {
  std::vector<int64_t> strides(dims.size(), 1);
  for (int i = int(dims.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * dims[i + 1];
  return strides;
}

/// The failure of one node's evaluation: why, for the diagnostic.
struct FoldError {
  std::string message;
};

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

LogicalResult nn::onnx_import::checkShapeComputations(
    const onnx::GraphProto &graph, Location fileLoc) {
  // The values a shape computation may read: constants, the outputs of
  // Shape and Size (which read only their input's shape), and what shape
  // computations make of them.
  llvm::StringSet<> shapeData;
  for (const onnx::TensorProto &tensor : graph.initializer())
    shapeData.insert(tensor.name());
  for (const onnx::NodeProto &node : graph.node()) {
    StringRef op = node.op_type();
    bool foldOnly = isFoldOnlyOp(op);
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

std::optional<Folded>
ShapeFolder::read(const onnx::TensorProto &tensor, const std::string &name) {
  std::vector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  std::optional<int64_t> count = checkedProduct(dims);
  if (!isSupportedType(tensor.data_type()) || !count ||
      *count > kMaxElements)
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
  if (!(node.domain().empty() || node.domain() == "ai.onnx"))
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

FoldError fail(const Twine &message) { return {message.str()}; }

// An axis in [-rank, rank) made non-negative.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

// An empty tensor of `type` and `dims`, or a FoldError when too large.
std::optional<FoldError> makeTensor(Folded &out, int32_t type,
                                    std::vector<int64_t> dims) {
  std::optional<int64_t> count = checkedProduct(dims);
  if (!count || *count > kMaxElements)
    return fail("its result would have more than " + Twine(kMaxElements) +
                " elements, the limit of what nn evaluates at import");
  out.type = type;
  out.dims = std::move(dims);
  if (out.isFloat())
    out.reals.assign(*count, 0.0);
  else
    out.ints.assign(*count, 0);
  return std::nullopt;
}

// Copies element `from` of `src` into element `to` of `dst` (same type).
void copyElement(const Folded &src, int64_t from, Folded &dst, int64_t to) {
  if (src.isFloat())
    dst.reals[to] = src.reals[from];
  else
    dst.ints[to] = src.ints[from];
}

// Numpy broadcasting of several shapes.
std::optional<std::vector<int64_t>>
broadcastShapes(ArrayRef<std::vector<int64_t>> shapes) {
  size_t rank = 0;
  for (const auto &shape : shapes)
    rank = std::max(rank, shape.size());
  std::vector<int64_t> result(rank, 1);
  for (const auto &shape : shapes)
    for (size_t i = 0; i < shape.size(); ++i) {
      int64_t &dim = result[rank - shape.size() + i];
      if (shape[i] == dim || shape[i] == 1)
        continue;
      if (dim != 1)
        return std::nullopt;
      dim = shape[i];
    }
  return result;
}

// The element of an operand of shape `dims` that broadcasts to element
// `index` of a result of shape `outDims`.
int64_t broadcastIndex(int64_t index, ArrayRef<int64_t> outDims,
                       ArrayRef<int64_t> outStrides, ArrayRef<int64_t> dims) {
  int64_t offset = 0, stride = 1;
  for (int i = int(dims.size()) - 1; i >= 0; --i) {
    size_t outAxis = outDims.size() - dims.size() + i;
    int64_t coord = (index / outStrides[outAxis]) % outDims[outAxis];
    if (dims[i] != 1)
      offset += coord * stride;
    stride *= dims[i];
  }
  return offset;
}

// Elementwise ops on broadcast operands: `fn` gets the element indices of
// the operands and writes element `i` of `out`.
std::optional<FoldError>
elementwise(ArrayRef<const Folded *> inputs, int32_t outType, Folded &out,
            llvm::function_ref<std::optional<FoldError>(
                ArrayRef<int64_t> operandIndex, int64_t i)>
                fn) {
  std::vector<std::vector<int64_t>> shapes;
  for (const Folded *input : inputs)
    shapes.push_back(input->dims);
  std::optional<std::vector<int64_t>> dims = broadcastShapes(shapes);
  if (!dims)
    return fail("its operand shapes do not broadcast");
  if (auto err = makeTensor(out, outType, *dims))
    return err;
  std::vector<int64_t> strides = stridesOf(*dims);
  SmallVector<int64_t> index(inputs.size());
  for (int64_t i = 0; i < out.size(); ++i) {
    for (size_t k = 0; k < inputs.size(); ++k)
      index[k] = broadcastIndex(i, *dims, strides, inputs[k]->dims);
    if (auto err = fn(index, i))
      return err;
  }
  return std::nullopt;
}

std::optional<FoldError> arithmetic(StringRef op, const Folded &a,
                                    const Folded &b, Folded &out) {
  if (a.type != b.type)
    return fail("its operands have different element types");
  return elementwise({&a, &b}, a.type, out, [&](ArrayRef<int64_t> k,
                                                int64_t i)
                         -> std::optional<FoldError> {
    if (a.isFloat()) {
      double x = a.reals[k[0]], y = b.reals[k[1]];
      double r = op == "Add" ? x + y : op == "Sub" ? x - y
                 : op == "Mul" ? x * y : x / y;
      out.reals[i] = a.type == onnx::TensorProto::FLOAT ? double(float(r)) : r;
      return std::nullopt;
    }
    int64_t x = a.ints[k[0]], y = b.ints[k[1]], r = 0;
    bool overflow = false;
    if (op == "Add")
      overflow = __builtin_add_overflow(x, y, &r);
    else if (op == "Sub")
      overflow = __builtin_sub_overflow(x, y, &r);
    else if (op == "Mul")
      overflow = __builtin_mul_overflow(x, y, &r);
    else if (y == 0 || (x == INT64_MIN && y == -1))
      return fail("it divides " + Twine(x) + " by " + Twine(y));
    else
      r = x / y; // ONNX's integer Div truncates, as C++ does
    if (overflow)
      return fail("its integer arithmetic overflows 64 bits");
    out.ints[i] = r;
    return std::nullopt;
  });
}

// The integer `value` converted to the ONNX integer type `type` (wrapping as
// a C cast does), or the boolean.
int64_t wrapInt(int64_t value, int32_t type) {
  switch (type) {
  case onnx::TensorProto::INT32:
    return int32_t(uint32_t(value));
  case onnx::TensorProto::INT8:
    return int8_t(uint8_t(value));
  case onnx::TensorProto::UINT8:
    return uint8_t(value);
  case onnx::TensorProto::BOOL:
    return value != 0;
  default:
    return value;
  }
}

std::optional<FoldError> cast(const Folded &in, int32_t to, Folded &out) {
  if (!isSupportedType(to))
    return fail("it casts to " + dataTypeName(to) +
                ", which nn does not evaluate at import");
  if (auto err = makeTensor(out, to, in.dims))
    return err;
  for (int64_t i = 0; i < in.size(); ++i) {
    if (out.isFloat()) {
      double v = in.real(i);
      out.reals[i] = to == onnx::TensorProto::FLOAT ? double(float(v)) : v;
    } else if (in.isFloat()) {
      double v = in.reals[i];
      if (to == onnx::TensorProto::BOOL) {
        out.ints[i] = v != 0;
        continue;
      }
      // Beyond int64 (or NaN) the conversion is undefined.
      if (!(std::fabs(v) < 9.2e18))
        return fail("it casts " + llvm::formatv("{0:e}", v).str() +
                    " to an integer type");
      out.ints[i] = wrapInt(int64_t(v), to);
    } else {
      out.ints[i] = wrapInt(in.ints[i], to);
    }
  }
  return std::nullopt;
}

// Gathers whole slices along `axis` (ONNX Gather).
std::optional<FoldError> gather(const Folded &data, const Folded &indices,
                                int64_t axisAttr, Folded &out) {
  if (indices.isFloat())
    return fail("its indices are not integers");
  int64_t rank = data.dims.size();
  std::optional<int64_t> axis = normalizeAxis(axisAttr, rank);
  if (!axis)
    return fail("axis " + Twine(axisAttr) + " is out of range for rank " +
                Twine(rank));
  std::vector<int64_t> dims(data.dims.begin(), data.dims.begin() + *axis);
  dims.insert(dims.end(), indices.dims.begin(), indices.dims.end());
  dims.insert(dims.end(), data.dims.begin() + *axis + 1, data.dims.end());
  if (auto err = makeTensor(out, data.type, dims))
    return err;
  int64_t outer = 1, inner = 1, extent = data.dims[*axis];
  for (int64_t i = 0; i < *axis; ++i)
    outer *= data.dims[i];
  for (int64_t i = *axis + 1; i < rank; ++i)
    inner *= data.dims[i];
  int64_t count = indices.size(), to = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t k = 0; k < count; ++k) {
      int64_t index = indices.ints[k];
      if (index < -extent || index >= extent)
        return fail("index " + Twine(index) + " is out of range for a "
                    "dimension of size " + Twine(extent));
      if (index < 0)
        index += extent;
      for (int64_t in = 0; in < inner; ++in)
        copyElement(data, (o * extent + index) * inner + in, out, to++);
    }
  return std::nullopt;
}

// ONNX Slice (opset 13): starts, ends, optional axes and steps.
std::optional<FoldError> slice(const Folded &data,
                               ArrayRef<const Folded *> params, Folded &out) {
  for (const Folded *param : params)
    if (param && param->isFloat())
      return fail("its starts, ends, axes and steps must be integers");
  const Folded &starts = *params[0], &ends = *params[1];
  int64_t rank = data.dims.size(), n = starts.size();
  if (ends.size() != n || (params[2] && params[2]->size() != n) ||
      (params[3] && params[3]->size() != n))
    return fail("its starts, ends, axes and steps differ in length");
  std::vector<int64_t> begin(rank, 0), step(rank, 1), dims = data.dims;
  std::vector<bool> seen(rank, false);
  for (int64_t i = 0; i < n; ++i) {
    int64_t axisValue = params[2] ? params[2]->ints[i] : i;
    std::optional<int64_t> axis = normalizeAxis(axisValue, rank);
    if (!axis || seen[*axis])
      return fail("axis " + Twine(axisValue) +
                  " is out of range or repeated");
    seen[*axis] = true;
    int64_t s = params[3] ? params[3]->ints[i] : 1;
    if (s == 0)
      return fail("a step is 0");
    int64_t extent = data.dims[*axis];
    // Clamp as ONNX defines (the sentinel ends are +-2^63).
    auto clampIndex = [&](int64_t v, int64_t low, int64_t high) {
      if (v < 0)
        v = v < -extent ? -1 : v + extent;
      return std::clamp<int64_t>(v, low, high);
    };
    int64_t b = clampIndex(starts.ints[i], s > 0 ? 0 : -1,
                           s > 0 ? extent : extent - 1);
    int64_t e = clampIndex(ends.ints[i], s > 0 ? 0 : -1,
                           s > 0 ? extent : extent - 1);
    if (starts.ints[i] < -extent && s < 0)
      b = -1;
    // ceil(|e - b| / |s|) without overflow (|s| may be 2^63).
    int64_t count = 0;
    if (s > 0 && e > b)
      count = (e - b - 1) / s + 1;
    else if (s < 0 && b > e)
      count = s == INT64_MIN ? 1 : (b - e - 1) / -s + 1;
    begin[*axis] = b;
    step[*axis] = s;
    dims[*axis] = count;
  }
  if (auto err = makeTensor(out, data.type, dims))
    return err;
  std::vector<int64_t> inStrides = stridesOf(data.dims),
                       outStrides = stridesOf(dims);
  for (int64_t i = 0; i < out.size(); ++i) {
    int64_t from = 0;
    for (int64_t d = 0; d < rank; ++d)
      from += (begin[d] + ((i / outStrides[d]) % dims[d]) * step[d]) *
              inStrides[d];
    copyElement(data, from, out, i);
  }
  return std::nullopt;
}

std::optional<FoldError> concat(ArrayRef<const Folded *> inputs,
                                int64_t axisAttr, Folded &out) {
  const Folded &first = *inputs.front();
  int64_t rank = first.dims.size();
  std::optional<int64_t> axis = normalizeAxis(axisAttr, rank);
  if (!axis)
    return fail("axis " + Twine(axisAttr) + " is out of range");
  std::vector<int64_t> dims = first.dims;
  dims[*axis] = 0;
  for (const Folded *input : inputs) {
    if (input->type != first.type || int64_t(input->dims.size()) != rank)
      return fail("its inputs differ in element type or rank");
    for (int64_t d = 0; d < rank; ++d)
      if (d != *axis && input->dims[d] != first.dims[d])
        return fail("its inputs differ in a dimension other than the axis");
    dims[*axis] += input->dims[*axis];
  }
  if (auto err = makeTensor(out, first.type, dims))
    return err;
  int64_t outer = 1;
  for (int64_t d = 0; d < *axis; ++d)
    outer *= dims[d];
  int64_t to = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (const Folded *input : inputs) {
      int64_t block = outer ? input->size() / outer : 0;
      for (int64_t k = 0; k < block; ++k)
        copyElement(*input, o * block + k, out, to++);
    }
  return std::nullopt;
}

// Reshape, Squeeze, Unsqueeze, Identity: the same elements, new dims.
std::optional<FoldError> withDims(const Folded &in, std::vector<int64_t> dims,
                                  Folded &out) {
  std::optional<int64_t> count = checkedProduct(dims);
  if (!count || *count != in.size())
    return fail("the new shape does not hold its " + Twine(in.size()) +
                " elements");
  out = in;
  out.dims = std::move(dims);
  return std::nullopt;
}

std::optional<FoldError> reshape(const Folded &in, const Folded &shape,
                                 bool allowZero, Folded &out) {
  if (shape.isFloat())
    return fail("its shape is not integers");
  std::vector<int64_t> dims;
  int64_t inferred = -1, known = 1;
  for (int64_t i = 0; i < shape.size(); ++i) {
    int64_t d = shape.ints[i];
    if (d == 0 && !allowZero) {
      if (i >= int64_t(in.dims.size()))
        return fail("shape entry 0 copies a dimension the input lacks");
      d = in.dims[i];
    }
    if (d == -1) {
      if (inferred >= 0)
        return fail("its shape holds -1 twice");
      inferred = i;
      dims.push_back(1);
      continue;
    }
    if (d < 0 || __builtin_mul_overflow(known, d, &known))
      return fail("its shape holds " + Twine(d));
    dims.push_back(d);
  }
  if (inferred >= 0) {
    if (known == 0 || in.size() % known)
      return fail("-1 cannot be inferred");
    dims[inferred] = in.size() / known;
  }
  return withDims(in, dims, out);
}

std::optional<FoldError> squeeze(const Folded &in, const Folded *axes,
                                 bool unsqueeze, Folded &out) {
  if (axes && axes->isFloat())
    return fail("its axes are not integers");
  if (unsqueeze && !axes)
    return fail("its axes are missing");
  int64_t outRank = int64_t(in.dims.size()) +
                    (unsqueeze ? axes->size() : 0);
  std::vector<bool> marked(unsqueeze ? outRank : in.dims.size(), false);
  if (axes)
    for (int64_t value : axes->ints) {
      std::optional<int64_t> axis = normalizeAxis(value, marked.size());
      if (!axis || marked[*axis])
        return fail("axis " + Twine(value) + " is out of range or repeated");
      marked[*axis] = true;
    }
  std::vector<int64_t> dims;
  if (unsqueeze) {
    size_t next = 0;
    for (bool isNew : marked)
      dims.push_back(isNew ? 1 : in.dims[next++]);
  } else {
    for (size_t d = 0; d < in.dims.size(); ++d) {
      bool drop = axes ? bool(marked[d]) : in.dims[d] == 1;
      if (drop && in.dims[d] != 1)
        return fail("it squeezes dimension " + Twine(d) + " of size " +
                    Twine(in.dims[d]));
      if (!drop)
        dims.push_back(in.dims[d]);
    }
  }
  return withDims(in, dims, out);
}

std::optional<FoldError> transpose(const Folded &in,
                                   const onnx::AttributeProto *permAttr,
                                   Folded &out) {
  int64_t rank = in.dims.size();
  std::vector<int64_t> perm;
  if (permAttr)
    perm.assign(permAttr->ints().begin(), permAttr->ints().end());
  else
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  std::vector<bool> seen(rank, false);
  if (int64_t(perm.size()) != rank)
    return fail("perm does not match the rank");
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return fail("perm is not a permutation");
    seen[p] = true;
  }
  std::vector<int64_t> dims;
  for (int64_t p : perm)
    dims.push_back(in.dims[p]);
  if (auto err = makeTensor(out, in.type, dims))
    return err;
  std::vector<int64_t> inStrides = stridesOf(in.dims),
                       outStrides = stridesOf(dims);
  for (int64_t i = 0; i < out.size(); ++i) {
    int64_t from = 0;
    for (int64_t d = 0; d < rank; ++d)
      from += ((i / outStrides[d]) % dims[d]) * inStrides[perm[d]];
    copyElement(in, from, out, i);
  }
  return std::nullopt;
}

// A 1-D integer tensor read as a shape (ConstantOfShape, Expand).
std::optional<FoldError> readShape(const Folded &shape,
                                   std::vector<int64_t> &dims) {
  if (shape.isFloat() || shape.dims.size() > 1)
    return fail("its shape operand is not a 1-D integer tensor");
  for (int64_t d : shape.ints)
    if (d < 0)
      return fail("its shape holds " + Twine(d));
  dims = shape.ints;
  return std::nullopt;
}

std::optional<FoldError> range(const Folded &start, const Folded &limit,
                               const Folded &delta, Folded &out) {
  for (const Folded *t : {&start, &limit, &delta})
    if (t->size() != 1 || t->type != start.type)
      return fail("start, limit and delta must be scalars of one type");
  double s = start.real(0), l = limit.real(0), d = delta.real(0);
  if (d == 0)
    return fail("delta is 0");
  double count = std::ceil((l - s) / d);
  if (!(count <= double(kMaxElements)))
    count = double(kMaxElements) + 1; // NaN and huge counts fail below
  if (auto err = makeTensor(out, start.type,
                            {count > 0 ? int64_t(count) : int64_t(0)}))
    return err;
  for (int64_t i = 0; i < out.size(); ++i) {
    if (out.isFloat()) {
      out.reals[i] = s + double(i) * d;
      continue;
    }
    int64_t step = 0;
    if (__builtin_mul_overflow(i, delta.ints[0], &step) ||
        __builtin_add_overflow(start.ints[0], step, &out.ints[i]))
      return fail("its values overflow 64 bits");
  }
  return std::nullopt;
}
} // namespace

std::optional<FoldError>
ShapeFolder::evaluate(const onnx::NodeProto &node,
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
    return squeeze(*in[0], in.size() > 1 ? in[1] : nullptr,
                   op == "Unsqueeze", out[0]);
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
  for (const auto *infos : {&graph.input(), &graph.value_info(),
                            &graph.output()})
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
      return error(node) << "cannot be evaluated at import: "
                         << err->message,
             failure();
    for (size_t i = 0; i < outputs.size() && int(i) < node.output_size();
         ++i) {
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
