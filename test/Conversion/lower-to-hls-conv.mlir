// The loop structure, casts and directives of nn.conv (docs/Lowering.md,
// "Conv") on Inputs/conv2d.mlir and Inputs/conv1d.mlir; the rolled fallback
// with max-unroll-mults=4.
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/conv2d.mlir --nn-lower-to-hls | FileCheck %s
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/conv1d.mlir --nn-lower-to-hls | FileCheck %s --check-prefix=ONED
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/conv2d.mlir --nn-lower-to-hls="max-unroll-mults=4" 2>&1 | FileCheck %s --check-prefix=SMALL

// The function is not one pipeline (rolled position loops): no
// nn.hls.pipeline_ii on its signature line.
// CHECK-LABEL: func.func @conv2d(
// CHECK-NOT: nn.hls.pipeline_ii
// Weights flattened row-major of [M, C/g, kh, kw]; c3 (resource, R = 3,
// B = 6 / 3 = 2): cyclic reshape by B (one word per reuse step).
// CHECK-DAG: nn.fx.rom {{.*}} {nn.hls.array_reshape = "cyclic factor=2", nn.hls.name = "c3_w"} -> memref<6x!nn.fixed<8, 2>>
// CHECK-DAG: nn.fx.rom {{.*}} {nn.hls.array_partition = "complete", nn.hls.name = "c1_w"} -> memref<36x!nn.fixed<8, 2>>
// c1: pads 1 -> a zero-padded copy: input element inside, 0 outside.
// CHECK: memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "c1_padded"} : memref<1x2x8x8x!nn.fixed<8, 3>>
// CHECK: affine.if
// CHECK: affine.load %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}} - 1, %{{.*}} - 1] : memref<1x2x6x6x!nn.fixed<8, 3>>
// CHECK: } else {
// CHECK-NEXT: nn.fx.constant 0 : !nn.fixed<8, 3>
// c1 (R = 1, group 2, lossy accumulator): rolled n, oy, ox with the
// innermost pipelined at II = 1; m, k unrolled; channel
// (o floordiv 2) * 1 + k floordiv 9, taps (k floordiv 3) mod 3, k mod 3.
// CHECK: affine.for %[[N:.*]] = 0 to 1 {
// CHECK-NEXT: affine.for %[[OY:.*]] = 0 to 6 {
// CHECK-NEXT: affine.for %[[OX:.*]] = 0 to 6 {
// CHECK-NEXT: affine.for %[[M:.*]] = 0 to 4 {
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<8, 3> -> !nn.fixed<10, 4, RND, SAT>
// CHECK: affine.for %[[K:.*]] = 0 to 9 iter_args
// CHECK-NEXT: affine.load %{{.*}}[%[[N]], %[[M]] floordiv 2 + %[[K]] floordiv 9, %[[OY]] + (%[[K]] floordiv 3) mod 3, %[[OX]] + %[[K]] mod 3] : memref<1x2x8x8x!nn.fixed<8, 3>>
// CHECK-NEXT: affine.load %{{.*}}[%[[M]] * 9 + %[[K]]] : memref<36x!nn.fixed<8, 2>>
// CHECK-NEXT: nn.fx.mul {{.*}} -> !nn.fixed<16, 5>
// CHECK-NEXT: nn.fx.cast {{.*}} : !nn.fixed<16, 5> -> !nn.fixed<10, 4, RND, SAT>
// CHECK-NEXT: nn.fx.add {{.*}} -> !nn.fixed<11, 5>
// CHECK-NEXT: nn.fx.cast {{.*}} : !nn.fixed<11, 5> -> !nn.fixed<10, 4, RND, SAT>
// CHECK: } {nn.hls.name = "c1_k", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: affine.store %{{.*}}, %{{.*}}[%[[N]], %[[M]], %[[OY]], %[[OX]]]
// CHECK-NEXT: } {nn.hls.name = "c1_m", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: } {nn.hls.name = "c1_ox", nn.hls.pipeline_ii = 1 : i64}
// CHECK-NEXT: } {nn.hls.name = "c1_oy"}
// CHECK-NEXT: } {nn.hls.name = "c1_n"}
// c2 (R = 3 latency, stride 2, dilation 2, end pads only, lossless
// accumulator of 16 terms, fx::dotProductFormat: x <10,4> * w <8,2> =
// <18,6>, + ceil(log2 16) = 4 bits: <22,10>): the one-trip block at II = 3,
// 48 / 3 = 16 multipliers.
// CHECK: nn.hls.name = "c2_padded"} : memref<1x4x7x7x!nn.fixed<10, 4, RND, SAT>>
// CHECK: } {nn.hls.name = "c2_padded_i0", nn.hls.unroll = 0 : i64}
// CHECK: affine.for %[[N2:.*]] = 0 to 1 {
// CHECK-NEXT: affine.for %[[OY2:.*]] = 0 to 3 {
// CHECK-NEXT: affine.for %[[OX2:.*]] = 0 to 3 {
// CHECK-NEXT: affine.for %{{.*}} = 0 to 1 {
// CHECK-NEXT: affine.for %{{.*}} = 0 to 3 {
// CHECK-NEXT: nn.fx.constant 0 : !nn.fixed<22, 10>
// CHECK-NEXT: affine.for %[[K2:.*]] = 0 to 16 iter_args
// CHECK-NEXT: affine.load %{{.*}}[%[[N2]], %[[K2]] floordiv 4, %[[OY2]] * 2 + ((%[[K2]] floordiv 2) mod 2) * 2, %[[OX2]] * 2 + (%[[K2]] mod 2) * 2]
// CHECK: } {nn.hls.mul_limit = 16 : i64, nn.hls.name = "c2_block", nn.hls.pipeline_ii = 3 : i64}
// CHECK-NEXT: } {nn.hls.name = "c2_ox"}
// c3 (R = 3 resource): acc[M] allocated before the position loops, the
// reuse loop pipelined inside them. Lossless accumulator: x <16,6> * w <8,2>
// = <24,8>, 3 terms + 2 bits = <26,10>, + bias <8,3>: 11 integer and 16
// fraction bits = <27,11>.
// CHECK: memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "c3_acc"} : memref<2x!nn.fixed<27, 11>>
// CHECK: } {nn.hls.name = "c3_init", nn.hls.unroll = 0 : i64}
// CHECK: } {nn.hls.name = "c3_mult", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: } {nn.hls.name = "c3_reuse", nn.hls.pipeline_ii = 1 : i64}
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<27, 11> -> !nn.fixed<12, 4, RND_CONV, SAT>
// CHECK: } {nn.hls.name = "c3_result", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: } {nn.hls.name = "c3_ox"}

