// Every verifier (and parser) message of the constant and data-movement ops.
// RUN: nn-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// nn.constant
//===----------------------------------------------------------------------===//

func.func @constant_not_elements() -> tensor<f32> {
  // expected-error @+1 {{expected an elements attribute, got 1.000000e+00 : f32}}
  %0 = nn.constant 1.0 : f32 -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @constant_vector_value() -> tensor<2xf32> {
  // expected-error @+1 {{'nn.constant' op value must be a ranked tensor, got 'vector<2xf32>'}}
  %0 = nn.constant dense<[1.0, 2.0]> : vector<2xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @constant_shape() -> tensor<1x2xf32> {
  // expected-error @+1 {{'nn.constant' op value shape [2] differs from the result shape [1, 2]}}
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

func.func @constant_fixed_raw_width() -> tensor<2x!nn.fixed<8, 4>> {
  // expected-error @+1 {{'nn.constant' op a fixed-point constant of '!nn.fixed<8, 4>' holds its raw values as i8, got 'i16'}}
  %0 = nn.constant dense<[1, 2]> : tensor<2xi16> -> tensor<2x!nn.fixed<8, 4>>
  return %0 : tensor<2x!nn.fixed<8, 4>>
}

// -----

func.func @constant_fixed_from_float() -> tensor<2x!nn.fixed<8, 4>> {
  // expected-error @+1 {{'nn.constant' op a fixed-point constant of '!nn.fixed<8, 4>' holds its raw values as i8, got 'f32'}}
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2x!nn.fixed<8, 4>>
  return %0 : tensor<2x!nn.fixed<8, 4>>
}

// -----

func.func @constant_element_type() -> tensor<2xf32> {
  // expected-error @+1 {{'nn.constant' op value element type 'f64' differs from the result element type 'f32'}}
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf64> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

//===----------------------------------------------------------------------===//
// nn.concat
//===----------------------------------------------------------------------===//

// -----

func.func @concat_no_input() -> tensor<2xf32> {
  // expected-error @+1 {{'nn.concat' op needs at least one input}}
  %0 = nn.concat {axis = 0 : i64} : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @concat_axis_too_large(%a: tensor<1x2xf32>, %b: tensor<1x2xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.concat' op axis 2 is out of range [-2, 2) for inputs of rank 2}}
  %0 = nn.concat %a, %b {axis = 2 : i64} : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @concat_axis_too_small(%a: tensor<1x2xf32>, %b: tensor<1x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{'nn.concat' op axis -3 is out of range [-2, 2) for inputs of rank 2}}
  %0 = nn.concat %a, %b {axis = -3 : i64} : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @concat_scalar(%a: tensor<f32>) -> tensor<f32> {
  // expected-error @+1 {{'nn.concat' op axis 0 is out of range [0, 0) for inputs of rank 0}}
  %0 = nn.concat %a {axis = 0 : i64} : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @concat_rank(%a: tensor<1x2xf32>, %b: tensor<1x2x1xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.concat' op input 1 has rank 3, but input 0 has rank 2}}
  %0 = nn.concat %a, %b {axis = 1 : i64} : (tensor<1x2xf32>, tensor<1x2x1xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @concat_other_dim(%a: tensor<1x8x4x4xf32>, %b: tensor<1x8x4x3xf32>) -> tensor<1x16x4x4xf32> {
  // expected-error @+1 {{'nn.concat' op input 1 shape [1, 8, 4, 3] differs from input 0 shape [1, 8, 4, 4] in dimension 3 (only axis 1 may differ)}}
  %0 = nn.concat %a, %b {axis = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x8x4x3xf32>) -> tensor<1x16x4x4xf32>
  return %0 : tensor<1x16x4x4xf32>
}

// -----

func.func @concat_result_shape(%a: tensor<1x8xf32>, %b: tensor<1x4xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'nn.concat' op result shape [1, 8] differs from the expected [1, 12]}}
  %0 = nn.concat %a, %b {axis = -1 : i64} : (tensor<1x8xf32>, tensor<1x4xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @concat_fixed_precision(%a: tensor<2x!nn.fixed<8, 2>>, %b: tensor<2x!nn.fixed<8, 3>>) -> tensor<4x!nn.fixed<8, 2>> {
  // expected-error @+1 {{'nn.concat' op result element type '!nn.fixed<8, 2>' differs from the input 1 element type '!nn.fixed<8, 3>'; data movement does not convert}}
  %0 = nn.concat %a, %b {axis = 0 : i64} : (tensor<2x!nn.fixed<8, 2>>, tensor<2x!nn.fixed<8, 3>>) -> tensor<4x!nn.fixed<8, 2>>
  return %0 : tensor<4x!nn.fixed<8, 2>>
}

//===----------------------------------------------------------------------===//
// nn.reshape
//===----------------------------------------------------------------------===//

// -----

func.func @reshape_count(%x: tensor<2x5xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{'nn.reshape' op result shape [3, 4] has 12 elements, but the input shape [2, 5] has 10}}
  %0 = nn.reshape %x : tensor<2x5xf32> -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @reshape_fixed_precision(%x: tensor<2x3x!nn.fixed<8, 4>>) -> tensor<6x!nn.fixed<8, 3>> {
  // expected-error @+1 {{'nn.reshape' op result element type '!nn.fixed<8, 3>' differs from the input element type '!nn.fixed<8, 4>'; data movement does not convert}}
  %0 = nn.reshape %x : tensor<2x3x!nn.fixed<8, 4>> -> tensor<6x!nn.fixed<8, 3>>
  return %0 : tensor<6x!nn.fixed<8, 3>>
}

//===----------------------------------------------------------------------===//
// nn.flatten
//===----------------------------------------------------------------------===//

// -----

func.func @flatten_axis_too_large(%x: tensor<1x16x2x2xf32>) -> tensor<64x1xf32> {
  // expected-error @+1 {{'nn.flatten' op axis 5 is out of range [-4, 4] for an input of rank 4}}
  %0 = nn.flatten %x {axis = 5 : i64} : tensor<1x16x2x2xf32> -> tensor<64x1xf32>
  return %0 : tensor<64x1xf32>
}

// -----

func.func @flatten_axis_too_small(%x: tensor<1x16x2x2xf32>) -> tensor<1x64xf32> {
  // expected-error @+1 {{'nn.flatten' op axis -5 is out of range [-4, 4] for an input of rank 4}}
  %0 = nn.flatten %x {axis = -5 : i64} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
  return %0 : tensor<1x64xf32>
}

// -----

// The default axis is 1: [1 * 16, 2 * 2] would be axis 2.
func.func @flatten_result_shape(%x: tensor<1x16x2x2xf32>) -> tensor<16x4xf32> {
  // expected-error @+1 {{'nn.flatten' op result shape [16, 4] differs from the expected [1, 64]}}
  %0 = nn.flatten %x : tensor<1x16x2x2xf32> -> tensor<16x4xf32>
  return %0 : tensor<16x4xf32>
}

// -----

func.func @flatten_fixed_precision(%x: tensor<1x2x2x!nn.ufixed<8, 4>>) -> tensor<1x4x!nn.fixed<8, 4>> {
  // expected-error @+1 {{'nn.flatten' op result element type '!nn.fixed<8, 4>' differs from the input element type '!nn.ufixed<8, 4>'; data movement does not convert}}
  %0 = nn.flatten %x : tensor<1x2x2x!nn.ufixed<8, 4>> -> tensor<1x4x!nn.fixed<8, 4>>
  return %0 : tensor<1x4x!nn.fixed<8, 4>>
}

//===----------------------------------------------------------------------===//
// nn.transpose
//===----------------------------------------------------------------------===//

// -----

func.func @transpose_perm_size(%x: tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32> {
  // expected-error @+1 {{'nn.transpose' op perm has 3 entries, but the input has rank 4}}
  %0 = nn.transpose %x {perm = array<i64: 0, 2, 1>} : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  return %0 : tensor<1x4x5x3xf32>
}

// -----

func.func @transpose_perm_repeat(%x: tensor<1x3x4xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'nn.transpose' op perm [0, 0, 2] is not a permutation of [0, 3)}}
  %0 = nn.transpose %x {perm = array<i64: 0, 0, 2>} : tensor<1x3x4xf32> -> tensor<1x1x4xf32>
  return %0 : tensor<1x1x4xf32>
}

// -----

func.func @transpose_perm_range(%x: tensor<1x3x4xf32>) -> tensor<1x4x3xf32> {
  // expected-error @+1 {{'nn.transpose' op perm [0, 3, 1] is not a permutation of [0, 3)}}
  %0 = nn.transpose %x {perm = array<i64: 0, 3, 1>} : tensor<1x3x4xf32> -> tensor<1x4x3xf32>
  return %0 : tensor<1x4x3xf32>
}

// -----

func.func @transpose_perm_negative(%x: tensor<3x4xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'nn.transpose' op perm [-1, 0] is not a permutation of [0, 2)}}
  %0 = nn.transpose %x {perm = array<i64: -1, 0>} : tensor<3x4xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @transpose_result_shape(%x: tensor<1x3x4x5xf32>) -> tensor<1x5x4x3xf32> {
  // expected-error @+1 {{'nn.transpose' op result shape [1, 5, 4, 3] differs from the expected [1, 4, 5, 3]}}
  %0 = nn.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x5xf32> -> tensor<1x5x4x3xf32>
  return %0 : tensor<1x5x4x3xf32>
}

// -----

func.func @transpose_fixed_precision(%x: tensor<2x3x!nn.fixed<8, 4>>) -> tensor<3x2x!nn.fixed<8, 4, RND>> {
  // expected-error @+1 {{'nn.transpose' op result element type '!nn.fixed<8, 4, RND>' differs from the input element type '!nn.fixed<8, 4>'; data movement does not convert}}
  %0 = nn.transpose %x {perm = array<i64: 1, 0>} : tensor<2x3x!nn.fixed<8, 4>> -> tensor<3x2x!nn.fixed<8, 4, RND>>
  return %0 : tensor<3x2x!nn.fixed<8, 4, RND>>
}

//===----------------------------------------------------------------------===//
// nn.pad
//===----------------------------------------------------------------------===//

// -----

func.func @pad_count(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x6x6xf32> {
  // expected-error @+1 {{'nn.pad' op pads has 4 entries, but an input of rank 4 needs 8 (all begins, then all ends)}}
  %0 = nn.pad %x {pads = array<i64: 1, 1, 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// -----

// Cropping 3 + 1 rows of 4 leaves none.
func.func @pad_crop_too_much(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x0x4xf32> {
  // expected-error @+1 {{'nn.pad' op pads -3 (begin) and -1 (end) leave 0 elements of dimension 2 (size 4); negative pads may crop, but every dimension must keep at least one element}}
  %0 = nn.pad %x {pads = array<i64: 0, 0, -3, 0, 0, 0, -1, 0>} : tensor<1x3x4x4xf32> -> tensor<1x3x0x4xf32>
  return %0 : tensor<1x3x0x4xf32>
}

// -----

func.func @pad_result_shape(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x6x6xf32> {
  // expected-error @+1 {{'nn.pad' op result shape [1, 3, 6, 6] differs from the expected [1, 3, 5, 7]}}
  %0 = nn.pad %x {pads = array<i64: 0, 0, 0, 1, 0, 0, 1, 2>} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// -----

func.func @pad_fixed_precision(%x: tensor<2x!nn.fixed<8, 4>>) -> tensor<4x!nn.fixed<8, 4, TRN, SAT>> {
  // expected-error @+1 {{'nn.pad' op result element type '!nn.fixed<8, 4, TRN, SAT>' differs from the input element type '!nn.fixed<8, 4>'; data movement does not convert}}
  %0 = nn.pad %x {pads = array<i64: 1, 1>} : tensor<2x!nn.fixed<8, 4>> -> tensor<4x!nn.fixed<8, 4, TRN, SAT>>
  return %0 : tensor<4x!nn.fixed<8, 4, TRN, SAT>>
}

// -----

// 0.1 * 2^4 = 1.6 is not an integer.
func.func @pad_value_not_on_grid(%x: tensor<2x!nn.fixed<8, 4>>) -> tensor<4x!nn.fixed<8, 4>> {
  // expected-error @+1 {{'nn.pad' op pad value 0.1 is not representable in '!nn.fixed<8, 4>'}}
  %0 = nn.pad %x {pads = array<i64: 1, 1>, value = 0.1 : f32} : tensor<2x!nn.fixed<8, 4>> -> tensor<4x!nn.fixed<8, 4>>
  return %0 : tensor<4x!nn.fixed<8, 4>>
}

// -----

// 8.0 * 2^4 = 128 > 127, the largest raw value of !nn.fixed<8, 4>.
func.func @pad_value_out_of_range(%x: tensor<2x!nn.fixed<8, 4>>) -> tensor<4x!nn.fixed<8, 4>> {
  // expected-error @+1 {{'nn.pad' op pad value 8 is not representable in '!nn.fixed<8, 4>'}}
  %0 = nn.pad %x {pads = array<i64: 1, 1>, value = 8.0 : f32} : tensor<2x!nn.fixed<8, 4>> -> tensor<4x!nn.fixed<8, 4>>
  return %0 : tensor<4x!nn.fixed<8, 4>>
}

// -----

// An unsigned type has no negative values.
func.func @pad_value_negative_unsigned(%x: tensor<2x!nn.ufixed<8, 4>>) -> tensor<4x!nn.ufixed<8, 4>> {
  // expected-error @+1 {{'nn.pad' op pad value -1 is not representable in '!nn.ufixed<8, 4>'}}
  %0 = nn.pad %x {pads = array<i64: 1, 1>, value = -1.0 : f32} : tensor<2x!nn.ufixed<8, 4>> -> tensor<4x!nn.ufixed<8, 4>>
  return %0 : tensor<4x!nn.ufixed<8, 4>>
}

//===----------------------------------------------------------------------===//
// nn.resize
//===----------------------------------------------------------------------===//

// -----

func.func @resize_scales_count(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'nn.resize' op scales has 2 entries, but the input has rank 4}}
  %0 = nn.resize %x {scales = array<i64: 2, 2>} : tensor<1x8x4x4xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @resize_scale_zero(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x0x8xf32> {
  // expected-error @+1 {{'nn.resize' op scales must be positive integers, got 0 for dimension 2}}
  %0 = nn.resize %x {scales = array<i64: 1, 1, 0, 2>} : tensor<1x8x4x4xf32> -> tensor<1x8x0x8xf32>
  return %0 : tensor<1x8x0x8xf32>
}

// -----

func.func @resize_scale_negative(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'nn.resize' op scales must be positive integers, got -2 for dimension 3}}
  %0 = nn.resize %x {scales = array<i64: 1, 1, 2, -2>} : tensor<1x8x4x4xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @resize_result_shape(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'nn.resize' op result shape [1, 8, 8, 8] differs from the expected [1, 8, 8, 12]}}
  %0 = nn.resize %x {scales = array<i64: 1, 1, 2, 3>} : tensor<1x8x4x4xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @resize_fixed_precision(%x: tensor<1x2x!nn.fixed<8, 4>>) -> tensor<1x4x!nn.fixed<16, 4>> {
  // expected-error @+1 {{'nn.resize' op result element type '!nn.fixed<16, 4>' differs from the input element type '!nn.fixed<8, 4>'; data movement does not convert}}
  %0 = nn.resize %x {scales = array<i64: 1, 2>} : tensor<1x2x!nn.fixed<8, 4>> -> tensor<1x4x!nn.fixed<16, 4>>
  return %0 : tensor<1x4x!nn.fixed<16, 4>>
}

//===----------------------------------------------------------------------===//
// nn.reduce_mean
//===----------------------------------------------------------------------===//

// -----

func.func @reduce_mean_axis_too_large(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x1xf32> {
  // expected-error @+1 {{'nn.reduce_mean' op axis 4 in axes is out of range [-4, 4) for an input of rank 4}}
  %0 = nn.reduce_mean %x {axes = array<i64: 4>} : tensor<1x8x4x4xf32> -> tensor<1x8x4x1xf32>
  return %0 : tensor<1x8x4x1xf32>
}

// -----

func.func @reduce_mean_axis_too_small(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x1xf32> {
  // expected-error @+1 {{'nn.reduce_mean' op axis -5 in axes is out of range [-4, 4) for an input of rank 4}}
  %0 = nn.reduce_mean %x {axes = array<i64: 3, -5>} : tensor<1x8x4x4xf32> -> tensor<1x8x4x1xf32>
  return %0 : tensor<1x8x4x1xf32>
}

// -----

// -1 and 3 both name the last dimension of a rank-4 input.
func.func @reduce_mean_duplicate(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x1xf32> {
  // expected-error @+1 {{'nn.reduce_mean' op axes [3, -1] name dimension 3 twice}}
  %0 = nn.reduce_mean %x {axes = array<i64: 3, -1>} : tensor<1x8x4x4xf32> -> tensor<1x8x4x1xf32>
  return %0 : tensor<1x8x4x1xf32>
}

// -----

// A mean over an empty dimension (ONNX gives NaN): rejected.
func.func @reduce_mean_empty(%x: tensor<1x4x0xf32>) -> tensor<1x4x1xf32> {
  // expected-error @+1 {{'nn.reduce_mean' op reduces over no element: dimension 2 has size 0}}
  %0 = nn.reduce_mean %x {axes = array<i64: 2>} : tensor<1x4x0xf32> -> tensor<1x4x1xf32>
  return %0 : tensor<1x4x1xf32>
}

// -----

func.func @reduce_mean_keepdims_shape(%x: tensor<1x8x4x4xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'nn.reduce_mean' op result shape [1, 8] differs from the expected [1, 8, 1, 1]}}
  %0 = nn.reduce_mean %x {axes = array<i64: 2, 3>} : tensor<1x8x4x4xf32> -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

// Empty axes reduce every dimension (ONNX noop_with_empty_axes = 0).
func.func @reduce_mean_empty_axes_shape(%x: tensor<1x8x4x4xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'nn.reduce_mean' op result shape [1, 8] differs from the expected []}}
  %0 = nn.reduce_mean %x {keepdims = false} : tensor<1x8x4x4xf32> -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

//===----------------------------------------------------------------------===//
// Shapes whose arithmetic overflows int64 (every nn tensor's element count
// fits in int64: NN_Tensor; sums and products of attributes are checked)
//===----------------------------------------------------------------------===//

// 2^32 * 2^32 elements: nn.flatten's verifier multiplied them (UBSan:
// signed overflow); the operand's type is refused first now.
func.func @flatten_uncountable(%x: tensor<4294967296x4294967296xf32>) -> tensor<1x1xf32> {
  // expected-error @+1 {{'nn.flatten' op operand #0 must be statically shaped tensor (at most 2^63 - 1 elements) of floating-point or fixed-point number values, but got 'tensor<4294967296x4294967296xf32>'}}
  %0 = nn.flatten %x {axis = 1 : i64} : tensor<4294967296x4294967296xf32> -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

// A zero dimension does not make the others' product countable.
func.func @flatten_uncountable_with_zero(%x: tensor<0x4294967296x4294967296xf32>) -> tensor<0x1xf32> {
  // expected-error @+1 {{'nn.flatten' op operand #0 must be statically shaped tensor (at most 2^63 - 1 elements)}}
  %0 = nn.flatten %x {axis = 1 : i64} : tensor<0x4294967296x4294967296xf32> -> tensor<0x1xf32>
  return %0 : tensor<0x1xf32>
}

// -----

func.func @concat_sum_overflow(%x: tensor<6000000000000000000xf32>) -> tensor<1xf32> {
  // expected-error @+1 {{'nn.concat' op the inputs' sizes along axis 0 add up to more than 2^63 - 1}}
  %0 = nn.concat %x, %x {axis = 0 : i64} : (tensor<6000000000000000000xf32>, tensor<6000000000000000000xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @pad_overflow(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'nn.pad' op pads 9223372036854775807 (begin) and 0 (end) overflow dimension 0 (size 2)}}
  %0 = nn.pad %x {pads = array<i64: 9223372036854775807, 0>, value = 0.0 : f32} : tensor<2xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @resize_overflow(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'nn.resize' op scale 4611686018427387904 overflows dimension 0 (size 4)}}
  %0 = nn.resize %x {scales = array<i64: 4611686018427387904>} : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
