// --nn-prune on a 4-6-3 MLP whose weights all have 3 set bits (every
// product is one DSP; R = 1): d1 costs 24 DSPs, d2 18. Each unit of d1
// costs its 4 products in d1 and its 3 in d2: 7 DSPs. d1's rows hold
// 7, 11, 13, 14, 19, 21 (raws) and d2's columns 7, 7, 11, 13, 14, 19, so by
// magnitude the units' importance grows with u. d2 feeds the
// network's output: never pruned.
//
// dsp:28 (42 - 2 x 7) removes the two least important units, 0 and 1:
// RUN: nn-opt %s --nn-prune="budget=dsp:28 report=%t.json" | FileCheck %s
// CHECK: nn-prune: @mlp, importance magnitude, budget dsp 28, knapsack dynamic programming (exact)
// CHECK-NEXT: layer op units kept importance DSP
// CHECK-NEXT: d1 nn.dense 6 4
// CHECK-NEXT: not pruned: d2: its units reach the network's output (outputs are never pruned)
// CHECK-NEXT: before: dsp 42; after: dsp 28
// The kept rows (13, 14, 19, 21) and the matching entries of the bias:
// CHECK: %[[W1:.*]] = nn.constant dense<{{\[}}[13, 13, 13, 13], [14, 14, 14, 14], [19, 19, 19, 19], [21, 21, 21, 21]]> : tensor<4x4xi16>
// CHECK: %[[B1:.*]] = nn.constant dense<[3, 4, 5, 6]> : tensor<4xi16>
// CHECK: %[[H:.*]] = nn.dense %{{.*}}, %[[W1]], %[[B1]] {{.*}} -> tensor<1x4x!nn.fixed<16, 6>>
// CHECK: %[[R:.*]] = nn.relu %[[H]] : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>>
// The kept columns of d2:
// CHECK: %[[W2:.*]] = nn.constant dense<{{\[}}[11, 13, 14, 19], [11, 13, 14, 19], [11, 13, 14, 19]]> : tensor<3x4xi16>
// CHECK: nn.dense %[[R]], %[[W2]], %{{.*}} : (tensor<1x4x!nn.fixed<16, 6>>, tensor<3x4x!nn.fixed<16, 6>>, tensor<3x!nn.fixed<16, 6>>) -> tensor<1x3x!nn.fixed<16, 6>>
//
// The report lists the removed units with their importance and price:
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// JSON: "budget": {
// JSON-NEXT: "dsp": 28
// JSON: "layer": "d1"
// JSON: "removed": [
// JSON: "dsp": 7
// JSON: "unit": 0
// JSON: "dsp": 7
// JSON: "unit": 1
//
// The estimate of the result agrees with the budget:
// RUN: nn-opt %s --nn-prune="budget=dsp:28" -o %t.pruned.mlir
// RUN: nn-opt %t.pruned.mlir --nn-estimate -o /dev/null | FileCheck %s --check-prefix=EST
// EST: total 28 
//
// ratio=0.5 keeps half of the 42 DSPs: 21 = 42 - 3 x 7.
// RUN: nn-opt %s --nn-prune="ratio=0.5" | FileCheck %s --check-prefix=RATIO
// RATIO: d1 nn.dense 6 3
// RATIO: after: dsp 21
//
// Below the floor: d1 keeps its most important unit, 4 DSPs in d1 and 3
// in d2 (d2 itself is not prunable, but loses d1's removed columns): 7.
// RUN: not nn-opt %s --nn-prune="budget=dsp:6" 2>&1 | FileCheck %s --check-prefix=FLOOR
// FLOOR: error: nn-prune: the budget (dsp 6) is below the unprunable floor (dsp 7): the cost of the layers that cannot be pruned plus one unit kept in each of the 1 prunable layers (1 layers not prunable; see docs/Pruning.md)
//
// granularity=filter leaves dense layers alone: nothing to remove, and
// the budget is then the floor itself.
// RUN: not nn-opt %s --nn-prune="budget=dsp:28 granularity=filter" 2>&1 | FileCheck %s --check-prefix=GRAN
// GRAN: error: nn-prune: the budget (dsp 28) is below the unprunable floor (dsp 42)
func.func @mlp(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x3x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense<[[7, 7, 7, 7], [11, 11, 11, 11], [13, 13, 13, 13], [14, 14, 14, 14], [19, 19, 19, 19], [21, 21, 21, 21]]> : tensor<6x4xi16> -> tensor<6x4x!nn.fixed<16, 6>>
  %b1 = nn.constant dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi16> -> tensor<6x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1, %b1 {nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x4x!nn.fixed<16, 6>>, tensor<6x4x!nn.fixed<16, 6>>, tensor<6x!nn.fixed<16, 6>>) -> tensor<1x6x!nn.fixed<16, 6>> loc("d1")
  %r = nn.relu %h : tensor<1x6x!nn.fixed<16, 6>> -> tensor<1x6x!nn.fixed<16, 6>> loc("r1")
  %w2 = nn.constant dense<[[7, 7, 11, 13, 14, 19], [7, 7, 11, 13, 14, 19], [7, 7, 11, 13, 14, 19]]> : tensor<3x6xi16> -> tensor<3x6x!nn.fixed<16, 6>>
  %b2 = nn.constant dense<[1, 2, 3]> : tensor<3xi16> -> tensor<3x!nn.fixed<16, 6>>
  %y = nn.dense %r, %w2, %b2 {nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x6x!nn.fixed<16, 6>>, tensor<3x6x!nn.fixed<16, 6>>, tensor<3x!nn.fixed<16, 6>>) -> tensor<1x3x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x3x!nn.fixed<16, 6>>
}
