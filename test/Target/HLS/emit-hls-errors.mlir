// Diagnostics of --emit-hls.
// RUN: not nn-translate --emit-hls %s -split-input-file 2>&1 | FileCheck %s

// IR that was not lowered: the missing step is named, not a detail.
// CHECK: error: the function 'not_lowered' takes or returns tensors: this is nn-level IR, which the HLS emitter does not read; run nn-opt --nn-lower-to-hls first
func.func @not_lowered(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

// -----

// CHECK: error: loc("fc1"): 'nn.relu' (layer 'fc1') works on tensors: this is nn-level IR, which the HLS emitter does not read; run nn-opt --nn-lower-to-hls first
func.func @nn_level(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  %y = nn.relu %x : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>> loc("fc1")
  return %y : tensor<1x4x!nn.fixed<8, 3>>
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

// -----

// Size limits (docs/Lowering.md, "Limits"), checked before anything is
// allocated or printed: 2^32 one-byte elements.
// CHECK: error: the HLS emitter declares arrays of at most 2147483648 bytes, but port 'input_0' ('memref<4294967296x!nn.fixed<8, 3>>') needs 4294967296 bytes
func.func @huge_port(%x: memref<4294967296x!nn.fixed<8, 3>>, %y: memref<1x!nn.fixed<8, 3>> {nn.hls.output}) {
  return
}

// -----

// An element count beyond int64 (memrefs have no such rule): no overflow.
// CHECK: loc("big"): the HLS emitter declares arrays of at most 2147483648 bytes, but array 'big' ('memref<4294967296x4294967296x!nn.fixed<16, 3>>') needs more than 2^63 - 1 bytes
func.func @overflowing_buffer(%y: memref<1x!nn.fixed<16, 3>> {nn.hls.output}) {
  %b = memref.alloc() : memref<4294967296x4294967296x!nn.fixed<16, 3>> loc("big")
  return
}

// -----

// A splat rom of 2^28 elements: 256 MiB is a valid array, but the weights
// (printed as literals, read as int64_t first) are bounded in total. This
// aborted with an uncaught std::length_error / out of memory before.
// CHECK: loc("w"): the HLS emitter prints at most 134217728 weights in all, and the weights up to 'w' are 268435456 elements
func.func @huge_weights(%y: memref<1x!nn.fixed<8, 3>> {nn.hls.output}) {
  %w = nn.fx.rom dense<1> : tensor<268435456xi8> -> memref<268435456x!nn.fixed<8, 3>> loc("w")
  return
}

// -----

// CHECK: loc("l"): the HLS emitter's loop variables are C ints, but the loop 'l' runs from 0 to 3000000000 by 1
func.func @long_loop(%y: memref<1x!nn.fixed<8, 3>> {nn.hls.output}) {
  affine.for %i = 0 to 3000000000 {
  } loc("l")
  return
}

// -----

// A directive's text goes into a pragma: it cannot end it (the dialect's
// verifier refuses it before the emitter runs; test/Dialect/NN/hls-directives.mlir).
// CHECK: error: 'memref.alloc' op attribute 'nn.hls.array_partition' must be "complete", "cyclic factor=N" or "block factor=N" with N > 0, got "complete dim=0)\0A#include </etc/passwd>"
func.func @directive_injection(%y: memref<4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %b = memref.alloc() {nn.hls.array_partition = "complete dim=0)\n#include </etc/passwd>"} : memref<4x!nn.fixed<8, 3>>
  return
}
