// The fixed-point gelu and hard_swish compute their products exactly in
// 128-bit integers; formats whose exact product does not fit are a
// diagnostic naming the op, not a wrong answer.
// RUN: not nn-interp %s --entry gelu_wide --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=GELU
// RUN: not nn-interp %s --entry hard_swish_wide --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=HSWISH

// 64-bit input times a 64-bit table entry: 128 bits.
// GELU: error: 'nn.gelu': the full-precision product input * table entry needs 128 bits
func.func @gelu_wide(%x: tensor<1x4x!nn.fixed<64, 32>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  %y = nn.gelu %x {nn.table_type = !nn.fixed<64, 2>} : tensor<1x4x!nn.fixed<64, 32>> -> tensor<1x4x!nn.fixed<16, 6>>
  return %y : tensor<1x4x!nn.fixed<16, 6>>
}

// The gate alpha * x + beta of a 64-bit x fits; x times it does not.
// HSWISH: error: 'nn.hard_swish': the full-precision product input * gate needs
func.func @hard_swish_wide(%x: tensor<1x4x!nn.fixed<64, 32>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  %y = nn.hard_swish %x : tensor<1x4x!nn.fixed<64, 32>> -> tensor<1x4x!nn.fixed<16, 6>>
  return %y : tensor<1x4x!nn.fixed<16, 6>>
}
