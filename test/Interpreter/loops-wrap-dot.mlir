// A loop that is one wrapping dot product (nn/Dialect/NN/IR/WrapDot.h):
// the loop interpreter runs it as one sum on 64-bit integers wrapped once,
// which must equal the step-by-step casts. x = w = [1.75] * 4 (raw 7 in
// ap_fixed<4,2>); each product is 3.0625 (raw 49, 4 fraction bits).
//   @wrap: ap_fixed<6,2> (AP_WRAP) holds raws in [-32, 32): 4 * 49 = 196
//     wraps to 196 - 3 * 64 = 4, i.e. 0.25 (step by step: 49 -> -15, 34 ->
//     -30, 19 -> 19, 68 -> 4, the same).
//   @sat: ap_fixed<6,2,AP_TRN,AP_SAT> saturates at raw 31 on the first step
//     and stays there: 1.9375 (not a wrapping dot product: step by step).
//   @conv: a flattened 2x2 window over a 3x3 input (the index divisions of
//     a conv), lossless: x[i][j] = i * 3 + j (in ap_fixed<8,6>, raw 4x),
//     w = 1, 2, 3, 4; window at (1, 1): 4 + 2 * 5 + 3 * 7 + 4 * 8 = 67.
//   @out_of_bounds: a window that leaves the buffer is run step by step and
//     reports the step's index, as every other load does.
// RUN: nn-interp %s --entry wrap --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=WRAP
// RUN: nn-interp %s --entry sat --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=SAT
// RUN: nn-interp %s --entry conv --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=CONV
// RUN: not nn-interp %s --entry out_of_bounds --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=OOB
// test/Target/HLS/emit-hls-wrap-dot.mlir: the C simulation's form.

// WRAP: [0.25]
func.func @wrap(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x!nn.fixed<6, 2>> {nn.hls.output}) {
  %a = nn.fx.rom dense<[7, 7, 7, 7]> : tensor<4xi4> -> memref<4x!nn.fixed<4, 2>>
  %b = nn.fx.rom dense<[7, 7, 7, 7]> : tensor<4xi4> -> memref<4x!nn.fixed<4, 2>>
  %zero = nn.fx.constant 0 : !nn.fixed<6, 2>
  %acc = affine.for %k = 0 to 4 iter_args(%s = %zero) -> (!nn.fixed<6, 2>) {
    %u = affine.load %a[%k] : memref<4x!nn.fixed<4, 2>>
    %v = affine.load %b[%k] : memref<4x!nn.fixed<4, 2>>
    %p = nn.fx.mul %u, %v : (!nn.fixed<4, 2>, !nn.fixed<4, 2>) -> !nn.fixed<8, 4>
    %t = nn.fx.add %s, %p : (!nn.fixed<6, 2>, !nn.fixed<8, 4>) -> !nn.fixed<9, 5>
    %n = nn.fx.cast %t : !nn.fixed<9, 5> -> !nn.fixed<6, 2>
    affine.yield %n : !nn.fixed<6, 2>
  }
  affine.store %acc, %y[0] : memref<1x!nn.fixed<6, 2>>
  return
}

// SAT: [1.9375]
func.func @sat(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x!nn.fixed<6, 2, TRN, SAT>> {nn.hls.output}) {
  %a = nn.fx.rom dense<[7, 7, 7, 7]> : tensor<4xi4> -> memref<4x!nn.fixed<4, 2>>
  %zero = nn.fx.constant 0 : !nn.fixed<6, 2, TRN, SAT>
  %acc = affine.for %k = 0 to 4 iter_args(%s = %zero) -> (!nn.fixed<6, 2, TRN, SAT>) {
    %u = affine.load %a[%k] : memref<4x!nn.fixed<4, 2>>
    %v = affine.load %a[%k] : memref<4x!nn.fixed<4, 2>>
    %p = nn.fx.mul %u, %v : (!nn.fixed<4, 2>, !nn.fixed<4, 2>) -> !nn.fixed<8, 4>
    %t = nn.fx.add %s, %p : (!nn.fixed<6, 2, TRN, SAT>, !nn.fixed<8, 4>) -> !nn.fixed<9, 5>
    %n = nn.fx.cast %t : !nn.fixed<9, 5> -> !nn.fixed<6, 2, TRN, SAT>
    affine.yield %n : !nn.fixed<6, 2, TRN, SAT>
  }
  affine.store %acc, %y[0] : memref<1x!nn.fixed<6, 2, TRN, SAT>>
  return
}

