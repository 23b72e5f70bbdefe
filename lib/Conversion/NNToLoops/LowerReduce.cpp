//===- LowerReduce.cpp - nn.reduce_mean to loops --------------------------===//
//
// y[kept] = cast_R(sum / N): the exact sum over the reduced dimensions (in
// the lossless format of N terms), then nn.fx.div_int by the constant N,
// which rounds the exact quotient once, as the interpreter does.
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

#include "nn/Support/Accumulator.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

LogicalResult FunctionLowering::lowerReduceMean(ReduceMeanOp op) {
  Value in = lookup(op.getInput());
  Value out = bufferFor(op, op.getOutput());
  auto inShape = llvm::cast<ShapedType>(op.getInput().getType()).getShape();
  const int64_t rank = int64_t(inShape.size());
  FixedType xT = elementOf(op.getInput()), rT = elementOf(op.getOutput());
  std::string layer = layerName(op);
  Location loc = op.getLoc();
  // An empty axes reduces every dimension (noop_with_empty_axes = 0).
  SmallVector<bool> reduced(rank, op.getAxes().empty());
  for (int64_t axis : op.getAxes())
    reduced[axis < 0 ? axis + rank : axis] = true;
  SmallVector<int64_t> keptShape, reducedShape;
  int64_t count = 1;
  for (int64_t d = 0; d < rank; ++d) {
    if (reduced[d]) {
      reducedShape.push_back(inShape[d]);
      count *= inShape[d];
    } else {
      keptShape.push_back(inShape[d]);
    }
  }
  FixedType sumT =
      toType(context, fx::sumOfTermsFormat(xT.getFormat(), count));
  if (sumT.getWidth() > 64)
    return op.emitError("nn-lower-to-loops: the sum of layer '")
           << layer << "' needs " << sumT.getWidth() << " bits (at most 64)";
  FixedType stepT =
      toType(context, fx::sumFormat(sumT.getFormat(), xT.getFormat()));
  const bool keepdims = op.getKeepdims();
  int64_t kept = 1;
  for (int64_t d : keptShape)
    kept *= d;
  const bool unrollAll = hls::unrollsCompletely(kept * count, limits);
  if (!unrollAll)
    allFullyUnrolled = false;
  Operation *innermostKept = nullptr;
  loopNest(keptShape, layer, "out", unrollAll,
           [&](OpBuilder &b, ArrayRef<Value> keptIvs) {
    if (!keptIvs.empty())
      innermostKept =
          llvm::cast<BlockArgument>(keptIvs.back()).getOwner()->getParentOp();
    // The reduced dimensions: nested loops carrying the exact sum.
    Value zero = FxConstantOp::create(b, loc, sumT, b.getI64IntegerAttr(0));
    SmallVector<Value> reducedIvs;
    std::function<Value(OpBuilder &, size_t, Value)> nest =
        [&](OpBuilder &ob, size_t dim, Value acc) -> Value {
      if (dim == reducedShape.size()) {
        // Input indices: kept dims from keptIvs, reduced from reducedIvs.
        SmallVector<Value> operands(keptIvs.begin(), keptIvs.end());
        operands.append(reducedIvs.begin(), reducedIvs.end());
        SmallVector<AffineExpr> exprs;
        unsigned k = 0, r = unsigned(keptIvs.size());
        for (int64_t d = 0; d < rank; ++d)
          exprs.push_back(getAffineDimExpr(reduced[d] ? r++ : k++, context));
        Value x = load(ob, loc, in, exprs, operands);
        Value s = FxAddOp::create(ob, loc, stepT, acc, x);
        return cast(ob, loc, s, sumT);
      }
      auto loop = affine::AffineForOp::create(
          ob, loopLoc(layer, "sum" + std::to_string(dim)), 0,
          reducedShape[dim], 1, ValueRange{acc},
          [&](OpBuilder &lb, Location, Value iv, ValueRange iter) {
            reducedIvs.push_back(iv);
            Value next = nest(lb, dim + 1, iter[0]);
            reducedIvs.pop_back();
            affine::AffineYieldOp::create(lb, loc, next);
          });
      setName(loop, layer + "_sum" + std::to_string(dim));
      if (hls::unrollsCompletely(count, limits))
        setUnroll(loop);
      else if (dim + 1 == reducedShape.size())
        setPipeline(loop, 1);
      return loop.getResult(0);
    };
    Value sum = nest(b, 0, zero);
    Value n = arith::ConstantIndexOp::create(b, loc, count);
    Value mean = FxDivIntOp::create(b, loc, rT, sum, n);
    // The result index: kept dims, with the reduced ones at 0 (keepdims).
    SmallVector<AffineExpr> outExprs;
    unsigned k = 0;
    for (int64_t d = 0; d < rank; ++d) {
      if (!reduced[d])
        outExprs.push_back(getAffineDimExpr(k++, context));
      else if (keepdims)
        outExprs.push_back(getAffineConstantExpr(0, context));
    }
    store(b, loc, mean, out, outExprs, keptIvs);
  });
  if (!unrollAll && hls::unrollsCompletely(count, limits) && innermostKept)
    setPipeline(innermostKept, 1);
  return success();
}
