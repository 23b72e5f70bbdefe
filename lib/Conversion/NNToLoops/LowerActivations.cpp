//===- LowerActivations.cpp - table activations and softmax to loops ------===//
//
// nn.sigmoid, nn.tanh, nn.softsign, nn.gelu, nn.rsqrt and nn.softmax read the lookup tables of
// nn/Support/ActivationTables.h (the interpreter's, entry for entry) from
// nn.fx.rom buffers. The table index
//
//   index(t) = clamp(floor((t - lo) * N / span), 0, N - 1)
//
// is computed with exact scalar ops when N / span is a power of two:
// d = t - lo (nn.fx.sub), d * 2^r (nn.fx.mul with the constant 2^r,
// r = log2(N / span)), cast into ap_ufixed<log2 N, log2 N, AP_TRN, AP_SAT>
// (TRN floors, SAT clamps to [0, N - 1]) and nn.fx.to_index. Softmax then
// follows fx::softmax(): max, exp entries, their exact sum, the leading
// one of the sum (nn.fx.ilog2), the inverse of its mantissa from the second
// table, and y_i = cast_R(e_i * v / 2^e) (nn.fx.div_pow2); latency without
// the maximum, legacy with a sum per output and a 1/s table, argmax as a
// one-hot of the first maximum (exact compares and selects).
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

#include "nn/Dialect/NN/IR/NNInterfaces.h"
#include "nn/Support/ActivationTables.h"
#include "nn/Support/ExactConstant.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/Support/MathExtras.h"

#include <limits>

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

namespace {

/// The table of an activation: its size (nn.table_size) and format
/// (nn.table_type or `defaultType`). The dialect verifier holds both to
/// fx::tableSizeProblem and fx::tableWidthProblem, the rule of every stage.
struct TableChoice {
  int64_t size;
  FixedType type;
};

TableChoice chooseTable(Operation *op, FixedType defaultType) {
  TableChoice choice{fx::kDefaultTableSize, defaultType};
  if (auto size = op->getAttrOfType<IntegerAttr>(kTableSizeAttrName))
    choice.size = size.getInt();
  if (auto type = op->getAttrOfType<TypeAttr>(kTableTypeAttrName))
    if (auto fixed = llvm::dyn_cast<FixedType>(type.getValue()))
      choice.type = fixed;
  return choice;
}

} // namespace

Value FunctionLowering::tableRom(Operation *op, StringRef role,
                                 const fx::ActivationTable &table,
                                 FixedType type) {
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&newFunc.getBody().front());
  std::string name = layerName(op) + "_" + role.str();
  auto raws = RankedTensorType::get(
      {int64_t(table.entries.size())},
      IntegerType::get(context, type.getWidth()));
  SmallVector<APInt> values;
  for (int64_t raw : table.entries)
    values.push_back(APInt(type.getWidth(), uint64_t(raw), /*isSigned=*/true,
                           /*implicitTrunc=*/true));
  auto rom = FxRomOp::create(
      builder, NameLoc::get(StringAttr::get(context, identifier(name))),
      MemRefType::get({int64_t(table.entries.size())}, type),
      DenseElementsAttr::get(raws, values));
  // A lookup table stays a ROM: it is read at computed indices.
  setName(rom, name);
  return rom;
}

