// A batch norm no conv or dense absorbs (here on the input) takes hls4ml's
// BatchNormalization arithmetic (nnet::normalize): scale' = scale /
// sqrt(var + eps) and bias' = bias - mean * scale', in double, quantized to
// the layer's `scale` and `bias` precisions; y = x * scale' + bias' exactly,
// rounded once to the result precision.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="config=%S/Inputs/nn-quantize-batch-norm.json" -o %t.mlir
// RUN: FileCheck %s < %t.mlir
//
// scale' = [2.2 / sqrt(4), 1 / sqrt(0.25)] = [1.1, 2] at ap_fixed<7,3>
// (F = 4, x16: 17.6 -> 17 (TRN), 32); bias' = [0.5 - 1 * 1.1, -1 - 0 * 2] =
// [-0.6, -1] at ap_fixed<8,3> (F = 5, x32: -19.2 -> -20, -32). The product
// <8,3> x <7,3> is <15,6>; the sum is cast to <8,3>.
// CHECK-LABEL: func.func @standalone(
// CHECK-SAME:      %[[X:.*]]: tensor<1x2x!nn.fixed<8, 3>>) -> tensor<1x2x!nn.fixed<8, 3>>
// CHECK-NEXT:    %[[S:.*]] = nn.constant dense<[17, 32]> : tensor<2xi7> -> tensor<2x!nn.fixed<7, 3>>
// CHECK-NEXT:    %[[B:.*]] = nn.constant dense<[-20, -32]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 3>>
// CHECK-NEXT:    %[[P:.*]] = nn.mul %[[X]], %[[S]] : ({{.*}}) -> tensor<1x2x!nn.fixed<15, 6>>
// CHECK-NEXT:    %[[Y:.*]] = nn.add %[[P]], %[[B]] : ({{.*}}) -> tensor<1x2x!nn.fixed<8, 3>>
// CHECK-NEXT:    return %[[Y]]
//
// On x = [1.25, 0.75]: 1.25 * 17/16 - 20/32 = 0.703125 -> <8,3> (x32: 22.5
// -> 22) = 0.6875; 0.75 * 2 - 1 = 0.5. The loop IR computes the same.
// RUN: %python -c "import struct, sys; h = \"{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }\"; h += ' ' * (117 - len(h)) + '\\n'; open(sys.argv[1], 'wb').write(b'\\x93NUMPY\\x01\\x00' + struct.pack('<H', len(h)) + h.encode() + struct.pack('<2f', 1.25, 0.75))" %t.x.npy
// RUN: nn-interp %t.mlir --input %t.x.npy --print | FileCheck %s --check-prefix=OUT
// RUN: nn-opt %t.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %t.loops.mlir --input %t.x.npy --print | FileCheck %s --check-prefix=OUT
// OUT-LABEL: output 0: 1x2x!nn.fixed<8, 3>
// OUT-NEXT: {{\[}}[0.6875, 0.5]]
func.func @standalone(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %scale = nn.constant dense<[2.2, 1.0]> : tensor<2xf32> loc("bn.scale")
  %bias = nn.constant dense<[0.5, -1.0]> : tensor<2xf32> loc("bn.bias")
  %mean = nn.constant dense<[1.0, 0.0]> : tensor<2xf32> loc("bn.mean")
  %var = nn.constant dense<[4.0, 0.25]> : tensor<2xf32> loc("bn.var")
  %y = nn.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 0.0 : f32}
      : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("bn")
  return %y : tensor<1x2xf32>
}
