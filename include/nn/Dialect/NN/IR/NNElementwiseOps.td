//===- NNElementwiseOps.td - broadcasting binary ops -------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNELEMENTWISEOPS_TD
#define NN_DIALECT_NN_IR_NNELEMENTWISEOPS_TD

include "nn/Dialect/NN/IR/NNBase.td"

// A binary op with numpy (ONNX multidirectional) broadcasting: the result
// shape must be the broadcast of the two operand shapes.
class NN_BroadcastBinaryOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, traits> {
  let arguments = (ins NN_Tensor:$lhs, NN_Tensor:$rhs);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::nn::verifyBroadcastResult(getOperation());
    }
  }];
}

def NN_AddOp : NN_BroadcastBinaryOp<"add",
    [NN_Hls4mlLayer<["Add", "Merge"]>, Commutative]> {
  let summary = "elementwise sum with broadcasting";
  let description = [{
    ONNX `Add`: `output = lhs + rhs` element by element, with numpy
    (multidirectional) broadcasting: the shapes are aligned on their last
    dimension, the shorter one is padded with leading 1s, and each pair of
    dimensions must be equal or contain a 1; the result shape is the
    dimension-wise maximum. Residual connections and the bias of
    `MatMul`-based layers are adds.

    Floating point: IEEE addition in the element type. Fixed point: the exact
    sum (operands may have different precisions), quantized to the result
    type with its rounding and overflow modes.

    Example:

    ```mlir
    %y = nn.add %a, %b : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
}

def NN_SubOp : NN_BroadcastBinaryOp<"sub",
    [NN_Hls4mlLayer<["Subtract", "Merge"]>]> {
  let summary = "elementwise difference with broadcasting";
  let description = [{
    ONNX `Sub`: `output = lhs - rhs` element by element, with numpy
    (multidirectional) broadcasting as for `nn.add`: the result shape is the
    broadcast of the operand shapes.

    Floating point: IEEE subtraction in the element type. Fixed point: the
    exact difference, quantized to the result type with its rounding and
    overflow modes.

    Example:

    ```mlir
    %y = nn.sub %a, %b : (tensor<1x3x8x8xf32>, tensor<3x1x1xf32>) -> tensor<1x3x8x8xf32>
    ```
  }];
}

def NN_MulOp : NN_BroadcastBinaryOp<"mul",
    [NN_Hls4mlLayer<["Multiply", "Merge"]>, Commutative]> {
  let summary = "elementwise product with broadcasting";
  let description = [{
    ONNX `Mul`: `output = lhs * rhs` element by element, with numpy
    (multidirectional) broadcasting as for `nn.add`: the result shape is the
    broadcast of the operand shapes.

    Floating point: IEEE multiplication in the element type. Fixed point: the
    exact (full-precision) product, quantized to the result type with its
    rounding and overflow modes.

    Example:

    ```mlir
    %y = nn.mul %a, %b : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
}

def NN_DivOp : NN_BroadcastBinaryOp<"div", [NN_Hls4mlLayer<["Merge"]>]> {
  let summary = "elementwise quotient with broadcasting";
  let description = [{
    ONNX `Div`: `output = lhs / rhs` element by element, with numpy
    (multidirectional) broadcasting as for `nn.add`: the result shape is the
    broadcast of the operand shapes.

    Floating point: IEEE division in the element type (so `x / 0` is a
    signed infinity for `x != 0` and `0 / 0` is NaN). Fixed point: the exact
    (rational) quotient, quantized to the result type with its rounding and
    overflow modes; a zero divisor has no quotient and the result of such an
    element is unspecified.

    Example:

    ```mlir
    %y = nn.div %a, %b : (tensor<1x3x8x8xf32>, tensor<3x1x1xf32>) -> tensor<1x3x8x8xf32>
    ```
  }];
}

def NN_MaxOp : NN_BroadcastBinaryOp<"max",
    [NN_Hls4mlLayer<["Maximum", "Merge"]>, Commutative]> {
  let summary = "elementwise maximum of two tensors with broadcasting";
  let description = [{
    ONNX `Max` restricted to two operands: `output = max(lhs, rhs)` element
    by element, with numpy (multidirectional) broadcasting as for `nn.add`:
    the result shape is the broadcast of the operand shapes. ONNX `Max` is
    variadic; the importer chains a `Max` of n inputs into n - 1 `nn.max`
    ops.

    Floating point: if either operand is NaN the result is NaN (as in ONNX
    Runtime and `numpy.maximum`); `max(-0.0, +0.0)` may be either zero.
    Fixed point: the larger of the exact operand values, quantized to the
    result type with its rounding and overflow modes.

    Example:

    ```mlir
    %y = nn.max %a, %b : (tensor<1x16xf32>, tensor<1x1xf32>) -> tensor<1x16xf32>
    ```
  }];
}

def NN_MinOp : NN_BroadcastBinaryOp<"min",
    [NN_Hls4mlLayer<["Minimum", "Merge"]>, Commutative]> {
  let summary = "elementwise minimum of two tensors with broadcasting";
  let description = [{
    ONNX `Min` restricted to two operands: `output = min(lhs, rhs)` element
    by element, with numpy (multidirectional) broadcasting as for `nn.add`:
    the result shape is the broadcast of the operand shapes. ONNX `Min` is
    variadic; the importer chains a `Min` of n inputs into n - 1 `nn.min`
    ops.

    Floating point: if either operand is NaN the result is NaN (as in ONNX
    Runtime and `numpy.minimum`); `min(-0.0, +0.0)` may be either zero.
    Fixed point: the smaller of the exact operand values, quantized to the
    result type with its rounding and overflow modes.

    Example:

    ```mlir
    %y = nn.min %a, %b : (tensor<1x16xf32>, tensor<1x1xf32>) -> tensor<1x16xf32>
    ```
  }];
}

#endif // NN_DIALECT_NN_IR_NNELEMENTWISEOPS_TD
