// Round trip of the broadcasting binary ops: custom form, then generic form
// back to custom.
// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s --mlir-print-op-generic | nn-opt | FileCheck %s

// CHECK-LABEL: func.func @add
func.func @add(%a: tensor<1x8x4x4xf32>, %b: tensor<1x8x1x1xf32>, %c: tensor<4xf32>, %s: tensor<f32>,
               %p: tensor<3x!nn.fixed<16, 6>>, %q: tensor<2x1x!nn.fixed<8, 2, RND, SAT>>)
    -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<2x3x!nn.fixed<17, 7>>) {
  // CHECK: nn.add %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %0 = nn.add %a, %b : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  // Rank-expanding broadcast: [4] against [1, 8, 4, 4].
  // CHECK: nn.add %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %1 = nn.add %c, %a : (tensor<4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: nn.add %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  %2 = nn.add %a, %s : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  // Both operands broadcast: [3] and [2, 1] give [2, 3]; each fixed-point
  // value has its own precision.
  // CHECK: nn.add %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<3x!nn.fixed<16, 6>>, tensor<2x1x!nn.fixed<8, 2, RND, SAT>>) -> tensor<2x3x!nn.fixed<17, 7>>
  %3 = nn.add %p, %q : (tensor<3x!nn.fixed<16, 6>>, tensor<2x1x!nn.fixed<8, 2, RND, SAT>>) -> tensor<2x3x!nn.fixed<17, 7>>
  return %0, %1, %2, %3 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<2x3x!nn.fixed<17, 7>>
}

// CHECK-LABEL: func.func @sub
func.func @sub(%a: tensor<1x3x8x8xf32>, %b: tensor<3x1x1xf32>, %p: tensor<2x3x!nn.fixed<16, 6>>, %q: tensor<2x3x!nn.fixed<16, 6>>)
    -> (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>, tensor<2x3x!nn.fixed<17, 7>>) {
  // CHECK: nn.sub %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x3x8x8xf32>, tensor<3x1x1xf32>) -> tensor<1x3x8x8xf32>
  %0 = nn.sub %a, %b : (tensor<1x3x8x8xf32>, tensor<3x1x1xf32>) -> tensor<1x3x8x8xf32>
  // CHECK: nn.sub %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<3x1x1xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  %1 = nn.sub %b, %a : (tensor<3x1x1xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  // CHECK: nn.sub %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<2x3x!nn.fixed<16, 6>>, tensor<2x3x!nn.fixed<16, 6>>) -> tensor<2x3x!nn.fixed<17, 7>>
  %2 = nn.sub %p, %q : (tensor<2x3x!nn.fixed<16, 6>>, tensor<2x3x!nn.fixed<16, 6>>) -> tensor<2x3x!nn.fixed<17, 7>>
  return %0, %1, %2 : tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>, tensor<2x3x!nn.fixed<17, 7>>
}

// CHECK-LABEL: func.func @mul
func.func @mul(%a: tensor<1x8x4x4xf32>, %b: tensor<1x8x1x1xf32>, %p: tensor<1x8x!nn.fixed<16, 6>>, %q: tensor<8x!nn.ufixed<8, 0>>,
               %c: tensor<3xf32>, %d: tensor<2x1x3xf32>)
    -> (tensor<1x8x4x4xf32>, tensor<1x8x!nn.fixed<24, 6>>, tensor<2x1x3xf32>) {
  // CHECK: nn.mul %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %0 = nn.mul %a, %b : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: nn.mul %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x!nn.fixed<16, 6>>, tensor<8x!nn.ufixed<8, 0>>) -> tensor<1x8x!nn.fixed<24, 6>>
  %1 = nn.mul %p, %q : (tensor<1x8x!nn.fixed<16, 6>>, tensor<8x!nn.ufixed<8, 0>>) -> tensor<1x8x!nn.fixed<24, 6>>
  // Rank-expanding broadcast: [3] with [2, 1, 3] gives [2, 1, 3].
  // CHECK: nn.mul %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<3xf32>, tensor<2x1x3xf32>) -> tensor<2x1x3xf32>
  %2 = nn.mul %c, %d : (tensor<3xf32>, tensor<2x1x3xf32>) -> tensor<2x1x3xf32>
  return %0, %1, %2 : tensor<1x8x4x4xf32>, tensor<1x8x!nn.fixed<24, 6>>, tensor<2x1x3xf32>
}

// CHECK-LABEL: func.func @div
func.func @div(%a: tensor<1x3x8x8xf64>, %b: tensor<3x1x1xf64>, %p: tensor<4x!nn.fixed<16, 6>>, %q: tensor<1x!nn.fixed<8, 4>>)
    -> (tensor<1x3x8x8xf64>, tensor<4x!nn.fixed<16, 8, RND, SAT>>) {
  // CHECK: nn.div %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x3x8x8xf64>, tensor<3x1x1xf64>) -> tensor<1x3x8x8xf64>
  %0 = nn.div %a, %b : (tensor<1x3x8x8xf64>, tensor<3x1x1xf64>) -> tensor<1x3x8x8xf64>
  // CHECK: nn.div %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<4x!nn.fixed<16, 6>>, tensor<1x!nn.fixed<8, 4>>) -> tensor<4x!nn.fixed<16, 8, RND, SAT>>
  %1 = nn.div %p, %q : (tensor<4x!nn.fixed<16, 6>>, tensor<1x!nn.fixed<8, 4>>) -> tensor<4x!nn.fixed<16, 8, RND, SAT>>
  return %0, %1 : tensor<1x3x8x8xf64>, tensor<4x!nn.fixed<16, 8, RND, SAT>>
}

// CHECK-LABEL: func.func @max_min
func.func @max_min(%a: tensor<1x16xf32>, %b: tensor<1x1xf32>, %p: tensor<2x1x!nn.fixed<16, 6>>, %q: tensor<1x5x!nn.fixed<12, 4>>)
    -> (tensor<1x16xf32>, tensor<1x16xf32>, tensor<2x5x!nn.fixed<16, 6>>, tensor<2x5x!nn.fixed<16, 6>>) {
  // CHECK: nn.max %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x16xf32>, tensor<1x1xf32>) -> tensor<1x16xf32>
  %0 = nn.max %a, %b : (tensor<1x16xf32>, tensor<1x1xf32>) -> tensor<1x16xf32>
  // CHECK: nn.min %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x1xf32>, tensor<1x16xf32>) -> tensor<1x16xf32>
  %1 = nn.min %b, %a : (tensor<1x1xf32>, tensor<1x16xf32>) -> tensor<1x16xf32>
  // CHECK: nn.max %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<2x1x!nn.fixed<16, 6>>, tensor<1x5x!nn.fixed<12, 4>>) -> tensor<2x5x!nn.fixed<16, 6>>
  %2 = nn.max %p, %q : (tensor<2x1x!nn.fixed<16, 6>>, tensor<1x5x!nn.fixed<12, 4>>) -> tensor<2x5x!nn.fixed<16, 6>>
  // CHECK: nn.min %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<2x1x!nn.fixed<16, 6>>, tensor<1x5x!nn.fixed<12, 4>>) -> tensor<2x5x!nn.fixed<16, 6>>
  %3 = nn.min %p, %q : (tensor<2x1x!nn.fixed<16, 6>>, tensor<1x5x!nn.fixed<12, 4>>) -> tensor<2x5x!nn.fixed<16, 6>>
  return %0, %1, %2, %3 : tensor<1x16xf32>, tensor<1x16xf32>, tensor<2x5x!nn.fixed<16, 6>>, tensor<2x5x!nn.fixed<16, 6>>
}
