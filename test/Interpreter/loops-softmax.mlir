// hls4ml's softmax implementations (fx::softmax, LowerActivations.cpp):
// nn IR, its loop IR and the emitted C++ (g++ C simulation) agree bit for
// bit on every output of a batch of 3 samples (saturating inputs 10 and
// -10 included). The arithmetic of each implementation is checked by hand
// in ActivationTablesTest (SoftmaxLatency, SoftmaxLegacy, SoftmaxArgmax,
// SoftmaxAccum).
// RUN: nn-opt %S/../Conversion/Inputs/softmax-impls.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %S/../Conversion/Inputs/softmax-impls.mlir --input %S/Inputs/x-3x4.npy --output %t.nn0.npy --output %t.nn1.npy --output %t.nn2.npy --output %t.nn3.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp0.npy --output %t.lp1.npy --output %t.lp2.npy --output %t.lp3.npy
// RUN: cmp %t.nn0.npy %t.lp0.npy
// RUN: cmp %t.nn1.npy %t.lp1.npy
// RUN: cmp %t.nn2.npy %t.lp2.npy
// RUN: cmp %t.nn3.npy %t.lp3.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project --hls-project-dir=%t.prj %t.loops.mlir
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t.prj/smx_csim --input %S/Inputs/x-3x4.npy --output %t.cs0.npy --output %t.cs1.npy --output %t.cs2.npy --output %t.cs3.npy
// RUN: cmp %t.nn0.npy %t.cs0.npy
// RUN: cmp %t.nn1.npy %t.cs1.npy
// RUN: cmp %t.nn2.npy %t.cs2.npy
// RUN: cmp %t.nn3.npy %t.cs3.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// legacy, row [10, -10, 0, 0.25]: for x_i = 10 the sum is e^0 = 1 plus
// entries near 0 (e^-20, e^-10, e^-9.75 clamp to the entry at -8, e^-8 =
// 0.00034, 0 in ap_ufixed<18,8>'s 10 fraction bits): s = 1, 1/s table
// index floor(1 * 1024 / 64) = 16 -> 1/1 = 1. For the others one term
// (e^20, e^10, e^9.75: clamped to the entry at 7.984, e^7.984 = 2933)
// saturates the entry to 255.999, so s > 64: the last entry, 1 / (64 -
// 1/16) = 0.01564 -> ap_ufixed<10,1,AP_RND> (x512): 8.007 -> 8/512 =
// 0.015625.
// CHECK: output 2: 3x4x!nn.ufixed<10, 1>
// CHECK: {{\[}}1, 0.015625, 0.015625, 0.015625]]
// argmax of [-1, 2, -3, 4], [0.5, -0.5, 1, -1], [10, -10, 0, 0.25]: the
// maxima at 3, 2, 0; 1 saturates to 255/256 in ap_ufixed<8,0,RND,SAT>.
// CHECK: output 3: 3x4x!nn.ufixed<8, 0>
// CHECK-NEXT: {{^}}{{\[\[}}0, 0, 0, 0.99609375],
// CHECK-NEXT: {{\[}}0, 0, 0.99609375, 0],
// CHECK-NEXT: {{\[}}0.99609375, 0, 0, 0]]
