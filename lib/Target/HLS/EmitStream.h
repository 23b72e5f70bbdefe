//===- EmitStream.h - the io_stream parts of the HLS emitter ----*- C++ -*-===//
//
// What the emitter prints for an io_stream design (docs/Lowering.md,
// "io_stream"): the packed-vector type and stream helpers, a FIFO's
// declaration with its STREAM depth, the transfers, and the FIFO report.
// EmitHLS.cpp calls these from its one walk over the function.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_TARGET_HLS_EMITSTREAM_H
#define NN_LIB_TARGET_HLS_EMITSTREAM_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace nn {
namespace hlsemit {

/// True for a function lowered with io-type=stream (nn.hls.dataflow).
bool isDataflow(mlir::func::FuncOp func);
/// The C++ names the stream helpers take (reserved in the emitted scope).
extern const char *const kStreamHelperNames[4];
/// `#include "hls_stream.h"`, nn_pack, the read/write helpers and the
/// NN_DATAFLOW_* / NN_PROCESS_* macros around the processes.
void emitStreamHelpers(llvm::raw_ostream &os);
/// The declaration of a FIFO (an alloc marked nn.hls.stream_depth) named
/// `name` with element type `elementType`, at `indent`.
void emitFifo(llvm::raw_ostream &os, int indent, mlir::memref::AllocOp fifo,
              llvm::StringRef name, llvm::StringRef elementType);
/// One transfer: `nn_stream_write(fifo, vec);` or `nn_stream_read(...)`.
void emitTransfer(llvm::raw_ostream &os, int indent, bool isWrite,
                  llvm::StringRef fifo, llvm::StringRef vector);
/// The FIFO report: one line per FIFO (name, shape, transfers per
/// inference, depth, simulated peak), one per process (cycles busy, i.e.
/// its initiation interval, and the cycle it finishes one inference), and
/// the schedule's figures.
std::string fifoReport(mlir::func::FuncOp func);
/// The dataflow graph in Graphviz's dot language: one node per process,
/// one edge per FIFO labelled with its name, shape and depth
/// (`dot -Tsvg dataflow.dot`).
std::string dataflowDot(mlir::func::FuncOp func);

} // namespace hlsemit
} // namespace nn

#endif // NN_LIB_TARGET_HLS_EMITSTREAM_H
