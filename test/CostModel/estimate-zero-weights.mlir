// The cost model counts what the lowering keeps of weights with zeros
// (hls::liveProducts, docs/Lowering.md "Zero weights"): 16-bit weights
// (raw) [[1000, 0], [1001, 0]], flat [1000, 0, 1001, 0]; R = 2, B = 2:
// product i runs on multiplier i mod 2, and multiplier 1 (i = 1, 3) has
// only zeros.
// lz (latency): min(2 general products, 1 multiplier with a nonzero weight)
// = 1 DSP (2 without the rule: the ALLOCATION limit was B).
// rz (resource): 1 multiplier emitted, 1 DSP (2 before).
// RUN: nn-opt %s --nn-estimate -o /dev/null | FileCheck %s
// CHECK: lz nn.dense 2 latency latency 1 {{[0-9]+}}
// CHECK: rz nn.dense 2 resource resource 1 {{[0-9]+}}
// CHECK: total 2 {{[0-9]+}}
// The lowering builds the same: an ALLOCATION limit of 1, one multiplier.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls | FileCheck %s --check-prefix=LOWER
// LOWER: nn.hls.mul_limit = 1 : i64, nn.hls.name = "lz_block"
// LOWER: nn.hls.name = "rz_init"
// LOWER: affine.for %{{.*}} = 0 to 2 {
// LOWER-NEXT: affine.for %{{.*}} = 0 to 1 {
// LOWER: } {nn.hls.name = "rz_mult", nn.hls.unroll = 0 : i64}
// LOWER-NEXT: } {nn.hls.name = "rz_reuse", nn.hls.pipeline_ii = 1 : i64}
module {
func.func @zeros(%x: tensor<1x2x!nn.fixed<16, 6>>) -> (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>) {
  %w = nn.constant dense<[[1000, 0], [1001, 0]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
  %y = nn.dense %x, %w {nn.reuse_factor = 2 : i64, nn.strategy = "latency"} : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("lz")
  %v = nn.constant dense<[[1000, 0], [1001, 0]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
  %z = nn.dense %x, %v {nn.reuse_factor = 2 : i64, nn.strategy = "resource"} : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("rz")
  return %y, %z : tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>
}
}
