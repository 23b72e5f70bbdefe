//===- LowerToLoops.cpp - nn layers to affine loops with HLS directives ---===//
//
// --nn-lower-to-loops and the --nn-lower-to-hls pipeline (docs/Lowering.md).
// Every function of fixed-point nn ops becomes a function on memrefs whose
// body is affine loops of scalar nn.fx ops, in exactly the order and with
// exactly the casts of the interpreter's fixed-point kernels:
//
//   dense:  acc = cast_A(bias[m]) (or 0); for k = 0..K-1:
//           acc = cast_A(acc + cast_A(x[k] * w[m, k])); y[m] = cast_R(acc)
//   relu:   y = cast_R(max(x, 0))
//   add:    y = cast_R(a + b)        (numpy broadcasting)
//   reshape, flatten: element copies in row-major order
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/MathExtras.h"

#include <functional>

namespace nn {
#define GEN_PASS_DEF_NNLOWERTOLOOPS
#include "nn/Conversion/Passes.h.inc"
} // namespace nn

using namespace mlir;
using namespace nn;

namespace {

FixedType toType(MLIRContext *context, const fx::Format &format) {
  return FixedType::get(context, unsigned(format.width), format.intWidth,
                        format.isSigned,
                        static_cast<RoundingMode>(format.rounding),
                        static_cast<OverflowMode>(format.overflow));
}

FixedType elementOf(Value value) {
  return llvm::cast<FixedType>(
      llvm::cast<ShapedType>(value.getType()).getElementType());
}


/// A C identifier made of the name's [A-Za-z0-9_] characters.
std::string identifier(StringRef name) {
  std::string text;
  for (char c : name)
    text += llvm::isAlnum(c) || c == '_' ? c : '_';
  if (text.empty() || llvm::isDigit(text[0]))
    text = "l_" + text;
  return text;
}

class FunctionLowering {
public:
  FunctionLowering(func::FuncOp func, int64_t maxUnrollMults)
      : func(func), maxUnrollMults(maxUnrollMults),
        context(func.getContext()), builder(func.getContext()) {}

  LogicalResult run();

private:
  LogicalResult check();
  Value bufferFor(Operation *op, Value result);
  Value romFor(ConstantOp constant, bool flatten);
  Value lookup(Value tensor, bool flattenConstant = false);

  LogicalResult lowerDense(DenseOp op);
  void lowerRelu(ReluOp op);
  void lowerAdd(AddOp op);
  void lowerCopy(Operation *op, Value input, Value output);
  void copyLoops(Value from, Value to, Location loc, StringRef name);

  Location loopLoc(StringRef layer, StringRef role) {
    return NameLoc::get(
        StringAttr::get(context, identifier(layer) + "_" + role.str()));
  }
  std::string layerName(Operation *op) {
    std::string name = getLayerName(op->getLoc());
    if (name.empty())
      name = op->getName().stripDialect().str() + "_" +
             std::to_string(opIndex.lookup(op));
    return name;
  }

  /// A nest of loops over `shape` (one per dimension), each marked with
  /// `unroll`; calls body with the induction variables. Returns the
  /// outermost loop (null for rank 0: the body runs once).
  void loopNest(ArrayRef<int64_t> shape, StringRef layer, StringRef role,
                bool unroll,
                function_ref<void(OpBuilder &, ArrayRef<Value>)> body);

  Value load(OpBuilder &b, Location loc, Value memref,
             ArrayRef<AffineExpr> exprs, ValueRange operands) {
    auto map = AffineMap::get(operands.size(), 0, exprs, context);
    return affine::AffineLoadOp::create(b, loc, memref, map, operands);
  }
  void store(OpBuilder &b, Location loc, Value value, Value memref,
             ArrayRef<AffineExpr> exprs, ValueRange operands) {
    auto map = AffineMap::get(operands.size(), 0, exprs, context);
    affine::AffineStoreOp::create(b, loc, value, memref, map, operands);
  }
  Value cast(OpBuilder &b, Location loc, Value v, FixedType to) {
    if (v.getType() == to)
      return v;
    return FxCastOp::create(b, loc, to, v);
  }
  /// Names survive printing without debug info (NameLocs do not): the
  /// emitter reads nn.hls.name first.
  void setName(Operation *op, StringRef name) {
    op->setAttr(kHlsNameAttr, builder.getStringAttr(identifier(name)));
  }
  void setUnroll(Operation *loop) {
    loop->setAttr(kHlsUnrollAttr, builder.getI64IntegerAttr(0));
  }
  void setPipeline(Operation *op, int64_t ii) {
    op->setAttr(kHlsPipelineAttr, builder.getI64IntegerAttr(ii));
  }
  void setPartition(Operation *op, StringRef how) {
    op->setAttr(kHlsPartitionAttr, builder.getStringAttr(how));
  }

