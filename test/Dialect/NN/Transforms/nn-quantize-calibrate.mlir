// Calibration: the float network runs on a data set and every result whose
// precision no LayerName sets keeps its total width W but takes the integer
// bits I that hold the observed range: the smallest I with
// -2^(I-1) <= min and max < 2^(I-1) (signed; ceil(log2(max|v|)) + 1 except
// that a positive power of two needs one bit more), plus the margin.
// Weights and biases: the same rule on their own values, without margin.
//
// The network: fc = x W^T + b with W = [[1, 0.5], [-2, 1]], b = [0.25, -1],
// then relu.
//   y0 = x0 + 0.5 x1 + 0.25,  y1 = -2 x0 + x1 - 1
// calibrate-x-3x2.npy holds x = (1, 2), (-3, 0.5), (2, -1):
//   fc   = (2.25, -1), (-2.5, 5.5), (1.75, -6)  -> range [-6, 5.5]
//   relu = (2.25, 0),  (0, 5.5),    (1.75, 0)   -> range [0, 5.5]
//   x range [-3, 2]
// Integer bits (sign included):
//   x:    max 2 < 2^2, min -3 >= -2^2           -> I = 2 + 1 = 3
//   fc:   max 5.5 < 2^3, min -6 >= -2^3         -> I = 3 + 1 = 4
//   relu: max 5.5 < 2^3                         -> I = 3 + 1 = 4
//   W:    max 1 < 2^1, min -2 >= -2^1           -> I = 1 + 1 = 2
//   b:    max 0.25 < 2^-1, min -1 >= -2^0       -> I = 0 + 1 = 1

// margin=1 (the default) with the default ap_fixed<16,6>: results I + 1,
// parameters I; the accumulator keeps the default precision.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="calibrate=%S/Inputs/calibrate-x-3x2.npy" | FileCheck %s --check-prefix=M1
// M1-LABEL: func.func @net(
// M1-SAME:      %[[X:.*]]: tensor<1x2x!nn.fixed<16, 4>>) -> tensor<1x2x!nn.fixed<16, 5>>
// W: weight raws at F = 14: 1 -> 16384, 0.5 -> 8192, -2 -> -32768;
// b at F = 15: 0.25 -> 8192, -1 -> -32768.
// M1-DAG:     %[[W:.*]] = nn.constant dense<{{\[\[}}16384, 8192], [-32768, 16384]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 2>>
// M1-DAG:     %[[B:.*]] = nn.constant dense<[8192, -32768]> : tensor<2xi16> -> tensor<2x!nn.fixed<16, 1>>
// M1:         %[[Y:.*]] = nn.dense %[[X]], %[[W]], %[[B]] {nn.accum_type = !nn.fixed<16, 6>, {{.*}}} : ({{.*}}) -> tensor<1x2x!nn.fixed<16, 5>>
// M1:         nn.relu %[[Y]] : tensor<1x2x!nn.fixed<16, 5>> -> tensor<1x2x!nn.fixed<16, 5>>

// margin=0, LayerName 'fc' sets its result: ap_fixed<12,7> stays; relu
// I = 4; the report gives the observed ranges and the arithmetic.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="config=%S/Inputs/nn-quantize-calibrate.json calibrate=%S/Inputs/calibrate-x-3x2.npy margin=0 report=%t.json" | FileCheck %s --check-prefix=M0
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// M0-LABEL: func.func @net(
// M0-SAME:      tensor<1x2x!nn.fixed<16, 3>>
// M0:         nn.dense {{.*}} -> tensor<1x2x!nn.fixed<12, 7>>
// M0:         nn.relu {{.*}} -> tensor<1x2x!nn.fixed<16, 4>>

// REPORT:        "name": "x",
// REPORT:          "result": {
// REPORT-NEXT:       "value": "ap_fixed<16,3>",
// REPORT-NEXT:       "source": "calibration: range [-3, 2] over 3 samples needs I = 3; W = 16 from option default-precision"
// REPORT-NEXT:     }
// REPORT-NEXT:   },
// REPORT-NEXT:   "range": {
// REPORT-NEXT:     "min": -3,
// REPORT-NEXT:     "max": 2,
// REPORT-NEXT:     "max_abs": 3,
// REPORT-NEXT:     "samples": 3
// REPORT-NEXT:   }
// REPORT:        "name": "fc",
// REPORT:          "weight": {
// REPORT-NEXT:       "value": "ap_fixed<16,2>",
// REPORT-NEXT:       "source": "calibration: range [-2, 1] of the values needs I = 2; W = 16 from option default-precision"
// REPORT:          "bias": {
// REPORT-NEXT:       "value": "ap_fixed<16,1>",
// REPORT-NEXT:       "source": "calibration: range [-1, 0.25] of the values needs I = 1; W = 16 from option default-precision"
// REPORT:          "result": {
// REPORT-NEXT:       "value": "ap_fixed<12,7>",
// REPORT-NEXT:       "source": "LayerName.fc.Precision.result"
// REPORT:        "name": "relu",
// REPORT:          "result": {
// REPORT-NEXT:       "value": "ap_fixed<16,4>",
// REPORT-NEXT:       "source": "calibration: range [0, 5.5] over 3 samples needs I = 4; W = 16 from option default-precision"
// REPORT:        "range": {
// REPORT-NEXT:     "min": 0,
// REPORT-NEXT:     "max": 5.5,

