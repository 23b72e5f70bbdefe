// Every diagnostic of --nn-lower-to-loops: ops outside the slice, float
// networks, accumulators too wide, and the warning of a layer too large to
// unroll.
// RUN: nn-opt %s -split-input-file -verify-diagnostics --nn-lower-to-hls="max-unroll-mults=4"

func.func @unsupported_op(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<9, 4>> {
  // expected-error @+1 {{nn-lower-to-loops cannot lower 'nn.div' (layer 'div_0') yet (supported: nn.add, nn.avg_pool, nn.clip, nn.concat, nn.constant, nn.conv, nn.dense, nn.elu, nn.embedding, nn.flatten, nn.gelu, nn.global_avg_pool, nn.global_max_pool, nn.hard_sigmoid, nn.hard_swish, nn.leaky_relu, nn.max, nn.max_pool, nn.min, nn.mul, nn.pad, nn.prelu, nn.reduce_mean, nn.relu, nn.reshape, nn.resize, nn.rsqrt, nn.selu, nn.sigmoid, nn.softmax, nn.softplus, nn.softsign, nn.sub, nn.tanh, nn.thresholded_relu, nn.transpose)}}
  %y = nn.div %x, %x : (tensor<1x4x!nn.fixed<8, 3>>, tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<9, 4>>
  return %y : tensor<1x4x!nn.fixed<9, 4>>
}

// -----

// expected-error @+1 {{nn-lower-to-loops lowers fixed-point networks only: argument 0 of 'float_arg' has type 'tensor<1x4xf32>' (run --nn-quantize first)}}
func.func @float_arg(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %y = nn.relu %x : tensor<1x4xf32> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @float_constant() -> tensor<2xf32> {
  // expected-error @+1 {{nn-lower-to-loops lowers fixed-point networks only: 'nn.constant' has result type 'tensor<2xf32>' (run --nn-quantize first)}}
  %c = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %c : tensor<2xf32>
}

// -----

// The lossless accumulator of 2 products of 32 + 32 bits: 64 + ceil(log2 2).
func.func @wide_accumulator(%x: tensor<1x2x!nn.fixed<32, 6>>) -> tensor<1x1x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1, 2]]> : tensor<1x2xi32> -> tensor<1x2x!nn.fixed<32, 6>>
  // expected-error @+1 {{nn-lower-to-loops: the accumulator of layer 'dense_1' needs 65 bits (at most 64); set nn.accum_type}}
  %y = nn.dense %x, %w : (tensor<1x2x!nn.fixed<32, 6>>, tensor<1x2x!nn.fixed<32, 6>>) -> tensor<1x1x!nn.fixed<16, 6>>
  return %y : tensor<1x1x!nn.fixed<16, 6>>
}

// -----

func.func @too_large_to_unroll(%x: tensor<1x3x!nn.fixed<8, 3>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>>
  // expected-warning @+1 {{layer 'dense_1' has 6 multiplications, more than 4 (max-unroll-mults): not fully unrolled, a pipelined loop instead}}
  %y = nn.dense %x, %w : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>>
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}

// -----

// Latency with R > 1 and more products than max-unroll-mults: the resource
// structure (B = 6 / 2 = 3 <= 4 products per step).
func.func @latency_too_large(%x: tensor<1x3x!nn.fixed<8, 3>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>>
  // expected-warning @+1 {{layer 'dense_1' (strategy latency, reuse factor 2) has 6 multiplications, more than 4 (max-unroll-mults) to unroll in one block: the resource structure instead}}
  %y = nn.dense %x, %w {nn.reuse_factor = 2 : i64} : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>>
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}

// -----

// Resource with more than max-unroll-mults products per reuse step: the
// rolled structure.
func.func @resource_block_too_large(%x: tensor<1x6x!nn.fixed<8, 3>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]]> : tensor<2x6xi8> -> tensor<2x6x!nn.fixed<8, 2>>
  // expected-warning @+1 {{layer 'dense_1' (reuse factor 2) has 6 multiplications per reuse step, more than 4 (max-unroll-mults): not unrolled, a pipelined loop instead}}
  %y = nn.dense %x, %w {nn.reuse_factor = 2 : i64, nn.strategy = "resource"} : (tensor<1x6x!nn.fixed<8, 3>>, tensor<2x6x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>>
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}

// -----

// Conv: the lossless accumulator of 2 * 1 * 1 products of 32 + 32 bits:
// 64 + ceil(log2 2).
func.func @conv_wide_accumulator(%x: tensor<1x2x3x!nn.fixed<32, 6>>) -> tensor<1x1x3x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[[1], [2]]]> : tensor<1x2x1xi32> -> tensor<1x2x1x!nn.fixed<32, 6>>
  // expected-error @+1 {{nn-lower-to-loops: the accumulator of layer 'conv_1' needs 65 bits (at most 64); set nn.accum_type}}
  %y = nn.conv %x, %w {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x2x3x!nn.fixed<32, 6>>, tensor<1x2x1x!nn.fixed<32, 6>>) -> tensor<1x1x3x!nn.fixed<16, 6>>
  return %y : tensor<1x1x3x!nn.fixed<16, 6>>
}

// -----

// Conv with R = 1 and 2 * 3 = 6 > 4 products per position.
func.func @conv_too_large_to_unroll(%x: tensor<1x3x4x!nn.fixed<8, 3>>) -> tensor<1x2x4x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[[1], [2], [3]], [[4], [5], [6]]]> : tensor<2x3x1xi8> -> tensor<2x3x1x!nn.fixed<8, 2>>
  // expected-warning @+1 {{layer 'conv_1' has 6 multiplications, more than 4 (max-unroll-mults): not fully unrolled, a pipelined loop instead}}
  %y = nn.conv %x, %w {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x3x4x!nn.fixed<8, 3>>, tensor<2x3x1x!nn.fixed<8, 2>>) -> tensor<1x2x4x!nn.fixed<16, 6>>
  return %y : tensor<1x2x4x!nn.fixed<16, 6>>
}

// -----

// Average pool: the exact sum of 3 * 3 values of 62 bits needs 66 bits.
func.func @pool_wide_sum(%x: tensor<1x1x3x3x!nn.fixed<62, 10>>) -> tensor<1x1x1x1x!nn.fixed<16, 6>> {
  // expected-error @+1 {{nn-lower-to-loops: the window sum of layer 'avg_pool_0' needs 66 bits (at most 64)}}
  %y = nn.avg_pool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : tensor<1x1x3x3x!nn.fixed<62, 10>> -> tensor<1x1x1x1x!nn.fixed<16, 6>>
  return %y : tensor<1x1x1x1x!nn.fixed<16, 6>>
}
