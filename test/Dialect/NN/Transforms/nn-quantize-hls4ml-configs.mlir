// Configurations in the form hls4ml 1.x's generators write them
// (config_from_pytorch_model / config_from_onnx_model, backend Vitis), for
// an MLP with a batch norm: each accepted, each checked against the types
// and reuse factors derived by hand below from hls4ml's documented rules.
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/hls4ml-mlp-name-vitis.json report=%t.json" 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: FileCheck %s --check-prefix=NAME-REPORT < %t.json
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/hls4ml-mlp-type-cli.yml" 2>&1 | FileCheck %s --check-prefix=TYPE

// Granularity name (JSON, bare dictionary). Every "auto" with hls4ml's
// meaning: weights, biases, batch-norm scale/bias and non-multiplier
// results take the default fixed<16,6>; fc1's accumulator is lossless:
// input <16,6> x weight <16,6> = <32,12>; 4 products add ceil(log2 4) = 2
// bits = <34,14>; + bias <16,6>: I = max(14, 6) + 1 = 15, F = max(20, 10)
// = 20 -> <35,15>; fc1's auto result is its accumulator <35,15> (no
// maximum). Softmax: Implementation stable, exp_table and inv_table
// fixed<18,8,RND,SAT> (its own keys win over table fixed<18,8>), TableSize
// 1024; the hls4ml-only keys are remarks, none is a warning.
// NAME-NOT: warning
// NAME-DAG: remark: Model.ChannelsLastConversion: ignored
// NAME-DAG: remark: InputShape: ignored
// NAME-LABEL: func.func @mlp
// NAME-SAME: tensor<1x4x!nn.fixed<16, 6>>
// NAME: nn.constant {{.*}} -> tensor<3x4x!nn.fixed<16, 6>>
// NAME: nn.dense {{.*}}nn.accum_type = !nn.fixed<35, 15>, nn.reuse_factor = 1 : i64{{.*}} -> tensor<1x3x!nn.fixed<35, 15>>
// bn1 (standalone here: no --canonicalize) takes hls4ml's arithmetic:
// scale' = 1 / sqrt(1 + 1e-5) = 0.999995 at fixed<16,6> (x1024: 1023.99 ->
// 1023, TRN), bias' = 0; fc1's <35,15> x <16,6> = <51,21> exactly, + bias'
// rounded to the auto result's default <16,6>.
// NAME: nn.constant dense<1023> : tensor<3xi16> -> tensor<3x!nn.fixed<16, 6>>
// NAME: nn.constant dense<0> : tensor<3xi16> -> tensor<3x!nn.fixed<16, 6>>
// NAME: nn.mul {{.*}} -> tensor<1x3x!nn.fixed<51, 21>>
// NAME: nn.add {{.*}} -> tensor<1x3x!nn.fixed<16, 6>>
// NAME: nn.relu {{.*}} -> tensor<1x3x!nn.fixed<16, 6>>
// NAME: nn.softmax {{.*}}exp_table_type = !nn.fixed<18, 8, RND, SAT>, implementation = "stable", inv_table_type = !nn.fixed<18, 8, RND, SAT>, nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<18, 8>{{.*}} -> tensor<1x3x!nn.fixed<16, 6>>
// NAME-REPORT: "name": "sm",
// NAME-REPORT: "exp_table": {
// NAME-REPORT-NEXT: "value": "ap_fixed<18,8,AP_RND,AP_SAT>",
// NAME-REPORT-NEXT: "source": "LayerName.sm.Precision.exp_table"

// Granularity type, hls4ml's YAML CLI form. maximum fixed<24,12> bounds
// every auto: fc1's accumulator <35,15> -> <24,12> (width and integer bits
// at most the maximum's), and its result likewise. ReuseFactor 5 (Model and
// LayerType Dense: not a LayerName value, so adjusted as hls4ml does):
// n_in = 4, n_out = 3, latency: valid 1, 2, 3, 4, 6, 12; 4 and 6 are both 1
// away -> 4 (the smaller, hls4ml's tie rule), with a warning. Part,
// ClockPeriod and ProjectName become module attributes.
// TYPE: warning: loc("fc1"): layer 'fc1' (nn.dense): reuse factor 5 (HLSConfig.LayerType.Dense.ReuseFactor) is not valid for the latency strategy with n_in = 4, n_out = 3; using the closest valid value 4
// TYPE: module attributes {nn.hls.clock_period = 4.500000e+00 : f64, nn.hls.part = "xcvu13p-flga2577-2-e", nn.hls.project_name = "mlp_tagger"}
// TYPE: nn.dense {{.*}}nn.accum_type = !nn.fixed<24, 12>{{.*}}nn.reuse_factor = 4 : i64{{.*}} -> tensor<1x3x!nn.fixed<24, 12>>
// TYPE: nn.softmax {{.*}}exp_table_type = !nn.fixed<18, 8>, implementation = "stable", inv_table_type = !nn.fixed<18, 8>, nn.table_size = 512 : i64{{.*}} -> tensor<1x3x!nn.ufixed<16, 0>>
func.func @mlp(%x: tensor<1x4xf32> loc("x")) -> tensor<1x3xf32> {
  %w = nn.constant dense<0.5> : tensor<3x4xf32> loc("fc1.weight")
  %b = nn.constant dense<0.25> : tensor<3xf32> loc("fc1.bias")
  %y = nn.dense %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("fc1")
  %s = nn.constant dense<1.0> : tensor<3xf32> loc("bn1.weight")
  %t = nn.constant dense<0.0> : tensor<3xf32> loc("bn1.bias")
  %m = nn.constant dense<0.0> : tensor<3xf32> loc("bn1.running_mean")
  %v = nn.constant dense<1.0> : tensor<3xf32> loc("bn1.running_var")
  %n = nn.batch_norm %y, %s, %t, %m, %v : (tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("bn1")
  %r = nn.relu %n : tensor<1x3xf32> -> tensor<1x3xf32> loc("relu1")
  %o = nn.softmax %r {axis = 1 : i64} : tensor<1x3xf32> -> tensor<1x3xf32> loc("sm")
  return %o : tensor<1x3xf32>
}
