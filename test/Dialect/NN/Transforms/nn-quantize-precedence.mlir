// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="config=%S/Inputs/nn-quantize-precedence.json" | FileCheck %s
// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-precedence.json" | nn-opt --mlir-print-debuginfo=false | FileCheck %s

// Precedence LayerName > LayerType (most specific name first) > Model, per
// variable (Inputs/nn-quantize-precedence.json):
//   x      result: LayerName 'x'                       ap_fixed<12,4>
//   fc1    weight: LayerType 'Dense'                    ap_fixed<8,3>
//          bias:   LayerType 'Dense'                    ap_fixed<10,4,AP_RND,AP_SAT>
//          result, accum: Model (a string sets all)     ap_fixed<16,6>
//          ReuseFactor 3 (LayerType 'Dense'), Latency (Model): 3 divides 4*3
//   relu1  result: LayerType 'ReLU' (before 'Activation') ap_ufixed<10,4>
//   fc2    weight: LayerName 'fc2'                      ap_fixed<6,2,AP_RND>
//          bias:   LayerType 'Dense'; result: Model
//          accum auto: ap_ufixed<10,4> x ap_fixed<6,2> = ap_fixed<16,6>
//            (W 10+6, I 4+2, signed); fan-in 3: + ceil(log2 3) = 2 bits
//            = ap_fixed<18,8> (F = 10); + bias ap_fixed<10,4> (F = 6):
//            I = max(8, 4) + 1 = 9, F = max(10, 6) = 10 -> ap_fixed<19,9>
//          ReuseFactor 3, Resource (LayerName): n_in 3, n_out 2 -> valid
//   sig    result: LayerType 'Activation'               ap_ufixed<8,0,AP_RND_CONV,AP_SAT>
//          table: LayerName 'sig' ap_fixed<18,8,AP_RND,AP_SAT>, table_size 1024

// Weights, hand-quantized:
//   fc1 weight ap_fixed<8,3> (F = 5, x32, TRN = floor, WRAP):
//     0.3 -> 9.6 -> 9; -0.3 -> -9.6 -> -10; 0 -> 0; 1.0 -> 32
//     0.1 -> 3.2 -> 3; 0.2 -> 6.4 -> 6; -0.1 -> -3.2 -> -4; 3.99 -> 127.68 -> 127
//     4.5 -> 144 -> wraps to 144 - 256 = -112; -4.5 -> -144 -> 112
//     0.015625 -> 0.5 -> 0; -0.015625 -> -0.5 -> -1
//   fc1 bias ap_fixed<10,4,AP_RND,AP_SAT> (F = 6, x64, ties up, clamp
//     [-512, 511]): 0.5 -> 32; 100 -> 6400 -> 511; -0.0078125 -> -0.5 -> 0
//   fc2 weight ap_fixed<6,2,AP_RND> (F = 4, x16, WRAP to [-32, 31]):
//     0.3 -> 4.8 -> 5; -0.3 -> -4.8 -> -5; 0.53125 -> 8.5 -> 9 (tie up)
//     -0.53125 -> -8.5 -> -8 (tie up); 1.96875 -> 31.5 -> 32 -> wraps to -32
//     2.5 -> 40 -> wraps to 40 - 64 = -24
//   fc2 bias ap_fixed<10,4,AP_RND,AP_SAT>: -9 -> -576 -> -512; 0.01 -> 0.64 -> 1

// CHECK-LABEL: func.func @net(
// CHECK-SAME:      %[[X:.*]]: tensor<1x4x!nn.fixed<12, 4>>) -> tensor<1x2x!nn.ufixed<8, 0, RND_CONV, SAT>>
// CHECK-DAG:     %[[W1:.*]] = nn.constant dense<{{\[\[}}9, -10, 0, 32], [3, 6, -4, 127], [-112, 112, 0, -1]]> : tensor<3x4xi8> -> tensor<3x4x!nn.fixed<8, 3>>
// CHECK-DAG:     %[[B1:.*]] = nn.constant dense<[32, 511, 0]> : tensor<3xi10> -> tensor<3x!nn.fixed<10, 4, RND, SAT>>
// CHECK:         %[[Y1:.*]] = nn.dense %[[X]], %[[W1]], %[[B1]] {nn.accum_type = !nn.fixed<16, 6>, nn.reuse_factor = 3 : i64, nn.strategy = "latency"} : (tensor<1x4x!nn.fixed<12, 4>>, tensor<3x4x!nn.fixed<8, 3>>, tensor<3x!nn.fixed<10, 4, RND, SAT>>) -> tensor<1x3x!nn.fixed<16, 6>>
// CHECK:         %[[R1:.*]] = nn.relu %[[Y1]] : tensor<1x3x!nn.fixed<16, 6>> -> tensor<1x3x!nn.ufixed<10, 4>>
// CHECK-DAG:     %[[W2:.*]] = nn.constant dense<{{\[\[}}5, -5, 9], [-8, -32, -24]]> : tensor<2x3xi6> -> tensor<2x3x!nn.fixed<6, 2, RND>>
// CHECK-DAG:     %[[B2:.*]] = nn.constant dense<[-512, 1]> : tensor<2xi10> -> tensor<2x!nn.fixed<10, 4, RND, SAT>>
// CHECK:         %[[Y2:.*]] = nn.dense %[[R1]], %[[W2]], %[[B2]] {nn.accum_type = !nn.fixed<19, 9>, nn.reuse_factor = 3 : i64, nn.strategy = "resource"} : (tensor<1x3x!nn.ufixed<10, 4>>, tensor<2x3x!nn.fixed<6, 2, RND>>, tensor<2x!nn.fixed<10, 4, RND, SAT>>) -> tensor<1x2x!nn.fixed<16, 6>>
// CHECK:         %[[S:.*]] = nn.sigmoid %[[Y2]] {nn.table_size = 1024 : i64, nn.table_type = !nn.fixed<18, 8, RND, SAT>} : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.ufixed<8, 0, RND_CONV, SAT>>
// CHECK:         return %[[S]] : tensor<1x2x!nn.ufixed<8, 0, RND_CONV, SAT>>
// CHECK-NOT:     f32
func.func @net(%x: tensor<1x4xf32> loc("x")) -> tensor<1x2xf32> {
  %w1 = nn.constant dense<[[0.3, -0.3, 0.0, 1.0], [0.1, 0.2, -0.1, 3.99], [4.5, -4.5, 0.015625, -0.015625]]> : tensor<3x4xf32> loc("fc1.weight")
  %b1 = nn.constant dense<[0.5, 100.0, -0.0078125]> : tensor<3xf32> loc("fc1.bias")
  %y1 = nn.dense %x, %w1, %b1 : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("fc1")
  %r1 = nn.relu %y1 : tensor<1x3xf32> -> tensor<1x3xf32> loc("relu1")
  %w2 = nn.constant dense<[[0.3, -0.3, 0.53125], [-0.53125, 1.96875, 2.5]]> : tensor<2x3xf32> loc("fc2.weight")
  %b2 = nn.constant dense<[-9.0, 0.01]> : tensor<2xf32> loc("fc2.bias")
  %y2 = nn.dense %r1, %w2, %b2 : (tensor<1x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("fc2")
  %s = nn.sigmoid %y2 : tensor<1x2xf32> -> tensor<1x2xf32> loc("sig")
  return %s : tensor<1x2xf32>
}
