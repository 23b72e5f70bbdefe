// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s --mlir-print-op-generic | nn-opt | FileCheck %s

// The discardable attributes passes add, verified by the dialect.

// CHECK-LABEL: func.func @dense
// CHECK: nn.dense %{{.*}}, %{{.*}} {nn.accum_type = !nn.fixed<20, 10>, nn.reuse_factor = 4 : i64, nn.strategy = "resource"}
func.func @dense(%x: tensor<1x4x!nn.fixed<8, 3>>, %w: tensor<3x4x!nn.fixed<8, 3>>) -> tensor<1x3x!nn.fixed<8, 3>> {
  %y = nn.dense %x, %w {nn.accum_type = !nn.fixed<20, 10>, nn.reuse_factor = 4 : i64, nn.strategy = "resource"}
      : (tensor<1x4x!nn.fixed<8, 3>>, tensor<3x4x!nn.fixed<8, 3>>) -> tensor<1x3x!nn.fixed<8, 3>>
  return %y : tensor<1x3x!nn.fixed<8, 3>>
}

// Without nn.strategy the strategy is latency: 6 divides 12.
// CHECK-LABEL: func.func @conv
// CHECK: nn.conv {{.*}}nn.reuse_factor = 6 : i64
func.func @conv(%x: tensor<1x1x4xf32>, %w: tensor<3x1x4xf32>) -> tensor<1x3x1xf32> {
  %y = nn.conv %x, %w {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>, nn.reuse_factor = 6 : i64}
      : (tensor<1x1x4xf32>, tensor<3x1x4xf32>) -> tensor<1x3x1xf32>
  return %y : tensor<1x3x1xf32>
}

// CHECK-LABEL: func.func @table
// CHECK: nn.softmax %{{.*}} {axis = 1 : i64, nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<18, 8, RND, SAT>}
func.func @table(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.ufixed<16, 0>> {
  %y = nn.softmax %x {axis = 1 : i64, nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<18, 8, RND, SAT>}
      : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.ufixed<16, 0>>
  return %y : tensor<1x4x!nn.ufixed<16, 0>>
}
