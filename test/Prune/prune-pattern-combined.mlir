// granularity=neuron,pattern: d2's neurons are units (its reader d3 loses
// the matching columns), so neither d2 nor d3 gets patterns; d1 reads the
// input and is a network output (its neurons are never removed): its
// multipliers (R = 1: one per weight) are pattern units. Every weight has
// 3 set bits (one DSP per product): d1 4 DSPs, d2 4, d3 2: 10. A budget of
// 6 takes 4 DSPs from both kinds of unit (magnitude): d2's neuron 0
// (rows norm 1.237 x d3's weight 0.875 = 1.083 against 1.804 x 1.75 =
// 3.157: 0.511 of the mean; its 2 products and d3's column: 3 DSPs) and
// d1's smallest weight, 448 = 0.4375 (0.444 of the mean |w| 0.984: 1 DSP).
// RUN: nn-opt %s --nn-prune="budget=dsp:6 granularity=neuron,pattern" -o %t.mlir | FileCheck %s
// CHECK: d2 nn.dense 2 1 0.511 3.0
// CHECK-NEXT: d1 pattern 4 3 0.444 1.0
// CHECK-NOT: d3 pattern
// CHECK: before: dsp 10; after: dsp 6
// RUN: FileCheck %s --check-prefix=IR < %t.mlir
// IR-DAG: nn.constant dense<{{\[}}[896, 1792], [0, -896]]> : tensor<2x2xi16>
// IR-DAG: nn.constant dense<{{\[}}[-1792, 448]]> : tensor<1x2xi16>
// IR-DAG: nn.constant dense<1792> : tensor<1x1xi16>
// The pruned network lowers to no product by a zero weight:
// RUN: nn-opt --mlir-print-debuginfo=false %t.mlir --nn-lower-to-hls | FileCheck %s --check-prefix=LOWER
// LOWER-NOT: nn.fx.constant 0 : !nn.fixed<16, 6>
// LOWER: return
//
// Without pattern, d1 is not pruned and says why:
// RUN: nn-opt %s --nn-prune="budget=dsp:8 granularity=neuron" -o /dev/null | FileCheck %s --check-prefix=NEURON
// NEURON: not pruned: d1: its units reach the network's output
func.func @two(%x: tensor<1x2x!nn.fixed<16, 6>>) -> (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x1x!nn.fixed<16, 6>>) {
  %w1 = nn.constant dense<[[896, 1792], [448, -896]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
  %y1 = nn.dense %x, %w1 : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d1")
  %w2 = nn.constant dense<[[896, 896], [-1792, 448]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w2 : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d2")
  %r = nn.relu %h : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>> loc("r2")
  %w3 = nn.constant dense<[[896, 1792]]> : tensor<1x2xi16> -> tensor<1x2x!nn.fixed<16, 6>>
  %y2 = nn.dense %r, %w3 : (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x1x!nn.fixed<16, 6>> loc("d3")
  return %y1, %y2 : tensor<1x2x!nn.fixed<16, 6>>, tensor<1x1x!nn.fixed<16, 6>>
}
