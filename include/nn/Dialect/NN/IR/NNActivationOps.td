//===- NNActivationOps.td - elementwise activations --------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNACTIVATIONOPS_TD
#define NN_DIALECT_NN_IR_NNACTIVATIONOPS_TD

include "nn/Dialect/NN/IR/NNBase.td"

// An activation maps each element on its own: the result has the input's
// shape; its element type may differ (fixed-point layers choose their own
// result precision).
class NN_ActivationOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat(traits, [SameOperandsAndResultShape])> {
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def NN_ReluOp : NN_ActivationOp<"relu"> {
  let summary = "rectified linear unit: y = max(x, 0)";
  let description = [{
    ONNX `Relu`: `output = max(input, 0)` element by element.

    Example:

    ```mlir
    %y = nn.relu %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
}

#endif // NN_DIALECT_NN_IR_NNACTIVATIONOPS_TD
