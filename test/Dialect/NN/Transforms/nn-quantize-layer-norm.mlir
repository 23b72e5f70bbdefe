// nn.layer_norm under nn-quantize: the defaults (accum: the default
// precision; table ap_ufixed<18,8,AP_RND,AP_SAT> of 1024 entries), hls4ml's
// table_range_power2 accepted with a warning, and the errors, each naming
// the layer. loops-layer-norm.mlir checks a configured layer's values.
// RUN: not nn-opt %s -split-input-file --nn-quantize 2>&1 | FileCheck %s
// RUN: echo '{"Model": {"Precision": "ap_fixed<16,6>"}, "LayerName": {"ln": {"table_range_power2": 3}}}' > %t.json
// RUN: not nn-opt %s -split-input-file --nn-quantize="config=%t.json" 2>&1 | FileCheck %s --check-prefix=RANGE
// RUN: not nn-opt %s -split-input-file --nn-quantize="default-precision=ap_fixed<40,10>" 2>&1 | FileCheck %s --check-prefix=WIDE

// CHECK-LABEL: func.func @defaults
// CHECK: nn.reduce_mean {{.*}} -> tensor<1x1x!nn.fixed<16, 6>>
// CHECK: nn.reduce_mean {{.*}} -> tensor<1x1x!nn.fixed<16, 6>>
// CHECK: nn.rsqrt {{.*}} {epsilon = 9.99999974E-6 : f32, nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<18, 8, RND, SAT>} : tensor<1x1x!nn.fixed<16, 6>> -> tensor<1x1x!nn.ufixed<18, 8, RND, SAT>>
// CHECK: nn.add {{.*}} -> tensor<1x4x!nn.fixed<16, 6>>
// RANGE: warning: LayerName.ln.table_range_power2: ignored, hls4ml's layer norm table range; nn's reciprocal square-root table covers every value of the layer's accum type (set accum to change it)
// x - mean of two ap_fixed<40,10> needs 41 bits (11 integer), its square 82.
// WIDE: error: loc("ln"): layer 'ln' (nn.layer_norm): the exact (x - mean)^2 needs 82 bits, more than 64 (input ap_fixed<40,10>, accum ap_fixed<40,10>, table ap_ufixed<18,8,AP_RND,AP_SAT>, scale ap_fixed<40,10>); give the layer narrower precisions
func.func @defaults(%x: tensor<1x4xf32> loc("x")) -> tensor<1x4xf32> {
  %s = nn.constant dense<[1.0, 2.0, 0.5, -1.0]> : tensor<4xf32> loc("ln.weight")
  %b = nn.constant dense<[0.0, 0.5, -0.25, 1.0]> : tensor<4xf32> loc("ln.bias")
  %y = nn.layer_norm %x, %s, %b : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32> loc("ln")
  return %y : tensor<1x4xf32>
}

// -----

// A layer norm of a constant.
// WIDE: error: loc("ln"): layer 'ln' (nn.layer_norm): its input is a float constant, not a layer's fixed-point result; nn quantizes layer norms of layers only
func.func @constant_input(%x: tensor<1x4xf32> loc("x")) -> tensor<1x4xf32> {
  %k = nn.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32> loc("k")
  %s = nn.constant dense<1.0> : tensor<4xf32> loc("ln.weight")
  %y = nn.layer_norm %k, %s, %s : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32> loc("ln")
  return %y : tensor<1x4xf32>
}

// -----

// A scale that is not a constant.
// WIDE: error: loc("ln"): layer 'ln' (nn.layer_norm): its scale and bias must be float constants to be quantized
func.func @runtime_scale(%x: tensor<1x4xf32> loc("x"), %s: tensor<4xf32> loc("s")) -> tensor<1x4xf32> {
  %y = nn.layer_norm %x, %s, %s : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32> loc("ln")
  return %y : tensor<1x4xf32>
}
