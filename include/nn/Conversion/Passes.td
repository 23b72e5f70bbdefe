//===- Passes.td - lowering passes of nn -------------------*- tablegen -*-===//

#ifndef NN_CONVERSION_PASSES_TD
#define NN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNLowerToLoops : Pass<"nn-lower-to-loops", "::mlir::ModuleOp"> {
  let summary = "lower quantized nn layers on tensors to affine loops on memrefs with HLS directives";
  let description = [{
    Rewrites every function of fixed-point nn ops into a function on memrefs
    (inputs, then one out-parameter per result, marked `nn.hls.output`) whose
    body is affine loops over scalar `nn.fx` ops, with HLS directives as
    discardable attributes (`nn.hls.pipeline_ii`, `nn.hls.unroll`,
    `nn.hls.array_partition`, `nn.hls.array_reshape`, `nn.hls.mul_limit`;
    names in `nn.hls.name`). Weights become `nn.fx.rom` buffers.
    The reuse factor and strategy of each dense and conv layer decide its
    loop structure (see docs/Lowering.md); lookup-table activations and
    softmax read the interpreter's tables from nn.fx.rom buffers. The ops
    covered are listed in docs/Lowering.md; any other op, and
    floating-point values, are errors naming the op and its layer.
    With `io-type=stream` the function becomes a DATAFLOW region
    (`nn.hls.dataflow`): one process loop per layer and port, connected by
    FIFOs (`nn.hls.stream_depth`, `nn.fx.stream_write`/`stream_read`) whose
    depths come from a simulated schedule (docs/Lowering.md, "io_stream").

    Example:

    ```
    nn-opt model-fixed.mlir --nn-lower-to-loops="max-unroll-mults=4096"
    ```
  }];
  let options = [
    Option<"maxUnrollMults", "max-unroll-mults", "int64_t", /*default=*/"4096",
           "the most copies one unrolled region may make: multiplications of "
           "a dense/conv step (per output position) or of a reuse step, "
           "elements of an element-wise op, pool or softmax; above it a "
           "warning naming the layer and a rolled, pipelined structure">,
    Option<"maxPartition", "max-partition", "int64_t", /*default=*/"4096",
           "buffers and ports with more elements than this are not "
           "partitioned completely (Vitis HLS refuses more than 4096 "
           "registers): a warning, and a memory">,
    Option<"ioType", "io-type", "std::string", /*default=*/"\"parallel\"",
           "hls4ml's IOType: `parallel` (one function, arrays in registers) "
           "or `stream` (one process per layer connected by hls::stream "
           "FIFOs of packed channel vectors in a DATAFLOW region)">,
  ];
  let dependentDialects = ["::nn::NNDialect", "::mlir::affine::AffineDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect"];
}

def NNCheckHlsLimits : Pass<"nn-check-hls-limits", "::mlir::ModuleOp"> {
  let summary = "check that no operation of loop-level IR is unrolled more than a limit";
  let description = [{
    Vitis HLS unrolls a loop marked `nn.hls.unroll` and every loop inside a
    pipelined loop or function (`nn.hls.pipeline_ii`). This pass computes,
    for every operation of a lowered function, how many copies of it that
    makes (the product of the trip counts of its unrolled enclosing loops)
    and reports an error naming the operation and its innermost loop when
    it exceeds `max-unroll` (the unroll limit of --nn-lower-to-hls, 4096 by
    default: a layer must never ask for more than that many multipliers or
    element copies at once). The `nn-lower-to-hls` pipeline runs it last,
    so a lowering that breaks the rule fails instead of emitting code the
    HLS tool cannot build.

    Example:

    ```
    nn-opt loops.mlir --nn-check-hls-limits="max-unroll=4096"
    ```
  }];
  let options = [
    Option<"maxUnroll", "max-unroll", "int64_t", /*default=*/"4096",
           "the largest number of copies unrolling may make of one operation">,
  ];
}

#endif // NN_CONVERSION_PASSES_TD
