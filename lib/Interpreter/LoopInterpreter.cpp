//===- LoopInterpreter.cpp - run loop-level IR (memrefs, affine, nn.fx) ---===//
//
// Executes what --nn-lower-to-hls produces, op by op: a function on memrefs
// (inputs, then out-parameters marked nn.hls.output), affine.for (with
// iter_args), affine.if, affine.apply/load/store, memref.alloc/load/store,
// arith constants and index arithmetic, nn.fx.rom and the scalar nn.fx ops
// (including the index arithmetic of lookup tables: to_index, ilog2,
// div_pow2).
// Scalars are computed exactly with nn::fx in 128-bit integers: a value of
// a type wider than 127 bits is a diagnostic. Buffers are interpreter
// Tensors (elements of up to 64 bits).
//
//===----------------------------------------------------------------------===//

#include "nn/Interpreter/Interpreter.h"

#include "nn/Dialect/NN/IR/NNAttrNames.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/Quotient.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/IntegerSet.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <deque>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

using fx::i128;

bool nn::interp::isLoopLevel(func::FuncOp func) {
  for (Type type : func.getFunctionType().getInputs())
    if (llvm::isa<MemRefType>(type))
      return true;
  return false;
}

static bool isOutputArg(func::FuncOp func, unsigned i) {
  return func.getArgAttr(i, kHlsOutputAttr) != nullptr;
}

static Type asTensor(Type type) {
  if (auto memref = llvm::dyn_cast<MemRefType>(type))
    return RankedTensorType::get(memref.getShape(), memref.getElementType());
  return type;
}

SmallVector<Type> nn::interp::interfaceInputTypes(func::FuncOp func) {
  if (!isLoopLevel(func))
    return SmallVector<Type>(func.getFunctionType().getInputs());
  SmallVector<Type> types;
  for (auto [i, type] : llvm::enumerate(func.getFunctionType().getInputs()))
    if (!isOutputArg(func, unsigned(i)))
      types.push_back(asTensor(type));
  return types;
}

SmallVector<Type> nn::interp::interfaceResultTypes(func::FuncOp func) {
  if (!isLoopLevel(func))
    return SmallVector<Type>(func.getFunctionType().getResults());
  SmallVector<Type> types;
  for (auto [i, type] : llvm::enumerate(func.getFunctionType().getInputs()))
    if (isOutputArg(func, unsigned(i)))
      types.push_back(asTensor(type));
  return types;
}

namespace {

/// A runtime value: an index (or integer), a fixed-point scalar (exact raw
/// of any format up to 127 bits), or a buffer.
struct RtValue {
  int64_t index = 0;
  i128 raw = 0;
  fx::Format format;
  Tensor *buffer = nullptr;
};

class LoopRunner {
public:
  LoopRunner(ConstantCache &roms) : roms(roms) {}

  FailureOr<std::vector<Tensor>> run(func::FuncOp func,
                                     ArrayRef<Tensor> inputs);

private:
  LogicalResult execBlock(Block &block);
  LogicalResult exec(Operation &op);
  LogicalResult execFor(affine::AffineForOp op);
  FailureOr<SmallVector<int64_t>> evalMap(Operation *op, AffineMap map,
                                          ValueRange operands);
  FailureOr<int64_t> offsetOf(Operation *op, Tensor &buffer,
                              ArrayRef<int64_t> indices);
  FailureOr<RtValue> scalar(Operation *op, i128 raw, Type type);

  LogicalResult execStream(Operation &op, Value fifo, Value vector,
                           bool isWrite);

