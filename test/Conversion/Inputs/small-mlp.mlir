// A small quantized network touching every op of the first lowering slice:
// dense (reuse factor 1, with an nn.accum_type), relu, a broadcast bias add,
// reshape, flatten, dense with reuse factor 2 (no accum type: lossless),
// a dense without bias, and a result returned twice.
func.func @small(%x: tensor<1x4x!nn.fixed<8, 3>> loc("x")) -> (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x3x!nn.fixed<10, 4, RND, SAT>>, tensor<1x3x!nn.fixed<10, 4, RND, SAT>>) {
  %w1 = nn.constant dense<[[16, -32, 5, 7], [1, 2, 3, 4], [-64, 63, -1, 0]]> : tensor<3x4xi8> -> tensor<3x4x!nn.fixed<8, 2>> loc("fc1_w")
  %b1 = nn.constant dense<[20, -3, 100]> : tensor<3xi8> -> tensor<3x!nn.fixed<8, 3>> loc("fc1_b")
  %h = nn.dense %x, %w1, %b1 {nn.accum_type = !nn.fixed<12, 5, RND, SAT>, nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x4x!nn.fixed<8, 3>>, tensor<3x4x!nn.fixed<8, 2>>, tensor<3x!nn.fixed<8, 3>>) -> tensor<1x3x!nn.fixed<10, 4, RND, SAT>> loc("fc1")
  %r = nn.relu %h : tensor<1x3x!nn.fixed<10, 4, RND, SAT>> -> tensor<1x3x!nn.ufixed<9, 3>> loc("relu1")
  %c = nn.constant dense<[7, -8, 1]> : tensor<3xi6> -> tensor<3x!nn.fixed<6, 1>> loc("shift")
  %a = nn.add %r, %c : (tensor<1x3x!nn.ufixed<9, 3>>, tensor<3x!nn.fixed<6, 1>>) -> tensor<1x3x!nn.fixed<12, 5>> loc("add1")
  %s = nn.reshape %a : tensor<1x3x!nn.fixed<12, 5>> -> tensor<3x1x!nn.fixed<12, 5>> loc("reshape1")
  %f = nn.flatten %s {axis = 0 : i64} : tensor<3x1x!nn.fixed<12, 5>> -> tensor<1x3x!nn.fixed<12, 5>> loc("flatten1")
  %w2 = nn.constant dense<[[3, -4, 5], [-6, 7, -8]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 1>> loc("fc2_w")
  %b2 = nn.constant dense<[-100, 100]> : tensor<2xi16> -> tensor<2x!nn.fixed<16, 4>> loc("fc2_b")
  %y = nn.dense %f, %w2, %b2 {nn.reuse_factor = 2 : i64, nn.strategy = "latency"} : (tensor<1x3x!nn.fixed<12, 5>>, tensor<2x3x!nn.fixed<8, 1>>, tensor<2x!nn.fixed<16, 4>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("fc2")
  return %y, %h, %h : tensor<1x2x!nn.fixed<16, 6>>, tensor<1x3x!nn.fixed<10, 4, RND, SAT>>, tensor<1x3x!nn.fixed<10, 4, RND, SAT>>
}
