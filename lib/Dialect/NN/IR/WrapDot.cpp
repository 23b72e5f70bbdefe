//===- WrapDot.cpp - loops that are one wrapping dot product -------------===//
//
// See WrapDot.h. Every condition below is one the modular sum needs; a loop
// that misses any of them keeps its step-by-step form.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/WrapDot.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"

#include <limits>

using namespace mlir;
using namespace nn;

/// The format of a fixed-point value of at most 64 bits (what nn_raw64()
/// holds), or nullopt.
static std::optional<fx::Format> narrowFormat(Value v) {
  auto type = llvm::dyn_cast<FixedType>(v.getType());
  if (!type || type.getWidth() > 64)
    return std::nullopt;
  return type.getFormat();
}

/// The additive terms of an affine expression (a + b + ... at the top).
static void addTerms(AffineExpr e, SmallVectorImpl<AffineExpr> &terms) {
  if (e.getKind() == AffineExprKind::Add) {
    auto sum = llvm::cast<AffineBinaryOpExpr>(e);
    addTerms(sum.getLHS(), terms);
    addTerms(sum.getRHS(), terms);
    return;
  }
  terms.push_back(e);
}

/// Splits a load's indices into the parts without the induction variable
/// (dimension `iv` of the map) and the steps' parts; fails when a term
/// mixes the two or the map reads the induction variable as a symbol.
static std::optional<WrapDotOperand>
splitOperand(affine::AffineLoadOp load, Value iv, ArrayRef<int64_t> steps) {
  AffineMap map = load.getAffineMap();
  ValueRange operands = load.getMapOperands();
  std::optional<unsigned> ivDim;
  for (auto [i, v] : llvm::enumerate(operands)) {
    if (v != iv)
      continue;
    if (i >= map.getNumDims() || ivDim)
      return std::nullopt;
    ivDim = unsigned(i);
  }
  // Flat offsets are C ints in the emitted code.
  MemRefType type = load.getMemRefType();
  if (!type.hasStaticShape() || !ivDim ||
      type.getNumElements() >= std::numeric_limits<int32_t>::max())
    return std::nullopt;
  MLIRContext *ctx = load.getContext();
  AffineExpr zero = getAffineConstantExpr(0, ctx);
  WrapDotOperand op;
  op.load = load;
  SmallVector<AffineExpr> stepParts;
  for (AffineExpr index : map.getResults()) {
    SmallVector<AffineExpr> terms;
    addTerms(index, terms);
    AffineExpr base = zero, step = zero;
    for (AffineExpr t : terms) {
      bool hasIv = t.isFunctionOfDim(*ivDim);
      bool hasOther = false;
      for (unsigned i = 0; i < map.getNumInputs(); ++i)
        if (i != *ivDim && (i < map.getNumDims()
                                ? t.isFunctionOfDim(i)
                                : t.isFunctionOfSymbol(i - map.getNumDims())))
          hasOther = true;
      if (hasIv && hasOther)
        return std::nullopt;
      (hasIv ? step : base) = (hasIv ? step : base) + t;
    }
    op.base.push_back(base);
    stepParts.push_back(step);
  }
  // The steps' parts at each value of the induction variable (no other
  // dimension occurs in them; constants fold).
  SmallVector<AffineExpr> dims(map.getNumDims(), zero);
  SmallVector<AffineExpr> syms(map.getNumSymbols(), zero);
  op.stepMin.assign(stepParts.size(), INT64_MAX);
  op.stepMax.assign(stepParts.size(), INT64_MIN);
  for (int64_t k : steps) {
    dims[*ivDim] = getAffineConstantExpr(k, ctx);
    int64_t flat = 0;
    for (auto [d, part] : llvm::enumerate(stepParts)) {
      auto c = llvm::dyn_cast<AffineConstantExpr>(
          part.replaceDimsAndSymbols(dims, syms));
      // Every step's index is in bounds or the loop would fail anyway:
      // bounds far outside mean a map that is no conv window or row.
      if (!c || c.getValue() < -(int64_t(1) << 31) ||
          c.getValue() > (int64_t(1) << 31))
        return std::nullopt;
      op.stepMin[d] = std::min(op.stepMin[d], c.getValue());
      op.stepMax[d] = std::max(op.stepMax[d], c.getValue());
      flat = flat * type.getDimSize(unsigned(d)) + c.getValue();
    }
    op.stepOffsets.push_back(flat);
  }
  return op;
}

