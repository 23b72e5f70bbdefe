// Run-time errors of the loop interpreter: nn.fx.ilog2 of a non-positive
// value, nn.fx.div_pow2 outside its exponent range, an affine map dividing
// by a symbol that is 0.
// RUN: not nn-interp %s --entry ilog2_zero --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=ILOG2
// RUN: not nn-interp %s --entry exp_range --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=RANGE
// RUN: not nn-interp %s --entry zero_divisor --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=ZERO

// ILOG2: error: nn.fx.ilog2 of a value that is not positive
func.func @ilog2_zero(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %z = nn.fx.constant 0 : !nn.ufixed<8, 3>
  %e = nn.fx.ilog2 %z : !nn.ufixed<8, 3>
  %v = affine.load %x[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  %w = nn.fx.div_pow2 %v, %e {min_exp = -5 : i64, max_exp = 2 : i64} : (!nn.fixed<8, 3>, index) -> !nn.fixed<8, 3>
  affine.store %w, %y[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  return
}

// 2^-5 <= 1/32 < 2^-4: ilog2 = -5, outside [-3, 2].
// RANGE: error: nn.fx.div_pow2: exponent -5 is outside [-3, 2]
func.func @exp_range(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %s = nn.fx.constant 1 : !nn.ufixed<8, 3>
  %e = nn.fx.ilog2 %s : !nn.ufixed<8, 3>
  %v = affine.load %x[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  %w = nn.fx.div_pow2 %v, %e {min_exp = -3 : i64, max_exp = 2 : i64} : (!nn.fixed<8, 3>, index) -> !nn.fixed<8, 3>
  affine.store %w, %y[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  return
}

// ZERO: error: the loop interpreter evaluated d0 floordiv s0 with a divisor that is not positive
func.func @zero_divisor(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %i = affine.apply affine_map<(d0)[s0] -> (d0 floordiv s0)>(%c3)[%c0]
  %v = affine.load %x[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  affine.store %v, %y[0, %i] : memref<1x4x!nn.fixed<8, 3>>
  return
}
