// Folding nn.batch_norm into the nn.conv / nn.dense that produces its input.
// RUN: nn-opt %s -canonicalize -split-input-file | FileCheck %s
// RUN: nn-opt %s -canonicalize -split-input-file -mlir-print-debuginfo -mlir-print-local-scope | FileCheck %s --check-prefix=LOC
//
// Every value below is exact in f32; the folded values are computed by hand:
//   f[m]      = scale[m] / sqrt(var[m] + eps)
//   W'[m,...] = W[m,...] * f[m]
//   b'[m]     = (b[m] - mean[m]) * f[m] + beta[m]

// 2-D conv with bias. eps = 0.5, var = [3.5, 0.5]: var + eps = [4, 1],
// sqrt = [2, 1]; scale = [3, -2]: f = [3/2, -2/1] = [1.5, -2].
//   W'[0] = [2, -4] * 1.5 = [3, -6]
//   W'[1] = [0.5, 1] * -2 = [-1, -2]
//   b'[0] = (1 - 3) * 1.5 + 0.25 = -3 + 0.25 = -2.75
//   b'[1] = (2 - (-1)) * -2 + 4 = -6 + 4 = -2
// CHECK-LABEL: func.func @conv_2d_with_bias
// CHECK-DAG: %[[W:.*]] = nn.constant dense<{{\[\[\[\[}}3.000000e+00, -6.000000e+00]]], {{\[\[\[}}-1.000000e+00, -2.000000e+00]]]]> : tensor<2x1x1x2xf32>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<[-2.750000e+00, -2.000000e+00]> : tensor<2xf32>
// CHECK: %[[Y:.*]] = nn.conv %arg0, %[[W]], %[[B]] {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
// CHECK-NOT: nn.batch_norm
// CHECK-NOT: nn.constant
// CHECK: return %[[Y]]
// LOC-LABEL: func.func @conv_2d_with_bias
// LOC: nn.conv {{.*}} loc(fused["conv1", "bn1"])
func.func @conv_2d_with_bias(%x: tensor<1x1x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = nn.constant dense<[[[[2.0, -4.0]]], [[[0.5, 1.0]]]]> : tensor<2x1x1x2xf32>
  %b = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %scale = nn.constant dense<[3.0, -2.0]> : tensor<2xf32>
  %beta = nn.constant dense<[0.25, 4.0]> : tensor<2xf32>
  %mean = nn.constant dense<[3.0, -1.0]> : tensor<2xf32>
  %var = nn.constant dense<[3.5, 0.5]> : tensor<2xf32>
  %0 = nn.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32> loc("conv1")
  %1 = nn.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 0.5 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32> loc("bn1")
  return %1 : tensor<1x2x3x2xf32>
}

// -----