  ConstantCache &roms;
  /// io_stream FIFOs (nn.fx.stream_write/read): transfers written and read
  /// so far per FIFO buffer. The processes run one after another, so a
  /// FIFO memref<P x C x T> keeps all its P transfers.
  llvm::DenseMap<Tensor *, std::pair<int64_t, int64_t>> fifoCursors;
  /// The FIFO's nn.hls.name (or "fifo"), for the errors.
  llvm::DenseMap<Tensor *, std::string> fifoNames;
  llvm::DenseMap<Value, RtValue> values;
  std::deque<Tensor> buffers;
  /// Loop iterations run so far, against limits().maxLoopSteps.
  uint64_t steps = 0;
};

int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// Why an affine expression has no value.
enum class ExprError { None, Divisor, Overflow };

/// The value of an affine expression; nullopt (with `why`) for a floordiv,
/// ceildiv or mod by a value that is not positive (affine maps divide by
/// positive constants or symbols; a symbol can be anything at run time), or
/// for a sum or product that overflows int64_t.
std::optional<int64_t> evalExpr(AffineExpr expr, ArrayRef<int64_t> dims,
                                ArrayRef<int64_t> symbols, ExprError &why) {
  switch (expr.getKind()) {
  case AffineExprKind::Constant:
    return llvm::cast<AffineConstantExpr>(expr).getValue();
  case AffineExprKind::DimId:
    return dims[llvm::cast<AffineDimExpr>(expr).getPosition()];
  case AffineExprKind::SymbolId:
    return symbols[llvm::cast<AffineSymbolExpr>(expr).getPosition()];
  default:
    break;
  }
  auto binary = llvm::cast<AffineBinaryOpExpr>(expr);
  std::optional<int64_t> lv = evalExpr(binary.getLHS(), dims, symbols, why);
  if (!lv)
    return std::nullopt;
  std::optional<int64_t> rv = evalExpr(binary.getRHS(), dims, symbols, why);
  if (!rv)
    return std::nullopt;
  int64_t l = *lv, r = *rv, out;
  switch (expr.getKind()) {
  case AffineExprKind::Add:
  case AffineExprKind::Mul:
    if (expr.getKind() == AffineExprKind::Add ? llvm::AddOverflow(l, r, out)
                                              : llvm::MulOverflow(l, r, out)) {
      why = ExprError::Overflow;
      return std::nullopt;
    }
    return out;
  default:
    break;
  }
  // r > 0 from here: no INT64_MIN / -1; the forms below never negate l or
  // multiply back, which could overflow for l near INT64_MIN.
  if (r <= 0) {
    why = ExprError::Divisor;
    return std::nullopt;
  }
  switch (expr.getKind()) {
  case AffineExprKind::FloorDiv:
    return floorDiv(l, r);
  case AffineExprKind::CeilDiv:
    return l / r + (l % r > 0 ? 1 : 0);
  default: // Mod, the last kind of affine expression
    return l % r < 0 ? l % r + r : l % r;
  }
}

} // namespace

FailureOr<RtValue> LoopRunner::scalar(Operation *op, i128 raw, Type type) {
  auto fixed = llvm::cast<FixedType>(type);
  if (fixed.getWidth() > 127) {
    op->emitError() << "the loop interpreter computes with at most 127 bits, "
                       "got a value of type "
                    << type;
    return failure();
  }
  RtValue v;
  v.raw = raw;
  v.format = formatOf(fixed);
  return v;
}

FailureOr<SmallVector<int64_t>>
LoopRunner::evalMap(Operation *op, AffineMap map, ValueRange operands) {
  SmallVector<int64_t> args;
  for (Value v : operands) {
    auto it = values.find(v);
    if (it == values.end()) {
      op->emitError() << "the loop interpreter has no value for an operand";
      return failure();
    }
    args.push_back(it->second.index);
  }
  ArrayRef<int64_t> all(args);
  ArrayRef<int64_t> dims = all.take_front(map.getNumDims());
  ArrayRef<int64_t> syms = all.drop_front(map.getNumDims());
  SmallVector<int64_t> results;
  for (AffineExpr e : map.getResults()) {
    ExprError why = ExprError::None;
    std::optional<int64_t> v = evalExpr(e, dims, syms, why);
    if (!v) {
      std::string text;
      llvm::raw_string_ostream(text) << e;
      op->emitError() << "the loop interpreter evaluated " << text
                      << (why == ExprError::Divisor
                              ? " with a divisor that is not positive"
                              : ": the result overflows 64-bit integers");
      return failure();
    }
    results.push_back(*v);
  }
  return results;
}

FailureOr<int64_t> LoopRunner::offsetOf(Operation *op, Tensor &buffer,
                                        ArrayRef<int64_t> indices) {
  const std::vector<int64_t> &shape = buffer.shape();
  int64_t offset = 0;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (indices[d] < 0 || indices[d] >= shape[d]) {
      op->emitError() << "index " << indices[d] << " out of bounds [0, "
                      << shape[d] << ") in dimension " << d;
      return failure();
    }
    offset = offset * shape[d] + indices[d];
  }
  return offset;
}

LogicalResult LoopRunner::execBlock(Block &block) {
  for (Operation &op : block)
    if (failed(exec(op)))
      return failure();
  return success();
}

