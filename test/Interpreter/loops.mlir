// nn-interp runs loop-level IR (docs/Lowering.md): the small network of the
// lowering tests gives the same outputs, bit for bit, as nn IR and as its
// lowering, at reuse factors 1 and 2, with accumulator casts and a result
// returned twice, on a batch of 3 samples.
// RUN: nn-opt %S/../Conversion/Inputs/small-mlp.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %S/../Conversion/Inputs/small-mlp.mlir --input %S/Inputs/x-3x4.npy --output %t.nn0.npy --output %t.nn1.npy --output %t.nn2.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp0.npy --output %t.lp1.npy --output %t.lp2.npy
// RUN: cmp %t.nn0.npy %t.lp0.npy
// RUN: cmp %t.nn1.npy %t.lp1.npy
// RUN: cmp %t.nn2.npy %t.lp2.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// CHECK: output 0: 3x2x!nn.fixed<16, 6>
// fc1 on sample 0, x = [-1, 2, -3, 4 -> -4 (wraps in ap_fixed<8,3>)], by
// hand: row 0: 0.625 + (-0.25 - 1 - 0.234375 - 0.4375) = -1.296875; row 1:
// -0.09375 + (-1 + 4 - 9 - 16) / 64 = -0.4375; row 2: 3.125 + (64 + 126 +
// 3 + 0) / 64 = 6.140625 (all exact in the accumulator and the result).
// CHECK: output 1: 3x3x!nn.fixed<10, 4>
// CHECK-NEXT: {{^}}{{\[\[}}-1.296875, -0.4375, 6.140625],
// CHECK: output 2: 3x3x!nn.fixed<10, 4>
// CHECK-NEXT: {{^}}{{\[\[}}-1.296875, -0.4375, 6.140625],
