// concat, transpose, pad, resize, sub and mul (LowerShape.cpp,
// LowerElementwise.cpp): nn IR, its loop IR and the emitted C++ (g++ C
// simulation) agree bit for bit on every output of 3 samples.
// RUN: nn-opt %S/../Conversion/Inputs/shapes.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %S/../Conversion/Inputs/shapes.mlir --input %S/Inputs/x-3x4.npy --output %t.nn0.npy --output %t.nn1.npy --output %t.nn2.npy --output %t.nn3.npy --output %t.nn4.npy --output %t.nn5.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp0.npy --output %t.lp1.npy --output %t.lp2.npy --output %t.lp3.npy --output %t.lp4.npy --output %t.lp5.npy
// RUN: cmp %t.nn0.npy %t.lp0.npy
// RUN: cmp %t.nn1.npy %t.lp1.npy
// RUN: cmp %t.nn2.npy %t.lp2.npy
// RUN: cmp %t.nn3.npy %t.lp3.npy
// RUN: cmp %t.nn4.npy %t.lp4.npy
// RUN: cmp %t.nn5.npy %t.lp5.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project=%t.prj %t.loops.mlir
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t.prj/shapes_csim --input %S/Inputs/x-3x4.npy --output %t.cs0.npy --output %t.cs1.npy --output %t.cs2.npy --output %t.cs3.npy --output %t.cs4.npy --output %t.cs5.npy
// The C simulation writes the same .npy files as nn-interp, byte for byte.
// RUN: cmp %t.nn0.npy %t.cs0.npy
// RUN: cmp %t.nn1.npy %t.cs1.npy
// RUN: cmp %t.nn2.npy %t.cs2.npy
// RUN: cmp %t.nn3.npy %t.cs3.npy
// RUN: cmp %t.nn4.npy %t.cs4.npy
// RUN: cmp %t.nn5.npy %t.cs5.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// Sample 0 is x = [-1, 2, -3, 4] and 4 wraps to -4 in ap_fixed<8,3>.
// concat with c = [5, -7] * 2^-5:
// CHECK: output 0: 3x6x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[}}-1, 2, -3, -4, 0.15625, -0.21875],
// transpose of [[-1, 2], [-3, -4]]:
// CHECK: output 1: 3x2x2x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[\[}}-1, -3],
// CHECK-NEXT: [2, -4]],
// pad begins (0, 2), ends (0, -1): two columns of 0.5, then column 0:
// CHECK: output 2: 3x2x3x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[\[}}0.5, 0.5, -1],
// CHECK-NEXT: [0.5, 0.5, -3]],
// CHECK: output 3: 3x1x4x4x!nn.fixed<8, 3>
// CHECK-NEXT: {{^}}{{\[\[\[\[}}-1, -1, 2, 2],
// x - b with b = [3, -3, 40, -40] * 2^-6 = [0.046875, -0.046875, 0.625,
// -0.625], rounded to 2^-3 (RND: half up): -1.046875 * 8 = -8.375 -> -8,
// i.e. -1; 2.046875 -> 2; -3.625 and -3.375 exact:
// CHECK: output 4: 3x4x!nn.fixed<6, 3>
// CHECK-NEXT: {{^}}{{\[\[}}-1, 2, -3.625, -3.375],
// x * x = 1, 4, 9 -> 9 - 16 = -7 (wrap in ap_fixed<8,4>), 16 -> 0 (wrap):
// CHECK: output 5: 3x4x!nn.fixed<8, 4>
// CHECK-NEXT: {{^}}{{\[\[}}1, 4, -7, 0],
