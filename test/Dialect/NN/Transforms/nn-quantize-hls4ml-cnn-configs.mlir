// Configurations in the form hls4ml 1.x's generators write them
// (config_from_pytorch_model / config_from_onnx_model) for a small CNN
// (Conv2D, ReLU, MaxPooling2D, Flatten, Dense, Softmax; PyTorch module
// names): granularity model, name without a backend, name with backend
// Vitis, and type with backend Vitis in the HLSConfig-wrapped form with
// create_config's project keys. Each is accepted and checked against the
// types and reuse factors derived by hand below from hls4ml's documented
// rules. The MLP ones are in nn-quantize-hls4ml-configs.mlir.
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/hls4ml-cnn-model.json" 2>&1 | FileCheck %s --check-prefix=MODEL
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/hls4ml-cnn-name.json" 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/hls4ml-cnn-name-vitis.json report=%t.json" 2>&1 | FileCheck %s --check-prefix=VITIS
// RUN: FileCheck %s --check-prefix=VITIS-REPORT < %t.json
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/hls4ml-cnn-type-vitis-wrapped.json" 2>&1 | FileCheck %s --check-prefix=TYPE

// Granularity model: every variable, accumulators included, takes the
// default ap_fixed<16,6> (hls4ml: the default precision applies to every
// type no level sets); ReuseFactor 1; the softmax keeps nn's defaults
// (stable, ap_ufixed<18,1,AP_RND,AP_SAT> tables, no `implementation`).
// MODEL-NOT: warning
// MODEL-LABEL: func.func @cnn
// MODEL: nn.conv {{.*}}nn.accum_type = !nn.fixed<16, 6>, nn.reuse_factor = 1 : i64{{.*}} -> tensor<1x2x4x4x!nn.fixed<16, 6>>
// MODEL: nn.dense {{.*}}nn.accum_type = !nn.fixed<16, 6>, nn.reuse_factor = 1 : i64{{.*}} -> tensor<1x3x!nn.fixed<16, 6>>
// MODEL: nn.softmax {{.*}}{axis = 1 : i64, exp_table_type = !nn.ufixed<18, 1, RND, SAT>, inv_table_type = !nn.ufixed<18, 1, RND, SAT>, nn.table_size = 1024 : i64}

// Granularity name without a backend: the plain layer classes have no
// accum (nor ReuseFactor, tables, softmax keys), so accumulators take the
// default <16,6>, and conv1's and fc1's "auto" results are their
// accumulators, <16,6>.
// NAME-NOT: warning
// NAME: nn.conv {{.*}}nn.accum_type = !nn.fixed<16, 6>{{.*}} -> tensor<1x2x4x4x!nn.fixed<16, 6>>
// NAME: nn.dense {{.*}}nn.accum_type = !nn.fixed<16, 6>{{.*}} -> tensor<1x3x!nn.fixed<16, 6>>

