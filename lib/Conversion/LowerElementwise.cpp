//===- LowerElementwise.cpp - element-wise nn ops to loops ----------------===//
//
//   relu:          y = cast_R(max(x, 0))
//   add, sub, mul: y = cast_R(a op b)  (exact result, numpy broadcasting)
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

void FunctionLowering::lowerBinary(Operation *op) {
  Value lhsT = op->getOperand(0), rhsT = op->getOperand(1);
  Value lhs = lookup(lhsT), rhs = lookup(rhsT);
  Value output = op->getResult(0);
  Value out = bufferFor(op, output);
  FixedType rT = elementOf(output);
  fx::Format fa = elementOf(lhsT).getFormat(), fb = elementOf(rhsT).getFormat();
  auto shape = llvm::cast<ShapedType>(output.getType()).getShape();
  Location loc = op->getLoc();
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
  SmallVector<AffineExpr> le = broadcastExprs(lhsT), re = broadcastExprs(rhsT);
  elementLoops(shape, layerName(op), "i",
               [&](OpBuilder &b, ArrayRef<Value> ivs) {
                 Value a = load(b, loc, lhs, le, ivs);
                 Value c = load(b, loc, rhs, re, ivs);
                 // The exact result, then one cast (the interpreter's).
                 Value exact;
                 if (llvm::isa<AddOp>(op))
                   exact = FxAddOp::create(
                       b, loc, toType(context, fx::sumFormat(fa, fb)), a, c);
                 else if (llvm::isa<SubOp>(op))
                   exact = FxSubOp::create(
                       b, loc, toType(context, fx::differenceFormat(fa, fb)),
                       a, c);
                 else
                   exact = FxMulOp::create(
                       b, loc, toType(context, fx::productFormat(fa, fb)), a,
                       c);
                 storeAt(b, loc, cast(b, loc, exact, rT), out, ivs);
               });
}