LogicalResult LoopRunner::execFor(affine::AffineForOp op) {
  FailureOr<SmallVector<int64_t>> lbs =
      evalMap(op, op.getLowerBoundMap(), op.getLowerBoundOperands());
  FailureOr<SmallVector<int64_t>> ubs =
      evalMap(op, op.getUpperBoundMap(), op.getUpperBoundOperands());
  if (failed(lbs) || failed(ubs))
    return failure();
  int64_t lb = *std::max_element(lbs->begin(), lbs->end());
  int64_t ub = *std::min_element(ubs->begin(), ubs->end());
  int64_t step = op.getStepAsInt(); // >= 1 (verified)
  // The trip count, computed without overflow: ub - lb can exceed
  // INT64_MAX, and stepping i past ub could wrap.
  uint64_t trips = 0;
  if (ub > lb) {
    uint64_t span = uint64_t(ub) - uint64_t(lb);
    trips = span / uint64_t(step) + (span % uint64_t(step) != 0);
  }
  // The execution budget: refuse a loop that would overrun it before
  // running any of it (a loop of 2^63 iterations never ends otherwise).
  uint64_t budget = limits().maxLoopSteps;
  if (trips > budget - std::min(budget, steps))
    return op.emitError() << "the loop interpreter stops: this loop runs "
                          << trips << " iterations, after " << steps
                          << " already run, over the budget of " << budget
                          << " loop iterations (nn-interp --max-steps)";
  steps += trips;
  SmallVector<RtValue> carried;
  for (Value init : op.getInits())
    carried.push_back(values.lookup(init));
  Block *body = op.getBody();
  for (uint64_t t = 0; t < trips; ++t) {
    // lb + t * step < ub for t < trips: no overflow.
    values[op.getInductionVar()].index =
        int64_t(uint64_t(lb) + t * uint64_t(step));
    for (auto [arg, v] : llvm::zip(op.getRegionIterArgs(), carried))
      values[arg] = v;
    if (failed(execBlock(*body)))
      return failure();
    auto yield = llvm::cast<affine::AffineYieldOp>(body->getTerminator());
    for (auto [slot, v] : llvm::zip(carried, yield.getOperands()))
      slot = values.lookup(v);
  }
  for (auto [result, v] : llvm::zip(op.getResults(), carried))
    values[result] = v;
  return success();
}

