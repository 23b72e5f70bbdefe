//===- InitNN.h - register nn and the upstream pieces it uses ---*- C++ -*-===//
//
// What nn-opt and nn-translate register, in one place so that another tool
// (or another MLIR compiler embedding nn) gets the same set.
//
//===----------------------------------------------------------------------===//

#ifndef NN_INITNN_H
#define NN_INITNN_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Affine/Transforms/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

#include "nn/Analysis/Passes.h"
#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/Transforms/Passes.h"

namespace nn {

/// The nn dialect and the upstream dialects its pipelines produce.
inline void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<NNDialect, mlir::func::FuncDialect, mlir::arith::ArithDialect,
                  mlir::affine::AffineDialect, mlir::scf::SCFDialect,
                  mlir::memref::MemRefDialect, mlir::tensor::TensorDialect,
                  mlir::math::MathDialect>();
}

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