AffineExpr WrapDotOperand::flatBase() const {
  auto op = load; // ops are handles: the accessors are not const
  MemRefType type = op.getMemRefType();
  AffineExpr flat = getAffineConstantExpr(0, op.getContext());
  for (auto [d, b] : llvm::enumerate(base))
    flat = flat * type.getDimSize(unsigned(d)) + b;
  return flat;
}

std::optional<WrapDot> nn::matchWrapDot(affine::AffineForOp forOp) {
  if (!forOp.hasConstantBounds() || forOp.getNumRegionIterArgs() != 1)
    return std::nullopt;
  Block *body = forOp.getBody();
  // Exactly: two loads, the product, an optional cast, the sum, the cast
  // back to the accumulator, the yield.
  SmallVector<Operation *> ops;
  for (Operation &op : *body)
    ops.push_back(&op);
  if (ops.size() != 6 && ops.size() != 7)
    return std::nullopt;
  auto lhsLoad = llvm::dyn_cast<affine::AffineLoadOp>(ops[0]);
  auto rhsLoad = llvm::dyn_cast<affine::AffineLoadOp>(ops[1]);
  auto mul = llvm::dyn_cast<FxMulOp>(ops[2]);
  auto yield = llvm::dyn_cast<affine::AffineYieldOp>(ops.back());
  auto accCast = llvm::dyn_cast<FxCastOp>(ops[ops.size() - 2]);
  auto add = llvm::dyn_cast<FxAddOp>(ops[ops.size() - 3]);
  FxCastOp productCast =
      ops.size() == 7 ? llvm::dyn_cast<FxCastOp>(ops[3]) : FxCastOp();
  if (!lhsLoad || !rhsLoad || !mul || !yield || !accCast || !add ||
      (ops.size() == 7 && !productCast))
    return std::nullopt;
  Value acc = forOp.getRegionIterArgs()[0];
  Value product = productCast ? productCast.getResult() : mul.getResult();
  if (productCast && productCast.getInput() != mul.getResult())
    return std::nullopt;
  bool accFirst = add.getLhs() == acc && add.getRhs() == product;
  bool accSecond = add.getRhs() == acc && add.getLhs() == product;
  if ((!accFirst && !accSecond) || accCast.getInput() != add.getResult() ||
      yield.getOperand(0) != accCast.getResult() ||
      !((mul.getLhs() == lhsLoad.getResult() &&
         mul.getRhs() == rhsLoad.getResult()) ||
        (mul.getRhs() == lhsLoad.getResult() &&
         mul.getLhs() == rhsLoad.getResult())))
    return std::nullopt;
  // Every value is at most 64 bits (raws on uint64_t); the accumulator
  // wraps; no cast drops fraction bits or wraps to fewer bits than the
  // accumulator (then each cast is "modulo 2^W_acc", as the final one).
  auto a = narrowFormat(acc), x = narrowFormat(lhsLoad.getResult()),
       y = narrowFormat(rhsLoad.getResult()), sum = narrowFormat(add),
       p = narrowFormat(mul.getResult());
  if (!a || !x || !y || !sum || !p || a->overflow != fx::Overflow::WRAP ||
      sum->fracWidth() != a->fracWidth() || p->fracWidth() > a->fracWidth() ||
      a->fracWidth() - p->fracWidth() > 63)
    return std::nullopt;
  if (productCast) {
    auto c = narrowFormat(productCast.getResult());
    if (!c || c->overflow != fx::Overflow::WRAP ||
        c->fracWidth() != a->fracWidth() || c->width < a->width)
      return std::nullopt;
  }
  // At least one step (an empty loop has nothing to sum); no more than a
  // table should hold.
  SmallVector<int64_t> steps;
  int64_t lb = forOp.getConstantLowerBound(),
          ub = forOp.getConstantUpperBound();
  uint64_t step = uint64_t(forOp.getStepAsInt()); // >= 1 (verified)
  if (ub <= lb || (uint64_t(ub) - uint64_t(lb)) / step >= (uint64_t(1) << 20))
    return std::nullopt;
  for (uint64_t k = uint64_t(lb); int64_t(k) < ub && int64_t(k) >= lb;
       k += step)
    steps.push_back(int64_t(k));
  Value iv = forOp.getInductionVar();
  auto lhs = splitOperand(lhsLoad, iv, steps);
  auto rhs = splitOperand(rhsLoad, iv, steps);
  if (!lhs || !rhs)
    return std::nullopt;
  return WrapDot{*lhs, *rhs, a->fracWidth() - p->fracWidth(), *a};
}
