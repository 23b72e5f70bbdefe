// An nn.batch_norm between two dense layers (as written by hand or by a
// front end; --nn-quantize turns an unabsorbed batch norm into nn.mul and
// nn.add, tested in prune-conv.mlir): its four parameters lose the
// removed units' entries. d1's rows hold 7, 11, 13 (3 set bits: one DSP
// per product, 2 per row) and d2 reads each unit with 7 (2 DSPs per
// unit): dsp:8 of 12 removes unit 0, the least important.
// (nn-estimate has no model for nn.batch_norm: a warning, 0 DSPs.)
// RUN: nn-opt %s --nn-prune="budget=dsp:8" -o %t.mlir 2>/dev/null | FileCheck %s
// CHECK: d1 nn.dense 3 2
// CHECK: after: dsp 8
// RUN: FileCheck %s --check-prefix=IR < %t.mlir
// The kept entries of the scale (raws 1, 2, 3 -> 2, 3) and bias (4, 5, 6):
// IR-DAG: nn.constant dense<[2, 3]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 2>>
// IR-DAG: nn.constant dense<[5, 6]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 4>>
// IR: nn.batch_norm {{.*}} : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x!nn.fixed<8, 2>>, tensor<2x!nn.fixed<8, 4>>, tensor<2x!nn.fixed<8, 4>>, tensor<2x!nn.ufixed<8, 4>>) -> tensor<1x2x!nn.fixed<16, 6>>
func.func @bn(%x: tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense<[[7, 7], [11, 11], [13, 13]]> : tensor<3x2xi16> -> tensor<3x2x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1 : (tensor<1x2x!nn.fixed<16, 6>>, tensor<3x2x!nn.fixed<16, 6>>) -> tensor<1x3x!nn.fixed<16, 6>> loc("d1")
  %s = nn.constant dense<[1, 2, 3]> : tensor<3xi8> -> tensor<3x!nn.fixed<8, 2>>
  %b = nn.constant dense<[4, 5, 6]> : tensor<3xi8> -> tensor<3x!nn.fixed<8, 4>>
  %m = nn.constant dense<[0, 0, 0]> : tensor<3xi8> -> tensor<3x!nn.fixed<8, 4>>
  %v = nn.constant dense<[16, 16, 16]> : tensor<3xi8> -> tensor<3x!nn.ufixed<8, 4>>
  %n = nn.batch_norm %h, %s, %b, %m, %v : (tensor<1x3x!nn.fixed<16, 6>>, tensor<3x!nn.fixed<8, 2>>, tensor<3x!nn.fixed<8, 4>>, tensor<3x!nn.fixed<8, 4>>, tensor<3x!nn.ufixed<8, 4>>) -> tensor<1x3x!nn.fixed<16, 6>> loc("bn")
  %w2 = nn.constant dense<[[7, 7, 7], [7, 7, 7]]> : tensor<2x3xi16> -> tensor<2x3x!nn.fixed<16, 6>>
  %y = nn.dense %n, %w2 : (tensor<1x3x!nn.fixed<16, 6>>, tensor<2x3x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