LogicalResult LoopRunner::exec(Operation &op) {
  if (llvm::isa<affine::AffineYieldOp, func::ReturnOp, memref::DeallocOp>(op))
    return success();
  if (auto forOp = llvm::dyn_cast<affine::AffineForOp>(op))
    return execFor(forOp);
  if (auto ifOp = llvm::dyn_cast<affine::AffineIfOp>(op)) {
    IntegerSet set = ifOp.getIntegerSet();
    auto map = AffineMap::get(set.getNumDims(), set.getNumSymbols(),
                              set.getConstraints(), op.getContext());
    FailureOr<SmallVector<int64_t>> r = evalMap(&op, map, ifOp.getOperands());
    if (failed(r))
      return failure();
    bool holds = true;
    for (auto [i, v] : llvm::enumerate(*r))
      holds &= set.isEq(i) ? v == 0 : v >= 0;
    if (ifOp.getNumResults() != 0)
      return op.emitError("the loop interpreter does not run affine.if with "
                          "results");
    if (holds)
      return execBlock(*ifOp.getThenBlock());
    if (ifOp.hasElse())
      return execBlock(*ifOp.getElseBlock());
    return success();
  }
  if (auto constant = llvm::dyn_cast<arith::ConstantOp>(op)) {
    auto integer = llvm::dyn_cast<IntegerAttr>(constant.getValue());
    if (!integer)
      return op.emitError("the loop interpreter runs integer and index "
                          "constants only");
    values[constant.getResult()].index = integer.getInt();
    return success();
  }
  // Index arithmetic of the pools' window counts: affine.min/max and
  // arith.muli.
  if (llvm::isa<affine::AffineMinOp, affine::AffineMaxOp>(op)) {
    bool isMin = llvm::isa<affine::AffineMinOp>(op);
    AffineMap map = isMin ? llvm::cast<affine::AffineMinOp>(op).getMap()
                          : llvm::cast<affine::AffineMaxOp>(op).getMap();
    FailureOr<SmallVector<int64_t>> r = evalMap(&op, map, op.getOperands());
    if (failed(r))
      return failure();
    values[op.getResult(0)].index =
        isMin ? *std::min_element(r->begin(), r->end())
              : *std::max_element(r->begin(), r->end());
    return success();
  }
  if (auto mul = llvm::dyn_cast<arith::MulIOp>(op)) {
    int64_t product;
    if (llvm::MulOverflow(values.lookup(mul.getLhs()).index,
                          values.lookup(mul.getRhs()).index, product))
      return op.emitError("the loop interpreter evaluated an index product "
                          "that overflows 64-bit integers");
    values[mul.getResult()].index = product;
    return success();
  }
  if (auto apply = llvm::dyn_cast<affine::AffineApplyOp>(op)) {
    FailureOr<SmallVector<int64_t>> r =
        evalMap(&op, apply.getAffineMap(), apply.getMapOperands());
    if (failed(r))
      return failure();
    values[apply.getResult()].index = r->front();
    return success();
  }
  if (llvm::isa<affine::AffineLoadOp, affine::AffineStoreOp, memref::LoadOp,
                memref::StoreOp>(op)) {
    Value memref, stored;
    FailureOr<SmallVector<int64_t>> indices = SmallVector<int64_t>();
    if (auto load = llvm::dyn_cast<affine::AffineLoadOp>(op)) {
      memref = load.getMemRef();
      indices = evalMap(&op, load.getAffineMap(), load.getMapOperands());
    } else if (auto store = llvm::dyn_cast<affine::AffineStoreOp>(op)) {
      memref = store.getMemRef();
      stored = store.getValueToStore();
      indices = evalMap(&op, store.getAffineMap(), store.getMapOperands());
    } else {
      ValueRange idx;
      if (auto load = llvm::dyn_cast<memref::LoadOp>(op)) {
        memref = load.getMemRef();
        idx = load.getIndices();
      } else {
        auto store = llvm::cast<memref::StoreOp>(op);
        memref = store.getMemRef();
        stored = store.getValueToStore();
        idx = store.getIndices();
      }
      for (Value v : idx)
        indices->push_back(values.lookup(v).index);
    }
    if (failed(indices))
      return failure();
    Tensor *buffer = values.lookup(memref).buffer;
    if (!buffer)
      return op.emitError("the loop interpreter has no buffer for this memref");
    if (!buffer->isFixed())
      return op.emitError("the loop interpreter handles fixed-point buffers "
                          "only");
    FailureOr<int64_t> offset = offsetOf(&op, *buffer, *indices);
    if (failed(offset))
      return failure();
    if (stored) {
      buffer->raw()[*offset] =
          int64_t(uint64_t(values.lookup(stored).raw)); // bit pattern
      return success();
    }
    RtValue v;
    v.format = buffer->format();
    v.raw = fx::rawToInt(buffer->raw()[*offset], v.format);
    values[op.getResult(0)] = v;
    return success();
  }
  if (auto write = llvm::dyn_cast<FxStreamWriteOp>(op))
    return execStream(op, write.getFifo(), write.getVector(), true);
  if (auto read = llvm::dyn_cast<FxStreamReadOp>(op))
    return execStream(op, read.getFifo(), read.getVector(), false);
  if (auto alloc = llvm::dyn_cast<memref::AllocOp>(op)) {
    FailureOr<Tensor> tensor =
        makeTensor(asTensor(alloc.getType()), alloc.getLoc());
    if (failed(tensor))
      return failure();
    buffers.push_back(std::move(*tensor));
    values[alloc.getResult()].buffer = &buffers.back();
    return success();
  }
  if (auto rom = llvm::dyn_cast<FxRomOp>(op)) {
    auto cached = roms.find(&op);
    if (cached == roms.end()) {
      FailureOr<Tensor> tensor = tensorFromConstant(
          rom.getValue(), asTensor(rom.getType()), rom.getLoc());
      if (failed(tensor))
        return failure();
      cached = roms.try_emplace(&op, std::move(*tensor)).first;
    }
    values[rom.getResult()].buffer = &cached->second;
    return success();
  }
  auto operand = [&](unsigned i) { return values.lookup(op.getOperand(i)); };
  FailureOr<RtValue> result = failure();
  if (auto c = llvm::dyn_cast<FxConstantOp>(op)) {
    fx::Format f = formatOf(c.getType());
    result = scalar(&op, fx::rawToInt(c.getRaw(), f), c.getType());
  } else if (llvm::isa<FxMulOp>(op)) {
    RtValue a = operand(0), b = operand(1);
    if (a.format.width + b.format.width > 127)
      return op.emitError() << "the loop interpreter computes with at most "
                               "127 bits, got a product of "
                            << a.format.toString() << " and "
                            << b.format.toString();
    result = scalar(&op, a.raw * b.raw, op.getResult(0).getType());
  } else if (llvm::isa<FxAddOp>(op)) {
    RtValue a = operand(0), b = operand(1);
    Type type = op.getResult(0).getType();
    if (llvm::cast<FixedType>(type).getWidth() > 127)
      return op.emitError() << "the loop interpreter computes with at most "
                               "127 bits, got a sum of type "
                            << type;
    fx::Wide s = fx::add(fx::Wide{a.raw, a.format.fracWidth()},
                         fx::Wide{b.raw, b.format.fracWidth()});
    result = scalar(&op, s.raw, type);
  } else if (llvm::isa<FxCastOp>(op)) {
    RtValue a = operand(0);
    Type type = op.getResult(0).getType();
    fx::Format to = formatOf(type);
    int64_t stored = fx::cast(a.raw, a.format.fracWidth(), to);
    result = scalar(&op, fx::rawToInt(stored, to), type);
  } else if (llvm::isa<FxReluOp>(op)) {
    RtValue a = operand(0);
    result = scalar(&op, a.raw < 0 ? i128(0) : a.raw, op.getResult(0).getType());
  } else if (auto div = llvm::dyn_cast<FxDivIntOp>(op)) {
    RtValue a = operand(0);
    int64_t count = values.lookup(div.getCount()).index;
    if (count <= 0)
      return op.emitError() << "nn.fx.div_int by a non-positive count "
                            << count;
    fx::Format to = formatOf(div.getType());
    if (fx::quotientBits(a.format, to) > 127)
      return op.emitError() << "the loop interpreter computes with at most "
                               "127 bits, the quotient of "
                            << a.format.toString() << " rounded to "
                            << to.toString() << " needs "
                            << fx::quotientBits(a.format, to);
    int64_t stored = fx::castQuotient(a.raw, a.format.fracWidth(), count, to);
    result = scalar(&op, fx::rawToInt(stored, to), div.getType());
  } else if (llvm::isa<FxMaxOp>(op)) {
    RtValue a = operand(0), b = operand(1);
    result = a.raw > b.raw ? a : b; // same type: raws compare as values
  } else if (auto cmp = llvm::dyn_cast<FxCmpOp>(op)) {
    RtValue a = operand(0), b = operand(1);
    int order = fx::compare(fx::Wide{a.raw, a.format.fracWidth()},
                            fx::Wide{b.raw, b.format.fracWidth()});
    bool holds = false;
    switch (cmp.getPredicate()) {
    case FxCmpPredicate::lt: holds = order < 0; break;
    case FxCmpPredicate::le: holds = order <= 0; break;
    case FxCmpPredicate::gt: holds = order > 0; break;
    case FxCmpPredicate::ge: holds = order >= 0; break;
    case FxCmpPredicate::eq: holds = order == 0; break;
    case FxCmpPredicate::ne: holds = order != 0; break;
    }
    values[op.getResult(0)].index = holds ? 1 : 0;
    return success();
  } else if (llvm::isa<arith::SelectOp>(op)) {
    result = operand(0).index != 0 ? operand(1) : operand(2);
  } else if (llvm::isa<FxSubOp>(op)) {
    RtValue a = operand(0), b = operand(1);
    Type type = op.getResult(0).getType();
    if (llvm::cast<FixedType>(type).getWidth() > 127)
      return op.emitError() << "the loop interpreter computes with at most "
                               "127 bits, got a difference of type "
                            << type;
    fx::Wide d = fx::sub(fx::Wide{a.raw, a.format.fracWidth()},
                         fx::Wide{b.raw, b.format.fracWidth()});
    result = scalar(&op, d.raw, type);
  } else if (llvm::isa<FxToIndexOp>(op)) {
    // Unsigned, no fraction bits, <= 31 bits (verified): value = raw * 2^-F.
    RtValue a = operand(0);
    values[op.getResult(0)].index =
        int64_t(a.raw) << -a.format.fracWidth();
    return success();
  } else if (llvm::isa<FxIlog2Op>(op)) {
    RtValue a = operand(0);
    if (a.raw <= 0)
      return op.emitError() << "nn.fx.ilog2 of a value that is not positive";
    int bits = 0;
    for (fx::u128 r = fx::u128(a.raw); r > 1; r >>= 1)
      ++bits;
    values[op.getResult(0)].index = int64_t(bits) - a.format.fracWidth();
    return success();
  } else if (auto divPow2 = llvm::dyn_cast<FxDivPow2Op>(op)) {
    RtValue a = operand(0);
    int64_t e = operand(1).index;
    int64_t lo = int64_t(divPow2.getMinExp()),
            hi = int64_t(divPow2.getMaxExp());
    if (e < lo || e > hi)
      return op.emitError() << "nn.fx.div_pow2: exponent " << e
                            << " is outside [" << lo << ", " << hi << "]";
    Type type = op.getResult(0).getType();
    fx::Format to = formatOf(type);
    // x * 2^-e: the same raw read with e more fraction bits.
    int64_t stored = fx::cast(a.raw, a.format.fracWidth() + int(e), to);
    result = scalar(&op, fx::rawToInt(stored, to), type);
  } else {
    return op.emitError() << "the loop interpreter has no semantics for '"
                          << op.getName() << "'";
  }
  if (failed(result))
    return failure();
  values[op.getResult(0)] = *result;
  return success();
}

