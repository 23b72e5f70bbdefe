//===- LowerElementwise.cpp - element-wise nn ops to loops ----------------===//
//
//   relu:   y = cast_R(max(x, 0))
//   add:    y = cast_R(a + b)        (exact sum, numpy broadcasting)
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

void FunctionLowering::lowerRelu(ReluOp op) {
  Value in = lookup(op.getInput());
  Value out = bufferFor(op, op.getOutput());
  FixedType rT = elementOf(op.getOutput());
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  Location loc = op.getLoc();
  elementLoops(shape, layerName(op), "i",
           [&](OpBuilder &b, ArrayRef<Value> ivs) {
             auto map = AffineMap::getMultiDimIdentityMap(ivs.size(), context);
             Value v = affine::AffineLoadOp::create(b, loc, in, map, ivs);
             Value r = FxReluOp::create(b, loc, v.getType(), v);
             affine::AffineStoreOp::create(b, loc, cast(b, loc, r, rT), out,
                                           map, ivs);
           });
}

void FunctionLowering::lowerAdd(AddOp op) {
  Value lhs = lookup(op.getLhs()), rhs = lookup(op.getRhs());
  Value out = bufferFor(op, op.getOutput());
  FixedType rT = elementOf(op.getOutput());
  FixedType sT = toType(context, fx::sumFormat(elementOf(op.getLhs()).getFormat(),
                                               elementOf(op.getRhs()).getFormat()));
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  Location loc = op.getLoc();
  // numpy broadcasting: operand dimension j is aligned with result
  // dimension j + (rank - operandRank); a dimension of 1 reads index 0.
  auto broadcastExprs = [&](Value operand) {
    auto opShape = llvm::cast<ShapedType>(operand.getType()).getShape();
    size_t offset = shape.size() - opShape.size();
    SmallVector<AffineExpr> exprs;
    for (size_t j = 0; j < opShape.size(); ++j)
      exprs.push_back(opShape[j] == 1 && shape[j + offset] != 1
                          ? getAffineConstantExpr(0, context)
                          : getAffineDimExpr(unsigned(j + offset), context));
    return exprs;
  };
  SmallVector<AffineExpr> le = broadcastExprs(op.getLhs()),
                          re = broadcastExprs(op.getRhs());
  elementLoops(shape, layerName(op), "i",
           [&](OpBuilder &b, ArrayRef<Value> ivs) {
             Value a = load(b, loc, lhs, le, ivs);
             Value c = load(b, loc, rhs, re, ivs);
             Value s = FxAddOp::create(b, loc, sT, a, c);
             auto map = AffineMap::getMultiDimIdentityMap(ivs.size(), context);
             affine::AffineStoreOp::create(b, loc, cast(b, loc, s, rT), out,
                                           map, ivs);
           });
}

