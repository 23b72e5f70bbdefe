//===- NNShapeOps.cpp - constants and data movement -----------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

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
