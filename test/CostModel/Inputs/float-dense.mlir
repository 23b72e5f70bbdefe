// Not a test: a float network for estimate-errors.mlir.
func.func @f(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %w = nn.constant dense<1.0> : tensor<2x4xf32> -> tensor<2x4xf32>
  %y = nn.dense %x, %w : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32> loc("fc1")
  return %y : tensor<1x2xf32>
}
