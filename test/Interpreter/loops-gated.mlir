// gelu (LowerActivations.cpp) and hard_swish (LowerElementwise.cpp): nn IR,
// its loop IR and the emitted C++ (g++ C simulation) agree bit for bit on 3
// samples, and the values are those of the formulas of
// nn/Support/ActivationTables.h and NNActivationOps.td, computed by hand
// (exact rationals) below.
// RUN: nn-opt %S/../Conversion/Inputs/gated.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %S/../Conversion/Inputs/gated.mlir --input %S/Inputs/x-3x4.npy --output %t.nn0.npy --output %t.nn1.npy --output %t.nn2.npy --output %t.nn3.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp0.npy --output %t.lp1.npy --output %t.lp2.npy --output %t.lp3.npy
// RUN: cmp %t.nn0.npy %t.lp0.npy
// RUN: cmp %t.nn1.npy %t.lp1.npy
// RUN: cmp %t.nn2.npy %t.lp2.npy
// RUN: cmp %t.nn3.npy %t.lp3.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project=%t.prj %t.loops.mlir
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t.prj/gated_csim --input %S/Inputs/x-3x4.npy --output %t.cs0.npy --output %t.cs1.npy --output %t.cs2.npy --output %t.cs3.npy
// RUN: cmp %t.nn0.npy %t.cs0.npy
// RUN: cmp %t.nn1.npy %t.cs1.npy
// RUN: cmp %t.nn2.npy %t.cs2.npy
// RUN: cmp %t.nn3.npy %t.cs3.npy
// RUN: nn-interp %S/../Conversion/Inputs/gated.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// x = [[-1, 2, -3, 4], [0.5, -0.5, 1, -1], [10, -10, 0, 0.25]].
// gelu: 1024 entries over [-8, 8) (bins of 1/64), entries Phi(x_i) in the
// result type ap_fixed<12,4> (TRN, 8 fraction bits). x = -1 is x_i = -1:
// Phi(-1) = 0.158655 -> 40/256; -1 * 40/256 = -0.15625. x = 2: Phi(2) =
// 0.977250 -> 250/256, 2 * 250/256 = 1.953125. x = 10 reads the last
// entry (x_i = 7.984375, Phi = 1 - 1e-15 -> 255/256): 9.9609375, which
// wraps in [-8, 8) to -6.0390625. x = -3: Phi(-3) = 0.00135 -> 0.
// CHECK: output 0: 3x4x!nn.fixed<12, 4>
// CHECK-NEXT: {{^}}{{\[\[}}-0.15625, 1.953125, 0, 3.984375],
// CHECK-NEXT: {{^}} [0.34375, -0.15234375, 0.83984375, -0.15625],
// CHECK-NEXT: {{^}} [-6.0390625, 0, 0, 0.1484375]]
// gelu tanh form: 256 entries (bins of 1/16), ap_ufixed<8,0,RND,SAT>
// entries, result ap_fixed<10,4,RND,SAT>: x = 1 reads Phi~(1) = 0.841192
// -> 215/256 = 0.83984375, x * entry rounds to 0.84375 (1/64 steps); x = 10
// reads 255/256 (1.0 saturates): 9.96 saturates to 7.984375.
// CHECK: output 1: 3x4x!nn.fixed<10, 4>
// CHECK-NEXT: {{^}}{{\[\[}}-0.15625, 1.953125, 0, 3.984375],
// CHECK-NEXT: {{^}} [0.34375, -0.15625, 0.84375, -0.15625],
// CHECK-NEXT: {{^}} [7.984375, 0, 0, 0.15625]]
// hard_swish: alpha = f32(1/6) = 0.16666667163..., beta = 0.5; the exact
// x * (alpha * x + beta) truncated to 1/256: x = -1: -0.33333333 ->
// -0.3359375; x = 2: 1.6666667 -> 1.6640625; x = 4 and 10: the gate is 1
// (10 wraps to -6); x = -3, -10: the gate is 0.
// CHECK: output 2: 3x4x!nn.fixed<12, 4>
// CHECK-NEXT: {{^}}{{\[\[}}-0.3359375, 1.6640625, 0, 4],
// CHECK-NEXT: {{^}} [0.2890625, -0.2109375, 0.6640625, -0.3359375],
// CHECK-NEXT: {{^}} [-6, 0, 0, 0.1328125]]
// alpha = 0.2, beta = 0.4, rounded to 1/128: x = -1: -0.2 -> -0.203125;
// x = 2: 2 * 0.8 = 1.6 -> 1.6015625; x = 4 and 10 (gate 1) saturate to
// 3.9921875.
// CHECK: output 3: 3x4x!nn.fixed<10, 3>
// CHECK-NEXT: {{^}}{{\[\[}}-0.203125, 1.6015625, 0, 3.9921875],
// CHECK-NEXT: {{^}} [0.25, -0.1484375, 0.6015625, -0.203125],
// CHECK-NEXT: {{^}} [3.9921875, 0, 0, 0.109375]]