// 1-D: loops n, ox; k1 stride 2 with pads 1 (padded copy of width 10);
// k2 depthwise (group 2, one channel per group), dilation 2, R = 2 latency.
// ONED: nn.hls.name = "k1_padded"} : memref<1x3x10x!nn.fixed<8, 3>>
// ONED: } {nn.hls.name = "k1_padded_i0", nn.hls.unroll = 0 : i64}
// ONED: affine.for %[[N:.*]] = 0 to 1 {
// ONED-NEXT: affine.for %[[OX:.*]] = 0 to 4 {
// ONED: affine.for %[[K:.*]] = 0 to 9 iter_args
// ONED-NEXT: affine.load %{{.*}}[%[[N]], %[[K]] floordiv 3, %[[OX]] * 2 + %[[K]] mod 3] : memref<1x3x10x!nn.fixed<8, 3>>
// ONED: } {nn.hls.name = "k1_ox", nn.hls.pipeline_ii = 1 : i64}
// ONED: } {nn.hls.name = "k2_padded_i0", nn.hls.unroll = 0 : i64}
// ONED: affine.for %[[N2:.*]] = 0 to 1 {
// ONED-NEXT: affine.for %[[OX2:.*]] = 0 to 3 {
// ONED-NEXT: affine.for %{{.*}} = 0 to 1 {
// ONED-NEXT: affine.for %[[M2:.*]] = 0 to 2 {
// ONED: affine.for %[[K2:.*]] = 0 to 2 iter_args
// ONED-NEXT: affine.load %{{.*}}[%[[N2]], %[[M2]] + %[[K2]] floordiv 2, %[[OX2]] + (%[[K2]] mod 2) * 2]
// ONED: } {nn.hls.mul_limit = 2 : i64, nn.hls.name = "k2_block", nn.hls.pipeline_ii = 2 : i64}

// max-unroll-mults=4: c1 (36 products per position) rolled with a
// pipelined k; c2 (latency, 48 > 4) to resource, whose 16 products per
// step are still > 4: rolled; c3 (resource, B = 2) unchanged.
// SMALL-DAG: warning: {{.*}}layer 'c1' has 36 multiplications, more than 4 (max-unroll-mults): not fully unrolled, a pipelined loop instead
// SMALL-DAG: warning: {{.*}}layer 'c2' (strategy latency, reuse factor 3) has 48 multiplications, more than 4 (max-unroll-mults) to unroll in one block: the resource structure instead
// SMALL-DAG: warning: {{.*}}layer 'c2' (reuse factor 3) has 16 multiplications per reuse step, more than 4 (max-unroll-mults): not unrolled, a pipelined loop instead
// SMALL: } {nn.hls.name = "c1_k", nn.hls.pipeline_ii = 1 : i64}
// SMALL-NEXT: affine.store
// SMALL-NEXT: } {nn.hls.name = "c1_m"}
// SMALL-NEXT: } {nn.hls.name = "c1_ox"}
// SMALL: } {nn.hls.name = "c2_k", nn.hls.pipeline_ii = 1 : i64}
// SMALL: } {nn.hls.name = "c3_reuse", nn.hls.pipeline_ii = 1 : i64}
