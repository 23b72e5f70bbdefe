// nn.rnn, nn.gru and nn.lstm have no fixed-point rule yet: --nn-quantize
// names the layer instead of typing it into an op no stage computes.
// RUN: not nn-opt %s -split-input-file --nn-quantize 2>&1 | FileCheck %s

// CHECK: error: {{.*}}layer 'lstm' (nn.lstm): nn has no fixed-point rule for recurrent layers yet; nn-interp runs the float network
func.func @lstm(%x: tensor<2x1x3xf32> loc("x")) -> tensor<1x1x1xf32> {
  %w = nn.constant dense<0.5> : tensor<4x3xf32> loc("w")
  %r = nn.constant dense<0.5> : tensor<4x1xf32> loc("r")
  %b = nn.constant dense<0.0> : tensor<8xf32> loc("b")
  %y = nn.lstm %x, %w, %r, %b : (tensor<2x1x3xf32>, tensor<4x3xf32>, tensor<4x1xf32>, tensor<8xf32>) -> tensor<1x1x1xf32> loc("lstm")
  return %y : tensor<1x1x1xf32>
}

// -----

// CHECK: error: {{.*}}layer 'gru' (nn.gru): nn has no fixed-point rule for recurrent layers yet
func.func @gru(%x: tensor<2x1x3xf32> loc("x")) -> tensor<1x1x1xf32> {
  %w = nn.constant dense<0.5> : tensor<3x3xf32> loc("w")
  %r = nn.constant dense<0.5> : tensor<3x1xf32> loc("r")
  %b = nn.constant dense<0.0> : tensor<6xf32> loc("b")
  %y = nn.gru %x, %w, %r, %b : (tensor<2x1x3xf32>, tensor<3x3xf32>, tensor<3x1xf32>, tensor<6xf32>) -> tensor<1x1x1xf32> loc("gru")
  return %y : tensor<1x1x1xf32>
}
