func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %0 = nn.relu %x : tensor<1x4xf32> -> tensor<1x5xf32>
  return %x : tensor<1x4xf32>
}