Value FunctionLowering::tableIndex(OpBuilder &b, Location loc, Value t,
                                   const fx::TableSpec &spec) {
  // d = t - lo (exact), skipped for lo = 0.
  Value d = t;
  if (spec.lo != 0) {
    int bits = 1;
    while ((int64_t(1) << (bits - 1)) <= (spec.lo < 0 ? -spec.lo : spec.lo))
      ++bits;
    auto loType = FixedType::get(context, unsigned(bits), bits);
    Value lo = FxConstantOp::create(b, loc, loType,
                                    b.getI64IntegerAttr(spec.lo));
    FixedType tType = llvm::cast<FixedType>(t.getType());
    d = FxSubOp::create(
        b, loc,
        toType(context, fx::differenceFormat(tType.getFormat(),
                                             loType.getFormat())),
        t, lo);
  }
  // d * N / span = d * 2^r.
  int r = int(llvm::Log2_64(uint64_t(spec.size))) -
          int(llvm::Log2_64(uint64_t(spec.span)));
  auto pow2Type = FixedType::get(context, 1, r + 1, /*isSigned=*/false);
  Value pow2 = FxConstantOp::create(b, loc, pow2Type, b.getI64IntegerAttr(1));
  FixedType dType = llvm::cast<FixedType>(d.getType());
  Value scaled = FxMulOp::create(
      b, loc,
      toType(context, fx::productFormat(dType.getFormat(),
                                        pow2Type.getFormat())),
      d, pow2);
  // Floor and clamp to [0, N - 1] in one cast.
  unsigned indexBits = llvm::Log2_64(uint64_t(spec.size));
  auto indexType =
      FixedType::get(context, indexBits, int(indexBits), /*isSigned=*/false,
                     RoundingMode::TRN, OverflowMode::SAT);
  Value clamped = FxCastOp::create(b, loc, indexType, scaled);
  return FxToIndexOp::create(b, loc, b.getIndexType(), clamped);
}

LogicalResult FunctionLowering::lowerTableActivation(Operation *op) {
  Value input = op->getOperand(0), output = op->getResult(0);
  FixedType rT = elementOf(output);
  TableChoice choice = chooseTable(op, rT);
  auto gelu = llvm::dyn_cast<GeluOp>(op);
  fx::Format tableFormat = choice.type.getFormat();
  fx::Format inputFormat = elementOf(input).getFormat();
  // The spec and table of ActivationTables.h, as the interpreter reads them.
  fx::TableSpec spec;
  fx::ActivationTable table;
  if (gelu) {
    spec = fx::geluTableSpec(choice.size);
    table = fx::geluTable(choice.size, tableFormat, gelu.isTanhApproximation());
  } else if (auto rsqrt = llvm::dyn_cast<RsqrtOp>(op)) {
    spec = fx::rsqrtTableSpec(choice.size, inputFormat);
    table = fx::rsqrtTable(choice.size, tableFormat, inputFormat,
                           rsqrt.getEpsilon().convertToDouble());
  } else if (llvm::isa<SigmoidOp>(op)) {
    spec = fx::sigmoidTableSpec(choice.size);
    table = fx::sigmoidTable(choice.size, tableFormat);
  } else if (llvm::isa<SoftsignOp>(op)) {
    spec = fx::softsignTableSpec(choice.size);
    table = fx::softsignTable(choice.size, tableFormat);
  } else {
    spec = fx::tanhTableSpec(choice.size);
    table = fx::tanhTable(choice.size, tableFormat);
  }
  // gelu: the entry times x, exact (fx::gelu), then the one cast.
  FixedType productT;
  if (gelu)
    productT = toType(context, fx::productFormat(elementOf(input).getFormat(),
                                                 tableFormat));
  Value rom = tableRom(op, "table", table, choice.type);
  Value in = lookup(input);
  Value out = bufferFor(op, output);
  Location loc = op->getLoc();
  auto shape = llvm::cast<ShapedType>(output.getType()).getShape();
  elementLoops(shape, layerName(op), "i",
               [&](OpBuilder &b, ArrayRef<Value> ivs) {
                 Value x = loadAt(b, loc, in, ivs);
                 Value index = tableIndex(b, loc, x, spec);
                 Value entry = memref::LoadOp::create(b, loc, rom, index);
                 if (gelu)
                   entry = FxMulOp::create(b, loc, productT, x, entry);
                 storeAt(b, loc, cast(b, loc, entry, rT), out, ivs);
               });
  return success();
}

