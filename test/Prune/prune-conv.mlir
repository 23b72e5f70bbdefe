// --nn-prune through every consumer kind of a conv layer's filters.
// The float network is quantized first; its batch norm bn1, which no layer
// absorbs here, becomes an nn.mul and an nn.add of per-channel constants
// (element-wise partners, sliced with the filters). c1's filters pass
// them, a relu and a max pool to c2 (input channels removed); c2's filters
// pass an average pool and a flatten (each filter is 9 consecutive
// features) to fc (columns removed). fc feeds the output: not pruned.
// Estimate (DSPs): bn1_scale 144 (36 per channel), c2 8, fc 8: 160.
// RUN: nn-opt %s --nn-quantize="default-precision=ap_fixed<16,6> accum=auto" -o %t.fixed.mlir
// RUN: nn-opt %t.fixed.mlir --nn-estimate -o /dev/null | FileCheck %s --check-prefix=BEFORE
// BEFORE: total 160 
//
// dsp:45 keeps one filter of each conv: c1's filter 3 (weights 4 x those
// of filter 0: the largest) and c2's filter 1 (fc's columns 9..17 hold
// +0.5 more than 0..8: its outgoing weights are larger).
// RUN: nn-opt %t.fixed.mlir --nn-prune="budget=dsp:45" -o %t.pruned.mlir | FileCheck %s
// CHECK: c1 nn.conv 4 1
// CHECK-NEXT: c2 nn.conv 2 1
// CHECK-NEXT: not pruned: fc: its units reach the network's output
// CHECK-NEXT: before: dsp 160; after: dsp 45
// RUN: FileCheck %s --check-prefix=IR < %t.pruned.mlir
// IR: nn.constant dense<{{\[}}[{{\[}}[512, -256, 512], [-256, 512, -256], [512, -256, 512]]]]> : tensor<1x1x3x3xi16>
// IR: nn.conv {{.*}} -> tensor<1x1x6x6x!nn.fixed<16, 6>>
// IR: nn.constant dense<1791> : tensor<1x1x1xi16>
// IR: nn.mul {{.*}} : (tensor<1x1x6x6x!nn.fixed<16, 6>>, tensor<1x1x1x!nn.fixed<16, 6>>) -> tensor<1x1x6x6x
// IR: nn.constant dense<272> : tensor<1x1x1xi16>
// IR: nn.add {{.*}} -> tensor<1x1x6x6x
// IR: nn.relu {{.*}} -> tensor<1x1x6x6x
// IR: nn.max_pool {{.*}} -> tensor<1x1x3x3x
// IR: nn.conv {{.*}} : (tensor<1x1x3x3x{{.*}}, tensor<1x1x1x1x{{.*}}, tensor<1x{{.*}}) -> tensor<1x1x3x3x
// IR: nn.avg_pool {{.*}} -> tensor<1x1x3x3x
// IR: nn.flatten {{.*}} -> tensor<1x9x
// IR: nn.constant dense<{{\[}}[448, 512, 576, 640, 704, 320, 384, 448, 512],
// IR: nn.dense {{.*}} : (tensor<1x9x{{.*}}, tensor<3x9x{{.*}}, tensor<3x{{.*}}) -> tensor<1x3x
// RUN: nn-interp %t.pruned.mlir --input %S/Inputs/image-4x1x6x6.npy --print | FileCheck %s --check-prefix=RUNS
// RUNS: output 0: 4x3x!nn.fixed<16, 6>
// RUN: nn-opt %t.pruned.mlir --nn-estimate -o /dev/null | FileCheck %s --check-prefix=AFTER
// AFTER: total 45 
//
// Below that, the estimate of the smallest pruning is the floor:
// RUN: not nn-opt %t.fixed.mlir --nn-prune="budget=dsp:44" 2>&1 | FileCheck %s --check-prefix=FLOOR
// FLOOR: error: nn-prune: the budget (dsp 44) is below the unprunable floor (dsp 45)
//
// Two resources: the multi-constraint knapsack (branch and bound).
// RUN: nn-opt %t.fixed.mlir --nn-prune="budget=dsp:100,lut:9000" -o /dev/null | FileCheck %s --check-prefix=TWO
// TWO: budget dsp 100, lut 9000, knapsack branch and bound (exact)
// TWO: before: dsp 160, lut 12697; after: dsp {{[0-9]+}}, lut {{[0-9]+}}
//
// granularity=neuron leaves the convolutions whole:
// RUN: not nn-opt %t.fixed.mlir --nn-prune="budget=dsp:100 granularity=neuron" 2>&1 | FileCheck %s --check-prefix=NEURON
// NEURON: error: nn-prune: the budget (dsp 100) is below the unprunable floor (dsp 160)
func.func @cnn(%x: tensor<1x1x6x6xf32>) -> tensor<1x3xf32> {
  %w1 = nn.constant dense<[[[[0.125, -0.0625, 0.125], [-0.0625, 0.125, -0.0625], [0.125, -0.0625, 0.125]]], [[[0.25, -0.125, 0.25], [-0.125, 0.25, -0.125], [0.25, -0.125, 0.25]]], [[[0.375, -0.1875, 0.375], [-0.1875, 0.375, -0.1875], [0.375, -0.1875, 0.375]]], [[[0.5, -0.25, 0.5], [-0.25, 0.5, -0.25], [0.5, -0.25, 0.5]]]]> : tensor<4x1x3x3xf32> -> tensor<4x1x3x3xf32>
  %b1 = nn.constant dense<[0.0, 0.0625, 0.125, 0.1875]> : tensor<4xf32> -> tensor<4xf32>
  %c1 = nn.conv %x, %w1, %b1 {dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x1x6x6xf32>, tensor<4x1x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32> loc("c1")
  %s = nn.constant dense<[1.0, 1.25, 1.5, 1.75]> : tensor<4xf32> -> tensor<4xf32>
  %bb = nn.constant dense<[0.0, 0.125, 0.25, 0.375]> : tensor<4xf32> -> tensor<4xf32>
  %m = nn.constant dense<[0.0625, 0.0625, 0.0625, 0.0625]> : tensor<4xf32> -> tensor<4xf32>
  %v = nn.constant dense<[1.0, 1.0, 1.0, 1.0]> : tensor<4xf32> -> tensor<4xf32>
  %n = nn.batch_norm %c1, %s, %bb, %m, %v : (tensor<1x4x6x6xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32> loc("bn1")
  %r = nn.relu %n : tensor<1x4x6x6xf32> -> tensor<1x4x6x6xf32> loc("relu1")
  %p = nn.max_pool %r {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x4x6x6xf32> -> tensor<1x4x3x3xf32> loc("pool1")
  %w2 = nn.constant dense<[[[[0.4375]], [[0.875]], [[1.3125]], [[1.75]]], [[[-0.4375]], [[-0.875]], [[-1.3125]], [[-1.75]]]]> : tensor<2x4x1x1xf32> -> tensor<2x4x1x1xf32>
  %b2 = nn.constant dense<[0.5, 0.5]> : tensor<2xf32> -> tensor<2xf32>
  %c2 = nn.conv %p, %w2, %b2 {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<2x4x1x1xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32> loc("c2")
  %a = nn.avg_pool %c2 {kernel_shape = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : tensor<1x2x3x3xf32> -> tensor<1x2x3x3xf32> loc("avg")
  %f = nn.flatten %a {axis = 1 : i64} : tensor<1x2x3x3xf32> -> tensor<1x18xf32> loc("flat")
  %w3 = nn.constant dense<[[-0.1875, -0.125, -0.0625, 0.0, 0.0625, 0.125, 0.1875, -0.1875, -0.125, 0.4375, 0.5, 0.5625, 0.625, 0.6875, 0.3125, 0.375, 0.4375, 0.5], [0.0625, 0.125, 0.1875, -0.1875, -0.125, -0.0625, 0.0, 0.0625, 0.125, 0.6875, 0.3125, 0.375, 0.4375, 0.5, 0.5625, 0.625, 0.6875, 0.3125], [-0.125, -0.0625, 0.0, 0.0625, 0.125, 0.1875, -0.1875, -0.125, -0.0625, 0.5, 0.5625, 0.625, 0.6875, 0.3125, 0.375, 0.4375, 0.5, 0.5625]]> : tensor<3x18xf32> -> tensor<3x18xf32>
  %b3 = nn.constant dense<[0.25, 0.25, 0.25]> : tensor<3xf32> -> tensor<3xf32>
  %y = nn.dense %f, %w3, %b3 : (tensor<1x18xf32>, tensor<3x18xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("fc")
  return %y : tensor<1x3xf32>
}
