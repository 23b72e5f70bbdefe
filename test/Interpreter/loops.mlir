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
// CHECK: output 1: 3x3x!nn.fixed<10, 4>
// CHECK: output 2: 3x3x!nn.fixed<10, 4>
