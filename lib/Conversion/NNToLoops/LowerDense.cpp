//===- LowerDense.cpp - dot products (dense, conv) shaped by R and strategy ===//
//
//   acc = cast_A(bias[m]) (or 0); for k = 0..K-1:
//   acc = cast_A(acc + cast_A(x[k] * w[m, k])); y[m] = cast_R(acc)
//
// with the loop structure hls4ml derives from the reuse factor and the
// strategy (docs/Lowering.md, "Dense"). The dot-product part (planDot,
// emitDot) is shared with conv (LowerConv.cpp), which runs it once per
// output position.
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

#include "nn/Dialect/NN/IR/FixedRaws.h"
#include "nn/Support/Accumulator.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

FailureOr<FixedType> FunctionLowering::accumulatorType(Operation *op,
                                                       StringRef layer,
                                                       FixedType xT,
                                                       FixedType wT,
                                                       FixedType bT,
                                                       int64_t terms) {
  // nn.accum_type (--nn-quantize always sets it), else the lossless format
  // of the dot product, as `accum=auto` chooses it (Accumulator.h).
  FixedType accT;
  if (auto attr = op->getAttrOfType<TypeAttr>(kAccumTypeAttrName)) {
    accT = llvm::cast<FixedType>(attr.getValue());
  } else {
    fx::Format bias = bT ? bT.getFormat() : fx::Format{};
    accT = toType(context, fx::dotProductFormat(xT.getFormat(), wT.getFormat(),
                                                terms, bT ? &bias : nullptr));
  }
  if (accT.getWidth() > 64)
    return op->emitError("nn-lower-to-loops: the accumulator of layer '")
           << layer << "' needs " << accT.getWidth()
           << " bits (at most 64); set nn.accum_type";
  return accT;
}

DotSpec FunctionLowering::dotSpec(Operation *op, StringRef layer, int64_t m,
                                  int64_t k, FixedType accT, FixedType xT,
                                  FixedType wT, Value weight) {
  DotSpec spec{layer.str(), op->getLoc()};
  spec.m = m;
  spec.k = k;
  spec.accT = accT;
  spec.rT = elementOf(op->getResult(0));
  spec.prodT =
      toType(context, fx::productFormat(xT.getFormat(), wT.getFormat()));
  spec.sumT = toType(context, fx::sumFormat(accT.getFormat(), accT.getFormat()));
  auto multiplier = llvm::cast<MultiplierOpInterface>(op);
  spec.reuse = multiplier.getReuseFactor();
  spec.resource = multiplier.getStrategy() == reuse::Strategy::Resource;
  spec.weightRom = weight.getDefiningOp<FxRomOp>();
  spec.wT = wT;
  if (auto constant = op->getOperand(1).getDefiningOp<ConstantOp>())
    spec.weightRaws = readFixedRaws(constant.getValue(), wT, m * k);
  return spec;
}

DotPlan FunctionLowering::planDot(Operation *op, const DotSpec &spec) {
  hls::DotSchedule schedule =
      hls::planDot(spec.m, spec.k, spec.reuse, spec.resource, limits);
  for (const std::string &warning :
       hls::fallbackWarnings(schedule, spec.layer, limits))
    op->emitWarning(warning);
  DotPlan plan;
  plan.kind = schedule.kind;
  plan.blockSize = schedule.blockSize;
  if (spec.weightRaws)
    plan.live = hls::liveProducts(schedule, *spec.weightRaws);
  if (plan.kind == DotStructure::Resource) {
    auto accBuf = memref::AllocOp::create(
        builder,
        NameLoc::get(StringAttr::get(context, identifier(spec.layer) + "_acc")),
        MemRefType::get({spec.m}, spec.accT));
    setName(accBuf, spec.layer + "_acc");
    setPartition(accBuf, "complete");
    plan.accBuf = accBuf;
    // One wide word per reuse step (as hls4ml's resource kernel reshapes
    // its weights): step ir reads weights [ir * B, ir * B + B), which a
    // cyclic reshape by B packs into word ir, instead of B banks.
    if (spec.weightRom) {
      spec.weightRom->removeAttr(kHlsPartitionAttr);
      spec.weightRom->setAttr(
          kHlsReshapeAttr,
          builder.getStringAttr("cyclic factor=" +
                                std::to_string(schedule.reshapeFactor)));
    }
  }
  return plan;
}

void FunctionLowering::eraseUnreadRom(const DotSpec &spec) {
  Operation *rom = spec.weightRom;
  if (!rom || !rom->use_empty())
    return;
  // Forget it first: a later layer reading the same constant gets a new rom.
  for (auto *cache : {&roms, &flatRoms})
    for (auto it = cache->begin(); it != cache->end();) {
      auto cur = it++;
      if (cur->second.getDefiningOp() == rom)
        cache->erase(cur);
    }
  rom->erase();
}

