// --nn-estimate prices gelu and hard_swish (they were "unknown"): each
// element's result is a product of the input with a table entry (gelu) or
// with the exact hard-sigmoid gate (hard_swish), one multiplier per element
// when unrolled. x is <16,6>; gelu's table <18,8> (16 x 18 fits one DSP48E2),
// hard_swish's gate <16,6>: 4 + 4 DSPs for 4 elements each.
// RUN: nn-opt %s --nn-estimate="report=%t.json" -o /dev/null 2>&1 | FileCheck %s
// CHECK-NOT: no cost model
// CHECK: {{^}}gelu nn.gelu 1 - unrolled 4 {{[0-9]}}
// CHECK: {{^}}hswish nn.hard_swish 1 - unrolled 4 {{[0-9]}}
// CHECK: {{^}}total 8 {{[0-9]}}
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// JSON-NOT: "unknown": true
func.func @f(%x: tensor<1x4x!nn.fixed<16, 6>>) -> (tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x!nn.fixed<16, 6>>) {
  %g = nn.gelu %x {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<18, 8>} : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>> loc("gelu")
  %h = nn.hard_swish %x : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>> loc("hswish")
  return %g, %h : tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x!nn.fixed<16, 6>>
}
