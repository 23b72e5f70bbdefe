// The loops, casts and counts of the pools (docs/Lowering.md, "Pools") on
// Inputs/pools.mlir and Inputs/conv1d.mlir; the rolled structure with
// max-unroll-mults=4.
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/pools.mlir --nn-lower-to-hls | FileCheck %s
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/conv1d.mlir --nn-lower-to-hls | FileCheck %s --check-prefix=ONED
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/pools.mlir --nn-lower-to-hls="max-unroll-mults=4" | FileCheck %s --check-prefix=SMALL

// Per-axis counts of ap4 (2x2, stride 2, ceil_mode, end pad 1, padding not
// counted): max(min(2o + 2, 5) - max(2o, 0), 1).
// CHECK-DAG: #[[HI:.*]] = affine_map<(d0) -> (d0 * 2 + 2, 5)>
// CHECK-DAG: #[[CNT:.*]] = affine_map<(d0, d1) -> (d0 - d1, 1)>
// CHECK-DAG: #[[LO:.*]] = affine_map<(d0) -> (d0 * 2, 0)>
// All small: the whole function is one pipeline.
// CHECK: nn.hls.pipeline_ii = 1 : i64} {
// mp1: padded with the input's lowest value (-128 raw), exact max in the
// input type over the unrolled window, then one cast.
// CHECK: nn.hls.name = "mp1_padded"} : memref<1x2x7x7x!nn.fixed<8, 3>>
// CHECK: } else {
// CHECK-NEXT: nn.fx.constant -128 : !nn.fixed<8, 3>
// CHECK: affine.for %[[N:.*]] = 0 to 1 {
// CHECK-NEXT: affine.for %[[C:.*]] = 0 to 2 {
// CHECK-NEXT: affine.for %[[OY:.*]] = 0 to 3 {
// CHECK-NEXT: affine.for %[[OX:.*]] = 0 to 3 {
// CHECK-NEXT: %[[INIT:.*]] = nn.fx.constant -128 : !nn.fixed<8, 3>
// CHECK-NEXT: affine.for %[[KY:.*]] = 0 to 3 iter_args(%[[A:.*]] = %[[INIT]])
// CHECK-NEXT: affine.for %[[KX:.*]] = 0 to 3 iter_args(%[[B:.*]] = %[[A]])
// CHECK-NEXT: %[[V:.*]] = affine.load %{{.*}}[%[[N]], %[[C]], %[[OY]] * 2 + %[[KY]], %[[OX]] * 2 + %[[KX]]] : memref<1x2x7x7x!nn.fixed<8, 3>>
// CHECK-NEXT: nn.fx.max %[[B]], %[[V]] : !nn.fixed<8, 3>
// CHECK: } {nn.hls.name = "mp1_kx", nn.hls.unroll = 0 : i64}
// CHECK: } {nn.hls.name = "mp1_ky", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: affine.store
// CHECK-NEXT: } {nn.hls.name = "mp1_ox", nn.hls.unroll = 0 : i64}
// mp2 (ceil_mode): a padded copy of 6x6; the max cast to <6, 2, RND, SAT>.
// CHECK: nn.hls.name = "mp2_padded"} : memref<1x2x6x6x!nn.fixed<8, 3>>
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<8, 3> -> !nn.fixed<6, 2, RND, SAT>
// ap1: the exact sum in <12, 7> (9 terms), padded with 0, varying counts.
// CHECK: nn.hls.name = "ap1_padded"} : memref<1x2x7x7x!nn.fixed<8, 3>>
// CHECK: } else {
// CHECK-NEXT: nn.fx.constant 0 : !nn.fixed<8, 3>
// CHECK: nn.fx.constant 0 : !nn.fixed<12, 7>
// CHECK: nn.fx.add %{{.*}}, %{{.*}} : (!nn.fixed<12, 7>, !nn.fixed<8, 3>) -> !nn.fixed<13, 8>
// CHECK-NEXT: nn.fx.cast %{{.*}} : !nn.fixed<13, 8> -> !nn.fixed<12, 7>
// CHECK: affine.min
// CHECK: arith.muli
// CHECK: nn.fx.div_int %{{.*}}, %{{.*}} : (!nn.fixed<12, 7>, index) -> !nn.fixed<8, 3, RND>
// ap2 (count_include_pad, pads 1, no overhang): always 9.
// CHECK: %[[C9:.*]] = arith.constant 9 : index
// CHECK-NEXT: nn.fx.div_int %{{.*}}, %[[C9]] : (!nn.fixed<12, 7>, index) -> !nn.fixed<10, 3, RND_CONV>
// ap3 (count_include_pad, ceil_mode, end pad 1): always 4.
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: nn.fx.div_int %{{.*}}, %[[C4]] : (!nn.fixed<10, 5>, index) -> !nn.fixed<8, 3, RND>
// ap4: per-axis counts, multiplied.
// CHECK: } {nn.hls.name = "ap4_ky", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: %[[H0:.*]] = affine.min #[[HI]](%[[Y:.*]])
// CHECK-NEXT: %[[L0:.*]] = affine.max #[[LO]](%[[Y]])
// CHECK-NEXT: %[[CY:.*]] = affine.max #[[CNT]](%[[H0]], %[[L0]])
// CHECK-NEXT: %[[H1:.*]] = affine.min #[[HI]](%[[X:.*]])
// CHECK-NEXT: %[[L1:.*]] = affine.max #[[LO]](%[[X]])
// CHECK-NEXT: %[[CX:.*]] = affine.max #[[CNT]](%[[H1]], %[[L1]])
// CHECK-NEXT: %[[CNT2:.*]] = arith.muli %[[CY]], %[[CX]] : index
// CHECK-NEXT: nn.fx.div_int %{{.*}}, %[[CNT2]] : (!nn.fixed<10, 5>, index) -> !nn.fixed<8, 3, RND_ZERO>
// ga: one 5x5 window, count 25, no padded copy.
// CHECK-NOT: ga_padded
// CHECK: nn.fx.constant 0 : !nn.fixed<13, 8>
// CHECK: } {nn.hls.name = "ga_kx", nn.hls.unroll = 0 : i64}
// CHECK: arith.constant 25 : index
// CHECK: nn.fx.div_int %{{.*}}, %{{.*}} : (!nn.fixed<13, 8>, index) -> !nn.fixed<8, 3, RND>

