//===- LowerConv.cpp - nn.conv to loops ------------------------------------===//
//
// Per output position (n, oy, ox), rolled loops, the dot product of
// LowerDense.cpp with M outputs (o) of K = C/group * kh * kw terms in
// convFixed's order (input channel of the group, kernel row, kernel
// column):
//
//   acc = cast_A(bias[o]) (or 0)
//   for c, i, j: acc = cast_A(acc + cast_A(w[o, c, i, j] *
//                    xp[n, g*C/group + c, oy*sh + i*dh, ox*sw + j*dw]))
//   y[n, o, oy, ox] = cast_R(acc)
//
// where xp is the input copied into a zero-padded buffer <layer>_padded when
// the conv has pads (hls4ml's zeropad2d). The interpreter skips padding
// taps; here they add cast_A(0 * w) = 0, and cast_A(acc + 0) = acc for an
// acc already in A, so both give the same bits (docs/Lowering.md, "Conv").
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

#include "mlir/IR/IntegerSet.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

Value FunctionLowering::paddedBuffer(Value input, StringRef layer,
                                     ArrayRef<int64_t> padBegin,
                                     ArrayRef<int64_t> paddedShape,
                                     int64_t fill, Location where) {
  auto inType = llvm::cast<MemRefType>(input.getType());
  auto fixed = llvm::cast<FixedType>(inType.getElementType());
  auto type = MemRefType::get(paddedShape, fixed);
  std::string name = layer.str() + "_padded";
  auto alloc = memref::AllocOp::create(
      builder, NameLoc::get(StringAttr::get(context, identifier(name))), type);
  partitionBuffer(alloc, layer, where);
  setName(alloc, name);
  Location loc = alloc.getLoc();
  // xp[n, c, p...] = p - padBegin inside the input ? x[n, c, p - pad...]
  //                                                : fill
  const unsigned rank = paddedShape.size();
  SmallVector<AffineExpr> constraints, inExprs;
  for (unsigned d = 0; d < rank; ++d) {
    AffineExpr e = getAffineDimExpr(d, context);
    if (d < 2) {
      inExprs.push_back(e);
      continue;
    }
    AffineExpr in = e - padBegin[d - 2];
    inExprs.push_back(in);
    constraints.push_back(in);                                   // >= 0
    constraints.push_back(inType.getShape()[d] - 1 - in);        // >= 0
  }
  auto set = IntegerSet::get(rank, 0, constraints,
                             SmallVector<bool>(constraints.size(), false));
  elementLoops(paddedShape, name, "i",
               [&](OpBuilder &b, ArrayRef<Value> ivs) {
                 auto ifOp = affine::AffineIfOp::create(
                     b, loc, set, ValueRange(ivs), /*withElse=*/true);
                 OpBuilder tb = ifOp.getThenBodyBuilder();
                 Value v = load(tb, loc, input, inExprs, ivs);
                 storeAt(tb, loc, v, alloc, ivs);
                 OpBuilder eb = ifOp.getElseBodyBuilder();
                 Value z = FxConstantOp::create(eb, loc, fixed,
                                                eb.getI64IntegerAttr(fill));
                 storeAt(eb, loc, z, alloc, ivs);
               });
  return alloc;
}

