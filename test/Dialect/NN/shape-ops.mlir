// Round trip of the constant and data-movement ops: custom form, then
// generic form back to custom.
// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s --mlir-print-op-generic | nn-opt | FileCheck %s

//===----------------------------------------------------------------------===//
// nn.constant
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @constant_dense
func.func @constant_dense() -> tensor<2x2xf32> {
  // CHECK: nn.constant dense<{{\[}}[1.000000e+00, -2.000000e+00], [5.000000e-01, 2.500000e-01]]> : tensor<2x2xf32>
  %0 = nn.constant dense<[[1.0, -2.0], [0.5, 0.25]]> : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @constant_splat
func.func @constant_splat() -> (tensor<2x3xf32>, tensor<4x!nn.fixed<8, 4>>) {
  // CHECK: nn.constant dense<1.500000e+00> : tensor<2x3xf32>
  %0 = nn.constant dense<1.5> : tensor<2x3xf32>
  // CHECK: nn.constant dense<-8> : tensor<4xi8> -> tensor<4x!nn.fixed<8, 4>>
  %1 = nn.constant dense<-8> : tensor<4xi8> -> tensor<4x!nn.fixed<8, 4>>
  return %0, %1 : tensor<2x3xf32>, tensor<4x!nn.fixed<8, 4>>
}

// Raw values k of !nn.fixed<8, 4>: 16 is 1.0, -32 is -2.0, 127 is 7.9375.
// Raw values are bit patterns of signless integers: 65535 : i16 (the
// !nn.ufixed<16, 0> value 65535 * 2^-16) prints as -1.
// CHECK-LABEL: func.func @constant_fixed
func.func @constant_fixed() -> (tensor<3x!nn.fixed<8, 4>>, tensor<2x!nn.ufixed<16, 0, RND, SAT>>) {
  // CHECK: nn.constant dense<[16, -32, 127]> : tensor<3xi8> -> tensor<3x!nn.fixed<8, 4>>
  %0 = nn.constant dense<[16, -32, 127]> : tensor<3xi8> -> tensor<3x!nn.fixed<8, 4>>
  // CHECK: nn.constant dense<[0, -1]> : tensor<2xi16> -> tensor<2x!nn.ufixed<16, 0, RND, SAT>>
  %1 = nn.constant dense<[0, 65535]> : tensor<2xi16> -> tensor<2x!nn.ufixed<16, 0, RND, SAT>>
  return %0, %1 : tensor<3x!nn.fixed<8, 4>>, tensor<2x!nn.ufixed<16, 0, RND, SAT>>
}

// The blob is 4 bytes of alignment (0x04000000, little endian) then the
// f32 values 1.0 (0x3F800000), 2.0 (0x40000000), -0.5 (0xBF000000), 0.25
// (0x3E800000), each little endian.
// CHECK-LABEL: func.func @constant_resource
func.func @constant_resource() -> tensor<2x2xf32> {
  // CHECK: nn.constant dense_resource<weights> : tensor<2x2xf32>
  %0 = nn.constant dense_resource<weights> : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @constant_attr_dict
func.func @constant_attr_dict() -> tensor<2xf32> {
  // CHECK: nn.constant {nn.name = "bias"} dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  %0 = nn.constant {nn.name = "bias"} dense<[1.0, 2.0]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

//===----------------------------------------------------------------------===//
// nn.concat
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @concat
func.func @concat(%a: tensor<1x8x4x4xf32>, %b: tensor<1x16x4x4xf32>, %c: tensor<1x8x4x2xf32>) -> (tensor<1x24x4x4xf32>, tensor<1x8x4x6xf32>, tensor<1x8x4x4xf32>) {
  // CHECK: nn.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x16x4x4xf32>) -> tensor<1x24x4x4xf32>
  %0 = nn.concat %a, %b {axis = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x16x4x4xf32>) -> tensor<1x24x4x4xf32>
  // CHECK: nn.concat %{{.*}}, %{{.*}} {axis = -1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x8x4x2xf32>) -> tensor<1x8x4x6xf32>
  %1 = nn.concat %a, %c {axis = -1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x8x4x2xf32>) -> tensor<1x8x4x6xf32>
  // CHECK: nn.concat %{{.*}} {axis = 0 : i64} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %2 = nn.concat %a {axis = 0 : i64} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0, %1, %2 : tensor<1x24x4x4xf32>, tensor<1x8x4x6xf32>, tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @concat_fixed
func.func @concat_fixed(%a: tensor<2x3x!nn.fixed<8, 2>>, %b: tensor<5x3x!nn.fixed<8, 2>>, %c: tensor<1x3x!nn.fixed<8, 2>>) -> tensor<8x3x!nn.fixed<8, 2>> {
  // CHECK: nn.concat %{{.*}}, %{{.*}}, %{{.*}} {axis = -2 : i64} : (tensor<2x3x!nn.fixed<8, 2>>, tensor<5x3x!nn.fixed<8, 2>>, tensor<1x3x!nn.fixed<8, 2>>) -> tensor<8x3x!nn.fixed<8, 2>>
  %0 = nn.concat %a, %b, %c {axis = -2 : i64} : (tensor<2x3x!nn.fixed<8, 2>>, tensor<5x3x!nn.fixed<8, 2>>, tensor<1x3x!nn.fixed<8, 2>>) -> tensor<8x3x!nn.fixed<8, 2>>
  return %0 : tensor<8x3x!nn.fixed<8, 2>>
}

//===----------------------------------------------------------------------===//
// nn.reshape
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @reshape
func.func @reshape(%x: tensor<1x16x2x2xf32>, %s: tensor<f32>) -> (tensor<1x64xf32>, tensor<1x1xf32>) {
  // CHECK: nn.reshape %{{.*}} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  %0 = nn.reshape %x : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  // CHECK: nn.reshape %{{.*}} : tensor<f32> -> tensor<1x1xf32>
  %1 = nn.reshape %s : tensor<f32> -> tensor<1x1xf32>
  return %0, %1 : tensor<1x64xf32>, tensor<1x1xf32>
}

// CHECK-LABEL: func.func @reshape_fixed
func.func @reshape_fixed(%x: tensor<2x3x!nn.ufixed<6, 1>>) -> tensor<6x!nn.ufixed<6, 1>> {
  // CHECK: nn.reshape %{{.*}} : tensor<2x3x!nn.ufixed<6, 1>> -> tensor<6x!nn.ufixed<6, 1>>
  %0 = nn.reshape %x : tensor<2x3x!nn.ufixed<6, 1>> -> tensor<6x!nn.ufixed<6, 1>>
  return %0 : tensor<6x!nn.ufixed<6, 1>>
}

//===----------------------------------------------------------------------===//
// nn.flatten
//===----------------------------------------------------------------------===//

// The default axis (1) is not printed.
// CHECK-LABEL: func.func @flatten
func.func @flatten(%x: tensor<1x16x2x2xf32>) -> (tensor<1x64xf32>, tensor<1x64xf32>, tensor<1x64xf32>, tensor<32x2xf32>, tensor<64x1xf32>, tensor<16x4xf32>) {
  // CHECK: nn.flatten %{{.*}} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  %0 = nn.flatten %x {axis = 1 : i64} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  // CHECK: nn.flatten %{{.*}} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  %1 = nn.flatten %x : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  // CHECK: nn.flatten %{{.*}} {axis = 0 : i64} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  %2 = nn.flatten %x {axis = 0 : i64} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  // CHECK: nn.flatten %{{.*}} {axis = -1 : i64} : tensor<1x16x2x2xf32> -> tensor<32x2xf32>
  %3 = nn.flatten %x {axis = -1 : i64} : tensor<1x16x2x2xf32> -> tensor<32x2xf32>
  // CHECK: nn.flatten %{{.*}} {axis = 4 : i64} : tensor<1x16x2x2xf32> -> tensor<64x1xf32>
  %4 = nn.flatten %x {axis = 4 : i64} : tensor<1x16x2x2xf32> -> tensor<64x1xf32>
  // CHECK: nn.flatten %{{.*}} {axis = -2 : i64} : tensor<1x16x2x2xf32> -> tensor<16x4xf32>
  %5 = nn.flatten %x {axis = -2 : i64} : tensor<1x16x2x2xf32> -> tensor<16x4xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<1x64xf32>, tensor<1x64xf32>, tensor<1x64xf32>, tensor<32x2xf32>, tensor<64x1xf32>, tensor<16x4xf32>
}

// CHECK-LABEL: func.func @flatten_fixed
func.func @flatten_fixed(%x: tensor<1x4x3x!nn.fixed<16, 6, RND, SAT>>) -> tensor<1x12x!nn.fixed<16, 6, RND, SAT>> {
  // CHECK: nn.flatten %{{.*}} : tensor<1x4x3x!nn.fixed<16, 6, RND, SAT>> -> tensor<1x12x!nn.fixed<16, 6, RND, SAT>>
  %0 = nn.flatten %x : tensor<1x4x3x!nn.fixed<16, 6, RND, SAT>> -> tensor<1x12x!nn.fixed<16, 6, RND, SAT>>
  return %0 : tensor<1x12x!nn.fixed<16, 6, RND, SAT>>
}

//===----------------------------------------------------------------------===//
// nn.transpose
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @transpose
func.func @transpose(%x: tensor<1x3x4x5xf32>, %m: tensor<2x3xf16>) -> (tensor<1x4x5x3xf32>, tensor<3x2xf16>) {
  // CHECK: nn.transpose %{{.*}} {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  %0 = nn.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  // CHECK: nn.transpose %{{.*}} {perm = array<i64: 1, 0>} : tensor<2x3xf16> -> tensor<3x2xf16>
  %1 = nn.transpose %m {perm = array<i64: 1, 0>} : tensor<2x3xf16> -> tensor<3x2xf16>
  return %0, %1 : tensor<1x4x5x3xf32>, tensor<3x2xf16>
}

// CHECK-LABEL: func.func @transpose_fixed
func.func @transpose_fixed(%x: tensor<2x3x4x!nn.fixed<8, 3>>) -> tensor<4x2x3x!nn.fixed<8, 3>> {
  // CHECK: nn.transpose %{{.*}} {perm = array<i64: 2, 0, 1>} : tensor<2x3x4x!nn.fixed<8, 3>> -> tensor<4x2x3x!nn.fixed<8, 3>>
  %0 = nn.transpose %x {perm = array<i64: 2, 0, 1>} : tensor<2x3x4x!nn.fixed<8, 3>> -> tensor<4x2x3x!nn.fixed<8, 3>>
  return %0 : tensor<4x2x3x!nn.fixed<8, 3>>
}

//===----------------------------------------------------------------------===//
// nn.pad
//===----------------------------------------------------------------------===//

// The default value (0.0) is not printed. Negative pads crop.
// CHECK-LABEL: func.func @pad
func.func @pad(%x: tensor<1x3x4x4xf32>) -> (tensor<1x3x6x6xf32>, tensor<1x3x5x7xf32>, tensor<1x3x2x5xf32>, tensor<1x3x6x6xf32>) {
  // CHECK: nn.pad %{{.*}} {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  %0 = nn.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  // CHECK: nn.pad %{{.*}} {pads = array<i64: 0, 0, 0, 1, 0, 0, 1, 2>, value = -1.500000e+00 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x5x7xf32>
  %1 = nn.pad %x {pads = array<i64: 0, 0, 0, 1, 0, 0, 1, 2>, value = -1.5 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x5x7xf32>
  // CHECK: nn.pad %{{.*}} {pads = array<i64: 0, 0, -1, 2, 0, 0, -1, -1>} : tensor<1x3x4x4xf32> -> tensor<1x3x2x5xf32>
  %2 = nn.pad %x {pads = array<i64: 0, 0, -1, 2, 0, 0, -1, -1>} : tensor<1x3x4x4xf32> -> tensor<1x3x2x5xf32>
  // CHECK: nn.pad %{{.*}} {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  %3 = nn.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 0.0 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  return %0, %1, %2, %3 : tensor<1x3x6x6xf32>, tensor<1x3x5x7xf32>, tensor<1x3x2x5xf32>, tensor<1x3x6x6xf32>
}

// -2.25 is k * 2^-4 with k = -36, inside [-128, 127] for !nn.fixed<8, 4>.
// CHECK-LABEL: func.func @pad_fixed
func.func @pad_fixed(%x: tensor<1x2x3x!nn.fixed<8, 4>>) -> tensor<1x4x3x!nn.fixed<8, 4>> {
  // CHECK: nn.pad %{{.*}} {pads = array<i64: 0, 1, 0, 0, 1, 0>, value = -2.250000e+00 : f32} : tensor<1x2x3x!nn.fixed<8, 4>> -> tensor<1x4x3x!nn.fixed<8, 4>>
  %0 = nn.pad %x {pads = array<i64: 0, 1, 0, 0, 1, 0>, value = -2.25 : f32} : tensor<1x2x3x!nn.fixed<8, 4>> -> tensor<1x4x3x!nn.fixed<8, 4>>
  return %0 : tensor<1x4x3x!nn.fixed<8, 4>>
}

//===----------------------------------------------------------------------===//
// nn.resize
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @resize
func.func @resize(%x: tensor<1x8x4x4xf32>, %v: tensor<3xbf16>) -> (tensor<1x8x8x8xf32>, tensor<1x8x12x4xf32>, tensor<9xbf16>) {
  // CHECK: nn.resize %{{.*}} {scales = array<i64: 1, 1, 2, 2>} : tensor<1x8x4x4xf32> -> tensor<1x8x8x8xf32>
  %0 = nn.resize %x {scales = array<i64: 1, 1, 2, 2>} : tensor<1x8x4x4xf32> -> tensor<1x8x8x8xf32>
  // CHECK: nn.resize %{{.*}} {scales = array<i64: 1, 1, 3, 1>} : tensor<1x8x4x4xf32> -> tensor<1x8x12x4xf32>
  %1 = nn.resize %x {scales = array<i64: 1, 1, 3, 1>} : tensor<1x8x4x4xf32> -> tensor<1x8x12x4xf32>
  // CHECK: nn.resize %{{.*}} {scales = array<i64: 3>} : tensor<3xbf16> -> tensor<9xbf16>
  %2 = nn.resize %v {scales = array<i64: 3>} : tensor<3xbf16> -> tensor<9xbf16>
  return %0, %1, %2 : tensor<1x8x8x8xf32>, tensor<1x8x12x4xf32>, tensor<9xbf16>
}

// CHECK-LABEL: func.func @resize_fixed
func.func @resize_fixed(%x: tensor<1x2x3x3x!nn.ufixed<8, 3>>) -> tensor<1x2x6x6x!nn.ufixed<8, 3>> {
  // CHECK: nn.resize %{{.*}} {scales = array<i64: 1, 1, 2, 2>} : tensor<1x2x3x3x!nn.ufixed<8, 3>> -> tensor<1x2x6x6x!nn.ufixed<8, 3>>
  %0 = nn.resize %x {scales = array<i64: 1, 1, 2, 2>} : tensor<1x2x3x3x!nn.ufixed<8, 3>> -> tensor<1x2x6x6x!nn.ufixed<8, 3>>
  return %0 : tensor<1x2x6x6x!nn.ufixed<8, 3>>
}

//===----------------------------------------------------------------------===//
// nn.reduce_mean
//===----------------------------------------------------------------------===//

// Defaults (axes = [], keepdims = true) are not printed.
// CHECK-LABEL: func.func @reduce_mean
func.func @reduce_mean(%x: tensor<1x8x4x4xf32>) -> (tensor<1x8x1x1xf32>, tensor<1x8xf32>, tensor<1x1x1x1xf32>, tensor<f32>, tensor<8x4xf32>, tensor<1x1x1x1xf32>) {
  // CHECK: nn.reduce_mean %{{.*}} {axes = array<i64: 2, 3>} : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  %0 = nn.reduce_mean %x {axes = array<i64: 2, 3>} : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  // CHECK: nn.reduce_mean %{{.*}} {axes = array<i64: -1, -2>, keepdims = false} : tensor<1x8x4x4xf32> -> tensor<1x8xf32>
  %1 = nn.reduce_mean %x {axes = array<i64: -1, -2>, keepdims = false} : tensor<1x8x4x4xf32> -> tensor<1x8xf32>
  // CHECK: nn.reduce_mean %{{.*}} : tensor<1x8x4x4xf32> -> tensor<1x1x1x1xf32>
  %2 = nn.reduce_mean %x : tensor<1x8x4x4xf32> -> tensor<1x1x1x1xf32>
  // CHECK: nn.reduce_mean %{{.*}} {keepdims = false} : tensor<1x8x4x4xf32> -> tensor<f32>
  %3 = nn.reduce_mean %x {axes = array<i64>, keepdims = false} : tensor<1x8x4x4xf32> -> tensor<f32>
  // CHECK: nn.reduce_mean %{{.*}} {axes = array<i64: 0, 3>, keepdims = false} : tensor<1x8x4x4xf32> -> tensor<8x4xf32>
  %4 = nn.reduce_mean %x {axes = array<i64: 0, 3>, keepdims = false} : tensor<1x8x4x4xf32> -> tensor<8x4xf32>
  // CHECK: nn.reduce_mean %{{.*}} {axes = array<i64: 3, 0, 1, 2>} : tensor<1x8x4x4xf32> -> tensor<1x1x1x1xf32>
  %5 = nn.reduce_mean %x {axes = array<i64: 3, 0, 1, 2>, keepdims = true} : tensor<1x8x4x4xf32> -> tensor<1x1x1x1xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<1x8x1x1xf32>, tensor<1x8xf32>, tensor<1x1x1x1xf32>, tensor<f32>, tensor<8x4xf32>, tensor<1x1x1x1xf32>
}

// A fixed-point mean may change precision: it computes.
// CHECK-LABEL: func.func @reduce_mean_fixed
func.func @reduce_mean_fixed(%x: tensor<1x4x2x2x!nn.fixed<8, 3>>) -> tensor<1x4x1x1x!nn.fixed<12, 3, RND>> {
  // CHECK: nn.reduce_mean %{{.*}} {axes = array<i64: 2, 3>} : tensor<1x4x2x2x!nn.fixed<8, 3>> -> tensor<1x4x1x1x!nn.fixed<12, 3, RND>>
  %0 = nn.reduce_mean %x {axes = array<i64: 2, 3>} : tensor<1x4x2x2x!nn.fixed<8, 3>> -> tensor<1x4x1x1x!nn.fixed<12, 3, RND>>
  return %0 : tensor<1x4x1x1x!nn.fixed<12, 3, RND>>
}

// CHECK: {-#
// CHECK-NEXT: dialect_resources: {
// CHECK-NEXT: builtin: {
// CHECK-NEXT: weights: "0x040000000000803F00000040000000BF0000803E"
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: #-}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F00000040000000BF0000803E"
    }
  }
#-}
