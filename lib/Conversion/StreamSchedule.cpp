//===- StreamSchedule.cpp - FIFO depths of io_stream designs --------------===//
//
// The simulation of nn/Conversion/StreamSchedule.h. Loops that transfer
// data run iteration by iteration (affine.if conditions evaluated on the
// induction variables; a pipelined loop starts an iteration every II
// cycles, later when a read waits for its transfer); anything else is a
// block timed by the loop structure: a pipelined loop of N trips at II
// takes (N-1)*II plus its body (at least II); an unrolled loop (or any loop
// inside a pipeline) takes its body once; a rolled loop N times its body;
// a body of straight-line ops one cycle. It is a model of Vitis' schedule, not a measurement (no RTL
// co-simulation here): docs/Lowering.md says what follows from that.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/StreamSchedule.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/IntegerSet.h"
#include "llvm/ADT/DenseMap.h"

#include <algorithm>

using namespace mlir;
using namespace nn;
using namespace nn::hls;

namespace {

int64_t blockCycles(Block &block, bool inPipeline);

int64_t opCycles(Operation &op, bool inPipeline) {
  auto loop = llvm::dyn_cast<affine::AffineForOp>(op);
  if (!loop)
    return 0;
  int64_t trips = loop.hasConstantBounds()
                      ? std::max<int64_t>(0, loop.getConstantUpperBound() -
                                                 loop.getConstantLowerBound())
                      : 1;
  auto ii = loop->getAttrOfType<IntegerAttr>(kHlsPipelineAttr);
  int64_t body = blockCycles(*loop.getBody(), inPipeline || ii);
  if (trips == 0)
    return 0;
  if (inPipeline || loop->hasAttr(kHlsUnrollAttr))
    return body;
  if (ii)
    return (trips - 1) * ii.getInt() + std::max(body, ii.getInt());
  return trips * body;
}

int64_t blockCycles(Block &block, bool inPipeline) {
  int64_t cycles = 0;
  bool straightLine = false;
  for (Operation &op : block) {
    if (llvm::isa<affine::AffineForOp>(op))
      cycles += opCycles(op, inPipeline);
    else if (!llvm::isa<affine::AffineYieldOp, memref::AllocOp>(op))
      straightLine = true;
  }
  return cycles + (straightLine ? 1 : 0);
}

bool hasTransfers(Operation &op) {
  return op
      .walk([](Operation *inner) {
        return llvm::isa<FxStreamReadOp, FxStreamWriteOp>(inner)
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

/// Runs one process's loops iteration by iteration where they transfer
/// data (and as timed blocks elsewhere), recording when each transfer
/// happens. Reads wait for the transfer's write (FIFOs unbounded).
class ProcessRunner {
public:
  ProcessRunner(llvm::DenseMap<Value, std::vector<int64_t>> &writes,
                llvm::DenseMap<Value, std::vector<int64_t>> &reads)
      : writes(writes), reads(reads) {}

  /// The time after `op`, started at `t`; `busy` adds the cycles spent not
  /// waiting.
  int64_t run(Operation &op, int64_t t, bool inPipeline) {
    if (!hasTransfers(op)) {
      int64_t c = inPipeline ? 0 : opCycles(op, false);
      busy += c;
      return t + c;
    }
    if (auto read = llvm::dyn_cast<FxStreamReadOp>(op)) {
      std::vector<int64_t> &written = writes[read.getFifo()];
      std::vector<int64_t> &done = reads[read.getFifo()];
      // Written in cycle w, readable from w + 1; a transfer never written
      // (a malformed design) is read at once.
      if (done.size() < written.size())
        t = std::max(t, written[done.size()] + 1);
      done.push_back(t);
      return t;
    }
    if (auto write = llvm::dyn_cast<FxStreamWriteOp>(op)) {
      writes[write.getFifo()].push_back(t);
      return t;
    }
    if (auto ifOp = llvm::dyn_cast<affine::AffineIfOp>(op)) {
      Block *block = holds(ifOp) ? ifOp.getThenBlock()
                                 : (ifOp.hasElse() ? ifOp.getElseBlock()
                                                   : nullptr);
      return block ? runBlock(*block, t, inPipeline) : t;
    }
    auto loop = llvm::dyn_cast<affine::AffineForOp>(op);
    if (!loop || !loop.hasConstantBounds())
      return t;
    auto ii = loop->getAttrOfType<IntegerAttr>(kHlsPipelineAttr);
    bool pipelined = inPipeline || ii || loop->hasAttr(kHlsUnrollAttr);
    int64_t step = ii ? ii.getInt() : 1;
    for (int64_t i = loop.getConstantLowerBound();
         i < loop.getConstantUpperBound(); i += loop.getStepAsInt()) {
      ivs[loop.getInductionVar()] = i;
      t = runBlock(*loop.getBody(), t, pipelined);
      // A pipeline starts an iteration every II cycles.
      if (pipelined && !inPipeline) {
        t += step;
        busy += step;
      }
    }
    return t;
  }

  int64_t busy = 0;

private:
  int64_t runBlock(Block &block, int64_t t, bool inPipeline) {
    for (Operation &op : block)
      t = run(op, t, inPipeline);
    return t;
  }
  /// The affine.if's condition on the current induction variables (true
  /// when an operand is not one).
  bool holds(affine::AffineIfOp ifOp) {
    IntegerSet set = ifOp.getIntegerSet();
    SmallVector<int64_t> dims;
    for (Value v : ifOp.getOperands()) {
      auto it = ivs.find(v);
      if (it == ivs.end())
        return true;
      dims.push_back(it->second);
    }
    for (auto [i, c] : llvm::enumerate(set.getConstraints())) {
      AffineExpr folded = c.replaceDimsAndSymbols(
          llvm::to_vector(llvm::map_range(
              dims,
              [&](int64_t d) {
                return getAffineConstantExpr(d, ifOp.getContext());
              })),
          {});
      auto value = llvm::dyn_cast<AffineConstantExpr>(folded);
      if (!value)
        return true;
      if (set.isEq(i) ? value.getValue() != 0 : value.getValue() < 0)
        return false;
    }
    return true;
  }

  llvm::DenseMap<Value, std::vector<int64_t>> &writes, &reads;
  llvm::DenseMap<Value, int64_t> ivs;
};

} // namespace

StreamSchedule nn::hls::simulateStream(func::FuncOp func) {
  StreamSchedule schedule;
  llvm::DenseMap<Value, std::vector<int64_t>> writes, reads;
  llvm::DenseMap<Value, size_t> fifoOf;
  for (Operation &op : func.getBody().front()) {
    if (auto alloc = llvm::dyn_cast<memref::AllocOp>(op);
        alloc && alloc->hasAttr(kHlsStreamDepthAttr)) {
      FifoSchedule fifo;
      if (auto name = alloc->getAttrOfType<StringAttr>(kHlsNameAttr))
        fifo.name = name.str();
      fifo.alloc = alloc;
      fifo.transfers = alloc.getType().getDimSize(0);
      fifoOf[alloc.getResult()] = schedule.fifos.size();
      schedule.fifos.push_back(fifo);
    }
  }
  // Processes in program order: every producer precedes its consumers, so
  // with unbounded FIFOs each one's times follow from the earlier ones'.
  for (auto process : func.getBody().front().getOps<affine::AffineForOp>()) {
    ProcessSchedule ps;
    if (auto name = process->getAttrOfType<StringAttr>(kHlsNameAttr))
      ps.name = name.str();
    ProcessRunner runner(writes, reads);
    int64_t t = runner.run(*process, 0, false);
    ps.latency = t;
    ps.busy = runner.busy;
    schedule.latency = std::max(schedule.latency, t);
    schedule.interval = std::max(schedule.interval, ps.busy);
    schedule.processes.push_back(ps);
  }
  for (auto &[fifo, index] : fifoOf) {
    // Occupancy over time; a write counts before a read of the same cycle.
    std::vector<std::pair<int64_t, int>> events;
    for (int64_t w : writes[fifo])
      events.push_back({w, 0});
    for (int64_t r : reads[fifo])
      events.push_back({r, 1});
    llvm::sort(events);
    int64_t occupancy = 0, peak = 0;
    for (auto [time, isRead] : events) {
      occupancy += isRead ? -1 : 1;
      peak = std::max(peak, occupancy);
    }
    schedule.fifos[index].peak = peak;
  }
  return schedule;
}

StreamSchedule nn::hls::sizeFifos(func::FuncOp func) {
  StreamSchedule schedule = simulateStream(func);
  Builder b(func.getContext());
  for (FifoSchedule &fifo : schedule.fifos)
    fifo.alloc->setAttr(kHlsStreamDepthAttr,
                        b.getI64IntegerAttr(std::max<int64_t>(fifo.peak, 1)));
  return schedule;
}
