// The fixed-point hard_swish computes its product exactly in 128-bit
// integers; formats whose exact product does not fit are a diagnostic naming
// the op, not a wrong answer. (gelu's always fits: inputs of at most 64 bits
// times table entries of at most 53, which the dialect verifier enforces;
// invalid-pass-attributes.mlir.)
// RUN: not nn-interp %s --entry hard_swish_wide --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=HSWISH

// The gate alpha * x + beta of a 64-bit x fits; x times it does not.
// HSWISH: error: 'nn.hard_swish': the full-precision product input * gate needs
func.func @hard_swish_wide(%x: tensor<1x4x!nn.fixed<64, 32>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  %y = nn.hard_swish %x : tensor<1x4x!nn.fixed<64, 32>> -> tensor<1x4x!nn.fixed<16, 6>>
  return %y : tensor<1x4x!nn.fixed<16, 6>>
}
