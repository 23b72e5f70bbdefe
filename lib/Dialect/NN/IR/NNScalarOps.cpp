//===- NNScalarOps.cpp - verifiers of the scalar fixed-point ops ----------===//
//
// nn.fx.constant, mul, add, sub, cast, relu, max, to_index, ilog2,
// div_pow2, div_int and nn.fx.rom: the ops of loop-level IR (docs/Lowering.md).
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace nn;


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
      FixedType::get(getContext(), fx::productFormat(lhs.getFormat(), rhs.getFormat()));
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
      FixedType::get(getContext(), fx::sumFormat(lhs.getFormat(), rhs.getFormat()));
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

LogicalResult FxSubOp::verify() {
  auto lhs = llvm::cast<FixedType>(getLhs().getType());
  auto rhs = llvm::cast<FixedType>(getRhs().getType());
  FixedType expected = FixedType::get(
      getContext(), fx::differenceFormat(lhs.getFormat(), rhs.getFormat()));
  if (getResult().getType() != expected)
    return emitOpError("result type ")
           << getResult().getType()
           << " differs from the exact difference type " << expected;
  return success();
}

LogicalResult FxToIndexOp::verify() {
  auto type = llvm::cast<FixedType>(getInput().getType());
  // Values below 2^31: an int in C++ and no overflow in the interpreter.
  if (type.getIsSigned() || type.getFracWidth() > 0 ||
      type.getIntWidth() > 31)
    return emitOpError("input type ")
           << type
           << " must be unsigned, without fraction bits and with at most 31 "
              "integer bits";
  return success();
}

LogicalResult FxIlog2Op::verify() {
  auto type = llvm::cast<FixedType>(getInput().getType());
  if (type.getIsSigned() || type.getWidth() > 64)
    return emitOpError("input type ")
           << type << " must be unsigned and at most 64 bits wide";
  return success();
}

LogicalResult FxDivPow2Op::verify() {
  auto type = llvm::cast<FixedType>(getResult().getType());
  if (type.getWidth() > 64)
    return emitOpError("result type ") << type << " has more than 64 bits";
  // I64Attr getters return the bits unsigned.
  int64_t lo = int64_t(getMinExp()), hi = int64_t(getMaxExp());
  // Bounds first: hi - lo cannot overflow within [-1024, 1024].
  if (lo < -1024 || hi > 1024 || lo > hi || hi - lo >= 128)
    return emitOpError("exponent range [")
           << lo << ", " << hi
           << "] must be non-empty, within [-1024, 1024], with at most 128 "
              "values";
  return success();
}

// nn.fx.div_int (the average pools).
LogicalResult FxDivIntOp::verify() {
  auto type = llvm::cast<FixedType>(getResult().getType());
  if (type.getWidth() > 64)
    return emitOpError("result type ")
           << type << " has more than 64 bits";
  APInt count;
  if (matchPattern(getCount(), m_ConstantInt(&count)) &&
      !count.isStrictlyPositive())
    return emitOpError("count must be positive, got ")
           << count.getSExtValue();
  return success();
}

// nn.fx.stream_write / nn.fx.stream_read: a FIFO memref<P x C x T> and a
// packed vector memref<C x T> of the same element type.
static LogicalResult verifyStreamTransfer(Operation *op, Value fifo,
                                          Value vector) {
  auto f = llvm::cast<MemRefType>(fifo.getType());
  auto v = llvm::cast<MemRefType>(vector.getType());
  if (f.getRank() != 2 || v.getRank() != 1)
    return op->emitOpError("expects a rank-2 FIFO memref<P x C x T> and a "
                           "rank-1 vector memref<C x T>, got ")
           << f << " and " << v;
  if (f.getDimSize(1) != v.getDimSize(0) ||
      f.getElementType() != v.getElementType())
    return op->emitOpError("vector ")
           << v << " is not one transfer of the FIFO " << f;
  return success();
}

LogicalResult FxStreamWriteOp::verify() {
  return verifyStreamTransfer(*this, getFifo(), getVector());
}

LogicalResult FxStreamReadOp::verify() {
  return verifyStreamTransfer(*this, getFifo(), getVector());
}
