//===- InitNNDialects.h - the dialects nn uses ------------------*- C++ -*-===//
//
// The dialects nn's tools and translations register, apart from the passes
// (nn/InitNN.h), so that a library such as the ONNX importer or the HLS
// emitter needs no pass headers (and no generated pass declarations).
//
//===----------------------------------------------------------------------===//

#ifndef NN_INITNNDIALECTS_H
#define NN_INITNNDIALECTS_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"

#include "nn/Dialect/NN/IR/NNDialect.h"

namespace nn {

/// The nn dialect and the upstream dialects its pipelines produce.
inline void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<NNDialect, mlir::func::FuncDialect, mlir::arith::ArithDialect,
                  mlir::affine::AffineDialect, mlir::scf::SCFDialect,
                  mlir::memref::MemRefDialect, mlir::tensor::TensorDialect,
                  mlir::math::MathDialect>();
}

} // namespace nn

#endif // NN_INITNNDIALECTS_H