LogicalResult LoopRunner::execStream(Operation &op, Value fifoValue,
                                     Value vectorValue, bool isWrite) {
  Tensor *fifo = values.lookup(fifoValue).buffer;
  Tensor *vector = values.lookup(vectorValue).buffer;
  if (!fifo || !vector)
    return op.emitError("the loop interpreter has no buffer for this memref");
  int64_t capacity = fifo->shape()[0], width = fifo->shape()[1];
  std::string &name = fifoNames[fifo];
  if (name.empty()) {
    Operation *def = fifoValue.getDefiningOp();
    auto attr = def ? def->getAttrOfType<StringAttr>(kHlsNameAttr) : nullptr;
    name = attr ? attr.str() : "fifo";
  }
  auto &[written, read] = fifoCursors[fifo];
  if (isWrite && written == capacity)
    return op.emitError("the loop interpreter wrote more than the ")
           << capacity << " transfers of FIFO '" << name << "'";
  if (!isWrite && read == written)
    return op.emitError("the loop interpreter read the empty FIFO '")
           << name << "' (" << written
           << " transfers written, all read: the hardware would stall here)";
  int64_t &slot = isWrite ? written : read;
  for (int64_t c = 0; c < width; ++c) {
    int64_t &element = fifo->raw()[slot * width + c];
    if (isWrite)
      element = vector->raw()[c];
    else
      vector->raw()[c] = element;
  }
  ++slot;
  return success();
}

