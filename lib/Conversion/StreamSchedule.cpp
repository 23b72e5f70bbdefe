//===- StreamSchedule.cpp - FIFO depths of io_stream designs --------------===//
//
// The simulation of nn/Conversion/StreamSchedule.h. The timing model is the
// loop structure's: a pipelined loop of N trips at II takes (N-1)*II plus
// its body; an unrolled loop (or any loop inside a pipeline) takes its body
// once; a rolled loop N times its body; a body of straight-line ops one
// cycle. It is a model of Vitis' schedule, not a measurement (no RTL
// co-simulation here): docs/Lowering.md says what follows from that.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/StreamSchedule.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
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
    return (trips - 1) * ii.getInt() + body;
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

/// How many times `inner` runs per execution of `outer` (the trip counts
/// of the loops between them).
int64_t executions(Operation *inner, Operation *outer) {
  int64_t count = 1;
  for (Operation *p = inner->getParentOp(); p; p = p->getParentOp()) {
    if (auto loop = llvm::dyn_cast<affine::AffineForOp>(p))
      if (loop.hasConstantBounds())
        count *= std::max<int64_t>(0, loop.getConstantUpperBound() -
                                          loop.getConstantLowerBound());
    if (p == outer)
      break;
  }
  return count;
}

struct Phase {
  enum Kind { Compute, Read, Write } kind = Compute;
  int64_t cycles = 0;    ///< Compute
  int64_t transfers = 0; ///< Read/Write
  int64_t interval = 1;  ///< cycles per transfer
  SmallVector<Value> fifos;
};

SmallVector<Phase> phasesOf(affine::AffineForOp process) {
  SmallVector<Phase> phases;
  for (Operation &op : process.getBody()->without_terminator()) {
    SmallVector<Operation *> transfers;
    op.walk([&](Operation *inner) {
      if (llvm::isa<FxStreamReadOp, FxStreamWriteOp>(inner))
        transfers.push_back(inner);
    });
    int64_t cycles = opCycles(op, /*inPipeline=*/false);
    if (transfers.empty()) {
      if (phases.empty() || phases.back().kind != Phase::Compute)
        phases.push_back({});
      phases.back().cycles += cycles;
      continue;
    }
    Phase phase;
    phase.kind = llvm::isa<FxStreamReadOp>(transfers.front()) ? Phase::Read
                                                              : Phase::Write;
    // One read loop reads one FIFO; one write loop writes the same vector
    // to every copy of its stream in the same iteration.
    phase.transfers = executions(transfers.front(), &op);
    for (Operation *t : transfers)
      phase.fifos.push_back(llvm::isa<FxStreamReadOp>(t)
                                ? llvm::cast<FxStreamReadOp>(t).getFifo()
                                : llvm::cast<FxStreamWriteOp>(t).getFifo());
    phase.interval =
        phase.transfers ? std::max<int64_t>(1, cycles / phase.transfers) : 1;
    phases.push_back(phase);
  }
  return phases;
}

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
    int64_t t = 0;
    for (Phase &phase : phasesOf(process)) {
      if (phase.kind == Phase::Compute) {
        t += phase.cycles;
        ps.busy += phase.cycles;
        continue;
      }
      for (int64_t j = 0; j < phase.transfers; ++j) {
        if (phase.kind == Phase::Read) {
          std::vector<int64_t> &written = writes[phase.fifos.front()];
          std::vector<int64_t> &read = reads[phase.fifos.front()];
          // Written in cycle w, readable from w + 1; a transfer never
          // written (a malformed design) is read at once.
          if (read.size() < written.size())
            t = std::max(t, written[read.size()] + 1);
          read.push_back(t);
        } else {
          for (Value fifo : phase.fifos)
            writes[fifo].push_back(t);
        }
        t += phase.interval;
      }
      ps.busy += phase.transfers * phase.interval;
    }
    ps.latency = t;
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
