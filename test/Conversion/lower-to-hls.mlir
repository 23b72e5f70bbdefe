// The loop structure, casts and HLS directives --nn-lower-to-hls produces
// (docs/Lowering.md) for each op of the slice.
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/small-mlp.mlir --nn-lower-to-hls | FileCheck %s

// Signature: inputs, then one out-parameter per result; every port
// completely partitioned; no function-level pipeline (fc2 has R = 2).
// CHECK-LABEL: func.func @small(
// CHECK-SAME: %{{.*}}: memref<1x4x!nn.fixed<8, 3>> {nn.hls.array_partition = "complete", nn.hls.name = "x"}
// CHECK-SAME: %{{.*}}: memref<1x2x!nn.fixed<16, 6>> {nn.hls.array_partition = "complete", nn.hls.name = "output_0", nn.hls.output}
// CHECK-SAME: %{{.*}}: memref<1x3x!nn.fixed<10, 4, RND, SAT>> {nn.hls.array_partition = "complete", nn.hls.name = "output_1", nn.hls.output}
// CHECK-SAME: %[[OUT2:.*]]: memref<1x3x!nn.fixed<10, 4, RND, SAT>> {nn.hls.array_partition = "complete", nn.hls.name = "output_2", nn.hls.output})
// CHECK-NOT: nn.hls.pipeline_ii = 1 : i64}
// Weights: roms, dense weights flattened to [M * K].
// CHECK-DAG: nn.fx.rom dense<[16, -32, 5, 7, 1, 2, 3, 4, -64, 63, -1, 0]> : tensor<12xi8> {nn.hls.array_partition = "complete", nn.hls.name = "fc1_w"} -> memref<12x!nn.fixed<8, 2>>
// CHECK-DAG: nn.fx.rom dense<[20, -3, 100]> : tensor<3xi8> {nn.hls.array_partition = "complete", nn.hls.name = "fc1_b"} -> memref<3x!nn.fixed<8, 3>>
// CHECK-DAG: nn.fx.rom dense<[3, -4, 5, -6, 7, -8]> : tensor<6xi8> {nn.hls.array_partition = "complete", nn.hls.name = "fc2_w"} -> memref<6x!nn.fixed<8, 1>>

// fc1, R = 1: rows, m and k loops fully unrolled; acc = cast_A(bias),
// acc = cast_A(acc + cast_A(w * x)) in k order, y = cast_R(acc), written
// straight into the out-parameter.
// CHECK: affine.for %[[ROW:.*]] = 0 to 1 {
// CHECK: affine.for %[[M:.*]] = 0 to 3 {
// CHECK: %[[B:.*]] = affine.load %{{.*}}[%[[M]]] : memref<3x!nn.fixed<8, 3>>
// CHECK: %[[INIT:.*]] = nn.fx.cast %[[B]] : !nn.fixed<8, 3> -> !nn.fixed<12, 5, RND, SAT>
// CHECK: %[[ACC:.*]] = affine.for %[[K:.*]] = 0 to 4 iter_args(%[[A:.*]] = %[[INIT]]) -> (!nn.fixed<12, 5, RND, SAT>) {
// CHECK: %[[X:.*]] = affine.load %{{.*}}[%[[ROW]], %[[K]]] : memref<1x4x!nn.fixed<8, 3>>
// CHECK: %[[W:.*]] = affine.load %{{.*}}[%[[M]] * 4 + %[[K]]] : memref<12x!nn.fixed<8, 2>>
// CHECK: %[[P:.*]] = nn.fx.mul %[[W]], %[[X]] : (!nn.fixed<8, 2>, !nn.fixed<8, 3>) -> !nn.fixed<16, 5>
// CHECK: %[[PC:.*]] = nn.fx.cast %[[P]] : !nn.fixed<16, 5> -> !nn.fixed<12, 5, RND, SAT>
// CHECK: %[[S:.*]] = nn.fx.add %[[A]], %[[PC]] : (!nn.fixed<12, 5, RND, SAT>, !nn.fixed<12, 5, RND, SAT>) -> !nn.fixed<13, 6>
// CHECK: %[[N:.*]] = nn.fx.cast %[[S]] : !nn.fixed<13, 6> -> !nn.fixed<12, 5, RND, SAT>
// CHECK: affine.yield %[[N]]
// CHECK: } {nn.hls.name = "fc1_k", nn.hls.unroll = 0 : i64}
// CHECK: %[[Y:.*]] = nn.fx.cast %[[ACC]] : !nn.fixed<12, 5, RND, SAT> -> !nn.fixed<10, 4, RND, SAT>
// CHECK: affine.store %[[Y]], %{{.*}}[%[[ROW]], %[[M]]] : memref<1x3x!nn.fixed<10, 4, RND, SAT>>
// CHECK: } {nn.hls.name = "fc1_m", nn.hls.unroll = 0 : i64}
// CHECK: } {nn.hls.name = "fc1_row0", nn.hls.unroll = 0 : i64}

