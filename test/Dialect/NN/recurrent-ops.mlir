// Round trip of nn.rnn, nn.gru and nn.lstm: custom form, then generic form
// back to custom.
// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s --mlir-print-op-generic | nn-opt | FileCheck %s

// CHECK-LABEL: func.func @recurrent
// CHECK: nn.rnn %{{.*}} : (tensor<6x1x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
// CHECK: nn.gru %{{.*}} {linear_before_reset = true, return_sequences = true} : (tensor<6x1x4xf32>, tensor<24x4xf32>, tensor<24x8xf32>, tensor<48xf32>) -> tensor<6x1x1x8xf32>
// CHECK: nn.lstm %{{.*}} : (tensor<6x2x4xf32>, tensor<32x4xf32>, tensor<32x8xf32>, tensor<64xf32>) -> tensor<1x2x8xf32>
func.func @recurrent(%x: tensor<6x1x4xf32>, %x2: tensor<6x2x4xf32>,
    %w1: tensor<8x4xf32>, %r1: tensor<8x8xf32>, %b1: tensor<16xf32>,
    %w3: tensor<24x4xf32>, %r3: tensor<24x8xf32>, %b3: tensor<48xf32>,
    %w4: tensor<32x4xf32>, %r4: tensor<32x8xf32>, %b4: tensor<64xf32>)
    -> (tensor<1x1x8xf32>, tensor<6x1x1x8xf32>, tensor<1x2x8xf32>) {
  %0 = nn.rnn %x, %w1, %r1, %b1 : (tensor<6x1x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
  %1 = nn.gru %x, %w3, %r3, %b3 {linear_before_reset = true, return_sequences = true} : (tensor<6x1x4xf32>, tensor<24x4xf32>, tensor<24x8xf32>, tensor<48xf32>) -> tensor<6x1x1x8xf32>
  %2 = nn.lstm %x2, %w4, %r4, %b4 : (tensor<6x2x4xf32>, tensor<32x4xf32>, tensor<32x8xf32>, tensor<64xf32>) -> tensor<1x2x8xf32>
  return %0, %1, %2 : tensor<1x1x8xf32>, tensor<6x1x1x8xf32>, tensor<1x2x8xf32>
}
