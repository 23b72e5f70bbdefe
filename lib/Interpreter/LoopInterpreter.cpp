//===- LoopInterpreter.cpp - run loop-level IR (memrefs, affine, nn.fx) ---===//
//
// Executes what --nn-lower-to-hls produces: a function on memrefs
// (inputs, then out-parameters marked nn.hls.output), affine.for (with
// iter_args), affine.if, affine.apply/load/store, memref.alloc/load/store,
// arith constants and index arithmetic, nn.fx.rom and the scalar nn.fx ops
// (including the index arithmetic of lookup tables: to_index, ilog2,
// div_pow2).
// Scalars are computed exactly with nn::fx in 128-bit integers: a value of
// a type wider than 127 bits is a diagnostic. Buffers are interpreter
// Tensors (elements of up to 64 bits).
// The function is decoded once before it runs: every block becomes a
// vector of instructions over value slots (no isa chains or map lookups per
// op executed), every affine map a postfix program, and a loop that is one
// wrapping dot product (WrapDot.h) one instruction.
//
// This file is the executor and the library entry points; the decoding is
// in LoopDecoder.cpp, the decoded form in LoopRunner.h.
//
//===----------------------------------------------------------------------===//

#include "LoopRunner.h"

#include "nn/Interpreter/Interpreter.h"

#include "nn/Dialect/NN/IR/NNAttrNames.h"
#include "nn/Dialect/NN/IR/FxOpVisitor.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/WrapDot.h"
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
using namespace nn::interp::loops;


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

int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// Why an affine expression has no value.
enum class ExprError { None, Divisor, Overflow };

/// The value of a compiled affine expression; nullopt (with `why`) for a
/// floordiv, ceildiv or mod by a value that is not positive (affine maps
/// divide by positive constants or symbols; a symbol can be anything at run
/// time), or for a sum or product that overflows int64_t.
std::optional<int64_t> evalCode(ArrayRef<Code> code, ArrayRef<int64_t> args,
                                ExprError &why) {
  int64_t stack[32];
  int top = 0;
  for (const Code &c : code) {
    if (c.kind == Code::Const) {
      stack[top++] = c.value;
      continue;
    }
    if (c.kind == Code::Operand) {
      stack[top++] = args[size_t(c.value)];
      continue;
    }
    int64_t r = stack[--top], l = stack[top - 1], out;
    if (c.kind == Code::Add || c.kind == Code::Mul) {
      if (c.kind == Code::Add ? llvm::AddOverflow(l, r, out)
                              : llvm::MulOverflow(l, r, out)) {
        why = ExprError::Overflow;
        return std::nullopt;
      }
      stack[top - 1] = out;
      continue;
    }
    // r > 0 from here: no INT64_MIN / -1; the forms below never negate l
    // or multiply back, which could overflow for l near INT64_MIN.
    if (r <= 0) {
      why = ExprError::Divisor;
      return std::nullopt;
    }
    if (c.kind == Code::FloorDiv)
      stack[top - 1] = floorDiv(l, r);
    else if (c.kind == Code::CeilDiv)
      stack[top - 1] = l / r + (l % r > 0 ? 1 : 0);
    else
      stack[top - 1] = l % r < 0 ? l % r + r : l % r;
  }
  return stack[0];
}

/// The deepest stack a compiled expression needs.
size_t stackDepth(ArrayRef<Code> code) {
  size_t depth = 0, most = 0;
  for (const Code &c : code) {
    depth = (c.kind == Code::Const || c.kind == Code::Operand) ? depth + 1
                                                               : depth - 1;
    most = std::max(most, depth);
  }
  return most;
}

} // namespace

//===----------------------------------------------------------------------===//
// Execution
//===----------------------------------------------------------------------===//

