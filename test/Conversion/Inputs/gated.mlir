// gelu (erf and tanh forms; the table of Phi times x) and hard_swish
// (ONNX's and a HardSigmoid's alpha/beta; exact) for the lowering tests.
func.func @gated(%x: tensor<1x4x!nn.fixed<10, 5>> loc("x"))
    -> (tensor<1x4x!nn.fixed<12, 4>>, tensor<1x4x!nn.fixed<10, 4, RND, SAT>>,
        tensor<1x4x!nn.fixed<12, 4>>, tensor<1x4x!nn.fixed<10, 3, RND, SAT>>) {
  %g = nn.gelu %x : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<12, 4>> loc("gelu")
  %t = nn.gelu %x {approximate = "tanh", nn.table_size = 256 : i64, nn.table_type = !nn.ufixed<8, 0, RND, SAT>} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<10, 4, RND, SAT>> loc("gelu_tanh")
  %h = nn.hard_swish %x : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<12, 4>> loc("hswish")
  %k = nn.hard_swish %x {alpha = 2.000000e-01 : f32, beta = 4.000000e-01 : f32} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<10, 3, RND, SAT>> loc("hswish_02")
  return %g, %t, %h, %k : tensor<1x4x!nn.fixed<12, 4>>, tensor<1x4x!nn.fixed<10, 4, RND, SAT>>, tensor<1x4x!nn.fixed<12, 4>>, tensor<1x4x!nn.fixed<10, 3, RND, SAT>>
}
