// A Model.Precision string is the Model's default precision: it never
// overrides the accum option given on the command line, nor a QDQ layer's
// accumulator (issue 16: it used to, and broke QDQ models).
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-default-string.json accum=auto report=%t.json" 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: FileCheck %s --check-prefix=NOTE < %t.json
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-default-string.json" 2>&1 | FileCheck %s --check-prefix=QDQ

// fc1 (float input, option accum=auto): <16,6> x <16,6> = <32,12>, 4
// products: + 2 bits -> <34,14> (no bias).
// OPT: nn.dense {{.*}}nn.accum_type = !nn.fixed<34, 14>, nn.reuse_factor = 2
// The LayerName entry reaches fc1 through its full ONNX node name, an
// alias (nn::getLayerAliases), noted in the report.
// NOTE: "notes": [
// NOTE-NEXT: "LayerName./fc1/Gemm: applies to layer 'fc1'

// fc2 takes a QDQ input ap_fixed<8,3> and QDQ weights ap_fixed<8,1>; without
// the option its accumulator would be the Model default <16,6>; a QDQ layer
// keeps the lossless one instead: <8,3> x <8,1> = <16,4>; 3 products
// + ceil(log2 3) = 2 bits -> <18,6>.
// QDQ: nn.dense {{.*}}nn.accum_type = !nn.fixed<16, 6>, nn.reuse_factor = 2
// QDQ: nn.dense {{.*}}nn.accum_type = !nn.fixed<18, 6>
func.func @net(%x: tensor<1x4xf32> loc("x")) -> tensor<1x2xf32> {
  %w = nn.constant dense<0.5> : tensor<3x4xf32> loc("fc1.weight")
  %y = nn.dense %x, %w : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32> loc("fc1"("/fc1/Gemm"))
  %q = "nn.relu"(%y) {nn.qdq_type = !nn.fixed<8, 3>} : (tensor<1x3xf32>) -> tensor<1x3xf32> loc("act")
  %w2 = "nn.constant"() {value = dense<0.5> : tensor<2x3xf32>, nn.qdq_type = !nn.fixed<8, 1>} : () -> tensor<2x3xf32> loc("fc2.weight")
  %z = nn.dense %q, %w2 : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<1x2xf32> loc("fc2")
  return %z : tensor<1x2xf32>
}
