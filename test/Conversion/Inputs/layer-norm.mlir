// A float layer norm over the last axis for the fixed-point tests
// (test/Interpreter/loops-layer-norm.mlir quantizes it with
// test/Interpreter/Inputs/layer-norm.json).
func.func @layer_norm(%x: tensor<1x4xf32> loc("x")) -> tensor<1x4xf32> {
  %s = nn.constant dense<[1.0, 2.0, 0.5, -1.0]> : tensor<4xf32> loc("ln.weight")
  %b = nn.constant dense<[0.0, 0.5, -0.25, 1.0]> : tensor<4xf32> loc("ln.bias")
  %y = nn.layer_norm %x, %s, %b : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32> loc("ln")
  return %y : tensor<1x4xf32>
}