LogicalResult LoopRunner::evalMap(Operation *op, const DecodedMap &map,
                                  SmallVectorImpl<int64_t> &results) {
  SmallVector<int64_t, 8> args;
  for (int s : map.operands)
    args.push_back(slots[size_t(s)].index);
  results.clear();
  for (auto [i, code] : llvm::enumerate(map.results)) {
    ExprError why = ExprError::None;
    std::optional<int64_t> v =
        stackDepth(code) <= 32 ? evalCode(code, args, why) : std::nullopt;
    if (!v) {
      std::string text;
      llvm::raw_string_ostream(text) << map.map.getResult(unsigned(i));
      if (why == ExprError::None)
        return op->emitError() << "the loop interpreter cannot evaluate "
                               << text << ": the expression is too deep";
      return op->emitError()
             << "the loop interpreter evaluated " << text
             << (why == ExprError::Divisor
                     ? " with a divisor that is not positive"
                     : ": the result overflows 64-bit integers");
    }
    results.push_back(*v);
  }
  return success();
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

LogicalResult LoopRunner::tooWide(const Instr &in) {
  return in.op->emitError() << "the loop interpreter computes with at most "
                               "127 bits, got a value of type "
                            << in.op->getResult(0).getType();
}

LogicalResult LoopRunner::execBlock(int block) {
  for (const Instr &in : blocks[size_t(block)])
    if (failed(exec(in)))
      return failure();
  return success();
}

LogicalResult LoopRunner::checkSteps(Operation *op, uint64_t trips) {
  // The execution budget: refuse a loop that would overrun it before
  // running any of it (a loop of 2^63 iterations never ends otherwise).
  uint64_t budget = limits().maxLoopSteps;
  if (trips > budget - std::min(budget, steps))
    return op->emitError() << "the loop interpreter stops: this loop runs "
                           << trips << " iterations, after " << steps
                           << " already run, over the budget of " << budget
                           << " loop iterations (nn-interp --max-steps)";
  steps += trips;
  return success();
}

// A wrapping dot product in one step when every index of every step is in
// bounds (checked per dimension from the steps' ranges) and the buffers
// hold fixed point; `done` stays false otherwise, and the loop runs step
// by step (with its diagnostics at the step that fails).
LogicalResult LoopRunner::execDot(const Instr &in, bool &done) {
  const DecodedDot &dot = dots[size_t(in.dot)];
  const int64_t *data[2];
  int64_t base[2];
  const DotOperand *operands[2] = {&dot.lhs, &dot.rhs};
  for (int i = 0; i < 2; ++i) {
    const DotOperand &o = *operands[i];
    Tensor *buffer = slots[size_t(o.buffer)].buffer;
    if (!buffer || !buffer->isFixed())
      return success();
    SmallVector<int64_t, 8> bases;
    if (failed(evalMap(in.op, o.base, bases)))
      return failure();
    const std::vector<int64_t> &shape = buffer->shape();
    int64_t flat = 0;
    for (size_t d = 0; d < shape.size(); ++d) {
      int64_t lo, hi;
      if (llvm::AddOverflow(bases[d], o.stepMin[d], lo) ||
          llvm::AddOverflow(bases[d], o.stepMax[d], hi) || lo < 0 ||
          hi >= shape[d])
        return success();
      flat = flat * shape[d] + bases[d];
    }
    data[i] = buffer->raw().data();
    base[i] = flat;
  }
  if (failed(checkSteps(in.op, dot.lhs.stepOffsets.size())))
    return failure();
  // Stored raws are the values' bit patterns; modulo 2^64 they multiply and
  // add as the values do.
  uint64_t sum = 0;
  const int64_t *x = data[0] + base[0], *w = data[1] + base[1];
  const int64_t *xo = dot.lhs.stepOffsets.data(),
                *wo = dot.rhs.stepOffsets.data();
  for (size_t k = 0, e = dot.lhs.stepOffsets.size(); k < e; ++k)
    sum += uint64_t(x[xo[k]]) * uint64_t(w[wo[k]]);
  uint64_t bits =
      uint64_t(slots[size_t(in.operands[0])].raw) + (sum << dot.shift);
  int unused = 64 - dot.acc.width;
  uint64_t low = bits << unused;
  slots[size_t(in.results[0])].raw =
      dot.acc.isSigned ? i128(int64_t(low) >> unused) : i128(low >> unused);
  done = true;
  return success();
}

LogicalResult LoopRunner::execFor(const Instr &in) {
  if (in.dot >= 0) {
    bool done = false;
    if (failed(execDot(in, done)))
      return failure();
    if (done)
      return success();
  }
  if (failed(evalMap(in.op, maps[size_t(in.map)], scratch)) ||
      failed(evalMap(in.op, maps[size_t(in.map2)], scratch2)))
    return failure();
  int64_t lb = *std::max_element(scratch.begin(), scratch.end());
  int64_t ub = *std::min_element(scratch2.begin(), scratch2.end());
  int64_t step = in.imm;
  // The trip count, computed without overflow: ub - lb can exceed
  // INT64_MAX, and stepping i past ub could wrap.
  uint64_t trips = 0;
  if (ub > lb) {
    uint64_t span = uint64_t(ub) - uint64_t(lb);
    trips = span / uint64_t(step) + (span % uint64_t(step) != 0);
  }
  if (failed(checkSteps(in.op, trips)))
    return failure();
  SmallVector<Slot, 2> carried;
  for (int s : in.operands)
    carried.push_back(slots[size_t(s)]);
  for (uint64_t t = 0; t < trips; ++t) {
    // lb + t * step < ub for t < trips: no overflow.
    slots[size_t(in.iv)].index = int64_t(uint64_t(lb) + t * uint64_t(step));
    for (auto [arg, v] : llvm::zip(in.iterArgs, carried))
      slots[size_t(arg)] = v;
    if (failed(execBlock(in.body)))
      return failure();
    for (auto [slot, v] : llvm::zip(carried, in.yields))
      slot = slots[size_t(v)];
  }
  for (auto [result, v] : llvm::zip(in.results, carried))
    slots[size_t(result)] = v;
  return success();
}

LogicalResult LoopRunner::execAccess(const Instr &in) {
  bool isStore = in.kind == Kind::AffineStore || in.kind == Kind::Store;
  SmallVector<int64_t, 8> indices;
  if (in.kind == Kind::AffineLoad || in.kind == Kind::AffineStore) {
    if (failed(evalMap(in.op, maps[size_t(in.map)], indices)))
      return failure();
  } else {
    for (int s : ArrayRef<int>(in.operands).drop_front(isStore ? 2 : 1))
      indices.push_back(slots[size_t(s)].index);
  }
  Tensor *buffer = slots[size_t(in.operands[0])].buffer;
  if (!buffer)
    return in.op->emitError(
        "the loop interpreter has no buffer for this memref");
  if (!buffer->isFixed())
    return in.op->emitError("the loop interpreter handles fixed-point "
                            "buffers only");
  FailureOr<int64_t> offset = offsetOf(in.op, *buffer, indices);
  if (failed(offset))
    return failure();
  if (isStore) {
    buffer->raw()[size_t(*offset)] =
        int64_t(uint64_t(slots[size_t(in.operands[1])].raw)); // bit pattern
    return success();
  }
  slots[size_t(in.result)].raw =
      fx::rawToInt(buffer->raw()[size_t(*offset)], buffer->format());
  return success();
}

LogicalResult LoopRunner::exec(const Instr &in) {
  auto raw = [&](unsigned i) { return slots[size_t(in.operands[i])].raw; };
  auto index = [&](unsigned i) {
    return slots[size_t(in.operands[i])].index;
  };
  Slot &out = in.result >= 0 ? slots[size_t(in.result)] : slots.front();
  Operation &op = *in.op;
  switch (in.kind) {
  case Kind::Nop:
    return success();
  case Kind::Error:
    return op.emitError() << in.message;
  case Kind::For:
    return execFor(in);
  case Kind::If: {
    if (failed(evalMap(&op, maps[size_t(in.map)], scratch)))
      return failure();
    IntegerSet set = llvm::cast<affine::AffineIfOp>(op).getIntegerSet();
    bool holds = true;
    for (auto [i, v] : llvm::enumerate(scratch))
      holds &= set.isEq(unsigned(i)) ? v == 0 : v >= 0;
    if (holds)
      return execBlock(in.body);
    if (in.elseBody >= 0)
      return execBlock(in.elseBody);
    return success();
  }
  case Kind::IntConst:
    out.index = in.imm;
    return success();
  case Kind::MinMax:
    if (failed(evalMap(&op, maps[size_t(in.map)], scratch)))
      return failure();
    out.index = in.imm ? *std::min_element(scratch.begin(), scratch.end())
                       : *std::max_element(scratch.begin(), scratch.end());
    return success();
  case Kind::MulI: {
    int64_t product;
    if (llvm::MulOverflow(index(0), index(1), product))
      return op.emitError("the loop interpreter evaluated an index product "
                          "that overflows 64-bit integers");
    out.index = product;
    return success();
  }
  case Kind::Apply:
    if (failed(evalMap(&op, maps[size_t(in.map)], scratch)))
      return failure();
    out.index = scratch.front();
    return success();
  case Kind::AffineLoad:
  case Kind::AffineStore:
  case Kind::Load:
  case Kind::Store:
    return execAccess(in);
  case Kind::Stream:
    return execStream(in);
  case Kind::Alloc: {
    auto alloc = llvm::cast<memref::AllocOp>(op);
    FailureOr<Tensor> tensor =
        makeTensor(asTensor(alloc.getType()), alloc.getLoc());
    if (failed(tensor))
      return failure();
    buffers.push_back(std::move(*tensor));
    out.buffer = &buffers.back();
    return success();
  }
  case Kind::Rom: {
    auto rom = llvm::cast<FxRomOp>(op);
    auto cached = roms.find(&op);
    if (cached == roms.end()) {
      FailureOr<Tensor> tensor = tensorFromConstant(
          rom.getValue(), asTensor(rom.getType()), rom.getLoc());
      if (failed(tensor))
        return failure();
      cached = roms.try_emplace(&op, std::move(*tensor)).first;
    }
    out.buffer = &cached->second;
    return success();
  }
  case Kind::FxConst:
    if (in.tooWide)
      return tooWide(in);
    out.raw = fx::rawToInt(llvm::cast<FxConstantOp>(op).getRaw(), in.to);
    return success();
  case Kind::FxMul:
    if (in.a.width + in.b.width > 127)
      return op.emitError() << "the loop interpreter computes with at most "
                               "127 bits, got a product of "
                            << in.a.toString() << " and " << in.b.toString();
    if (in.tooWide)
      return tooWide(in);
    out.raw = raw(0) * raw(1);
    return success();
  case Kind::FxAdd:
  case Kind::FxSub: {
    if (in.tooWide)
      return op.emitError() << "the loop interpreter computes with at most "
                               "127 bits, got a "
                            << (in.kind == Kind::FxAdd ? "sum" : "difference")
                            << " of type " << op.getResult(0).getType();
    fx::Wide l{raw(0), in.a.fracWidth()}, r{raw(1), in.b.fracWidth()};
    out.raw = (in.kind == Kind::FxAdd ? fx::add(l, r) : fx::sub(l, r)).raw;
    return success();
  }
  case Kind::FxCast:
    if (in.tooWide)
      return tooWide(in);
    out.raw = fx::rawToInt(fx::cast(raw(0), in.a.fracWidth(), in.to), in.to);
    return success();
  case Kind::FxRelu:
    if (in.tooWide)
      return tooWide(in);
    out.raw = raw(0) < 0 ? i128(0) : raw(0);
    return success();
  case Kind::FxDivInt: {
    int64_t count = index(1);
    if (count <= 0)
      return op.emitError() << "nn.fx.div_int by a non-positive count "
                            << count;
    if (fx::quotientBits(in.a, in.to) > 127)
      return op.emitError() << "the loop interpreter computes with at most "
                               "127 bits, the quotient of "
                            << in.a.toString() << " rounded to "
                            << in.to.toString() << " needs "
                            << fx::quotientBits(in.a, in.to);
    if (in.tooWide)
      return tooWide(in);
    out.raw = fx::rawToInt(
        fx::castQuotient(raw(0), in.a.fracWidth(), count, in.to), in.to);
    return success();
  }
  case Kind::FxMax:
    out = raw(0) > raw(1) ? slots[size_t(in.operands[0])]
                          : slots[size_t(in.operands[1])]; // same type
    return success();
  case Kind::FxCmp: {
    int order = fx::compare(fx::Wide{raw(0), in.a.fracWidth()},
                            fx::Wide{raw(1), in.b.fracWidth()});
    bool holds = false;
    switch (FxCmpPredicate(in.imm)) {
    case FxCmpPredicate::lt: holds = order < 0; break;
    case FxCmpPredicate::le: holds = order <= 0; break;
    case FxCmpPredicate::gt: holds = order > 0; break;
    case FxCmpPredicate::ge: holds = order >= 0; break;
    case FxCmpPredicate::eq: holds = order == 0; break;
    case FxCmpPredicate::ne: holds = order != 0; break;
    }
    out.index = holds ? 1 : 0;
    return success();
  }
  case Kind::Select:
    out = index(0) != 0 ? slots[size_t(in.operands[1])]
                        : slots[size_t(in.operands[2])];
    return success();
  case Kind::FxToIndex:
    // Unsigned, no fraction bits, <= 31 bits (verified): value = raw * 2^-F.
    out.index = int64_t(raw(0)) << -in.a.fracWidth();
    return success();
  case Kind::FxIlog2: {
    if (raw(0) <= 0)
      return op.emitError() << "nn.fx.ilog2 of a value that is not positive";
    int bits = 0;
    for (fx::u128 r = fx::u128(raw(0)); r > 1; r >>= 1)
      ++bits;
    out.index = int64_t(bits) - in.a.fracWidth();
    return success();
  }
  case Kind::FxDivPow2: {
    auto divPow2 = llvm::cast<FxDivPow2Op>(op);
    int64_t e = index(1);
    int64_t lo = int64_t(divPow2.getMinExp()),
            hi = int64_t(divPow2.getMaxExp());
    if (e < lo || e > hi)
      return op.emitError() << "nn.fx.div_pow2: exponent " << e
                            << " is outside [" << lo << ", " << hi << "]";
    if (in.tooWide)
      return tooWide(in);
    // x * 2^-e: the same raw read with e more fraction bits.
    out.raw = fx::rawToInt(
        fx::cast(raw(0), in.a.fracWidth() + int(e), in.to), in.to);
    return success();
  }
  case Kind::Dot:
    break;
  }
  return op.emitError("the loop interpreter has no semantics for this op");
}

LogicalResult LoopRunner::execStream(const Instr &in) {
  Operation &op = *in.op;
  bool isWrite = in.imm != 0;
  Tensor *fifo = slots[size_t(in.operands[0])].buffer;
  Tensor *vector = slots[size_t(in.operands[1])].buffer;
  if (!fifo || !vector)
    return op.emitError("the loop interpreter has no buffer for this memref");
  int64_t capacity = fifo->shape()[0], width = fifo->shape()[1];
  std::string &name = fifoNames[fifo];
  if (name.empty()) {
    Value fifoValue = isWrite ? llvm::cast<FxStreamWriteOp>(op).getFifo()
                              : llvm::cast<FxStreamReadOp>(op).getFifo();
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
    int64_t &element = fifo->raw()[size_t(slot * width + c)];
    if (isWrite)
      element = vector->raw()[size_t(c)];
    else
      vector->raw()[size_t(c)] = element;
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
  // Slot 0 is scratch for instructions without a result.
  slots.emplace_back();
  std::vector<Tensor *> outputs;
  std::vector<std::pair<int, Tensor *>> args;
  size_t next = 0;
  for (BlockArgument arg : body.getArguments()) {
    FailureOr<Tensor> expected =
        makeTensor(asTensor(arg.getType()), arg.getLoc());
    if (failed(expected))
      return failure();
    if (isOutputArg(func, arg.getArgNumber())) {
      buffers.push_back(std::move(*expected));
      outputs.push_back(&buffers.back());
      args.push_back({slotOf(arg), &buffers.back()});
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
    args.push_back({slotOf(arg), &buffers.back()});
  }
  int entry = decodeBlock(body);
  for (auto [slot, buffer] : args)
    slots[size_t(slot)].buffer = buffer;
  if (failed(execBlock(entry)))
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
