// Every verifier message of the layer ops.
// RUN: nn-opt %s -split-input-file -verify-diagnostics

func.func @dense_weight_rank(%x: tensor<1x4xf32>, %w: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.dense' op weight must have rank 2 ([out, in]), got rank 1}}
  %0 = nn.dense %x, %w : (tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @dense_scalar_input(%x: tensor<f32>, %w: tensor<3x4xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'nn.dense' op input must have rank >= 1, got a scalar tensor}}
  %0 = nn.dense %x, %w : (tensor<f32>, tensor<3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @dense_in_features(%x: tensor<1x5xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op weight shape [3, 4] expects 4 input features, but the input has 5}}
  %0 = nn.dense %x, %w : (tensor<1x5xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @dense_bias_shape(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op bias shape [4] must be [3]}}
  %0 = nn.dense %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @dense_result_shape(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.dense' op result shape [1, 4] differs from the expected [1, 3]}}
  %0 = nn.dense %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}
