// A layer norm in fixed point (nn-quantize's rule, docs/Quantization.md
// "Layer norm"): the IR it writes, and nn IR, its loop IR and the emitted
// C++ (g++ C simulation) agree bit for bit on 3 samples, with the values
// Inputs/layer_norm_reference.py computes independently (exact rationals).
// RUN: nn-opt %S/../Conversion/Inputs/layer-norm.mlir --nn-quantize="config=%S/Inputs/layer-norm.json report=%t.report.json" --mlir-print-debuginfo -o %t.q.mlir
// RUN: FileCheck %s --check-prefix=IR < %t.q.mlir
// RUN: FileCheck %s --check-prefix=REPORT < %t.report.json
// RUN: nn-opt %t.q.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %t.q.mlir --input %S/Inputs/x-3x4.npy --output %t.nn.npy
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --output %t.lp.npy
// RUN: cmp %t.nn.npy %t.lp.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project=%t.prj %t.loops.mlir
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t.prj/myproject_csim --input %S/Inputs/x-3x4.npy --output %t.cs.npy
// RUN: cmp %t.nn.npy %t.cs.npy
// RUN: nn-interp %t.q.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/x-3x4.npy --print | FileCheck %s

// The mean and the variance in accum ap_fixed<20,8>, the exact
// differences, squares and products, the table of 4096 entries over
// [0, 128) in ap_ufixed<16,6,RND,SAT>, the result ap_fixed<12,4,RND,SAT>.
// IR: nn.reduce_mean {{.*}} {axes = array<i64: 1>} : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x1x!nn.fixed<20, 8>> loc(#[[MEAN:[a-z0-9]+]])
// IR: nn.sub {{.*}} -> tensor<1x4x!nn.fixed<21, 9>> loc(#[[CENTERED:[a-z0-9]+]])
// IR: nn.mul {{.*}} -> tensor<1x4x!nn.fixed<42, 18>> loc(#[[SQUARE:[a-z0-9]+]])
// IR: nn.reduce_mean {{.*}} -> tensor<1x1x!nn.fixed<20, 8>> loc(#[[VAR:[a-z0-9]+]])
// IR: nn.rsqrt {{.*}} {epsilon = 9.99999974E-6 : f32, nn.table_size = 4096 : i64, nn.table_type = !nn.ufixed<16, 6, RND, SAT>} : tensor<1x1x!nn.fixed<20, 8>> -> tensor<1x1x!nn.ufixed<16, 6, RND, SAT>> loc(#[[INV:[a-z0-9]+]])
// IR: nn.mul {{.*}} -> tensor<1x4x!nn.fixed<37, 15>> loc(#[[NORM:[a-z0-9]+]])
// IR: nn.mul {{.*}} -> tensor<1x4x!nn.fixed<45, 18>> loc(#[[SCALE:[a-z0-9]+]])
// IR: nn.add {{.*}} -> tensor<1x4x!nn.fixed<12, 4, RND, SAT>> loc(#[[LN:[a-z0-9]+]])
// IR-DAG: #[[LN]] = loc("ln")
// IR-DAG: #[[MEAN]] = loc("ln_mean"(#[[LN]]))
// IR-DAG: #[[CENTERED]] = loc("ln_centered"(#[[LN]]))
// IR-DAG: #[[SQUARE]] = loc("ln_square"(#[[LN]]))
// IR-DAG: #[[VAR]] = loc("ln_var"(#[[LN]]))
// IR-DAG: #[[INV]] = loc("ln_inv_std"(#[[LN]]))
// IR-DAG: #[[NORM]] = loc("ln_normalized"(#[[LN]]))
// IR-DAG: #[[SCALE]] = loc("ln_scale"(#[[LN]]))
// IR-NOT: nn.layer_norm

// REPORT: "name": "ln"
// REPORT: "op": "nn.layer_norm"
// REPORT: "LayerNormalization"
// REPORT: "weight": {
// REPORT-NEXT: "value": "ap_fixed<8,3>"
// REPORT: "accum": {
// REPORT-NEXT: "value": "ap_fixed<20,8>"
// REPORT: "table": {
// REPORT-NEXT: "value": "ap_ufixed<16,6,AP_RND,AP_SAT>"
// REPORT: "table_size": {
// REPORT-NEXT: "value": 4096

// Row 0: mean 0.5, variance 7.25 (index 232), 1/sqrt(7.265625) -> 0.37109375.
// Row 1: mean 0, variance 0.625 (index 20), 1.2490234375.
// Row 2: mean 0.0625, variance 50.01171875 (index 1600), 0.1416015625.
// CHECK: output 0: 3x4x!nn.fixed<12, 4>
// CHECK-NEXT: {{^}}{{\[\[}}-0.5546875, 1.61328125, -0.8984375, -0.296875],
// CHECK-NEXT: {{^}} [0.625, -0.75, 0.375, 2.25],
// CHECK-NEXT: {{^}} [1.40625, -2.3515625, -0.25390625, 0.97265625]]
