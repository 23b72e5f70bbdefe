// elu, selu, softplus (tables of nn/Support/ActivationTables.h) and
// reduce_mean (all axes; one axis without keepdims) for the lowering tests.
func.func @curved(%x: tensor<1x4x!nn.fixed<10, 5>> loc("x"))
    -> (tensor<1x4x!nn.fixed<10, 4>>, tensor<1x4x!nn.fixed<12, 4, RND, SAT>>,
        tensor<1x4x!nn.ufixed<10, 4, RND>>, tensor<1x1x!nn.fixed<10, 4, RND>>,
        tensor<2x!nn.fixed<8, 3, RND_CONV, SAT>>) {
  %e = nn.elu %x {alpha = 0.5 : f32} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<10, 4>> loc("elu")
  %s = nn.selu %x {nn.table_size = 256 : i64} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<12, 4, RND, SAT>> loc("selu")
  %p = nn.softplus %x : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.ufixed<10, 4, RND>> loc("softplus")
  %m = nn.reduce_mean %x : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x1x!nn.fixed<10, 4, RND>> loc("mean")
  %r = nn.reshape %x : tensor<1x4x!nn.fixed<10, 5>> -> tensor<2x2x!nn.fixed<10, 5>> loc("pairs")
  %n = nn.reduce_mean %r {axes = array<i64: -1>, keepdims = false} : tensor<2x2x!nn.fixed<10, 5>> -> tensor<2x!nn.fixed<8, 3, RND_CONV, SAT>> loc("pair_mean")
  return %e, %s, %p, %m, %n : tensor<1x4x!nn.fixed<10, 4>>, tensor<1x4x!nn.fixed<12, 4, RND, SAT>>, tensor<1x4x!nn.ufixed<10, 4, RND>>, tensor<1x1x!nn.fixed<10, 4, RND>>, tensor<2x!nn.fixed<8, 3, RND_CONV, SAT>>
}
