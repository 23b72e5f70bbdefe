// Invalid reuse factors: errors name the nearest valid values.
// RUN: not nn-opt %s --nn-quantize="default-reuse=3 default-strategy=resource" 2>&1 | FileCheck %s --check-prefix=RES3
// RUN: not nn-opt %s --nn-quantize="default-reuse=6 default-strategy=Resource" 2>&1 | FileCheck %s --check-prefix=RES6
// RUN: not nn-opt %s --nn-quantize="default-reuse=5" 2>&1 | FileCheck %s --check-prefix=LAT5
// RUN: not nn-opt %s --nn-quantize="default-reuse=13" 2>&1 | FileCheck %s --check-prefix=LAT13
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

// RES3: error: loc("fc"): layer 'fc' (nn.dense): reuse factor 3 (option default-reuse) is not valid for the resource strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 2 and 4
// RES6: error: loc("fc"): layer 'fc' (nn.dense): reuse factor 6 (option default-reuse) is not valid for the resource strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 4 and 12
// LAT5: error: loc("fc"): layer 'fc' (nn.dense): reuse factor 5 (option default-reuse) is not valid for the latency strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 4 and 6
// LAT13: error: loc("fc"): layer 'fc' (nn.dense): reuse factor 13 (option default-reuse) is not valid for the latency strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 12 (none above)
// CONFIG: error: loc("fc"): layer 'fc' (nn.dense): reuse factor 8 (LayerName 'fc') is not valid for the resource strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 4 and 12
func.func @dense(%x: tensor<1x4xf32> loc("x")) -> tensor<1x3xf32> {
  %w = nn.constant dense<0.5> : tensor<3x4xf32> loc("fc.weight")
  %y = nn.dense %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32> loc("fc")
  return %y : tensor<1x3xf32>
}
