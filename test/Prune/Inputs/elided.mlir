// Not a test: a quantized MLP whose first weight lost its blob, for
// prune-errors.mlir.
func.func @f(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense_resource<__elided__> : tensor<3x4xi16> -> tensor<3x4x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1 : (tensor<1x4x!nn.fixed<16, 6>>, tensor<3x4x!nn.fixed<16, 6>>) -> tensor<1x3x!nn.fixed<16, 6>> loc("d1")
  %w2 = nn.constant dense<[[7, 7, 7], [11, 11, 11]]> : tensor<2x3xi16> -> tensor<2x3x!nn.fixed<16, 6>>
  %y = nn.dense %h, %w2 : (tensor<1x3x!nn.fixed<16, 6>>, tensor<2x3x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
