//===- StreamSchedule.h - FIFO depths of io_stream designs ------*- C++ -*-===//
//
// The FIFO depths of an io_stream design (docs/Lowering.md, "FIFO depths"):
// one inference is simulated on the dataflow schedule of the lowered
// function (its top-level loops are the processes, run concurrently; each
// is a sequence of phases: reading a FIFO, computing, writing FIFOs, timed
// from the loops' trip counts, pipeline IIs and unrolling), with unbounded
// FIFOs; each FIFO's depth is its peak occupancy, the smallest with which
// that schedule never stalls a writer (and so never deadlocks).
//
//===----------------------------------------------------------------------===//

#ifndef NN_CONVERSION_STREAMSCHEDULE_H
#define NN_CONVERSION_STREAMSCHEDULE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nn {
namespace hls {

/// One FIFO of a dataflow function and its simulated schedule.
struct FifoSchedule {
  std::string name;
  mlir::Operation *alloc = nullptr;
  int64_t transfers = 0; ///< per inference (pixels of the tensor)
  int64_t peak = 0;      ///< simulated peak occupancy
};

/// One process: its name and simulated start-to-finish cycles.
struct ProcessSchedule {
  std::string name;
  int64_t latency = 0; ///< cycles from start to its last transfer
  int64_t busy = 0;    ///< cycles it needs without waiting (its II)
};

struct StreamSchedule {
  std::vector<FifoSchedule> fifos;
  std::vector<ProcessSchedule> processes;
  int64_t latency = 0; ///< of one inference
  int64_t interval = 0; ///< the slowest process's busy cycles
};

/// Simulates one inference of a function marked nn.hls.dataflow.
StreamSchedule simulateStream(mlir::func::FuncOp func);

/// Sets every FIFO's nn.hls.stream_depth to max(peak, 1).
StreamSchedule sizeFifos(mlir::func::FuncOp func);

} // namespace hls
} // namespace nn

#endif // NN_CONVERSION_STREAMSCHEDULE_H
