//===- LoopRunner.h - the loop interpreter's decoded form -------*- C++ -*-===//
//
// Private to lib/Interpreter: the instructions, slots and affine programs
// the loop interpreter decodes a function into (LoopDecoder.cpp) and then
// executes (LoopInterpreter.cpp), and the LoopRunner that holds them. One
// header so that the decoder and the executor agree on every field.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_INTERPRETER_LOOPRUNNER_H
#define NN_LIB_INTERPRETER_LOOPRUNNER_H

#include "nn/Interpreter/Interpreter.h"

#include "nn/Support/FixedPoint.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AffineMap.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <deque>
#include <string>
#include <vector>

namespace nn {
namespace interp {
namespace loops {

using namespace mlir;
using fx::i128;

/// A runtime value: an index (or integer), a fixed-point scalar (exact raw
/// of any format up to 127 bits; its format is the instruction's), or a
/// buffer.
struct Slot {
  int64_t index = 0;
  i128 raw = 0;
  Tensor *buffer = nullptr;
};

/// An affine expression in postfix form over the map's operand slots.
struct Code {
  enum Kind : uint8_t { Const, Operand, Add, Mul, FloorDiv, CeilDiv, Mod };
  Kind kind;
  int64_t value; // Const: the constant; Operand: the operand's position
};

/// An affine map decoded once: the operands' slots and one program per
/// result (the map itself stays for the diagnostics).
struct DecodedMap {
  AffineMap map;
  SmallVector<int, 4> operands;
  SmallVector<SmallVector<Code, 8>, 4> results;
};

enum class Kind : uint8_t {
  Nop, For, If, IntConst, MinMax, MulI, Apply, AffineLoad, AffineStore,
  Load, Store, Alloc, Rom, Stream, FxConst, FxMul, FxAdd, FxSub, FxCast,
  FxRelu, FxMax, FxCmp, Select, FxToIndex, FxIlog2, FxDivPow2, FxDivInt,
  Dot, Error
};

/// One wrapping dot product (WrapDot.h) run as one instruction: per
/// operand, the buffer's slot, the loop-invariant part of each index, the
/// range of the steps' parts and the steps' flat offsets.
struct DotOperand {
  int buffer = -1;
  DecodedMap base;
  SmallVector<int64_t> stepMin, stepMax;
  std::vector<int64_t> stepOffsets;
};
struct DecodedDot {
  DotOperand lhs, rhs;
  int shift = 0;
  fx::Format acc;
};

/// One decoded operation. Slots are indices into LoopRunner::slots.
struct Instr {
  Kind kind = Kind::Nop;
  Operation *op = nullptr;
  int result = -1;
  SmallVector<int, 3> operands;
  /// Formats of operands 0 and 1 and of the result, where fixed point.
  fx::Format a, b, to;
  /// Whether the result's type is wider than the 127 bits computed here.
  bool tooWide = false;
  int64_t imm = 0;      // constants, predicates, min/max, write/read
  int map = -1, map2 = -1;
  int body = -1, elseBody = -1;
  /// affine.for: induction variable, iter_args, yielded values, results.
  int iv = -1;
  SmallVector<int, 2> iterArgs, yields, results;
  std::string message; // Kind::Error
  int dot = -1;        // Kind::Dot: index into dots (else a plain For)
};

class LoopRunner {
public:
  LoopRunner(ConstantCache &roms) : roms(roms) {}

  FailureOr<std::vector<Tensor>> run(func::FuncOp func,
                                     ArrayRef<Tensor> inputs);

private:
  // Decoding (once per run).
  int slotOf(Value v);
  int decodeBlock(Block &block);
  Instr decode(Operation &op);
  int decodeMap(AffineMap map, ValueRange operands);
  fx::Format fixedFormat(Value v, bool &tooWide);

  // Execution.
  LogicalResult execBlock(int block);
  LogicalResult exec(const Instr &in);
  LogicalResult execFor(const Instr &in);
  LogicalResult execDot(const Instr &in, bool &done);
  LogicalResult execAccess(const Instr &in);
  LogicalResult execStream(const Instr &in);
  LogicalResult evalMap(Operation *op, const DecodedMap &map,
                        SmallVectorImpl<int64_t> &results);
  LogicalResult checkSteps(Operation *op, uint64_t trips);
  FailureOr<int64_t> offsetOf(Operation *op, Tensor &buffer,
                              ArrayRef<int64_t> indices);
  LogicalResult tooWide(const Instr &in);

  ConstantCache &roms;
  llvm::DenseMap<Value, int> slotIds;
  std::vector<Slot> slots;
  std::vector<std::vector<Instr>> blocks;
  std::vector<DecodedMap> maps;
  std::vector<DecodedDot> dots;
  /// io_stream FIFOs (nn.fx.stream_write/read): transfers written and read
  /// so far per FIFO buffer. The processes run one after another, so a
  /// FIFO memref<P x C x T> keeps all its P transfers.
  llvm::DenseMap<Tensor *, std::pair<int64_t, int64_t>> fifoCursors;
  /// The FIFO's nn.hls.name (or "fifo"), for the errors.
  llvm::DenseMap<Tensor *, std::string> fifoNames;
  std::deque<Tensor> buffers;
  /// Loop iterations run so far, against limits().maxLoopSteps.
  uint64_t steps = 0;
  /// Scratch for map results (maps are evaluated one at a time).
  SmallVector<int64_t, 8> scratch, scratch2;
};

/// Compiles an affine expression into postfix code (LoopDecoder.cpp).
void compileExpr(AffineExpr expr, unsigned numDims,
                 SmallVectorImpl<Code> &code);

} // namespace loops
} // namespace interp
} // namespace nn

#endif // NN_LIB_INTERPRETER_LOOPRUNNER_H