// Granularity name, backend Vitis: accum "auto" is lossless. conv1: 1
// channel x 3x3 kernel = 9 products of <16,6> x <16,6> = <32,12>, + ceil(
// log2 9) = 4 bits = <36,16>, + bias <16,6>: I = max(16, 6) + 1 = 17,
// F = max(20, 10) = 20 -> <37,17>; its auto result is the accumulator.
// fc1: 8 inputs: <32,12> + 3 bits = <35,15>, + bias -> I 16, F 20 ->
// <36,16>. relu1, pool1, flatten: auto -> the default <16,6>. Softmax:
// stable, exp_table and inv_table fixed<18,8,RND,SAT>, table fixed<18,8>,
// 1024 entries. ParallelizationFactor 1 and ConvImplementation LineBuffer
// are io_stream settings (remarks).
// VITIS-NOT: warning
// VITIS-DAG: remark: LayerName.conv1.ParallelizationFactor: ignored
// VITIS-DAG: remark: LayerName.pool1.ConvImplementation: ignored
// VITIS-LABEL: func.func @cnn
// VITIS: nn.conv {{.*}}nn.accum_type = !nn.fixed<37, 17>, nn.reuse_factor = 1 : i64{{.*}} -> tensor<1x2x4x4x!nn.fixed<37, 17>>
// VITIS: nn.relu {{.*}} -> tensor<1x2x4x4x!nn.fixed<16, 6>>
// VITIS: nn.max_pool {{.*}} -> tensor<1x2x2x2x!nn.fixed<16, 6>>
// VITIS: nn.flatten {{.*}} -> tensor<1x8x!nn.fixed<16, 6>>
// VITIS: nn.dense {{.*}}nn.accum_type = !nn.fixed<36, 16>, nn.reuse_factor = 1 : i64{{.*}} -> tensor<1x3x!nn.fixed<36, 16>>
// VITIS: nn.softmax {{.*}}{axis = 1 : i64, exp_table_type = !nn.fixed<18, 8, RND, SAT>, implementation = "stable", inv_table_type = !nn.fixed<18, 8, RND, SAT>, nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<18, 8>} : tensor<1x3x!nn.fixed<36, 16>> -> tensor<1x3x!nn.fixed<16, 6>>
// VITIS-REPORT: "name": "softmax",
// VITIS-REPORT: "implementation": {
// VITIS-REPORT-NEXT: "value": "stable",
// VITIS-REPORT-NEXT: "source": "LayerName.softmax.Implementation"
// VITIS-REPORT: "skipped": {
// VITIS-REPORT-NEXT: "value": false,

// Granularity type, backend Vitis, HLSConfig-wrapped with create_config's
// project keys: the same types as by name (Conv2D, Dense, MaxPooling2D,
// Reshape, Activation, Softmax, InputLayer entries). ReuseFactor 3: conv1
// has 9 x 2 = 18 products, fc1 8 x 3 = 24; 3 divides both, and the Latency
// strategy needs nothing more (hls4ml validates reuse factors for Resource
// only), so both keep 3 without a warning. Part, ClockPeriod and
// ProjectName become module attributes.
// TYPE-NOT: warning
// TYPE: module attributes {nn.hls.clock_period = 5.000000e+00 : f64, nn.hls.part = "xcvu13p-flga2577-2-e", nn.hls.project_name = "myproject"}
// TYPE: nn.conv {{.*}}nn.accum_type = !nn.fixed<37, 17>, nn.reuse_factor = 3 : i64{{.*}} -> tensor<1x2x4x4x!nn.fixed<37, 17>>
// TYPE: nn.dense {{.*}}nn.accum_type = !nn.fixed<36, 16>, nn.reuse_factor = 3 : i64{{.*}} -> tensor<1x3x!nn.fixed<36, 16>>
// TYPE: nn.softmax {{.*}}exp_table_type = !nn.fixed<18, 8, RND, SAT>, implementation = "stable", inv_table_type = !nn.fixed<18, 8, RND, SAT>, nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<18, 8>}
func.func @cnn(%x: tensor<1x1x6x6xf32> loc("x")) -> tensor<1x3xf32> {
  %w = nn.constant dense<0.5> : tensor<2x1x3x3xf32> loc("conv1.weight")
  %b = nn.constant dense<0.25> : tensor<2xf32> loc("conv1.bias")
  %c = nn.conv %x, %w, %b {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
      : (tensor<1x1x6x6xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32> loc("conv1")
  %r = nn.relu %c : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32> loc("relu1")
  %p = nn.max_pool %r {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32> loc("pool1")
  %f = nn.flatten %p : tensor<1x2x2x2xf32> -> tensor<1x8xf32> loc("flatten")
  %fw = nn.constant dense<0.125> : tensor<3x8xf32> loc("fc1.weight")
  %fb = nn.constant dense<0.5> : tensor<3xf32> loc("fc1.bias")
  %y = nn.dense %f, %fw, %fb : (tensor<1x8xf32>, tensor<3x8xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("fc1")
  %s = nn.softmax %y {axis = 1 : i64} : tensor<1x3xf32> -> tensor<1x3xf32> loc("softmax")
  return %s : tensor<1x3xf32>
}
