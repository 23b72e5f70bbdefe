// Diagnostics of --nn-annotate-reuse.
// RUN: not nn-opt %s --nn-annotate-reuse="budget=dsp=3" 2>&1 | FileCheck %s --check-prefix=EQ
// EQ: error: nn-annotate-reuse: malformed budget entry 'dsp=3': expected resource:count with a resource among dsp, lut, ff, bram and a count >= 0 (e.g. budget=dsp:1000,lut:50000)
// RUN: not nn-opt %s --nn-annotate-reuse="budget=gpu:3" 2>&1 | FileCheck %s --check-prefix=KEY
// KEY: error: nn-annotate-reuse: malformed budget entry 'gpu:3'
// RUN: not nn-opt %s --nn-annotate-reuse="budget=dsp:-1" 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// NEGATIVE: error: nn-annotate-reuse: malformed budget entry 'dsp:-1'
// RUN: not nn-opt %s --nn-annotate-reuse="budget=lut:many" 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: error: nn-annotate-reuse: malformed budget entry 'lut:many'
// RUN: not nn-opt %s --nn-annotate-reuse 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: error: nn-annotate-reuse: no budget: give budget=dsp:N,... or max-utilization=F
// RUN: not nn-opt %s --nn-annotate-reuse="max-utilization=1.5" 2>&1 | FileCheck %s --check-prefix=UTIL
// UTIL: error: nn-annotate-reuse: max-utilization must be in (0, 1], got 1.5
// RUN: not nn-opt %s --nn-annotate-reuse="budget=dsp:4 objective=speed" 2>&1 | FileCheck %s --check-prefix=OBJECTIVE
// OBJECTIVE: error: nn-annotate-reuse: objective must be latency or ii, got 'speed'
// RUN: not nn-opt %s --nn-annotate-reuse="budget=dsp:4 part=xc7a35t" 2>&1 | FileCheck %s --check-prefix=PART
// PART: error: nn-annotate-reuse: unknown part 'xc7a35t'; known parts: xcvu13p-flga2577-2-e, xcu250-figd2104-2L-e,
// RUN: not nn-opt %S/Inputs/float-dense.mlir --nn-annotate-reuse="budget=dsp:4" 2>&1 | FileCheck %s --check-prefix=FLOAT
// FLOAT: error: loc("fc1"): nn-estimate: layer 'fc1' ('nn.dense') has floating-point values; the cost model needs a quantized network (run --nn-quantize first)
func.func @f(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  %y = nn.relu %x : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>>
  return %y : tensor<1x4x!nn.fixed<16, 6>>
}