// 1-D conv without bias (bias = 0), strides/pads/dilations/group kept.
// eps = 1, var = [3, 8]: var + eps = [4, 9], sqrt = [2, 3];
// scale = [1, 6]: f = [1/2, 6/3] = [0.5, 2].
//   W'[0] = [[4], [-2]] * 0.5 = [[2], [-1]]
//   W'[1] = [[1.5], [0.25]] * 2 = [[3], [0.5]]
//   b'[0] = (0 - 2) * 0.5 + 1 = 0
//   b'[1] = (0 - (-0.5)) * 2 + 0 = 1
// CHECK-LABEL: func.func @conv_1d_without_bias
// CHECK-DAG: %[[W:.*]] = nn.constant dense<{{\[\[\[}}2.000000e+00], [-1.000000e+00]], {{\[\[}}3.000000e+00], [5.000000e-01]]]> : tensor<2x2x1xf32>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<[0.000000e+00, 1.000000e+00]> : tensor<2xf32>
// CHECK: %[[Y:.*]] = nn.conv %arg0, %[[W]], %[[B]] {dilations = array<i64: 2>, pads = array<i64: 1, 0>, strides = array<i64: 3>} : (tensor<1x2x8xf32>, tensor<2x2x1xf32>, tensor<2xf32>) -> tensor<1x2x3xf32>
// CHECK-NOT: nn.batch_norm
// CHECK: return %[[Y]]
func.func @conv_1d_without_bias(%x: tensor<1x2x8xf32>) -> tensor<1x2x3xf32> {
  %w = nn.constant dense<[[[4.0], [-2.0]], [[1.5], [0.25]]]> : tensor<2x2x1xf32>
  %scale = nn.constant dense<[1.0, 6.0]> : tensor<2xf32>
  %beta = nn.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %mean = nn.constant dense<[2.0, -0.5]> : tensor<2xf32>
  %var = nn.constant dense<[3.0, 8.0]> : tensor<2xf32>
  // floor((8 + 1 + 0 - 2*0 - 1) / 3) + 1 = 3
  %0 = nn.conv %x, %w {dilations = array<i64: 2>, group = 1 : i64, pads = array<i64: 1, 0>, strides = array<i64: 3>} : (tensor<1x2x8xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
  %1 = nn.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3xf32>
  return %1 : tensor<1x2x3xf32>
}

// -----

// Grouped (depthwise) conv: the weight is still scaled per output channel.
// eps = 0, var = [16, 0.25]: sqrt = [4, 0.5]; scale = [2, 0.5]: f = [0.5, 1].
//   W'[0] = [[1, 2]] * 0.5 = [[0.5, 1]],  W'[1] = [[-3, 5]] * 1 = [[-3, 5]]
//   b'[0] = (4 - 2) * 0.5 + 1 = 2,        b'[1] = (-1 - 1) * 1 + 0.5 = -1.5
// CHECK-LABEL: func.func @conv_depthwise
// CHECK-DAG: %[[W:.*]] = nn.constant dense<{{\[\[\[}}5.000000e-01, 1.000000e+00]], {{\[\[}}-3.000000e+00, 5.000000e+00]]]> : tensor<2x1x2xf32>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<[2.000000e+00, -1.500000e+00]> : tensor<2xf32>
// CHECK: nn.conv %arg0, %[[W]], %[[B]] {dilations = array<i64: 1>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>}
// CHECK-NOT: nn.batch_norm
func.func @conv_depthwise(%x: tensor<1x2x5xf32>) -> tensor<1x2x4xf32> {
  %w = nn.constant dense<[[[1.0, 2.0]], [[-3.0, 5.0]]]> : tensor<2x1x2xf32>
  %b = nn.constant dense<[4.0, -1.0]> : tensor<2xf32>
  %scale = nn.constant dense<[2.0, 0.5]> : tensor<2xf32>
  %beta = nn.constant dense<[1.0, 0.5]> : tensor<2xf32>
  %mean = nn.constant dense<[2.0, 1.0]> : tensor<2xf32>
  %var = nn.constant dense<[16.0, 0.25]> : tensor<2xf32>
  %0 = nn.conv %x, %w, %b {dilations = array<i64: 1>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x2x5xf32>, tensor<2x1x2xf32>, tensor<2xf32>) -> tensor<1x2x4xf32>
  %1 = nn.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 0.0 : f32} : (tensor<1x2x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4xf32>
  return %1 : tensor<1x2x4xf32>
}

// -----

// Dense with a rank-2 result: BN channel axis 1 = the output features.
// eps = 0.25, var = [0, 2]: var + eps = [0.25, 2.25], sqrt = [0.5, 1.5];
// scale = [1, -0.75]: f = [1/0.5, -0.75/1.5] = [2, -0.5].
//   W'[0] = [1, 2, 3] * 2 = [2, 4, 6]
//   W'[1] = [4, -6, 8] * -0.5 = [-2, 3, -4]
//   b'[0] = (0.5 - 1) * 2 + 0 = -1
//   b'[1] = (1 - 3) * -0.5 + 10 = 1 + 10 = 11
// CHECK-LABEL: func.func @dense
// CHECK-DAG: %[[W:.*]] = nn.constant dense<{{\[\[}}2.000000e+00, 4.000000e+00, 6.000000e+00], [-2.000000e+00, 3.000000e+00, -4.000000e+00]]> : tensor<2x3xf32>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<[-1.000000e+00, 1.100000e+01]> : tensor<2xf32>
// CHECK: %[[Y:.*]] = nn.dense %arg0, %[[W]], %[[B]] : (tensor<4x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x2xf32>
// CHECK-NOT: nn.batch_norm
// CHECK: return %[[Y]]
// LOC-LABEL: func.func @dense
// LOC: nn.dense {{.*}} loc(fused["fc", "bn"])
func.func @dense(%x: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %w = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, -6.0, 8.0]]> : tensor<2x3xf32>
  %b = nn.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %scale = nn.constant dense<[1.0, -0.75]> : tensor<2xf32>
  %beta = nn.constant dense<[0.0, 10.0]> : tensor<2xf32>
  %mean = nn.constant dense<[1.0, 3.0]> : tensor<2xf32>
  %var = nn.constant dense<[0.0, 2.0]> : tensor<2xf32>
  %0 = nn.dense %x, %w, %b : (tensor<4x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x2xf32> loc("fc")
  %1 = nn.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 0.25 : f32} : (tensor<4x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<4x2xf32> loc("bn")
  return %1 : tensor<4x2xf32>
}

