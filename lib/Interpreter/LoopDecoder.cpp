//===- LoopDecoder.cpp - loop-level IR to the loop interpreter's code ----===//
//
// The loop interpreter's decoding step (LoopRunner.h): each block becomes a
// vector of instructions over value slots, each affine map a postfix
// program, and a loop that is one wrapping dot product (WrapDot.h) one
// instruction, once per run. LoopInterpreter.cpp executes the result.
//
//===----------------------------------------------------------------------===//

#include "LoopRunner.h"

#include "nn/Dialect/NN/IR/NNAttrNames.h"
#include "nn/Dialect/NN/IR/FxOpVisitor.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/WrapDot.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/IntegerSet.h"

using namespace mlir;
using namespace nn;
using namespace nn::interp;
using namespace nn::interp::loops;

void nn::interp::loops::compileExpr(AffineExpr expr, unsigned numDims,
                                     SmallVectorImpl<Code> &code) {
  switch (expr.getKind()) {
  case AffineExprKind::Constant:
    code.push_back(
        {Code::Const, llvm::cast<AffineConstantExpr>(expr).getValue()});
    return;
  case AffineExprKind::DimId:
    code.push_back(
        {Code::Operand, llvm::cast<AffineDimExpr>(expr).getPosition()});
    return;
  case AffineExprKind::SymbolId:
    code.push_back({Code::Operand,
                    numDims + llvm::cast<AffineSymbolExpr>(expr).getPosition()});
    return;
  default:
    break;
  }
  auto binary = llvm::cast<AffineBinaryOpExpr>(expr);
  compileExpr(binary.getLHS(), numDims, code);
  compileExpr(binary.getRHS(), numDims, code);
  Code::Kind kind = Code::Mod; // the last kind of affine expression
  switch (expr.getKind()) {
  case AffineExprKind::Add: kind = Code::Add; break;
  case AffineExprKind::Mul: kind = Code::Mul; break;
  case AffineExprKind::FloorDiv: kind = Code::FloorDiv; break;
  case AffineExprKind::CeilDiv: kind = Code::CeilDiv; break;
  default: break;
  }
  code.push_back({kind, 0});
}

//===----------------------------------------------------------------------===//
// Decoding
//===----------------------------------------------------------------------===//

int LoopRunner::slotOf(Value v) {
  auto [it, inserted] = slotIds.try_emplace(v, int(slots.size()));
  if (inserted)
    slots.emplace_back();
  return it->second;
}

fx::Format LoopRunner::fixedFormat(Value v, bool &wide) {
  auto fixed = llvm::dyn_cast<FixedType>(v.getType());
  if (!fixed)
    return fx::Format();
  if (fixed.getWidth() > 127) {
    wide = true;
    return fx::Format();
  }
  return formatOf(fixed);
}

int LoopRunner::decodeMap(AffineMap map, ValueRange operands) {
  DecodedMap decoded;
  decoded.map = map;
  for (Value v : operands)
    decoded.operands.push_back(slotOf(v));
  for (AffineExpr e : map.getResults()) {
    decoded.results.emplace_back();
    compileExpr(e, map.getNumDims(), decoded.results.back());
  }
  maps.push_back(std::move(decoded));
  return int(maps.size() - 1);
}

int LoopRunner::decodeBlock(Block &block) {
  std::vector<Instr> instrs;
  for (Operation &op : block) {
    Instr in = decode(op);
    if (in.kind != Kind::Nop)
      instrs.push_back(std::move(in));
  }
  blocks.push_back(std::move(instrs));
  return int(blocks.size() - 1);
}

