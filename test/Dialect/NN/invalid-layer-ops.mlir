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

// -----

//===----------------------------------------------------------------------===//
// nn.conv
//===----------------------------------------------------------------------===//

func.func @conv_input_rank(%x: tensor<1x3x4x4x4xf32>, %w: tensor<2x3x1x1x1xf32>) -> tensor<1x2x4x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op input must have rank 3 ([N, C, W]) or 4 ([N, C, H, W]), got rank 5}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1>} : (tensor<1x3x4x4x4xf32>, tensor<2x3x1x1x1xf32>) -> tensor<1x2x4x4x4xf32>
  return %0 : tensor<1x2x4x4x4xf32>
}

// -----

func.func @conv_weight_rank(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x1xf32>) -> tensor<1x2x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op weight must have rank 4 ([M, C/group, kernel...], like the input), got rank 3}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>, tensor<2x3x1xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

func.func @conv_strides_length(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op strides must have 2 values (one per spatial dimension), got 1}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

func.func @conv_strides_positive(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op strides must be positive, got [1, 0]}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 0>} : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

func.func @conv_pads_length(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op pads must have 4 values (the begin pads of every spatial dimension, then the end pads), got 2}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

func.func @conv_pads_negative(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op pads must be non-negative, got [0, -1, 0, 1]}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, -1, 0, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