// 1-D: the avg pool with ceil_mode counts max(min(2o + 2, 4) - max(2o - 1, 0), 1);
// the max pool whose only window is in the padding stores the result's
// lowest value (-128 raw of <8, 4>) in a separate loop.
// ONED-DAG: #[[HI1:.*]] = affine_map<(d0) -> (d0 * 2 + 2, 4)>
// ONED-DAG: #[[LO1:.*]] = affine_map<(d0) -> (d0 * 2 - 1, 0)>
// ONED: affine.min #[[HI1]]
// ONED: affine.max #[[LO1]]
// ONED: nn.fx.div_int {{.*}} -> !nn.fixed<10, 5, RND_INF>
// ONED: nn.fx.cast %{{.*}} : !nn.fixed<12, 5, RND> -> !nn.fixed<8, 4>
// ONED: } {nn.hls.name = "empty_n", nn.hls.unroll = 0 : i64}
// ONED-NEXT: affine.for %[[EN:.*]] = 0 to 1 {
// ONED-NEXT: affine.for %[[EC:.*]] = 0 to 2 {
// ONED-NEXT: %[[LOW:.*]] = nn.fx.constant -128 : !nn.fixed<8, 4>
// ONED-NEXT: affine.store %[[LOW]], %{{.*}}[%[[EN]], %[[EC]], 0] : memref<1x2x1x!nn.fixed<8, 4>>

// max-unroll-mults=4: rolled position loops, the innermost pipelined, the
// window unrolled when it fits (2x2), rolled with its innermost loop
// pipelined when it does not (3x3, 5x5).
// SMALL-NOT: nn.hls.pipeline_ii = 1 : i64} {
// SMALL: } {nn.hls.name = "mp1_kx", nn.hls.pipeline_ii = 1 : i64}
// SMALL: } {nn.hls.name = "mp1_ox"}
// SMALL: } {nn.hls.name = "mp2_kx", nn.hls.unroll = 0 : i64}
// SMALL: } {nn.hls.name = "mp2_ox", nn.hls.pipeline_ii = 1 : i64}
// SMALL: } {nn.hls.name = "ga_kx", nn.hls.pipeline_ii = 1 : i64}
