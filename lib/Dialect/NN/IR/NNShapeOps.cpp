//===- NNShapeOps.cpp - constants and data movement -----------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/SmallString.h"

#include <cmath>
#include <cstring>
#include <vector>

using namespace mlir;
using namespace nn;

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

// nn.constant <elements attr> [-> <result type>]
ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  SMLoc loc = parser.getCurrentLocation();
  Attribute value;
  if (parser.parseAttribute(value))
    return failure();
  auto elements = llvm::dyn_cast<ElementsAttr>(value);
  if (!elements)
    return parser.emitError(loc, "expected an elements attribute, got ")
           << value;
  Type resultType = elements.getType();
  if (succeeded(parser.parseOptionalArrow()) && parser.parseType(resultType))
    return failure();
  result.getOrAddProperties<Properties>().value = elements;
  result.addTypes(resultType);
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  printer << ' ';
  printer.printAttribute(getValue());
  if (getValue().getType() != getType())
    printer << " -> " << getType();
}

LogicalResult ConstantOp::verify() {
  auto valueType = llvm::dyn_cast<RankedTensorType>(getValue().getType());
  RankedTensorType resultType = getType();
  if (!valueType)
    return emitOpError("value must be a ranked tensor, got ")
           << getValue().getType();
  if (valueType.getShape() != resultType.getShape())
    return emitOpError("value shape ")
           << formatShape(valueType.getShape())
           << " differs from the result shape "
           << formatShape(resultType.getShape());
  Type valueElement = valueType.getElementType();
  if (auto fixed = llvm::dyn_cast<FixedType>(resultType.getElementType())) {
    if (!valueElement.isSignlessInteger(fixed.getWidth()))
      return emitOpError("a fixed-point constant of ")
             << fixed << " holds its raw values as i" << fixed.getWidth()
             << ", got " << valueElement;
    return success();
  }
  if (valueElement != resultType.getElementType())
    return emitOpError("value element type ")
           << valueElement << " differs from the result element type "
           << resultType.getElementType();
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

// Data movement never converts: the result has the input's element type.
// (The ConsistentElementTypes trait only compares floating-point types;
// fixed-point values may differ in precision there.)
static LogicalResult verifySameElementType(Operation *op, Type input,
                                           Type result, StringRef inputName) {
  if (input == result)
    return success();
  return op->emitOpError("result element type ")
         << result << " differs from the " << inputName << " element type "
         << input << "; data movement does not convert";
}

static LogicalResult verifyResultShape(Operation *op, ArrayRef<int64_t> actual,
                                       ArrayRef<int64_t> expected) {
  if (actual == expected)
    return success();
  return op->emitOpError("result shape ")
         << formatShape(actual) << " differs from the expected "
         << formatShape(expected);
}

// A constant the shape folders may rewrite: a DenseElementsAttr (float
// values, or the raw integers of a fixed-point constant). dense_resource
// constants are left alone on purpose: their bytes live in one blob that is
// never copied or reordered by canonicalization (a reshape of a 20-million
// element weight must not duplicate it); later passes read them in place.
static DenseElementsAttr getFoldableConstant(Attribute attr) {
  return llvm::dyn_cast_or_null<DenseElementsAttr>(attr);
}

// The folded value of a constant that takes the result's shape: the element
// type stays the stored one (for fixed point, the raw iW integers), so that
// the materialized nn.constant pairs it with the fixed-point result type.
static RankedTensorType foldedValueType(DenseElementsAttr value,
                                        RankedTensorType resultType) {
  return RankedTensorType::get(resultType.getShape(), value.getElementType());
}

static bool isIdentityPermutation(ArrayRef<int64_t> perm) {
  for (auto [index, value] : llvm::enumerate(perm))
    if (value != static_cast<int64_t>(index))
      return false;
  return true;
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::verify() {
  OperandRange inputs = getInputs();
  RankedTensorType resultType = getType();
  if (inputs.empty())
    return emitOpError("needs at least one input");
  auto first = llvm::cast<RankedTensorType>(inputs.front().getType());
  int64_t rank = first.getRank();
  int64_t axis = static_cast<int64_t>(getAxis());
  if (axis < -rank || axis >= rank)
    return emitOpError("axis ")
           << axis << " is out of range [" << -rank << ", " << rank
           << ") for inputs of rank " << rank;
  if (axis < 0)
    axis += rank;
  SmallVector<int64_t> expected(first.getShape());
  expected[axis] = 0;
  for (auto [index, input] : llvm::enumerate(inputs)) {
    auto type = llvm::cast<RankedTensorType>(input.getType());
    if (failed(verifySameElementType(*this, type.getElementType(),
                                     resultType.getElementType(),
                                     "input " + std::to_string(index))))
      return failure();
    if (type.getRank() != rank)
      return emitOpError("input ")
             << index << " has rank " << type.getRank()
             << ", but input 0 has rank " << rank;
    for (int64_t dim = 0; dim < rank; ++dim)
      if (dim != axis && type.getDimSize(dim) != first.getDimSize(dim))
        return emitOpError("input ")
               << index << " shape " << formatShape(type.getShape())
               << " differs from input 0 shape " << formatShape(first.getShape())
               << " in dimension " << dim << " (only axis " << axis
               << " may differ)";
    std::optional<int64_t> sum =
        llvm::checkedAdd(expected[axis], type.getDimSize(axis));
    if (!sum)
      return emitOpError("the inputs' sizes along axis ")
             << axis << " add up to more than 2^63 - 1";
    expected[axis] = *sum;
  }
  return verifyResultShape(*this, resultType.getShape(), expected);
}

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1 && getInputs().front().getType() == getType())
    return getInputs().front();
  return {};
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  if (failed(verifySameElementType(*this, inputType.getElementType(),
                                   resultType.getElementType(), "input")))
    return failure();
  if (inputType.getNumElements() != resultType.getNumElements())
    return emitOpError("result shape ")
           << formatShape(resultType.getShape()) << " has "
           << resultType.getNumElements() << " elements, but the input shape "
           << formatShape(inputType.getShape()) << " has "
           << inputType.getNumElements();
  return success();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (DenseElementsAttr value = getFoldableConstant(adaptor.getInput()))
    return value.reshape(foldedValueType(value, getType()));
  // reshape(reshape(x)) and reshape(flatten(x)) read x directly: only the
  // element count matters, and both keep the row-major order.
  Operation *producer = getInput().getDefiningOp();
  if (producer && llvm::isa<ReshapeOp, FlattenOp>(producer)) {
    Value source = producer->getOperand(0);
    if (source.getType() == getType())
      return source;
    getInputMutable().assign(source);
    return getResult();
  }
  return {};
}