func.func @conv_dilations_length(%x: tensor<1x3x4xf32>, %w: tensor<2x3x1xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+1 {{'nn.conv' op dilations must have 1 values (one per spatial dimension), got 2}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4xf32>, tensor<2x3x1xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

func.func @conv_dilations_positive(%x: tensor<1x3x4xf32>, %w: tensor<2x3x1xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+1 {{'nn.conv' op dilations must be positive, got [0]}}
  %0 = nn.conv %x, %w {dilations = array<i64: 0>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4xf32>, tensor<2x3x1xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

func.func @conv_group_positive(%x: tensor<1x3x4xf32>, %w: tensor<2x3x1xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+1 {{'nn.conv' op group must be positive, got 0}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1>, group = 0 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4xf32>, tensor<2x3x1xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

func.func @conv_group_input_channels(%x: tensor<1x3x4xf32>, %w: tensor<2x1x1xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+1 {{'nn.conv' op group 2 does not divide the 3 input channels}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4xf32>, tensor<2x1x1xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

func.func @conv_group_output_channels(%x: tensor<1x4x4xf32>, %w: tensor<3x2x1xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'nn.conv' op group 2 does not divide the 3 output channels (weight dimension 0)}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x4x4xf32>, tensor<3x2x1xf32>) -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

func.func @conv_weight_channels(%x: tensor<1x6x4x4xf32>, %w: tensor<4x6x1x1xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op weight shape [4, 6, 1, 1] must have 3 input channels per group in dimension 1 (6 channels / group 2)}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x6x4x4xf32>, tensor<4x6x1x1xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @conv_empty_kernel(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x0x1xf32>) -> tensor<1x2x5x4xf32> {
  // expected-error @+1 {{'nn.conv' op weight kernel dimensions must be positive, got weight shape [2, 3, 0, 1]}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>, tensor<2x3x0x1xf32>) -> tensor<1x2x5x4xf32>
  return %0 : tensor<1x2x5x4xf32>
}

// -----

func.func @conv_bias_shape(%x: tensor<1x3x4xf32>, %w: tensor<2x3x1xf32>, %b: tensor<3xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+1 {{'nn.conv' op bias shape [3] must be [2]}}
  %0 = nn.conv %x, %w, %b {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4xf32>, tensor<2x3x1xf32>, tensor<3xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

// Dilated extent 2*(3-1) + 1 = 5 > 4 + 0 + 0.
func.func @conv_kernel_too_large(%x: tensor<1x3x4xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x2x1xf32> {
  // expected-error @+1 {{'nn.conv' op dilated kernel extent 5 exceeds the padded input extent 4 in dimension 2 of the input}}
  %0 = nn.conv %x, %w {dilations = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4xf32>, tensor<2x3x3xf32>) -> tensor<1x2x1xf32>
  return %0 : tensor<1x2x1xf32>
}

// -----

func.func @conv_overflow(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32> {
  // expected-error @+1 {{'nn.conv' op window arithmetic overflows in dimension 3 of the input}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 9223372036854775807>, strides = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

// floor((8 + 1 + 1 - 2 - 1) / 2) + 1 = 4, and M = 4.
func.func @conv_result_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x5x4xf32> {
  // expected-error @+1 {{'nn.conv' op result shape [1, 4, 5, 4] differs from the expected [1, 4, 4, 4]}}
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x4xf32>
  return %0 : tensor<1x4x5x4xf32>
}

// -----

func.func @conv_missing_attribute(%x: tensor<1x3x4xf32>, %w: tensor<2x3x1xf32>) -> tensor<1x2x4xf32> {
  // expected-error @+1 {{'nn.conv' op requires attribute 'dilations'}}
  %0 = nn.conv %x, %w {pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4xf32>, tensor<2x3x1xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// nn.batch_norm
//===----------------------------------------------------------------------===//

func.func @batch_norm_rank(%x: tensor<4xf32>, %c: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'nn.batch_norm' op input must have rank >= 2 ([N, C, ...]), got rank 1}}
  %0 = nn.batch_norm %x, %c, %c, %c, %c : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @batch_norm_scale(%x: tensor<1x3x2x2xf32>, %c: tensor<3xf32>, %s: tensor<2xf32>) -> tensor<1x3x2x2xf32> {
  // expected-error @+1 {{'nn.batch_norm' op scale shape [2] must be [3] (the input channels)}}
  %0 = nn.batch_norm %x, %s, %c, %c, %c : (tensor<1x3x2x2xf32>, tensor<2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

func.func @batch_norm_bias(%x: tensor<1x3x2x2xf32>, %c: tensor<3xf32>, %b: tensor<1x3xf32>) -> tensor<1x3x2x2xf32> {
  // expected-error @+1 {{'nn.batch_norm' op bias shape [1, 3] must be [3] (the input channels)}}
  %0 = nn.batch_norm %x, %c, %b, %c, %c : (tensor<1x3x2x2xf32>, tensor<3xf32>, tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

func.func @batch_norm_mean(%x: tensor<1x3x2x2xf32>, %c: tensor<3xf32>, %m: tensor<2xf32>) -> tensor<1x3x2x2xf32> {
  // expected-error @+1 {{'nn.batch_norm' op mean shape [2] must be [3] (the input channels)}}
  %0 = nn.batch_norm %x, %c, %c, %m, %c : (tensor<1x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

func.func @batch_norm_var(%x: tensor<1x3x2x2xf32>, %c: tensor<3xf32>, %v: tensor<4xf32>) -> tensor<1x3x2x2xf32> {
  // expected-error @+1 {{'nn.batch_norm' op var shape [4] must be [3] (the input channels)}}
  %0 = nn.batch_norm %x, %c, %c, %c, %v : (tensor<1x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

func.func @batch_norm_epsilon(%x: tensor<1x3x2x2xf32>, %c: tensor<3xf32>) -> tensor<1x3x2x2xf32> {
  // expected-error @+1 {{'nn.batch_norm' op epsilon must be non-negative, got -1.000000e-03}}
  %0 = nn.batch_norm %x, %c, %c, %c, %c {epsilon = -1.0e-03 : f32} : (tensor<1x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

func.func @batch_norm_result_shape(%x: tensor<1x3x2x2xf32>, %c: tensor<3xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'nn.batch_norm' op result shape [1, 3, 4] differs from the input shape [1, 3, 2, 2]}}
  %0 = nn.batch_norm %x, %c, %c, %c, %c : (tensor<1x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// nn.max_pool, nn.avg_pool
//===----------------------------------------------------------------------===//

func.func @max_pool_rank(%x: tensor<1x3xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.max_pool' op input must have rank 3 ([N, C, W]) or 4 ([N, C, H, W]), got rank 2}}
  %0 = nn.max_pool %x {dilations = array<i64>, kernel_shape = array<i64>, pads = array<i64>, strides = array<i64>} : tensor<1x3xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @avg_pool_rank(%x: tensor<1x1x2x2x2xf32>) -> tensor<1x1x1x1x1xf32> {
  // expected-error @+1 {{'nn.avg_pool' op input must have rank 3 ([N, C, W]) or 4 ([N, C, H, W]), got rank 5}}
  %0 = nn.avg_pool %x {kernel_shape = array<i64: 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1>} : tensor<1x1x2x2x2xf32> -> tensor<1x1x1x1x1xf32>
  return %0 : tensor<1x1x1x1x1xf32>
}

// -----

func.func @max_pool_kernel_length(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x3x3xf32> {
  // expected-error @+1 {{'nn.max_pool' op kernel_shape must have 2 values (one per spatial dimension), got 1}}
  %0 = nn.max_pool %x {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

func.func @avg_pool_kernel_positive(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x3x3xf32> {
  // expected-error @+1 {{'nn.avg_pool' op kernel_shape must be positive, got [2, 0]}}
  %0 = nn.avg_pool %x {kernel_shape = array<i64: 2, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

func.func @avg_pool_strides_length(%x: tensor<1x3x4xf32>) -> tensor<1x3x3xf32> {
  // expected-error @+1 {{'nn.avg_pool' op strides must have 1 values (one per spatial dimension), got 0}}
  %0 = nn.avg_pool %x {kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64>} : tensor<1x3x4xf32> -> tensor<1x3x3xf32>
  return %0 : tensor<1x3x3xf32>
}

// -----

func.func @max_pool_strides_positive(%x: tensor<1x3x4xf32>) -> tensor<1x3x3xf32> {
  // expected-error @+1 {{'nn.max_pool' op strides must be positive, got [-1]}}
  %0 = nn.max_pool %x {dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: -1>} : tensor<1x3x4xf32> -> tensor<1x3x3xf32>
  return %0 : tensor<1x3x3xf32>
}

// -----

func.func @max_pool_pads_length(%x: tensor<1x3x4xf32>) -> tensor<1x3x3xf32> {
  // expected-error @+1 {{'nn.max_pool' op pads must have 2 values (the begin pads of every spatial dimension, then the end pads), got 1}}
  %0 = nn.max_pool %x {dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0>, strides = array<i64: 1>} : tensor<1x3x4xf32> -> tensor<1x3x3xf32>
  return %0 : tensor<1x3x3xf32>
}

// -----

func.func @avg_pool_pads_negative(%x: tensor<1x3x4xf32>) -> tensor<1x3x3xf32> {
  // expected-error @+1 {{'nn.avg_pool' op pads must be non-negative, got [-1, 0]}}
  %0 = nn.avg_pool %x {kernel_shape = array<i64: 2>, pads = array<i64: -1, 0>, strides = array<i64: 1>} : tensor<1x3x4xf32> -> tensor<1x3x3xf32>
  return %0 : tensor<1x3x3xf32>
}

// -----

func.func @max_pool_dilations_length(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x3x3xf32> {
  // expected-error @+1 {{'nn.max_pool' op dilations must have 2 values (one per spatial dimension), got 3}}
  %0 = nn.max_pool %x {dilations = array<i64: 1, 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

func.func @max_pool_dilations_positive(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x3x3xf32> {
  // expected-error @+1 {{'nn.max_pool' op dilations must be positive, got [0, 1]}}
  %0 = nn.max_pool %x {dilations = array<i64: 0, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

// The end pad of W (2) is not smaller than the kernel width (2).
func.func @max_pool_pad_not_smaller_than_kernel(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x5xf32> {
  // expected-error @+1 {{'nn.max_pool' op pads [1, 0, 0, 2] must each be smaller than the kernel size of their dimension, kernel_shape [3, 2]}}
  %0 = nn.max_pool %x {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 2>, pads = array<i64: 1, 0, 0, 2>, strides = array<i64: 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

func.func @avg_pool_pad_not_smaller_than_kernel(%x: tensor<1x3x4xf32>) -> tensor<1x3x7xf32> {
  // expected-error @+1 {{'nn.avg_pool' op pads [2, 2] must each be smaller than the kernel size of their dimension, kernel_shape [2]}}
  %0 = nn.avg_pool %x {kernel_shape = array<i64: 2>, pads = array<i64: 2, 2>, strides = array<i64: 1>} : tensor<1x3x4xf32> -> tensor<1x3x7xf32>
  return %0 : tensor<1x3x7xf32>
}

// -----

// Dilated extent 3*(2-1) + 1 = 4 > 2 + 1 + 0.
func.func @max_pool_kernel_too_large(%x: tensor<1x3x2xf32>) -> tensor<1x3x1xf32> {
  // expected-error @+1 {{'nn.max_pool' op dilated kernel extent 4 exceeds the padded input extent 3 in dimension 2 of the input}}
  %0 = nn.max_pool %x {dilations = array<i64: 3>, kernel_shape = array<i64: 2>, pads = array<i64: 1, 0>, strides = array<i64: 1>} : tensor<1x3x2xf32> -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

func.func @avg_pool_kernel_too_large(%x: tensor<1x3x2x2xf32>) -> tensor<1x3x1x1xf32> {
  // expected-error @+1 {{'nn.avg_pool' op dilated kernel extent 3 exceeds the padded input extent 2 in dimension 3 of the input}}
  %0 = nn.avg_pool %x {kernel_shape = array<i64: 2, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : tensor<1x3x2x2xf32> -> tensor<1x3x1x1xf32>
  return %0 : tensor<1x3x1x1xf32>
}

// -----

func.func @max_pool_overflow(%x: tensor<1x3x4xf32>) -> tensor<1x3x1xf32> {
  // expected-error @+1 {{'nn.max_pool' op window arithmetic overflows in dimension 2 of the input}}
  %0 = nn.max_pool %x {dilations = array<i64: 9223372036854775807>, kernel_shape = array<i64: 3>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : tensor<1x3x4xf32> -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// ceil((5 + 1 + 1 - 2) / 2) + 1 = 4, less the last window, which would start
// at 3*2 = 6 >= 5 + 1 (entirely in the end padding): 3. ONNX 1.12's shape
// inference says 4 here; PyTorch says 3.
func.func @max_pool_ceil_drops_last_window(%x: tensor<1x1x5xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'nn.max_pool' op result shape [1, 1, 4] differs from the expected [1, 1, 3]}}
  %0 = nn.max_pool %x {ceil_mode = true, dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>, strides = array<i64: 2>} : tensor<1x1x5xf32> -> tensor<1x1x4xf32>
  return %0 : tensor<1x1x4xf32>
}

// -----

// Without ceil_mode: floor((4 - 3) / 2) + 1 = 1 (node/test_averagepool_2d_ceil
// gives 2 only with ceil_mode).
func.func @avg_pool_result_shape(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{'nn.avg_pool' op result shape [1, 1, 2, 2] differs from the expected [1, 1, 1, 1]}}
  %0 = nn.avg_pool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// nn.global_avg_pool, nn.global_max_pool
//===----------------------------------------------------------------------===//

func.func @global_avg_pool_rank(%x: tensor<1x3xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.global_avg_pool' op input must have rank >= 3 ([N, C, spatial...]), got rank 2}}
  %0 = nn.global_avg_pool %x : tensor<1x3xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @global_max_pool_result_shape(%x: tensor<1x3x5x5xf32>) -> tensor<1x3x1xf32> {
  // expected-error @+1 {{'nn.global_max_pool' op result shape [1, 3, 1] differs from the expected [1, 3, 1, 1]}}
  %0 = nn.global_max_pool %x : tensor<1x3x5x5xf32> -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

func.func @global_max_pool_rank(%x: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'nn.global_max_pool' op input must have rank >= 3 ([N, C, spatial...]), got rank 1}}
  %0 = nn.global_max_pool %x : tensor<3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @global_avg_pool_result_shape(%x: tensor<1x3x5xf32>) -> tensor<1x1x1xf32> {
  // expected-error @+1 {{'nn.global_avg_pool' op result shape [1, 1, 1] differs from the expected [1, 3, 1]}}
  %0 = nn.global_avg_pool %x : tensor<1x3x5xf32> -> tensor<1x1x1xf32>
  return %0 : tensor<1x1x1xf32>
}

// -----

//===----------------------------------------------------------------------===//
// nn.layer_norm
//===----------------------------------------------------------------------===//

func.func @layer_norm_axis(%x: tensor<1x4xf32>, %s: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.layer_norm' op axis 2 is outside [-2, 2)}}
  %0 = nn.layer_norm %x, %s, %s {axis = 2 : i64} : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @layer_norm_scale(%x: tensor<1x3x4xf32>, %s: tensor<4xf32>, %t: tensor<3x4xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'nn.layer_norm' op scale shape [3, 4] must be [4] (the normalized dimensions)}}
  %0 = nn.layer_norm %x, %t, %s : (tensor<1x3x4xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

func.func @layer_norm_bias(%x: tensor<1x3x4xf32>, %s: tensor<4xf32>, %t: tensor<3xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'nn.layer_norm' op bias shape [3] must be [4] (the normalized dimensions)}}
  %0 = nn.layer_norm %x, %s, %t : (tensor<1x3x4xf32>, tensor<4xf32>, tensor<3xf32>) -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

func.func @layer_norm_epsilon(%x: tensor<1x4xf32>, %s: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.layer_norm' op epsilon must be finite and non-negative, got -1.000000e+00}}
  %0 = nn.layer_norm %x, %s, %s {epsilon = -1.0 : f32} : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @layer_norm_fixed(%x: tensor<1x4x!nn.fixed<16, 6>>, %s: tensor<4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  // expected-error @+1 {{'nn.layer_norm' op is float only (--nn-quantize rewrites it into fixed-point ops); got 'tensor<1x4x!nn.fixed<16, 6>>'}}
  %0 = nn.layer_norm %x, %s, %s : (tensor<1x4x!nn.fixed<16, 6>>, tensor<4x!nn.fixed<16, 6>>, tensor<4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>>
  return %0 : tensor<1x4x!nn.fixed<16, 6>>
}

// -----

func.func @layer_norm_result(%x: tensor<1x4xf32>, %s: tensor<4xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{'nn.layer_norm' op result shape [1, 2] differs from the input shape [1, 4]}}
  %0 = nn.layer_norm %x, %s, %s : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

func.func @layer_norm_empty(%x: tensor<1x4x0xf32>, %s: tensor<0xf32>) -> tensor<1x4x0xf32> {
  // expected-error @+1 {{'nn.layer_norm' op normalizes over no element: the normalized dimensions [0] hold none}}
  %0 = nn.layer_norm %x, %s, %s : (tensor<1x4x0xf32>, tensor<0xf32>, tensor<0xf32>) -> tensor<1x4x0xf32>
  return %0 : tensor<1x4x0xf32>
}

// -----

//===----------------------------------------------------------------------===//
// nn.embedding
//===----------------------------------------------------------------------===//

func.func @embedding_table_rank(%i: tensor<1x6xf32>, %t: tensor<40xf32>) -> tensor<1x6x4xf32> {
  // expected-error @+1 {{'nn.embedding' op table must be [rows, columns]; got [40]}}
  %0 = nn.embedding %i, %t : (tensor<1x6xf32>, tensor<40xf32>) -> tensor<1x6x4xf32>
  return %0 : tensor<1x6x4xf32>
}

// -----

func.func @embedding_no_rows(%i: tensor<1x6xf32>, %t: tensor<0x4xf32>) -> tensor<1x6x4xf32> {
  // expected-error @+1 {{'nn.embedding' op table has 0 rows; an embedding takes 1 to 2^24}}
  %0 = nn.embedding %i, %t : (tensor<1x6xf32>, tensor<0x4xf32>) -> tensor<1x6x4xf32>
  return %0 : tensor<1x6x4xf32>
}

// -----

func.func @embedding_result_shape(%i: tensor<1x6xf32>, %t: tensor<10x4xf32>) -> tensor<1x24xf32> {
  // expected-error @+1 {{'nn.embedding' op result shape [1, 24] must be [1, 6, 4] (the indices' shape, then the table's columns)}}
  %0 = nn.embedding %i, %t : (tensor<1x6xf32>, tensor<10x4xf32>) -> tensor<1x24xf32>
  return %0 : tensor<1x24xf32>
}

// -----

func.func @embedding_mixed(%i: tensor<1x6xf32>, %t: tensor<10x4x!nn.fixed<8, 2>>) -> tensor<1x6x4x!nn.fixed<8, 2>> {
  // expected-error @+1 {{'nn.embedding' op mixes floating-point ('f32') and fixed-point ('!nn.fixed<8, 2>') values; insert the conversion explicitly}}
  %0 = nn.embedding %i, %t : (tensor<1x6xf32>, tensor<10x4x!nn.fixed<8, 2>>) -> tensor<1x6x4x!nn.fixed<8, 2>>
  return %0 : tensor<1x6x4x!nn.fixed<8, 2>>
}