LogicalResult FunctionLowering::lowerSoftmax(SoftmaxOp op) {
  // fx::softmax (ActivationTables.h) defines each implementation; the loops
  // below follow it step by step.
  Location loc = op.getLoc();
  std::string layer = layerName(op);
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  const int64_t rank = int64_t(shape.size());
  int64_t axis = int64_t(op.getAxis());
  if (axis < 0)
    axis += rank;
  const int64_t n = shape[axis];
  FixedType xT = elementOf(op.getInput()), rT = elementOf(op.getOutput());
  const fx::SoftmaxImpl impl = op.getImpl();
  const bool argmax = impl == fx::SoftmaxImpl::Argmax;
  const bool legacy = impl == fx::SoftmaxImpl::Legacy;
  const bool stable = impl == fx::SoftmaxImpl::Stable;
  FixedType eT = toType(context, op.getExpTableFormat());
  FixedType vT = toType(context, op.getInvTableFormat());
  std::optional<fx::Format> accum = op.getAccumFormat();
  // Only the table size is read from the choice (the formats are the op's).
  const int64_t size =
      chooseTable(op, toType(context, fx::kDefaultSoftmaxTableFormat)).size;
  fx::SoftmaxConfig tables = fx::softmaxConfig(
      impl, size, eT.getFormat(), vT.getFormat(), accum);
  fx::Format eF = eT.getFormat();
  // The exp entries are summed as non-negative values: each must be >= 0,
  // and e^0 (the maximum's entry, stable) > 0 so that the sum is positive.
  if (!argmax &&
      ((stable && tables.exp.entries.front() <= 0) ||
       llvm::any_of(tables.exp.entries, [&](int64_t raw) {
         return fx::rawToInt(raw, eF) < 0;
       })))
    return op.emitError("nn-lower-to-loops: the softmax table type ")
           << eT << " of layer '" << layer
           << "' cannot hold e^0 = 1 and the smaller exponentials as "
              "non-negative values (use e.g. !nn.ufixed<18, 1, RND, SAT>)";
  // The exact sum of n entries, then the sum's format (accum or exact).
  fx::Format exactF = fx::sumOfTermsFormat(eF, n);
  fx::Format sumF = accum ? *accum : exactF;
  fx::Format prodF = fx::productFormat(eF, vT.getFormat());
  if (!argmax && (exactF.width > 64 || sumF.width > 64 || prodF.width > 126 ||
                  xT.getWidth() + 1 > 64))
    return op.emitError("nn-lower-to-loops: the softmax of layer '")
           << layer << "' needs more than 64-bit intermediates (sum of " << n
           << " entries of " << eT << ")";
  // The sum as unsigned (its positive values), for the leading one.
  fx::Format sumU = sumF;
  if (sumU.isSigned) {
    sumU.isSigned = false;
    sumU.width -= 1;
    sumU.intWidth -= 1;
  }
  // A sum that may be <= 0 (a lossy accum, or latency's entries that may all
  // be 0) gives zeros (fx::softmax): guard the leading-one detector.
  const bool guardSum = accum.has_value() || impl == fx::SoftmaxImpl::Latency;
  if (!argmax && !legacy && sumU.width < 1)
    return op.emitError("nn-lower-to-loops: the softmax sum type ")
           << toType(context, sumF) << " of layer '" << layer
           << "' has no positive values";
  FixedType exactT = toType(context, exactF), sumT = toType(context, sumF);
  FixedType sumUT = sumU.width >= 1 ? toType(context, sumU) : sumT;
  FixedType diffT = toType(
      context, fx::differenceFormat(xT.getFormat(), xT.getFormat()));
  FixedType prodT = toType(context, prodF);
  // The mantissa s / 2^e in [1, 2): all of the sum's bits below the point.
  FixedType mantT = FixedType::get(context, unsigned(std::max(sumU.width, 1)),
                                   1, /*isSigned=*/false);
  const int64_t minExp = sumU.intWidth - sumU.width, maxExp = sumU.intWidth - 1;

  Value expRom, invRom;
  if (!argmax) {
    expRom = tableRom(op, "exp_table", tables.exp, eT);
    invRom = tableRom(op, "inv_table", tables.inv, vT);
  }
  Value in = lookup(op.getInput());
  Value out = bufferFor(op, op.getOutput());

  // The other dimensions (axis removed) index the rows.
  SmallVector<int64_t> rowShape;
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis)
      rowShape.push_back(shape[d]);
  int64_t rows = 1;
  for (int64_t d : rowShape)
    rows *= d;
  // Legacy does n * n lookups per row (products checked: an overflow
  // means far over any unroll limit).
  const int64_t kTooMany = std::numeric_limits<int64_t>::max();
  const int64_t work =
      legacy ? llvm::checkedMul(n, n).value_or(kTooMany) : n;
  const bool unrollRows = hls::unrollsCompletely(
      llvm::checkedMul(rows, work).value_or(kTooMany), limits);
  const bool unrollRow = hls::unrollsCompletely(work, limits);
  if (!unrollRows)
    allFullyUnrolled = false;
  // Exp entries of the current row (stable, latency).
  Value expBuf;
  if (!argmax && !legacy) {
    auto alloc = memref::AllocOp::create(
        builder,
        NameLoc::get(StringAttr::get(context, identifier(layer) + "_exps")),
        MemRefType::get({n}, eT));
    setName(alloc, layer + "_exps");
    partitionBuffer(alloc, layer + "_exps", loc);
    expBuf = alloc;
  }
  fx::TableSpec expSpec = fx::softmaxExpSpec(impl, size);
  fx::TableSpec invSpec = fx::softmaxInvSpec(impl, size);
  auto fxConst = [&](OpBuilder &b, FixedType type, int64_t raw) -> Value {
    return FxConstantOp::create(b, loc, type, b.getI64IntegerAttr(raw));
  };
  auto bitT = FixedType::get(context, 1, 1, /*isSigned=*/false);

  Operation *innermostRow = nullptr;
  loopNest(rowShape, layer, "row", unrollRows,
           [&](OpBuilder &b, ArrayRef<Value> rowIvs) {
    if (!rowIvs.empty())
      innermostRow =
          llvm::cast<BlockArgument>(rowIvs.back()).getOwner()->getParentOp();
    // The element (row, i) with the row's ivs as d0.., i as d<numRow>
    // (or the constant `fixedI`).
    auto element = [&](unsigned numRow, std::optional<int64_t> fixedI = {}) {
      SmallVector<AffineExpr> exprs;
      unsigned next = 0;
      for (int64_t d = 0; d < rank; ++d)
        exprs.push_back(d != axis ? getAffineDimExpr(next++, context)
                        : fixedI  ? getAffineConstantExpr(*fixedI, context)
                                  : getAffineDimExpr(numRow, context));
      return exprs;
    };
    auto operands = [&](Value i) {
      SmallVector<Value> ops(rowIvs.begin(), rowIvs.end());
      ops.push_back(i);
      return ops;
    };
    const unsigned r = rowIvs.size();
    auto rowLoop = [&](OpBuilder &ob, StringRef role, ValueRange inits,
                       int64_t from,
                       function_ref<SmallVector<Value>(OpBuilder &, Value,
                                                       ValueRange)>
                           body) {
      auto loop = affine::AffineForOp::create(
          ob, loopLoc(layer, role), from, n, 1, inits,
          [&](OpBuilder &lb, Location, Value iv, ValueRange iter) {
            affine::AffineYieldOp::create(lb, loc, body(lb, iv, iter));
          });
      setName(loop, layer + "_" + role.str());
      if (unrollRow)
        setUnroll(loop);
      return loop;
    };
    auto loadX = [&](OpBuilder &lb, Value i) {
      return load(lb, loc, in, element(r), operands(i));
    };
    // The exact sum of exp entries, brought to the sum's format.
    auto addEntry = [&](OpBuilder &lb, Value acc, Value e) {
      Value s = FxAddOp::create(
          lb, loc, toType(context, fx::sumFormat(exactF, eF)), acc, e);
      return cast(lb, loc, s, exactT);
    };
    // max_i x_i (stable, argmax).
    Value max;
    if (stable || argmax) {
      Value first = load(b, loc, in, element(r, 0), rowIvs);
      max = rowLoop(b, "max", ValueRange{first}, 1,
                    [&](OpBuilder &lb, Value i, ValueRange iter) {
                      Value x = loadX(lb, i);
                      return SmallVector<Value>{
                          FxMaxOp::create(lb, loc, x.getType(), iter[0], x)};
                    })
                .getResult(0);
    }
    if (argmax) {
      // y_i = 1 for the first x_i == max: `found` turns 1 there.
      Value zeroBit = fxConst(b, bitT, 0), oneBit = fxConst(b, bitT, 1);
      Value oneR = cast(b, loc, oneBit, rT), zeroR = cast(b, loc, zeroBit, rT);
      rowLoop(b, "onehot", ValueRange{zeroBit}, 0,
              [&](OpBuilder &lb, Value i, ValueRange iter) {
                Value isMax = FxCmpOp::create(lb, loc, lb.getI1Type(),
                                              FxCmpPredicate::eq, loadX(lb, i),
                                              max);
                // 0 exactly when x_i is the first maximum.
                Value pending =
                    arith::SelectOp::create(lb, loc, isMax, iter[0], oneBit);
                Value take = FxCmpOp::create(lb, loc, lb.getI1Type(),
                                             FxCmpPredicate::eq, pending,
                                             zeroBit);
                store(lb, loc,
                      arith::SelectOp::create(lb, loc, take, oneR, zeroR), out,
                      element(r), operands(i));
                return SmallVector<Value>{
                    arith::SelectOp::create(lb, loc, isMax, oneBit, iter[0])};
              });
      return;
    }
    if (legacy) {
      // y_i = cast_R(W[index(sum_j D[index(x_j - x_i)])]).
      rowLoop(b, "legacy", ValueRange{}, 0,
              [&](OpBuilder &lb, Value i, ValueRange) {
                Value xi = loadX(lb, i);
                Value zero = fxConst(lb, exactT, 0);
                auto sumLoop = rowLoop(
                    lb, "legacy_sum", ValueRange{zero}, 0,
                    [&](OpBuilder &sb, Value j, ValueRange iter) {
                      Value d = FxSubOp::create(sb, loc, diffT, loadX(sb, j),
                                                xi);
                      Value e = memref::LoadOp::create(
                          sb, loc, expRom, tableIndex(sb, loc, d, expSpec));
                      return SmallVector<Value>{addEntry(sb, iter[0], e)};
                    });
                Value s = cast(lb, loc, sumLoop.getResult(0), sumT);
                Value w = memref::LoadOp::create(
                    lb, loc, invRom, tableIndex(lb, loc, s, invSpec));
                store(lb, loc, cast(lb, loc, w, rT), out, element(r),
                      operands(i));
                return SmallVector<Value>{};
              });
      return;
    }
    // Stable and latency. e_i = X[index(m - x_i)] or X[index(x_i)];
    // s = sum e_i.
    Value zero = fxConst(b, exactT, 0);
    auto sumLoop = rowLoop(
        b, "exp", ValueRange{zero}, 0,
        [&](OpBuilder &lb, Value i, ValueRange iter) {
          Value x = loadX(lb, i);
          Value t = stable ? Value(FxSubOp::create(lb, loc, diffT, max, x)) : x;
          Value e = memref::LoadOp::create(lb, loc, expRom,
                                           tableIndex(lb, loc, t, expSpec));
          store(lb, loc, e, expBuf, {getAffineDimExpr(0, context)}, {i});
          return SmallVector<Value>{addEntry(lb, iter[0], e)};
        });
    Value sum = cast(b, loc, sumLoop.getResult(0), sumT);
    // positive: s > 0; otherwise the outputs are 0 and the detector reads
    // a stand-in 1 LSB.
    Value positive;
    Value sumPos = cast(b, loc, sum, sumUT);
    if (guardSum) {
      positive = FxCmpOp::create(b, loc, b.getI1Type(), FxCmpPredicate::gt,
                                 sum, fxConst(b, bitT, 0));
      sumPos = arith::SelectOp::create(b, loc, positive, sumPos,
                                       fxConst(b, sumUT, 1));
    }
    // e = floor(log2 s), v = V[index(s / 2^e)].
    Value exponent = FxIlog2Op::create(b, loc, b.getIndexType(), sumPos);
    Value mantissa = FxDivPow2Op::create(b, loc, mantT, sumPos, exponent,
                                         b.getI64IntegerAttr(minExp),
                                         b.getI64IntegerAttr(maxExp));
    Value inverse = memref::LoadOp::create(
        b, loc, invRom, tableIndex(b, loc, mantissa, invSpec));
    Value zeroR;
    if (guardSum)
      zeroR = cast(b, loc, fxConst(b, bitT, 0), rT);
    // y_i = cast_R(e_i * v / 2^e).
    rowLoop(b, "norm", ValueRange{}, 0, [&](OpBuilder &lb, Value i, ValueRange) {
      Value e = load(lb, loc, expBuf, {getAffineDimExpr(0, context)}, {i});
      Value p = FxMulOp::create(lb, loc, prodT, e, inverse);
      Value y = FxDivPow2Op::create(lb, loc, rT, p, exponent,
                                    lb.getI64IntegerAttr(minExp),
                                    lb.getI64IntegerAttr(maxExp));
      if (guardSum)
        y = arith::SelectOp::create(lb, loc, positive, y, zeroR);
      store(lb, loc, y, out, element(r), operands(i));
      return SmallVector<Value>{};
    });
  });
  if (!unrollRows && innermostRow)
    setPipeline(innermostRow, 1);
  return success();
}

