//===- Passes.td - nn dialect passes -----------------------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_TRANSFORMS_PASSES_TD
#define NN_DIALECT_NN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNQuantize : Pass<"nn-quantize", "::mlir::ModuleOp"> {
  let summary = "precision typing, reuse factor and strategy from an hls4ml-style configuration";
  let description = [{
    Turns a floating-point nn network into a fixed-point one, configured the
    way hls4ml is configured (docs/Quantization.md has the schema, the
    layer-type names, the precedence and the rules):

    - every floating-point tensor becomes `!nn.fixed`/`!nn.ufixed`: function
      arguments get their input precision (the `result` precision of the
      LayerName entry named after the argument, of LayerType `Input`, or of
      the Model), every op result its layer's `result` precision, and the
      function signature follows; data-movement ops (reshape, flatten,
      transpose, pad, resize, concat) keep their input's type;
    - weights and biases of `nn.dense`/`nn.conv` (scale/var and bias/mean of
      `nn.batch_norm`, the slope of `nn.prelu`) become fixed-point
      `nn.constant`s of the layer's `weight`/`bias` precision, quantized at
      compile time with nn::fx::quantize (the format's rounding and overflow
      modes); a `dense_resource` weight stays a blob, of raw integers;
      a constant used as data is a layer of type `Constant`;
    - `nn.dense`/`nn.conv` get `nn.accum_type` (the `accum` precision;
      `auto` is lossless: product format of input and weight, widened by
      ceil(log2(fan-in)) integer bits, plus the bias), `nn.reuse_factor` and
      `nn.strategy`; an invalid reuse factor is an error naming the nearest
      valid values;
    - table-based activations (sigmoid, tanh, softplus, elu, selu, gelu) get
      `nn.table_type`/`nn.table_size`: the configured `table` precision
      and `table_size`, or the defaults (1024 entries; the result type);
      softsign only when configured;
    - `nn.softmax` gets `nn.table_size`, its `implementation` (hls4ml's
      `Implementation`: latency, stable, argmax, legacy), its
      `exp_table_type`/`inv_table_type` (`exp_table`/`inv_table`, else
      `table`, else the implementation's default) and `accum_type` (an
      `accum` type; `auto` or none: the exact sum), an argmax one no table
      attributes; `Skip: true` removes it (its users read its input);
    - `nn.layer_norm` becomes hls4ml's LayerNormalization arithmetic:
      mean and variance (`nn.reduce_mean`) in the `accum` precision, the
      exact differences and products, an `nn.rsqrt` table (`table`,
      `table_size`; default ap_ufixed<18,8,AP_RND,AP_SAT>, 1024 entries),
      scale and bias of the `weight` (`scale`) and `bias` precisions.

    With `calibrate=data.npy`, the float network first runs on the samples
    of the data set (the reference interpreter) and every argument and op
    result whose precision no LayerName entry sets keeps its configured
    total width W but takes the integer bits I that hold the observed range
    (sign included) plus `margin`; weights and biases likewise from their
    own values (no margin). An `nn.qdq_type` attribute (the ONNX importer's
    record of a QuantizeLinear/DequantizeLinear pair) is an explicit
    precision.

    Precedence: LayerName > nn.qdq_type > calibration > LayerType > Model >
    pass options. With `report`,
    a JSON file lists every layer's choices and where each came from.

    Example:

    ```
    nn-opt model.mlir --nn-quantize="config=hls4ml.json report=precision.json"
    nn-opt model.mlir --nn-quantize="default-precision=ap_fixed<8,3> accum=auto default-reuse=2"
    nn-opt model.mlir --nn-quantize="default-precision=ap_fixed<10,6> accum=auto calibrate=samples.npy margin=1"
    ```
  }];
  let options = [
    Option<"configFile", "config", "std::string", /*default=*/"\"\"",
           "hls4ml configuration file (JSON: Model, LayerType, LayerName)">,
    Option<"defaultPrecision", "default-precision", "std::string",
           /*default=*/"\"ap_fixed<16,6>\"",
           "precision of every variable the configuration does not set">,
    Option<"defaultReuse", "default-reuse", "int64_t", /*default=*/"1",
           "reuse factor of layers the configuration does not set">,
    Option<"defaultStrategy", "default-strategy", "std::string",
           /*default=*/"\"latency\"",
           "strategy (latency or resource) of layers the configuration does not set">,
    Option<"accum", "accum", "std::string", /*default=*/"\"\"",
           "accumulator precision the configuration does not set: auto "
           "(lossless) or a type; empty: the default precision (hls4ml)">,
    Option<"reportFile", "report", "std::string", /*default=*/"\"\"",
           "write a JSON report of every layer's choices to this file">,
    ListOption<"calibrationFiles", "calibrate", "std::string",
           "calibration data (.npy or .pb, one per function argument, "
           "samples along a leading dimension N): result integer bits from "
           "the ranges the float network reaches on it">,
    Option<"margin", "margin", "int64_t", /*default=*/"1",
           "integer bits added to every calibrated result precision">,
  ];
  let dependentDialects = ["::nn::NNDialect"];
}

#endif // NN_DIALECT_NN_TRANSFORMS_PASSES_TD
