// Table defaults written by --nn-quantize on the table-based activations
// (nn/Support/ActivationTables.h): nn.table_size = 1024 (hls4ml's default)
// and nn.table_type = the op's result type, except softmax, whose exp and
// inverse tables are its own exp_table_type and inv_table_type (default
// ap_ufixed<18,1,AP_RND,AP_SAT>, nn.table_type only when configured); other
// ops get no table attributes. A configured table precision or size wins.
// RUN: nn-opt %s --nn-quantize | FileCheck %s
// RUN: nn-opt %s --nn-quantize="default-precision=ap_fixed<12,4,AP_RND,AP_SAT>" | FileCheck %s --check-prefix=RND
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-tables.json" | FileCheck %s --check-prefix=CONFIG
// RUN: nn-opt %s --nn-quantize="report=%t.json" -o /dev/null && FileCheck %s --check-prefix=REPORT < %t.json

// A table the lowering cannot build is refused here, naming the key or the
// layer (fx::tableSizeProblem, fx::tableWidthProblem: one rule for every
// stage). hls4ml accepts any table_size; nn's tables are indexed by shifts.
// RUN: rm -rf %t.d && mkdir -p %t.d
// RUN: printf '{"LayerName": {"sig": {"table_size": 1000}}}' > %t.d/size.json
// RUN: not nn-opt %s --nn-quantize="config=%t.d/size.json" 2>&1 | FileCheck %s --check-prefix=SIZE
// SIZE: size.json:0:0: error: LayerName.sig.table_size: the table has 1000 entries; tables need a power of two in [2, 16777216]
// RUN: printf '{"LayerType": {"Activation": {"Precision": {"table": "ap_fixed<54,4>"}}}}' > %t.d/wide.json
// RUN: not nn-opt %s --nn-quantize="config=%t.d/wide.json" 2>&1 | FileCheck %s --check-prefix=WIDE
// WIDE: error: {{.*}}layer 'sig' (nn.sigmoid): the table (ap_fixed<54,4>, LayerType.Activation.Precision.table) has 54-bit entries; tables hold at most 53 bits
// RUN: not nn-opt %s --nn-quantize="default-precision=ap_fixed<60,10>" 2>&1 | FileCheck %s --check-prefix=WIDE-DEFAULT
// WIDE-DEFAULT: error: {{.*}}layer 'sig' (nn.sigmoid): the table (ap_fixed<60,10>, default (the result type)) has 60-bit entries; tables hold at most 53 bits
// RUN: printf '{"LayerName": {"sm": {"Precision": {"exp_table": "ap_ufixed<56,1>"}}}}' > %t.d/exp.json
// RUN: not nn-opt %s --nn-quantize="config=%t.d/exp.json" 2>&1 | FileCheck %s --check-prefix=EXP
// EXP: error: {{.*}}'nn.softmax' op exp_table_type: the table has 56-bit entries; tables hold at most 53 bits

// CHECK-LABEL: func.func @tables(
// CHECK:         nn.sigmoid %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<16, 6>} : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>>
// CHECK:         nn.tanh %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<16, 6>}
// CHECK:         nn.softplus %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<16, 6>}
// CHECK:         nn.elu %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<16, 6>}
// CHECK:         nn.selu %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<16, 6>}
// CHECK:         nn.softmax %{{.*}} {axis = 1 : i64, exp_table_type = !nn.ufixed<18, 1, RND, SAT>, inv_table_type = !nn.ufixed<18, 1, RND, SAT>, nn.table_size = 1024 : i64}
// CHECK:         nn.softsign %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<16, 6>}
// CHECK:         nn.relu %{{.*}} : tensor

// RND:         nn.sigmoid %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<12, 4, RND, SAT>}
// RND:         nn.softmax %{{.*}} {axis = 1 : i64, exp_table_type = !nn.ufixed<18, 1, RND, SAT>, inv_table_type = !nn.ufixed<18, 1, RND, SAT>, nn.table_size = 1024 : i64}

// CONFIG:      nn.sigmoid %{{.*}} {nn.table_size = 4096 : i64, nn.table_type = !nn.fixed<18, 8>}
// CONFIG:      nn.tanh %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<18, 8>}
// CONFIG:      nn.softmax %{{.*}} {axis = 1 : i64, exp_table_type = !nn.ufixed<20, 2>, inv_table_type = !nn.ufixed<20, 2>, nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<20, 2>}
// CONFIG:      nn.softsign %{{.*}} {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<18, 8>}

// The report names the defaults as such.
// REPORT:      "op": "nn.sigmoid",
// REPORT:        "table": {
// REPORT-NEXT:     "value": "ap_fixed<16,6>",
// REPORT-NEXT:     "source": "default (the result type)"
// REPORT:      "table_size": {
// REPORT-NEXT:   "value": 1024,
// REPORT-NEXT:   "source": "default"
// REPORT:      "op": "nn.softmax",
// REPORT-NOT:    "table":
// REPORT:        "exp_table": {
// REPORT-NEXT:     "value": "ap_ufixed<18,1,AP_RND,AP_SAT>",
// REPORT-NEXT:     "source": "default (stable softmax)"
// REPORT:        "inv_table": {
// REPORT-NEXT:     "value": "ap_ufixed<18,1,AP_RND,AP_SAT>",
// REPORT-NEXT:     "source": "default (stable softmax)"
// REPORT:      "op": "nn.softsign",
// REPORT:        "table": {
// REPORT-NEXT:     "value": "ap_fixed<16,6>",
// REPORT-NEXT:     "source": "default (the result type)"
// REPORT:      "op": "nn.relu",
func.func @tables(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %a = nn.sigmoid %x : tensor<1x4xf32> -> tensor<1x4xf32> loc("sig")
  %b = nn.tanh %a : tensor<1x4xf32> -> tensor<1x4xf32>
  %c = nn.softplus %b : tensor<1x4xf32> -> tensor<1x4xf32>
  %d = nn.elu %c : tensor<1x4xf32> -> tensor<1x4xf32>
  %e = nn.selu %d : tensor<1x4xf32> -> tensor<1x4xf32>
  %f = nn.softmax %e {axis = 1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32> loc("sm")
  %g = nn.softsign %f : tensor<1x4xf32> -> tensor<1x4xf32>
  %h = nn.relu %g : tensor<1x4xf32> -> tensor<1x4xf32>
  return %h : tensor<1x4xf32>
}
