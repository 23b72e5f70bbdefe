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

// Shapes below come from ONNX backend tests where noted
// (/usr/share/libonnx-testdata/data/{node,pytorch-converted}/...).

// CHECK-LABEL: func.func @conv_2d
func.func @conv_2d(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  // out = floor((8 + 1 + 1 - 1*(3-1) - 1) / 2) + 1 = floor(7/2) + 1 = 4
  // CHECK: nn.conv %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  %0 = nn.conv %x, %w, %b {dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// pytorch-converted/test_Conv2d_dilated: out = floor((8 + 2 - 2*2 - 1) / 2) + 1 = 3.
// CHECK-LABEL: func.func @conv_2d_dilated_no_bias
func.func @conv_2d_dilated_no_bias(%x: tensor<2x3x8x8xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<2x2x3x3xf32> {
  // CHECK: nn.conv %{{.*}}, %{{.*}} {dilations = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x3x8x8xf32>, tensor<2x3x3x3xf32>) -> tensor<2x2x3x3xf32>
  %0 = nn.conv %x, %w {dilations = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x3x8x8xf32>, tensor<2x3x3x3xf32>) -> tensor<2x2x3x3xf32>
  return %0 : tensor<2x2x3x3xf32>
}

// Asymmetric pads [top, left, bottom, right] = [1, 0, 0, 2]:
// H = (5 + 1 + 0 - 3) + 1 = 4, W = (5 + 0 + 2 - 3) + 1 = 5.
// CHECK-LABEL: func.func @conv_2d_asymmetric_pads
func.func @conv_2d_asymmetric_pads(%x: tensor<1x1x5x5xf32>, %w: tensor<2x1x3x3xf32>) -> tensor<1x2x4x5xf32> {
  // CHECK: nn.conv {{.*}}pads = array<i64: 1, 0, 0, 2>{{.*}} -> tensor<1x2x4x5xf32>
  %0 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 1, 0, 0, 2>, strides = array<i64: 1, 1>} : (tensor<1x1x5x5xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x4x5xf32>
  return %0 : tensor<1x2x4x5xf32>
}

// pytorch-converted/test_Conv1d_groups (group 2) and
// test_Conv2d_depthwise_with_multiplier (group = C = 4, M = 8).
// CHECK-LABEL: func.func @conv_grouped
func.func @conv_grouped(%x: tensor<2x4x6xf32>, %w: tensor<6x2x3xf32>, %b: tensor<6xf32>, %y: tensor<2x4x6x6xf32>, %dw: tensor<8x1x3x3xf32>) -> (tensor<2x6x4xf32>, tensor<2x8x4x4xf32>) {
  // CHECK: nn.conv %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<2x4x6xf32>, tensor<6x2x3xf32>, tensor<6xf32>) -> tensor<2x6x4xf32>
  %0 = nn.conv %x, %w, %b {dilations = array<i64: 1>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<2x4x6xf32>, tensor<6x2x3xf32>, tensor<6xf32>) -> tensor<2x6x4xf32>
  // CHECK: nn.conv {{.*}}group = 4 : i64{{.*}} -> tensor<2x8x4x4xf32>
  %1 = nn.conv %y, %dw {dilations = array<i64: 1, 1>, group = 4 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<2x4x6x6xf32>, tensor<8x1x3x3xf32>) -> tensor<2x8x4x4xf32>
  return %0, %1 : tensor<2x6x4xf32>, tensor<2x8x4x4xf32>
}

// A group of 1 is the default and is not printed.
// CHECK-LABEL: func.func @conv_fixed
func.func @conv_fixed(%x: tensor<1x2x6x!nn.fixed<8, 3>>, %w: tensor<4x2x3x!nn.fixed<8, 1>>, %b: tensor<4x!nn.fixed<16, 4>>) -> tensor<1x4x4x!nn.fixed<24, 8>> {
  // CHECK: nn.conv %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x2x6x!nn.fixed<8, 3>>, tensor<4x2x3x!nn.fixed<8, 1>>, tensor<4x!nn.fixed<16, 4>>) -> tensor<1x4x4x!nn.fixed<24, 8>>
  %0 = nn.conv %x, %w, %b {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x2x6x!nn.fixed<8, 3>>, tensor<4x2x3x!nn.fixed<8, 1>>, tensor<4x!nn.fixed<16, 4>>) -> tensor<1x4x4x!nn.fixed<24, 8>>
  return %0 : tensor<1x4x4x!nn.fixed<24, 8>>
}

// CHECK-LABEL: func.func @batch_norm
func.func @batch_norm(%x: tensor<1x3x4x4xf32>, %y: tensor<2x5xf32>, %c3: tensor<3xf32>, %c5: tensor<5xf32>) -> (tensor<1x3x4x4xf32>, tensor<2x5xf32>) {
  // CHECK: nn.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {epsilon = 1.000000e-03 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  %0 = nn.batch_norm %x, %c3, %c3, %c3, %c3 {epsilon = 1.000000e-03 : f32} : (tensor<1x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  // The default epsilon (1e-5) is not printed.
  // CHECK: nn.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<2x5xf32>
  %1 = nn.batch_norm %y, %c5, %c5, %c5, %c5 {epsilon = 1.0e-05 : f32} : (tensor<2x5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<2x5xf32>
  return %0, %1 : tensor<1x3x4x4xf32>, tensor<2x5xf32>
}

// CHECK-LABEL: func.func @batch_norm_fixed
func.func @batch_norm_fixed(%x: tensor<1x2x7x!nn.fixed<16, 6>>, %s: tensor<2x!nn.fixed<8, 2>>, %b: tensor<2x!nn.fixed<8, 4>>, %m: tensor<2x!nn.fixed<8, 4>>, %v: tensor<2x!nn.ufixed<8, 4>>) -> tensor<1x2x7x!nn.fixed<16, 6>> {
  // CHECK: nn.batch_norm {{.*}} : (tensor<1x2x7x!nn.fixed<16, 6>>, tensor<2x!nn.fixed<8, 2>>, tensor<2x!nn.fixed<8, 4>>, tensor<2x!nn.fixed<8, 4>>, tensor<2x!nn.ufixed<8, 4>>) -> tensor<1x2x7x!nn.fixed<16, 6>>
  %0 = nn.batch_norm %x, %s, %b, %m, %v : (tensor<1x2x7x!nn.fixed<16, 6>>, tensor<2x!nn.fixed<8, 2>>, tensor<2x!nn.fixed<8, 4>>, tensor<2x!nn.fixed<8, 4>>, tensor<2x!nn.ufixed<8, 4>>) -> tensor<1x2x7x!nn.fixed<16, 6>>
  return %0 : tensor<1x2x7x!nn.fixed<16, 6>>
}

// CHECK-LABEL: func.func @max_pool
func.func @max_pool(%a: tensor<1x3x32xf32>, %b: tensor<1x1x4x4xf32>, %c: tensor<1x1x1000x1000xf32>, %d: tensor<1x1x5xf32>) -> (tensor<1x3x31xf32>, tensor<1x1x2x2xf32>, tensor<1x1x43x25xf32>, tensor<1x1x3xf32>) {
  // node/test_maxpool_1d_default: (32 - 2) + 1 = 31.
  // CHECK: nn.max_pool %{{.*}} {dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : tensor<1x3x32xf32> -> tensor<1x3x31xf32>
  %0 = nn.max_pool %a {dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : tensor<1x3x32xf32> -> tensor<1x3x31xf32>
  // node/test_maxpool_2d_ceil: ceil((4 - 3) / 2) + 1 = 2; the last window
  // starts at 2 < 4 + 0 and is kept.
  // CHECK: nn.max_pool %{{.*}} {ceil_mode = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  %1 = nn.max_pool %b {ceil_mode = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  // pytorch-converted/test_MaxPool2d_stride_padding_dilation:
  // H = floor((1000 + 20 - 10*59 - 1) / 10) + 1 = 43,
  // W = floor((1000 + 40 - 10*79 - 1) / 10) + 1 = 25.
  // CHECK: nn.max_pool %{{.*}} {dilations = array<i64: 10, 10>, kernel_shape = array<i64: 60, 80>, pads = array<i64: 10, 20, 10, 20>, strides = array<i64: 10, 10>} : tensor<1x1x1000x1000xf32> -> tensor<1x1x43x25xf32>
  %2 = nn.max_pool %c {dilations = array<i64: 10, 10>, kernel_shape = array<i64: 60, 80>, pads = array<i64: 10, 20, 10, 20>, strides = array<i64: 10, 10>} : tensor<1x1x1000x1000xf32> -> tensor<1x1x43x25xf32>
  // The dropped last window: ceil((5 + 1 + 1 - 2) / 2) + 1 = 4, but window 3
  // would start at 3*2 = 6 >= 5 + 1, entirely in the end padding: 3.
  // CHECK: nn.max_pool {{.*}} : tensor<1x1x5xf32> -> tensor<1x1x3xf32>
  %3 = nn.max_pool %d {ceil_mode = true, dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>, strides = array<i64: 2>} : tensor<1x1x5xf32> -> tensor<1x1x3xf32>
  return %0, %1, %2, %3 : tensor<1x3x31xf32>, tensor<1x1x2x2xf32>, tensor<1x1x43x25xf32>, tensor<1x1x3xf32>
}

// CHECK-LABEL: func.func @max_pool_fixed
func.func @max_pool_fixed(%x: tensor<1x2x6x6x!nn.fixed<8, 3>>) -> tensor<1x2x3x3x!nn.fixed<8, 3>> {
  // floor((6 + 1 + 0 - 2) / 2) + 1 = 3 in both dimensions.
  // CHECK: nn.max_pool %{{.*}} {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x2x6x6x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<8, 3>>
  %0 = nn.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x2x6x6x!nn.fixed<8, 3>> -> tensor<1x2x3x3x!nn.fixed<8, 3>>
  return %0 : tensor<1x2x3x3x!nn.fixed<8, 3>>
}

// CHECK-LABEL: func.func @avg_pool
func.func @avg_pool(%a: tensor<1x1x4x4xf32>, %b: tensor<1x3x28x28xf32>, %c: tensor<1x3x32x32xf32>, %d: tensor<1x1x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x3x30x30xf32>, tensor<1x3x10x10xf32>, tensor<1x1x3xf32>) {
  // node/test_averagepool_2d_ceil: ceil((4 - 3) / 2) + 1 = 2.
  // CHECK: nn.avg_pool %{{.*}} {ceil_mode = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  %0 = nn.avg_pool %a {ceil_mode = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  // node/test_averagepool_2d_pads_count_include_pad: (28 + 4 - 3) + 1 = 30.
  // CHECK: nn.avg_pool %{{.*}} {count_include_pad = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : tensor<1x3x28x28xf32> -> tensor<1x3x30x30xf32>
  %1 = nn.avg_pool %b {count_include_pad = true, kernel_shape = array<i64: 3, 3>, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : tensor<1x3x28x28xf32> -> tensor<1x3x30x30xf32>
  // node/test_averagepool_2d_strides: floor((32 - 5) / 3) + 1 = 10.
  // CHECK: nn.avg_pool %{{.*}} {kernel_shape = array<i64: 5, 5>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 3, 3>} : tensor<1x3x32x32xf32> -> tensor<1x3x10x10xf32>
  %2 = nn.avg_pool %c {ceil_mode = false, count_include_pad = false, kernel_shape = array<i64: 5, 5>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 3, 3>} : tensor<1x3x32x32xf32> -> tensor<1x3x10x10xf32>
  // The dropped last window, as for nn.max_pool: 3, not 4.
  // CHECK: nn.avg_pool {{.*}} : tensor<1x1x5xf32> -> tensor<1x1x3xf32>
  %3 = nn.avg_pool %d {ceil_mode = true, kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>, strides = array<i64: 2>} : tensor<1x1x5xf32> -> tensor<1x1x3xf32>
  return %0, %1, %2, %3 : tensor<1x1x2x2xf32>, tensor<1x3x30x30xf32>, tensor<1x3x10x10xf32>, tensor<1x1x3xf32>
}

// CHECK-LABEL: func.func @avg_pool_fixed
func.func @avg_pool_fixed(%x: tensor<1x4x10x!nn.fixed<16, 6>>) -> tensor<1x4x5x!nn.fixed<16, 6>> {
  // CHECK: nn.avg_pool %{{.*}} {count_include_pad = true, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 2>} : tensor<1x4x10x!nn.fixed<16, 6>> -> tensor<1x4x5x!nn.fixed<16, 6>>
  %0 = nn.avg_pool %x {count_include_pad = true, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 2>} : tensor<1x4x10x!nn.fixed<16, 6>> -> tensor<1x4x5x!nn.fixed<16, 6>>
  return %0 : tensor<1x4x5x!nn.fixed<16, 6>>
}

// CHECK-LABEL: func.func @global_pools
func.func @global_pools(%x: tensor<1x3x5x5xf32>, %y: tensor<2x4x7xf32>, %z: tensor<1x2x2x3x4xf32>) -> (tensor<1x3x1x1xf32>, tensor<2x4x1xf32>, tensor<1x3x1x1xf32>, tensor<1x2x1x1x1xf32>) {
  // CHECK: nn.global_avg_pool %{{.*}} : tensor<1x3x5x5xf32> -> tensor<1x3x1x1xf32>
  %0 = nn.global_avg_pool %x : tensor<1x3x5x5xf32> -> tensor<1x3x1x1xf32>
  // CHECK: nn.global_avg_pool %{{.*}} : tensor<2x4x7xf32> -> tensor<2x4x1xf32>
  %1 = nn.global_avg_pool %y : tensor<2x4x7xf32> -> tensor<2x4x1xf32>
  // CHECK: nn.global_max_pool %{{.*}} : tensor<1x3x5x5xf32> -> tensor<1x3x1x1xf32>
  %2 = nn.global_max_pool %x : tensor<1x3x5x5xf32> -> tensor<1x3x1x1xf32>
  // CHECK: nn.global_max_pool %{{.*}} : tensor<1x2x2x3x4xf32> -> tensor<1x2x1x1x1xf32>
  %3 = nn.global_max_pool %z : tensor<1x2x2x3x4xf32> -> tensor<1x2x1x1x1xf32>
  return %0, %1, %2, %3 : tensor<1x3x1x1xf32>, tensor<2x4x1xf32>, tensor<1x3x1x1xf32>, tensor<1x2x1x1x1xf32>
}

// CHECK-LABEL: func.func @global_pools_fixed
func.func @global_pools_fixed(%x: tensor<1x8x4x4x!nn.fixed<8, 3>>) -> (tensor<1x8x1x1x!nn.fixed<16, 7>>, tensor<1x8x1x1x!nn.fixed<8, 3>>) {
  // CHECK: nn.global_avg_pool %{{.*}} : tensor<1x8x4x4x!nn.fixed<8, 3>> -> tensor<1x8x1x1x!nn.fixed<16, 7>>
  %0 = nn.global_avg_pool %x : tensor<1x8x4x4x!nn.fixed<8, 3>> -> tensor<1x8x1x1x!nn.fixed<16, 7>>
  // CHECK: nn.global_max_pool %{{.*}} : tensor<1x8x4x4x!nn.fixed<8, 3>> -> tensor<1x8x1x1x!nn.fixed<8, 3>>
  %1 = nn.global_max_pool %x : tensor<1x8x4x4x!nn.fixed<8, 3>> -> tensor<1x8x1x1x!nn.fixed<8, 3>>
  return %0, %1 : tensor<1x8x1x1x!nn.fixed<16, 7>>, tensor<1x8x1x1x!nn.fixed<8, 3>>
}

// CHECK-LABEL: func.func @layer_norm
func.func @layer_norm(%x: tensor<1x4x16xf32>, %s: tensor<16xf32>, %s2: tensor<4x16xf32>) -> (tensor<1x4x16xf32>, tensor<1x4x16xf32>) {
  // CHECK: nn.layer_norm %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x4x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
  %0 = nn.layer_norm %x, %s, %s {axis = -1 : i64, epsilon = 1.0e-05 : f32} : (tensor<1x4x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
  // CHECK: nn.layer_norm %{{.*}}, %{{.*}}, %{{.*}} {axis = 1 : i64, epsilon = 1.000000e-03 : f32} : (tensor<1x4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<1x4x16xf32>
  %1 = nn.layer_norm %x, %s2, %s2 {axis = 1 : i64, epsilon = 1.0e-03 : f32} : (tensor<1x4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<1x4x16xf32>
  return %0, %1 : tensor<1x4x16xf32>, tensor<1x4x16xf32>
}

// CHECK-LABEL: func.func @embedding
func.func @embedding(%i: tensor<1x6xf32>, %t: tensor<10x4xf32>, %q: tensor<2x3x!nn.ufixed<4, 4>>, %u: tensor<10x4x!nn.fixed<8, 2>>) -> (tensor<1x6x4xf32>, tensor<2x3x4x!nn.fixed<16, 6>>) {
  // CHECK: nn.embedding %{{.*}}, %{{.*}} : (tensor<1x6xf32>, tensor<10x4xf32>) -> tensor<1x6x4xf32>
  %0 = nn.embedding %i, %t : (tensor<1x6xf32>, tensor<10x4xf32>) -> tensor<1x6x4xf32>
  // CHECK: nn.embedding %{{.*}}, %{{.*}} : (tensor<2x3x!nn.ufixed<4, 4>>, tensor<10x4x!nn.fixed<8, 2>>) -> tensor<2x3x4x!nn.fixed<16, 6>>
  %1 = nn.embedding %q, %u : (tensor<2x3x!nn.ufixed<4, 4>>, tensor<10x4x!nn.fixed<8, 2>>) -> tensor<2x3x4x!nn.fixed<16, 6>>
  return %0, %1 : tensor<1x6x4xf32>, tensor<2x3x4x!nn.fixed<16, 6>>
}
