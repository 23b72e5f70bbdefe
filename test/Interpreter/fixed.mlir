// Fixed-point arguments and results, without any kernel. Input values are
// quantized to the argument's format; results are written as their real
// values in float64 ('<f8'), exact for formats of up to 53 bits.
//
// !nn.fixed<8, 4, RND, SAT>: 4 fractional bits (LSB 1/16), range
// [-8, 7.9375]. x-1x4-f8.npy holds [0.1, 1e40, -2, 3]:
//   0.1 * 16 = 1.6 rounds (RND) to 2, i.e. 0.125;
//   1e40 saturates to the maximum 127/16 = 7.9375; -2 and 3 are exact.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-interp %s --entry main --input %S/Inputs/x-1x4-f8.npy --output %t/q.npy --output %t/c.npy --print | FileCheck %s
// CHECK:      output 0: 1x4x!nn.fixed<8, 4>
// CHECK-NEXT: {{^}}{{\[\[}}0.125, 7.9375, -2, 3]]{{$}}
// The constant's raws [16, -40] with 4 fractional bits: [1, -2.5].
// CHECK:      output 1: 2x!nn.fixed<8, 4>
// CHECK-NEXT: {{^}}[1, -2.5]{{$}}
//
// RUN: FileCheck %s --check-prefix=HEADER < %t/q.npy
// HEADER: {'descr': '<f8', 'fortran_order': False, 'shape': (1, 4), }
// RUN: FileCheck %s --check-prefix=HEADER-C < %t/c.npy
// HEADER-C: {'descr': '<f8', 'fortran_order': False, 'shape': (2,), }
// 128 header bytes + 4 doubles.
// RUN: wc -c < %t/q.npy | FileCheck %s --check-prefix=SIZE
// SIZE: 160
// The float64 file reads back as the same values (exact in float32 too).
// RUN: nn-interp %s --entry show --input %t/q.npy --print | FileCheck %s --check-prefix=BACK
// BACK: {{^}}{{\[\[}}0.125, 7.9375, -2, 3]]{{$}}

func.func @main(%x: tensor<1x4x!nn.fixed<8, 4, RND, SAT>>)
    -> (tensor<1x4x!nn.fixed<8, 4, RND, SAT>>, tensor<2x!nn.fixed<8, 4>>) {
  %c = nn.constant dense<[16, -40]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 4>>
  return %x, %c : tensor<1x4x!nn.fixed<8, 4, RND, SAT>>, tensor<2x!nn.fixed<8, 4>>
}

func.func @show(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  return %x : tensor<1x4xf32>
}
