// hls4ml's four softmax implementations (fx::softmax) for the lowering and
// C-simulation tests, each along the last axis of [1, 4]:
//   lat: latency (no maximum; exp table over [-8, 8)), 256 entries, its
//        default tables;
//   acc: stable with its own table types and a saturating sum type
//        (hls4ml's exp_table, inv_table, accum): every sum is >= 1 (the
//        maximum's entry), above ap_ufixed<8,0>'s 0.996, so it saturates;
//   leg: legacy (a sum of e^(x_j - x_i) per output, 1/s over [0, 64));
//   arg: argmax, a one-hot of the first maximum; 1 saturates to 255/256 in
//        the result type.
func.func @smx(%x: tensor<1x4x!nn.fixed<10, 5>> loc("x"))
    -> (tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x!nn.ufixed<12, 1, RND, SAT>>,
        tensor<1x4x!nn.ufixed<10, 1, RND, SAT>>, tensor<1x4x!nn.ufixed<8, 0, RND, SAT>>) {
  %a = nn.softmax %x {axis = 1 : i64, implementation = "latency", nn.table_size = 256 : i64} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.fixed<16, 6>> loc("lat")
  %b = nn.softmax %x {axis = 1 : i64, exp_table_type = !nn.ufixed<16, 1, RND, SAT>, inv_table_type = !nn.ufixed<12, 1, RND, SAT>, accum_type = !nn.ufixed<8, 0, TRN, SAT>} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.ufixed<12, 1, RND, SAT>> loc("acc")
  %c = nn.softmax %x {axis = 1 : i64, implementation = "legacy"} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.ufixed<10, 1, RND, SAT>> loc("leg")
  %d = nn.softmax %x {axis = 1 : i64, implementation = "argmax"} : tensor<1x4x!nn.fixed<10, 5>> -> tensor<1x4x!nn.ufixed<8, 0, RND, SAT>> loc("arg")
  return %a, %b, %c, %d : tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x!nn.ufixed<12, 1, RND, SAT>>, tensor<1x4x!nn.ufixed<10, 1, RND, SAT>>, tensor<1x4x!nn.ufixed<8, 0, RND, SAT>>
}
