//===- LowerDense.cpp - nn.dense to loops shaped by the reuse factor ------===//
//
//   acc = cast_A(bias[m]) (or 0); for k = 0..K-1:
//   acc = cast_A(acc + cast_A(x[k] * w[m, k])); y[m] = cast_R(acc)
//
// with the loop structure hls4ml derives from the reuse factor
// (docs/Lowering.md, "Dense").
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

LogicalResult FunctionLowering::lowerDense(DenseOp op) {
  std::string layer = layerName(op);
  Location loc = op.getLoc();
  auto inType = llvm::cast<ShapedType>(op.getInput().getType());
  auto wType = llvm::cast<ShapedType>(op.getWeight().getType());
  const int64_t m = wType.getShape()[0], k = wType.getShape()[1];
  FixedType xT = elementOf(op.getInput()), wT = elementOf(op.getWeight());
  FixedType rT = elementOf(op.getOutput());
  FixedType bT = op.getBias() ? elementOf(op.getBias()) : FixedType();

  // The accumulator: nn.accum_type, else lossless (product format, one more
  // integer bit per doubling of the K + 1 terms, the bias aligned).
  FixedType accT;
  if (auto attr = op->getAttrOfType<TypeAttr>(kAccumTypeAttrName))
    accT = llvm::cast<FixedType>(attr.getValue());
  else {
    fx::Format p = fx::productFormat(xT.getFormat(), wT.getFormat());
    int frac = p.fracWidth(), intW = p.intWidth;
    if (bT) {
      frac = std::max(frac, bT.getFracWidth());
      intW = std::max(intW, bT.getIntWidth() + (bT.getIsSigned() ? 0 : 1));
    }
    intW += int(llvm::Log2_64_Ceil(uint64_t(k + 1)));
    accT = FixedType::get(context, unsigned(intW + frac), intW);
  }
  if (accT.getWidth() > 64)
    return op.emitError("nn-lower-to-loops: the accumulator of layer '")
           << layer << "' needs " << accT.getWidth()
           << " bits (at most 64); set nn.accum_type";
  FixedType prodT = toType(
      context, fx::productFormat(xT.getFormat(), wT.getFormat()));
  FixedType sumT =
      toType(context, fx::sumFormat(accT.getFormat(), accT.getFormat()));

  auto multiplier = llvm::cast<MultiplierOpInterface>(op.getOperation());
  const int64_t reuse = multiplier.getReuseFactor();
  const int64_t n = m * k;
  bool weightIsRom = op.getWeight().getDefiningOp<ConstantOp>() != nullptr;
  Value x = lookup(op.getInput());
  Value w = lookup(op.getWeight(), /*flattenConstant=*/true);
  Value bias = op.getBias() ? lookup(op.getBias()) : Value();
  Value out = bufferFor(op, op.getOutput());
  ArrayRef<int64_t> lead = inType.getShape().drop_back();

  // w[mIdx, kIdx] for affine expressions of the loop variables.
  auto weightExprs = [&](AffineExpr mIdx,
                         AffineExpr kIdx) -> SmallVector<AffineExpr> {
    if (weightIsRom)
      return {mIdx * k + kIdx};
    return {mIdx, kIdx};
  };
  auto dims = [&](unsigned count) { return dimExprs(context, count); };
  auto initAcc = [&](OpBuilder &b, ValueRange mOperands,
                     AffineExpr mIdx) -> Value {
    if (!bias)
      return FxConstantOp::create(b, loc, accT, b.getI64IntegerAttr(0));
    Value bv = load(b, loc, bias, {mIdx}, mOperands);
    return cast(b, loc, bv, accT);
  };
  auto step = [&](OpBuilder &b, Value acc, Value xv, Value wv) -> Value {
    Value p = FxMulOp::create(b, loc, prodT, wv, xv);
    Value pc = cast(b, loc, p, accT);
    Value s = FxAddOp::create(b, loc, sumT, acc, pc);
    return cast(b, loc, s, accT);
  };

  const bool fullUnroll = reuse == 1 && n <= maxUnrollMults;
  if (reuse == 1 && !fullUnroll) {
    op.emitWarning("layer '")
        << layer << "' has " << n << " multiplications, more than "
        << maxUnrollMults
        << " (max-unroll-mults): not fully unrolled, a pipelined loop instead";
  }
  if (!fullUnroll)
    allFullyUnrolled = false;

  loopNest(lead, layer, "row", /*unroll=*/fullUnroll, [&](OpBuilder &b,
                                                          ArrayRef<Value> rows) {
    const unsigned r = rows.size();
    if (reuse == 1) {
      // for m: acc = init; for k: acc = step(acc); y[m] = cast_R(acc)
      auto mLoop = affine::AffineForOp::create(b, loopLoc(layer, "m"), 0, m);
      setName(mLoop, layer + "_m");
      if (fullUnroll)
        setUnroll(mLoop);
      OpBuilder mb = OpBuilder::atBlockBegin(mLoop.getBody());
      mb.setInsertionPoint(mLoop.getBody()->getTerminator());
      Value mIv = mLoop.getInductionVar();
      Value init = initAcc(mb, {mIv}, getAffineDimExpr(0, context));
      auto kLoop = affine::AffineForOp::create(
          mb, loopLoc(layer, "k"), 0, k, 1, ValueRange{init},
          [&](OpBuilder &kb, Location, Value kIv, ValueRange iter) {
            SmallVector<Value> xOps(rows.begin(), rows.end());
            xOps.push_back(kIv);
            SmallVector<AffineExpr> xe = dims(r + 1);
            Value xv = load(kb, loc, x, xe, xOps);
            AffineExpr d0 = getAffineDimExpr(0, context),
                       d1 = getAffineDimExpr(1, context);
            Value wv = load(kb, loc, w, weightExprs(d0, d1), {mIv, kIv});
            affine::AffineYieldOp::create(kb, loc,
                                          step(kb, iter[0], xv, wv));
          });
      setName(kLoop, layer + "_k");
      if (fullUnroll)
        setUnroll(kLoop);
      else
        setPipeline(kLoop, 1);
      Value y = cast(mb, loc, kLoop.getResult(0), rT);
      SmallVector<Value> yOps(rows.begin(), rows.end());
      yOps.push_back(mIv);
      store(mb, loc, y, out, dims(r + 1), yOps);
      return;
    }
    // Reuse factor R > 1: R pipelined steps of B = N / R products each.
    const int64_t blockSize = n / reuse;
    auto accBuf = memref::AllocOp::create(
        b, NameLoc::get(StringAttr::get(context, identifier(layer) + "_acc")),
        MemRefType::get({m}, accT));
    setName(accBuf, layer + "_acc");
    setPartition(accBuf, "complete");
    auto init = affine::AffineForOp::create(b, loopLoc(layer, "init"), 0, m);
    setName(init, layer + "_init");
    setUnroll(init);
    {
      OpBuilder ib = OpBuilder::atBlockBegin(init.getBody());
      ib.setInsertionPoint(init.getBody()->getTerminator());
      Value a = initAcc(ib, {init.getInductionVar()},
                        getAffineDimExpr(0, context));
      store(ib, loc, a, accBuf, dims(1), {init.getInductionVar()});
    }
    auto reuseLoop =
        affine::AffineForOp::create(b, loopLoc(layer, "reuse"), 0, reuse);
    setName(reuseLoop, layer + "_reuse");
    setPipeline(reuseLoop, 1);
    OpBuilder rb = OpBuilder::atBlockBegin(reuseLoop.getBody());
    rb.setInsertionPoint(reuseLoop.getBody()->getTerminator());
    auto blockLoop =
        affine::AffineForOp::create(rb, loopLoc(layer, "mult"), 0, blockSize);
    setName(blockLoop, layer + "_mult");
    setUnroll(blockLoop);
    {
      OpBuilder bb = OpBuilder::atBlockBegin(blockLoop.getBody());
      bb.setInsertionPoint(blockLoop.getBody()->getTerminator());
      // Operands (rows..., ir, b); i = ir * B + b, m = i floordiv K,
      // k = i mod K.
      SmallVector<Value> ops(rows.begin(), rows.end());
      ops.push_back(reuseLoop.getInductionVar());
      ops.push_back(blockLoop.getInductionVar());
      SmallVector<AffineExpr> d = dims(r + 2);
      AffineExpr i = d[r] * blockSize + d[r + 1];
      AffineExpr mIdx = i.floorDiv(k), kIdx = i % k;
      SmallVector<AffineExpr> xe(d.begin(), d.begin() + r);
      xe.push_back(kIdx);
      Value xv = load(bb, loc, x, xe, ops);
      SmallVector<AffineExpr> we =
          weightIsRom ? SmallVector<AffineExpr>{i} : weightExprs(mIdx, kIdx);
      Value wv = load(bb, loc, w, we, ops);
      Value acc = load(bb, loc, accBuf, {mIdx}, ops);
      store(bb, loc, step(bb, acc, xv, wv), accBuf, {mIdx}, ops);
    }
    if (weightIsRom)
      setPartition(w.getDefiningOp(),
                   "cyclic factor=" + std::to_string(blockSize));
    auto fin = affine::AffineForOp::create(b, loopLoc(layer, "result"), 0, m);
    setName(fin, layer + "_result");
    setUnroll(fin);
    OpBuilder fb = OpBuilder::atBlockBegin(fin.getBody());
    fb.setInsertionPoint(fin.getBody()->getTerminator());
    Value a = load(fb, loc, accBuf, dims(1), {fin.getInductionVar()});
    SmallVector<Value> yOps(rows.begin(), rows.end());
    yOps.push_back(fin.getInductionVar());
    store(fb, loc, cast(fb, loc, a, rT), out, dims(r + 1), yOps);
  });
  return success();
}

