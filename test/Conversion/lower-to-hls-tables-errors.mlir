// Every diagnostic of the activation and reduction lowerings: tables, softmax
// (LowerActivations.cpp), sums (LowerReduce.cpp), non-finite attributes
// (LowerElementwise.cpp). Table sizes and widths are the dialect verifier's
// (test/Dialect/NN/invalid-pass-attributes.mlir).
// RUN: nn-opt %s -split-input-file -verify-diagnostics --nn-lower-to-hls

// In ap_ufixed<8,0> (wrap), e^0 = 1 becomes 0: the normalization is undefined.
func.func @softmax_table_cannot_hold_one(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: the softmax table type '!nn.ufixed<8, 0>' of layer 'softmax_0' cannot hold e^0 = 1 and the smaller exponentials as non-negative values (use e.g. !nn.ufixed<18, 1, RND, SAT>)}}
  %y = nn.softmax %x {axis = 1 : i64, nn.table_type = !nn.ufixed<8, 0>} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

// 2^12 terms of 53 bits: the exact sum needs 65 bits.
func.func @softmax_sum_too_wide(%x: tensor<1x4096x!nn.fixed<8, 3>>) -> tensor<1x4096x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: the softmax of layer 'softmax_0' needs more than 64-bit intermediates (sum of 4096 entries of '!nn.ufixed<53, 1, RND, SAT>')}}
  %y = nn.softmax %x {axis = 1 : i64, nn.table_type = !nn.ufixed<53, 1, RND, SAT>} : tensor<1x4096x!nn.fixed<8, 3>> -> tensor<1x4096x!nn.fixed<8, 3>>
  return %y : tensor<1x4096x!nn.fixed<8, 3>>
}

// -----

func.func @infinite_alpha(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: alpha = INF of 'nn.leaky_relu' is not finite; the lowering handles finite values only}}
  %y = nn.leaky_relu %x {alpha = 0x7F800000 : f32} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

func.func @infinite_clip(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: max = INF of 'nn.clip' is not finite; the lowering handles finite values only}}
  %y = nn.clip %x {max = 0x7F800000 : f32} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

func.func @infinite_elu(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: the parameters of 'nn.elu' are not finite}}
  %y = nn.elu %x {alpha = 0x7F800000 : f32} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

// A signed table type: the signed sum of 2^12 entries of 53 bits needs 65
// bits (its unsigned form 64 would fit, but the sum is built signed).
func.func @softmax_signed_sum_too_wide(%x: tensor<1x4096x!nn.fixed<8, 3>>) -> tensor<1x4096x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: the softmax of layer 'softmax_0' needs more than 64-bit intermediates (sum of 4096 entries of '!nn.fixed<53, 2, RND, SAT>')}}
  %y = nn.softmax %x {axis = 1 : i64, nn.table_type = !nn.fixed<53, 2, RND, SAT>} : tensor<1x4096x!nn.fixed<8, 3>> -> tensor<1x4096x!nn.fixed<8, 3>>
  return %y : tensor<1x4096x!nn.fixed<8, 3>>
}

// -----

// 32 terms of 60 bits: the exact sum needs 65 bits.
func.func @reduce_mean_sum_too_wide(%x: tensor<1x32x!nn.fixed<60, 10>>) -> tensor<1x1x!nn.fixed<16, 6>> {
  // expected-error @+1 {{nn-lower-to-loops: the sum of layer 'reduce_mean_0' needs 65 bits (at most 64)}}
  %y = nn.reduce_mean %x {axes = array<i64: 1>} : tensor<1x32x!nn.fixed<60, 10>> -> tensor<1x1x!nn.fixed<16, 6>>
  return %y : tensor<1x1x!nn.fixed<16, 6>>
}

// -----

// latency's exp table holds e^x up to e^8: ap_fixed<8,4> wraps the large
// entries to negative values.
func.func @softmax_latency_table_wraps(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: the softmax table type '!nn.fixed<8, 4>' of layer 'softmax_0' cannot hold e^0 = 1 and the smaller exponentials as non-negative values}}
  %y = nn.softmax %x {axis = 1 : i64, implementation = "latency", exp_table_type = !nn.fixed<8, 4>} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

// A one-bit signed sum type (hls4ml's accum) holds no positive value.
func.func @softmax_accum_no_positive(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{nn-lower-to-loops: the softmax sum type '!nn.fixed<1, 1>' of layer 'softmax_0' has no positive values}}
  %y = nn.softmax %x {axis = 1 : i64, accum_type = !nn.fixed<1, 1>} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}
