// nn-interp on the lowered conv and pool networks gives the same outputs,
// bit for bit, as on their nn IR (docs/Lowering.md, "Conv", "Pools"), on
// 2 samples each: 2-D conv with padding, group 2, a lossy accumulator,
// dilation 2, stride 2, R = 3 latency and resource; 1-D conv, depthwise,
// max/avg pools with ceil_mode, count_include_pad both ways, an empty
// max-pool window, global pools. Then again with max-unroll-mults=4, which
// turns every dot product and pool into the rolled fallback structures.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-opt %S/../Conversion/Inputs/conv2d.mlir --nn-lower-to-hls -o %t/conv2d.mlir
// RUN: nn-interp %S/../Conversion/Inputs/conv2d.mlir --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/a0.npy --output %t/a1.npy
// RUN: nn-interp %t/conv2d.mlir --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/b0.npy --output %t/b1.npy
// RUN: cmp %t/a0.npy %t/b0.npy
// RUN: cmp %t/a1.npy %t/b1.npy
// RUN: nn-opt %S/../Conversion/Inputs/conv2d.mlir --nn-lower-to-hls=max-unroll-mults=4 -o %t/conv2d-small.mlir 2>/dev/null
// RUN: nn-interp %t/conv2d-small.mlir --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/c0.npy --output %t/c1.npy
// RUN: cmp %t/a0.npy %t/c0.npy
// RUN: cmp %t/a1.npy %t/c1.npy
//
// RUN: nn-opt %S/../Conversion/Inputs/conv1d.mlir --nn-lower-to-hls -o %t/conv1d.mlir
// RUN: nn-interp %S/../Conversion/Inputs/conv1d.mlir --input %S/../Conversion/Inputs/x-2x3x8.npy --output %t/d0.npy --output %t/d1.npy --output %t/d2.npy --output %t/d3.npy
// RUN: nn-interp %t/conv1d.mlir --input %S/../Conversion/Inputs/x-2x3x8.npy --output %t/e0.npy --output %t/e1.npy --output %t/e2.npy --output %t/e3.npy
// RUN: cmp %t/d0.npy %t/e0.npy
// RUN: cmp %t/d1.npy %t/e1.npy
// RUN: cmp %t/d2.npy %t/e2.npy
// RUN: cmp %t/d3.npy %t/e3.npy
// RUN: nn-opt %S/../Conversion/Inputs/conv1d.mlir --nn-lower-to-hls=max-unroll-mults=4 -o %t/conv1d-small.mlir 2>/dev/null
// RUN: nn-interp %t/conv1d-small.mlir --input %S/../Conversion/Inputs/x-2x3x8.npy --output %t/f0.npy --output %t/f1.npy --output %t/f2.npy --output %t/f3.npy
// RUN: cmp %t/d0.npy %t/f0.npy
// RUN: cmp %t/d1.npy %t/f1.npy
// RUN: cmp %t/d2.npy %t/f2.npy
// RUN: cmp %t/d3.npy %t/f3.npy
//
// RUN: nn-opt %S/../Conversion/Inputs/pools.mlir --nn-lower-to-hls -o %t/pools.mlir
// RUN: nn-interp %S/../Conversion/Inputs/pools.mlir --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/g0.npy --output %t/g1.npy --output %t/g2.npy --output %t/g3.npy --output %t/g4.npy --output %t/g5.npy --output %t/g6.npy
// RUN: nn-interp %t/pools.mlir --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/h0.npy --output %t/h1.npy --output %t/h2.npy --output %t/h3.npy --output %t/h4.npy --output %t/h5.npy --output %t/h6.npy
// RUN: cmp %t/g0.npy %t/h0.npy
// RUN: cmp %t/g1.npy %t/h1.npy
// RUN: cmp %t/g2.npy %t/h2.npy
// RUN: cmp %t/g3.npy %t/h3.npy
// RUN: cmp %t/g4.npy %t/h4.npy
// RUN: cmp %t/g5.npy %t/h5.npy
// RUN: cmp %t/g6.npy %t/h6.npy
// RUN: nn-opt %S/../Conversion/Inputs/pools.mlir --nn-lower-to-hls=max-unroll-mults=4 -o %t/pools-small.mlir 2>/dev/null
// RUN: nn-interp %t/pools-small.mlir --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/i0.npy --output %t/i1.npy --output %t/i2.npy --output %t/i3.npy --output %t/i4.npy --output %t/i5.npy --output %t/i6.npy
// RUN: cmp %t/g0.npy %t/i0.npy
// RUN: cmp %t/g1.npy %t/i1.npy
// RUN: cmp %t/g2.npy %t/i2.npy
// RUN: cmp %t/g3.npy %t/i3.npy
// RUN: cmp %t/g4.npy %t/i4.npy
// RUN: cmp %t/g5.npy %t/i5.npy
// RUN: cmp %t/g6.npy %t/i6.npy
// RUN: nn-interp %t/pools.mlir --input %S/../Conversion/Inputs/x-2x2x5x5.npy --print | FileCheck %s

// Hand-checked averages of sample 0, channel 0 (raws of x, LSB 1/32):
//   row 0: 14 57 -61 17 49;  row 1: 100 116 -27 -45 7;  row 4: 39 -42 77 53 -4
// ap1 (3x3, stride 2, pads 1, count without padding), output (0, 0):
//   rows 0-1, cols 0-1: 14 + 57 + 100 + 116 = 287, / 4 = 71.75 LSBs,
//   RND -> 72 = 2.25; output (0, 1): rows 0-1, cols 1-3:
//   57 - 61 + 17 + 116 - 27 - 45 = 57, / 6 = 9.5 LSBs, RND (ties up) ->
//   10 = 0.3125.
// CHECK-LABEL: output 2: 2x2x3x3x!nn.fixed<8, 3>
// CHECK-NEXT: {{\[\[\[\[}}2.25, 0.3125, 0.21875],
// ap4 (2x2, stride 2, ceil_mode, end pad 1, count without padding):
//   (0, 2): rows 0-1, col 4: 49 + 7 = 56, / 2 = 28 LSBs = 0.875;
//   (2, 0): row 4, cols 0-1: 39 - 42 = -3, / 2 = -1.5 LSBs, RND_ZERO
//   (ties toward zero) -> -1 = -0.03125; (2, 2): -4 / 1 = -0.125.
// CHECK-LABEL: output 5: 2x2x3x3x!nn.fixed<8, 3>
// CHECK-NEXT: {{\[\[\[\[}}2.25, -0.90625, 0.875],
// CHECK-NEXT: [-1.03125, 1.5, 2.375],
// CHECK-NEXT: [-0.03125, 2.03125, -0.125]],
