//===- InitNN.h - register nn and the upstream pieces it uses ---*- C++ -*-===//
//
// What nn-opt and nn-translate register, in one place so that another tool
// (or another MLIR compiler embedding nn) gets the same set.
//
//===----------------------------------------------------------------------===//

#ifndef NN_INITNN_H
#define NN_INITNN_H

#include "mlir/Dialect/Affine/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Transforms/Passes.h"

#include "nn/InitNNDialects.h"

#include "nn/Analysis/Passes.h"
#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/Transforms/Passes.h"

namespace nn {

/// The generic MLIR passes (canonicalize, cse, inline, ...) and the loop
/// passes of the dialects above, and nn's own passes (NNTransforms).
inline void registerAllPasses() {
  mlir::registerTransformsPasses();
  mlir::affine::registerAffinePasses();
  mlir::registerSCFPasses();
  mlir::memref::registerMemRefPasses();
  registerNNPasses();
  registerNNConversionPipelines();
  registerNNAnalysisPasses();
}

} // namespace nn

#endif // NN_INITNN_H
