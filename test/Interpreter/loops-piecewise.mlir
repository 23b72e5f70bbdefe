// leaky_relu, prelu, thresholded_relu, hard_sigmoid, clip (also with
// min > max) and max/min (LowerElementwise.cpp): nn IR, its loop IR and the
// emitted C++ (g++ C simulation) agree bit for bit on 3 samples.
// RUN: nn-opt %S/../Conversion/Inputs/piecewise.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %S/../Conversion/Inputs/piecewise.mlir --input %S/Inputs/x-3x4.npy --output %t.nn0.npy --output %t.nn1.npy --output %t.nn2.npy --output %t.nn3.npy --output %t.nn4.npy --output %t.nn5.npy --output %t.nn6.npy --output %t.nn7.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp0.npy --output %t.lp1.npy --output %t.lp2.npy --output %t.lp3.npy --output %t.lp4.npy --output %t.lp5.npy --output %t.lp6.npy --output %t.lp7.npy
// RUN: cmp %t.nn0.npy %t.lp0.npy
// RUN: cmp %t.nn1.npy %t.lp1.npy
// RUN: cmp %t.nn2.npy %t.lp2.npy
// RUN: cmp %t.nn3.npy %t.lp3.npy
// RUN: cmp %t.nn4.npy %t.lp4.npy
// RUN: cmp %t.nn5.npy %t.lp5.npy
// RUN: cmp %t.nn6.npy %t.lp6.npy
// RUN: cmp %t.nn7.npy %t.lp7.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project=%t.prj %t.loops.mlir
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t.prj/piecewise_csim --input %S/Inputs/x-3x4.npy --output %t.cs0.npy --output %t.cs1.npy --output %t.cs2.npy --output %t.cs3.npy --output %t.cs4.npy --output %t.cs5.npy --output %t.cs6.npy --output %t.cs7.npy
// The C simulation writes the same .npy files as nn-interp, byte for byte.
// RUN: cmp %t.nn1.npy %t.cs1.npy
// RUN: cmp %t.nn2.npy %t.cs2.npy
// RUN: cmp %t.nn3.npy %t.cs3.npy
// RUN: cmp %t.nn4.npy %t.cs4.npy
// RUN: cmp %t.nn5.npy %t.cs5.npy
// RUN: cmp %t.nn6.npy %t.cs6.npy
// RUN: cmp %t.nn7.npy %t.cs7.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// Sample 0 is x = [-1, 2, -3, 4].
// leaky_relu, alpha = 0.1f: -1 * 0.1000000015 * 32 = -3.2 -> -3 (RND),
// -0.09375; 4 saturates to 3.96875:
// CHECK: output 0: 3x4x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[}}-0.09375, 2, -0.3125, 3.96875],
// prelu with slopes [0.25, -0.5, 0.125, 0.0625]: -0.25, 2, -0.375, 4 wraps:
// CHECK: output 1: 3x4x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[}}-0.25, 2, -0.375, -4],
// CHECK: output 2: 3x4x!nn.fixed<10, 5>
// CHECK-NEXT: {{^}}{{\[\[}}0, 2, 0, 4],
// hard_sigmoid(-1) = 0.2f * -1 + 0.5 = 0.3 -> 76.8 / 256 -> 77 / 256:
// CHECK: output 3: 3x4x!nn.ufixed<8, 0>
// CHECK-NEXT: {{^}}{{\[\[}}0.30078125, 0.8984375, 0, 0.99609375],
// CHECK: output 4: 3x4x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[}}-0.75, 1.5, -0.75, 1.5],
// min 2 > max -1: every value becomes max (ONNX: min(max(x, 2), -1)):
// CHECK: output 5: 3x4x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[}}-1, -1, -1, -1],
// max and min with k = [0, 1, -1, 0.5]:
// CHECK: output 6: 3x4x!nn.fixed<10, 5>
// CHECK-NEXT: {{^}}{{\[\[}}0, 2, -1, 4],
// CHECK: output 7: 3x4x!nn.fixed<10, 5>
// CHECK-NEXT: {{^}}{{\[\[}}-1, 1, -3, 0.5],