// -----

// Dense without bias, in f16 (the folded constants keep the element type).
// eps = 1, var = [3, 0]: var + eps = [4, 1], sqrt = [2, 1];
// scale = [2, 3]: f = [2/2, 3/1] = [1, 3].
//   W'[0] = [1, -1] * 1 = [1, -1],  W'[1] = [0.5, 2] * 3 = [1.5, 6]
//   b'[0] = (0 - 1) * 1 + 0 = -1,   b'[1] = (0 - 0) * 3 + 0.5 = 0.5
// CHECK-LABEL: func.func @dense_f16_without_bias
// CHECK-DAG: %[[W:.*]] = nn.constant dense<{{\[\[}}1.000000e+00, -1.000000e+00], [1.500000e+00, 6.000000e+00]]> : tensor<2x2xf16>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<[-1.000000e+00, 5.000000e-01]> : tensor<2xf16>
// CHECK: nn.dense %arg0, %[[W]], %[[B]] : (tensor<1x2xf16>, tensor<2x2xf16>, tensor<2xf16>) -> tensor<1x2xf16>
// CHECK-NOT: nn.batch_norm
func.func @dense_f16_without_bias(%x: tensor<1x2xf16>) -> tensor<1x2xf16> {
  %w = nn.constant dense<[[1.0, -1.0], [0.5, 2.0]]> : tensor<2x2xf16>
  %scale = nn.constant dense<[2.0, 3.0]> : tensor<2xf16>
  %beta = nn.constant dense<[0.0, 0.5]> : tensor<2xf16>
  %mean = nn.constant dense<[1.0, 0.0]> : tensor<2xf16>
  %var = nn.constant dense<[3.0, 0.0]> : tensor<2xf16>
  %0 = nn.dense %x, %w : (tensor<1x2xf16>, tensor<2x2xf16>) -> tensor<1x2xf16>
  %1 = nn.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2xf16>, tensor<2xf16>, tensor<2xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2xf16>
  return %1 : tensor<1x2xf16>
}

// -----

