// Channels tied together are not pruned (coupled pruning is not
// implemented yet): the filters of c1 and c2 meet in a residual add, those
// of c3 and c4 in a concat; both pairs are left whole, with the reason.
// c5 reads the concat (its input channels are fixed by it) and feeds the
// output. With nothing prunable, any budget below the design is below the
// floor; a budget above it prunes nothing.
// RUN: nn-opt %s --nn-quantize="default-precision=ap_fixed<16,6> accum=auto" -o %t.fixed.mlir
// RUN: nn-opt %t.fixed.mlir --nn-prune="budget=dsp:100000" | FileCheck %s
// CHECK: not pruned: c1: its units reach 'nn.add' ('res'), which ties them to other channels (coupled channels are not pruned yet)
// CHECK: not pruned: c2: its units reach 'nn.add' ('res'), which ties them to other channels
// CHECK: not pruned: c3: its units reach 'nn.concat' ('cat'), which ties them to other channels
// CHECK: not pruned: c4: its units reach 'nn.concat' ('cat')
// CHECK: not pruned: c5: its units reach the network's output
// RUN: not nn-opt %t.fixed.mlir --nn-prune="ratio=0.5" 2>&1 | FileCheck %s --check-prefix=FLOOR
// FLOOR: error: nn-prune: the budget (dsp {{[0-9]+}}) is below the unprunable floor (dsp {{[0-9]+}}): the cost of the layers that cannot be pruned plus one unit kept in each of the 0 prunable layers (5 layers not prunable
func.func @coupled(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = nn.constant dense<0.4375> : tensor<2x2x1x1xf32> -> tensor<2x2x1x1xf32>
  %c1 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c1")
  %c2 = nn.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c2")
  %s = nn.add %c1, %c2 : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> loc("res")
  %c3 = nn.conv %s, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c3")
  %c4 = nn.conv %s, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c4")
  %cat = nn.concat %c3, %c4 {axis = 1 : i64} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x4x4x4xf32> loc("cat")
  %w5 = nn.constant dense<0.4375> : tensor<2x4x1x1xf32> -> tensor<2x4x1x1xf32>
  %c5 = nn.conv %cat, %w5 {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xf32>, tensor<2x4x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c5")
  return %c5 : tensor<1x2x4x4xf32>
}
