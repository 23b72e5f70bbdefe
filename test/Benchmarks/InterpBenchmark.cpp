//===- InterpBenchmark.cpp - throughput of the reference interpreter ------===//
//
// Imports an ONNX model, canonicalizes it (which folds batch norms into the
// convolutions, as the compiler does) and evaluates it repeatedly on one
// input, printing inferences per second. Run by interp_benchmark.py, which
// compares the figures (and the outputs) with PyTorch.
//
// Usage: nn-interp-benchmark MODEL.onnx THREADS [SECONDS] [INPUT.bin
//        [OUTPUT.bin]]
//   INPUT.bin: the input as raw little-endian float32 (zeros-and-ones
//   pattern when absent); OUTPUT.bin receives the first result likewise.
//
//===----------------------------------------------------------------------===//

#include "nn/InitNNDialects.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Target/ONNX/ImportONNX.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace mlir;

int main(int argc, char **argv) {
  if (argc < 3) {
    llvm::errs() << "usage: " << argv[0]
                 << " MODEL.onnx THREADS [SECONDS] [INPUT.bin [OUTPUT.bin]]\n";
    return 2;
  }
  int threads = std::atoi(argv[2]);
  double seconds = argc > 3 ? std::atof(argv[3]) : 5.0;

  auto buffer = llvm::MemoryBuffer::getFile(argv[1], /*IsText=*/false);
  if (!buffer) {
    llvm::errs() << "cannot read " << argv[1] << "\n";
    return 1;
  }
  DialectRegistry registry;
  nn::registerAllDialects(registry);
  MLIRContext context(registry);
  OwningOpRef<ModuleOp> module = nn::importOnnxModel(**buffer, &context);
  if (!module)
    return 1;
  PassManager pm(&context);
  pm.addPass(createCanonicalizerPass());
  if (failed(pm.run(*module)))
    return 1;
  func::FuncOp func;
  module->walk([&](func::FuncOp f) {
    if (!func)
      func = f;
  });
  if (!func) {
    llvm::errs() << "no function in the imported module\n";
    return 1;
  }

  std::vector<nn::interp::Tensor> inputs;
  for (BlockArgument arg : func.getArguments()) {
    FailureOr<nn::interp::Tensor> t =
        nn::interp::makeTensor(arg.getType(), arg.getLoc());
    if (failed(t) || t->isFixed())
      return 1;
    for (size_t i = 0; i < t->f32().size(); ++i)
      t->f32()[i] = float(i % 7) / 7.0f - 0.5f;
    inputs.push_back(std::move(*t));
  }
  if (argc > 4) {
    FILE *in = std::fopen(argv[4], "rb");
    std::vector<float> &data = inputs.front().f32();
    if (!in || std::fread(data.data(), sizeof(float), data.size(), in) !=
                   data.size()) {
      llvm::errs() << "cannot read " << data.size() << " floats from "
                   << argv[4] << "\n";
      return 1;
    }
    std::fclose(in);
  }

  nn::interp::EvaluateOptions options;
  options.numThreads = threads;
  // One warm-up run, which also gives the output.
  // Constants are converted on the first run and reused, as nn-interp does
  // for the samples of a batch.
  nn::interp::Evaluator evaluator(func, options);
  auto outputs = evaluator.run(inputs);
  if (failed(outputs))
    return 1;
  if (argc > 5) {
    FILE *out = std::fopen(argv[5], "wb");
    const std::vector<float> &data = outputs->front().f32();
    if (!out ||
        std::fwrite(data.data(), sizeof(float), data.size(), out) !=
            data.size())
      return 1;
    std::fclose(out);
  }

  int runs = 0;
  auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  do {
    if (failed(evaluator.run(inputs)))
      return 1;
    ++runs;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                            start)
                  .count();
  } while (elapsed < seconds);
  llvm::outs() << llvm::format("%s: %d threads, %d runs in %.2f s, "
                               "%.2f inferences/s\n",
                               argv[1], threads, runs, elapsed,
                               runs / elapsed);
  return 0;
}
