// A softmax whose implementation the IR already sets keeps it when the
// configuration says nothing, and the report names the attribute as the
// source (not the stable default); argmax records no tables.
// RUN: nn-opt %s --nn-quantize="report=%t.json" | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.json

// CHECK: nn.softmax %{{.*}} {axis = 1 : i64, implementation = "argmax"} : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>>
// REPORT: "implementation": {
// REPORT-NEXT: "value": "argmax",
// REPORT-NEXT: "source": "the op's implementation attribute"
func.func @preset(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %y = nn.softmax %x {axis = 1 : i64, implementation = "argmax"} : tensor<1x4xf32> -> tensor<1x4xf32> loc("sm")
  return %y : tensor<1x4xf32>
}
