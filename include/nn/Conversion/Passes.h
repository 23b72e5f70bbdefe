//===- Passes.h - lowering passes of nn -------------------------*- C++ -*-===//

#ifndef NN_CONVERSION_PASSES_H
#define NN_CONVERSION_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace nn {

#define GEN_PASS_DECL
#include "nn/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nn/Conversion/Passes.h.inc"

/// Registers the passes above and the `nn-lower-to-hls` pipeline.
void registerNNConversionPipelines();

/// Names of the discardable attributes of loop-level IR.
inline constexpr llvm::StringLiteral kHlsPipelineAttr = "nn.hls.pipeline_ii";
inline constexpr llvm::StringLiteral kHlsUnrollAttr = "nn.hls.unroll";
inline constexpr llvm::StringLiteral kHlsPartitionAttr =
    "nn.hls.array_partition";
inline constexpr llvm::StringLiteral kHlsOutputAttr = "nn.hls.output";
/// On a rom: Vitis' `ARRAY_RESHAPE` (e.g. "cyclic factor=4").
inline constexpr llvm::StringLiteral kHlsReshapeAttr = "nn.hls.array_reshape";
/// On a loop: at most this many multipliers in its body (Vitis'
/// `ALLOCATION operation instances=mul limit=N`).
inline constexpr llvm::StringLiteral kHlsMulLimitAttr = "nn.hls.mul_limit";
/// C++ name of a port, buffer, rom or loop label (the layer's name).
inline constexpr llvm::StringLiteral kHlsNameAttr = "nn.hls.name";
/// On the module: the FPGA part, the clock period in ns (f64) and the
/// project name, from the configuration's top-level `Part`, `ClockPeriod`
/// and `ProjectName` (set by --nn-quantize, read by the project writer).
inline constexpr llvm::StringLiteral kHlsPartAttr = "nn.hls.part";
inline constexpr llvm::StringLiteral kHlsClockPeriodAttr =
    "nn.hls.clock_period";
inline constexpr llvm::StringLiteral kHlsProjectNameAttr =
    "nn.hls.project_name";
/// On the module: the cost model's estimate of the design (est.json's text
/// and the table), recorded by --nn-estimate="attach=true" before the
/// lowering, written into the project by --emit-hls-project
/// (estimate.json, README.md).
inline constexpr llvm::StringLiteral kHlsEstimateAttr = "nn.hls.estimate";
inline constexpr llvm::StringLiteral kHlsEstimateTableAttr =
    "nn.hls.estimate_table";

} // namespace nn

#endif // NN_CONVERSION_PASSES_H
