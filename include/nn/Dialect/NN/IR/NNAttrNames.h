//===- NNAttrNames.h - discardable attributes of the nn dialect -*- C++ -*-===//
//
// The one list of the discardable attributes nn's passes put on ops,
// function arguments and the module. The dialect verifies every one of them
// (NNDialect::verifyOperationAttribute, verifyRegionArgAttribute), so that
// a pass, the interpreter or the emitter may rely on their form: the emitter
// writes some of them into pragmas.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNATTRNAMES_H
#define NN_DIALECT_NN_IR_NNATTRNAMES_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace nn {

// Set by --nn-quantize on nn ops (docs/Quantization.md).
/// Reuse factor of an op with multipliers: i64 > 0, valid for its strategy.
inline constexpr llvm::StringLiteral kReuseFactorAttrName = "nn.reuse_factor";
/// Strategy of an op with multipliers: "latency" or "resource".
inline constexpr llvm::StringLiteral kStrategyAttrName = "nn.strategy";
/// Accumulator type of an op with multipliers: a fixed-point TypeAttr.
inline constexpr llvm::StringLiteral kAccumTypeAttrName = "nn.accum_type";
/// Lookup-table size of a table-based activation: i64 > 0.
inline constexpr llvm::StringLiteral kTableSizeAttrName = "nn.table_size";
/// Lookup-table element type of a table-based activation: fixed TypeAttr.
inline constexpr llvm::StringLiteral kTableTypeAttrName = "nn.table_type";

// Set by --nn-lower-to-hls on loop-level IR (docs/Lowering.md), read by the
// loop interpreter and the HLS emitter.
/// On an affine.for or the function: Vitis' `PIPELINE II=N`, i64 > 0.
inline constexpr llvm::StringLiteral kHlsPipelineAttr = "nn.hls.pipeline_ii";
/// On an affine.for: `UNROLL` (i64 0) or `UNROLL factor=N` (i64 N > 0).
inline constexpr llvm::StringLiteral kHlsUnrollAttr = "nn.hls.unroll";
/// On a buffer (memref.alloc), a rom (nn.fx.rom) or a function argument:
/// Vitis' `ARRAY_PARTITION` (an ArrayDirective string, below).
inline constexpr llvm::StringLiteral kHlsPartitionAttr =
    "nn.hls.array_partition";
/// On a function argument: the argument is an output (unit).
inline constexpr llvm::StringLiteral kHlsOutputAttr = "nn.hls.output";
/// On a rom: Vitis' `ARRAY_RESHAPE` (an ArrayDirective string).
inline constexpr llvm::StringLiteral kHlsReshapeAttr = "nn.hls.array_reshape";
/// On a loop: at most this many multipliers in its body (Vitis'
/// `ALLOCATION operation instances=mul limit=N`).
inline constexpr llvm::StringLiteral kHlsMulLimitAttr = "nn.hls.mul_limit";
/// io_stream (--nn-lower-to-hls="io-type=stream"): on a func.func, Vitis'
/// `DATAFLOW` (unit); its top-level loops are the processes.
inline constexpr llvm::StringLiteral kHlsDataflowAttr = "nn.hls.dataflow";
/// On a memref.alloc: the buffer is a FIFO (`hls::stream`) of this depth,
/// i64 > 0 (Vitis' `STREAM depth=N`).
inline constexpr llvm::StringLiteral kHlsStreamDepthAttr =
    "nn.hls.stream_depth";
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
/// and the table, strings), recorded by --nn-estimate="attach=true" before
/// the lowering, written into the project by --emit-hls-project
/// (estimate.json, README.md).
inline constexpr llvm::StringLiteral kHlsEstimateAttr = "nn.hls.estimate";
inline constexpr llvm::StringLiteral kHlsEstimateTableAttr =
    "nn.hls.estimate_table";

/// The value of nn.hls.array_partition / nn.hls.array_reshape: "complete",
/// or "cyclic factor=N" / "block factor=N" with N > 0.
struct ArrayDirective {
  enum class Kind { Complete, Cyclic, Block } kind = Kind::Complete;
  int64_t factor = 0; // 0 for complete
};
/// Parses an ArrayDirective string; nullopt for anything else.
std::optional<ArrayDirective> parseArrayDirective(llvm::StringRef text);

} // namespace nn

#endif // NN_DIALECT_NN_IR_NNATTRNAMES_H