LogicalResult FunctionLowering::lowerExpLinear(Operation *op) {
  // elu and selu: x > 0 ? cast_R(slope * x) : cast_R(E[index(-x)]), E over
  // [0, 8) holding scale * (e^-t - 1) (fx::expLinear); softplus:
  // cast_R(max(x, 0) + P[index(|x|)]), the sum exact (fx::softplus).
  Value input = op->getOperand(0), output = op->getResult(0);
  FixedType xT = elementOf(input), rT = elementOf(output);
  TableChoice choice = chooseTable(op, rT);
  fx::Format tableFormat = choice.type.getFormat();
  std::optional<float> slope; // nullopt: softplus
  double scale = 0;
  if (auto elu = llvm::dyn_cast<EluOp>(op)) {
    slope = 1.0f;
    scale = double(elu.getAlpha().convertToFloat());
  } else if (auto selu = llvm::dyn_cast<SeluOp>(op)) {
    slope = selu.getGamma().convertToFloat();
    scale = double(*slope) * double(selu.getAlpha().convertToFloat());
  }
  if (slope && (!fx::exactFloat(*slope) || !std::isfinite(scale)))
    return op->emitError("nn-lower-to-loops: the parameters of '")
           << op->getName() << "' are not finite";
  fx::ActivationTable table =
      slope ? fx::expm1Table(choice.size, tableFormat, scale)
            : fx::softplusTable(choice.size, tableFormat);
  Value rom = tableRom(op, "table", table, choice.type);
  Value in = lookup(input);
  Value out = bufferFor(op, output);
  Location loc = op->getLoc();
  auto shape = llvm::cast<ShapedType>(output.getType()).getShape();
  auto zeroType = FixedType::get(context, 1, 1);
  FixedType negT = toType(
      context, fx::differenceFormat(zeroType.getFormat(), xT.getFormat()));
  fx::TableSpec spec = fx::nonNegativeTableSpec(choice.size);
  elementLoops(shape, layerName(op), "i", [&](OpBuilder &b,
                                              ArrayRef<Value> ivs) {
    Value x = loadAt(b, loc, in, ivs);
    Value zero = FxConstantOp::create(b, loc, zeroType, b.getI64IntegerAttr(0));
    Value positive = FxCmpOp::create(b, loc, b.getI1Type(),
                                     FxCmpPredicate::gt, x, zero);
    Value negX = FxSubOp::create(b, loc, negT, zero, x);
    Value y;
    if (slope) {
      Value entry =
          memref::LoadOp::create(b, loc, rom, tableIndex(b, loc, negX, spec));
      // Finite (checked above), so exactConstant cannot fail here.
      Value s = *exactConstant(b, loc, op, "gamma", *slope);
      Value p = FxMulOp::create(
          b, loc,
          toType(context, fx::productFormat(
                              xT.getFormat(),
                              llvm::cast<FixedType>(s.getType()).getFormat())),
          x, s);
      y = arith::SelectOp::create(b, loc, positive, cast(b, loc, p, rT),
                                  cast(b, loc, entry, rT));
    } else {
      // |x| and max(x, 0), both exact.
      Value magnitude = arith::SelectOp::create(b, loc, positive,
                                                cast(b, loc, x, negT), negX);
      Value entry = memref::LoadOp::create(
          b, loc, rom, tableIndex(b, loc, magnitude, spec));
      Value relu = FxReluOp::create(b, loc, x.getType(), x);
      Value sum = FxAddOp::create(
          b, loc,
          toType(context, fx::sumFormat(xT.getFormat(), tableFormat)), relu,
          entry);
      y = cast(b, loc, sum, rT);
    }
    storeAt(b, loc, y, out, ivs);
  });
  return success();
}
