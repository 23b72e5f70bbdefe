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
    Option<"attach", "attach", "bool", /*default=*/"false",
           "record the estimate on the module (nn.hls.estimate): "
           "--emit-hls-project then writes estimate.json and README.md">,
    Option<"maxUnrollMults", "max-unroll-mults", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the unroll limit the lowering will apply">,
    Option<"maxPartition", "max-partition", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the partition limit the lowering will apply">,
    Option<"ioType", "io-type", "std::string", /*default=*/"\"parallel\"",
           "as --nn-lower-to-hls: `parallel` or `stream` (FIFOs, line "
           "buffers and per-process II from the simulated dataflow "
           "schedule)">,
  ];
  // io-type=stream lowers a copy of the module.
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def NNAnnotateReuse : Pass<"nn-annotate-reuse", "::mlir::ModuleOp"> {
  let summary = "choose each dense/conv layer's reuse factor to fit a hardware budget";
  let description = [{
    Sets `nn.reuse_factor` on the dense and conv layers of a quantized
    network so that the cost model's estimate (--nn-estimate) fits a budget,
    with the least latency (`objective=latency`) or the least initiation
    interval of the slowest layer (`objective=ii`). Only reuse factors valid
    for the layer's strategy whose structure needs no fallback (nothing
    rolled, docs/Lowering.md) are candidates. A layer whose reuse factor is
    not 1 keeps it (the configuration chose it) unless `override=true`.
    The search starts every free layer at its smallest candidate and, while
    the estimate exceeds the budget, raises the reuse factor that saves the
    most budget per cycle of latency. It prints, per layer, the candidates
    considered, the chosen reuse factor and its cost, and fails with a
    diagnostic naming the smallest achievable cost when the budget cannot be
    met. The model and the search: docs/CostModel.md.

    Example:

    ```
    nn-opt model-fixed.mlir --nn-annotate-reuse="budget=dsp:1000" --nn-lower-to-hls
    ```
  }];
  let options = [
    Option<"part", "part", "std::string", /*default=*/"",
           "the FPGA part (default: nn.hls.part, else xcvu13p-flga2577-2-e)">,
    Option<"clockNs", "clock-ns", "double", /*default=*/"0",
           "the clock period in ns (default: nn.hls.clock_period, else 5)">,
    Option<"budget", "budget", "std::string", /*default=*/"",
           "resource limits as dsp:N,lut:N,ff:N,bram:N (any subset)">,
    Option<"maxUtilization", "max-utilization", "double", /*default=*/"0",
           "a fraction in (0, 1] of every resource of the part (with "
           "budget: the smaller of the two per resource)">,
    Option<"objective", "objective", "std::string", /*default=*/"\"latency\"",
           "latency (the design's latency) or ii (the slowest layer's II)">,
    Option<"override", "override", "bool", /*default=*/"false",
           "also choose the reuse factor of layers whose reuse factor is "
           "not 1">,
    Option<"maxUnrollMults", "max-unroll-mults", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the unroll limit the lowering will apply">,
    Option<"maxPartition", "max-partition", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the partition limit the lowering will apply">,
  ];
}

def NNPrune : Pass<"nn-prune", "::mlir::ModuleOp"> {
  let summary = "remove the least important neurons and filters to fit a hardware budget";
  let description = [{
    Structured pruning after training, on quantized nn IR (after
    --nn-quantize, reuse factors set): removes whole output units of dense
    layers (`neuron`) and conv layers (`filter`) with everything that
    carries them (activations, batch norm parameters, pools, flatten
    index maps) and the weights of the next dense/conv layers that read
    them, until the cost model's estimate (--nn-estimate) fits `budget`
    (or, with `ratio=R`, (1 - R) of the unpruned estimate's DSPs). Each
    unit's value is its `importance` (`magnitude`: the norms of its own and
    of its outgoing weights; `activation`: the mean magnitude of its output
    on the calibration data, run by the bit-accurate interpreter, times the
    norm of its outgoing weights; `reconstruction`: the error its removal
    adds to the reading layers' refit outputs, in the order of a greedy
    elimination; `sensitivity`: the mean squared change
    of the network's outputs on the calibration data when the unit alone
    is removed) and its cost the cost model's price of
    its share of its layer and of the layers reading it; the units to keep
    are chosen by a knapsack (exact dynamic programming or branch and
    bound, else greedy: docs/Pruning.md), the estimate of the result is
    checked and the capacity corrected until it fits. With calibration
    data the reading layers are refit by least squares (`reconstruct`):
    their kept weights absorb the removed units' linear prediction from the
    kept ones, their biases the removed units' mean contribution.
    Layers whose units meet at an element-wise op (a residual add) are
    pruned together, the same units from each; layers whose units reach
    the network's output, a concat or any other op are left whole (the
    report says why). Reuse factors that the
    new sizes make invalid move to the nearest valid one (above first).

    Example:

    ```
    nn-opt model-fixed.mlir --nn-prune="budget=dsp:500 importance=activation calibrate=calib.npy report=prune.json"
    ```
  }];
  let options = [
    Option<"budget", "budget", "std::string", /*default=*/"",
           "resource limits as dsp:N,lut:N,ff:N,bram:N (any subset)">,
    Option<"ratio", "ratio", "double", /*default=*/"0",
           "without budget: keep (1 - ratio) of the estimated DSPs">,
    Option<"granularity", "granularity", "std::string",
           /*default=*/"\"neuron,filter\"",
           "what may be removed: neuron (dense units), filter (conv units), "
           "pattern (the weights one multiplier computes across the reuse "
           "steps, zeroed)">,
    Option<"importance", "importance", "std::string",
           /*default=*/"\"magnitude\"",
           "magnitude (weights only), activation, reconstruction or "
           "sensitivity (the last three need calibrate)">,
    ListOption<"calibrate", "calibrate", "std::string",
               "calibration inputs, one .npy per function argument (N "
               "samples): activation statistics and bias correction">,
    Option<"reconstruct", "reconstruct", "bool", /*default=*/"true",
           "with calibrate: refit the reading layers' weights by least "
           "squares on the calibration data (false: bias correction only)">,
    Option<"ridge", "ridge", "double", /*default=*/"0.01",
           "reconstruction's ridge, relative to the kept inputs' mean "
           "variance">,
    Option<"report", "report", "std::string", /*default=*/"",
           "write what was removed as JSON to this file">,
    Option<"part", "part", "std::string", /*default=*/"",
           "the FPGA part (default: nn.hls.part, else xcvu13p-flga2577-2-e)">,
    Option<"clockNs", "clock-ns", "double", /*default=*/"0",
           "the clock period in ns (default: nn.hls.clock_period, else 5)">,
    Option<"maxUnrollMults", "max-unroll-mults", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the unroll limit the lowering will apply">,
    Option<"maxPartition", "max-partition", "int64_t", /*default=*/"4096",
           "as --nn-lower-to-hls: the partition limit the lowering will apply">,
  ];
}

#endif // NN_ANALYSIS_PASSES_TD
