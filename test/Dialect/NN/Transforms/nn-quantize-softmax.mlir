// hls4ml's Softmax keys set by --nn-quantize (docs/Quantization.md,
// "Softmax"): Implementation -> `implementation`, Precision.exp_table /
// inv_table (else Precision.table, else the implementation's default) ->
// exp_table_type / inv_table_type, Precision.accum -> accum_type ("auto":
// the exact sum, no attribute), Skip: true drops the softmax (its users,
// here the return, read its input). inv_inp is a remark: nn's inverse
// needs no input type.
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-softmax.json report=%t.json" 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// RUN: not nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-softmax-misplaced.json" 2>&1 | FileCheck %s --check-prefix=MISPLACED

// CHECK: remark: LayerName.lat.Precision.inv_inp: ignored
// CHECK-LABEL: func.func @softmaxes(
// 'lat': everything from its LayerName entry (the LayerType's table is
// recorded but its own exp_table and inv_table win).
// CHECK:      nn.softmax %{{.*}} {accum_type = !nn.ufixed<20, 10, TRN, SAT>, axis = 1 : i64, exp_table_type = !nn.ufixed<18, 8, RND, SAT>, implementation = "latency", inv_table_type = !nn.ufixed<18, 1, RND, SAT>, nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<18, 4, RND, SAT>} : {{.*}} -> tensor<1x4x!nn.ufixed<16, 1, RND, SAT>>
// 'st': stable; exp_table auto -> the LayerType's table, inv_table from the
// LayerType's table; accum auto -> exact (no accum_type).
// CHECK:      nn.softmax %{{.*}} {axis = 1 : i64, exp_table_type = !nn.ufixed<18, 4, RND, SAT>, implementation = "stable", inv_table_type = !nn.ufixed<18, 4, RND, SAT>, nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<18, 4, RND, SAT>}
// 'leg': the LayerType's implementation and table.
// CHECK:      nn.softmax %{{.*}} {axis = 1 : i64, exp_table_type = !nn.ufixed<18, 4, RND, SAT>, implementation = "legacy", inv_table_type = !nn.ufixed<18, 4, RND, SAT>, nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<18, 4, RND, SAT>}
// 'arg': argmax reads no table: no exp/inv table types, no table size (the
// LayerType's configured table stays recorded as given).
// CHECK:      %[[ARG:.*]] = nn.softmax %{{.*}} {axis = 1 : i64, implementation = "argmax", nn.table_type = !nn.ufixed<18, 4, RND, SAT>}
// 'drop' is gone: the function returns 'arg'.
// CHECK-NOT:  nn.softmax
// CHECK:      return %[[ARG]] : tensor<1x4x!nn.fixed<16, 6>>

// REPORT:      "name": "lat",
// REPORT:        "accum": {
// REPORT-NEXT:     "value": "ap_ufixed<20,10,AP_TRN,AP_SAT>",
// REPORT-NEXT:     "source": "LayerName.lat.Precision.accum"
// REPORT:        "exp_table": {
// REPORT-NEXT:     "value": "ap_ufixed<18,8,AP_RND,AP_SAT>",
// REPORT:      "implementation": {
// REPORT-NEXT:   "value": "latency",
// REPORT-NEXT:   "source": "LayerName.lat.Implementation"
// REPORT:      "name": "st",
// REPORT:        "accum": {
// REPORT-NEXT:     "value": "exact",
// REPORT:      "name": "drop",
// REPORT:      "skipped": {
// REPORT-NEXT:   "value": true,
// REPORT-NEXT:   "source": "LayerName.drop.Skip"

// MISPLACED: error: loc("fc"): layer 'fc' (nn.relu): LayerName.fc.Implementation applies to Softmax layers only
func.func @softmaxes(%x: tensor<1x4xf32> loc("x")) -> tensor<1x4xf32> {
  %f = nn.relu %x : tensor<1x4xf32> -> tensor<1x4xf32> loc("fc")
  %a = nn.softmax %f {axis = 1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32> loc("lat")
  %b = nn.softmax %a {axis = 1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32> loc("st")
  %c = nn.softmax %b {axis = 1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32> loc("leg")
  %d = nn.softmax %c {axis = 1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32> loc("arg")
  %e = nn.softmax %d {axis = 1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32> loc("drop")
  return %e : tensor<1x4xf32>
}
