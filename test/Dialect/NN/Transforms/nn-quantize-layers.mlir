// Parameters of batch norm and PReLU, constants used as data, data movement
// and table-based activations.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="config=%S/Inputs/nn-quantize-layers.json" 2>&1 | FileCheck %s

// batch_norm (LayerType 'BatchNormalization'), standalone (on the input):
// hls4ml's arithmetic, scale' = scale / sqrt(var + eps) and bias' = bias -
// mean * scale' in double, quantized to the weight (= hls4ml's `scale`)
// precision ap_fixed<8,2> (F = 6, x64) and the bias precision ap_fixed<8,4>
// (F = 4, x16), TRN:
//   scale' = [1.5 / sqrt(0.751), -0.3 / sqrt(2.001)] = [1.73090, -0.212079]
//          -> [110.78 -> 110, -13.57 -> -14]
//   bias'  = [0.1 - 3 * 1.73090, -2.5 + 0.03 * 0.212079] = [-5.09269, -2.49364]
//          -> [-81.48 -> -82, -39.90 -> -40]
// as [C, 1, 1] to broadcast over [N, C, H, W]; x * scale' is exact
// (<16,6> x <8,2> = <24,8>), + bias' is rounded once to the result <16,6>.
// prelu (LayerType 'PReLU', before 'Activation'): slope ap_fixed<4,1>
// (F = 3, x8): [0.25, -0.1] -> [2, -0.8 -> -1]; result ap_fixed<12,5>.
// The constant 'shift' is used as data by nn.add: a layer of its own, result
// from LayerName 'shift' ap_fixed<4,4> (integers): [2.7, -1.2] -> [2, -2].
// The constant 'scale2' (LayerType 'Constant', ap_fixed<6,3>, x8):
// [0.5] -> 4.
// flat (nn.flatten) keeps its input's type: the configured result is
// ignored with a warning.
// CHECK: warning: loc("flat"): layer 'flat' (nn.flatten): the configured result precision is ignored; data movement keeps its input's type ap_fixed<12,5>
// CHECK-LABEL: func.func @layers(
// CHECK-SAME:      %[[X:.*]]: tensor<1x2x2x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.ufixed<16, 0>>
// CHECK:         %[[SCALE:.*]] = nn.constant dense<{{\[}}{{\[}}[110]], {{\[}}[-14]]]> : tensor<2x1x1xi8> -> tensor<2x1x1x!nn.fixed<8, 2>>
// CHECK:         %[[BIAS:.*]] = nn.constant dense<{{\[}}{{\[}}[-82]], {{\[}}[-40]]]> : tensor<2x1x1xi8> -> tensor<2x1x1x!nn.fixed<8, 4>>
// CHECK:         %[[PROD:.*]] = nn.mul %[[X]], %[[SCALE]] : ({{.*}}) -> tensor<1x2x2x2x!nn.fixed<24, 8>>
// CHECK:         %[[BN:.*]] = nn.add %[[PROD]], %[[BIAS]] : ({{.*}}) -> tensor<1x2x2x2x!nn.fixed<16, 6>>
// CHECK:         %[[SLOPE:.*]] = nn.constant dense<[2, -1]> : tensor<2xi4> -> tensor<2x!nn.fixed<4, 1>>
// CHECK:         %[[P:.*]] = nn.prelu %[[BN]], %[[SLOPE]] : ({{.*}}) -> tensor<1x2x2x2x!nn.fixed<12, 5>>
// CHECK:         %[[F:.*]] = nn.flatten %[[P]] : tensor<1x2x2x2x!nn.fixed<12, 5>> -> tensor<1x8x!nn.fixed<12, 5>>
// CHECK:         %[[SHIFT:.*]] = nn.constant dense<[2, -2]> : tensor<2xi4> -> tensor<2x!nn.fixed<4, 4>>
// CHECK:         %[[R:.*]] = nn.reshape %[[F]] : tensor<1x8x!nn.fixed<12, 5>> -> tensor<1x2x4x!nn.fixed<12, 5>>
// CHECK:         %[[M:.*]] = nn.reduce_mean %[[R]] {axes = array<i64: 2>, keepdims = false} : tensor<1x2x4x!nn.fixed<12, 5>> -> tensor<1x2x!nn.fixed<16, 6>>
// CHECK:         %[[A:.*]] = nn.add %[[M]], %[[SHIFT]] : ({{.*}}) -> tensor<1x2x!nn.fixed<16, 6>>
// CHECK:         %[[S2:.*]] = nn.constant dense<4> : tensor<1xi6> -> tensor<1x!nn.fixed<6, 3>>
// CHECK:         %[[MUL:.*]] = nn.mul %[[A]], %[[S2]] : ({{.*}}) -> tensor<1x2x!nn.fixed<16, 6>>
// Tables: 'sm' (nn.softmax) gets the Activation table type (for both of
// its tables) and the Softmax table size; nn.tanh the Activation table type and the default table size
// (1024); nn.relu no table.
// CHECK:         %[[T:.*]] = nn.tanh %[[MUL]] {nn.table_size = 1024 : i64, nn.table_type = !nn.ufixed<18, 2>} : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>>
// CHECK:         %[[RL:.*]] = nn.relu %[[T]] : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>>
// CHECK:         %[[SM:.*]] = nn.softmax %[[RL]] {axis = 1 : i64, exp_table_type = !nn.ufixed<18, 2>, inv_table_type = !nn.ufixed<18, 2>, nn.table_size = 2048 : i64, nn.table_type = !nn.ufixed<18, 2>} : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.ufixed<16, 0>>
// CHECK:         return %[[SM]]
// CHECK-NOT:     f32>
func.func @layers(%x: tensor<1x2x2x2xf32> loc("x")) -> tensor<1x2xf32> {
  %scale = nn.constant dense<[1.5, -0.3]> : tensor<2xf32> loc("bn.scale")
  %bias = nn.constant dense<[0.1, -2.5]> : tensor<2xf32> loc("bn.bias")
  %mean = nn.constant dense<[3.0, 0.03]> : tensor<2xf32> loc("bn.mean")
  %var = nn.constant dense<[0.75, 2.0]> : tensor<2xf32> loc("bn.var")
  %bn = nn.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-3 : f32}
      : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32> loc("bn")
  %slope = nn.constant dense<[0.25, -0.1]> : tensor<2xf32> loc("prelu.slope")
  %p = nn.prelu %bn, %slope : (tensor<1x2x2x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32> loc("prelu")
  %f = nn.flatten %p : tensor<1x2x2x2xf32> -> tensor<1x8xf32> loc("flat")
  %shift = nn.constant dense<[2.7, -1.2]> : tensor<2xf32> loc("shift")
  %r = nn.reshape %f : tensor<1x8xf32> -> tensor<1x2x4xf32> loc("reshape")
  %m = nn.reduce_mean %r {axes = array<i64: 2>, keepdims = false} : tensor<1x2x4xf32> -> tensor<1x2xf32> loc("mean")
  %a = nn.add %m, %shift : (tensor<1x2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("add")
  %s2 = nn.constant dense<0.5> : tensor<1xf32> loc("scale2")
  %mul = nn.mul %a, %s2 : (tensor<1x2xf32>, tensor<1xf32>) -> tensor<1x2xf32> loc("mul")
  %t = nn.tanh %mul : tensor<1x2xf32> -> tensor<1x2xf32> loc("tanh")
  %rl = nn.relu %t : tensor<1x2xf32> -> tensor<1x2xf32> loc("relu")
  %sm = nn.softmax %rl {axis = 1 : i64} : tensor<1x2xf32> -> tensor<1x2xf32> loc("sm")
  return %sm : tensor<1x2xf32>
}
