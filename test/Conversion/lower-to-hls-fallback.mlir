// A dense layer with R = 1 and more multiplications than max-unroll-mults:
// a warning, and a pipelined k loop inside a rolled m loop.
// RUN: nn-opt %s --nn-lower-to-hls="max-unroll-mults=4" 2>&1 | FileCheck %s
// Nothing is unrolled anywhere:
// RUN: nn-opt %s --nn-lower-to-hls="max-unroll-mults=4" 2>/dev/null | FileCheck %s --check-prefix=NONE --implicit-check-not=nn.hls.unroll
// NONE: func.func @fallback(

// CHECK: warning: {{.*}}layer 'fc' has 6 multiplications, more than 4
// CHECK-LABEL: func.func @fallback(
// CHECK: affine.for %{{.*}} = 0 to 2 {
// CHECK: affine.for %{{.*}} = 0 to 3 iter_args
// CHECK: } {nn.hls.name = "fc_k", nn.hls.pipeline_ii = 1 : i64}
// CHECK-NEXT: nn.fx.cast
// CHECK-NEXT: affine.store
// CHECK-NEXT: } {nn.hls.name = "fc_m"}
// CHECK-NEXT: } {nn.hls.name = "fc_row0"}
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @fallback(%x: tensor<1x3x!nn.fixed<8, 3>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>>
  %y = nn.dense %x, %w : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("fc")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