// CONV: [67]
func.func @conv(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x!nn.fixed<20, 16>> {nn.hls.output}) {
  %in = nn.fx.rom dense<[[0, 4, 8], [12, 16, 20], [24, 28, 32]]> : tensor<3x3xi8> -> memref<3x3x!nn.fixed<8, 6>>
  %w = nn.fx.rom dense<[4, 8, 12, 16]> : tensor<4xi8> -> memref<4x!nn.fixed<8, 6>>
  %zero = nn.fx.constant 0 : !nn.fixed<20, 16>
  %c1 = arith.constant 1 : index
  %acc = affine.for %k = 0 to 4 iter_args(%s = %zero) -> (!nn.fixed<20, 16>) {
    %u = affine.load %in[%c1 + %k floordiv 2, %c1 + %k mod 2] : memref<3x3x!nn.fixed<8, 6>>
    %v = affine.load %w[%k] : memref<4x!nn.fixed<8, 6>>
    %p = nn.fx.mul %v, %u : (!nn.fixed<8, 6>, !nn.fixed<8, 6>) -> !nn.fixed<16, 12>
    %q = nn.fx.cast %p : !nn.fixed<16, 12> -> !nn.fixed<20, 16>
    %t = nn.fx.add %s, %q : (!nn.fixed<20, 16>, !nn.fixed<20, 16>) -> !nn.fixed<21, 17>
    %n = nn.fx.cast %t : !nn.fixed<21, 17> -> !nn.fixed<20, 16>
    affine.yield %n : !nn.fixed<20, 16>
  }
  affine.store %acc, %y[0] : memref<1x!nn.fixed<20, 16>>
  return
}

// OOB: error: index 3 out of bounds [0, 3) in dimension 1
func.func @out_of_bounds(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x!nn.fixed<20, 16>> {nn.hls.output}) {
  %in = nn.fx.rom dense<[[0, 4, 8], [12, 16, 20], [24, 28, 32]]> : tensor<3x3xi8> -> memref<3x3x!nn.fixed<8, 6>>
  %w = nn.fx.rom dense<[4, 8, 12, 16]> : tensor<4xi8> -> memref<4x!nn.fixed<8, 6>>
  %zero = nn.fx.constant 0 : !nn.fixed<20, 16>
  %c2 = arith.constant 2 : index
  %acc = affine.for %k = 0 to 4 iter_args(%s = %zero) -> (!nn.fixed<20, 16>) {
    %u = affine.load %in[%c2 + %k floordiv 2, %c2 + %k mod 2] : memref<3x3x!nn.fixed<8, 6>>
    %v = affine.load %w[%k] : memref<4x!nn.fixed<8, 6>>
    %p = nn.fx.mul %v, %u : (!nn.fixed<8, 6>, !nn.fixed<8, 6>) -> !nn.fixed<16, 12>
    %q = nn.fx.cast %p : !nn.fixed<16, 12> -> !nn.fixed<20, 16>
    %t = nn.fx.add %s, %q : (!nn.fixed<20, 16>, !nn.fixed<20, 16>) -> !nn.fixed<21, 17>
    %n = nn.fx.cast %t : !nn.fixed<21, 17> -> !nn.fixed<20, 16>
    affine.yield %n : !nn.fixed<20, 16>
  }
  affine.store %acc, %y[0] : memref<1x!nn.fixed<20, 16>>
  return
}
