// Every verifier message of the activations (NNActivationOps.cpp), plus the
// shape and element-type rules they get from their traits.
// RUN: nn-opt %s -split-input-file -verify-diagnostics

func.func @prelu_slope_dim(%x: tensor<1x8x4x4xf32>, %s: tensor<4x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'nn.prelu' op slope shape [4, 1, 1] does not broadcast unidirectionally to the input shape [1, 8, 4, 4]}}
  %0 = nn.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<4x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// Aligned on the last dimension: a [C] slope does not reach the channel
// dimension of an NCHW input.
func.func @prelu_slope_misaligned(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'nn.prelu' op slope shape [8] does not broadcast unidirectionally to the input shape [1, 8, 4, 4]}}
  %0 = nn.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// Unidirectional: the slope may not widen the input, even where numpy
// broadcasting of the two would succeed.
func.func @prelu_slope_rank(%x: tensor<3xf32>, %s: tensor<2x3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'nn.prelu' op slope shape [2, 3] does not broadcast unidirectionally to the input shape [3]}}
  %0 = nn.prelu %x, %s : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @prelu_slope_expands_input(%x: tensor<1x3xf32>, %s: tensor<4x1xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'nn.prelu' op slope shape [4, 1] does not broadcast unidirectionally to the input shape [1, 3]}}
  %0 = nn.prelu %x, %s : (tensor<1x3xf32>, tensor<4x1xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @prelu_result_shape(%x: tensor<1x8x4x4xf32>, %s: tensor<8x1x1xf32>) -> tensor<1x8x4x5xf32> {
  // expected-error @+1 {{'nn.prelu' op result shape [1, 8, 4, 5] differs from the expected [1, 8, 4, 4]}}
  %0 = nn.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x5xf32>
  return %0 : tensor<1x8x4x5xf32>
}

// -----

func.func @prelu_mixed(%x: tensor<2x3xf32>, %s: tensor<3x!nn.fixed<8, 1>>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'nn.prelu' op mixes floating-point ('f32') and fixed-point ('!nn.fixed<8, 1>') values; insert the conversion explicitly}}
  %0 = nn.prelu %x, %s : (tensor<2x3xf32>, tensor<3x!nn.fixed<8, 1>>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @softmax_axis_too_large(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error @+1 {{'nn.softmax' op axis 3 is out of range for an input of rank 3; expected a value in [-3, 3)}}
  %0 = nn.softmax %x {axis = 3} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @softmax_axis_too_small(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error @+1 {{'nn.softmax' op axis -4 is out of range for an input of rank 3; expected a value in [-3, 3)}}
  %0 = nn.softmax %x {axis = -4} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// A scalar has no axis to normalize along, not even the default -1.
func.func @softmax_scalar(%x: tensor<f32>) -> tensor<f32> {
  // expected-error @+1 {{'nn.softmax' op axis -1 is out of range for an input of rank 0; expected a value in [0, 0)}}
  %0 = nn.softmax %x : tensor<f32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// The implementation is one of hls4ml's four.
func.func @softmax_unknown_implementation(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.softmax' op implementation "fast" is not one of "latency", "stable", "argmax", "legacy" (hls4ml's Softmax Implementation)}}
  %0 = nn.softmax %x {implementation = "fast"} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

// Table and sum types are fixed-point types (ODS).
func.func @softmax_float_table(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.softmax' op attribute 'exp_table_type' failed to satisfy constraint: type attribute of}}
  %0 = nn.softmax %x {exp_table_type = f32} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @softmax_shape(%x: tensor<1x10xf32>) -> tensor<10xf32> {
  // expected-error @+1 {{'nn.softmax' op requires the same shape for all operands and results}}
  %0 = nn.softmax %x : tensor<1x10xf32> -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

func.func @leaky_relu_shape(%x: tensor<1x16xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'nn.leaky_relu' op requires the same shape for all operands and results}}
  %0 = nn.leaky_relu %x : tensor<1x16xf32> -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @relu_float_types(%x: tensor<1x16xf32>) -> tensor<1x16xf16> {
  // expected-error @+1 {{'nn.relu' op mixes floating-point element types 'f32' and 'f16'}}
  %0 = nn.relu %x : tensor<1x16xf32> -> tensor<1x16xf16>
  return %0 : tensor<1x16xf16>
}

// -----

func.func @sigmoid_fixed_to_float(%x: tensor<1x16x!nn.fixed<16, 6>>) -> tensor<1x16xf32> {
  // expected-error @+1 {{'nn.sigmoid' op mixes floating-point ('f32') and fixed-point ('!nn.fixed<16, 6>') values; insert the conversion explicitly}}
  %0 = nn.sigmoid %x : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @clip_integer_bound(%x: tensor<1x16xf32>) -> tensor<1x16xf32> {
  // expected-error @+1 {{'nn.clip' op attribute 'min' failed to satisfy constraint: 32-bit float attribute}}
  %0 = nn.clip %x {min = 0 : i32} : tensor<1x16xf32> -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @gelu_approximate(%x: tensor<1x16xf32>) -> tensor<1x16xf32> {
  // expected-error @+1 {{'nn.gelu' op approximate "erf" is not one of "none", "tanh"}}
  %0 = nn.gelu %x {approximate = "erf"} : tensor<1x16xf32> -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @rsqrt_epsilon(%x: tensor<1x16xf32>) -> tensor<1x16xf32> {
  // expected-error @+1 {{'nn.rsqrt' op epsilon must be finite and non-negative, got -1.000000e-05}}
  %0 = nn.rsqrt %x {epsilon = -1.0e-05 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}
