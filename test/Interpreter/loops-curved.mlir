// elu, selu, softplus and reduce_mean (LowerActivations.cpp,
// LowerReduce.cpp): nn IR, its loop IR and the emitted C++ (g++ C
// simulation) agree bit for bit on 3 samples.
// RUN: nn-opt %S/../Conversion/Inputs/curved.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %S/../Conversion/Inputs/curved.mlir --input %S/Inputs/x-3x4.npy --output %t.nn0.npy --output %t.nn1.npy --output %t.nn2.npy --output %t.nn3.npy --output %t.nn4.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp0.npy --output %t.lp1.npy --output %t.lp2.npy --output %t.lp3.npy --output %t.lp4.npy
// RUN: cmp %t.nn0.npy %t.lp0.npy
// RUN: cmp %t.nn1.npy %t.lp1.npy
// RUN: cmp %t.nn2.npy %t.lp2.npy
// RUN: cmp %t.nn3.npy %t.lp3.npy
// RUN: cmp %t.nn4.npy %t.lp4.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project=%t.prj %t.loops.mlir
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t.prj/curved_csim --input %S/Inputs/x-3x4.npy --output %t.cs0.npy --output %t.cs1.npy --output %t.cs2.npy --output %t.cs3.npy --output %t.cs4.npy
// The C simulation writes the same .npy files as nn-interp, byte for byte.
// RUN: cmp %t.nn1.npy %t.cs1.npy
// RUN: cmp %t.nn2.npy %t.cs2.npy
// RUN: cmp %t.nn3.npy %t.cs3.npy
// RUN: cmp %t.nn4.npy %t.cs4.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// Sample 0 is x = [-1, 2, -3, 4]; sample 2 is [10, -10, 0, 0.25].
// elu(-1), alpha 0.5: entry at t = 1 (index 128 of 1024 over [0, 8)),
// 0.5 * (e^-1 - 1) = -0.31606 -> * 64 = -20.2 -> -21 (TRN), -0.328125:
// CHECK: output 0: 3x4x!nn.fixed<10, 4>
// CHECK-NEXT: {{^}}{{\[\[}}-0.328125, 2, -0.484375, 4],
// 10 wraps in ap_fixed<10,4> (range [-8, 8)) to -6:
// CHECK: {{^}} [-6, -0.5, 0, 0.25]]
// selu(10) = 10.507 saturates to 7.99609375:
// CHECK: output 1: 3x4x!nn.fixed<12, 4>
// CHECK: {{^}} [7.99609375, -1.7578125, 0, 0.26171875]]
// CHECK: output 2: 3x4x!nn.ufixed<10, 4>
// CHECK: output 3: 3x1x!nn.fixed<10, 4>
// (-1 + 2 - 3 + 4) / 4 = 0.5; (10 - 10 + 0 + 0.25) / 4 = 0.0625:
// CHECK-NEXT: {{^}}{{\[\[}}0.5],
// CHECK-NEXT: [0],
// CHECK-NEXT: [0.0625]]
// pairs: (-1 + 2) / 2, (-3 + 4) / 2; (0 + 0.25) / 2 = 0.125:
// CHECK: output 4: 3x2x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[}}0.5, 0.5],
// CHECK: {{^}} [0, 0.125]]
