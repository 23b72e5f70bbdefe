//===- ImportBenchmark.cpp - time and memory of the ONNX import -----------===//
//
// Imports one model, best of N runs, and prints the wall time of the import
// (parse, checker, conversion, shape inference, nn ops, verification) and
// the process's peak resident memory against the file size. One model per
// process, so that the peak belongs to that model alone.
//
// Usage: nn-import-benchmark MODEL.onnx [RUNS]
//
//===----------------------------------------------------------------------===//

#include "nn/InitNNDialects.h"
#include "nn/Target/ONNX/ImportONNX.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/resource.h>

#include <chrono>

static double peakRssMiB() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0; // KiB on Linux
}

int main(int argc, char **argv) {
  if (argc < 2) {
    llvm::errs() << "usage: " << argv[0] << " MODEL.onnx [RUNS]\n";
    return 2;
  }
  int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  double baseline = peakRssMiB();
  double best = 1e30;
  uint64_t fileBytes = 0;
  size_t ops = 0;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    auto buffer = llvm::MemoryBuffer::getFile(argv[1], /*IsText=*/false);
    if (!buffer) {
      llvm::errs() << "cannot read " << argv[1] << "\n";
      return 1;
    }
    fileBytes = (*buffer)->getBufferSize();
    mlir::DialectRegistry registry;
    nn::registerAllDialects(registry);
    mlir::MLIRContext context(registry);
    mlir::OwningOpRef<mlir::ModuleOp> module =
        nn::importOnnxModel(**buffer, &context);
    if (!module)
      return 1;
    double seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - start)
                         .count();
    best = std::min(best, seconds);
    ops = 0;
    module->walk([&](mlir::Operation *) { ++ops; });
  }
  double fileMiB = fileBytes / (1024.0 * 1024.0);
  double peak = peakRssMiB();
  llvm::outs() << llvm::format(
      "%s: %.1f MiB, %zu ops, import %.3f s (best of %d), peak RSS %.1f MiB "
      "(%.1f MiB before import; growth %.2fx the file size)\n",
      argv[1], fileMiB, ops, best, runs, peak, baseline,
      (peak - baseline) / std::max(fileMiB, 1e-9));
  return 0;
}
