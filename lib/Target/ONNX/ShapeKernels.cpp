//===- ShapeKernels.cpp - ONNX op semantics on small host tensors ---------===//
//
// The evaluation behind shape folding (ShapeFolding.cpp): ONNX's semantics
// of each op on Folded tensors, bounded by kMaxElements, with integer
// overflow, out-of-range indices and undefined casts reported as errors.
//
//===----------------------------------------------------------------------===//

#include "ShapeKernels.h"

#include "GraphImporter.h"

#include "nn/Support/CheckedArithmetic.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <climits>
#include <cmath>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;
using namespace nn::onnx_import::shape_kernels;

bool shape_kernels::isSupportedType(int32_t type) {
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

/// Row-major strides of `dims`.
static std::vector<int64_t> stridesOf(ArrayRef<int64_t> dims) {
  std::vector<int64_t> strides(dims.size(), 1);
  for (int i = int(dims.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * dims[i + 1];
  return strides;
}

// Fills `out` (of shape `dims`, allocated) with the elements of `in` whose
// flat index is the sum over the result's axes d of offset(d, coordinate).
static void copyStrided(const Folded &in, Folded &out, ArrayRef<int64_t> dims,
                        function_ref<int64_t(int64_t, int64_t)> offset) {
  std::vector<int64_t> outStrides = stridesOf(dims);
  for (int64_t i = 0; i < out.size(); ++i) {
    int64_t from = 0;
    for (size_t d = 0; d < dims.size(); ++d)
      from += offset(d, (i / outStrides[d]) % dims[d]);
    copyElement(in, from, out, i);
  }
}

FoldError shape_kernels::fail(const Twine &message) { return {message.str()}; }

// An axis in [-rank, rank) made non-negative.
static std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

// An empty tensor of `type` and `dims`, or a FoldError when too large.
FoldResult shape_kernels::makeTensor(Folded &out, int32_t type,
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
void shape_kernels::copyElement(const Folded &src, int64_t from, Folded &dst,
                                int64_t to) {
  if (src.isFloat())
    dst.reals[to] = src.reals[from];
  else
    dst.ints[to] = src.ints[from];
}

// Numpy broadcasting of several shapes.
static std::optional<std::vector<int64_t>>
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
static int64_t broadcastIndex(int64_t index, ArrayRef<int64_t> outDims,
                              ArrayRef<int64_t> outStrides,
                              ArrayRef<int64_t> dims) {
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
FoldResult shape_kernels::elementwise(
    ArrayRef<const Folded *> inputs, int32_t outType, Folded &out,
    llvm::function_ref<FoldResult(ArrayRef<int64_t> operandIndex, int64_t i)>
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

FoldResult shape_kernels::arithmetic(StringRef op, const Folded &a,
                                     const Folded &b, Folded &out) {
  if (a.type != b.type)
    return fail("its operands have different element types");
  return elementwise(
      {&a, &b}, a.type, out, [&](ArrayRef<int64_t> k, int64_t i) -> FoldResult {
        if (a.isFloat()) {
          double x = a.reals[k[0]], y = b.reals[k[1]];
          double r = op == "Add"   ? x + y
                     : op == "Sub" ? x - y
                     : op == "Mul" ? x * y
                                   : x / y;
          out.reals[i] =
              a.type == onnx::TensorProto::FLOAT ? double(float(r)) : r;
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
static int64_t wrapInt(int64_t value, int32_t type) {
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

FoldResult shape_kernels::cast(const Folded &in, int32_t to, Folded &out) {
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
FoldResult shape_kernels::gather(const Folded &data, const Folded &indices,
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
        return fail("index " + Twine(index) +
                    " is out of range for a "
                    "dimension of size " +
                    Twine(extent));
      if (index < 0)
        index += extent;
      for (int64_t in = 0; in < inner; ++in)
        copyElement(data, (o * extent + index) * inner + in, out, to++);
    }
  return std::nullopt;
}

// ONNX Slice (opset 13): starts, ends, optional axes and steps.
FoldResult shape_kernels::slice(const Folded &data,
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
      return fail("axis " + Twine(axisValue) + " is out of range or repeated");
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
    int64_t b =
        clampIndex(starts.ints[i], s > 0 ? 0 : -1, s > 0 ? extent : extent - 1);
    int64_t e =
        clampIndex(ends.ints[i], s > 0 ? 0 : -1, s > 0 ? extent : extent - 1);
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
  std::vector<int64_t> inStrides = stridesOf(data.dims);
  copyStrided(data, out, dims, [&](int64_t d, int64_t coord) {
    return (begin[d] + coord * step[d]) * inStrides[d];
  });
  return std::nullopt;
}

FoldResult shape_kernels::concat(ArrayRef<const Folded *> inputs,
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
static FoldResult withDims(const Folded &in, std::vector<int64_t> dims,
                           Folded &out) {
  std::optional<int64_t> count = checkedProduct(dims);
  if (!count || *count != in.size())
    return fail("the new shape does not hold its " + Twine(in.size()) +
                " elements");
  out = in;
  out.dims = std::move(dims);
  return std::nullopt;
}

FoldResult shape_kernels::reshape(const Folded &in, const Folded &shape,
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

FoldResult shape_kernels::squeeze(const Folded &in, const Folded *axes,
                                  bool unsqueeze, Folded &out) {
  if (axes && axes->isFloat())
    return fail("its axes are not integers");
  if (unsqueeze && !axes)
    return fail("its axes are missing");
  int64_t outRank = int64_t(in.dims.size()) + (unsqueeze ? axes->size() : 0);
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

FoldResult shape_kernels::transpose(const Folded &in,
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
  std::vector<int64_t> inStrides = stridesOf(in.dims);
  copyStrided(in, out, dims, [&](int64_t d, int64_t coord) {
    return coord * inStrides[perm[d]];
  });
  return std::nullopt;
}

// A 1-D integer tensor read as a shape (ConstantOfShape, Expand).
FoldResult shape_kernels::readShape(const Folded &shape,
                                    std::vector<int64_t> &dims) {
  if (shape.isFloat() || shape.dims.size() > 1)
    return fail("its shape operand is not a 1-D integer tensor");
  for (int64_t d : shape.ints)
    if (d < 0)
      return fail("its shape holds " + Twine(d));
  dims = shape.ints;
  return std::nullopt;
}

FoldResult shape_kernels::range(const Folded &start, const Folded &limit,
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
