//===- LowerPool.cpp - max/avg pools (local and global) to loops ----------===//
//
// Exactly poolKernel's semantics (lib/Interpreter/LayerKernels.cpp):
//
//   max: m = min(X); for each window tap: m = max(m, xp[...]);
//        y = cast_R(m)     (exact max, one cast; an empty window gives R's
//                           lowest value, stored separately)
//   avg: s = 0 (lossless sum type S); for each tap: s = cast_S(s + xp[...]);
//        y = nn.fx.div_int s, count   (cast_R of the exact quotient)
//
// xp is the input, or a copy <layer>_padded when windows reach outside it
// (pads, ceil_mode), filled with X's minimum raw for max (never above an
// element, even with SAT_SYM, so it changes no non-empty maximum) and with
// 0 for avg (adds
// nothing to the sum). The count of an average depends on the position only
// through the per-axis counts: a constant when it is the same everywhere,
// otherwise per axis max(min(start + k, hi) - max(start, lo), 1) with
// affine.min/affine.max and their product (arith.muli). See
// docs/Lowering.md, "Pools".
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

#include "nn/Support/Accumulator.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

namespace {

/// A pool's geometry, per spatial dimension.
struct PoolGeometry {
  SmallVector<int64_t> in, out, kernel, strides, dilations, padBegin, padEnd;
  bool isMax = false, countIncludePad = false;
};

/// The geometry of a max/avg pool from its types and attributes (pads as
/// ONNX: all begins, then all ends; no dilations means 1).
PoolGeometry poolGeometry(Value input, Value output,
                          ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                          ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads) {
  PoolGeometry g;
  auto in = llvm::cast<ShapedType>(input.getType()).getShape();
  auto out = llvm::cast<ShapedType>(output.getType()).getShape();
  const size_t spatial = in.size() - 2;
  g.in.assign(in.begin() + 2, in.end());
  g.out.assign(out.begin() + 2, out.end());
  g.kernel.assign(kernel.begin(), kernel.end());
  g.strides.assign(strides.begin(), strides.end());
  if (dilations.empty())
    g.dilations.assign(spatial, 1);
  else
    g.dilations.assign(dilations.begin(), dilations.end());
  g.padBegin.assign(pads.begin(), pads.begin() + spatial);
  g.padEnd.assign(pads.begin() + spatial, pads.end());
  return g;
}

} // namespace

