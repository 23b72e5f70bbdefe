// --nn-check-hls-limits counts the copies Vitis makes of each operation:
// loops marked nn.hls.unroll, and every loop inside a pipelined loop or
// function, multiply. The nn-lower-to-hls pipeline ends with this check.
// RUN: nn-opt %s -split-input-file -verify-diagnostics --nn-check-hls-limits="max-unroll=12"

// 3 x 4 = 12 copies: at the limit.
func.func @at_limit(%a: memref<3x4x!nn.fixed<8, 3>>) {
  affine.for %i = 0 to 3 {
    affine.for %j = 0 to 4 {
      %v = affine.load %a[%i, %j] : memref<3x4x!nn.fixed<8, 3>>
      %r = nn.fx.relu %v : !nn.fixed<8, 3>
      affine.store %r, %a[%i, %j] : memref<3x4x!nn.fixed<8, 3>>
    } {nn.hls.name = "inner", nn.hls.unroll = 0 : i64}
  } {nn.hls.name = "outer", nn.hls.unroll = 0 : i64}
  return
}

// -----

// A rolled outer loop does not multiply: 4 copies per iteration.
func.func @rolled_outer(%a: memref<100x4x!nn.fixed<8, 3>>) {
  affine.for %i = 0 to 100 {
    affine.for %j = 0 to 4 {
      %v = affine.load %a[%i, %j] : memref<100x4x!nn.fixed<8, 3>>
      %r = nn.fx.relu %v : !nn.fixed<8, 3>
      affine.store %r, %a[%i, %j] : memref<100x4x!nn.fixed<8, 3>>
    } {nn.hls.name = "inner", nn.hls.unroll = 0 : i64}
  } {nn.hls.name = "outer", nn.hls.pipeline_ii = 1 : i64}
  return
}

// -----

// 13 copies of an explicitly unrolled loop.
func.func @too_many(%a: memref<13x!nn.fixed<8, 3>>) {
  affine.for %i = 0 to 13 {
    // expected-error @+1 {{loop 'wide' and the loops around it unroll 'affine.load' 13 times, more than 12 (max-unroll)}}
    %v = affine.load %a[%i] : memref<13x!nn.fixed<8, 3>>
    %r = nn.fx.relu %v : !nn.fixed<8, 3>
    affine.store %r, %a[%i] : memref<13x!nn.fixed<8, 3>>
  } {nn.hls.name = "wide", nn.hls.unroll = 0 : i64}
  return
}

// -----

// A pipelined function unrolls its unmarked loops too: 4 x 4 = 16.
func.func @pipelined_function(%a: memref<4x4x!nn.fixed<8, 3>>) attributes {nn.hls.pipeline_ii = 1 : i64} {
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 4 {
      // expected-error @+1 {{loop 'cols' and the loops around it unroll 'affine.load' 16 times, more than 12 (max-unroll)}}
      %v = affine.load %a[%i, %j] : memref<4x4x!nn.fixed<8, 3>>
      affine.store %v, %a[%j, %i] : memref<4x4x!nn.fixed<8, 3>>
    } {nn.hls.name = "cols"}
  } {nn.hls.name = "rows"}
  return
}

// -----

// An unrolled loop whose trip count is not a constant.
func.func @symbolic_bound(%a: memref<8x!nn.fixed<8, 3>>, %n: index) {
  // expected-error @+1 {{nn-check-hls-limits: an unrolled loop needs a constant trip count}}
  affine.for %i = 0 to %n {
    %v = affine.load %a[%i] : memref<8x!nn.fixed<8, 3>>
    affine.store %v, %a[%i] : memref<8x!nn.fixed<8, 3>>
  } {nn.hls.name = "open", nn.hls.unroll = 0 : i64}
  return
}
