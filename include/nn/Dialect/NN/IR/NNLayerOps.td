//===- NNLayerOps.td - layers with weights and pooling -----*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNLAYEROPS_TD
#define NN_DIALECT_NN_IR_NNLAYEROPS_TD

include "nn/Dialect/NN/IR/NNBase.td"

def NN_DenseOp : NN_Op<"dense"> {
  let summary = "fully connected layer: y = x * W^T + b";
  let description = [{
    Multiplies the last dimension of `input` (`[..., K]`) with `weight`
    (`[M, K]`, the layout of PyTorch's `Linear` and of ONNX `Gemm` with
    `transB = 1`) and adds the optional `bias` (`[M]`):
    `output[..., m] = sum_k input[..., k] * weight[m, k] + bias[m]`.
    The result has the shape of `input` with the last dimension replaced by
    `M`. The importer maps `Gemm` (folding `alpha`, `beta` and the transposes
    into the constants) and `MatMul` followed by `Add` onto this op.

    Example:

    ```mlir
    %y = nn.dense %x, %w, %b : (tensor<1x64xf32>, tensor<32x64xf32>, tensor<32xf32>) -> tensor<1x32xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$weight,
                       Optional<NN_Tensor>:$bias);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // NN_DIALECT_NN_IR_NNLAYEROPS_TD
