//===- LowerElementwise.cpp - element-wise nn ops to loops ----------------===//
//
//   relu:          y = cast_R(max(x, 0))
//   add, sub, mul: y = cast_R(a op b)  (exact result, numpy broadcasting)
//   max, min:      y = a >= b (a <= b) ? cast_R(a) : cast_R(b)
//   leaky_relu, prelu, thresholded_relu, hard_sigmoid, hard_swish, clip:
//                  comparisons and selects, see lowerPiecewise()
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

#include "nn/Support/ExactConstant.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

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

SmallVector<AffineExpr>
FunctionLowering::broadcastExprs(ArrayRef<int64_t> shape, Value operand) {
  // numpy broadcasting: operand dimension j is aligned with result
  // dimension j + (rank - operandRank); a dimension of 1 reads index 0.
  auto opShape = llvm::cast<ShapedType>(operand.getType()).getShape();
  size_t offset = shape.size() - opShape.size();
  SmallVector<AffineExpr> exprs;
  for (size_t j = 0; j < opShape.size(); ++j)
    exprs.push_back(opShape[j] == 1 && shape[j + offset] != 1
                        ? getAffineConstantExpr(0, context)
                        : getAffineDimExpr(unsigned(j + offset), context));
  return exprs;
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
  SmallVector<AffineExpr> le = broadcastExprs(shape, lhsT),
                          re = broadcastExprs(shape, rhsT);
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
                 else if (llvm::isa<MulOp>(op))
                   exact = FxMulOp::create(
                       b, loc, toType(context, fx::productFormat(fa, fb)), a,
                       c);
                 else {
                   // max / min: the exact comparison picks a (ties too).
                   Value pickA = FxCmpOp::create(
                       b, loc, b.getI1Type(),
                       llvm::isa<MaxOp>(op) ? FxCmpPredicate::ge
                                            : FxCmpPredicate::le,
                       a, c);
                   storeAt(b, loc,
                           arith::SelectOp::create(b, loc, pickA,
                                                   cast(b, loc, a, rT),
                                                   cast(b, loc, c, rT)),
                           out, ivs);
                   return;
                 }
                 storeAt(b, loc, cast(b, loc, exact, rT), out, ivs);
               });
}

//===----------------------------------------------------------------------===//
// Piecewise-linear activations: an exact comparison (nn.fx.cmp) selects
// (arith.select) between values cast to the result type, as the
// interpreter's kernels choose before their one cast. Float attributes act
// with their exact f32 values (nn/Support/ExactConstant.h).
//===----------------------------------------------------------------------===//

FailureOr<Value> FunctionLowering::exactConstant(OpBuilder &b, Location loc,
                                                 Operation *op, StringRef what,
                                                 float value) {
  std::optional<fx::ExactConstant> c = fx::exactFloat(value);
  if (!c)
    return op->emitError("nn-lower-to-loops: ")
           << what << " = " << double(value) << " of '" << op->getName()
           << "' is not finite; the lowering handles finite values only";
  return Value(FxConstantOp::create(b, loc, toType(context, c->format),
                                    b.getI64IntegerAttr(int64_t(c->value.raw))));
}

/// alpha and beta of the hard-sigmoid gate (nn.hard_sigmoid's value,
/// nn.hard_swish's factor).
static std::pair<float, float> hardGateParameters(Operation *op) {
  if (auto hs = llvm::dyn_cast<HardSigmoidOp>(op))
    return {hs.getAlpha().convertToFloat(), hs.getBeta().convertToFloat()};
  auto hs = llvm::cast<HardSwishOp>(op);
  return {hs.getAlpha().convertToFloat(), hs.getBeta().convertToFloat()};
}

