// !nn.fixed and !nn.ufixed parse and print back; default modes are elided.
// RUN: nn-opt %s | nn-opt | FileCheck %s

// CHECK-LABEL: func.func @types
// CHECK-SAME: tensor<2x!nn.fixed<16, 6>>
// CHECK-SAME: tensor<2x!nn.fixed<16, 6>>
// CHECK-SAME: tensor<2x!nn.fixed<16, 6, RND>>
// CHECK-SAME: tensor<2x!nn.fixed<16, 6, TRN, SAT>>
// CHECK-SAME: tensor<2x!nn.fixed<18, 8, RND_CONV, SAT_SYM>>
// CHECK-SAME: tensor<2x!nn.ufixed<8, 0>>
// CHECK-SAME: tensor<2x!nn.ufixed<4, 8, RND_INF, SAT_ZERO>>
// CHECK-SAME: tensor<2x!nn.fixed<8, -2, TRN_ZERO>>
// CHECK-SAME: tensor<2x!nn.fixed<1, 1, RND_ZERO, WRAP_SM>>
// CHECK-SAME: tensor<2x!nn.fixed<1024, 1024, RND_MIN_INF>>
func.func @types(
    %a: tensor<2x!nn.fixed<16, 6>>,
    %b: tensor<2x!nn.fixed<16, 6, TRN, WRAP>>,
    %c: tensor<2x!nn.fixed<16, 6, RND>>,
    %d: tensor<2x!nn.fixed<16, 6, TRN, SAT>>,
    %e: tensor<2x!nn.fixed<18, 8, RND_CONV, SAT_SYM>>,
    %f: tensor<2x!nn.ufixed<8, 0>>,
    %g: tensor<2x!nn.ufixed<4, 8, RND_INF, SAT_ZERO>>,
    %h: tensor<2x!nn.fixed<8, -2, TRN_ZERO>>,
    %i: tensor<2x!nn.fixed<1, 1, RND_ZERO, WRAP_SM>>,
    %j: tensor<2x!nn.fixed<1024, 1024, RND_MIN_INF, WRAP>>) {
  return
}
