// Coupled channels. The filters of c1 and c2 meet in a residual add
// ('res'): they are one prunable layer 'c1+c2' whose units (the add's
// channels) go from both convs at once, and c3 and c4, which read the add,
// lose the matching input channels. Its magnitude importance counts the
// unit's rows in both producers: unit 0 has c1 rows 0.4375 and c2 rows
// 0.25, unit 1 has 0.875 and 0.125, so unit 0 goes (by c2 alone it would
// stay). The filters of c3 and c4 meet in a concat, which is not pruned
// through yet: both are left whole, with the reason; c5 reads the concat
// and feeds the output.
// RUN: nn-opt %s --nn-quantize="default-precision=ap_fixed<16,6> accum=auto" -o %t.fixed.mlir
// RUN: nn-opt %t.fixed.mlir --nn-prune="budget=dsp:100000" | FileCheck %s
// CHECK: c1+c2 nn.conv 2 2
// CHECK: not pruned: c3: its units reach 'nn.concat' ('cat'), which ties them to other channels (pruning through a concat is not implemented yet)
// CHECK: not pruned: c4: its units reach 'nn.concat' ('cat'), which ties them to other channels
// CHECK: not pruned: c5: its units reach the network's output
// RUN: nn-opt %t.fixed.mlir --nn-prune="ratio=0.25" -o %t.pruned.mlir | FileCheck %s --check-prefix=PRUNE
// PRUNE: c1+c2 nn.conv 2 1
// RUN: FileCheck %s --check-prefix=IR < %t.pruned.mlir
// IR: nn.constant dense<896> : tensor<1x2x1x1xi16>
// IR: nn.conv {{.*}} -> tensor<1x1x4x4x!nn.fixed<16, 6>>
// IR: nn.constant dense<128> : tensor<1x2x1x1xi16>
// IR: nn.conv {{.*}} -> tensor<1x1x4x4x!nn.fixed<16, 6>>
// IR: nn.add {{.*}} -> tensor<1x1x4x4x!nn.fixed<16, 6>>
// IR: nn.conv {{.*}}tensor<2x1x1x1x!nn.fixed<16, 6>>) -> tensor<1x2x4x4x!nn.fixed<16, 6>>
// IR: nn.conv {{.*}}tensor<2x1x1x1x!nn.fixed<16, 6>>) -> tensor<1x2x4x4x!nn.fixed<16, 6>>
// The pruned IR runs, and its lowering computes the same bits:
// RUN: nn-interp %t.pruned.mlir --input %S/Inputs/image-1x2x4x4.npy --print > %t.nn.txt
// RUN: FileCheck %s --check-prefix=RUNS < %t.nn.txt
// RUNS: output 0: 1x2x4x4
// RUN: nn-opt %t.pruned.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/image-1x2x4x4.npy --print > %t.loops.txt
// RUN: diff %t.nn.txt %t.loops.txt
// A budget below what the layers that cannot be pruned cost names the floor:
// RUN: not nn-opt %t.fixed.mlir --nn-prune="ratio=0.9" 2>&1 | FileCheck %s --check-prefix=FLOOR
// FLOOR: error: nn-prune: the budget (dsp {{[0-9]+}}) is below the unprunable floor (dsp {{[0-9]+}}): the cost of the layers that cannot be pruned plus one unit kept in each of the 1 prunable layers (3 layers not prunable
func.func @coupled(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = nn.constant dense<0.4375> : tensor<2x2x1x1xf32> -> tensor<2x2x1x1xf32>
  %w1 = nn.constant dense<[[[[0.4375]], [[0.4375]]], [[[0.875]], [[0.875]]]]> : tensor<2x2x1x1xf32> -> tensor<2x2x1x1xf32>
  %w2 = nn.constant dense<[[[[0.25]], [[0.25]]], [[[0.125]], [[0.125]]]]> : tensor<2x2x1x1xf32> -> tensor<2x2x1x1xf32>
  %c1 = nn.conv %x, %w1 {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c1")
  %c2 = nn.conv %x, %w2 {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c2")
  %s = nn.add %c1, %c2 : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> loc("res")
  %c3 = nn.conv %s, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c3")
  %c4 = nn.conv %s, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c4")
  %cat = nn.concat %c3, %c4 {axis = 1 : i64} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x4x4x4xf32> loc("cat")
  %w5 = nn.constant dense<0.4375> : tensor<2x4x1x1xf32> -> tensor<2x4x1x1xf32>
  %c5 = nn.conv %cat, %w5 {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xf32>, tensor<2x4x1x1xf32>) -> tensor<1x2x4x4xf32> loc("c5")
  return %c5 : tensor<1x2x4x4xf32>
}
