// Invalid reuse factors. A model-wide one (option or Model level) is
// adjusted per layer to the closest valid value, as hls4ml does
// (get_closest_reuse_factor: the nearer neighbour, the smaller on a tie),
// with a warning; a LayerName value stays an error naming the nearest.
// RUN: nn-opt %s --nn-quantize="default-reuse=3 default-strategy=resource" 2>&1 | FileCheck %s --check-prefix=RES3
// RUN: nn-opt %s --nn-quantize="default-reuse=6 default-strategy=Resource" 2>&1 | FileCheck %s --check-prefix=RES6
// RUN: nn-opt %s --nn-quantize="default-reuse=5" 2>&1 | FileCheck %s --check-prefix=LAT5
// RUN: nn-opt %s --nn-quantize="default-reuse=13" 2>&1 | FileCheck %s --check-prefix=LAT13
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-reuse-model.json" 2>&1 | FileCheck %s --check-prefix=MODEL
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-reuse-bad.json" 2>&1 | FileCheck %s --check-prefix=CONFIG

// A dense layer with K = 4 inputs and M = 3 outputs: n_in = 4, n_out = 3,
// N = 12 multiplications. Valid reuse factors:
//   latency (divisors of N):      1, 2, 3, 4, 6, 12
//   resource (hls4ml's rule: N % R == 0; R < n_in or R % n_in == 0; and
//   ceil(N / min(n_in, R)) % n_out == 0 or R >= n_in):
//     R = 1: ceil(12/1) = 12, 12 % 3 == 0           -> valid
//     R = 2: ceil(12/2) = 6, 6 % 3 == 0             -> valid
//     R = 3: ceil(12/3) = 4, 4 % 3 != 0 and 3 < 4   -> invalid
//     R = 4: R >= n_in, 4 % 4 == 0, 12 % 4 == 0     -> valid
//     R = 6: R >= n_in but 6 % 4 != 0               -> invalid
//     R = 12: 12 % 4 == 0, 12 % 12 == 0             -> valid
//   so 1, 2, 4, 12.

// 3 (resource): 2 and 4 are both 1 away -> 2 (the smaller).
// RES3: warning: loc("fc"): layer 'fc' (nn.dense): reuse factor 3 (option default-reuse) is not valid for the resource strategy with n_in = 4, n_out = 3; using the closest valid value 2
// RES3: nn.dense {{.*}}nn.reuse_factor = 2
// 6 (resource): 4 is 2 away, 12 is 6 away -> 4.
// RES6: warning: loc("fc"): layer 'fc' (nn.dense): reuse factor 6 (option default-reuse) is not valid for the resource strategy with n_in = 4, n_out = 3; using the closest valid value 4
// RES6: nn.dense {{.*}}nn.reuse_factor = 4
// 5 (latency): 4 and 6 are both 1 away -> 4.
// LAT5: warning: {{.*}}reuse factor 5 (option default-reuse) is not valid for the latency strategy with n_in = 4, n_out = 3; using the closest valid value 4
// LAT5: nn.dense {{.*}}nn.reuse_factor = 4
// 13 (latency): above every valid value -> the largest, 12.
// LAT13: warning: {{.*}}reuse factor 13 (option default-reuse) {{.*}}; using the closest valid value 12
// LAT13: nn.dense {{.*}}nn.reuse_factor = 12
// Model.ReuseFactor 10, Model.Strategy Resource: 12 is 2 away, 4 is 6 -> 12.
// MODEL: warning: {{.*}}reuse factor 10 (Model.ReuseFactor) is not valid for the resource strategy {{.*}}; using the closest valid value 12
// MODEL: nn.dense {{.*}}nn.reuse_factor = 12
// CONFIG: error: loc("fc"): layer 'fc' (nn.dense): reuse factor 8 (LayerName.fc.ReuseFactor) is not valid for the resource strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 4 and 12
func.func @dense(%x: tensor<1x4xf32> loc("x")) -> tensor<1x3xf32> {
  %w = nn.constant dense<0.5> : tensor<3x4xf32> loc("fc.weight")
  %y = nn.dense %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32> loc("fc")
  return %y : tensor<1x3xf32>
}
