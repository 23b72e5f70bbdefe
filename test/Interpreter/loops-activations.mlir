// Sigmoid, tanh and softmax (LowerActivations.cpp): nn IR, its loop IR and
// the emitted C++ (g++ C simulation with runtime/include) agree bit for bit
// on every output of a batch of 3 samples (saturating inputs 10 and -10
// included). The nn IR's table semantics are tested on their own in
// fixed-tables-accum.mlir and NNTableTests.
// RUN: nn-opt %S/../Conversion/Inputs/activations.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %S/../Conversion/Inputs/activations.mlir --input %S/Inputs/x-3x4.npy --output %t.nn0.npy --output %t.nn1.npy --output %t.nn2.npy --output %t.nn3.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp0.npy --output %t.lp1.npy --output %t.lp2.npy --output %t.lp3.npy
// RUN: cmp %t.nn0.npy %t.lp0.npy
// RUN: cmp %t.nn1.npy %t.lp1.npy
// RUN: cmp %t.nn2.npy %t.lp2.npy
// RUN: cmp %t.nn3.npy %t.lp3.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project --hls-project-dir=%t.prj %t.loops.mlir
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t.prj/acts_csim --input %S/Inputs/x-3x4.npy --output %t.cs0.npy --output %t.cs1.npy --output %t.cs2.npy --output %t.cs3.npy
// The C simulation writes the same .npy files as nn-interp, byte for byte.
// RUN: cmp %t.nn1.npy %t.cs1.npy
// RUN: cmp %t.nn2.npy %t.cs2.npy
// RUN: cmp %t.nn3.npy %t.cs3.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// sigmoid(-1) = 0.26894: index floor((-1 + 8) * 64) = 448, entry at -1
// exactly, 0.26894 * 256 = 68.85 -> 69 / 256 = 0.26953125 (RND).
// CHECK: output 0: 3x4x!nn.ufixed<8, 0>
// CHECK-NEXT: {{^}}{{\[\[}}0.26953125,
// CHECK: output 1: 3x4x!nn.fixed<8, 2>
// CHECK: output 2: 3x4x!nn.fixed<16, 6>
// CHECK: output 3: 3x4x1x!nn.ufixed<10, 1>