//===----------------------------------------------------------------------===//
// FlattenOp
//===----------------------------------------------------------------------===//

LogicalResult FlattenOp::verify() {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  if (failed(verifySameElementType(*this, inputType.getElementType(),
                                   resultType.getElementType(), "input")))
    return failure();
  int64_t rank = inputType.getRank();
  int64_t axis = static_cast<int64_t>(getAxis());
  if (axis < -rank || axis > rank)
    return emitOpError("axis ") << axis << " is out of range [" << -rank
                                << ", " << rank << "] for an input of rank "
                                << rank;
  if (axis < 0)
    axis += rank;
  // NN_Tensor's countable shape: both products fit.
  ArrayRef<int64_t> shape = inputType.getShape();
  std::optional<int64_t> outer = checkedProduct(shape.take_front(axis));
  std::optional<int64_t> inner = checkedProduct(shape.drop_front(axis));
  if (!outer || !inner)
    return emitOpError("the element count of the input ")
           << inputType << " does not fit in 64 bits";
  int64_t expected[] = {*outer, *inner};
  return verifyResultShape(*this, resultType.getShape(), expected);
}

OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (DenseElementsAttr value = getFoldableConstant(adaptor.getInput()))
    return value.reshape(foldedValueType(value, getType()));
  return {};
}

// flatten(reshape(x)) and flatten(flatten(x)) become one reshape of x: the
// axis of the outer flatten is meaningless for x's shape, only its result
// type counts.
LogicalResult FlattenOp::canonicalize(FlattenOp op, PatternRewriter &rewriter) {
  Operation *producer = op.getInput().getDefiningOp();
  if (!producer || !llvm::isa<ReshapeOp, FlattenOp>(producer))
    return failure();
  rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(),
                                         producer->getOperand(0));
  return success();
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::verify() {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  if (failed(verifySameElementType(*this, inputType.getElementType(),
                                   resultType.getElementType(), "input")))
    return failure();
  ArrayRef<int64_t> perm = getPerm();
  int64_t rank = inputType.getRank();
  if (static_cast<int64_t>(perm.size()) != rank)
    return emitOpError("perm has ")
           << perm.size() << " entries, but the input has rank " << rank;
  SmallVector<bool> seen(rank, false);
  for (int64_t value : perm) {
    if (value < 0 || value >= rank || seen[value])
      return emitOpError("perm ")
             << formatShape(perm) << " is not a permutation of [0, " << rank
             << ")";
    seen[value] = true;
  }
  SmallVector<int64_t> expected;
  for (int64_t value : perm)
    expected.push_back(inputType.getDimSize(value));
  return verifyResultShape(*this, resultType.getShape(), expected);
}

