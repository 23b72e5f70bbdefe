// Diagnostics of --emit-hls.
// RUN: not nn-translate --emit-hls %s -split-input-file 2>&1 | FileCheck %s

// CHECK: the HLS emitter expects static memrefs of !nn.fixed arguments, got 'tensor<2xf32>'
func.func @not_lowered(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

// -----

// CHECK: the HLS emitter does not handle 'memref.copy'
func.func @other_op(%x: memref<2x!nn.fixed<8, 3>>, %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output}) {
  memref.copy %x, %y : memref<2x!nn.fixed<8, 3>> to memref<2x!nn.fixed<8, 3>>
  return
}

// -----

// CHECK: the HLS emitter prints weights of up to 53 bits (exact as double literals), got '!nn.fixed<60, 6>'
func.func @wide_weights(%y: memref<1x!nn.fixed<60, 6>> {nn.hls.output}) {
  %w = nn.fx.rom dense<[1]> : tensor<1xi60> -> memref<1x!nn.fixed<60, 6>>
  %c0 = arith.constant 0 : index
  %v = affine.load %w[%c0] : memref<1x!nn.fixed<60, 6>>
  affine.store %v, %y[%c0] : memref<1x!nn.fixed<60, 6>>
  return
}