namespace {
/// The nn.fx ops' instructions (FxOpVisitor: a new nn.fx op does not
/// compile until it has one).
struct FxDecoder : FxOpVisitor<FxDecoder, Kind> {
  Kind visitFx(FxConstantOp) { return Kind::FxConst; }
  Kind visitFx(FxMulOp) { return Kind::FxMul; }
  Kind visitFx(FxAddOp) { return Kind::FxAdd; }
  Kind visitFx(FxSubOp) { return Kind::FxSub; }
  Kind visitFx(FxCastOp) { return Kind::FxCast; }
  Kind visitFx(FxReluOp) { return Kind::FxRelu; }
  Kind visitFx(FxMaxOp) { return Kind::FxMax; }
  Kind visitFx(FxCmpOp) { return Kind::FxCmp; }
  Kind visitFx(FxToIndexOp) { return Kind::FxToIndex; }
  Kind visitFx(FxIlog2Op) { return Kind::FxIlog2; }
  Kind visitFx(FxDivPow2Op) { return Kind::FxDivPow2; }
  Kind visitFx(FxDivIntOp) { return Kind::FxDivInt; }
  Kind visitFx(FxRomOp) { return Kind::Rom; }
  Kind visitFx(FxStreamReadOp) { return Kind::Stream; }
  Kind visitFx(FxStreamWriteOp) { return Kind::Stream; }
  Kind visitNotFx(Operation *) { return Kind::Error; }
};
} // namespace