// A positive power of two needs one more bit: x = (2, -1.5) gives
//   x:    max 2: 2 < 2^2 (2 < 2^1 fails), min -1.5 >= -2^1 -> I = 2 + 1 = 3
//   fc = (2 - 0.75 + 0.25, -4 - 1.5 - 1) = (1.5, -6.5):
//         max 1.5 < 2^1, min -6.5 >= -2^3              -> I = 3 + 1 = 4
//   relu = (1.5, 0): max 1.5 < 2^1                     -> I = 1 + 1 = 2
// with ap_fixed<8,3,AP_RND,AP_SAT> (W = 8, modes kept) and margin 0.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="default-precision=ap_fixed<8,3,AP_RND,AP_SAT> calibrate=%S/Inputs/calibrate-pow2-1x2.npy margin=0" | FileCheck %s --check-prefix=POW2
// POW2-LABEL: func.func @net(
// POW2-SAME:      tensor<1x2x!nn.fixed<8, 3, RND, SAT>>
// POW2:         nn.dense {{.*}} -> tensor<1x2x!nn.fixed<8, 4, RND, SAT>>
// POW2:         nn.relu {{.*}} -> tensor<1x2x!nn.fixed<8, 2, RND, SAT>>

// Unsigned types have no sign bit and ignore negative values:
//   x: max 2 < 2^2 -> I = 2; fc: max 1.5 < 2^1 -> I = 1; relu: I = 1;
//   W: max 1 < 2^1 -> I = 1; b: max 0.25 < 2^-1 -> I = -1.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="default-precision=ap_ufixed<8,4> calibrate=%S/Inputs/calibrate-pow2-1x2.npy margin=0" | FileCheck %s --check-prefix=UNSIGNED
// UNSIGNED-LABEL: func.func @net(
// UNSIGNED-SAME:      tensor<1x2x!nn.ufixed<8, 2>>
// UNSIGNED:         nn.dense {{.*}} : (tensor<1x2x!nn.ufixed<8, 2>>, tensor<2x2x!nn.ufixed<8, 1>>, tensor<2x!nn.ufixed<8, -1>>) -> tensor<1x2x!nn.ufixed<8, 1>>
// UNSIGNED:         nn.relu {{.*}} -> tensor<1x2x!nn.ufixed<8, 1>>

// All-zero data: x has no nonzero value and keeps I = 6; fc = b =
// (0.25, -1): I = 1 + margin 1 = 2; relu = (0.25, 0): max 0.25 < 2^-1 ->
// I = -1 + 1 + 1 = 1.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="calibrate=%S/Inputs/calibrate-zero-1x2.npy report=%t.zero.json" | FileCheck %s --check-prefix=ZERO
// RUN: FileCheck %s --check-prefix=ZERO-REPORT < %t.zero.json
// ZERO-LABEL: func.func @net(
// ZERO-SAME:      tensor<1x2x!nn.fixed<16, 6>>
// ZERO:         nn.dense {{.*}} -> tensor<1x2x!nn.fixed<16, 2>>
// ZERO:         nn.relu {{.*}} -> tensor<1x2x!nn.fixed<16, 1>>
// ZERO-REPORT: "source": "calibration: range [0, 0] over 1 samples has no nonzero value; I kept from option default-precision"

// Errors: a missing file, data of the wrong shape, a bad margin.
// RUN: not nn-opt --mlir-print-debuginfo=false %s --nn-quantize="calibrate=%S/Inputs/does-not-exist.npy" 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: calibration data: input 0 ({{.*}}does-not-exist.npy): cannot be read: No such file or directory
// RUN: not nn-opt --mlir-print-debuginfo=false %s --nn-quantize="calibrate=%S/Inputs/calibrate-x-2x3.npy" 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: error: calibration data: input 0 ({{.*}}calibrate-x-2x3.npy): {{.*}}
// RUN: not nn-opt --mlir-print-debuginfo=false %s --nn-quantize="calibrate=%S/Inputs/calibrate-x-3x2.npy margin=65" 2>&1 | FileCheck %s --check-prefix=MARGIN
// MARGIN: error: option margin must be in [-64, 64], got 65

func.func @net(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %w = nn.constant dense<[[1.0, 0.5], [-2.0, 1.0]]> : tensor<2x2xf32> loc("w")
  %b = nn.constant dense<[0.25, -1.0]> : tensor<2xf32> loc("b")
  %y = nn.dense %x, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("fc")
  %r = nn.relu %y : tensor<1x2xf32> -> tensor<1x2xf32> loc("relu")
  return %r : tensor<1x2xf32>
}
