//===- NNRecurrentOps.td - RNN, GRU and LSTM layers --------*- tablegen -*-===//
//
// Three ops sharing one class (not one op with a cell-kind attribute): hls4ml
// configurations address SimpleRNN, GRU and LSTM by their own layer type,
// and NN_Hls4mlLayer names the types per op class.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNRECURRENTOPS_TD
#define NN_DIALECT_NN_IR_NNRECURRENTOPS_TD

include "nn/Dialect/NN/IR/NNBase.td"
include "nn/Dialect/NN/IR/NNInterfaces.td"

// A forward recurrent layer in ONNX's layout 0, with ONNX's parameter
// layout (the num_directions dimension of size 1 dropped):
//   input  [T, B, I]     (sequence, batch, features)
//   weight [G*H, I]      (the gates' input weights, ONNX W)
//   recurrence [G*H, H]  (the gates' recurrent weights, ONNX R)
//   bias   [2*G*H]       (ONNX B: the input biases, then the recurrent ones)
// with G gates and hidden size H. The initial state is zero. The result is
// ONNX's Y, [T, 1, B, H], with `return_sequences` (hls4ml's name), and
// ONNX's Y_h, [1, B, H], without.
class NN_RecurrentOp<string mnemonic, list<string> hls4mlTypes, int gates,
                     dag extraAttrs = (ins)>
    : NN_Op<mnemonic, [NN_Hls4mlLayer<hls4mlTypes>]> {
  let arguments = !con((ins NN_Tensor:$input, NN_Tensor:$weight,
                            NN_Tensor:$recurrence, NN_Tensor:$bias,
                            DefaultValuedAttr<BoolAttr, "false">:$return_sequences),
                       extraAttrs);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight `,` $recurrence `,` $bias attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The number of gates: blocks of H rows in weight and recurrence.
    static constexpr int64_t kGates = }] # gates # [{;
  }];
}

def NN_RnnOp : NN_RecurrentOp<"rnn", ["SimpleRNN"], 1> {
  let summary = "simple recurrent layer (ONNX RNN, activation Tanh)";
  let description = [{
    Per time step t, with the previous state `H` (zero at t = 0) and the
    step's input `x = input[t]`:
    `H = tanh(x W^T + H R^T + Wb + Rb)`. Operand layout and result shapes:
    see the class comment in NNRecurrentOps.td (ONNX RNN, layout 0, forward,
    default activation). The float interpreter computes in double and
    rounds each result once.

    Float only for now: `--nn-quantize` rejects it naming the layer.

    ```mlir
    %y = nn.rnn %x, %w, %r, %b : (tensor<6x1x4xf32>, tensor<8x4xf32>,
        tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
    ```
  }];
}

def NN_GruOp : NN_RecurrentOp<"gru", ["GRU"], 3,
    (ins DefaultValuedAttr<BoolAttr, "false">:$linear_before_reset)> {
  let summary = "gated recurrent unit (ONNX GRU, gates z, r, h)";
  let description = [{
    ONNX GRU with the default activations (Sigmoid, Tanh); the gate blocks
    of `weight`, `recurrence` and `bias` are in ONNX's order z, r, h. Per
    step: `z = sigmoid(x Wz^T + H Rz^T + Wbz + Rbz)`, `r` likewise,
    `h = tanh(x Wh^T + (r * H) Rh^T + Rbh + Wbh)`, or with
    `linear_before_reset` (PyTorch's form)
    `h = tanh(x Wh^T + r * (H Rh^T + Rbh) + Wbh)`; then
    `H = (1 - z) * h + z * H`.

    Float only for now: `--nn-quantize` rejects it naming the layer.
  }];
}

def NN_LstmOp : NN_RecurrentOp<"lstm", ["LSTM"], 4> {
  let summary = "long short-term memory (ONNX LSTM, gates i, o, f, c)";
  let description = [{
    ONNX LSTM with the default activations (Sigmoid, Tanh, Tanh), no
    peepholes; the gate blocks are in ONNX's order i, o, f, c. Per step,
    with the cell state `C` (zero at t = 0): `i = sigmoid(x Wi^T + H Ri^T +
    Wbi + Rbi)`, `o` and `f` likewise, `c = tanh(...)`, `C = f * C + i * c`,
    `H = o * tanh(C)`. The result is H (ONNX Y or Y_h), not C.

    Float only for now: `--nn-quantize` rejects it naming the layer.
  }];
}

#endif // NN_DIALECT_NN_IR_NNRECURRENTOPS_TD
