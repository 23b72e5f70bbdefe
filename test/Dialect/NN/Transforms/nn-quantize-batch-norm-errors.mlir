// Standalone batch norms nn-quantize cannot type as hls4ml's
// BatchNormalization: each an error naming the layer.
// RUN: not nn-opt %s -split-input-file --nn-quantize 2>&1 | FileCheck %s
// RUN: not nn-opt %s -split-input-file --nn-quantize="default-precision=ap_fixed<40,10>" 2>&1 | FileCheck %s --check-prefix=WIDE

// Statistics that are not constants (here an argument) cannot be folded
// into one scale and bias.
// CHECK: error: loc("bn"): layer 'bn' (nn.batch_norm): its scale, bias, mean and var must be float constants to be quantized (hls4ml's BatchNormalization folds them into one scale and one bias)
func.func @runtime_scale(%x: tensor<1x2xf32> loc("x"), %scale: tensor<2xf32> loc("s")) -> tensor<1x2xf32> {
  %c = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> loc("bn.c")
  %y = nn.batch_norm %x, %scale, %c, %c, %c : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("bn")
  return %y : tensor<1x2xf32>
}

// -----

// A batch norm of a constant.
// CHECK: error: loc("bn"): layer 'bn' (nn.batch_norm): its input is a float constant, not a layer's fixed-point result; nn quantizes batch norms of layers only
func.func @constant_input(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %k = nn.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32> loc("k")
  %c = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> loc("bn.c")
  %y = nn.batch_norm %k, %c, %c, %c, %c : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("bn")
  %z = nn.add %x, %y : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32> loc("add")
  return %z : tensor<1x2xf32>
}

// -----

// The exact product of a <40,10> input and a <40,10> scale has 80 bits.
// WIDE: error: loc("bn"): layer 'bn' (nn.batch_norm): the exact product of its input (ap_fixed<40,10>) and its scale (ap_fixed<40,10>) needs 80 bits, more than 64; give the layer a narrower scale precision or its input a narrower type
func.func @wide(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %c = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> loc("bn.c")
  %y = nn.batch_norm %x, %c, %c, %c, %c : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("bn")
  return %y : tensor<1x2xf32>
}

// -----

// var + eps < 0 in channel 1: the factor has no value (canonicalization
// leaves such a batch norm unfolded, for this error).
// CHECK: error: loc("bn"): layer 'bn' (nn.batch_norm): channel 1: scale / sqrt(var + epsilon) (scale 1.000000e+00, var -1.000000e+00, epsilon 1.000000e-03) or bias - mean times it is no finite number; a batch norm needs var + epsilon > 0 and finite statistics
func.func @negative_var(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %c = nn.constant dense<[1.0, 1.0]> : tensor<2xf32> loc("bn.c")
  %v = nn.constant dense<[1.0, -1.0]> : tensor<2xf32> loc("bn.v")
  %y = nn.batch_norm %x, %c, %c, %c, %v {epsilon = 1.0e-3 : f32} : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("bn")
  return %y : tensor<1x2xf32>
}
