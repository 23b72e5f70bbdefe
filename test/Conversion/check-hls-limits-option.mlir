// max-unroll must be positive (an op outside every loop makes one copy).
// RUN: not nn-opt %s --nn-check-hls-limits="max-unroll=0" 2>&1 | FileCheck %s
// RUN: not nn-opt %s --nn-lower-to-hls="max-unroll-mults=0" 2>&1 | FileCheck %s
// CHECK: error: nn-check-hls-limits: max-unroll must be at least 1, got 0
func.func @f(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  %y = nn.relu %x : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}
