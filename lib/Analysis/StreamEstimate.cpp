//===- StreamEstimate.cpp - the estimate of an io_stream design -----------===//
//
// --nn-estimate="io-type=stream" (docs/CostModel.md, "io_stream"): the
// layers' arithmetic is priced as for io_parallel (the same dot products,
// R and strategy per output pixel); what streaming adds is read from the
// design the lowering builds, not modelled again: a copy of the module is
// lowered with io-type=stream, its schedule simulated (StreamSchedule.h,
// the simulation that sizes the FIFOs), and
//   - each layer's II is its process's busy cycles per inference, the
//     design's interval the slowest process's, its latency the schedule's;
//   - each FIFO of depth D and width W bits (one transfer: C channels) is
//     a shift register (SRL: W x ceil(D / 32) LUTs) when Vitis' default
//     auto-SRL rule takes it (D <= 2 or D x W <= 1024 bits, UG1399
//     config_storage), else a memory of BRAM_18K blocks (bram18kFor);
//   - each line buffer (a row of its own) is registers (FF per bit) when
//     partitioned, else a memory of BRAM_18K blocks.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostModel.h"

#include "nn/Conversion/Passes.h"
#include "nn/Conversion/StreamSchedule.h"
#include "nn/Dialect/NN/IR/NNAttrNames.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/CIdentifier.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace nn;
using namespace nn::cost;

namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

int64_t bitsOf(MemRefType type) {
  return llvm::cast<FixedType>(type.getElementType()).getWidth();
}

} // namespace

Resources nn::cost::fifoResources(int64_t depth, int64_t width) {
  Resources r;
  if (depth <= 2 || depth * width <= 1024)
    r.lut = width * ceilDiv(depth, 32);
  else
    r.bram18k = bram18kFor(depth, width);
  return r;
}

FailureOr<Estimate> nn::cost::estimateStream(func::FuncOp func,
                                             const Options &options) {
  FailureOr<Estimate> e = estimate(func, options);
  if (failed(e))
    return failure();
  // The io_stream design of a copy; its warnings (fallbacks, partitions)
  // were the estimate's to give, errors still show.
  auto module = func->getParentOfType<ModuleOp>();
  OwningOpRef<ModuleOp> copy(module.clone());
  PassManager pm(module.getContext());
  NNLowerToLoopsOptions lowering;
  lowering.maxUnrollMults = options.limits.maxUnrollMults;
  lowering.maxPartition = options.limits.maxPartition;
  lowering.ioType = "stream";
  pm.addPass(createNNLowerToLoops(lowering));
  {
    ScopedDiagnosticHandler quiet(module.getContext(), [](Diagnostic &d) {
      return success(d.getSeverity() != DiagnosticSeverity::Error);
    });
    if (failed(pm.run(*copy)))
      return func.emitError("nn-estimate: the io_stream lowering of '")
             << func.getSymName() << "' failed (see the error above)";
  }
  auto lowered = copy->lookupSymbol<func::FuncOp>(func.getSymName());
  hls::StreamSchedule schedule = hls::simulateStream(lowered);

  // The function is no pipeline: its input ports are arrays an input
  // process reads, not the registers of io_parallel's pipelined function.
  for (auto it = e->layers.begin(); it != e->layers.end(); ++it)
    if (it->op == "ports") {
      e->total.ff -= it->res.ff;
      e->total.lut -= it->res.lut;
      e->layers.erase(it);
      break;
    }
  llvm::StringMap<LayerEstimate *> byProcess;
  for (LayerEstimate &l : e->layers)
    byProcess[cIdentifier(l.name) + "_proc"] = &l;
  for (const hls::ProcessSchedule &p : schedule.processes)
    if (LayerEstimate *l = byProcess.lookup(p.name); l && !l->unknown) {
      l->ii = std::max<int64_t>(p.busy, 1);
      l->latencyBest = l->latencyWorst = p.latency;
    }

  // Line buffers, one row each (after the layers).
  std::vector<LayerEstimate> lineBuffers;
  lowered.walk([&](memref::AllocOp alloc) {
    auto name = alloc->getAttrOfType<StringAttr>(kHlsNameAttr);
    if (!name || !name.getValue().ends_with("_linebuf"))
      return;
    MemRefType type = alloc.getType();
    LayerEstimate l;
    l.name = name.str();
    l.op = "line buffer";
    l.strategy = "-";
    l.latencyBest = l.latencyWorst = 0;
    l.ii = 1;
    if (alloc->hasAttr(kHlsPartitionAttr)) {
      l.structure = "registers";
      l.res.ff = type.getNumElements() * bitsOf(type);
    } else {
      l.structure = "memory";
      l.res.bram18k = bram18kFor(type.getNumElements(), bitsOf(type));
    }
    e->total += l.res;
    lineBuffers.push_back(l);
  });
  e->layers.insert(e->layers.end(), lineBuffers.begin(), lineBuffers.end());

  // The FIFOs, one row.
  LayerEstimate fifos;
  fifos.name = "fifos";
  fifos.op = "hls::stream";
  fifos.strategy = "-";
  int64_t srl = 0, bram = 0;
  for (const hls::FifoSchedule &f : schedule.fifos) {
    auto type = llvm::cast<MemRefType>(f.alloc->getResult(0).getType());
    int64_t depth =
        f.alloc->getAttrOfType<IntegerAttr>(kHlsStreamDepthAttr).getInt();
    Resources r = fifoResources(depth, type.getDimSize(1) * bitsOf(type));
    (r.bram18k ? bram : srl) += 1;
    fifos.res += r;
  }
  fifos.structure = std::to_string(srl) + "srl/" + std::to_string(bram) + "mem";
  e->total += fifos.res;
  e->layers.push_back(fifos);
  e->latencyBest = e->latencyWorst = schedule.latency;
  e->ii = std::max<int64_t>(schedule.interval, 1);
  return e;
}