// Calls `visit(source)` for each output element in row-major order, with
// `source` the row-major index of the input element it copies.
static void forEachTransposedSource(ArrayRef<int64_t> inputShape,
                                    ArrayRef<int64_t> perm,
                                    function_ref<void(int64_t)> visit) {
  int64_t rank = inputShape.size();
  SmallVector<int64_t> inputStrides(rank, 1);
  for (int64_t dim = rank - 2; dim >= 0; --dim)
    inputStrides[dim] = inputStrides[dim + 1] * inputShape[dim + 1];
  // Output dimension i walks input dimension perm[i].
  SmallVector<int64_t> outputShape, step;
  for (int64_t value : perm) {
    outputShape.push_back(inputShape[value]);
    step.push_back(inputStrides[value]);
  }
  int64_t count = 1;
  for (int64_t size : inputShape)
    count *= size;
  SmallVector<int64_t> counter(rank, 0);
  int64_t source = 0;
  for (int64_t element = 0; element < count; ++element) {
    visit(source);
    for (int64_t dim = rank - 1; dim >= 0; --dim) {
      source += step[dim];
      if (++counter[dim] < outputShape[dim])
        break;
      source -= step[dim] * outputShape[dim];
      counter[dim] = 0;
    }
  }
}

static DenseElementsAttr transposeConstant(DenseElementsAttr value,
                                           ArrayRef<int64_t> perm,
                                           RankedTensorType resultType) {
  auto newType = foldedValueType(value, resultType);
  if (value.isSplat())
    return value.reshape(newType);
  ArrayRef<int64_t> inputShape = value.getType().getShape();
  unsigned bitWidth = value.getElementType().getIntOrFloatBitWidth();
  if (bitWidth > 1) {
    // Every element is stored in whole bytes: move the bytes.
    size_t bytes = (bitWidth + 7) / 8;
    ArrayRef<char> raw = value.getRawData();
    std::vector<char> permuted(raw.size());
    char *out = permuted.data();
    forEachTransposedSource(inputShape, perm, [&](int64_t source) {
      std::memcpy(out, raw.data() + source * bytes, bytes);
      out += bytes;
    });
    return DenseElementsAttr::getFromRawBuffer(newType, permuted);
  }
  // i1 (the raw values of a 1-bit fixed-point type) is stored bit-packed.
  auto values = llvm::to_vector(value.getValues<APInt>());
  SmallVector<APInt> permuted;
  permuted.reserve(values.size());
  forEachTransposedSource(inputShape, perm, [&](int64_t source) {
    permuted.push_back(values[source]);
  });
  return DenseElementsAttr::get(newType, permuted);
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPerm();
  if (isIdentityPermutation(perm) && getInput().getType() == getType())
    return getInput();
  if (DenseElementsAttr value = getFoldableConstant(adaptor.getInput()))
    return transposeConstant(value, perm, getType());
  // transpose(transpose(x, p), q) = transpose(x, r) with r[i] = p[q[i]]:
  // output dimension i is inner dimension q[i], which is x's p[q[i]].
  if (auto inner = getInput().getDefiningOp<TransposeOp>()) {
    ArrayRef<int64_t> innerPerm = inner.getPerm();
    SmallVector<int64_t> composed;
    for (int64_t value : perm)
      composed.push_back(innerPerm[value]);
    Value source = inner.getInput();
    if (isIdentityPermutation(composed) && source.getType() == getType())
      return source;
    getInputMutable().assign(source);
    setPerm(composed);
    return getResult();
  }
  return {};
}

//===----------------------------------------------------------------------===//
// PadOp
//===----------------------------------------------------------------------===//

// Whether `value` is k * 2^-F for a W-bit integer k of the fixed type.
static bool isRepresentable(double value, FixedType type) {
  double scaled = std::ldexp(value, type.getFracWidth());
  if (!std::isfinite(scaled) || scaled != std::trunc(scaled))
    return false;
  int width = type.getWidth();
  double low = type.getIsSigned() ? -std::ldexp(1.0, width - 1) : 0.0;
  double high = type.getIsSigned() ? std::ldexp(1.0, width - 1) - 1.0
                                   : std::ldexp(1.0, width) - 1.0;
  return scaled >= low && scaled <= high;
}

