// Dense structure by reuse factor and strategy (docs/Lowering.md, "Dense"):
// resource R = 3 (reuse loop around B = 2 unrolled products), latency R = 3
// (one-trip block, II = 3, 2 multipliers), lossless accumulators <16, 5> +
// ceil(log2(3 + 1)) = 2 bits = <18, 7>; with max-unroll-mults=4 the
// latency layer (6 products) falls back to the resource structure, and a
// resource layer with B = 6 > 4 products per step to the rolled one.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls | FileCheck %s
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls="max-unroll-mults=4" 2>&1 | FileCheck %s --check-prefix=SMALL
// The directives in C++: the resource weights reshaped into one word per
// step, the latency block with its multiplier limit.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls | nn-translate --emit-hls | FileCheck %s --check-prefix=CPP
// CPP-DAG: NN_HLS(HLS ARRAY_RESHAPE variable=res_w cyclic factor=2 dim=1)
// CPP-DAG: NN_HLS(HLS ARRAY_PARTITION variable=lat_w complete dim=0)
// CPP-DAG: NN_HLS(HLS ALLOCATION operation instances=mul limit=2)

// CHECK-LABEL: func.func @strategies(
// CHECK-DAG: nn.fx.rom {{.*}} {nn.hls.array_reshape = "cyclic factor=2", nn.hls.name = "res_w"} -> memref<6x!nn.fixed<8, 2>>
// CHECK-DAG: nn.fx.rom {{.*}} {nn.hls.array_partition = "complete", nn.hls.name = "lat_w"} -> memref<6x!nn.fixed<8, 2>>
// CHECK: memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "res_acc"} : memref<2x!nn.fixed<18, 7>>
// CHECK: } {nn.hls.name = "res_init", nn.hls.unroll = 0 : i64}
// CHECK: affine.for %[[IR:.*]] = 0 to 3 {
// CHECK-NEXT: affine.for %[[B:.*]] = 0 to 2 {
// CHECK-NEXT: affine.load %{{.*}}[%{{.*}}, (%[[IR]] * 2 + %[[B]]) mod 3]
// CHECK-NEXT: affine.load %{{.*}}[%[[IR]] * 2 + %[[B]]] : memref<6x!nn.fixed<8, 2>>
// CHECK-NEXT: affine.load %{{.*}}[(%[[IR]] * 2 + %[[B]]) floordiv 3] : memref<2x!nn.fixed<18, 7>>
// CHECK: } {nn.hls.name = "res_mult", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: } {nn.hls.name = "res_reuse", nn.hls.pipeline_ii = 1 : i64}
// CHECK: } {nn.hls.name = "res_result", nn.hls.unroll = 0 : i64}
// CHECK: affine.for %{{.*}} = 0 to 1 {
// CHECK-NEXT: affine.for %{{.*}} = 0 to 1 {
// CHECK-NEXT: affine.for %{{.*}} = 0 to 2 {
// CHECK: } {nn.hls.name = "lat_k", nn.hls.unroll = 0 : i64}
// CHECK: } {nn.hls.name = "lat_m", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: } {nn.hls.mul_limit = 2 : i64, nn.hls.name = "lat_block", nn.hls.pipeline_ii = 3 : i64}

// SMALL-DAG: warning: {{.*}}layer 'lat' (strategy latency, reuse factor 3) has 6 multiplications, more than 4 (max-unroll-mults) to unroll in one block: the resource structure instead
// SMALL-DAG: warning: {{.*}}layer 'big' (reuse factor 2) has 6 multiplications per reuse step, more than 4 (max-unroll-mults): not unrolled, a pipelined loop instead
// SMALL: } {nn.hls.name = "res_reuse", nn.hls.pipeline_ii = 1 : i64}
// SMALL: nn.hls.name = "lat_acc"
// SMALL: } {nn.hls.name = "lat_reuse", nn.hls.pipeline_ii = 1 : i64}
// SMALL: } {nn.hls.name = "big_k", nn.hls.pipeline_ii = 1 : i64}
// SMALL-NEXT: nn.fx.cast
// SMALL-NEXT: affine.store
// SMALL-NEXT: } {nn.hls.name = "big_m"}
func.func @strategies(%x: tensor<1x3x!nn.fixed<8, 3>>, %x6: tensor<1x6x!nn.fixed<8, 3>>) -> (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>) {
  %w = nn.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>> loc("res_w")
  %y = nn.dense %x, %w {nn.reuse_factor = 3 : i64, nn.strategy = "resource"} : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("res")
  %v = nn.constant dense<[[7, 8, 9], [10, 11, 12]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>> loc("lat_w")
  %z = nn.dense %x, %v {nn.reuse_factor = 3 : i64, nn.strategy = "latency"} : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("lat")
  %u = nn.constant dense<[[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]]> : tensor<2x6xi8> -> tensor<2x6x!nn.fixed<8, 2>> loc("big_w")
  %t = nn.dense %x6, %u {nn.reuse_factor = 2 : i64, nn.strategy = "resource"} : (tensor<1x6x!nn.fixed<8, 3>>, tensor<2x6x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("big")
  return %y, %z, %t : tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>
}
