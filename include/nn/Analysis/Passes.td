//===- Passes.td - analysis passes of nn -------------------*- tablegen -*-===//

#ifndef NN_ANALYSIS_PASSES_TD
#define NN_ANALYSIS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNEstimate : Pass<"nn-estimate", "::mlir::ModuleOp"> {
  let summary = "estimate the resources and latency of the HLS design of a quantized network";
  let description = [{
    Prices every layer of a quantized nn network (reuse factors and
    strategies set, not yet lowered) as --nn-lower-to-hls would build it,
    from the same plan the lowering uses: DSP, LUT, FF, BRAM_18K and URAM,
    latency in cycles and initiation interval, per layer and in total with
    the utilisation of the part. Prints the table on stdout and writes
    `report` as JSON when given. The IR is not changed. The part and clock
    default to the module's `nn.hls.part` / `nn.hls.clock_period` (the
    configuration's `Part` / `ClockPeriod`), else hls4ml's defaults
    (xcvu13p-flga2577-2-e, 5 ns). An unknown part is an error listing the
    known ones; floating-point layers are an error (quantize first); an op
    without a model is a warning naming it, listed as unknown. The model
    and its calibration: docs/CostModel.md.

    Example:

    ```
    nn-opt model-fixed.mlir --nn-estimate="part=xcvu13p-flga2577-2-e clock-ns=5 report=est.json"
    ```
  }];
  let options = [
    Option<"part", "part", "std::string", /*default=*/"",
           "the FPGA part (default: nn.hls.part, else xcvu13p-flga2577-2-e)">,
    Option<"clockNs", "clock-ns", "double", /*default=*/"0",
           "the clock period in ns (default: nn.hls.clock_period, else 5)">,
    Option<"report", "report", "std::string", /*default=*/"",
           "write the estimate as JSON to this file">,
    Option<"maxUnrollMults", "max-unroll-mults", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the unroll limit the lowering will apply">,
    Option<"maxPartition", "max-partition", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the partition limit the lowering will apply">,
  ];
}

#endif // NN_ANALYSIS_PASSES_TD
