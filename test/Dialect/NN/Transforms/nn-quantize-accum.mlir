// RUN: nn-opt %s --nn-quantize="config=%S/Inputs/nn-quantize-accum.json" | FileCheck %s
// RUN: nn-opt %s --nn-quantize="default-precision=ap_fixed<16,6> accum=auto" | FileCheck %s --check-prefix=OPTION

// Lossless ("auto") accumulators, computed by hand:
//   product = input x weight: W = Wx + Ww, I = Ix + Iw (signed if either is)
//   sum     = product widened by n = ceil(log2(fan-in)) bits (W and I)
//   accum   = sum + bias (nn::fx::sumFormat: F = max(F1, F2),
//             I = max(I1, I2) + 1), when there is a bias
// Model: weight ap_fixed<8,2>, bias ap_fixed<12,4>, inputs and results
// ap_fixed<16,6>.

// Grouped 2-D convolution: C = 4, group = 2, 3x3 kernel:
//   fan-in = C/group * 3 * 3 = 2 * 9 = 18, n = ceil(log2 18) = 5 (16 < 18 <= 32)
//   product <16,6> x <8,2> = <24,8>; + 5 bits = <29,13> (F = 16)
//   + bias <12,4> (F = 8): I = max(13, 4) + 1 = 14, F = 16 -> <30,14>
// The splat weight 0.1 -> 0.1 * 64 = 6.4 -> 6 (F = 6, TRN) stays a splat.
// CHECK-LABEL: func.func @conv2d_grouped(
// CHECK:         nn.constant dense<6> : tensor<6x2x3x3xi8> -> tensor<6x2x3x3x!nn.fixed<8, 2>>
// CHECK:         nn.conv {{.*}}nn.accum_type = !nn.fixed<30, 14>, nn.reuse_factor = 1 : i64, nn.strategy = "latency"
// With the options only (weight and bias ap_fixed<16,6>):
//   product <32,12>; + 5 = <37,17> (F = 20); + bias <16,6> (F = 10):
//   I = 18, F = 20 -> <38,18>
// OPTION-LABEL: func.func @conv2d_grouped(
// OPTION:         nn.conv {{.*}}nn.accum_type = !nn.fixed<38, 18>
func.func @conv2d_grouped(%x: tensor<1x4x5x5xf32> loc("x1")) -> tensor<1x6x5x5xf32> {
  %w = nn.constant dense<0.1> : tensor<6x2x3x3xf32> loc("conv.weight")
  %b = nn.constant dense<0.5> : tensor<6xf32> loc("conv.bias")
  %y = nn.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}
      : (tensor<1x4x5x5xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x5x5xf32> loc("conv")
  return %y : tensor<1x6x5x5xf32>
}

// 1-D convolution without bias: fan-in = 3 * 2 = 6, n = ceil(log2 6) = 3
//   product <16,6> x <8,2> = <24,8>; + 3 bits = <27,11>
// CHECK-LABEL: func.func @conv1d_nobias(
// CHECK:         nn.conv {{.*}}nn.accum_type = !nn.fixed<27, 11>
// OPTION-LABEL: func.func @conv1d_nobias(
// OPTION:         nn.conv {{.*}}nn.accum_type = !nn.fixed<35, 15>
func.func @conv1d_nobias(%x: tensor<1x3x8xf32> loc("x2")) -> tensor<1x4x7xf32> {
  %w = nn.constant dense<0.25> : tensor<4x3x2xf32> loc("conv1d.weight")
  %y = nn.conv %x, %w {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>}
      : (tensor<1x3x8xf32>, tensor<4x3x2xf32>) -> tensor<1x4x7xf32> loc("conv1d")
  return %y : tensor<1x4x7xf32>
}

// Unsigned input, no bias: ap_ufixed<8,0> x ap_fixed<6,1> (LayerName) =
//   signed <14,1>; K = 8: n = 3 -> <17,4>
// CHECK-LABEL: func.func @dense_unsigned_input(
// CHECK-SAME:      tensor<1x8x!nn.ufixed<8, 0>>
// CHECK:         nn.dense {{.*}}nn.accum_type = !nn.fixed<17, 4>
func.func @dense_unsigned_input(%x: tensor<1x8xf32> loc("x3")) -> tensor<1x2xf32> {
  %w = nn.constant dense<-0.5> : tensor<2x8xf32> loc("fc_nobias.weight")
  %y = nn.dense %x, %w : (tensor<1x8xf32>, tensor<2x8xf32>) -> tensor<1x2xf32> loc("fc_nobias")
  return %y : tensor<1x2xf32>
}

// Fan-in 1 adds no bits: <16,6> x <8,2> = <24,8>; + bias <12,4>:
//   I = max(8, 4) + 1 = 9, F = max(16, 8) = 16 -> <25,9>
// CHECK-LABEL: func.func @dense_fan_in_one(
// CHECK:         nn.dense {{.*}}nn.accum_type = !nn.fixed<25, 9>
func.func @dense_fan_in_one(%x: tensor<1x1xf32> loc("x4")) -> tensor<1x3xf32> {
  %w = nn.constant dense<[[1.0], [2.0], [-1.0]]> : tensor<3x1xf32> loc("fc_k1.weight")
  %b = nn.constant dense<[0.0, 1.0, 2.0]> : tensor<3xf32> loc("fc_k1.bias")
  %y = nn.dense %x, %w, %b : (tensor<1x1xf32>, tensor<3x1xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("fc_k1")
  return %y : tensor<1x3xf32>
}
