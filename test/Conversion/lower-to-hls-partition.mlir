// Tool limits: buffers and ports above max-partition stay memories (with a
// warning naming them); element-wise loops above max-unroll-mults are
// pipelined instead of unrolled, and the function is then no longer one
// II=1 pipeline.
// RUN: nn-opt %s --nn-lower-to-hls="max-partition=3 max-unroll-mults=2" -verify-diagnostics | FileCheck %s
// A buffer kept in memory is static in C++ (a large one would overflow the
// C simulation's stack):
// RUN: nn-opt %s --nn-lower-to-hls="max-partition=3 max-unroll-mults=2" 2>/dev/null | nn-translate --emit-hls | FileCheck %s --check-prefix=CPP
// CPP: // relu_0: [1, 4] ap_fixed<8,3>
// CPP-NEXT: static fixed_8_3_t relu_0[1][4];

// expected-warning @+2 {{port 'x' has 4 elements, more than 3 (max-partition): not partitioned, kept in memory}}
// expected-warning @+1 {{port 'output_0' has 4 elements, more than 3 (max-partition): not partitioned, kept in memory}}
func.func @big(%x: tensor<1x4x!nn.fixed<8, 3>> loc("x")) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-warning @+1 {{buffer of layer 'relu_0' has 4 elements, more than 3 (max-partition): not partitioned, kept in memory}}
  %a = nn.relu %x : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  %b = nn.relu %a : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %b : tensor<1x4x!nn.fixed<8, 3>>
}
// The signature: ports without partitioning, no function-level pipeline.
// CHECK-LABEL: func.func @big(
// CHECK-NOT: nn.hls.array_partition
// CHECK-NOT: nn.hls.pipeline_ii
// CHECK: memref.alloc() {nn.hls.name = "relu_0"}
// CHECK: affine.for
// CHECK: affine.for
// CHECK: nn.fx.relu
// CHECK: } {nn.hls.name = "relu_0_i1", nn.hls.pipeline_ii = 1 : i64}
// CHECK-NEXT: } {nn.hls.name = "relu_0_i0"}
// CHECK: } {nn.hls.name = "relu_1_i1", nn.hls.pipeline_ii = 1 : i64}
// CHECK-NEXT: } {nn.hls.name = "relu_1_i0"}
// CHECK-NEXT: return
// CHECK-NEXT: }