LogicalResult FunctionLowering::lowerPiecewise(Operation *op) {
  Value input = op->getOperand(0), output = op->getResult(0);
  Value in = lookup(input);
  Value out = bufferFor(op, output);
  FixedType rT = elementOf(output);
  auto shape = llvm::cast<ShapedType>(output.getType()).getShape();
  Location loc = op->getLoc();
  // PRelu's slope broadcasts (unidirectionally) to the input's shape.
  Value slope;
  SmallVector<AffineExpr> slopeExprs;
  if (auto prelu = llvm::dyn_cast<PReluOp>(op)) {
    slope = lookup(prelu.getSlope());
    slopeExprs = broadcastExprs(shape, prelu.getSlope());
  }
  auto mul = [&](OpBuilder &b, Value a, Value c) -> Value {
    return FxMulOp::create(
        b, loc,
        toType(context,
               fx::productFormat(llvm::cast<FixedType>(a.getType()).getFormat(),
                                 llvm::cast<FixedType>(c.getType()).getFormat())),
        a, c);
  };
  auto select = [&](OpBuilder &b, Value cond, Value t, Value f) -> Value {
    return arith::SelectOp::create(b, loc, cond, t, f);
  };
  auto cmp = [&](OpBuilder &b, FxCmpPredicate p, Value a, Value c) -> Value {
    return FxCmpOp::create(b, loc, b.getI1Type(), p, a, c);
  };
  auto constant = [&](OpBuilder &b, int64_t raw, unsigned width) -> Value {
    return FxConstantOp::create(b, loc, FixedType::get(context, width, int(width)),
                                b.getI64IntegerAttr(raw));
  };
  // Check the attributes once, outside the loops.
  {
    auto checkFinite = [&](StringRef what, std::optional<float> v) {
      return !v || fx::exactFloat(*v) ||
             (op->emitError("nn-lower-to-loops: ")
                  << what << " = " << double(*v) << " of '" << op->getName()
                  << "' is not finite; the lowering handles finite values "
                     "only",
              false);
    };
    bool ok = true;
    if (auto leaky = llvm::dyn_cast<LeakyReluOp>(op))
      ok = checkFinite("alpha", leaky.getAlpha().convertToFloat());
    else if (auto t = llvm::dyn_cast<ThresholdedReluOp>(op))
      ok = checkFinite("alpha", t.getAlpha().convertToFloat());
    else if (llvm::isa<HardSigmoidOp, HardSwishOp>(op)) {
      auto [alpha, beta] = hardGateParameters(op);
      ok = checkFinite("alpha", alpha) && checkFinite("beta", beta);
    } else if (auto clip = llvm::dyn_cast<ClipOp>(op)) {
      std::optional<float> lo, hi;
      if (auto v = clip.getMin())
        lo = v->convertToFloat();
      if (auto v = clip.getMax())
        hi = v->convertToFloat();
      ok = checkFinite("min", lo) && checkFinite("max", hi);
    }
    if (!ok)
      return failure();
  }
  elementLoops(shape, layerName(op), "i", [&](OpBuilder &b,
                                              ArrayRef<Value> ivs) {
    Value x = loadAt(b, loc, in, ivs);
    Value y;
    if (auto leaky = llvm::dyn_cast<LeakyReluOp>(op)) {
      // x >= 0 ? cast_R(x) : cast_R(alpha * x)
      Value alpha =
          *exactConstant(b, loc, op, "alpha", leaky.getAlpha().convertToFloat());
      Value negative = cmp(b, FxCmpPredicate::lt, x, constant(b, 0, 1));
      y = select(b, negative, cast(b, loc, mul(b, x, alpha), rT),
                 cast(b, loc, x, rT));
    } else if (llvm::isa<PReluOp>(op)) {
      Value s = load(b, loc, slope, slopeExprs, ivs);
      Value negative = cmp(b, FxCmpPredicate::lt, x, constant(b, 0, 1));
      y = select(b, negative, cast(b, loc, mul(b, x, s), rT),
                 cast(b, loc, x, rT));
    } else if (auto t = llvm::dyn_cast<ThresholdedReluOp>(op)) {
      // x > alpha ? x : 0
      Value alpha =
          *exactConstant(b, loc, op, "alpha", t.getAlpha().convertToFloat());
      Value above = cmp(b, FxCmpPredicate::gt, x, alpha);
      y = select(b, above, cast(b, loc, x, rT),
                 cast(b, loc, constant(b, 0, 1), rT));
    } else if (llvm::isa<HardSigmoidOp, HardSwishOp>(op)) {
      // v = alpha * x + beta (exact); hard_sigmoid: v clamped to [0, 1],
      // one cast; hard_swish: x * v, 0 or x on the clamped sides, one cast.
      auto [alphaF, betaF] = hardGateParameters(op);
      Value alpha = *exactConstant(b, loc, op, "alpha", alphaF);
      Value beta = *exactConstant(b, loc, op, "beta", betaF);
      Value p = mul(b, x, alpha);
      fx::Format pf = llvm::cast<FixedType>(p.getType()).getFormat(),
                 bf = llvm::cast<FixedType>(beta.getType()).getFormat();
      Value v = FxAddOp::create(b, loc, toType(context, fx::sumFormat(pf, bf)),
                                p, beta);
      Value one = constant(b, 1, 2), zero = constant(b, 0, 1);
      Value above = cmp(b, FxCmpPredicate::gt, v, one);
      Value below = cmp(b, FxCmpPredicate::lt, v, zero);
      Value high = cast(b, loc, llvm::isa<HardSwishOp>(op) ? x : one, rT);
      Value middle = llvm::isa<HardSwishOp>(op) ? cast(b, loc, mul(b, x, v), rT)
                                                : cast(b, loc, v, rT);
      y = select(b, above, high,
                 select(b, below, cast(b, loc, zero, rT), middle));
    } else {
      auto clip = llvm::cast<ClipOp>(op);
      // x < lo -> lo; then x > hi (or lo > hi when lo was chosen) -> hi.
      y = cast(b, loc, x, rT);
      std::optional<float> lo, hi;
      if (auto v = clip.getMin())
        lo = v->convertToFloat();
      if (auto v = clip.getMax())
        hi = v->convertToFloat();
      Value below, loV;
      if (lo) {
        loV = *exactConstant(b, loc, op, "min", *lo);
        below = cmp(b, FxCmpPredicate::lt, x, loV);
      }
      if (hi) {
        Value hiV = *exactConstant(b, loc, op, "max", *hi);
        Value above = cmp(b, FxCmpPredicate::gt, x, hiV);
        Value hiR = cast(b, loc, hiV, rT);
        if (lo && *lo > *hi) // every clamped value ends at hi
          y = select(b, below, hiR, select(b, above, hiR, y));
        else {
          if (lo)
            y = select(b, below, cast(b, loc, loV, rT), y);
          y = select(b, above, hiR, y);
        }
      } else if (lo) {
        y = select(b, below, cast(b, loc, loV, rT), y);
      }
    }
    storeAt(b, loc, y, out, ivs);
  });
  return success();
}
