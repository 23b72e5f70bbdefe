// Malformed pass options; reported at the module.
// RUN: not nn-opt %s --nn-quantize="default-precision=ap_fixd<8,3>" 2>&1 | FileCheck %s --check-prefix=PRECISION
// RUN: not nn-opt %s --nn-quantize="accum=lossless" 2>&1 | FileCheck %s --check-prefix=ACCUM
// RUN: not nn-opt %s --nn-quantize="default-reuse=0" 2>&1 | FileCheck %s --check-prefix=REUSE
// RUN: not nn-opt %s --nn-quantize="default-strategy=fast" 2>&1 | FileCheck %s --check-prefix=STRATEGY
// RUN: not nn-opt %s --nn-quantize="report=%t.missing-dir/report.json" 2>&1 | FileCheck %s --check-prefix=REPORT

// PRECISION: error: option default-precision: malformed type 'ap_fixd<8,3>'; expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W> with 1 <= W <= 64 and ap_fixed's mode names (Q: AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV; O: AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM)
// ACCUM: error: option accum: malformed type 'lossless'; expected auto or ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W> with 1 <= W <= 64 and ap_fixed's mode names (Q: AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV; O: AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM)
// REUSE: error: option default-reuse must be a positive integer, got 0
// STRATEGY: error: option default-strategy: unknown strategy 'fast'; expected latency or resource
// REPORT: error: cannot write the report '{{.*}}.missing-dir/report.json': No such file or directory
func.func @net(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %y = nn.relu %x : tensor<1x2xf32> -> tensor<1x2xf32> loc("relu")
  return %y : tensor<1x2xf32>
}
