//===- NNShapeOps.td - constants and data movement ---------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNSHAPEOPS_TD
#define NN_DIALECT_NN_IR_NNSHAPEOPS_TD

include "nn/Dialect/NN/IR/NNBase.td"

def NN_ConstantOp : NN_Op<"constant",
    [NN_Hls4mlLayer<["Constant"]>, ConstantLike]> {
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

//===----------------------------------------------------------------------===//
// Data movement: every element of the result is a copy of an input element
// (or, for nn.pad, of the pad value). The element type never changes.
//===----------------------------------------------------------------------===//

def NN_ConcatOp : NN_Op<"concat",
    [NN_Hls4mlLayer<["Concatenate", "Merge"]>, NN_DataMovement]> {
  let summary = "concatenation along one axis";
  let description = [{
    ONNX `Concat`: joins one or more tensors along `axis`. All inputs have
    the same rank and the same element type as the result, and equal sizes
    in every dimension except `axis`. `axis` may be negative and is then
    counted from the end: it must lie in `[-rank, rank)`, and a negative
    value stands for `axis + rank`.

    Output shape: the common shape of the inputs, with dimension `axis`
    equal to the sum of the inputs' sizes along `axis`. The element at
    index `j` along `axis` comes from input `k` at index `j - (n_0 + ... +
    n_(k-1))`, where `n_i` is input `i`'s size along `axis` and `k` is the
    input whose range contains `j`.

    Example:

    ```mlir
    %y = nn.concat %a, %b {axis = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x16x4x4xf32>) -> tensor<1x24x4x4xf32>
    ```
  }];
  let arguments = (ins Variadic<NN_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $inputs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_ReshapeOp : NN_Op<"reshape",
    [NN_Hls4mlLayer<["Reshape"]>, NN_DataMovement]> {
  let summary = "same elements, new shape";
  let description = [{
    ONNX `Reshape`: the result has the input's elements in the same
    row-major order, under the shape given by the result type. There is no
    shape attribute: the importer resolves ONNX's `0` (copy the input
    dimension) and `-1` (infer the dimension) entries into the static result
    type. The verifier checks that input and result have the same number of
    elements and the same element type.

    Example:

    ```mlir
    %y = nn.reshape %x : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_FlattenOp : NN_Op<"flatten",
    [NN_Hls4mlLayer<["Flatten", "Reshape"]>, NN_DataMovement]> {
  let summary = "collapse into a matrix around an axis";
  let description = [{
    ONNX `Flatten`: a reshape of the input `[d_0, ..., d_(r-1)]` into the
    matrix `[d_0 * ... * d_(axis-1), d_axis * ... * d_(r-1)]` (an empty
    product is 1), elements in the same row-major order. `axis` defaults to
    1 and lies in `[-rank, rank]`; a negative value stands for
    `axis + rank`. `axis = 0` gives `[1, N]` and `axis = rank` gives `[N, 1]`
    for `N` elements.

    Example:

    ```mlir
    %y = nn.flatten %x {axis = 1 : i64} : tensor<1x16x2x2xf32> -> tensor<1x64xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizeMethod = 1;
}

def NN_TransposeOp : NN_Op<"transpose",
    [NN_Hls4mlLayer<["Transpose"]>, NN_DataMovement]> {
  let summary = "permutation of the dimensions";
  let description = [{
    ONNX `Transpose`: `perm` is a permutation of `[0, rank)` (the importer
    spells out ONNX's default, the reversed dimensions). Output dimension
    `i` is input dimension `perm[i]`:
    `output[j_0, ..., j_(r-1)] = input[k_0, ..., k_(r-1)]` with
    `k_(perm[i]) = j_i`, and the output shape is
    `[d_(perm[0]), ..., d_(perm[r-1])]`.

    Example:

    ```mlir
    %y = nn.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_PadOp : NN_Op<"pad",
    [NN_Hls4mlLayer<["ZeroPadding#D"]>, NN_DataMovement]> {
  let summary = "constant padding (or cropping) of every dimension";
  let description = [{
    ONNX `Pad` in `constant` mode. `pads` has `2 * rank` entries in ONNX
    order, all begins then all ends:
    `[b_0, ..., b_(r-1), e_0, ..., e_(r-1)]`. Output dimension `i` has size
    `d_i + b_i + e_i`, and
    `output[j] = input[j - b]` when `0 <= j_i - b_i < d_i` for every `i`,
    `value` otherwise.

    As in ONNX, pads may be negative: a negative begin or end removes that
    many elements from the start or end of the dimension (cropping). The
    verifier accepts any pads as long as every output dimension keeps at
    least one element (`d_i + b_i + e_i >= 1`).

    `value` (default 0.0) is the padding element. For a fixed-point tensor it
    must be exactly representable in the element type (the verifier checks
    it), so padding never rounds or saturates.

    Example:

    ```mlir
    %y = nn.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$pads,
                       DefaultValuedAttr<F32Attr, "0.0">:$value);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_ResizeOp : NN_Op<"resize",
    [NN_Hls4mlLayer<["Resize"]>, NN_DataMovement]> {
  let summary = "nearest-neighbour upsampling by integer factors";
  let description = [{
    Repeats every element `scales[i]` times along dimension `i`. `scales`
    has one positive integer per dimension (1 for batch and channels in
    NCHW). Output dimension `i` has size `d_i * scales[i]`, and
    `output[j_0, ..., j_(r-1)] = input[j_0 / scales[0], ..., j_(r-1) / scales[r-1]]`
    with integer (floor) division.

    Relation to ONNX `Resize` with `mode = nearest` and an integer scale
    `s`: write an output coordinate as `x = s * i + t` with `0 <= t < s`;
    the op reads input coordinate `i`. ONNX first maps `x` to a real input
    coordinate, then rounds it with `nearest_mode`:

    - `coordinate_transformation_mode = half_pixel` (the default):
      `(x + 0.5) / s - 0.5 = i + (2t + 1 - s) / (2s)`. The offset lies
      strictly inside `(-1/2, 1/2)` for every `t`, so rounding to the nearest
      integer gives `i` whichever way ties would be broken:
      `round_prefer_floor` (the default) and `round_prefer_ceil` both equal
      this op for every integer scale. (Near the border the real coordinate
      may be slightly negative; it still rounds to 0.) `pytorch_half_pixel`
      is the same mapping except for an output size of 1, where it reads
      coordinate 0, as this op does.
    - `coordinate_transformation_mode = asymmetric`: `x / s = i + t / s`.
      With `nearest_mode = floor` (what PyTorch exports for
      `Upsample(mode='nearest')`) this is `i` for every integer scale. With
      the default `round_prefer_floor` the offset `t / s` is at most `1/2`
      only when `s <= 2` (then `t / s` is 0 or exactly 1/2, a tie that rounds
      down to `i`); for `s >= 3`, `t / s > 1/2` happens and ONNX reads
      `i + 1`, so that combination is not this op.

    `align_corners` and `tf_crop_and_resize` are different mappings. The
    importer checks the modes and the scales before it creates this op.

    Example:

    ```mlir
    %y = nn.resize %x {scales = array<i64: 1, 1, 2, 2>} : tensor<1x8x4x4xf32> -> tensor<1x8x8x8xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$scales);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

def NN_ReduceMeanOp : NN_Op<"reduce_mean"> {
  let summary = "mean over some axes";
  let description = [{
    ONNX `ReduceMean` with `noop_with_empty_axes = 0`: the arithmetic mean
    of the input over the dimensions in `axes`, each in `[-rank, rank)`
    (a negative axis stands for `axis + rank`); two entries may not name the
    same dimension. An empty `axes` (the default) reduces over all
    dimensions.

    `output[j] = (1 / N) * sum over the reduced indices of input[...]`,
    where `N` is the product of the reduced dimensions' sizes. With
    `keepdims = true` (the default) each reduced dimension stays with size
    1; with `keepdims = false` it is removed (reducing every dimension then
    gives a rank-0 tensor).

    Unlike the data-movement ops, this op computes: a fixed-point result may
    have its own precision, chosen by precision typing.

    Example:

    ```mlir
    %y = nn.reduce_mean %x {axes = array<i64: 2, 3>} : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
    %z = nn.reduce_mean %x {axes = array<i64: -1, -2>, keepdims = false} : tensor<1x8x4x4xf32> -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<DenseI64ArrayAttr, "{}">:$axes,
                       DefaultValuedAttr<BoolAttr, "true">:$keepdims);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // NN_DIALECT_NN_IR_NNSHAPEOPS_TD
