// Piecewise-linear activations and max/min for the lowering tests: exact
// comparisons against the f32 attributes' exact values, then selects.
func.func @piecewise(%x: tensor<1x4x!nn.fixed<10, 5>> loc("x"))
    -> (tensor<1x4x!nn.fixed<8, 3, RND, SAT>>, tensor<1x4x!nn.fixed<8, 3>>,
        tensor<1x4x!nn.fixed<10, 5>>, tensor<1x4x!nn.ufixed<8, 0, RND, SAT>>,
        tensor<1x4x!nn.fixed<8, 3>>, tensor<1x4x!nn.fixed<8, 3>>,
        tensor<1x4x!nn.fixed<10, 5>>, tensor<1x4x!nn.fixed<10, 5>>) {
  %l = nn.leaky_relu %x {alpha = 0.1 : f32} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<8, 3, RND, SAT>> loc("leaky")
  %s = nn.constant dense<[8, -16, 4, 2]> : tensor<4xi6> -> tensor<4x!nn.fixed<6, 1>> loc("slope")
  %p = nn.prelu %x, %s : (tensor<1x4x!nn.fixed<10, 5>>, tensor<4x!nn.fixed<6, 1>>) -> tensor<1x4x!nn.fixed<8, 3>> loc("pr")
  %t = nn.thresholded_relu %x {alpha = 0.5 : f32} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<10, 5>> loc("thr")
  %h = nn.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.ufixed<8, 0, RND, SAT>> loc("hs")
  %c = nn.clip %x {min = -0.75 : f32, max = 1.5 : f32} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<8, 3>> loc("clip")
  %c2 = nn.clip %x {min = 2.0 : f32, max = -1.0 : f32} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<8, 3>> loc("clip_inverted")
  %k = nn.constant dense<[[0, 32, -32, 16]]> : tensor<1x4xi10> -> tensor<1x4x!nn.fixed<10, 5>> loc("k")
  %mx = nn.max %x, %k : (tensor<1x4x!nn.fixed<10, 5>>, tensor<1x4x!nn.fixed<10, 5>>) -> tensor<1x4x!nn.fixed<10, 5>> loc("mx")
  %mn = nn.min %x, %k : (tensor<1x4x!nn.fixed<10, 5>>, tensor<1x4x!nn.fixed<10, 5>>) -> tensor<1x4x!nn.fixed<10, 5>> loc("mn")
  return %l, %p, %t, %h, %c, %c2, %mx, %mn : tensor<1x4x!nn.fixed<8, 3, RND, SAT>>, tensor<1x4x!nn.fixed<8, 3>>, tensor<1x4x!nn.fixed<10, 5>>, tensor<1x4x!nn.ufixed<8, 0, RND, SAT>>, tensor<1x4x!nn.fixed<8, 3>>, tensor<1x4x!nn.fixed<8, 3>>, tensor<1x4x!nn.fixed<10, 5>>, tensor<1x4x!nn.fixed<10, 5>>
}