// Negative: the conv result has a second user, so nothing changes.
// CHECK-LABEL: func.func @conv_second_user
// CHECK-DAG: %[[W:.*]] = nn.constant dense<1.000000e+00> : tensor<1x1x1xf32>
// CHECK-DAG: %[[S:.*]] = nn.constant dense<1.000000e+00> : tensor<1xf32>
// CHECK: %[[C:.*]] = nn.conv %arg0, %[[W]] {
// CHECK: %[[N:.*]] = nn.batch_norm %[[C]], %[[S]], %[[S]], %[[S]], %[[S]] :
// CHECK: return %[[N]], %[[C]]
func.func @conv_second_user(%x: tensor<1x1x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>) {
  %w = nn.constant dense<[[[1.0]]]> : tensor<1x1x1xf32>
  %c = nn.constant dense<[1.0]> : tensor<1xf32>
  %0 = nn.conv %x, %w {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x1x4xf32>, tensor<1x1x1xf32>) -> tensor<1x1x4xf32>
  %1 = nn.batch_norm %0, %c, %c, %c, %c : (tensor<1x1x4xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x4xf32>
  return %1, %0 : tensor<1x1x4xf32>, tensor<1x1x4xf32>
}

// -----

// Negative: the conv weight is not a constant.
// CHECK-LABEL: func.func @conv_weight_not_constant
// CHECK: %[[C:.*]] = nn.conv %arg0, %arg1, %{{.*}} {
// CHECK: nn.batch_norm %[[C]],
func.func @conv_weight_not_constant(%x: tensor<1x1x4xf32>, %w: tensor<1x1x1xf32>) -> tensor<1x1x4xf32> {
  %c = nn.constant dense<[1.0]> : tensor<1xf32>
  %0 = nn.conv %x, %w, %c {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x1x4xf32>, tensor<1x1x1xf32>, tensor<1xf32>) -> tensor<1x1x4xf32>
  %1 = nn.batch_norm %0, %c, %c, %c, %c : (tensor<1x1x4xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x4xf32>
  return %1 : tensor<1x1x4xf32>
}

// -----

// Negative: a batch-norm statistic is not a constant.
// CHECK-LABEL: func.func @batch_norm_var_not_constant
// CHECK: %[[C:.*]] = nn.conv %arg0,
// CHECK: nn.batch_norm %[[C]], %{{.*}}, %{{.*}}, %{{.*}}, %arg1 :
func.func @batch_norm_var_not_constant(%x: tensor<1x1x4xf32>, %var: tensor<1xf32>) -> tensor<1x1x4xf32> {
  %w = nn.constant dense<[[[1.0]]]> : tensor<1x1x1xf32>
  %c = nn.constant dense<[1.0]> : tensor<1xf32>
  %0 = nn.conv %x, %w {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x1x4xf32>, tensor<1x1x1xf32>) -> tensor<1x1x4xf32>
  %1 = nn.batch_norm %0, %c, %c, %c, %var : (tensor<1x1x4xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x4xf32>
  return %1 : tensor<1x1x4xf32>
}

// -----

// Negative: var + eps = 0 in channel 1 (the factor would be infinite): not
// folded; nn-quantize reports the layer.
// CHECK-LABEL: func.func @batch_norm_var_zero
// CHECK: %[[C:.*]] = nn.conv %arg0,
// CHECK: nn.batch_norm %[[C]],
func.func @batch_norm_var_zero(%x: tensor<1x2x4xf32>) -> tensor<1x2x4xf32> {
  %w = nn.constant dense<[[[1.0]], [[2.0]]]> : tensor<2x1x1xf32>
  %c = nn.constant dense<[1.0, 1.0]> : tensor<2xf32>
  %v = nn.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %0 = nn.conv %x, %w {dilations = array<i64: 1>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x2x4xf32>, tensor<2x1x1xf32>) -> tensor<1x2x4xf32>
  %1 = nn.batch_norm %0, %c, %c, %c, %v {epsilon = 0.0 : f32} : (tensor<1x2x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4xf32>
  return %1 : tensor<1x2x4xf32>
}

// -----

// Negative: dense with a rank-3 result ([N, L, features]): the batch norm's
// channel axis 1 is L, not the dense layer's output features.
// CHECK-LABEL: func.func @dense_rank_3
// CHECK: %[[D:.*]] = nn.dense %arg0,
// CHECK: nn.batch_norm %[[D]],
func.func @dense_rank_3(%x: tensor<1x2x3xf32>) -> tensor<1x2x2xf32> {
  %w = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %c = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = nn.dense %x, %w, %c : (tensor<1x2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<1x2x2xf32>
  %1 = nn.batch_norm %0, %c, %c, %c, %c : (tensor<1x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2xf32>
  return %1 : tensor<1x2x2xf32>
}

// -----

// Negative: fixed-point constants are not folded.
// CHECK-LABEL: func.func @fixed_point
// CHECK: %[[C:.*]] = nn.conv %arg0,
// CHECK: nn.batch_norm %[[C]],
func.func @fixed_point(%x: tensor<1x1x4x!nn.fixed<8, 4>>) -> tensor<1x1x4x!nn.fixed<16, 8>> {
  %w = nn.constant dense<[[[16]]]> : tensor<1x1x1xi8> -> tensor<1x1x1x!nn.fixed<8, 4>>
  %b = nn.constant dense<[16]> : tensor<1xi8> -> tensor<1x!nn.fixed<8, 4>>
  %c = nn.constant dense<[16]> : tensor<1xi8> -> tensor<1x!nn.fixed<8, 4>>
  %0 = nn.conv %x, %w, %b {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x1x4x!nn.fixed<8, 4>>, tensor<1x1x1x!nn.fixed<8, 4>>, tensor<1x!nn.fixed<8, 4>>) -> tensor<1x1x4x!nn.fixed<16, 8>>
  %1 = nn.batch_norm %0, %c, %c, %c, %c : (tensor<1x1x4x!nn.fixed<16, 8>>, tensor<1x!nn.fixed<8, 4>>, tensor<1x!nn.fixed<8, 4>>, tensor<1x!nn.fixed<8, 4>>, tensor<1x!nn.fixed<8, 4>>) -> tensor<1x1x4x!nn.fixed<16, 8>>
  return %1 : tensor<1x1x4x!nn.fixed<16, 8>>
}

// -----

// A dense_resource weight (how the importer keeps large weights) is read
// from its blob, and the folded weight stays a blob.
//   weight [1.0, 2.0], scale 3, beta 0.5, mean 1, var 0.25, epsilon 0:
//   f = 3 / sqrt(0.25) = 6; W' = [6.0, 12.0]; b' = (0 - 1) * 6 + 0.5 = -5.5
//   6.0f = 0x40C00000, 12.0f = 0x41400000, little-endian after the 4-byte
//   alignment header 0x04000000.
// CHECK-LABEL: func.func @dense_resource_weight
// CHECK-DAG: %[[W:.*]] = nn.constant dense_resource<fc_weight_bn> : tensor<1x2xf32>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<-5.500000e+00> : tensor<1xf32>
// CHECK: nn.dense %arg0, %[[W]], %[[B]]
// CHECK-NOT: nn.batch_norm
// CHECK: fc_weight_bn: "0x040000000000C04000004041"
func.func @dense_resource_weight(%x: tensor<1x2xf32>) -> tensor<1x1xf32> {
  %w = nn.constant dense_resource<fc_weight> : tensor<1x2xf32>
  %scale = nn.constant dense<[3.0]> : tensor<1xf32>
  %beta = nn.constant dense<[0.5]> : tensor<1xf32>
  %mean = nn.constant dense<[1.0]> : tensor<1xf32>
  %var = nn.constant dense<[0.25]> : tensor<1xf32>
  %0 = nn.dense %x, %w : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x1xf32>
  %1 = nn.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 0.0 : f32} : (tensor<1x1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1xf32>
  return %1 : tensor<1x1xf32>
}

{-#
  dialect_resources: {
    builtin: {
      fc_weight: "0x040000000000803F00000040"
    }
  }
#-}
