// Every diagnostic of the configuration file, with its full text. Errors
// point at the configuration file: line and column for JSON syntax errors,
// 0:0 (the whole file) for schema errors, whose message starts with the key
// path instead. Every error of a file is reported (AUTO_RESULT has two).

// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-top-key.json" 2>&1 | FileCheck %s --check-prefix=TOP_KEY
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-not-object.json" 2>&1 | FileCheck %s --check-prefix=NOT_OBJECT
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-syntax.json" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-model-key.json" 2>&1 | FileCheck %s --check-prefix=MODEL_KEY
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-layer-key.json" 2>&1 | FileCheck %s --check-prefix=LAYER_KEY
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-layer-name-not-object.json" 2>&1 | FileCheck %s --check-prefix=LAYER_NAME_NOT_OBJECT
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-layer-type-not-object.json" 2>&1 | FileCheck %s --check-prefix=LAYER_TYPE_NOT_OBJECT
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-level-not-object.json" 2>&1 | FileCheck %s --check-prefix=LEVEL_NOT_OBJECT
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-precision-var.json" 2>&1 | FileCheck %s --check-prefix=PRECISION_VAR
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-precision-kind.json" 2>&1 | FileCheck %s --check-prefix=PRECISION_KIND
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-precision-not-string.json" 2>&1 | FileCheck %s --check-prefix=PRECISION_NOT_STRING
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-malformed-object.json" 2>&1 | FileCheck %s --check-prefix=MALFORMED_OBJECT
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-malformed-string.json" 2>&1 | FileCheck %s --check-prefix=MALFORMED_STRING
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-malformed-mode.json" 2>&1 | FileCheck %s --check-prefix=MALFORMED_MODE
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-malformed-width.json" 2>&1 | FileCheck %s --check-prefix=MALFORMED_WIDTH
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-auto-result.json" 2>&1 | FileCheck %s --check-prefix=AUTO_RESULT
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-layer-type.json" 2>&1 | FileCheck %s --check-prefix=LAYER_TYPE
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-layer-name.json" 2>&1 | FileCheck %s --check-prefix=LAYER_NAME
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-weight-name.json" 2>&1 | FileCheck %s --check-prefix=WEIGHT_NAME
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-reuse-zero.json" 2>&1 | FileCheck %s --check-prefix=REUSE_ZERO
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-reuse-string.json" 2>&1 | FileCheck %s --check-prefix=REUSE_STRING
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-reuse-float.json" 2>&1 | FileCheck %s --check-prefix=REUSE_FLOAT
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-strategy.json" 2>&1 | FileCheck %s --check-prefix=STRATEGY
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-strategy-kind.json" 2>&1 | FileCheck %s --check-prefix=STRATEGY_KIND
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-table-size.json" 2>&1 | FileCheck %s --check-prefix=TABLE_SIZE
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-trace.json" 2>&1 | FileCheck %s --check-prefix=TRACE
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-bad-bram-factor.json" 2>&1 | FileCheck %s --check-prefix=BRAM_FACTOR
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/does-not-exist.json" 2>&1 | FileCheck %s --check-prefix=MISSING

