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

/// The geometry of a max/avg pool from its types and attributes (pads as
/// ONNX: all begins, then all ends; no dilations means 1).
PoolGeometry geometryOf(Value input, Value output, ArrayRef<int64_t> kernel,
                        ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations,
                        ArrayRef<int64_t> pads) {
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

PoolGeometry nn::lowering::poolGeometry(Operation *op) {
  if (auto max = llvm::dyn_cast<MaxPoolOp>(op)) {
    PoolGeometry g =
        geometryOf(max.getInput(), max.getOutput(), max.getKernelShape(),
                   max.getStrides(), max.getDilations(), max.getPads());
    g.isMax = true;
    return g;
  }
  auto avg = llvm::cast<AvgPoolOp>(op);
  PoolGeometry g = geometryOf(avg.getInput(), avg.getOutput(),
                              avg.getKernelShape(), avg.getStrides(),
                              /*dilations=*/{}, avg.getPads());
  g.countIncludePad = avg.getCountIncludePad();
  return g;
}

int64_t PoolGeometry::paddedSize(unsigned s) const {
  int64_t extent =
      (out[s] - 1) * strides[s] + (kernel[s] - 1) * dilations[s] + 1;
  return std::max(in[s] + padBegin[s], extent);
}

int64_t PoolGeometry::window() const {
  int64_t taps = 1;
  for (int64_t k : kernel)
    taps *= k;
  return taps;
}

bool PoolGeometry::hasEmptyWindow() const {
  for (unsigned s = 0; s < in.size(); ++s)
    for (int64_t o = 0; o < out[s]; ++o) {
      bool empty = true;
      for (int64_t t = 0; t < kernel[s]; ++t) {
        int64_t i = o * strides[s] + t * dilations[s] - padBegin[s];
        empty &= i < 0 || i >= in[s];
      }
      if (empty)
        return true;
    }
  return false;
}

/// The sum type of an average over `window` terms of xT: lossless; an
/// error above 64 bits.
static FailureOr<FixedType> poolSumType(Operation *op, StringRef layer,
                                        FixedType xT, int64_t window) {
  FixedType sumT =
      toType(op->getContext(), fx::sumOfTermsFormat(xT.getFormat(), window));
  if (sumT.getWidth() > 64)
    return op->emitError("nn-lower-to-loops: the window sum of layer '")
           << layer << "' needs " << sumT.getWidth() << " bits (at most 64)";
  return sumT;
}

FailureOr<Value> FunctionLowering::poolWindow(
    OpBuilder &b, Operation *op, const PoolGeometry &g, FixedType xT,
    FixedType rT, ArrayRef<Value> outPos, bool unrollWindow,
    function_ref<Value(OpBuilder &, ArrayRef<Value> taps)> loadTap) {
  std::string layer = layerName(op);
  Location loc = op->getLoc();
  const unsigned spatial = g.in.size();
  FixedType sumT, addT;
  if (!g.isMax) {
    FailureOr<FixedType> t = poolSumType(op, layer, xT, g.window());
    if (failed(t))
      return failure();
    sumT = *t;
    addT = toType(context, fx::sumFormat(sumT.getFormat(), xT.getFormat()));
  }
  SmallVector<std::string> winRoles;
  for (unsigned s = 0; s < spatial; ++s)
    winRoles.push_back(spatial <= 2 ? (spatial == 2 && s == 0 ? "ky" : "kx")
                                    : "k" + std::to_string(s));

  // The window: nested loops carrying the running max or sum.
  Value init =
      g.isMax
          ? Value(FxConstantOp::create(
                b, loc, xT, b.getI64IntegerAttr(xT.getFormat().minRaw())))
          : Value(FxConstantOp::create(b, loc, sumT, b.getI64IntegerAttr(0)));
  SmallVector<Value> taps;
  std::function<Value(OpBuilder &, unsigned, Value)> nest =
      [&](OpBuilder &wb, unsigned s, Value acc) -> Value {
    if (s == spatial) {
      Value v = loadTap(wb, taps);
      if (g.isMax)
        return FxMaxOp::create(wb, loc, xT, acc, v);
      Value sum = FxAddOp::create(wb, loc, addT, acc, v);
      return cast(wb, loc, sum, sumT);
    }
    auto loop = affine::AffineForOp::create(
        wb, loopLoc(layer, winRoles[s]), 0, g.kernel[s], 1, ValueRange{acc},
        [&](OpBuilder &lb, Location, Value iv, ValueRange iter) {
          taps.push_back(iv);
          Value next = nest(lb, s + 1, iter[0]);
          taps.pop_back();
          affine::AffineYieldOp::create(lb, loc, next);
        });
    setName(loop, layer + "_" + winRoles[s]);
    if (unrollWindow)
      setUnroll(loop);
    else if (s + 1 == spatial)
      setPipeline(loop, 1);
    return loop.getResult(0);
  };
  Value acc = nest(b, 0, init);
  if (g.isMax)
    return cast(b, loc, acc, rT);

  // The count of an average depends on the position only through the
  // per-axis counts (>= 1; an axis whose window is empty has a zero sum,
  // whatever it is divided by): constant, or their product.
  auto axisCount = [&](unsigned s, int64_t o) {
    int64_t start = o * g.strides[s] - g.padBegin[s];
    int64_t lo = g.countIncludePad ? -g.padBegin[s] : 0;
    int64_t hi = g.countIncludePad ? g.in[s] + g.padEnd[s] : g.in[s];
    return std::max<int64_t>(
        std::min(start + g.kernel[s], hi) - std::max(start, lo), 1);
  };
  SmallVector<bool> axisConstant;
  SmallVector<int64_t> axisValue;
  bool constant = true;
  int64_t total = 1;
  for (unsigned s = 0; s < spatial; ++s) {
    bool same = true;
    for (int64_t o = 1; o < g.out[s]; ++o)
      same &= axisCount(s, o) == axisCount(s, 0);
    axisConstant.push_back(same);
    axisValue.push_back(axisCount(s, 0));
    constant &= same;
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
        Value p = outPos[s];
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
        c = affine::AffineMaxOp::create(b, loc, countMap, ValueRange{hiV, loV});
      }
      count = count ? Value(arith::MulIOp::create(b, loc, count, c)) : c;
    }
  }
  return Value(FxDivIntOp::create(b, loc, rT, acc, count));
}

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
  const int64_t window = g.window();
  int64_t positions = 1;
  for (unsigned s = 0; s < spatial; ++s)
    positions *= g.out[s];
  if (!g.isMax && failed(poolSumType(op, layer, xT, window)))
    return failure();

  Value x = fl.lookup(input);
  Value out = fl.bufferFor(op, result);

  // Padded copy when a window reaches outside the input.
  SmallVector<int64_t> paddedShape{batch, channels};
  bool needsPad = false;
  for (unsigned s = 0; s < spatial; ++s) {
    int64_t size = g.paddedSize(s);
    needsPad |= g.padBegin[s] != 0 || size != g.in[s];
    paddedShape.push_back(size);
  }
  if (needsPad)
    x = fl.paddedBuffer(x, layer, g.padBegin, paddedShape,
                        g.isMax ? xT.getFormat().minRaw() : 0, op->getLoc());

  // Structure: everything unrolled when small enough, else rolled position
  // loops with the innermost pipelined and the window unrolled.
  const bool unrollAll = hls::unrollsCompletely(
      batch * channels * positions * window, fl.limits);
  const bool unrollWindow = hls::unrollsCompletely(window, fl.limits);
  if (!unrollAll)
    fl.allFullyUnrolled = false;

  SmallVector<std::string> posRoles{"n", "c"};
  for (unsigned s = 0; s < spatial; ++s)
    posRoles.push_back(spatial <= 2 ? (spatial == 2 && s == 0 ? "oy" : "ox")
                                    : "o" + std::to_string(s));
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

  // xp[n, c, o_s * stride_s + k_s * dilation_s]
  auto loadTap = [&](OpBuilder &wb, ArrayRef<Value> taps) {
    SmallVector<Value> ops(pos);
    ops.append(taps.begin(), taps.end());
    const unsigned np = pos.size();
    SmallVector<AffineExpr> e{getAffineDimExpr(0, context),
                              getAffineDimExpr(1, context)};
    for (unsigned t = 0; t < spatial; ++t)
      e.push_back(getAffineDimExpr(2 + t, context) * g.strides[t] +
                  getAffineDimExpr(np + t, context) * g.dilations[t]);
    return fl.load(wb, loc, x, e, ops);
  };
  FailureOr<Value> y =
      fl.poolWindow(b, op, g, xT, rT, ArrayRef<Value>(pos).drop_front(2),
                    unrollWindow, loadTap);
  if (failed(y))
    return failure();
  fl.storeAt(b, loc, *y, out, pos);

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
  return lowerPoolOp(*this, op, op.getInput(), op.getOutput(),
                     poolGeometry(op));
}

LogicalResult FunctionLowering::lowerAvgPool(AvgPoolOp op) {
  return lowerPoolOp(*this, op, op.getInput(), op.getOutput(),
                     poolGeometry(op));
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
