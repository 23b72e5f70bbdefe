//===- NNShapeOps.td - constants and data movement ---------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNSHAPEOPS_TD
#define NN_DIALECT_NN_IR_NNSHAPEOPS_TD

include "nn/Dialect/NN/IR/NNBase.td"

def NN_ConstantOp : NN_Op<"constant", [ConstantLike]> {
  let summary = "weights, biases and other constant tensors";
  let description = [{
    A constant tensor. `value` is any elements attribute: `dense<...>` for
    small tensors, `dense_resource<...>` for large weights, whose bytes are
    kept as one blob (parsed, printed and copied as a whole, never element by
    element), so tensors of tens of millions of elements stay cheap.

    For a floating-point result, `value` has the result's type. For a
    fixed-point result `!nn.fixed<W, I>`, `value` holds the raw integers
    `k` (a `W`-bit signless integer tensor of the same shape) and the
    constant's elements are `k * 2^-(W - I)`; the printed form then names
    both types.

    Example:

    ```mlir
    %w = nn.constant dense<[[1.0, -2.0], [0.5, 0.25]]> : tensor<2x2xf32>
    %q = nn.constant dense<[16, -32]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 4>>
    %big = nn.constant dense_resource<conv1_weight> : tensor<64x3x7x7xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs NN_Tensor:$output);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // NN_DIALECT_NN_IR_NNSHAPEOPS_TD