// relu: cast_R(max(x, 0)) into a completely partitioned buffer.
// CHECK: memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "relu1"} : memref<1x3x!nn.ufixed<9, 3>>
// CHECK: nn.fx.relu %{{.*}} : !nn.fixed<10, 4, RND, SAT>
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<10, 4, RND, SAT> -> !nn.ufixed<9, 3>

// add: the [3] operand broadcast against [1, 3]; exact sum, then cast.
// CHECK: affine.for %[[I0:.*]] = 0 to 1 {
// CHECK: affine.for %[[I1:.*]] = 0 to 3 {
// CHECK: affine.load %{{.*}}[%[[I0]], %[[I1]]] : memref<1x3x!nn.ufixed<9, 3>>
// CHECK: affine.load %{{.*}}[%[[I1]]] : memref<3x!nn.fixed<6, 1>>
// CHECK: nn.fx.add %{{.*}}, %{{.*}} : (!nn.ufixed<9, 3>, !nn.fixed<6, 1>) -> !nn.fixed<11, 5>
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<11, 5> -> !nn.fixed<12, 5>

// reshape [1, 3] -> [3, 1]: a copy through the row-major linear index.
// CHECK: affine.for %[[R0:.*]] = 0 to 3 {
// CHECK: affine.for %[[R1:.*]] = 0 to 1 {
// CHECK: affine.load %{{.*}}[(%[[R0]] + %[[R1]]) floordiv 3, (%[[R0]] + %[[R1]]) mod 3] : memref<1x3x!nn.fixed<12, 5>>

// fc2, R = 2, strategy latency (hls4ml's dense_latency): m and k fully
// unrolled inside a one-trip block loop pipelined at II = R = 2 with at
// most B = N / R = 3 multipliers; no nn.accum_type: the lossless
// accumulator of fx::dotProductFormat: x <12,5> * w <8,1> = <20,6>, 3 terms
// add ceil(log2 3) = 2 bits: <22,8>; + bias <16,4>: max(8, 4) + 1 = 9
// integer and max(14, 12) = 14 fraction bits: <23,9>.
// CHECK: affine.for %{{.*}} = 0 to 1 {
// CHECK: affine.for %{{.*}} = 0 to 1 {
// CHECK: affine.for %{{.*}} = 0 to 2 {
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<16, 4> -> !nn.fixed<23, 9>
// CHECK: affine.for %{{.*}} = 0 to 3 iter_args
// CHECK: nn.fx.mul
// CHECK: nn.fx.add
// CHECK: } {nn.hls.name = "fc2_k", nn.hls.unroll = 0 : i64}
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<23, 9> -> !nn.fixed<16, 6>
// CHECK: } {nn.hls.name = "fc2_m", nn.hls.unroll = 0 : i64}
// CHECK: } {nn.hls.mul_limit = 3 : i64, nn.hls.name = "fc2_block", nn.hls.pipeline_ii = 2 : i64}
// CHECK: } {nn.hls.name = "fc2_row0"}

// The second use of fc1's result is copied into its out-parameter.
// CHECK: affine.store %{{.*}}, %[[OUT2]][%{{.*}}, %{{.*}}]
// CHECK: return
