// A loop that is one wrapping dot product (nn/Dialect/NN/IR/WrapDot.h): the
// emitter keeps the loop for Vitis and adds, for nn's C-simulation headers
// only, one sum on raw integers wrapped once (a table holds the offsets of
// a flattened conv window; a linear index stays inline). The C simulation
// must give the values test/Interpreter/loops-wrap-dot.mlir derives by
// hand: 0.25 (the accumulator wraps) and 67 (the conv window; here its
// weights 1, 2, 3, 4 are the input y-1x4.npy, in ap_fixed<8,4>, and the
// products are shifted by two bits into the accumulator's fraction).
// RUN: nn-translate --emit-hls %s | FileCheck %s
// RUN: nn-interp %s --input %S/../../Interpreter/Inputs/y-1x4.npy --print | FileCheck %s --check-prefix=VALUES
// RUN: rm -rf %t && nn-translate --emit-hls-project=%t/prj %s
// RUN: make -s -C %t/prj
// RUN: %t/prj/wrapdot_csim --input %S/../../Interpreter/Inputs/y-1x4.npy --output %t/y0.npy --output %t/y1.npy
// RUN: nn-interp %s --input %S/../../Interpreter/Inputs/y-1x4.npy --output %t/r0.npy --output %t/r1.npy
// RUN: cmp %t/y0.npy %t/r0.npy
// RUN: cmp %t/y1.npy %t/r1.npy
// RUN: nn-translate --emit-hls %S/Inputs/wrap-dot-empty.mlir | FileCheck %s --check-prefix=EMPTY
// EMPTY-NOT: NN_CSIM_AP_TYPES_H
// EMPTY: for (int {{i[0-9]+}} = 0; {{i[0-9]+}} < 0;
// EMPTY-NOT: NN_CSIM_AP_TYPES_H

// VALUES: [0.25]
// VALUES: [67]

// CHECK: fixed_6_2_t [[ACC:acc[0-9]+]] = [[INIT:v[0-9]+]];
// CHECK-NEXT: #ifdef NN_CSIM_AP_TYPES_H
// CHECK-NEXT: { // C simulation: the wrapping sum on raw integers
// CHECK-NEXT: uint64_t [[SUM:nn_sum[_0-9]*]] = 0;
// CHECK-NEXT: for (int [[K:nn_k[_0-9]*]] = 0; [[K]] < 4; ++[[K]])
// CHECK-NEXT: [[SUM]] += uint64_t((&a[0])[0 + (0 + [[K]] * 1)].nn_raw64()) * uint64_t((&b[0])[0 + (0 + [[K]] * 1)].nn_raw64());
// CHECK-NEXT: [[ACC]] = nn_csim::wrap_raw<fixed_6_2_t>(uint64_t([[ACC]].nn_raw64()) + ([[SUM]] << 0));
// CHECK-NEXT: }
// CHECK-NEXT: #else
// CHECK-NEXT: for (int [[I:i[0-9]+]] = 0; [[I]] < 4; [[I]]++) {
// CHECK: [[ACC]] = {{v[0-9]+}};
// CHECK-NEXT: }
// CHECK-NEXT: #endif

// The conv window: offsets (1 + k / 2) * 3 + (1 + k % 2) = 4 + {0, 1, 3, 4}
// (the loop-invariant part, 1 * 3 + 1 with %c1 = 1, prints as 1 * 4).
// CHECK: #ifdef NN_CSIM_AP_TYPES_H
// CHECK-NEXT: { // C simulation: the wrapping sum on raw integers
// CHECK-NEXT: static const int [[T:nn_offsets[_0-9]*]][4] = {0, 1, 3, 4};
// CHECK-NEXT: uint64_t [[SUM2:nn_sum[_0-9]*]] = 0;
// CHECK-NEXT: for (int [[K2:nn_k[_0-9]*]] = 0; [[K2]] < 4; ++[[K2]])
// CHECK-NEXT: [[SUM2]] += uint64_t((&{{in[_0-9]*}}[0][0])[(1 * 4) + [[T]]{{\[}}[[K2]]]].nn_raw64()) * uint64_t((&input_0[0][0])[0 + (0 + [[K2]] * 1)].nn_raw64());
// CHECK-NEXT: [[ACC2:acc[0-9]+]] = nn_csim::wrap_raw<fixed_24_16_t>(uint64_t([[ACC2]].nn_raw64()) + ([[SUM2]] << 2));
// CHECK: #endif

func.func @wrapdot(%x: memref<1x4x!nn.fixed<8, 4>>, %y0: memref<1x!nn.fixed<6, 2>> {nn.hls.output}, %y1: memref<1x!nn.fixed<24, 16>> {nn.hls.output}) {
  %a = nn.fx.rom dense<[7, 7, 7, 7]> : tensor<4xi4> {nn.hls.name = "a"} -> memref<4x!nn.fixed<4, 2>>
  %b = nn.fx.rom dense<[7, 7, 7, 7]> : tensor<4xi4> {nn.hls.name = "b"} -> memref<4x!nn.fixed<4, 2>>
  %zero = nn.fx.constant 0 : !nn.fixed<6, 2>
  %acc = affine.for %k = 0 to 4 iter_args(%s = %zero) -> (!nn.fixed<6, 2>) {
    %u = affine.load %a[%k] : memref<4x!nn.fixed<4, 2>>
    %v = affine.load %b[%k] : memref<4x!nn.fixed<4, 2>>
    %p = nn.fx.mul %u, %v : (!nn.fixed<4, 2>, !nn.fixed<4, 2>) -> !nn.fixed<8, 4>
    %t = nn.fx.add %s, %p : (!nn.fixed<6, 2>, !nn.fixed<8, 4>) -> !nn.fixed<9, 5>
    %n = nn.fx.cast %t : !nn.fixed<9, 5> -> !nn.fixed<6, 2>
    affine.yield %n : !nn.fixed<6, 2>
  }
  affine.store %acc, %y0[0] : memref<1x!nn.fixed<6, 2>>
  %in = nn.fx.rom dense<[[0, 4, 8], [12, 16, 20], [24, 28, 32]]> : tensor<3x3xi8> {nn.hls.name = "in"} -> memref<3x3x!nn.fixed<8, 6>>
  %zero2 = nn.fx.constant 0 : !nn.fixed<24, 16>
  %c1 = arith.constant 1 : index
  %acc2 = affine.for %k = 0 to 4 iter_args(%s = %zero2) -> (!nn.fixed<24, 16>) {
    %u = affine.load %in[%c1 + %k floordiv 2, %c1 + %k mod 2] : memref<3x3x!nn.fixed<8, 6>>
    %v = affine.load %x[0, %k] : memref<1x4x!nn.fixed<8, 4>>
    %p = nn.fx.mul %v, %u : (!nn.fixed<8, 4>, !nn.fixed<8, 6>) -> !nn.fixed<16, 10>
    %q = nn.fx.cast %p : !nn.fixed<16, 10> -> !nn.fixed<24, 16>
    %t = nn.fx.add %s, %q : (!nn.fixed<24, 16>, !nn.fixed<24, 16>) -> !nn.fixed<25, 17>
    %n = nn.fx.cast %t : !nn.fixed<25, 17> -> !nn.fixed<24, 16>
    affine.yield %n : !nn.fixed<24, 16>
  }
  affine.store %acc2, %y1[0] : memref<1x!nn.fixed<24, 16>>
  return
}
