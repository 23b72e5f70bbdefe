// Table activations and softmax for the lowering tests: sigmoid with the
// default table (1024 entries of the result type), tanh with a 256-entry
// table of its own type, softmax along the last axis with the default
// tables (ap_ufixed<18,1,AP_RND,AP_SAT>) and along axis 0 of a [4, 1]
// tensor with hls4ml's signed table type ap_fixed<18,8,AP_RND,AP_SAT>.
func.func @acts(%x: tensor<1x4x!nn.fixed<10, 5>> loc("x"))
    -> (tensor<1x4x!nn.ufixed<8, 0, RND, SAT>>, tensor<1x4x!nn.fixed<8, 2>>,
        tensor<1x4x!nn.fixed<16, 6>>, tensor<4x1x!nn.ufixed<10, 1, RND, SAT>>) {
  %s = nn.sigmoid %x : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.ufixed<8, 0, RND, SAT>> loc("sig")
  %t = nn.tanh %x {nn.table_size = 256 : i64, nn.table_type = !nn.fixed<12, 2>} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<8, 2>> loc("th")
  %m = nn.softmax %x {axis = 1 : i64} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<16, 6>> loc("sm")
  %r = nn.reshape %x : tensor<1x4x!nn.fixed<10, 5>> -> tensor<4x1x!nn.fixed<10, 5>> loc("col")
  %c = nn.softmax %r {axis = 0 : i64, nn.table_size = 512 : i64, nn.table_type = !nn.fixed<18, 8, RND, SAT>} : tensor<4x1x!nn.fixed<10, 5>> -> tensor<4x1x!nn.ufixed<10, 1, RND, SAT>> loc("smcol")
  return %s, %t, %m, %c : tensor<1x4x!nn.ufixed<8, 0, RND, SAT>>, tensor<1x4x!nn.fixed<8, 2>>, tensor<1x4x!nn.fixed<16, 6>>, tensor<4x1x!nn.ufixed<10, 1, RND, SAT>>
}
