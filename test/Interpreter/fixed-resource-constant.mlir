// Fixed-point weights kept as dense_resource blobs (what --nn-quantize makes
// of large weights): raw integers, little-endian, in the smallest of 1, 2, 4
// or 8 bytes that holds W bits, sign-extended for signed types.
//
// !nn.fixed<12, 2> has 10 fractional bits, stored in 2 bytes:
//   "0x02000000" is the blob's alignment header (2), then
//   0x0400 = 1024 -> 1.0, 0xF800 = -2048 -> -2.0, 0x0200 = 512 -> 0.5.
// !nn.ufixed<4, 4> is stored in 1 byte: 0x0F = 15, 0x03 = 3.
// RUN: nn-interp %s --entry main --input %S/Inputs/x-1x4-f8.npy --print | FileCheck %s
// CHECK:      output 0: 3x!nn.fixed<12, 2>
// CHECK-NEXT: {{^}}[1, -2, 0.5]{{$}}
// CHECK:      output 1: 2x!nn.ufixed<4, 4>
// CHECK-NEXT: {{^}}[15, 3]{{$}}

func.func @main(%x: tensor<1x4xf32>) -> (tensor<3x!nn.fixed<12, 2>>, tensor<2x!nn.ufixed<4, 4>>) {
  %w = nn.constant dense_resource<w12> : tensor<3xi12> -> tensor<3x!nn.fixed<12, 2>>
  %u = nn.constant dense_resource<u4> : tensor<2xi4> -> tensor<2x!nn.ufixed<4, 4>>
  return %w, %u : tensor<3x!nn.fixed<12, 2>>, tensor<2x!nn.ufixed<4, 4>>
}

{-#
  dialect_resources: {
    builtin: {
      w12: "0x02000000000400F80002",
      u4: "0x010000000F03"
    }
  }
#-}