// TOP_KEY: nn-quantize-bad-top-key.json:0:0: error: Modle: unknown top-level key; expected Model, LayerType, LayerName or HLSConfig, or one of hls4ml's project keys (Part, ClockPeriod, ProjectName, IOType, Backend, Version, OutputDir, OnnxModel, ...)
// NOT_OBJECT: nn-quantize-bad-not-object.json:0:0: error: the configuration must be an object (a JSON object or a YAML mapping), got array
// SYNTAX: nn-quantize-bad-syntax.json:2:14: error: invalid JSON: syntax error while parsing object separator - unexpected string literal; expected ':'
// MODEL_KEY: nn-quantize-bad-model-key.json:0:0: error: Model.Precison: unknown key; expected Precision, ReuseFactor, Strategy, BramFactor, TraceOutput, ChannelsLastConversion or TransposeOutputs
// LAYER_KEY: nn-quantize-bad-layer-key.json:0:0: error: LayerName.fc1.Reuse: unknown key; expected Precision, ReuseFactor, Strategy, TableSize (table_size), Trace, ParallelizationFactor, ConvImplementation, table_range_power2, Implementation or Skip
// LAYER_NAME_NOT_OBJECT: nn-quantize-bad-layer-name-not-object.json:0:0: error: LayerName: must be an object mapping layer names to settings, got ["fc1"]
// LAYER_TYPE_NOT_OBJECT: nn-quantize-bad-layer-type-not-object.json:0:0: error: LayerType: must be an object mapping layer types to settings, got "Dense"
// LEVEL_NOT_OBJECT: nn-quantize-bad-level-not-object.json:0:0: error: LayerName.fc1: must be an object, got 3
// PRECISION_VAR: nn-quantize-bad-precision-var.json:0:0: error: LayerType.Dense.Precision.wieght: unknown precision variable; expected default, result, weight, bias, accum, table, scale, exp_table, inv_table or inv_inp
// PRECISION_KIND: nn-quantize-bad-precision-kind.json:0:0: error: Model.Precision: must be a type string or an object, got 16
// PRECISION_NOT_STRING: nn-quantize-bad-precision-not-string.json:0:0: error: Model.Precision.weight: must be a type string, got 8
// MALFORMED_OBJECT: nn-quantize-bad-malformed-object.json:0:0: error: LayerName.fc1.Precision.weight: malformed type 'ap_fixd<8,3>'; expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W> with 1 <= W <= 64 and ap_fixed's mode names (Q: AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV; O: AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM)
// MALFORMED_STRING: nn-quantize-bad-malformed-string.json:0:0: error: Model.Precision: malformed type 'ap_fixed<8>'; expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W> with 1 <= W <= 64 and ap_fixed's mode names (Q: AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV; O: AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM)
// MALFORMED_MODE: nn-quantize-bad-malformed-mode.json:0:0: error: LayerType.Dense.Precision.bias: malformed type 'ap_fixed<8,3,AP_ROUND>'; expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W> with 1 <= W <= 64 and ap_fixed's mode names (Q: AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV; O: AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM)
// MALFORMED_WIDTH: nn-quantize-bad-malformed-width.json:0:0: error: Model.Precision.result: malformed type 'ap_fixed<65,3>'; expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W> with 1 <= W <= 64 and ap_fixed's mode names (Q: AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV; O: AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM)
// AUTO_RESULT: nn-quantize-bad-auto-result.json:0:0: error: Model.Precision: cannot be "auto"; it must be an explicit type (hls4ml: the default precision is what "auto" falls back to)
// AUTO_RESULT-NEXT: nn-quantize-bad-auto-result.json:0:0: error: Model.ReuseFactor: must be a positive integer, got 0
// LAYER_TYPE: nn-quantize-bad-layer-type.json:0:0: error: LayerType.Dens: unknown layer type; expected one of Activation, Add, AveragePooling1D, AveragePooling2D, BatchNormOnnx, BatchNormalization, Concatenate, Constant, Conv1D, Conv2D, Dense, ELU, Embedding, Flatten, GRU, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalPooling1D, GlobalPooling2D, HardActivation, Input, InputLayer, LSTM, LayerNormalization, LeakyReLU, MatMul, MaxPooling1D, MaxPooling2D, Maximum, Merge, Minimum, Multiply, PReLU, Pooling1D, Pooling2D, ReLU, Reshape, Resize, SimpleRNN, Softmax, Subtract, ThresholdedReLU, Transpose, ZeroPadding1D, ZeroPadding2D
// LAYER_NAME: nn-quantize-bad-layer-name.json:0:0: error: LayerName.fc9: no layer (op or function argument) of that name in the module; layers, closest first: 'fc1', 'sig', 'x'
// WEIGHT_NAME: nn-quantize-bad-weight-name.json:0:0: error: LayerName.fc1.weight: 'fc1.weight' is a weight constant; set the weight or bias precision of the layer that uses it
// REUSE_ZERO: nn-quantize-bad-reuse-zero.json:0:0: error: Model.ReuseFactor: must be a positive integer, got 0
// REUSE_STRING: nn-quantize-bad-reuse-string.json:0:0: error: LayerName.fc1.ReuseFactor: must be a positive integer, got "4"
// REUSE_FLOAT: nn-quantize-bad-reuse-float.json:0:0: error: LayerType.Dense.ReuseFactor: must be a positive integer, got 2.5
// STRATEGY: nn-quantize-bad-strategy.json:0:0: error: LayerType.Dense.Strategy: unknown strategy "Fast"; expected "Latency" or "Resource"
// STRATEGY_KIND: nn-quantize-bad-strategy-kind.json:0:0: error: Model.Strategy: unknown strategy 1; expected "Latency" or "Resource"
// TABLE_SIZE: nn-quantize-bad-table-size.json:0:0: error: LayerName.sig.table_size: must be a positive integer, got -1
// TRACE: nn-quantize-bad-trace.json:0:0: error: LayerName.fc1.Trace: must be true or false, got 1
// BRAM_FACTOR: nn-quantize-bad-bram-factor.json:0:0: error: Model.BramFactor: must be a positive integer, got 0
// MISSING: does-not-exist.json:0:0: error: the configuration file cannot be read: No such file or directory

func.func @net(%x: tensor<1x4xf32> loc("x")) -> tensor<1x3xf32> {
  %w = nn.constant dense<0.5> : tensor<3x4xf32> loc("fc1.weight")
  %b = nn.constant dense<0.25> : tensor<3xf32> loc("fc1.bias")
  %y = nn.dense %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("fc1")
  %s = nn.sigmoid %y : tensor<1x3xf32> -> tensor<1x3xf32> loc("sig")
  return %s : tensor<1x3xf32>
}
