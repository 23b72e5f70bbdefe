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

def NN_AddOp : NN_BroadcastBinaryOp<"add", [Commutative]> {
  let summary = "elementwise sum with broadcasting";
  let description = [{
    ONNX `Add`: `output = lhs + rhs`, with numpy broadcasting. Residual
    connections and the bias of `MatMul`-based layers are adds.

    Example:

    ```mlir
    %y = nn.add %a, %b : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
}

#endif // NN_DIALECT_NN_IR_NNELEMENTWISEOPS_TD
