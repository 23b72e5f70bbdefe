// Diagnostics of --nn-prune's options and input: each a clear message and
// a non-zero exit.
//
// Unquantized input: run --nn-quantize first.
// RUN: not nn-opt %S/../CostModel/Inputs/float-dense.mlir --nn-prune="ratio=0.5" 2>&1 | FileCheck %s --check-prefix=FLOAT
// FLOAT: error: loc("fc1"): nn-prune: 'fc1' is floating point: run --nn-quantize first (the budget is the cost model's estimate of the quantized design)
//
// A constant whose data is missing (an elided blob) is named, not read:
// RUN: not nn-opt %S/Inputs/elided.mlir --nn-prune="ratio=0.5" 2>&1 | FileCheck %s --check-prefix=ELIDED
// ELIDED: elided.mlir:4:9: error: the interpreter cannot read this constant
//
// RUN: not nn-opt %s --nn-prune 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: error: nn-prune: no budget: give budget=dsp:N,... or ratio=R
// RUN: not nn-opt %s --nn-prune="budget=dsp:x" 2>&1 | FileCheck %s --check-prefix=BUDGET
// BUDGET: error: nn-prune: malformed budget entry 'dsp:x': expected resource:count with a resource among dsp, lut, ff, bram and a count >= 0
// RUN: not nn-opt %s --nn-prune="ratio=1" 2>&1 | FileCheck %s --check-prefix=RATIO
// RATIO: error: nn-prune: ratio must be in [0, 1), got 1
// RUN: not nn-opt %s --nn-prune="ratio=0.5 granularity=neuron,channel" 2>&1 | FileCheck %s --check-prefix=GRAN
// GRAN: error: nn-prune: unknown granularity 'channel': expected neuron, filter, pattern (comma-separated)
// RUN: not nn-opt %s --nn-prune="ratio=0.5 granularity=," 2>&1 | FileCheck %s --check-prefix=NOTHING
// NOTHING: error: nn-prune: granularity names nothing to prune
// RUN: not nn-opt %s --nn-prune="ratio=0.5 importance=taylor" 2>&1 | FileCheck %s --check-prefix=IMP
// IMP: error: nn-prune: importance must be magnitude, activation, reconstruction or sensitivity, got 'taylor'
// RUN: not nn-opt %s --nn-prune="ratio=0.5 importance=reconstruction reconstruct=false calibrate=%S/Inputs/calib-2x2.npy" 2>&1 | FileCheck %s --check-prefix=NOREC
// NOREC: error: nn-prune: importance=reconstruction needs reconstruct=true
// RUN: not nn-opt %s --nn-prune="ratio=0.5 ridge=-1" 2>&1 | FileCheck %s --check-prefix=RIDGE
// RIDGE: error: nn-prune: ridge must be at least 0, got -1
// RUN: not nn-opt %s --nn-prune="ratio=0.5 report=%t.missing/dir/prune.json" 2>&1 | FileCheck %s --check-prefix=REPORT
// REPORT: error: nn-prune: cannot write report '{{.*}}prune.json'
// RUN: not nn-opt %s --nn-prune="ratio=0.5 part=xc7a35t" 2>&1 | FileCheck %s --check-prefix=PART
// PART: error: nn-prune: unknown part 'xc7a35t'
func.func @f(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense<[[7, 7, 7, 7], [11, 11, 11, 11], [13, 13, 13, 13]]> : tensor<3x4xi16> -> tensor<3x4x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1 : (tensor<1x4x!nn.fixed<16, 6>>, tensor<3x4x!nn.fixed<16, 6>>) -> tensor<1x3x!nn.fixed<16, 6>> loc("d1")
  %w2 = nn.constant dense<[[7, 7, 7], [11, 11, 11]]> : tensor<2x3xi16> -> tensor<2x3x!nn.fixed<16, 6>>
  %y = nn.dense %h, %w2 : (tensor<1x3x!nn.fixed<16, 6>>, tensor<2x3x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