static LogicalResult lowerPoolOp(FunctionLowering &fl, Operation *op,
                                 Value input, Value result,
                                 const PoolGeometry &g) {
  MLIRContext *context = fl.context;
  std::string layer = fl.layerName(op);
  Location loc = op->getLoc();
  const unsigned spatial = g.in.size();
  FixedType xT = elementOf(input), rT = elementOf(result);
  auto inShape = llvm::cast<ShapedType>(input.getType()).getShape();
  const int64_t batch = inShape[0], channels = inShape[1];
  int64_t window = 1, positions = 1;
  for (unsigned s = 0; s < spatial; ++s) {
    window *= g.kernel[s];
    positions *= g.out[s];
  }

  // The sum type of an average: lossless for `window` terms.
  FixedType sumT, addT;
  if (!g.isMax) {
    sumT = toType(context, fx::sumOfTermsFormat(xT.getFormat(), window));
    if (sumT.getWidth() > 64)
      return op->emitError("nn-lower-to-loops: the window sum of layer '")
             << layer << "' needs " << sumT.getWidth()
             << " bits (at most 64)";
    addT = toType(context, fx::sumFormat(sumT.getFormat(), xT.getFormat()));
  }

  Value x = fl.lookup(input);
  Value out = fl.bufferFor(op, result);

  // Padded copy when a window reaches outside the input.
  SmallVector<int64_t> paddedShape{batch, channels};
  bool needsPad = false;
  for (unsigned s = 0; s < spatial; ++s) {
    int64_t extent =
        (g.out[s] - 1) * g.strides[s] + (g.kernel[s] - 1) * g.dilations[s] + 1;
    int64_t size = std::max(g.in[s] + g.padBegin[s], extent);
    needsPad |= g.padBegin[s] != 0 || size != g.in[s];
    paddedShape.push_back(size);
  }
  if (needsPad)
    x = fl.paddedBuffer(x, layer, g.padBegin, paddedShape,
                        g.isMax ? xT.getFormat().minRaw() : 0, op->getLoc());

  // Per-axis counts of an average at every output position (>= 1; an axis
  // whose window is empty has a zero sum, whatever it is divided by).
  auto axisCount = [&](unsigned s, int64_t o) {
    int64_t start = o * g.strides[s] - g.padBegin[s];
    int64_t lo = g.countIncludePad ? -g.padBegin[s] : 0;
    int64_t hi = g.countIncludePad ? g.in[s] + g.padEnd[s] : g.in[s];
    return std::max<int64_t>(
        std::min(start + g.kernel[s], hi) - std::max(start, lo), 1);
  };
  SmallVector<bool> axisConstant;
  SmallVector<int64_t> axisValue;
  for (unsigned s = 0; s < spatial; ++s) {
    bool constant = true;
    for (int64_t o = 1; o < g.out[s]; ++o)
      constant &= axisCount(s, o) == axisCount(s, 0);
    axisConstant.push_back(constant);
    axisValue.push_back(axisCount(s, 0));
  }

  // Structure: everything unrolled when small enough, else rolled position
  // loops with the innermost pipelined and the window unrolled.
  const bool unrollAll = hls::unrollsCompletely(
      batch * channels * positions * window, fl.limits);
  const bool unrollWindow = hls::unrollsCompletely(window, fl.limits);
  if (!unrollAll)
    fl.allFullyUnrolled = false;

  SmallVector<std::string> posRoles{"n", "c"}, winRoles;
  for (unsigned s = 0; s < spatial; ++s) {
    if (spatial <= 2) {
      posRoles.push_back(spatial == 2 && s == 0 ? "oy" : "ox");
      winRoles.push_back(spatial == 2 && s == 0 ? "ky" : "kx");
    } else {
      posRoles.push_back("o" + std::to_string(s));
      winRoles.push_back("k" + std::to_string(s));
    }
  }
  SmallVector<int64_t> posSizes{batch, channels};
  posSizes.append(g.out.begin(), g.out.end());

  SmallVector<Value> pos;
  OpBuilder b = fl.builder;
  affine::AffineForOp innerPos;
  for (auto [role, size] : llvm::zip(posRoles, posSizes)) {
    auto loop = fl.namedLoop(b, layer, role, size);
    if (unrollAll)
      fl.setUnroll(loop);
    pos.push_back(loop.getInductionVar());
    b = OpBuilder::atBlockBegin(loop.getBody());
    b.setInsertionPoint(loop.getBody()->getTerminator());
    innerPos = loop;
  }
  if (!unrollAll && unrollWindow)
    fl.setPipeline(innerPos, 1);

  // The window: nested loops carrying the running max or sum.
  Value init =
      g.isMax ? Value(FxConstantOp::create(
                    b, loc, xT,
                    b.getI64IntegerAttr(xT.getFormat().minRaw())))
              : Value(FxConstantOp::create(b, loc, sumT,
                                           b.getI64IntegerAttr(0)));
  SmallVector<Value> taps;
  std::function<Value(OpBuilder &, unsigned, Value)> nest =
      [&](OpBuilder &wb, unsigned s, Value acc) -> Value {
    if (s == spatial) {
      // xp[n, c, o_s * stride_s + k_s * dilation_s]
      SmallVector<Value> ops(pos);
      ops.append(taps.begin(), taps.end());
      const unsigned np = pos.size();
      SmallVector<AffineExpr> e{getAffineDimExpr(0, context),
                                getAffineDimExpr(1, context)};
      for (unsigned t = 0; t < spatial; ++t)
        e.push_back(getAffineDimExpr(2 + t, context) * g.strides[t] +
                    getAffineDimExpr(np + t, context) * g.dilations[t]);
      Value v = fl.load(wb, loc, x, e, ops);
      if (g.isMax)
        return FxMaxOp::create(wb, loc, xT, acc, v);
      Value sum = FxAddOp::create(wb, loc, addT, acc, v);
      return fl.cast(wb, loc, sum, sumT);
    }
    auto loop = affine::AffineForOp::create(
        wb, fl.loopLoc(layer, winRoles[s]), 0, g.kernel[s], 1,
        ValueRange{acc},
        [&](OpBuilder &lb, Location, Value iv, ValueRange iter) {
          taps.push_back(iv);
          Value next = nest(lb, s + 1, iter[0]);
          taps.pop_back();
          affine::AffineYieldOp::create(lb, loc, next);
        });
    fl.setName(loop, layer + "_" + winRoles[s]);
    if (unrollWindow)
      fl.setUnroll(loop);
    else if (s + 1 == spatial)
      fl.setPipeline(loop, 1);
    return loop.getResult(0);
  };
  Value acc = nest(b, 0, init);

  Value y;
  if (g.isMax) {
    y = fl.cast(b, loc, acc, rT);
  } else {
    // The count: constant, or the product of the per-axis counts.
    int64_t total = 1;
    bool constant = true;
    for (unsigned s = 0; s < spatial; ++s) {
      constant &= axisConstant[s];
      total *= axisValue[s];
    }
    Value count;
    if (constant) {
      count = arith::ConstantIndexOp::create(b, loc, total);
    } else {
      for (unsigned s = 0; s < spatial; ++s) {
        Value c;
        if (axisConstant[s]) {
          c = arith::ConstantIndexOp::create(b, loc, axisValue[s]);
        } else {
          AffineExpr o = getAffineDimExpr(0, context);
          AffineExpr start = o * g.strides[s] - g.padBegin[s];
          int64_t lo = g.countIncludePad ? -g.padBegin[s] : 0;
          int64_t hi = g.countIncludePad ? g.in[s] + g.padEnd[s] : g.in[s];
          Value p = pos[2 + s];
          auto hiMap = AffineMap::get(
              1, 0, {start + g.kernel[s], getAffineConstantExpr(hi, context)},
              context);
          auto loMap = AffineMap::get(
              1, 0, {start, getAffineConstantExpr(lo, context)}, context);
          Value hiV = affine::AffineMinOp::create(b, loc, hiMap, ValueRange{p});
          Value loV = affine::AffineMaxOp::create(b, loc, loMap, ValueRange{p});
          auto countMap = AffineMap::get(
              2, 0,
              {getAffineDimExpr(0, context) - getAffineDimExpr(1, context),
               getAffineConstantExpr(1, context)},
              context);
          c = affine::AffineMaxOp::create(b, loc, countMap,
                                          ValueRange{hiV, loV});
        }
        count = count ? Value(arith::MulIOp::create(b, loc, count, c)) : c;
      }
    }
    y = FxDivIntOp::create(b, loc, rT, acc, count);
  }
  fl.storeAt(b, loc, y, out, pos);

  // Max pools: a window entirely in the padding (possible with dilations)
  // is R's lowest value, as in the interpreter. A window is empty when one
  // axis has no tap inside the input; such positions are known statically.
  if (g.isMax) {
    auto axisEmpty = [&](unsigned s, int64_t o) {
      for (int64_t t = 0; t < g.kernel[s]; ++t) {
        int64_t i = o * g.strides[s] + t * g.dilations[s] - g.padBegin[s];
        if (i >= 0 && i < g.in[s])
          return false;
      }
      return true;
    };
    for (int64_t p = 0; p < positions; ++p) {
      SmallVector<int64_t> at(spatial);
      bool empty = false;
      for (int64_t s = int64_t(spatial) - 1, rest = p; s >= 0; --s) {
        at[s] = rest % g.out[s];
        rest /= g.out[s];
        empty |= axisEmpty(unsigned(s), at[s]);
      }
      if (!empty)
        continue;
      fl.elementLoops(
          {batch, channels}, layer, "empty",
          [&](OpBuilder &eb, ArrayRef<Value> ivs) {
            Value low = FxConstantOp::create(
                eb, loc, rT, eb.getI64IntegerAttr(rT.getFormat().lowestRaw()));
            SmallVector<AffineExpr> e{getAffineDimExpr(0, context),
                                      getAffineDimExpr(1, context)};
            for (int64_t v : at)
              e.push_back(getAffineConstantExpr(v, context));
            fl.store(eb, loc, low, out, e, ivs);
          });
    }
  }
  return success();
}

