// Data movement and exact binary ops for the lowering tests: concat with a
// constant, transpose, pad (a constant border before, a crop after),
// nearest resize, and a broadcast sub and a mul whose results are cast.
func.func @shapes(%x: tensor<1x4x!nn.fixed<8, 3>> loc("x"))
    -> (tensor<1x6x!nn.fixed<8, 3>>, tensor<2x2x!nn.fixed<8, 3>>,
        tensor<2x3x!nn.fixed<8, 3>>, tensor<1x1x4x4x!nn.fixed<8, 3>>,
        tensor<1x4x!nn.fixed<6, 3, RND, SAT>>, tensor<1x4x!nn.fixed<8, 4>>) {
  %c = nn.constant dense<[[5, -7]]> : tensor<1x2xi8> -> tensor<1x2x!nn.fixed<8, 3>> loc("c")
  %cat = nn.concat %x, %c {axis = 1 : i64} : (tensor<1x4x!nn.fixed<8, 3>>, tensor<1x2x!nn.fixed<8, 3>>) -> tensor<1x6x!nn.fixed<8, 3>> loc("cat")
  %sq = nn.reshape %x : tensor<1x4x!nn.fixed<8, 3>> -> tensor<2x2x!nn.fixed<8, 3>> loc("sq")
  %t = nn.transpose %sq {perm = array<i64: 1, 0>} : tensor<2x2x!nn.fixed<8, 3>> -> tensor<2x2x!nn.fixed<8, 3>> loc("tr")
  %p = nn.pad %sq {pads = array<i64: 0, 2, 0, -1>, value = 0.5 : f32} : tensor<2x2x!nn.fixed<8, 3>> -> tensor<2x3x!nn.fixed<8, 3>> loc("pd")
  %img = nn.reshape %x : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x1x2x2x!nn.fixed<8, 3>> loc("img")
  %up = nn.resize %img {scales = array<i64: 1, 1, 2, 2>} : tensor<1x1x2x2x!nn.fixed<8, 3>> -> tensor<1x1x4x4x!nn.fixed<8, 3>> loc("up")
  %b = nn.constant dense<[3, -3, 40, -40]> : tensor<4xi8> -> tensor<4x!nn.fixed<8, 2>> loc("b")
  %d = nn.sub %x, %b : (tensor<1x4x!nn.fixed<8, 3>>, tensor<4x!nn.fixed<8, 2>>) -> tensor<1x4x!nn.fixed<6, 3, RND, SAT>> loc("df")
  %m = nn.mul %x, %x : (tensor<1x4x!nn.fixed<8, 3>>, tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 4>> loc("sqr")
  return %cat, %t, %p, %up, %d, %m : tensor<1x6x!nn.fixed<8, 3>>, tensor<2x2x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 3>>, tensor<1x1x4x4x!nn.fixed<8, 3>>, tensor<1x4x!nn.fixed<6, 3, RND, SAT>>, tensor<1x4x!nn.fixed<8, 4>>
}