LogicalResult FunctionLowering::lowerConv(ConvOp op) {
  std::string layer = layerName(op);
  Location loc = op.getLoc();
  auto inType = llvm::cast<ShapedType>(op.getInput().getType());
  auto wType = llvm::cast<ShapedType>(op.getWeight().getType());
  auto outType = llvm::cast<ShapedType>(op.getOutput().getType());
  const unsigned spatial = unsigned(inType.getRank()) - 2;
  const int64_t m = wType.getShape()[0], cg = wType.getShape()[1];
  const int64_t groups = op.getGroup(), mg = m / groups;
  ArrayRef<int64_t> kernel = wType.getShape().drop_front(2);
  ArrayRef<int64_t> strides = op.getStrides(), dilations = op.getDilations(),
                    pads = op.getPads();
  int64_t taps = 1;
  for (int64_t kd : kernel)
    taps *= kd;
  const int64_t k = cg * taps;

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

  // Zero padding: a padded copy read without bounds checks.
  if (llvm::any_of(pads, [](int64_t p) { return p != 0; })) {
    SmallVector<int64_t> shape(inType.getShape());
    for (unsigned s = 0; s < spatial; ++s)
      shape[2 + s] += pads[s] + pads[spatial + s];
    x = paddedBuffer(x, layer, pads.take_front(spatial), shape, 0,
                     op.getLoc());
  }

  DotSpec spec = dotSpec(op, layer, m, k, *accT, xT, wT, w);

  // Outer operands: d0 = n, d1.. = output position. Term k = (c, taps):
  // c = k floordiv taps, tap s = (k floordiv prod(kernel[s+1..])) mod
  // kernel[s].
  auto tapExprs = [&](AffineExpr kIdx) {
    SmallVector<AffineExpr> e;
    for (unsigned s = 0; s < spatial; ++s) {
      int64_t inner = 1;
      for (unsigned t = s + 1; t < spatial; ++t)
        inner *= kernel[t];
      e.push_back(kIdx.floorDiv(inner) % kernel[s]);
    }
    return e;
  };
  spec.loadX = [&, spatial](OpBuilder &b, ValueRange ops, AffineExpr mIdx,
                            AffineExpr kIdx) {
    SmallVector<AffineExpr> e{getAffineDimExpr(0, context)};
    AffineExpr c = kIdx.floorDiv(taps);
    if (groups != 1)
      c = mIdx.floorDiv(mg) * cg + c;
    e.push_back(c);
    SmallVector<AffineExpr> tap = tapExprs(kIdx);
    for (unsigned s = 0; s < spatial; ++s)
      e.push_back(getAffineDimExpr(1 + s, context) * strides[s] +
                  tap[s] * dilations[s]);
    return load(b, loc, x, e, ops);
  };
  spec.loadW = [&](OpBuilder &b, ValueRange ops, AffineExpr mIdx,
                   AffineExpr kIdx, AffineExpr flat) {
    if (weightIsRom)
      return load(b, loc, w, {flat ? flat : mIdx * k + kIdx}, ops);
    SmallVector<AffineExpr> e{mIdx, kIdx.floorDiv(taps)};
    llvm::append_range(e, tapExprs(kIdx));
    return load(b, loc, w, e, ops);
  };
  if (bias)
    spec.loadBias = [&](OpBuilder &b, ValueRange ops, AffineExpr mIdx) {
      return load(b, loc, bias, {mIdx}, ops);
    };
  spec.storeY = [&](OpBuilder &b, Value y, ValueRange ops, AffineExpr mIdx) {
    SmallVector<AffineExpr> e{getAffineDimExpr(0, context), mIdx};
    for (unsigned s = 0; s < spatial; ++s)
      e.push_back(getAffineDimExpr(1 + s, context));
    store(b, loc, y, out, e, ops);
  };

  DotPlan plan = planDot(op, spec);
  allFullyUnrolled = false; // the output positions are a rolled loop

  // Rolled loops over n and the output positions.
  static const char *const roles1[] = {"n", "ox"};
  static const char *const roles2[] = {"n", "oy", "ox"};
  SmallVector<Value> outer;
  OpBuilder b = builder;
  affine::AffineForOp innermost;
  for (unsigned d = 0; d < 1 + spatial; ++d) {
    int64_t size = outType.getShape()[d == 0 ? 0 : 1 + d];
    auto loop = namedLoop(b, layer, spatial == 1 ? roles1[d] : roles2[d], size);
    outer.push_back(loop.getInductionVar());
    b = OpBuilder::atBlockBegin(loop.getBody());
    b.setInsertionPoint(loop.getBody()->getTerminator());
    innermost = loop;
  }
  // A fully unrolled position: one position per cycle.
  if (plan.kind == DotStructure::Unrolled)
    setPipeline(innermost, 1);
  emitDot(b, spec, plan, outer);
  return success();
}