LogicalResult PadOp::verify() {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  if (failed(verifySameElementType(*this, inputType.getElementType(),
                                   resultType.getElementType(), "input")))
    return failure();
  ArrayRef<int64_t> pads = getPads();
  int64_t rank = inputType.getRank();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return emitOpError("pads has ")
           << pads.size() << " entries, but an input of rank " << rank
           << " needs " << 2 * rank << " (all begins, then all ends)";
  SmallVector<int64_t> expected;
  for (int64_t dim = 0; dim < rank; ++dim) {
    int64_t begin = pads[dim], end = pads[rank + dim];
    std::optional<int64_t> sum = llvm::checkedAdd(inputType.getDimSize(dim), begin);
    if (sum)
      sum = llvm::checkedAdd(*sum, end);
    if (!sum)
      return emitOpError("pads ")
             << begin << " (begin) and " << end << " (end) overflow dimension "
             << dim << " (size " << inputType.getDimSize(dim) << ")";
    int64_t size = *sum;
    if (size < 1)
      return emitOpError("pads ")
             << begin << " (begin) and " << end << " (end) leave "
             << size << " elements of dimension " << dim << " (size "
             << inputType.getDimSize(dim)
             << "); negative pads may crop, but every dimension must keep at "
                "least one element";
    expected.push_back(size);
  }
  if (auto fixed = llvm::dyn_cast<FixedType>(resultType.getElementType())) {
    if (!isRepresentable(getValue().convertToFloat(), fixed)) {
      SmallString<16> text;
      getValue().toString(text, /*FormatPrecision=*/7);
      return emitOpError("pad value ")
             << text << " is not representable in " << fixed;
    }
  }
  return verifyResultShape(*this, resultType.getShape(), expected);
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (llvm::all_of(getPads(), [](int64_t pad) { return pad == 0; }) &&
      getInput().getType() == getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// ResizeOp
//===----------------------------------------------------------------------===//

LogicalResult ResizeOp::verify() {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  if (failed(verifySameElementType(*this, inputType.getElementType(),
                                   resultType.getElementType(), "input")))
    return failure();
  ArrayRef<int64_t> scales = getScales();
  int64_t rank = inputType.getRank();
  if (static_cast<int64_t>(scales.size()) != rank)
    return emitOpError("scales has ")
           << scales.size() << " entries, but the input has rank " << rank;
  SmallVector<int64_t> expected;
  for (auto [dim, scale] : llvm::enumerate(scales)) {
    if (scale < 1)
      return emitOpError("scales must be positive integers, got ")
             << scale << " for dimension " << dim;
    std::optional<int64_t> size =
        llvm::checkedMul(inputType.getDimSize(dim), scale);
    if (!size)
      return emitOpError("scale ")
             << scale << " overflows dimension " << dim << " (size "
             << inputType.getDimSize(dim) << ")";
    expected.push_back(*size);
  }
  return verifyResultShape(*this, resultType.getShape(), expected);
}

OpFoldResult ResizeOp::fold(FoldAdaptor) {
  if (llvm::all_of(getScales(), [](int64_t scale) { return scale == 1; }) &&
      getInput().getType() == getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// ReduceMeanOp
//===----------------------------------------------------------------------===//

LogicalResult ReduceMeanOp::verify() {
  RankedTensorType inputType = getInput().getType();
  RankedTensorType resultType = getType();
  int64_t rank = inputType.getRank();
  ArrayRef<int64_t> axes = getAxes();
  SmallVector<bool> reduced(rank, axes.empty());
  for (int64_t axis : axes) {
    if (axis < -rank || axis >= rank)
      return emitOpError("axis ")
             << axis << " in axes is out of range [" << -rank << ", " << rank
             << ") for an input of rank " << rank;
    int64_t dim = axis < 0 ? axis + rank : axis;
    if (reduced[dim])
      return emitOpError("axes ")
             << formatShape(axes) << " name dimension " << dim << " twice";
    reduced[dim] = true;
  }
  // The mean of no element is undefined (the fixed-point forms would divide
  // by a zero count).
  for (int64_t dim = 0; dim < rank; ++dim)
    if (reduced[dim] && inputType.getDimSize(dim) == 0)
      return emitOpError("reduces over no element: dimension ")
             << dim << " has size 0";
  SmallVector<int64_t> expected;
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (!reduced[dim])
      expected.push_back(inputType.getDimSize(dim));
    else if (getKeepdims())
      expected.push_back(1);
  }
  return verifyResultShape(*this, resultType.getShape(), expected);
}
