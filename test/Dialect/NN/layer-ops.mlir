// Round trip of the layer ops: custom form, then generic form back to custom.
// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s --mlir-print-op-generic | nn-opt | FileCheck %s

// CHECK-LABEL: func.func @dense
func.func @dense(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xf32>) -> (tensor<1x3xf32>, tensor<1x3xf32>) {
  // CHECK: nn.dense %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %0 = nn.dense %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  // CHECK: nn.dense %{{.*}}, %{{.*}} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  %1 = nn.dense %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %0, %1 : tensor<1x3xf32>, tensor<1x3xf32>
}

// CHECK-LABEL: func.func @dense_batched_fixed
func.func @dense_batched_fixed(%x: tensor<2x5x4x!nn.fixed<16, 6>>, %w: tensor<3x4x!nn.fixed<8, 1>>) -> tensor<2x5x3x!nn.fixed<24, 10>> {
  // CHECK: nn.dense {{.*}} -> tensor<2x5x3x!nn.fixed<24, 10>>
  %0 = nn.dense %x, %w : (tensor<2x5x4x!nn.fixed<16, 6>>, tensor<3x4x!nn.fixed<8, 1>>) -> tensor<2x5x3x!nn.fixed<24, 10>>
  return %0 : tensor<2x5x3x!nn.fixed<24, 10>>
}
