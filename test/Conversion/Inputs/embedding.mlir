// A float embedding of 5 rows for the fixed-point tests
// (test/Interpreter/loops-embedding.mlir): row r is [r + 0.5, -r].
func.func @embedding(%x: tensor<1x4xf32> loc("tokens")) -> tensor<1x4x2xf32> {
  %t = nn.constant dense<[[0.5, 0.0], [1.5, -1.0], [2.5, -2.0], [3.5, -3.0], [4.5, -4.0]]> : tensor<5x2xf32> loc("emb.weight")
  %y = nn.embedding %x, %t : (tensor<1x4xf32>, tensor<5x2xf32>) -> tensor<1x4x2xf32> loc("emb")
  return %y : tensor<1x4x2xf32>
}
