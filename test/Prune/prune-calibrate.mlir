// --nn-prune with calibration data: activation importance and bias
// correction. ap_fixed<16,6> (10 fractional bits); every weight has 3 set
// bits (one DSP per product): d1 6 DSPs, d2 3, each unit of d1 3.
// Calibration: two samples x = [1, 0.25]. d1's units then output
// u0 = 0.875 * 1.25 = 1.09375, u1 = relu(-1.75 + 0.4375) = 0,
// u2 = 0.4375 * 1.25 = 0.546875.
//
// By magnitude, u2 has the smallest weights and goes (u1 the largest:
// kept). Bias correction: d2's bias absorbs u2's mean contribution,
// 0.25 + 0.875 * 0.546875 = 0.728515625 = raw 746, so that on the
// calibration data the pruned network's output is the unpruned one's,
// 0.25 + 0.875 * (1.09375 + 0.546875) = 1.685546875.
// RUN: nn-opt %s --nn-prune="budget=dsp:6 calibrate=%S/Inputs/calib-2x2.npy" -o %t.mag.mlir | FileCheck %s --check-prefix=MAG
// MAG: d1 nn.dense 3 2
// RUN: FileCheck %s --check-prefix=MAGIR < %t.mag.mlir
// MAGIR: nn.constant dense<{{\[}}[896, 896], [-1792, 1792]]> : tensor<2x2xi16>
// MAGIR: nn.constant dense<746> : tensor<1xi16>
// RUN: nn-interp %t.mag.mlir --input %S/Inputs/calib-2x2.npy --print | FileCheck %s --check-prefix=SAME
// RUN: nn-interp %s --input %S/Inputs/calib-2x2.npy --print | FileCheck %s --check-prefix=SAME
// SAME: {{\[}}[1.685546875],
// SAME-NEXT: [1.685546875]]
//
// Reconstruction (reconstruct=true, the default) on data that varies:
// x = [1, 0.25] and [1, 0.5] give u0 = 1.09375, 1.3125, u1 = 0 (dead) and
// u2 = u0 / 2 (half of u0's weights), outputs 1.685546875 and 1.97265625.
// u2 goes (magnitude); the least-squares refit of d2 on the kept units
// predicts u2 = 0.5 u0 exactly (ridge=0), so d2's weight of u0 becomes
// 0.875 + 0.5 * 0.875 = 1.3125 (raw 1344), its bias stays 0.25 (raw 256:
// mu_2 - 0.5 mu_0 = 0), and the pruned network's outputs are the unpruned
// ones on both samples.
// RUN: nn-opt %s --nn-prune="budget=dsp:6 ridge=0 calibrate=%S/Inputs/calib-varied-2x2.npy report=%t.rec.json" -o %t.rec.mlir
// RUN: FileCheck %s --check-prefix=RECJSON < %t.rec.json
// RECJSON: "reconstructed": true
// RUN: FileCheck %s --check-prefix=RECIR < %t.rec.mlir
// RECIR-DAG: nn.constant dense<{{\[}}[1344, 896]]> : tensor<1x2xi16>
// RECIR-DAG: nn.constant dense<256> : tensor<1xi16>
// RUN: nn-interp %t.rec.mlir --input %S/Inputs/calib-varied-2x2.npy --print | FileCheck %s --check-prefix=VARIED
// RUN: nn-interp %s --input %S/Inputs/calib-varied-2x2.npy --print | FileCheck %s --check-prefix=VARIED
// VARIED: {{\[}}[1.685546875],
// VARIED-NEXT: [1.97265625]]
// importance=reconstruction at the floor (one unit kept): the greedy
// elimination removes u1 (dead: error 0), then u2 (predicted from u0:
// error ~0), and keeps u0, which alone restores both outputs after the
// refit (d2's weight 1.3125 again); magnitude would keep u1 (the largest
// weights), which is dead on the data.
// RUN: nn-opt %s --nn-prune="budget=dsp:3 ridge=0 importance=reconstruction calibrate=%S/Inputs/calib-varied-2x2.npy" -o %t.greedy.mlir | FileCheck %s --check-prefix=GREEDY
// GREEDY: d1 nn.dense 3 1 0.000
// RUN: FileCheck %s --check-prefix=GREEDYIR < %t.greedy.mlir
// GREEDYIR-DAG: nn.constant dense<896> : tensor<1x2xi16>
// GREEDYIR-DAG: nn.constant dense<1344> : tensor<1x1xi16>
// GREEDYIR-DAG: nn.constant dense<256> : tensor<1xi16>
// RUN: nn-interp %t.greedy.mlir --input %S/Inputs/calib-varied-2x2.npy --print | FileCheck %s --check-prefix=VARIED
// Bias correction alone (reconstruct=false) only keeps the mean: d2's
// bias absorbs 0.875 * mean(u2) = 0.875 * 0.6015625, 0.7763671875 (raw
// 795), and the outputs move (1.7333984375 on the first sample).
// RUN: nn-opt %s --nn-prune="budget=dsp:6 reconstruct=false calibrate=%S/Inputs/calib-varied-2x2.npy" -o %t.bias.mlir
// RUN: FileCheck %s --check-prefix=BIASIR < %t.bias.mlir
// BIASIR-DAG: nn.constant dense<896> : tensor<1x2xi16>
// BIASIR-DAG: nn.constant dense<795> : tensor<1xi16>
// RUN: nn-interp %t.bias.mlir --input %S/Inputs/calib-varied-2x2.npy --print | FileCheck %s --check-prefix=MOVED
// MOVED: {{\[}}[1.7333984375],
//
// By activation, u1 (dead on the data: mean 0, no correction) goes:
// RUN: nn-opt %s --nn-prune="budget=dsp:6 importance=activation calibrate=%S/Inputs/calib-2x2.npy" | FileCheck %s --check-prefix=ACT
// ACT: nn-prune: @mlp, importance activation, budget dsp 6
// ACT: nn.constant dense<{{\[}}[896, 896], [448, 448]]> : tensor<2x2xi16>
// ACT: nn.constant dense<256> : tensor<1xi16>
//
// By sensitivity: each unit removed alone (with bias correction), the mean
// squared change of the output. On this constant data bias correction
// restores the output exactly (u1 is dead: nothing to correct): every
// unit is worth 0. Units worth nothing go even when the budget leaves
// room: only the one every layer keeps stays.
// RUN: nn-opt %s --nn-prune="budget=dsp:6 importance=sensitivity calibrate=%S/Inputs/calib-2x2.npy" -o /dev/null | FileCheck %s --check-prefix=SENS
// SENS: nn-prune: @mlp, importance sensitivity, budget dsp 6
// SENS: d1 nn.dense 3 1 0.000
// SENS: after: dsp 3
//
// Calibration data of the wrong shape or element type names the argument:
// RUN: not nn-opt %s --nn-prune="budget=dsp:6 importance=activation calibrate=%S/Inputs/calib-2x3.npy" 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: error: nn-prune: calibrate: input 0 ({{.*}}calib-2x3.npy)
// RUN: not nn-opt %s --nn-prune="budget=dsp:6 importance=activation calibrate=%S/../Interpreter/Inputs/x-1x4-f2.npy" 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: error: nn-prune: calibrate: input 0 ({{.*}}x-1x4-f2.npy): dtype '<f2' is not supported
// Integer data (as for an embedding's indices) is read as its values:
// RUN: nn-opt %s --nn-prune="budget=dsp:6 importance=activation calibrate=%S/Inputs/calib-int.npy" 2>&1 | FileCheck %s --check-prefix=INT
// INT: nn-prune: @mlp, importance activation, budget dsp 6
// One file per function argument:
// RUN: not nn-opt %s --nn-prune="budget=dsp:6 importance=activation calibrate=%S/Inputs/calib-2x2.npy,%S/Inputs/calib-2x2.npy" 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: error: nn-prune: calibrate:
// Activation importance needs data:
// RUN: not nn-opt %s --nn-prune="budget=dsp:6 importance=activation" 2>&1 | FileCheck %s --check-prefix=NODATA
// NODATA: error: nn-prune: importance=activation needs calibration data (calibrate=data.npy)
// RUN: not nn-opt %s --nn-prune="budget=dsp:6 importance=sensitivity" 2>&1 | FileCheck %s --check-prefix=NODATA2
// NODATA2: error: nn-prune: importance=sensitivity needs calibration data (calibrate=data.npy)
func.func @mlp(%x: tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x1x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense<[[896, 896], [-1792, 1792], [448, 448]]> : tensor<3x2xi16> -> tensor<3x2x!nn.fixed<16, 6>>
  %b1 = nn.constant dense<[0, 0, 0]> : tensor<3xi16> -> tensor<3x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1, %b1 : (tensor<1x2x!nn.fixed<16, 6>>, tensor<3x2x!nn.fixed<16, 6>>, tensor<3x!nn.fixed<16, 6>>) -> tensor<1x3x!nn.fixed<16, 6>> loc("d1")
  %r = nn.relu %h : tensor<1x3x!nn.fixed<16, 6>> -> tensor<1x3x!nn.fixed<16, 6>> loc("r1")
  %w2 = nn.constant dense<[[896, 896, 896]]> : tensor<1x3xi16> -> tensor<1x3x!nn.fixed<16, 6>>
  %b2 = nn.constant dense<[256]> : tensor<1xi16> -> tensor<1x!nn.fixed<16, 6>>
  %y = nn.dense %r, %w2, %b2 : (tensor<1x3x!nn.fixed<16, 6>>, tensor<1x3x!nn.fixed<16, 6>>, tensor<1x!nn.fixed<16, 6>>) -> tensor<1x1x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x1x!nn.fixed<16, 6>>
}