Instr LoopRunner::decode(Operation &op) {
  Instr in;
  in.op = &op;
  for (Value v : op.getOperands())
    in.operands.push_back(slotOf(v));
  if (op.getNumResults() == 1)
    in.result = slotOf(op.getResult(0));
  if (op.getNumOperands() >= 1)
    in.a = fixedFormat(op.getOperand(0), in.tooWide);
  if (op.getNumOperands() >= 2)
    in.b = fixedFormat(op.getOperand(1), in.tooWide);
  in.tooWide = false; // only the result's width is checked below
  if (op.getNumResults() == 1)
    in.to = fixedFormat(op.getResult(0), in.tooWide);
  if (llvm::isa<affine::AffineYieldOp, func::ReturnOp, memref::DeallocOp>(op))
    return in; // Nop
  if (auto forOp = llvm::dyn_cast<affine::AffineForOp>(op)) {
    in.kind = Kind::For;
    in.map = decodeMap(forOp.getLowerBoundMap(), forOp.getLowerBoundOperands());
    in.map2 =
        decodeMap(forOp.getUpperBoundMap(), forOp.getUpperBoundOperands());
    in.imm = forOp.getStepAsInt(); // >= 1 (verified)
    in.iv = slotOf(forOp.getInductionVar());
    in.operands.clear();
    for (Value init : forOp.getInits())
      in.operands.push_back(slotOf(init));
    for (Value arg : forOp.getRegionIterArgs())
      in.iterArgs.push_back(slotOf(arg));
    for (Value r : forOp.getResults())
      in.results.push_back(slotOf(r));
    in.body = decodeBlock(*forOp.getBody());
    for (Value v : forOp.getBody()->getTerminator()->getOperands())
      in.yields.push_back(slotOf(v));
    if (std::optional<WrapDot> dot = matchWrapDot(forOp)) {
      DecodedDot d;
      auto operand = [&](const WrapDotOperand &w, DotOperand &o) {
        affine::AffineLoadOp load = w.load; // accessors are not const
        o.buffer = slotOf(load.getMemRef());
        o.base = maps[size_t(decodeMap(
            AffineMap::get(load.getAffineMap().getNumDims(),
                           load.getAffineMap().getNumSymbols(), w.base,
                           op.getContext()),
            load.getMapOperands()))];
        o.stepMin = w.stepMin;
        o.stepMax = w.stepMax;
        o.stepOffsets = w.stepOffsets;
      };
      operand(dot->lhs, d.lhs);
      operand(dot->rhs, d.rhs);
      d.shift = dot->shift;
      d.acc = dot->acc;
      dots.push_back(std::move(d));
      in.dot = int(dots.size() - 1);
    }
    return in;
  }
  if (auto ifOp = llvm::dyn_cast<affine::AffineIfOp>(op)) {
    in.kind = Kind::If;
    IntegerSet set = ifOp.getIntegerSet();
    in.map = decodeMap(AffineMap::get(set.getNumDims(), set.getNumSymbols(),
                                      set.getConstraints(), op.getContext()),
                       ifOp.getOperands());
    in.body = decodeBlock(*ifOp.getThenBlock());
    if (ifOp.hasElse())
      in.elseBody = decodeBlock(*ifOp.getElseBlock());
    if (ifOp.getNumResults() != 0) {
      in.kind = Kind::Error;
      in.message = "the loop interpreter does not run affine.if with results";
    }
    return in;
  }
  if (auto constant = llvm::dyn_cast<arith::ConstantOp>(op)) {
    auto integer = llvm::dyn_cast<IntegerAttr>(constant.getValue());
    in.kind = integer ? Kind::IntConst : Kind::Error;
    if (integer)
      in.imm = integer.getInt();
    else
      in.message = "the loop interpreter runs integer and index constants only";
    return in;
  }
  // Index arithmetic of the pools' window counts: affine.min/max and
  // arith.muli.
  if (auto min = llvm::dyn_cast<affine::AffineMinOp>(op)) {
    in.kind = Kind::MinMax;
    in.imm = 1;
    in.map = decodeMap(min.getMap(), op.getOperands());
    return in;
  }
  if (auto max = llvm::dyn_cast<affine::AffineMaxOp>(op)) {
    in.kind = Kind::MinMax;
    in.map = decodeMap(max.getMap(), op.getOperands());
    return in;
  }
  if (llvm::isa<arith::MulIOp>(op)) {
    in.kind = Kind::MulI;
    return in;
  }
  if (llvm::isa<arith::SelectOp>(op)) {
    in.kind = Kind::Select;
    return in;
  }
  if (auto apply = llvm::dyn_cast<affine::AffineApplyOp>(op)) {
    in.kind = Kind::Apply;
    in.map = decodeMap(apply.getAffineMap(), apply.getMapOperands());
    return in;
  }
  if (auto load = llvm::dyn_cast<affine::AffineLoadOp>(op)) {
    in.kind = Kind::AffineLoad;
    in.map = decodeMap(load.getAffineMap(), load.getMapOperands());
    in.operands = {slotOf(load.getMemRef())};
    return in;
  }
  if (auto store = llvm::dyn_cast<affine::AffineStoreOp>(op)) {
    in.kind = Kind::AffineStore;
    in.map = decodeMap(store.getAffineMap(), store.getMapOperands());
    in.operands = {slotOf(store.getMemRef()),
                   slotOf(store.getValueToStore())};
    return in;
  }
  if (auto load = llvm::dyn_cast<memref::LoadOp>(op)) {
    in.kind = Kind::Load;
    in.operands = {slotOf(load.getMemRef())};
    for (Value v : load.getIndices())
      in.operands.push_back(slotOf(v));
    return in;
  }
  if (auto store = llvm::dyn_cast<memref::StoreOp>(op)) {
    in.kind = Kind::Store;
    in.operands = {slotOf(store.getMemRef()),
                   slotOf(store.getValueToStore())};
    for (Value v : store.getIndices())
      in.operands.push_back(slotOf(v));
    return in;
  }
  if (llvm::isa<memref::AllocOp>(op)) {
    in.kind = Kind::Alloc;
    return in;
  }
  in.kind = FxDecoder().dispatchFx(&op);
  if (auto write = llvm::dyn_cast<FxStreamWriteOp>(op)) {
    in.imm = 1;
    in.operands = {slotOf(write.getFifo()), slotOf(write.getVector())};
  } else if (auto read = llvm::dyn_cast<FxStreamReadOp>(op)) {
    in.operands = {slotOf(read.getFifo()), slotOf(read.getVector())};
  }
  else if (in.kind == Kind::FxCmp)
    in.imm = int64_t(llvm::cast<FxCmpOp>(op).getPredicate());
  else if (in.kind == Kind::Error) {
    llvm::raw_string_ostream(in.message)
        << "the loop interpreter has no semantics for '" << op.getName()
        << "'";
  }
  return in;
}
