// Every diagnostic of --nn-lower-to-loops: ops outside the slice, float
// networks, accumulators too wide, and the warning of a layer too large to
// unroll.
// RUN: nn-opt %s -split-input-file -verify-diagnostics --nn-lower-to-hls="max-unroll-mults=4"

func.func @unsupported_op(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops cannot lower 'nn.softplus' yet (supported: nn.dense, nn.relu, nn.add, nn.flatten, nn.reshape, nn.constant, }}
  %y = nn.softplus %x : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

func.func @unsupported_div(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<9, 4>> {
  // expected-error @+1 {{nn-lower-to-loops cannot lower 'nn.div' yet}}
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

func.func @wide_accumulator(%x: tensor<1x2x!nn.fixed<32, 6>>) -> tensor<1x1x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1, 2]]> : tensor<1x2xi32> -> tensor<1x2x!nn.fixed<32, 6>>
  // expected-error @+1 {{nn-lower-to-loops: the accumulator of layer 'dense_1' needs 66 bits (at most 64); set nn.accum_type}}
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