void FunctionLowering::emitDot(OpBuilder &b, const DotSpec &spec,
                               const DotPlan &plan, ValueRange outer) {
  const unsigned r = outer.size();
  const std::string &layer = spec.layer;
  Location loc = spec.loc;
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, context); };
  auto initAcc = [&](OpBuilder &ib, ValueRange ops, AffineExpr mIdx) -> Value {
    if (!spec.loadBias)
      return FxConstantOp::create(ib, loc, spec.accT, ib.getI64IntegerAttr(0));
    return cast(ib, loc, spec.loadBias(ib, ops, mIdx), spec.accT);
  };
  auto step = [&](OpBuilder &sb, Value acc, Value xv, Value wv) -> Value {
    Value p = FxMulOp::create(sb, loc, spec.prodT, wv, xv);
    Value pc = cast(sb, loc, p, spec.accT);
    Value s = FxAddOp::create(sb, loc, spec.sumT, acc, pc);
    return cast(sb, loc, s, spec.accT);
  };
  auto bodyBuilder = [&](affine::AffineForOp loop) {
    OpBuilder inner = OpBuilder::atBlockBegin(loop.getBody());
    inner.setInsertionPoint(loop.getBody()->getTerminator());
    return inner;
  };

  if (plan.kind != DotStructure::Resource) {
    // [block:] for m: acc = init; for k: acc = step(acc); y[m] = cast_R(acc)
    const bool unroll = plan.kind != DotStructure::Rolled;
    OpBuilder mParent = b;
    if (plan.kind == DotStructure::Latency) {
      // hls4ml's dense_latency with R > 1: the unrolled products in a
      // pipeline of II = R sharing B multipliers.
      auto block = namedLoop(b, layer, "block", 1);
      setPipeline(block, spec.reuse);
      // The multipliers whose weights are not all zero (B without zeros).
      setMulLimit(block, plan.live.dropsZeros
                             ? std::max<int64_t>(1, plan.live.multipliers)
                             : plan.blockSize);
      mParent = bodyBuilder(block);
    }
    if (plan.live.dropsZeros) {
      // Straight-line per output: only the nonzero weights, as constants,
      // in k order.
      SmallVector<Value> ops(outer.begin(), outer.end());
      const std::vector<int64_t> &raws = *spec.weightRaws;
      for (int64_t mi = 0; mi < spec.m; ++mi) {
        AffineExpr mIdx = getAffineConstantExpr(mi, context);
        Value acc = initAcc(mParent, ops, mIdx);
        for (int64_t ki = 0; ki < spec.k; ++ki) {
          int64_t raw = raws[size_t(mi * spec.k + ki)];
          if (raw == 0)
            continue;
          Value xv = spec.loadX(mParent, ops, mIdx,
                                getAffineConstantExpr(ki, context));
          Value wv = FxConstantOp::create(mParent, loc, spec.wT,
                                          mParent.getI64IntegerAttr(raw));
          acc = step(mParent, acc, xv, wv);
        }
        spec.storeY(mParent, cast(mParent, loc, acc, spec.rT), ops, mIdx);
      }
      eraseUnreadRom(spec);
      return;
    }
    auto mLoop = namedLoop(mParent, layer, "m", spec.m);
    if (unroll)
      setUnroll(mLoop);
    OpBuilder mb = bodyBuilder(mLoop);
    SmallVector<Value> mOps(outer.begin(), outer.end());
    mOps.push_back(mLoop.getInductionVar());
    Value init = initAcc(mb, mOps, dim(r));
    auto kLoop = affine::AffineForOp::create(
        mb, loopLoc(layer, "k"), 0, spec.k, 1, ValueRange{init},
        [&](OpBuilder &kb, Location, Value kIv, ValueRange iter) {
          SmallVector<Value> ops(mOps);
          ops.push_back(kIv);
          Value xv = spec.loadX(kb, ops, dim(r), dim(r + 1));
          Value wv = spec.loadW(kb, ops, dim(r), dim(r + 1), AffineExpr());
          affine::AffineYieldOp::create(kb, loc, step(kb, iter[0], xv, wv));
        });
    setName(kLoop, layer + "_k");
    if (unroll)
      setUnroll(kLoop);
    else
      setPipeline(kLoop, 1);
    spec.storeY(mb, cast(mb, loc, kLoop.getResult(0), spec.rT), mOps, dim(r));
    return;
  }

  // Resource: R pipelined steps of B = N / R products each, accumulating
  // in acc[M] (hls4ml's resource kernel).
  const int64_t blockSize = plan.blockSize, k = spec.k;
  Value accBuf = plan.accBuf;
  auto init = namedLoop(b, layer, "init", spec.m);
  setUnroll(init);
  {
    OpBuilder ib = bodyBuilder(init);
    SmallVector<Value> ops(outer.begin(), outer.end());
    ops.push_back(init.getInductionVar());
    store(ib, loc, initAcc(ib, ops, dim(r)), accBuf, {dim(r)}, ops);
  }
  auto reuseLoop = namedLoop(b, layer, "reuse", spec.reuse);
  setPipeline(reuseLoop, 1);
  OpBuilder rb = bodyBuilder(reuseLoop);
  // The multipliers b of [0, B) that have a nonzero weight, as runs of
  // consecutive ones (one run [0, B) without zeros): a multiplier whose
  // weights are all zero is not emitted.
  SmallVector<std::pair<int64_t, int64_t>> runs;
  for (int64_t bIdx = 0; bIdx < blockSize; ++bIdx) {
    if (plan.live.dropsZeros && !plan.live.liveMultiplier[size_t(bIdx)])
      continue;
    if (!runs.empty() && runs.back().second == bIdx)
      runs.back().second = bIdx + 1;
    else
      runs.push_back({bIdx, bIdx + 1});
  }
  for (auto [first, last] : runs) {
    auto blockLoop =
        affine::AffineForOp::create(rb, loopLoc(layer, "mult"), first, last, 1);
    setName(blockLoop, layer + "_mult");
    setUnroll(blockLoop);
    OpBuilder bb = bodyBuilder(blockLoop);
    // Operands (outer..., ir, b); i = ir * B + b, m = i floordiv K,
    // k = i mod K: consecutive products in (m, k) order, so the per-m
    // accumulation order is k = 0..K-1 whatever R.
    SmallVector<Value> ops(outer.begin(), outer.end());
    ops.push_back(reuseLoop.getInductionVar());
    ops.push_back(blockLoop.getInductionVar());
    AffineExpr i = dim(r) * blockSize + dim(r + 1);
    AffineExpr mIdx = i.floorDiv(k), kIdx = i % k;
    Value xv = spec.loadX(bb, ops, mIdx, kIdx);
    Value wv = spec.loadW(bb, ops, mIdx, kIdx, i);
    Value acc = load(bb, loc, accBuf, {mIdx}, ops);
    store(bb, loc, step(bb, acc, xv, wv), accBuf, {mIdx}, ops);
  }
  auto fin = namedLoop(b, layer, "result", spec.m);
  setUnroll(fin);
  OpBuilder fb = bodyBuilder(fin);
  SmallVector<Value> ops(outer.begin(), outer.end());
  ops.push_back(fin.getInductionVar());
  Value a = load(fb, loc, accBuf, {dim(r)}, ops);
  spec.storeY(fb, cast(fb, loc, a, spec.rT), ops, dim(r));
}

