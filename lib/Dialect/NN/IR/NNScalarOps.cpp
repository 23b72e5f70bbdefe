//===- NNScalarOps.cpp - verifiers of the scalar fixed-point ops ----------===//
//
// nn.fx.constant, nn.fx.mul, nn.fx.add, nn.fx.cast, nn.fx.relu and
// nn.fx.rom: the ops of loop-level IR (docs/Lowering.md).
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace nn;

static FixedType toType(MLIRContext *context, const fx::Format &format) {
  return FixedType::get(context, unsigned(format.width), format.intWidth,
                        format.isSigned,
                        static_cast<RoundingMode>(format.rounding),
                        static_cast<OverflowMode>(format.overflow));
}

LogicalResult FxConstantOp::verify() {
  auto type = llvm::cast<FixedType>(getResult().getType());
  if (type.getWidth() > 64)
    return emitOpError("result type ")
           << type << " has more than 64 bits";
  fx::Format format = type.getFormat();
  int64_t raw = getRaw();
  fx::i128 value = fx::rawToInt(raw, format);
  if (value < format.minInt() || value > format.maxInt())
    return emitOpError("raw value ")
           << raw << " is outside the range of " << type;
  return success();
}

LogicalResult FxMulOp::verify() {
  auto lhs = llvm::cast<FixedType>(getLhs().getType());
  auto rhs = llvm::cast<FixedType>(getRhs().getType());
  FixedType expected =
      toType(getContext(), fx::productFormat(lhs.getFormat(), rhs.getFormat()));
  if (getResult().getType() != expected)
    return emitOpError("result type ")
           << getResult().getType() << " differs from the exact product type "
           << expected;
  return success();
}

LogicalResult FxAddOp::verify() {
  auto lhs = llvm::cast<FixedType>(getLhs().getType());
  auto rhs = llvm::cast<FixedType>(getRhs().getType());
  FixedType expected =
      toType(getContext(), fx::sumFormat(lhs.getFormat(), rhs.getFormat()));
  if (getResult().getType() != expected)
    return emitOpError("result type ")
           << getResult().getType() << " differs from the exact sum type "
           << expected;
  return success();
}

LogicalResult FxCastOp::verify() {
  auto type = llvm::cast<FixedType>(getResult().getType());
  if (type.getWidth() > 64)
    return emitOpError("result type ")
           << type << " has more than 64 bits";
  return success();
}

LogicalResult FxRomOp::verify() {
  auto memref = llvm::cast<MemRefType>(getResult().getType());
  auto element = llvm::cast<FixedType>(memref.getElementType());
  auto valueType = llvm::cast<ShapedType>(getValue().getType());
  if (valueType.getShape() != memref.getShape())
    return emitOpError("value shape ")
           << formatShape(valueType.getShape()) << " differs from the result shape "
           << formatShape(memref.getShape());
  if (!valueType.getElementType().isSignlessInteger(element.getWidth()))
    return emitOpError("value elements must be the raw integers i")
           << element.getWidth() << " of " << element << ", got "
           << valueType.getElementType();
  return success();
}
