// granularity=pattern (docs/Pruning.md, "Patterns"): fc has reuse factor 2
// (latency), B = 2 multipliers; product i = m * 2 + k runs on multiplier
// i mod 2 = k, so each multiplier's group is a column of the weights:
// group 0 = [0.875, 0.875] (raw 896), group 1 = [1.75, -1.75] (raw 1792).
// Every weight has 3 set bits (a DSP product of 16 x 16 bits): the
// estimate is min(4 general products, 2 multipliers) = 2 DSPs, 1 per
// group. budget=dsp:1 zeroes one group.
//
// magnitude: norms 1.237 and 2.475, normalized to the layer's mean: group 0
// (0.667) goes. Calibration x = [1, 0.25] (twice): bias correction adds
// w[m, 0] * mean(x0) = 0.875 to each bias: 0.25 + 0.875 = 1.125 (raw 1152).
// RUN: nn-opt %s --nn-prune="budget=dsp:1 granularity=pattern calibrate=%S/Inputs/calib-2x2.npy report=%t.mag.json" -o %t.mag.mlir | FileCheck %s --check-prefix=MAG
// MAG: nn-prune: @fc, importance magnitude, budget dsp 1, knapsack dynamic programming (exact)
// MAG: fc pattern 2 1 0.667 1.0
// MAG-NOT: not pruned
// MAG: before: dsp 2; after: dsp 1
// RUN: FileCheck %s --check-prefix=MAGIR < %t.mag.mlir
// MAGIR-DAG: nn.constant dense<{{\[}}[0, 1792], [0, -1792]]> : tensor<2x2xi16>
// MAGIR-DAG: nn.constant dense<1152> : tensor<2xi16>
// RUN: FileCheck %s --check-prefix=JSON < %t.mag.json
// JSON: "granularity": "pattern"
// JSON: "kept": 1
// JSON: "layer": "fc"
// JSON: "removed": [
// JSON: "dsp": 1
// JSON: "unit": 0
// JSON: "units": 2
//
// activation: sum of |w| times mean |x| of the input each weight reads:
// group 0 = 2 * 0.875 * 1 = 1.75, group 1 = 2 * 1.75 * 0.25 = 0.875
// (normalized 0.667): group 1 goes; biases 0.25 + 1.75 * 0.25 = 0.6875
// (raw 704) and 0.25 - 0.4375 = -0.1875 (raw -192).
// RUN: nn-opt %s --nn-prune="budget=dsp:1 granularity=pattern importance=activation calibrate=%S/Inputs/calib-2x2.npy" -o %t.act.mlir | FileCheck %s --check-prefix=ACT
// ACT: fc pattern 2 1 0.667 1.0
// RUN: FileCheck %s --check-prefix=ACTIR < %t.act.mlir
// ACTIR-DAG: nn.constant dense<{{\[}}[896, 0], [896, 0]]> : tensor<2x2xi16>
// ACTIR-DAG: nn.constant dense<[704, -192]> : tensor<2xi16>
//
// On the calibration data both pruned networks give the unpruned outputs,
// 0.25 + 0.875 + 0.4375 = 1.5625 and 0.25 + 0.875 - 0.4375 = 0.6875:
// RUN: nn-interp %s --input %S/Inputs/calib-2x2.npy --print | FileCheck %s --check-prefix=SAME
// RUN: nn-interp %t.mag.mlir --input %S/Inputs/calib-2x2.npy --print | FileCheck %s --check-prefix=SAME
// RUN: nn-interp %t.act.mlir --input %S/Inputs/calib-2x2.npy --print | FileCheck %s --check-prefix=SAME
// SAME: {{\[}}[1.5625, 0.6875],
// SAME-NEXT: [1.5625, 0.6875]]
//
// The zeroed multiplier is gone from the lowering: one multiplier, two
// products, no product by a zero weight; the C simulation's source has no
// weight constant 0.
// RUN: nn-opt --mlir-print-debuginfo=false %t.mag.mlir --nn-lower-to-hls | FileCheck %s --check-prefix=LOWER
// LOWER-NOT: nn.fx.constant 0 : !nn.fixed<16, 6>
// LOWER-COUNT-2: nn.fx.mul
// LOWER-NOT: nn.fx.mul
// LOWER: nn.hls.mul_limit = 1 : i64
// RUN: nn-opt %t.mag.mlir --nn-lower-to-hls | nn-translate --emit-hls | FileCheck %s --check-prefix=CPP
// CPP-NOT: ap_fixed<16,6>(0)
// CPP: void fc(
// CPP-NOT: ap_fixed<16,6>(0)
//
// Without calibration data (magnitude): the same group, no bias correction.
// RUN: nn-opt %s --nn-prune="budget=dsp:1 granularity=pattern" | FileCheck %s --check-prefix=PLAIN
// PLAIN-DAG: nn.constant dense<{{\[}}[0, 1792], [0, -1792]]> : tensor<2x2xi16>
// PLAIN-DAG: nn.constant dense<256> : tensor<2xi16>
func.func @fc(%x: tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[896, 1792], [896, -1792]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
  %b = nn.constant dense<[256, 256]> : tensor<2xi16> -> tensor<2x!nn.fixed<16, 6>>
  %y = nn.dense %x, %w, %b {nn.reuse_factor = 2 : i64, nn.strategy = "latency"} : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x2x!nn.fixed<16, 6>>, tensor<2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("fc")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
