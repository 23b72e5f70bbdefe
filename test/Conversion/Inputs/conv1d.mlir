// 1-D conv and pool lowering tests: a strided, padded conv with bias
// (R = 1); a depthwise (group = 2), dilated conv with end padding (R = 2,
// latency); a max pool; an average pool with ceil_mode whose counts vary
// (2 then 3); a global max pool; and a max pool whose only window lies in
// the padding (dilation 2 over one element: the result's lowest value).
func.func @conv1d(%x: tensor<1x3x8x!nn.fixed<8, 3>> loc("x")) -> (tensor<1x2x2x!nn.fixed<12, 5>>, tensor<1x2x2x!nn.fixed<10, 5, RND_INF>>, tensor<1x2x1x!nn.fixed<12, 5, RND>>, tensor<1x2x1x!nn.fixed<8, 4>>) {
  %w1 = nn.constant dense<[[[67, -46, -47], [96, -50, -81], [17, -128, -2]], [[48, 100, 27], [95, -12, 54], [46, 60, 85]]]> : tensor<2x3x3xi8> -> tensor<2x3x3x!nn.fixed<8, 2>> loc("k1_w")
  %b1 = nn.constant dense<[-110, 109]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 3>> loc("k1_b")
  %k1 = nn.conv %x, %w1, %b1 {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 1, 1>, strides = array<i64: 2>, nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x3x8x!nn.fixed<8, 3>>, tensor<2x3x3x!nn.fixed<8, 2>>, tensor<2x!nn.fixed<8, 3>>) -> tensor<1x2x4x!nn.fixed<12, 5, RND>> loc("k1")
  %w2 = nn.constant dense<[[[-32, 7]], [[75, 94]]]> : tensor<2x1x2xi8> -> tensor<2x1x2x!nn.fixed<8, 2>> loc("k2_w")
  %k2 = nn.conv %k1, %w2 {dilations = array<i64: 2>, group = 2 : i64, pads = array<i64: 0, 1>, strides = array<i64: 1>, nn.reuse_factor = 2 : i64, nn.strategy = "latency"} : (tensor<1x2x4x!nn.fixed<12, 5, RND>>, tensor<2x1x2x!nn.fixed<8, 2>>) -> tensor<1x2x3x!nn.fixed<12, 5>> loc("k2")
  %mp = nn.max_pool %k2 {dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : tensor<1x2x3x!nn.fixed<12, 5>> -> tensor<1x2x2x!nn.fixed<12, 5>> loc("mp")
  %ap = nn.avg_pool %k1 {ceil_mode = true, kernel_shape = array<i64: 3>, pads = array<i64: 1, 0>, strides = array<i64: 2>} : tensor<1x2x4x!nn.fixed<12, 5, RND>> -> tensor<1x2x2x!nn.fixed<10, 5, RND_INF>> loc("ap")
  %gm = nn.global_max_pool %k1 : tensor<1x2x4x!nn.fixed<12, 5, RND>> -> tensor<1x2x1x!nn.fixed<12, 5, RND>> loc("gm")
  %e = nn.max_pool %gm {dilations = array<i64: 2>, kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>, strides = array<i64: 1>} : tensor<1x2x1x!nn.fixed<12, 5, RND>> -> tensor<1x2x1x!nn.fixed<8, 4>> loc("empty")
  return %mp, %ap, %gm, %e : tensor<1x2x2x!nn.fixed<12, 5>>, tensor<1x2x2x!nn.fixed<10, 5, RND_INF>>, tensor<1x2x1x!nn.fixed<12, 5, RND>>, tensor<1x2x1x!nn.fixed<8, 4>>
}
