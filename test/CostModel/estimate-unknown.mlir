// An op the cost model has no formula for is named in a warning, listed as
// unknown in the table and the JSON, and left out of the totals: never a
// silent zero.
// RUN: nn-opt %s --nn-estimate="report=%t.json" -o /dev/null 2>&1 >/dev/null | FileCheck %s --check-prefix=WARN
// RUN: nn-opt %s --nn-estimate="report=%t.json" -o /dev/null 2>/dev/null | FileCheck %s
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// WARN: warning: loc("quot"): nn-estimate: no cost model for 'nn.div' (layer 'quot'): counted as unknown, not in the totals
// CHECK: quot nn.div unknown: no cost model (not in the totals)
// CHECK: unknown (not estimated): nn.div
// JSON: "name": "quot",
// JSON: "unknown": true
// JSON: "unknown_ops": [
// JSON-NEXT: "nn.div"
func.func @f(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  %r = nn.relu %x : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>> loc("act")
  %y = nn.div %r, %x : (tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> loc("quot")
  return %y : tensor<1x4x!nn.fixed<16, 6>>
}