  func::FuncOp func;
  int64_t maxUnrollMults;
  MLIRContext *context;
  OpBuilder builder;
  func::FuncOp newFunc;
  llvm::DenseMap<Value, Value> buffers;
  llvm::DenseMap<Operation *, Value> roms, flatRoms;
  llvm::DenseMap<Operation *, int64_t> opIndex;
  /// Returned values written straight into their out-parameter.
  llvm::DenseMap<Value, Value> outParams;
  bool allFullyUnrolled = true;
};

LogicalResult FunctionLowering::check() {
  auto isFixedShaped = [](Type type) {
    auto shaped = llvm::dyn_cast<ShapedType>(type);
    return shaped && shaped.hasStaticShape() &&
           llvm::isa<FixedType>(shaped.getElementType());
  };
  for (BlockArgument arg : func.getArguments())
    if (!isFixedShaped(arg.getType()))
      return emitError(arg.getLoc())
             << "nn-lower-to-loops lowers fixed-point networks only: argument "
             << arg.getArgNumber() << " of '" << func.getSymName()
             << "' has type " << arg.getType()
             << " (run --nn-quantize first)";
  int64_t index = 0;
  for (Operation &op : func.getBody().front()) {
    opIndex[&op] = index++;
    if (llvm::isa<func::ReturnOp>(op))
      continue;
    if (!llvm::isa<DenseOp, ReluOp, AddOp, FlattenOp, ReshapeOp, ConstantOp>(
            op))
      return op.emitError("nn-lower-to-loops cannot lower '")
             << op.getName()
             << "' yet (supported: nn.dense, nn.relu, nn.add, nn.flatten, "
                "nn.reshape, nn.constant)";
    for (Type type : op.getResultTypes())
      if (!isFixedShaped(type))
        return op.emitError("nn-lower-to-loops lowers fixed-point networks "
                            "only: '")
               << op.getName() << "' has result type " << type
               << " (run --nn-quantize first)";
  }
  return success();
}

void FunctionLowering::loopNest(
    ArrayRef<int64_t> shape, StringRef layer, StringRef role, bool unroll,
    function_ref<void(OpBuilder &, ArrayRef<Value>)> body) {
  SmallVector<Value> ivs;
  std::function<void(OpBuilder &, size_t)> nest = [&](OpBuilder &b,
                                                      size_t dim) {
    if (dim == shape.size()) {
      body(b, ivs);
      return;
    }
    auto loop = affine::AffineForOp::create(
        b, loopLoc(layer, role.str() + std::to_string(dim)), 0, shape[dim]);
    setName(loop, layer.str() + "_" + role.str() + std::to_string(dim));
    if (unroll)
      setUnroll(loop);
    OpBuilder inner = OpBuilder::atBlockBegin(loop.getBody());
    inner.setInsertionPoint(loop.getBody()->getTerminator());
    ivs.push_back(loop.getInductionVar());
    nest(inner, dim + 1);
    ivs.pop_back();
  };
  nest(builder, 0);
}

Value FunctionLowering::bufferFor(Operation *op, Value result) {
  auto it = outParams.find(result);
  if (it != outParams.end())
    return buffers[result] = it->second;
  auto shaped = llvm::cast<ShapedType>(result.getType());
  auto type = MemRefType::get(shaped.getShape(), shaped.getElementType());
  auto alloc = memref::AllocOp::create(
      builder, NameLoc::get(StringAttr::get(context, layerName(op))), type);
  setPartition(alloc, "complete");
  setName(alloc, layerName(op));
  return buffers[result] = alloc;
}

Value FunctionLowering::romFor(ConstantOp constant, bool flatten) {
  auto &cache = flatten ? flatRoms : roms;
  if (Value rom = cache.lookup(constant))
    return rom;
  auto shaped = llvm::cast<ShapedType>(constant.getType());
  SmallVector<int64_t> shape(shaped.getShape());
  if (flatten)
    shape = {shaped.getNumElements()};
  ElementsAttr value = constant.getValue();
  auto rawType = RankedTensorType::get(
      shape, llvm::cast<ShapedType>(value.getType()).getElementType());
  if (auto dense = llvm::dyn_cast<DenseElementsAttr>(value))
    value = dense.reshape(rawType);
  else if (auto resource = llvm::dyn_cast<DenseResourceElementsAttr>(value))
    value = DenseResourceElementsAttr::get(rawType, resource.getRawHandle());
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&newFunc.getBody().front());
  auto rom = FxRomOp::create(
      builder, NameLoc::get(StringAttr::get(context, layerName(constant))),
      MemRefType::get(shape, shaped.getElementType()), value);
  setPartition(rom, "complete");
  setName(rom, layerName(constant));
  return cache[constant] = rom;
}