LogicalResult FunctionLowering::lowerMaxPool(MaxPoolOp op) {
  PoolGeometry g =
      poolGeometry(op.getInput(), op.getOutput(), op.getKernelShape(),
                   op.getStrides(), op.getDilations(), op.getPads());
  g.isMax = true;
  return lowerPoolOp(*this, op, op.getInput(), op.getOutput(), g);
}

LogicalResult FunctionLowering::lowerAvgPool(AvgPoolOp op) {
  PoolGeometry g = poolGeometry(op.getInput(), op.getOutput(),
                                op.getKernelShape(), op.getStrides(),
                                /*dilations=*/{}, op.getPads());
  g.countIncludePad = op.getCountIncludePad();
  return lowerPoolOp(*this, op, op.getInput(), op.getOutput(), g);
}

LogicalResult FunctionLowering::lowerGlobalPool(Operation *op, bool isMax) {
  // One window covering every spatial position (any spatial rank).
  PoolGeometry g;
  Value input = op->getOperand(0), result = op->getResult(0);
  auto in = llvm::cast<ShapedType>(input.getType()).getShape();
  unsigned spatial = in.size() - 2;
  g.in.assign(in.begin() + 2, in.end());
  g.out.assign(spatial, 1);
  g.kernel = g.in;
  g.strides.assign(spatial, 1);
  g.dilations.assign(spatial, 1);
  g.padBegin.assign(spatial, 0);
  g.padEnd.assign(spatial, 0);
  g.isMax = isMax;
  return lowerPoolOp(*this, op, input, result, g);
}
