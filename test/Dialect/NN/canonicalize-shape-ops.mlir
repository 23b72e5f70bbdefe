// Folders and canonicalization patterns of the constant and data-movement
// ops. Every expected constant is worked out by hand in the comment above it.
// RUN: nn-opt --mlir-print-debuginfo=false %s -canonicalize | FileCheck %s

//===----------------------------------------------------------------------===//
// Identity-like ops disappear
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @identities
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3xf32>)
// CHECK-NOT: = nn.
// CHECK: return %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]]
func.func @identities(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = nn.reshape %x : tensor<2x3xf32> -> tensor<2x3xf32>
  // Flatten of a matrix at axis 1 is [2, 3] itself.
  %1 = nn.flatten %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = nn.transpose %x {perm = array<i64: 0, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %3 = nn.pad %x {pads = array<i64: 0, 0, 0, 0>, value = 5.0 : f32} : tensor<2x3xf32> -> tensor<2x3xf32>
  %4 = nn.concat %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = nn.resize %x {scales = array<i64: 1, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @identities_fixed
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x2x2x!nn.fixed<8, 4>>)
// CHECK-NOT: = nn.
// CHECK: return %[[X]], %[[X]], %[[X]]
func.func @identities_fixed(%x: tensor<1x2x2x!nn.fixed<8, 4>>) -> (tensor<1x2x2x!nn.fixed<8, 4>>, tensor<1x2x2x!nn.fixed<8, 4>>, tensor<1x2x2x!nn.fixed<8, 4>>) {
  %0 = nn.transpose %x {perm = array<i64: 0, 1, 2>} : tensor<1x2x2x!nn.fixed<8, 4>> -> tensor<1x2x2x!nn.fixed<8, 4>>
  %1 = nn.resize %x {scales = array<i64: 1, 1, 1>} : tensor<1x2x2x!nn.fixed<8, 4>> -> tensor<1x2x2x!nn.fixed<8, 4>>
  %2 = nn.pad %x {pads = array<i64: 0, 0, 0, 0, 0, 0>} : tensor<1x2x2x!nn.fixed<8, 4>> -> tensor<1x2x2x!nn.fixed<8, 4>>
  return %0, %1, %2 : tensor<1x2x2x!nn.fixed<8, 4>>, tensor<1x2x2x!nn.fixed<8, 4>>, tensor<1x2x2x!nn.fixed<8, 4>>
}

// Ops that do move data stay.
// CHECK-LABEL: func.func @not_identities
// CHECK: nn.transpose
// CHECK: nn.pad
// CHECK: nn.resize
// CHECK: nn.concat
// CHECK: nn.reshape
func.func @not_identities(%x: tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<3x2xf32>, tensor<2x4xf32>, tensor<4x2xf32>, tensor<4xf32>) {
  %0 = nn.transpose %x {perm = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  %1 = nn.pad %x {pads = array<i64: 1, 0, 0, 0>} : tensor<2x2xf32> -> tensor<3x2xf32>
  %2 = nn.resize %x {scales = array<i64: 1, 2>} : tensor<2x2xf32> -> tensor<2x4xf32>
  %3 = nn.concat %x, %x {axis = 0 : i64} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<4x2xf32>
  %4 = nn.reshape %x : tensor<2x2xf32> -> tensor<4xf32>
  return %0, %1, %2, %3, %4 : tensor<2x2xf32>, tensor<3x2xf32>, tensor<2x4xf32>, tensor<4x2xf32>, tensor<4xf32>
}

//===----------------------------------------------------------------------===//
// Reshape and flatten of constants: same bytes, new shape
//===----------------------------------------------------------------------===//

// Row-major order 1, 2, 3, 4, 5, 6 cut into rows of 2: [[1, 2], [3, 4], [5, 6]].
// CHECK-LABEL: func.func @reshape_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-NOT: nn.reshape
// CHECK: return %[[C]]
func.func @reshape_constant() -> tensor<3x2xf32> {
  %c = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = nn.reshape %c : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// A splat stays a splat: 6 times 1.5.
// CHECK-LABEL: func.func @reshape_splat
// CHECK: %[[C:.*]] = nn.constant dense<1.500000e+00> : tensor<6xf32>
// CHECK-NOT: nn.reshape
// CHECK: return %[[C]]
func.func @reshape_splat() -> tensor<6xf32> {
  %c = nn.constant dense<1.5> : tensor<2x3xf32>
  %0 = nn.reshape %c : tensor<2x3xf32> -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// The raw values 16, -32, 127, 0 (1.0, -2.0, 7.9375, 0.0 in !nn.fixed<8, 4>)
// keep their order and their i8 storage; the result type stays fixed point.
// CHECK-LABEL: func.func @reshape_fixed_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}[16, -32], [127, 0]]> : tensor<2x2xi8> -> tensor<2x2x!nn.fixed<8, 4>>
// CHECK-NOT: nn.reshape
// CHECK: return %[[C]]
func.func @reshape_fixed_constant() -> tensor<2x2x!nn.fixed<8, 4>> {
  %c = nn.constant dense<[16, -32, 127, 0]> : tensor<4xi8> -> tensor<4x!nn.fixed<8, 4>>
  %0 = nn.reshape %c : tensor<4x!nn.fixed<8, 4>> -> tensor<2x2x!nn.fixed<8, 4>>
  return %0 : tensor<2x2x!nn.fixed<8, 4>>
}

// [[[1, 2], [3, 4]]] of shape [1, 2, 2]: axis 1 gives [1, 2 * 2] = [[1, 2, 3, 4]];
// axis 0 gives [1, 4] as well; axis 3 (= rank) gives [4, 1] = [[1], [2], [3], [4]].
// CHECK-LABEL: func.func @flatten_constant
// CHECK-DAG: %[[ROW:.*]] = nn.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]]> : tensor<1x4xf32>
// CHECK-DAG: %[[COL:.*]] = nn.constant dense<{{\[}}[1.000000e+00], [2.000000e+00], [3.000000e+00], [4.000000e+00]]> : tensor<4x1xf32>
// CHECK-NOT: nn.flatten
// CHECK: return %[[ROW]], %[[ROW]], %[[COL]]
func.func @flatten_constant() -> (tensor<1x4xf32>, tensor<1x4xf32>, tensor<4x1xf32>) {
  %c = nn.constant dense<[[[1.0, 2.0], [3.0, 4.0]]]> : tensor<1x2x2xf32>
  %0 = nn.flatten %c : tensor<1x2x2xf32> -> tensor<1x4xf32>
  %1 = nn.flatten %c {axis = 0 : i64} : tensor<1x2x2xf32> -> tensor<1x4xf32>
  %2 = nn.flatten %c {axis = 3 : i64} : tensor<1x2x2xf32> -> tensor<4x1xf32>
  return %0, %1, %2 : tensor<1x4xf32>, tensor<1x4xf32>, tensor<4x1xf32>
}

// Raw i16 values of !nn.fixed<16, 6>: [[[100, -200]], [[300, -400]]] of
// shape [2, 1, 2], flattened at axis -1 (= 2): [2 * 1, 2] = [[100, -200], [300, -400]].
// CHECK-LABEL: func.func @flatten_fixed_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}[100, -200], [300, -400]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
// CHECK-NOT: nn.flatten
// CHECK: return %[[C]]
func.func @flatten_fixed_constant() -> tensor<2x2x!nn.fixed<16, 6>> {
  %c = nn.constant dense<[[[100, -200]], [[300, -400]]]> : tensor<2x1x2xi16> -> tensor<2x1x2x!nn.fixed<16, 6>>
  %0 = nn.flatten %c {axis = -1 : i64} : tensor<2x1x2x!nn.fixed<16, 6>> -> tensor<2x2x!nn.fixed<16, 6>>
  return %0 : tensor<2x2x!nn.fixed<16, 6>>
}

//===----------------------------------------------------------------------===//
// Transpose of constants: elements permuted
//===----------------------------------------------------------------------===//

// out[i][j] = in[j][i]: [[1, 2, 3], [4, 5, 6]] -> [[1, 4], [2, 5], [3, 6]].
// CHECK-LABEL: func.func @transpose_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-NOT: nn.transpose
// CHECK: return %[[C]]
func.func @transpose_constant() -> tensor<3x2xf32> {
  %c = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = nn.transpose %c {perm = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// f16 (2-byte elements): [[0.5, -1.0], [2.0, 0.25]] -> [[0.5, 2.0], [-1.0, 0.25]].
// CHECK-LABEL: func.func @transpose_f16_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}[5.000000e-01, 2.000000e+00], [-1.000000e+00, 2.500000e-01]]> : tensor<2x2xf16>
// CHECK-NOT: nn.transpose
// CHECK: return %[[C]]
func.func @transpose_f16_constant() -> tensor<2x2xf16> {
  %c = nn.constant dense<[[0.5, -1.0], [2.0, 0.25]]> : tensor<2x2xf16>
  %0 = nn.transpose %c {perm = array<i64: 1, 0>} : tensor<2x2xf16> -> tensor<2x2xf16>
  return %0 : tensor<2x2xf16>
}

// Raw i8 values in[a][b][c] = 6a + 2b + c (0 .. 11) of shape [2, 3, 2], perm
// [2, 0, 1]: output dimension i is input dimension perm[i], so the shape is
// [2, 2, 3] and out[c][a][b] = in[a][b][c] = 6a + 2b + c:
//   out[0] = [[0, 2, 4], [6, 8, 10]], out[1] = [[1, 3, 5], [7, 9, 11]].
// CHECK-LABEL: func.func @transpose_fixed_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}{{\[}}[0, 2, 4], [6, 8, 10]], {{\[}}[1, 3, 5], [7, 9, 11]]]> : tensor<2x2x3xi8> -> tensor<2x2x3x!nn.fixed<8, 3>>
// CHECK-NOT: nn.transpose
// CHECK: return %[[C]]
func.func @transpose_fixed_constant() -> tensor<2x2x3x!nn.fixed<8, 3>> {
  %c = nn.constant dense<[[[0, 1], [2, 3], [4, 5]], [[6, 7], [8, 9], [10, 11]]]> : tensor<2x3x2xi8> -> tensor<2x3x2x!nn.fixed<8, 3>>
  %0 = nn.transpose %c {perm = array<i64: 2, 0, 1>} : tensor<2x3x2x!nn.fixed<8, 3>> -> tensor<2x2x3x!nn.fixed<8, 3>>
  return %0 : tensor<2x2x3x!nn.fixed<8, 3>>
}

// 1-bit raw values are stored bit-packed (the other path of the folder):
// [[1, 0, 0], [1, 1, 0]] -> [[1, 1], [0, 1], [0, 0]].
// CHECK-LABEL: func.func @transpose_i1_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}[true, true], [false, true], [false, false]]> : tensor<3x2xi1> -> tensor<3x2x!nn.fixed<1, 1>>
// CHECK-NOT: nn.transpose
// CHECK: return %[[C]]
func.func @transpose_i1_constant() -> tensor<3x2x!nn.fixed<1, 1>> {
  %c = nn.constant dense<[[true, false, false], [true, true, false]]> : tensor<2x3xi1> -> tensor<2x3x!nn.fixed<1, 1>>
  %0 = nn.transpose %c {perm = array<i64: 1, 0>} : tensor<2x3x!nn.fixed<1, 1>> -> tensor<3x2x!nn.fixed<1, 1>>
  return %0 : tensor<3x2x!nn.fixed<1, 1>>
}

// A splat transposes to the same splat: 2.0 everywhere.
// CHECK-LABEL: func.func @transpose_splat
// CHECK: %[[C:.*]] = nn.constant dense<2.000000e+00> : tensor<3x2xf32>
// CHECK-NOT: nn.transpose
// CHECK: return %[[C]]
func.func @transpose_splat() -> tensor<3x2xf32> {
  %c = nn.constant dense<2.0> : tensor<2x3xf32>
  %0 = nn.transpose %c {perm = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// reshape then transpose of a constant: [1, 2, 3, 4] -> [[1, 2], [3, 4]]
// -> [[1, 3], [2, 4]].
// CHECK-LABEL: func.func @reshape_transpose_constant
// CHECK: %[[C:.*]] = nn.constant dense<{{\[}}[1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK-NOT: nn.reshape
// CHECK-NOT: nn.transpose
// CHECK: return %[[C]]
func.func @reshape_transpose_constant() -> tensor<2x2xf32> {
  %c = nn.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %0 = nn.reshape %c : tensor<4xf32> -> tensor<2x2xf32>
  %1 = nn.transpose %0 {perm = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

//===----------------------------------------------------------------------===//
// Chains collapse
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @reshape_chain
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[R:.*]] = nn.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<4x6xf32>
// CHECK-NEXT: return %[[R]], %[[X]]
func.func @reshape_chain(%x: tensor<2x3x4xf32>) -> (tensor<4x6xf32>, tensor<2x3x4xf32>) {
  %0 = nn.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %1 = nn.reshape %0 : tensor<24xf32> -> tensor<4x6xf32>
  // Back to the type of %x: no op at all.
  %2 = nn.reshape %1 : tensor<4x6xf32> -> tensor<2x3x4xf32>
  return %1, %2 : tensor<4x6xf32>, tensor<2x3x4xf32>
}

// flatten(x) at axis 2 is [6, 4]; flatten of that at axis 0 is [1, 24]: one
// reshape of x. reshape(flatten(x)) reads x too.
// CHECK-LABEL: func.func @flatten_chain
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3x4xf32>)
// CHECK-DAG: %[[A:.*]] = nn.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<1x24xf32>
// CHECK-DAG: %[[B:.*]] = nn.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<3x8xf32>
// CHECK-DAG: %[[C:.*]] = nn.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<12x2xf32>
// CHECK-NOT: nn.flatten
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @flatten_chain(%x: tensor<2x3x4xf32>) -> (tensor<1x24xf32>, tensor<3x8xf32>, tensor<12x2xf32>) {
  %0 = nn.flatten %x {axis = 2 : i64} : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %1 = nn.flatten %0 {axis = 0 : i64} : tensor<6x4xf32> -> tensor<1x24xf32>
  %2 = nn.reshape %0 : tensor<6x4xf32> -> tensor<3x8xf32>
  %3 = nn.reshape %x : tensor<2x3x4xf32> -> tensor<12x1x2xf32>
  %4 = nn.flatten %3 {axis = 1 : i64} : tensor<12x1x2xf32> -> tensor<12x2xf32>
  return %1, %2, %4 : tensor<1x24xf32>, tensor<3x8xf32>, tensor<12x2xf32>
}

// transpose(transpose(x, p), q) = transpose(x, r), r[i] = p[q[i]]:
//   p = [1, 0, 2], q = [0, 2, 1]: r = [p[0], p[2], p[1]] = [1, 2, 0],
//   shape [x1, x2, x0] = [3, 4, 2];
//   p = [1, 2, 0], q = [2, 0, 1]: r = [p[2], p[0], p[1]] = [0, 1, 2], x itself.
// CHECK-LABEL: func.func @transpose_chain
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[T:.*]] = nn.transpose %[[X]] {perm = array<i64: 1, 2, 0>} : tensor<2x3x4xf32> -> tensor<3x4x2xf32>
// CHECK-NEXT: return %[[T]], %[[X]]
func.func @transpose_chain(%x: tensor<2x3x4xf32>) -> (tensor<3x4x2xf32>, tensor<2x3x4xf32>) {
  %0 = nn.transpose %x {perm = array<i64: 1, 0, 2>} : tensor<2x3x4xf32> -> tensor<3x2x4xf32>
  %1 = nn.transpose %0 {perm = array<i64: 0, 2, 1>} : tensor<3x2x4xf32> -> tensor<3x4x2xf32>
  %2 = nn.transpose %x {perm = array<i64: 1, 2, 0>} : tensor<2x3x4xf32> -> tensor<3x4x2xf32>
  %3 = nn.transpose %2 {perm = array<i64: 2, 0, 1>} : tensor<3x4x2xf32> -> tensor<2x3x4xf32>
  return %1, %3 : tensor<3x4x2xf32>, tensor<2x3x4xf32>
}

//===----------------------------------------------------------------------===//
// dense_resource constants are left alone
//===----------------------------------------------------------------------===//

// Their bytes are one blob that canonicalization never copies or reorders
// (a folded reshape or transpose of a large weight would duplicate it), so
// reshape, flatten and transpose of them stay ops. Identity-like ops still go:
// removing them touches no bytes.
// CHECK-LABEL: func.func @resource_constant
// CHECK: %[[C:.*]] = nn.constant dense_resource<blob> : tensor<2x2xf32>
// CHECK-DAG: %[[R:.*]] = nn.reshape %[[C]] : tensor<2x2xf32> -> tensor<4xf32>
// CHECK-DAG: %[[F:.*]] = nn.flatten %[[C]] {axis = 0 : i64} : tensor<2x2xf32> -> tensor<1x4xf32>
// CHECK-DAG: %[[T:.*]] = nn.transpose %[[C]] {perm = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
// CHECK: return %[[R]], %[[F]], %[[T]], %[[C]]
func.func @resource_constant() -> (tensor<4xf32>, tensor<1x4xf32>, tensor<2x2xf32>, tensor<2x2xf32>) {
  %c = nn.constant dense_resource<blob> : tensor<2x2xf32>
  %0 = nn.reshape %c : tensor<2x2xf32> -> tensor<4xf32>
  %1 = nn.flatten %c {axis = 0 : i64} : tensor<2x2xf32> -> tensor<1x4xf32>
  %2 = nn.transpose %c {perm = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  %3 = nn.reshape %c : tensor<2x2xf32> -> tensor<2x2xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<1x4xf32>, tensor<2x2xf32>, tensor<2x2xf32>
}

// The blob is unchanged: alignment 4, then 1.0, 2.0, 3.0, 4.0 as f32.
// CHECK: blob: "0x040000000000803F000000400000404000008040"
{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