Value FunctionLowering::lookup(Value tensor, bool flattenConstant) {
  if (auto constant = tensor.getDefiningOp<ConstantOp>())
    return romFor(constant, flattenConstant);
  return buffers.lookup(tensor);
}

LogicalResult FunctionLowering::run() {
  if (failed(check()))
    return failure();
  Block &oldBody = func.getBody().front();
  auto ret = llvm::cast<func::ReturnOp>(oldBody.getTerminator());

  // The new signature: inputs, then one out-parameter per result.
  SmallVector<Type> argTypes;
  SmallVector<Location> argLocs;
  for (BlockArgument arg : func.getArguments()) {
    auto shaped = llvm::cast<ShapedType>(arg.getType());
    argTypes.push_back(
        MemRefType::get(shaped.getShape(), shaped.getElementType()));
    std::string name = getLayerName(arg.getLoc());
    argLocs.push_back(NameLoc::get(StringAttr::get(
        context, name.empty() ? "input_" + std::to_string(arg.getArgNumber())
                              : name)));
  }
  for (auto [i, type] : llvm::enumerate(func.getResultTypes())) {
    auto shaped = llvm::cast<ShapedType>(type);
    argTypes.push_back(
        MemRefType::get(shaped.getShape(), shaped.getElementType()));
    argLocs.push_back(
        NameLoc::get(StringAttr::get(context, "output_" + std::to_string(i))));
  }
  builder.setInsertionPoint(func);
  newFunc = func::FuncOp::create(builder, func.getLoc(), func.getSymName(),
                                 builder.getFunctionType(argTypes, {}));
  Block *entry = newFunc.addEntryBlock();
  for (auto [arg, loc] : llvm::zip(entry->getArguments(), argLocs))
    arg.setLoc(loc);
  unsigned numInputs = func.getNumArguments();
  for (unsigned i = 0; i < argTypes.size(); ++i) {
    newFunc.setArgAttr(i, kHlsPartitionAttr, builder.getStringAttr("complete"));
    newFunc.setArgAttr(i, kHlsNameAttr,
                       builder.getStringAttr(identifier(
                           llvm::cast<NameLoc>(argLocs[i]).getName().getValue())));
    if (i >= numInputs)
      newFunc.setArgAttr(i, kHlsOutputAttr, builder.getUnitAttr());
  }
  for (auto [arg, newArg] :
       llvm::zip(func.getArguments(), entry->getArguments()))
    buffers[arg] = newArg;
  // A result computed by an op (and returned once) is written straight into
  // its out-parameter; anything else is copied there at the end.
  SmallVector<unsigned> copies;
  for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
    Operation *def = value.getDefiningOp();
    if (def && !llvm::isa<ConstantOp>(def) && !outParams.count(value))
      outParams[value] = entry->getArgument(numInputs + i);
    else
      copies.push_back(i);
  }

  builder.setInsertionPointToEnd(entry);
  for (Operation &op : oldBody.without_terminator()) {
    if (llvm::isa<ConstantOp>(op))
      continue; // roms are created where they are used
    if (auto dense = llvm::dyn_cast<DenseOp>(op)) {
      if (failed(lowerDense(dense)))
        return failure();
    } else if (auto relu = llvm::dyn_cast<ReluOp>(op)) {
      lowerRelu(relu);
    } else if (auto add = llvm::dyn_cast<AddOp>(op)) {
      lowerAdd(add);
    } else {
      lowerCopy(&op, op.getOperand(0), op.getResult(0));
    }
  }
  for (unsigned i : copies) {
    Value value = ret.getOperand(i);
    copyLoops(lookup(value), entry->getArgument(numInputs + i),
              newFunc.getLoc(), "output_" + std::to_string(i));
  }
  func::ReturnOp::create(builder, ret.getLoc());
  if (allFullyUnrolled)
    setPipeline(newFunc, 1);
  for (auto [key, value] : outParams)
    if (!buffers.count(key))
      return ret.emitError("internal error: a returned value was not lowered");
  func.erase();
  return success();
}

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
  auto dims = [&](unsigned count) {
    SmallVector<AffineExpr> d;
    for (unsigned i = 0; i < count; ++i)
      d.push_back(getAffineDimExpr(i, context));
    return d;
  };
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

