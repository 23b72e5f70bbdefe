// nn-interp --compare-float: the quantized network against the float one,
// layer by layer (matched by layer name) and output by output.
// RUN: nn-opt %s --nn-quantize="default-precision=ap_fixed<8,4> accum=auto" --mlir-print-debuginfo -o %t.q.mlir
// RUN: nn-interp %t.q.mlir --compare-float %s --input %S/Inputs/compare-x-3x2.npy --labels %S/Inputs/compare-labels-3.npy --compare-report=%t.json | FileCheck %s
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: not nn-interp %t.q.mlir --compare-float %s --input %S/Inputs/compare-x-3x2.npy --min-agreement=70 2>&1 | FileCheck %s --check-prefix=LOW
// RUN: nn-interp %t.q.mlir --compare-float %s --input %S/Inputs/compare-x-3x2.npy --min-agreement=66.6
// RUN: not nn-interp %t.q.mlir --compare-float %s --input %S/Inputs/compare-x-3x2.npy --labels %S/Inputs/x-1x4.npy 2>&1 | FileCheck %s --check-prefix=LABELS

// fc = x W^T + b with W = [[1, 0.5], [-2, 1]], b = [0.25, -1], then relu:
//   y0 = x0 + 0.5 x1 + 0.25,  y1 = -2 x0 + x1 - 1.
// ap_fixed<8,4> (step 1/16, truncation) quantizes the inputs; W, b and every
// result below are exact in it, and the accumulator is lossless:
//   sample 1: x = (1.03, 2) -> (1, 2): input error 0.03
//     float fc (2.28, -1.06), fixed (2.25, -1): errors 0.03, 0.06
//     relu float (2.28, 0), fixed (2.25, 0): error 0.03; argmax 0 and 0
//   sample 2: x = (-3, 0.5) exact: fc (-2.5, 5.5), relu (0, 5.5); argmax 1, 1
//   sample 3: x = (0, 2.51) -> (0, 2.5): input error 0.01
//     float fc (1.505, 1.51), fixed (1.5, 1.5): errors 0.005, 0.01
//     relu the same: argmax float 1, fixed 0 (a tie goes to the first)
// Max abs errors: x 0.03 (max |x| = 3), fc 0.06, relu 0.03 (max 5.5);
// argmax agreement 2 of 3; labels (0, 1, 1): float 3/3, fixed 2/3.
// (Single precision: 1.03f - 1 = 0.0299999714, printed as 0.03 with six
// digits; fc y1 = -2 * 1.03f + 2 - 1 = -1.05999994f: error 0.0599999.)

// CHECK:      compared over 3 samples with the float model {{.*}}compare-float.mlir
// CHECK-NEXT: layer op type max |float| max abs error
// CHECK-NEXT: x (argument) ap_fixed<8,4> 3 0.03
// CHECK-NEXT: fc nn.dense ap_fixed<8,4> 5.5 0.0599999
// CHECK-NEXT: relu nn.relu ap_fixed<8,4> 5.5 0.03
// CHECK-NEXT: output 0: max abs error 0.03 (max |float| 5.5), argmax agreement 2/3 = 66.6667%, top-1 accuracy: float 3/3 = 100%, model 2/3 = 66.6667%

// JSON:      "samples": 3,
// JSON:        "name": "fc",
// JSON-NEXT:   "op": "nn.dense",
// JSON-NEXT:   "type": "ap_fixed<8,4>",
// JSON-NEXT:   "max_abs_float": 5.5,
// JSON-NEXT:   "max_abs_error": 0.0599999{{[0-9]*}}
// JSON:      "outputs": [
// JSON-NEXT:   {
// JSON-NEXT:     "index": 0,
// JSON-NEXT:     "max_abs_float": 5.5,
// JSON-NEXT:     "max_abs_error": 0.0299999{{[0-9]*}},
// JSON-NEXT:     "argmax_agreeing": 2,
// JSON-NEXT:     "argmax_agreement_percent": 66.66666{{[0-9]*}},
// JSON-NEXT:     "float_correct": 3,
// JSON-NEXT:     "model_correct": 2

// LOW: nn-interp: error: output 0: argmax agreement 66.6667% is below --min-agreement=70%
// LABELS: nn-interp: error: labels ({{.*}}x-1x4.npy): 4 labels for 3 samples

func.func @net(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %w = nn.constant dense<[[1.0, 0.5], [-2.0, 1.0]]> : tensor<2x2xf32> loc("w")
  %b = nn.constant dense<[0.25, -1.0]> : tensor<2xf32> loc("b")
  %y = nn.dense %x, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("fc")
  %r = nn.relu %y : tensor<1x2xf32> -> tensor<1x2xf32> loc("relu")
  return %r : tensor<1x2xf32>
}