FailureOr<std::vector<Tensor>> LoopRunner::run(func::FuncOp func,
                                               ArrayRef<Tensor> inputs) {
  Block &body = func.getBody().front();
  SmallVector<Type> inputTypes = interfaceInputTypes(func);
  if (inputs.size() != inputTypes.size()) {
    func.emitError() << "expects " << inputTypes.size() << " inputs, got "
                     << inputs.size();
    return failure();
  }
  std::vector<Tensor *> outputs;
  size_t next = 0;
  for (BlockArgument arg : body.getArguments()) {
    FailureOr<Tensor> expected =
        makeTensor(asTensor(arg.getType()), arg.getLoc());
    if (failed(expected))
      return failure();
    if (isOutputArg(func, arg.getArgNumber())) {
      buffers.push_back(std::move(*expected));
      outputs.push_back(&buffers.back());
      values[arg].buffer = &buffers.back();
      continue;
    }
    const Tensor &input = inputs[next++];
    if (expected->shape() != input.shape() ||
        expected->isFixed() != input.isFixed() ||
        (input.isFixed() && !(input.format() == expected->format()))) {
      emitError(arg.getLoc())
          << "input " << (next - 1) << " has type " << input.typeString()
          << ", the function expects " << expected->typeString();
      return failure();
    }
    // Inputs are read-only in lowered code; a copy keeps the caller's.
    buffers.push_back(input);
    values[arg].buffer = &buffers.back();
  }
  if (failed(execBlock(body)))
    return failure();
  // A transfer written and never read would fill the hardware FIFO.
  for (auto &[fifo, cursors] : fifoCursors)
    if (cursors.first != cursors.second) {
      func.emitError("the loop interpreter finished with ")
          << (cursors.first - cursors.second)
          << " transfers left unread in FIFO '" << fifoNames[fifo] << "'";
      return failure();
    }
  std::vector<Tensor> results;
  for (Tensor *out : outputs)
    results.push_back(*out);
  return results;
}

FailureOr<std::vector<Tensor>>
nn::interp::runLoops(func::FuncOp func, ArrayRef<Tensor> inputs,
                     ConstantCache &roms) {
  return LoopRunner(roms).run(func, inputs);
}
