// nn-interp on fixed-point ops that read a lookup table or an accumulator
// type (nn/Support/ActivationTables.h, nn/Support/Accumulator.h); values
// worked out by hand.
//
// x-1x4-f8.npy holds [0.1, 1e40, -2, 3]; in fixed<8,4,RND,SAT> (LSB 1/16)
// that is [0.125, 7.9375, -2, 3], raws [2, 127, -32, 48].
// RUN: nn-interp %s --entry sigmoid --input %S/Inputs/x-1x4-f8.npy --print | FileCheck %s --check-prefix=SIG
// RUN: nn-interp %s --entry dense --input %S/Inputs/x-1x4-f8.npy --print | FileCheck %s --check-prefix=DENSE
// RUN: nn-interp %s --entry tables --input %S/Inputs/x-1x4-f8.npy --print | FileCheck %s --check-prefix=TABLES

// Sigmoid, 4 entries over [-8, 8) at x = -8, -4, 0, 4, in fixed<8,1>
// (LSB 1/128, TRN): [0, 2, 64, 125]. index = floor((raw + 128) / 64):
// [2, 3, 1, 2] -> [64, 125, 2, 64] / 128.
// SIG: {{^}}{{\[\[}}0.5, 0.9765625, 0.015625, 0.5]]{{$}}
func.func @sigmoid(%x: tensor<1x4x!nn.fixed<8, 4, RND, SAT>>)
    -> tensor<1x4x!nn.fixed<8, 1>> {
  %y = nn.sigmoid %x {nn.table_size = 4 : i64, nn.table_type = !nn.fixed<8, 1>}
      : tensor<1x4x!nn.fixed<8, 4, RND, SAT>> -> tensor<1x4x!nn.fixed<8, 1>>
  return %y : tensor<1x4x!nn.fixed<8, 1>>
}

// Dense with w = [1, 1, 1, 1] and a wrapping accumulator fixed<8,4>
// ([-8, 8), LSB 1/16): 0.125; + 7.9375 = 8.0625 wraps to -7.9375;
// + -2 = -9.9375 wraps to 6.0625; + 3 = 9.0625 wraps to -6.9375. The exact
// sum would be 9.0625.
// DENSE: {{^}}{{\[\[}}-6.9375]]{{$}}
func.func @dense(%x: tensor<1x4x!nn.fixed<8, 4, RND, SAT>>)
    -> tensor<1x1x!nn.fixed<16, 8>> {
  %w = nn.constant dense<16> : tensor<1x4xi8> -> tensor<1x4x!nn.fixed<8, 4>>
  %y = nn.dense %x, %w {nn.accum_type = !nn.fixed<8, 4>}
      : (tensor<1x4x!nn.fixed<8, 4, RND, SAT>>, tensor<1x4x!nn.fixed<8, 4>>)
      -> tensor<1x1x!nn.fixed<16, 8>>
  return %y : tensor<1x1x!nn.fixed<16, 8>>
}

// Tables are built once per process and kept by their parameters: three
// sigmoids of the same input, the first and the last with @sigmoid's table
// (read twice), the middle one with 4 entries of fixed<6,1> (LSB 1/32, TRN):
// [0, 0, 16, 31], index as above [2, 3, 1, 2] -> [16, 31, 0, 16] / 32. A
// table kept under the wrong parameters would repeat @sigmoid's values.
// TABLES:      output 0: 1x4x!nn.fixed<8, 1>
// TABLES-NEXT: {{^}}{{\[\[}}0.5, 0.9765625, 0.015625, 0.5]]{{$}}
// TABLES-NEXT: output 1: 1x4x!nn.fixed<8, 1>
// TABLES-NEXT: {{^}}{{\[\[}}0.5, 0.96875, 0, 0.5]]{{$}}
// TABLES-NEXT: output 2: 1x4x!nn.fixed<8, 1>
// TABLES-NEXT: {{^}}{{\[\[}}0.5, 0.9765625, 0.015625, 0.5]]{{$}}
func.func @tables(%x: tensor<1x4x!nn.fixed<8, 4, RND, SAT>>)
    -> (tensor<1x4x!nn.fixed<8, 1>>, tensor<1x4x!nn.fixed<8, 1>>,
        tensor<1x4x!nn.fixed<8, 1>>) {
  %a = nn.sigmoid %x {nn.table_size = 4 : i64, nn.table_type = !nn.fixed<8, 1>}
      : tensor<1x4x!nn.fixed<8, 4, RND, SAT>> -> tensor<1x4x!nn.fixed<8, 1>>
  %b = nn.sigmoid %x {nn.table_size = 4 : i64, nn.table_type = !nn.fixed<6, 1>}
      : tensor<1x4x!nn.fixed<8, 4, RND, SAT>> -> tensor<1x4x!nn.fixed<8, 1>>
  %c = nn.sigmoid %x {nn.table_size = 4 : i64, nn.table_type = !nn.fixed<8, 1>}
      : tensor<1x4x!nn.fixed<8, 4, RND, SAT>> -> tensor<1x4x!nn.fixed<8, 1>>
  return %a, %b, %c : tensor<1x4x!nn.fixed<8, 1>>, tensor<1x4x!nn.fixed<8, 1>>,
                      tensor<1x4x!nn.fixed<8, 1>>
}
