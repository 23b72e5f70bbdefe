// Conv lowering tests (lower-to-hls-conv.mlir, Interpreter/conv-pool-loops.mlir,
// e2e-conv.sh): a grouped 3x3 conv with padding, bias and a lossy
// accumulator (R = 1); a dilated, strided 2x2 conv with asymmetric padding
// and a lossless accumulator at R = 3 (latency); a 1x1 conv with bias at
// R = 3 (resource).
func.func @conv2d(%x: tensor<1x2x6x6x!nn.fixed<8, 3>> loc("x")) -> (tensor<1x2x3x3x!nn.fixed<12, 4, RND_CONV, SAT>>, tensor<1x4x6x6x!nn.fixed<10, 4, RND, SAT>>) {
  %w1 = nn.constant dense<[[[[-95, -127, 27], [-67, -105, 81], [-93, 87, 29]]], [[[67, 11, 72], [-128, -78, 125], [76, -52, -69]]], [[[-26, -31, -51], [58, -14, 65], [15, -53, 12]]], [[[105, -35, -55], [97, 21, 68], [81, -35, -64]]]]> : tensor<4x1x3x3xi8> -> tensor<4x1x3x3x!nn.fixed<8, 2>> loc("c1_w")
  %b1 = nn.constant dense<[-17, 28, -41, 60]> : tensor<4xi8> -> tensor<4x!nn.fixed<8, 3>> loc("c1_b")
  %c1 = nn.conv %x, %w1, %b1 {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>, nn.accum_type = !nn.fixed<10, 4, RND, SAT>, nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x2x6x6x!nn.fixed<8, 3>>, tensor<4x1x3x3x!nn.fixed<8, 2>>, tensor<4x!nn.fixed<8, 3>>) -> tensor<1x4x6x6x!nn.fixed<10, 4, RND, SAT>> loc("c1")
  %w2 = nn.constant dense<[[[[62, -74], [-108, -68]], [[39, 1], [73, 21]], [[59, 0], [8, -88]], [[102, 46], [-102, 81]]], [[[84, -55], [-114, -85]], [[112, -53], [46, 20]], [[-25, -16], [-121, -90]], [[-91, -74], [101, 62]]], [[[86, 87], [84, 119]], [[101, -48], [-97, -81]], [[0, -35], [83, 0]], [[16, -7], [60, 71]]]]> : tensor<3x4x2x2xi8> -> tensor<3x4x2x2x!nn.fixed<8, 2>> loc("c2_w")
  %c2 = nn.conv %c1, %w2 {dilations = array<i64: 2, 2>, group = 1 : i64, pads = array<i64: 0, 0, 1, 1>, strides = array<i64: 2, 2>, nn.reuse_factor = 3 : i64, nn.strategy = "latency"} : (tensor<1x4x6x6x!nn.fixed<10, 4, RND, SAT>>, tensor<3x4x2x2x!nn.fixed<8, 2>>) -> tensor<1x3x3x3x!nn.fixed<16, 6>> loc("c2")
  %w3 = nn.constant dense<[[[[-116]], [[81]], [[81]]], [[[59]], [[111]], [[89]]]]> : tensor<2x3x1x1xi8> -> tensor<2x3x1x1x!nn.fixed<8, 2>> loc("c3_w")
  %b3 = nn.constant dense<[-38, -21]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 3>> loc("c3_b")
  %c3 = nn.conv %c2, %w3, %b3 {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>, nn.reuse_factor = 3 : i64, nn.strategy = "resource"} : (tensor<1x3x3x3x!nn.fixed<16, 6>>, tensor<2x3x1x1x!nn.fixed<8, 2>>, tensor<2x!nn.fixed<8, 3>>) -> tensor<1x2x3x3x!nn.fixed<12, 4, RND_CONV, SAT>> loc("c3")
  return %c3, %c1 : tensor<1x2x3x3x!nn.fixed<12, 4, RND_CONV, SAT>>, tensor<1x4x6x6x!nn.fixed<10, 4, RND, SAT>>
}
