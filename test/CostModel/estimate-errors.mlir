// Diagnostics of --nn-estimate: each a clear message and a non-zero exit.
//
// An unknown part lists the known ones:
// RUN: not nn-opt %s --nn-estimate="part=xc7a35t" 2>&1 | FileCheck %s --check-prefix=PART
// PART: error: nn-estimate: unknown part 'xc7a35t'; known parts: xcvu13p-flga2577-2-e, xcu250-figd2104-2L-e, xczu9eg-ffvb1156-2-e, xczu3eg-sbva484-1-e, xc7z020clg400-1, xcku115-flvb2104-2-i, xcku035-fbva676-2-e, xc7vx690t-ffg1761-2, xc7vx690t-ffg1927-2 (and xcu250)
//
// Part names are matched without case and dashes, as the tools print them:
// RUN: nn-opt %s --nn-estimate="part=XC7Z020-CLG400-1" -o /dev/null | FileCheck %s --check-prefix=ALIAS
// ALIAS: part xc7z020clg400-1
//
// Malformed options: a clock that is not a number (the option parser), a
// clock that is not positive, limits below 1, an unknown option.
// RUN: not nn-opt %s --nn-estimate="clock-ns=fast" 2>&1 | FileCheck %s --check-prefix=CLOCK
// CLOCK: clock-ns
// RUN: not nn-opt %s --nn-estimate="clock-ns=-2" 2>&1 | FileCheck %s --check-prefix=NEG
// NEG: error: nn-estimate: clock-ns must be a positive number of nanoseconds, got -2
// RUN: not nn-opt %s --nn-estimate="max-unroll-mults=0" 2>&1 | FileCheck %s --check-prefix=LIMIT
// LIMIT: error: nn-estimate: max-unroll-mults and max-partition must be at least 1
// RUN: not nn-opt %s --nn-estimate="budget=dsp:3" 2>&1 | FileCheck %s --check-prefix=OPTION
// OPTION: budget
//
// A report that cannot be written:
// RUN: not nn-opt %s --nn-estimate="report=%t.missing/dir/est.json" 2>&1 | FileCheck %s --check-prefix=REPORT
// REPORT: error: nn-estimate: cannot write report '{{.*}}est.json'
//
// Unquantized input names the layer:
// RUN: not nn-opt %S/Inputs/float-dense.mlir --nn-estimate 2>&1 | FileCheck %s --check-prefix=FLOAT
// FLOAT: error: loc("fc1"): nn-estimate: layer 'fc1' ('nn.dense') has floating-point values; the cost model needs a quantized network (run --nn-quantize first)
//
// Loop-level IR (after --nn-lower-to-hls) is refused, not priced as unknown
// loops:
// RUN: nn-opt %s --nn-lower-to-hls | not nn-opt --nn-estimate 2>&1 | FileCheck %s --check-prefix=LOOPS
// LOOPS: error: nn-estimate: function 'f' is already lowered to loops; estimate the nn IR (before --nn-lower-to-hls)

func.func @f(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  %y = nn.relu %x : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>>
  return %y : tensor<1x4x!nn.fixed<16, 6>>
}