void FunctionLowering::lowerRelu(ReluOp op) {
  Value in = lookup(op.getInput());
  Value out = bufferFor(op, op.getOutput());
  FixedType rT = elementOf(op.getOutput());
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  Location loc = op.getLoc();
  loopNest(shape, layerName(op), "i", true,
           [&](OpBuilder &b, ArrayRef<Value> ivs) {
             auto map = AffineMap::getMultiDimIdentityMap(ivs.size(), context);
             Value v = affine::AffineLoadOp::create(b, loc, in, map, ivs);
             Value r = FxReluOp::create(b, loc, v.getType(), v);
             affine::AffineStoreOp::create(b, loc, cast(b, loc, r, rT), out,
                                           map, ivs);
           });
}

void FunctionLowering::lowerAdd(AddOp op) {
  Value lhs = lookup(op.getLhs()), rhs = lookup(op.getRhs());
  Value out = bufferFor(op, op.getOutput());
  FixedType rT = elementOf(op.getOutput());
  FixedType sT = toType(context, fx::sumFormat(elementOf(op.getLhs()).getFormat(),
                                               elementOf(op.getRhs()).getFormat()));
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  Location loc = op.getLoc();
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
  SmallVector<AffineExpr> le = broadcastExprs(op.getLhs()),
                          re = broadcastExprs(op.getRhs());
  loopNest(shape, layerName(op), "i", true,
           [&](OpBuilder &b, ArrayRef<Value> ivs) {
             Value a = load(b, loc, lhs, le, ivs);
             Value c = load(b, loc, rhs, re, ivs);
             Value s = FxAddOp::create(b, loc, sT, a, c);
             auto map = AffineMap::getMultiDimIdentityMap(ivs.size(), context);
             affine::AffineStoreOp::create(b, loc, cast(b, loc, s, rT), out,
                                           map, ivs);
           });
}

void FunctionLowering::copyLoops(Value from, Value to, Location loc,
                                 StringRef name) {
  auto inShape = llvm::cast<ShapedType>(from.getType()).getShape();
  auto outShape = llvm::cast<ShapedType>(to.getType()).getShape();
  loopNest(outShape, name, "i", true, [&](OpBuilder &b, ArrayRef<Value> ivs) {
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

struct LowerToLoopsPass
    : public nn::impl::NNLowerToLoopsBase<LowerToLoopsPass> {
  using Base::Base;
  void runOnOperation() override {
    SmallVector<func::FuncOp> funcs;
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() &&
          llvm::any_of(func.getFunctionType().getInputs(),
                       [](Type t) { return llvm::isa<TensorType>(t); }))
        funcs.push_back(func);
      else if (!func.isExternal() && func.getNumResults() > 0)
        funcs.push_back(func);
    for (func::FuncOp func : funcs)
      if (failed(FunctionLowering(func, maxUnrollMults).run()))
        return signalPassFailure();
  }
};

struct LowerToHlsOptions : public PassPipelineOptions<LowerToHlsOptions> {
  Option<int64_t> maxUnrollMults{
      *this, "max-unroll-mults",
      llvm::cl::desc("dense layers with reuse factor 1 and more "
                     "multiplications than this are pipelined, not unrolled"),
      llvm::cl::init(4096)};
};

} // namespace

void nn::registerNNConversionPipelines() {
  registerNNConversionPasses();
  PassPipelineRegistration<LowerToHlsOptions>(
      "nn-lower-to-hls",
      "lower a quantized nn network to affine loops with HLS directives, "
      "ready for --emit-hls (docs/Lowering.md)",
      [](OpPassManager &pm, const LowerToHlsOptions &options) {
        NNLowerToLoopsOptions loopOptions;
        loopOptions.maxUnrollMults = options.maxUnrollMults;
        pm.addPass(createNNLowerToLoops(loopOptions));
      });
}
