// Pool lowering tests on [1, 2, 5, 5]: max pools with padding and with
// ceil_mode; average pools with padding (count_include_pad false and true),
// with ceil_mode and end padding (a constant count with count_include_pad,
// varying counts without); a global average pool.
func.func @pools(%x: tensor<1x2x5x5x!nn.fixed<8, 3>> loc("x")) -> (tensor<1x2x3x3x!nn.fixed<8, 3>>, tensor<1x2x3x3x!nn.fixed<6, 2, RND, SAT>>, tensor<1x2x3x3x!nn.fixed<8, 3, RND>>, tensor<1x2x3x3x!nn.fixed<10, 3, RND_CONV>>, tensor<1x2x3x3x!nn.fixed<8, 3, RND>>, tensor<1x2x3x3x!nn.fixed<8, 3, RND_ZERO>>, tensor<1x2x1x1x!nn.fixed<8, 3, RND>>) {
  %mp1 = nn.max_pool %x {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<8, 3>> loc("mp1")
  %mp2 = nn.max_pool %x {ceil_mode = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<6, 2, RND, SAT>> loc("mp2")
  %ap1 = nn.avg_pool %x {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<8, 3, RND>> loc("ap1")
  %ap2 = nn.avg_pool %x {count_include_pad = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<10, 3, RND_CONV>> loc("ap2")
  %ap3 = nn.avg_pool %x {ceil_mode = true, count_include_pad = true, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<8, 3, RND>> loc("ap3")
  %ap4 = nn.avg_pool %x {ceil_mode = true, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<8, 3, RND_ZERO>> loc("ap4")
  %ga = nn.global_avg_pool %x : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x1x1x!nn.fixed<8, 3, RND>> loc("ga")
  return %mp1, %mp2, %ap1, %ap2, %ap3, %ap4, %ga : tensor<1x2x3x3x!nn.fixed<8, 3>>, tensor<1x2x3x3x!nn.fixed<6, 2, RND, SAT>>, tensor<1x2x3x3x!nn.fixed<8, 3, RND>>, tensor<1x2x3x3x!nn.fixed<10, 3, RND_CONV>>, tensor<1x2x3x3x!nn.fixed<8, 3, RND>>, tensor<1x2x3x3x!nn.fixed<8, 3, RND_ZERO>>, tensor<1x2x1x1x!nn.fixed<8, 3, RND>>
}
