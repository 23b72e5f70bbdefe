//===- EmitStream.cpp - the io_stream parts of the HLS emitter ------------===//
//
// See EmitStream.h. A FIFO memref<P x C x T> is an hls::stream of
// nn_pack<T, C> (one pixel's C channels, as hls4ml's nnet::array), P
// transfers per inference, with the depth the lowering computed.
//
//===----------------------------------------------------------------------===//

#include "EmitStream.h"

#include "nn/Conversion/StreamSchedule.h"
#include "nn/Dialect/NN/IR/NNAttrNames.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"

#include "llvm/Support/Format.h"

using namespace mlir;

bool nn::hlsemit::isDataflow(func::FuncOp func) {
  return func->hasAttr(kHlsDataflowAttr);
}

const char *const nn::hlsemit::kStreamHelperNames[4] = {
    "nn_pack", "nn_stream_write", "nn_stream_read", "nn_dataflow_region"};

void nn::hlsemit::emitStreamHelpers(llvm::raw_ostream &os) {
  os << R"(
// io_stream: a FIFO transfer is one pixel's channels, packed.
#include "hls_stream.h"
// nn's C simulation (NN_CSIM_DATAFLOW, set by the Makefile) runs each
// process in its own thread over FIFOs bounded by their STREAM depths, so
// an undersized depth deadlocks there as in hardware and is reported
// (hls_stream.h); elsewhere the processes are the loops themselves.
#if defined(NN_CSIM_DATAFLOW) && !defined(__SYNTHESIS__)
#define NN_DATAFLOW_BEGIN hls::nn_dataflow nn_dataflow_region;
#define NN_PROCESS_BEGIN(name) nn_dataflow_region.spawn(#name, [&]() {
#define NN_PROCESS_END });
#define NN_DATAFLOW_END nn_dataflow_region.join();
#else
#define NN_DATAFLOW_BEGIN
#define NN_PROCESS_BEGIN(name)
#define NN_PROCESS_END
#define NN_DATAFLOW_END
#endif
template <class T, int N> struct nn_pack {
  T data[N];
};
template <class T, int N>
static inline void nn_stream_write(hls::stream<nn_pack<T, N> > &s,
                                   const T v[N]) {
  NN_HLS(HLS INLINE)
  nn_pack<T, N> p;
  for (int i = 0; i < N; ++i) {
    NN_HLS(HLS UNROLL)
    p.data[i] = v[i];
  }
  s.write(p);
}
template <class T, int N>
static inline void nn_stream_read(hls::stream<nn_pack<T, N> > &s, T v[N]) {
  NN_HLS(HLS INLINE)
  const nn_pack<T, N> p = s.read();
  for (int i = 0; i < N; ++i) {
    NN_HLS(HLS UNROLL)
    v[i] = p.data[i];
  }
}
)";
}

void nn::hlsemit::emitFifo(llvm::raw_ostream &os, int indent,
                           memref::AllocOp fifo, StringRef name,
                           StringRef elementType) {
  MemRefType type = fifo.getType();
  int64_t depth =
      fifo->getAttrOfType<IntegerAttr>(kHlsStreamDepthAttr).getInt();
  os.indent(2 * indent) << "// FIFO: " << type.getDimSize(0)
                        << " transfers of " << type.getDimSize(1)
                        << " channels per inference, depth " << depth << "\n";
  os.indent(2 * indent) << "hls::stream<nn_pack<" << elementType << ", "
                        << type.getDimSize(1) << "> > " << name << "(\""
                        << name << "\");\n";
  os.indent(2 * indent) << "NN_HLS(HLS STREAM variable=" << name
                        << " depth=" << depth << ")\n";
  os << "#ifdef NN_CSIM_DATAFLOW\n";
  os.indent(2 * indent) << name << ".set_depth(" << depth << ");\n";
  os << "#endif\n";
}

void nn::hlsemit::emitTransfer(llvm::raw_ostream &os, int indent, bool isWrite,
                               StringRef fifo, StringRef vector) {
  os.indent(2 * indent) << (isWrite ? "nn_stream_write(" : "nn_stream_read(")
                        << fifo << ", " << vector << ");\n";
}

