// Every verifier message of the broadcasting binary ops
// (nn::verifyBroadcastResult and the float/fixed consistency rule of NNOps.cpp),
// checked on each op.
// RUN: nn-opt %s -split-input-file -verify-diagnostics

func.func @add_no_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'nn.add' op operand shapes [2, 3] and [4] do not broadcast}}
  %0 = nn.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @sub_no_broadcast(%a: tensor<1x8x4x4xf32>, %b: tensor<1x4x1x1xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'nn.sub' op operand shapes [1, 8, 4, 4] and [1, 4, 1, 1] do not broadcast}}
  %0 = nn.sub %a, %b : (tensor<1x8x4x4xf32>, tensor<1x4x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// Aligned on the last dimension: a [C] operand does not reach the channel
// dimension of NCHW.
func.func @mul_no_broadcast(%a: tensor<1x8x4x4xf32>, %b: tensor<8xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'nn.mul' op operand shapes [1, 8, 4, 4] and [8] do not broadcast}}
  %0 = nn.mul %a, %b : (tensor<1x8x4x4xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @div_no_broadcast(%a: tensor<3xf32>, %b: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'nn.div' op operand shapes [3] and [2] do not broadcast}}
  %0 = nn.div %a, %b : (tensor<3xf32>, tensor<2xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @max_no_broadcast(%a: tensor<2x1xf32>, %b: tensor<3x1xf32>) -> tensor<3x1xf32> {
  // expected-error @+1 {{'nn.max' op operand shapes [2, 1] and [3, 1] do not broadcast}}
  %0 = nn.max %a, %b : (tensor<2x1xf32>, tensor<3x1xf32>) -> tensor<3x1xf32>
  return %0 : tensor<3x1xf32>
}

// -----

func.func @min_no_broadcast(%a: tensor<5x!nn.fixed<8, 2>>, %b: tensor<4x!nn.fixed<8, 2>>) -> tensor<5x!nn.fixed<8, 2>> {
  // expected-error @+1 {{'nn.min' op operand shapes [5] and [4] do not broadcast}}
  %0 = nn.min %a, %b : (tensor<5x!nn.fixed<8, 2>>, tensor<4x!nn.fixed<8, 2>>) -> tensor<5x!nn.fixed<8, 2>>
  return %0 : tensor<5x!nn.fixed<8, 2>>
}

// -----

func.func @add_result_shape(%a: tensor<1x8x4x4xf32>, %b: tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32> {
  // expected-error @+1 {{'nn.add' op result shape [1, 8, 1, 1] differs from the broadcast shape [1, 8, 4, 4]}}
  %0 = nn.add %a, %b : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32>
  return %0 : tensor<1x8x1x1xf32>
}

// -----

// Rank-expanding broadcast: [3] with [2, 1, 3] gives [2, 1, 3], not the
// shape of either operand's trailing dimensions.
func.func @sub_rank_expanding(%a: tensor<3xf32>, %b: tensor<2x1x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'nn.sub' op result shape [2, 3] differs from the broadcast shape [2, 1, 3]}}
  %0 = nn.sub %a, %b : (tensor<3xf32>, tensor<2x1x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @mul_rank_expanding(%a: tensor<3xf32>, %b: tensor<2x1x3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'nn.mul' op result shape [3] differs from the broadcast shape [2, 1, 3]}}
  %0 = nn.mul %a, %b : (tensor<3xf32>, tensor<2x1x3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// Both operands broadcast: [2, 1] and [1, 5] give [2, 5].
func.func @div_result_shape(%a: tensor<2x1xf32>, %b: tensor<1x5xf32>) -> tensor<1x5xf32> {
  // expected-error @+1 {{'nn.div' op result shape [1, 5] differs from the broadcast shape [2, 5]}}
  %0 = nn.div %a, %b : (tensor<2x1xf32>, tensor<1x5xf32>) -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

// -----

func.func @max_result_shape(%a: tensor<4xf32>, %b: tensor<f32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.max' op result shape [1, 4] differs from the broadcast shape [4]}}
  %0 = nn.max %a, %b : (tensor<4xf32>, tensor<f32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @min_result_shape(%a: tensor<2x3x!nn.fixed<8, 2>>, %b: tensor<3x!nn.fixed<8, 2>>) -> tensor<3x!nn.fixed<8, 2>> {
  // expected-error @+1 {{'nn.min' op result shape [3] differs from the broadcast shape [2, 3]}}
  %0 = nn.min %a, %b : (tensor<2x3x!nn.fixed<8, 2>>, tensor<3x!nn.fixed<8, 2>>) -> tensor<3x!nn.fixed<8, 2>>
  return %0 : tensor<3x!nn.fixed<8, 2>>
}

// -----

func.func @add_float_types(%a: tensor<4xf32>, %b: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{'nn.add' op mixes floating-point element types 'f32' and 'f16'}}
  %0 = nn.add %a, %b : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// The result takes part in the rule too.
func.func @div_float_result(%a: tensor<4xf64>, %b: tensor<4xf64>) -> tensor<4xf32> {
  // expected-error @+1 {{'nn.div' op mixes floating-point element types 'f64' and 'f32'}}
  %0 = nn.div %a, %b : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @mul_float_fixed(%a: tensor<4xf32>, %b: tensor<4x!nn.fixed<8, 1>>) -> tensor<4xf32> {
  // expected-error @+1 {{'nn.mul' op mixes floating-point ('f32') and fixed-point ('!nn.fixed<8, 1>') values; insert the conversion explicitly}}
  %0 = nn.mul %a, %b : (tensor<4xf32>, tensor<4x!nn.fixed<8, 1>>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @sub_fixed_to_float(%a: tensor<4x!nn.fixed<16, 6>>, %b: tensor<4x!nn.ufixed<8, 0>>) -> tensor<4xbf16> {
  // expected-error @+1 {{'nn.sub' op mixes floating-point ('bf16') and fixed-point ('!nn.fixed<16, 6>') values; insert the conversion explicitly}}
  %0 = nn.sub %a, %b : (tensor<4x!nn.fixed<16, 6>>, tensor<4x!nn.ufixed<8, 0>>) -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

func.func @max_float_fixed(%a: tensor<4x!nn.fixed<16, 6>>, %b: tensor<4xf32>) -> tensor<4x!nn.fixed<16, 6>> {
  // expected-error @+1 {{'nn.max' op mixes floating-point ('f32') and fixed-point ('!nn.fixed<16, 6>') values; insert the conversion explicitly}}
  %0 = nn.max %a, %b : (tensor<4x!nn.fixed<16, 6>>, tensor<4xf32>) -> tensor<4x!nn.fixed<16, 6>>
  return %0 : tensor<4x!nn.fixed<16, 6>>
}

// -----

func.func @min_float_fixed(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4x!nn.fixed<16, 6>> {
  // expected-error @+1 {{'nn.min' op mixes floating-point ('f32') and fixed-point ('!nn.fixed<16, 6>') values; insert the conversion explicitly}}
  %0 = nn.min %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4x!nn.fixed<16, 6>>
  return %0 : tensor<4x!nn.fixed<16, 6>>
}
