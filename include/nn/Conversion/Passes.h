//===- Passes.h - lowering passes of nn -------------------------*- C++ -*-===//

#ifndef NN_CONVERSION_PASSES_H
#define NN_CONVERSION_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "nn/Dialect/NN/IR/NNAttrNames.h"

#include <memory>

namespace nn {

#define GEN_PASS_DECL
#include "nn/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nn/Conversion/Passes.h.inc"

/// Registers the passes above and the `nn-lower-to-hls` pipeline.
void registerNNConversionPipelines();

} // namespace nn

#endif // NN_CONVERSION_PASSES_H
