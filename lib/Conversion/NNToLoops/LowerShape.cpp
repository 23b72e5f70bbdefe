//===- LowerShape.cpp - data-movement nn ops to copy loops ----------------===//
//
// reshape, flatten: element copies in row-major order; concat: each input
// copied into its slice; transpose: out[j] = in[j permuted back]; pad: the
// pad value everywhere, then the input into its window (negative pads crop);
// resize (nearest, integer scales): out[j] = in[j floordiv scale]. Element
// types agree (the verifiers check it), so nothing is cast.
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

void FunctionLowering::copyLoops(Value from, Value to, Location loc,
                                 StringRef name) {
  auto inShape = llvm::cast<ShapedType>(from.getType()).getShape();
  auto outShape = llvm::cast<ShapedType>(to.getType()).getShape();
  elementLoops(outShape, name, "i", [&](OpBuilder &b, ArrayRef<Value> ivs) {
    // The row-major linear index of the output element...
    AffineExpr linear = getAffineConstantExpr(0, context);
    for (size_t j = 0; j < outShape.size(); ++j)
      linear = linear * outShape[j] + getAffineDimExpr(unsigned(j), context);
    // ...delinearized over the input shape.
    SmallVector<AffineExpr> exprs;
    int64_t stride = 1;
    SmallVector<int64_t> strides(inShape.size());
    for (size_t j = inShape.size(); j-- > 0;) {
      strides[j] = stride;
      stride *= inShape[j];
    }
    for (size_t j = 0; j < inShape.size(); ++j) {
      AffineExpr e = linear.floorDiv(strides[j]);
      if (j > 0)
        e = e % inShape[j];
      exprs.push_back(e);
    }
    Value v = load(b, loc, from, exprs, ivs);
    auto map = AffineMap::getMultiDimIdentityMap(ivs.size(), context);
    affine::AffineStoreOp::create(b, loc, v, to, map, ivs);
  });
}

void FunctionLowering::lowerCopy(Operation *op, Value input, Value output) {
  Value in = lookup(input);
  Value out = bufferFor(op, output);
  copyLoops(in, out, op->getLoc(), layerName(op));
}


void FunctionLowering::lowerConcat(ConcatOp op) {
  Value out = bufferFor(op, op.getOutput());
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  int64_t rank = int64_t(shape.size());
  int64_t axis = int64_t(op.getAxis());
  if (axis < 0)
    axis += rank;
  Location loc = op.getLoc();
  int64_t offset = 0;
  for (auto [k, input] : llvm::enumerate(op.getInputs())) {
    Value in = lookup(input);
    auto inShape = llvm::cast<ShapedType>(input.getType()).getShape();
    SmallVector<AffineExpr> outExprs = dimExprs(context, unsigned(rank));
    outExprs[axis] = outExprs[axis] + offset;
    elementLoops(inShape, layerName(op), "in" + std::to_string(k) + "_",
                 [&](OpBuilder &b, ArrayRef<Value> ivs) {
                   Value v = loadAt(b, loc, in, ivs);
                   store(b, loc, v, out, outExprs, ivs);
                 });
    offset += inShape[axis];
  }
}

void FunctionLowering::lowerTranspose(TransposeOp op) {
  Value in = lookup(op.getInput());
  Value out = bufferFor(op, op.getOutput());
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  ArrayRef<int64_t> perm = op.getPerm();
  // Output dimension i walks input dimension perm[i].
  SmallVector<AffineExpr> inExprs(perm.size());
  for (auto [i, p] : llvm::enumerate(perm))
    inExprs[p] = getAffineDimExpr(unsigned(i), context);
  Location loc = op.getLoc();
  elementLoops(shape, layerName(op), "i",
               [&](OpBuilder &b, ArrayRef<Value> ivs) {
                 Value v = load(b, loc, in, inExprs, ivs);
                 storeAt(b, loc, v, out, ivs);
               });
}

void FunctionLowering::lowerPad(PadOp op) {
  Value in = lookup(op.getInput());
  Value out = bufferFor(op, op.getOutput());
  auto outShape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  auto inShape = llvm::cast<ShapedType>(op.getInput().getType()).getShape();
  FixedType rT = elementOf(op.getOutput());
  ArrayRef<int64_t> pads = op.getPads();
  const int64_t rank = int64_t(inShape.size());
  Location loc = op.getLoc();
  std::string layer = layerName(op);
  // The pad value is exact in the result type (the verifier checks it).
  int64_t raw = fx::quantize(op.getValue().convertToDouble(), rT.getFormat());
  elementLoops(outShape, layer, "fill", [&](OpBuilder &b, ArrayRef<Value> ivs) {
    Value v = FxConstantOp::create(b, loc, rT, b.getI64IntegerAttr(raw));
    storeAt(b, loc, v, out, ivs);
  });
  // Input elements s with 0 <= s + begin < outShape (a crop when negative).
  SmallVector<int64_t> lo(rank), extent(rank);
  for (int64_t d = 0; d < rank; ++d) {
    lo[d] = std::max<int64_t>(0, -pads[d]);
    int64_t hi = std::min<int64_t>(inShape[d], outShape[d] - pads[d]);
    extent[d] = std::max<int64_t>(0, hi - lo[d]);
  }
  SmallVector<AffineExpr> inExprs, outExprs;
  for (int64_t d = 0; d < rank; ++d) {
    AffineExpr j = getAffineDimExpr(unsigned(d), context);
    inExprs.push_back(j + lo[d]);
    outExprs.push_back(j + lo[d] + pads[d]);
  }
  elementLoops(extent, layer, "copy", [&](OpBuilder &b, ArrayRef<Value> ivs) {
    Value v = load(b, loc, in, inExprs, ivs);
    store(b, loc, v, out, outExprs, ivs);
  });
}

void FunctionLowering::lowerResize(ResizeOp op) {
  Value in = lookup(op.getInput());
  Value out = bufferFor(op, op.getOutput());
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  SmallVector<AffineExpr> inExprs;
  for (auto [d, scale] : llvm::enumerate(op.getScales()))
    inExprs.push_back(getAffineDimExpr(unsigned(d), context).floorDiv(scale));
  Location loc = op.getLoc();
  elementLoops(shape, layerName(op), "i",
               [&](OpBuilder &b, ArrayRef<Value> ivs) {
                 Value v = load(b, loc, in, inExprs, ivs);
                 storeAt(b, loc, v, out, ivs);
               });
}
