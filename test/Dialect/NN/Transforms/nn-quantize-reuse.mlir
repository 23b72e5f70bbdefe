// Reuse factor and strategy: hls4ml's rules (nn/Support/ReuseFactor.h).
// Errors for invalid values: nn-quantize-reuse-errors.mlir.
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-reuse.json" | FileCheck %s

// Model: ReuseFactor 2, Resource; LayerName entries override per layer.
// fc_lat: K = 4, M = 3, N = 12; R = 6 with the latency strategy divides 12:
//   valid (it is not for the resource strategy, see the errors test).
// fc_res: K = 4, M = 3; R = 12 = N, resource: R >= n_in, 12 % 4 == 0 -> valid.
// fc_model: K = 4, M = 2, N = 8; R = 2 (Model), resource: min(4, 2) = 2,
//   ceil(8 / 2) = 4, 4 % 2 == 0; R < n_in; 8 % 2 == 0 -> valid.
// conv: C = 2, 3x3 kernel, M = 4: n_in = 18, n_out = 4, N = 72; R = 36,
//   resource (Model): R >= n_in, 36 % 18 == 0, 72 % 36 == 0 -> valid.
// CHECK-LABEL: func.func @layers(
// CHECK:         nn.dense {{.*}}nn.reuse_factor = 6 : i64, nn.strategy = "latency"
// CHECK:         nn.dense {{.*}}nn.reuse_factor = 12 : i64, nn.strategy = "resource"
// CHECK:         nn.dense {{.*}}nn.reuse_factor = 2 : i64, nn.strategy = "resource"
// CHECK:         nn.conv {{.*}}nn.reuse_factor = 36 : i64, nn.strategy = "resource"
func.func @layers(%x: tensor<1x4xf32> loc("x"), %img: tensor<1x2x6x6xf32> loc("img"))
    -> (tensor<1x3xf32>, tensor<1x3xf32>, tensor<1x2xf32>, tensor<1x4x4x4xf32>) {
  %w = nn.constant dense<0.5> : tensor<3x4xf32> loc("w")
  %a = nn.dense %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32> loc("fc_lat")
  %b = nn.dense %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32> loc("fc_res")
  %w3 = nn.constant dense<0.5> : tensor<2x4xf32> loc("w3")
  %d = nn.dense %x, %w3 : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32> loc("fc_model")
  %k = nn.constant dense<0.5> : tensor<4x2x3x3xf32> loc("k")
  %c = nn.conv %img, %k {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
      : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x4x4xf32> loc("conv")
  return %a, %b, %d, %c : tensor<1x3xf32>, tensor<1x3xf32>, tensor<1x2xf32>, tensor<1x4x4x4xf32>
}
