//===- LowerShape.cpp - data-movement nn ops to copy loops ----------------===//
//
// reshape, flatten: element copies in row-major order.
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