std::string nn::hlsemit::fifoReport(func::FuncOp func) {
  hls::StreamSchedule schedule = hls::simulateStream(func);
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "FIFO depths of the io_stream design (one inference simulated on the "
        "dataflow schedule, docs/Lowering.md)\n"
     << llvm::format("%-32s %10s %10s %8s %8s\n", "fifo", "shape",
                     "transfers", "depth", "peak");
  int64_t depths = 0, transfers = 0;
  for (const hls::FifoSchedule &fifo : schedule.fifos) {
    auto type = llvm::cast<MemRefType>(fifo.alloc->getResult(0).getType());
    int64_t depth =
        fifo.alloc->getAttrOfType<IntegerAttr>(kHlsStreamDepthAttr).getInt();
    std::string shape = std::to_string(type.getDimSize(0)) + "x" +
                        std::to_string(type.getDimSize(1));
    os << llvm::format("%-32s %10s %10lld %8lld %8lld\n", fifo.name.c_str(),
                       shape.c_str(), (long long)fifo.transfers,
                       (long long)depth, (long long)fifo.peak);
    depths += depth;
    transfers += fifo.transfers;
  }
  os << llvm::format("\n%-32s %10s %10s\n", "process", "busy", "done");
  for (const hls::ProcessSchedule &process : schedule.processes)
    os << llvm::format("%-32s %10lld %10lld\n", process.name.c_str(),
                       (long long)process.busy, (long long)process.latency);
  os << "sum of depths " << depths << " (whole tensors: " << transfers
     << " transfers); latency " << schedule.latency
     << " cycles, interval " << schedule.interval
     << " cycles (the slowest process)\n";
  return text;
}

std::string nn::hlsemit::dataflowDot(func::FuncOp func) {
  // Producer and consumer process of each FIFO: the top-level loops that
  // hold its write and its read.
  llvm::DenseMap<Value, std::string> producer, consumer;
  auto processName = [](Operation *op) {
    while (!llvm::isa<func::FuncOp>(op->getParentOp()))
      op = op->getParentOp();
    auto name = op->getAttrOfType<StringAttr>(kHlsNameAttr);
    return name ? name.str() : std::string("process");
  };
  std::vector<std::string> processes;
  for (Operation &op : func.getBody().front())
    if (auto name = op.getAttrOfType<StringAttr>(kHlsNameAttr);
        name && llvm::isa<affine::AffineForOp>(op))
      processes.push_back(name.str());
  func.walk([&](Operation *op) {
    if (auto write = llvm::dyn_cast<FxStreamWriteOp>(op))
      producer[write.getFifo()] = processName(op);
    if (auto read = llvm::dyn_cast<FxStreamReadOp>(op))
      consumer[read.getFifo()] = processName(op);
  });
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "// The io_stream dataflow graph: processes and FIFOs (label: FIFO, "
        "transfers per inference x channels, depth).\n"
        "digraph dataflow {\n  rankdir=TB;\n  node [shape=box];\n";
  for (const std::string &p : processes)
    os << "  \"" << p << "\";\n";
  for (Operation &op : func.getBody().front()) {
    auto alloc = llvm::dyn_cast<memref::AllocOp>(op);
    if (!alloc || !alloc->hasAttr(kHlsStreamDepthAttr))
      continue;
    Value fifo = alloc.getResult();
    auto name = alloc->getAttrOfType<StringAttr>(kHlsNameAttr);
    os << "  \"" << producer.lookup(fifo) << "\" -> \"" << consumer.lookup(fifo)
       << "\" [label=\"" << (name ? name.getValue() : "fifo") << "\\n"
       << alloc.getType().getDimSize(0) << " x " << alloc.getType().getDimSize(1)
       << ", depth "
       << alloc->getAttrOfType<IntegerAttr>(kHlsStreamDepthAttr).getInt()
       << "\"];\n";
  }
  os << "}\n";
  return text;
}
