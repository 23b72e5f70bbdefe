// Errors nn-quantize reports at the op (or function) they concern.
// RUN: not nn-opt %s -split-input-file --nn-quantize 2>&1 | FileCheck %s
// RUN: not nn-opt %s -split-input-file --nn-quantize="default-precision=ap_fixed<64,600> accum=auto" 2>&1 | FileCheck %s --check-prefix=WIDE

// CHECK: error: nn-quantize types nn networks only; found 'arith.constant'
func.func @foreign(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %c = arith.constant dense<1.0> : tensor<1x2xf32>
  %y = nn.add %x, %c : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32> loc("add")
  return %y : tensor<1x2xf32>
}

// -----

// CHECK: error: nn-quantize expects a function of one block
func.func @blocks(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  return %x : tensor<1x2xf32>
^unreachable:
  return %x : tensor<1x2xf32>
}

// -----

// CHECK: error: loc("half"): constant 'half': cannot read its values for quantization (dense floats or f32/f64 dense_resource blobs are read)
func.func @f16_blob(%x: tensor<2xf16> loc("x")) -> tensor<2xf16> {
  %c = nn.constant dense_resource<half> : tensor<2xf16> loc("half")
  %y = nn.add %x, %c : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16> loc("add")
  return %y : tensor<2xf16>
}

{-#
  dialect_resources: {
    builtin: {
      half: "0x02000000003C00BC"
    }
  }
#-}

// -----

// ap_fixed<64,600> x ap_fixed<64,600> = <128,1200>; fan-in 2 adds 1 bit:
// <129,1201>, and I = 1201 > 1024.
// WIDE: error: loc("fc"): layer 'fc': the auto accumulator ap_fixed<129,1201> exceeds the 1024-bit limit of !nn.fixed
func.func @wide(%x: tensor<1x2xf32> loc("x")) -> tensor<1x1xf32> {
  %w = nn.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32> loc("fc.weight")
  %y = nn.dense %x, %w : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x1xf32> loc("fc")
  return %y : tensor<1x1xf32>
}
