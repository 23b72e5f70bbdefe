// The JSON report: every layer's precisions and where each came from.
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-report.json accum=auto report=%t.json" -o /dev/null
// RUN: FileCheck %s < %t.json

// conv: C = 2, 3x3 kernel, M = 4 on a 1x2x4x4 input, no padding: n_in = 18,
// n_out = 4, 72 multiplications per position, 2x2 = 4 positions; R = 4
// (LayerType 'Conv2D', latency: 4 divides 72) -> 72 / 4 = 18 multipliers.
// Auto accumulator (option accum): ap_fixed<10,4> x ap_fixed<6,1> =
// ap_fixed<16,5>; fan-in 18: ceil(log2 18) = 5 bits -> ap_fixed<21,10>;
// + bias ap_fixed<16,6> (F = 10 vs 11): I = max(10, 6) + 1 = 11,
// F = 11 -> ap_fixed<22,11>.

// Keys accepted without effect, each with its reason (hls4ml's generators
// write them; nn has no counterpart).
// CHECK:      "config": "{{.*}}nn-quantize-report.json",
// CHECK-NEXT: "ignored_keys": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "key": "LayerName.conv.Trace",
// CHECK-NEXT:     "reason": "layer outputs are traced by nn-interp (--trace), not by the generated design",
// CHECK-NEXT:     "not_supported_yet": false
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:     "key": "Model.BramFactor",
// CHECK:          "key": "Model.TraceOutput",
// CHECK:      "notes": [],
// CHECK-NEXT: "layers": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "name": "img",
// CHECK-NEXT:     "op": "input",
// CHECK-NEXT:     "layer_types": [
// CHECK-NEXT:       "Input",
// CHECK-NEXT:       "InputLayer"
// CHECK-NEXT:     ],
// CHECK-NEXT:     "precision": {
// CHECK-NEXT:       "result": {
// CHECK-NEXT:         "value": "ap_fixed<10,4>",
// CHECK-NEXT:         "source": "LayerType.Input.Precision.result"
// CHECK-NEXT:       }
// CHECK-NEXT:     }
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:     "name": "conv",
// CHECK-NEXT:     "op": "nn.conv",
// CHECK-NEXT:     "layer_types": [
// CHECK-NEXT:       "Conv2D"
// CHECK-NEXT:     ],
// CHECK-NEXT:     "precision": {
// CHECK-NEXT:       "weight": {
// CHECK-NEXT:         "value": "ap_fixed<6,1>",
// CHECK-NEXT:         "source": "LayerName.conv.Precision.weight"
// CHECK-NEXT:       },
// CHECK-NEXT:       "bias": {
// CHECK-NEXT:         "value": "ap_fixed<16,6>",
// CHECK-NEXT:         "source": "option default-precision"
// CHECK-NEXT:       },
// CHECK-NEXT:       "result": {
// CHECK-NEXT:         "value": "ap_fixed<12,4,AP_RND,AP_SAT>",
// CHECK-NEXT:         "source": "Model.Precision.result"
// CHECK-NEXT:       },
// CHECK-NEXT:       "accum": {
// CHECK-NEXT:         "value": "ap_fixed<22,11>",
// CHECK-NEXT:         "source": "auto: input ap_fixed<10,4> x weight ap_fixed<6,1> = ap_fixed<16,5>; 18 products add ceil(log2(18)) = 5 bits = ap_fixed<21,10>; + bias ap_fixed<16,6> = ap_fixed<22,11> (option accum)"
// CHECK-NEXT:       }
// CHECK-NEXT:     },
// CHECK-NEXT:     "reuse_factor": {
// CHECK-NEXT:       "value": 4,
// CHECK-NEXT:       "source": "LayerType.Conv2D.ReuseFactor"
// CHECK-NEXT:     },
// CHECK-NEXT:     "strategy": {
// CHECK-NEXT:       "value": "latency",
// CHECK-NEXT:       "source": "option default-strategy"
// CHECK-NEXT:     },
// CHECK-NEXT:     "n_in": 18,
// CHECK-NEXT:     "n_out": 4,
// CHECK-NEXT:     "multiplications": 72,
// CHECK-NEXT:     "multipliers": 18,
// CHECK-NEXT:     "positions": 4
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:     "name": "sig",
// CHECK-NEXT:     "op": "nn.sigmoid",
// CHECK-NEXT:     "layer_types": [
// CHECK-NEXT:       "Activation"
// CHECK-NEXT:     ],
// CHECK-NEXT:     "precision": {
// CHECK-NEXT:       "result": {
// CHECK-NEXT:         "value": "ap_ufixed<8,0>",
// CHECK-NEXT:         "source": "LayerType.Activation.Precision.result"
// CHECK-NEXT:       },
// CHECK-NEXT:       "table": {
// CHECK-NEXT:         "value": "ap_fixed<18,8>",
// CHECK-NEXT:         "source": "LayerName.sig.Precision.table"
// CHECK-NEXT:       }
// CHECK-NEXT:     },
// CHECK-NEXT:     "table_size": {
// CHECK-NEXT:       "value": 512,
// CHECK-NEXT:       "source": "LayerType.Activation.TableSize"
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT: ]
func.func @net(%x: tensor<1x2x4x4xf32> loc("img")) -> tensor<1x4x2x2xf32> {
  %w = nn.constant dense<0.5> : tensor<4x2x3x3xf32> loc("conv.weight")
  %b = nn.constant dense<0.25> : tensor<4xf32> loc("conv.bias")
  %y = nn.conv %x, %w, %b {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
      : (tensor<1x2x4x4xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32> loc("conv")
  %s = nn.sigmoid %y : tensor<1x4x2x2xf32> -> tensor<1x4x2x2xf32> loc("sig")
  return %s : tensor<1x4x2x2xf32>
}