LogicalResult FunctionLowering::lowerDense(DenseOp op) {
  std::string layer = layerName(op);
  Location loc = op.getLoc();
  auto inType = llvm::cast<ShapedType>(op.getInput().getType());
  auto wType = llvm::cast<ShapedType>(op.getWeight().getType());
  const int64_t m = wType.getShape()[0], k = wType.getShape()[1];
  FixedType xT = elementOf(op.getInput()), wT = elementOf(op.getWeight());
  FixedType bT = op.getBias() ? elementOf(op.getBias()) : FixedType();
  FailureOr<FixedType> accT = accumulatorType(op, layer, xT, wT, bT, k);
  if (failed(accT))
    return failure();

  bool weightIsRom = op.getWeight().getDefiningOp<ConstantOp>() != nullptr;
  Value x = lookup(op.getInput());
  Value w = lookup(op.getWeight(), /*flattenConstant=*/true);
  Value bias = op.getBias() ? lookup(op.getBias()) : Value();
  Value out = bufferFor(op, op.getOutput());
  ArrayRef<int64_t> lead = inType.getShape().drop_back();
  const unsigned r = lead.size();

  DotSpec spec = dotSpec(op, layer, m, k, *accT, xT, wT, w);
  // x[rows..., k], w[m * K + k] (rom) or w[m, k], bias[m], y[rows..., m].
  auto rowsThen = [&](AffineExpr last) {
    SmallVector<AffineExpr> e = dimExprs(context, r);
    e.push_back(last);
    return e;
  };
  spec.loadX = [&](OpBuilder &b, ValueRange ops, AffineExpr, AffineExpr kIdx) {
    return load(b, loc, x, rowsThen(kIdx), ops);
  };
  spec.loadW = [&](OpBuilder &b, ValueRange ops, AffineExpr mIdx,
                   AffineExpr kIdx, AffineExpr flat) {
    if (weightIsRom)
      return load(b, loc, w, {flat ? flat : mIdx * k + kIdx}, ops);
    return load(b, loc, w, {mIdx, kIdx}, ops);
  };
  if (bias)
    spec.loadBias = [&](OpBuilder &b, ValueRange ops, AffineExpr mIdx) {
      return load(b, loc, bias, {mIdx}, ops);
    };
  spec.storeY = [&](OpBuilder &b, Value y, ValueRange ops, AffineExpr mIdx) {
    store(b, loc, y, out, rowsThen(mIdx), ops);
  };

  DotPlan plan = planDot(op, spec);
  const bool fullUnroll = plan.kind == DotStructure::Unrolled;
  if (!fullUnroll)
    allFullyUnrolled = false;
  loopNest(lead, layer, "row", /*unroll=*/fullUnroll,
           [&](OpBuilder &b, ArrayRef<Value> rows) {
             emitDot(b, spec, plan, rows);
           });
  return success();
}
