// The bias-correction fallback (docs/Pruning.md, "Bias correction"): when
// no design with the readers refit by least squares fits the budget, the
// search is repeated with bias correction alone.
// ap_fixed<16,6>; d1's weights have 3 set bits (a DSP each): 4 DSPs; d2's
// are 1.0 (a shift) and 0.75 (two set bits: a shift and an add): 0 DSPs.
// u1 = u0 / 2 on any input; by magnitude u0 (2.475 x 1.0) is kept, u1
// (1.237 x 0.75) removed: d1 then costs 2 DSPs.
// Calibration x = [1, 0.25], [1, 0.5]: u0 = 2.1875, 2.625.
// With reconstruction d2's weight of u0 becomes 1.0 + 0.5 x 0.75 = 1.375
// (raw 1408, three set bits: a DSP): 3 DSPs, over the budget of 2, and no
// other unit can go; bias correction alone keeps 1.0 and adds
// 0.75 x mean(u1) = 0.75 x 1.203125 to the bias 0.25: 1.15234375 (raw
// 1180): 2 DSPs.
// RUN: nn-opt %s --nn-prune="budget=dsp:2 calibrate=%S/Inputs/calib-varied-2x2.npy report=%t.json" -o %t.mlir | FileCheck %s
// CHECK: d1 nn.dense 2 1 0.545 2.0
// CHECK: before: dsp 4; after: dsp 2
// CHECK: not reconstructed: no refit design fits the budget; bias correction only
// RUN: FileCheck %s --check-prefix=IR < %t.mlir
// IR-DAG: nn.constant dense<1024> : tensor<1x1xi16>
// IR-DAG: nn.constant dense<1180> : tensor<1xi16>
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// JSON: "reconstructed": false
//
// A budget the refit design meets (3 DSPs) keeps the refit (ridge=0: the
// exact regression u1 = 0.5 u0, so the bias keeps 0.25 = raw 256):
// RUN: nn-opt %s --nn-prune="budget=dsp:3 ridge=0 calibrate=%S/Inputs/calib-varied-2x2.npy" -o %t.rec.mlir | FileCheck %s --check-prefix=REC
// REC-NOT: not reconstructed
// REC: before: dsp 4; after: dsp 3
// RUN: FileCheck %s --check-prefix=RECIR < %t.rec.mlir
// RECIR-DAG: nn.constant dense<1408> : tensor<1x1xi16>
// RECIR-DAG: nn.constant dense<256> : tensor<1xi16>
func.func @fallback(%x: tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x1x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense<[[1792, 1792], [896, 896]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1 : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d1")
  %r = nn.relu %h : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>> loc("r1")
  %w2 = nn.constant dense<[[1024, 768]]> : tensor<1x2xi16> -> tensor<1x2x!nn.fixed<16, 6>>
  %b2 = nn.constant dense<[256]> : tensor<1xi16> -> tensor<1x!nn.fixed<16, 6>>
  %y = nn.dense %r, %w2, %b2 : (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>, tensor<1x!nn.fixed<16, 6>>) -> tensor<1x1x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x1x!nn.fixed<16, 6>>
}
