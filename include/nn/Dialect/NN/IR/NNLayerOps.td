//===- NNLayerOps.td - layers with weights and pooling -----*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNLAYEROPS_TD
#define NN_DIALECT_NN_IR_NNLAYEROPS_TD

include "nn/Dialect/NN/IR/NNBase.td"
include "nn/Dialect/NN/IR/NNInterfaces.td"

def NN_DenseOp : NN_Op<"dense",
    [NN_Hls4mlLayer<["Dense", "MatMul"]>, DeclareOpInterfaceMethods<NN_MultiplierOpInterface>]> {
  let summary = "fully connected layer: y = x * W^T + b";
  let description = [{
    Multiplies the last dimension of `input` (`[..., K]`) with `weight`
    (`[M, K]`, the layout of PyTorch's `Linear` and of ONNX `Gemm` with
    `transB = 1`) and adds the optional `bias` (`[M]`):
    `output[..., m] = sum_k input[..., k] * weight[m, k] + bias[m]`.
    The result has the shape of `input` with the last dimension replaced by
    `M`. The importer maps `Gemm` (folding `alpha`, `beta` and the transposes
    into the constants) and `MatMul` followed by `Add` onto this op.

    Fixed point: without `nn.accum_type`, the exact sum of the exact
    products plus the bias, cast once into the result type. With
    `nn.accum_type = A` (hls4ml's `accum_t`), per output:
    `acc = cast_A(bias[m])` (0 without bias); for `k = 0 .. K-1` in this
    order: `acc = cast_A(acc + cast_A(input[..., k] * weight[m, k]))`;
    `output = cast_R(acc)` (R the result type). Every cast applies A's
    rounding and overflow mode, so WRAP and SAT act after each addition. A
    lossless A gives the exact sum (docs/Quantization.md).

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

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

def NN_ConvOp : NN_Op<"conv",
    [NN_Hls4mlLayer<["Conv#D"]>, DeclareOpInterfaceMethods<NN_MultiplierOpInterface>]> {
  let summary = "1-D or 2-D convolution (ONNX Conv), NCHW, explicit padding";
  let description = [{
    ONNX `Conv` in NCHW layout. `input` is `[N, C, W]` (1-D) or
    `[N, C, H, W]` (2-D); other ranks are rejected. `weight` has the same
    rank, `[M, C/group, kW]` or `[M, C/group, kH, kW]`, and the optional
    `bias` is `[M]`. The input channels are split into `group` groups of
    `C/group` channels and the `M` filters into `group` groups of `M/group`
    filters; filter `m` sees only the channels of group `g = m / (M/group)`:

    ```
    output[n, m, o_1, ..., o_S] = bias[m]   (0 without bias)
        + sum_{c < C/group} sum_{j_1 < k_1, ..., j_S < k_S}
            weight[m, c, j_1, ..., j_S]
          * input[n, g*(C/group) + c, i_1, ..., i_S]
      with i_s = o_s * strides[s] + j_s * dilations[s] - pads[s]
    ```

    where a position `i_s` outside `[0, in_s)` reads 0 (zero padding).

    Fixed point: without `nn.accum_type`, the exact sum of the exact
    products plus the bias, cast once into the result type R. With
    `nn.accum_type = A` (hls4ml's `accum_t`), per output element:
    `acc = cast_A(bias[m])` (0 without bias); then for each term, in the
    order of the weight layout (input channel `c` of the group outermost,
    then the kernel rows, then the kernel columns, i.e. `j_1`, ..., `j_S`
    with `j_S` innermost): `acc = cast_A(acc + cast_A(weight * input))`;
    `output = cast_R(acc)`. Taps in the padding add nothing (adding 0 does
    not change `acc`). Every cast applies A's rounding and overflow mode, so
    WRAP and SAT act after each addition. A lossless A gives the exact sum
    (docs/Quantization.md).

    Attributes (all required; the importer turns ONNX's `auto_pad` and
    defaults into explicit values):
    - `strides`: one value > 0 per spatial dimension;
    - `pads`: `2*S` values >= 0, ONNX order: the begin pads of every
      spatial dimension, then the end pads (`[top, left, bottom, right]` in
      2-D);
    - `dilations`: one value > 0 per spatial dimension;
    - `group`: > 0, divides both `C` and `M` (default 1; `group = C = M` is
      a depthwise convolution).

    The result is `[N, M, out_1, ..., out_S]` with
    `out_s = floor((in_s + pad_begin_s + pad_end_s - dilations[s]*(k_s - 1) - 1) / strides[s]) + 1`,
    which must be at least 1.

    Example:

    ```mlir
    %y = nn.conv %x, %w, %b {dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
        : (tensor<1x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
    %z = nn.conv %x1, %dw {dilations = array<i64: 1>, group = 8 : i64, pads = array<i64: 1, 1>, strides = array<i64: 1>}
        : (tensor<1x8x20xf32>, tensor<8x1x3xf32>) -> tensor<1x8x20xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$weight,
                       Optional<NN_Tensor>:$bias,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations,
                       DefaultValuedAttr<I64Attr, "1">:$group);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def NN_BatchNormOp : NN_Op<"batch_norm",
    [NN_Hls4mlLayer<["BatchNormalization", "BatchNormOnnx"]>]> {
  let summary = "batch normalization in inference mode (ONNX BatchNormalization)";
  let description = [{
    ONNX `BatchNormalization` in inference mode (running statistics, no
    training outputs). `input` is `[N, C, ...]` (rank >= 2, channels on
    axis 1); `scale`, `bias`, `mean` and `var` are each `[C]`:

    ```
    output[n, c, ...] = scale[c] * (input[n, c, ...] - mean[c]) / sqrt(var[c] + epsilon)
                      + bias[c]
    ```

    `epsilon` (f32, default 1e-5, >= 0) is ONNX's. The result has the shape
    of `input`.

    Canonicalization folds a batch norm into the `nn.conv`, or the rank-2
    `nn.dense`, that produces its input, when that op has no other user and
    its weight, bias and the four statistics are floating-point `dense<...>`
    constants (`f[m] = scale[m] / sqrt(var[m] + epsilon)`,
    `weight'[m, ...] = weight[m, ...] * f[m]`,
    `bias'[m] = (bias[m] - mean[m]) * f[m] + bias_bn[m]`, in double, then
    rounded to the element type).

    Example:

    ```mlir
    %y = nn.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.000000e-03 : f32}
        : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$scale, NN_Tensor:$bias,
                       NN_Tensor:$mean, NN_Tensor:$var,
                       DefaultValuedAttr<F32Attr, "1e-05">:$epsilon);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $bias `,` $mean `,` $var attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def NN_LayerNormOp : NN_Op<"layer_norm",
    [NN_Hls4mlLayer<["LayerNormalization"]>]> {
  let summary = "layer normalization (ONNX LayerNormalization)";
  let description = [{
    ONNX `LayerNormalization` (opset 17; PyTorch's `nn.LayerNorm`, whose
    opset-13 export the importer recognises as one node): each slice over
    the dimensions `[axis, rank)` is normalized,

    ```
    mean = (1 / D) * sum x          (over the D elements of the slice)
    var  = (1 / D) * sum (x - mean)^2
    output = (x - mean) / sqrt(var + epsilon) * scale + bias
    ```

    `scale` and `bias` have the shape of those dimensions
    (`input.shape[axis:]`); `axis` (default -1) lies in `[-rank, rank)`;
    `epsilon` (f32, default 1e-5) is finite and >= 0. The result has the
    input's shape. The float interpreter computes in double and rounds once.

    Float only: `--nn-quantize` rewrites it into hls4ml's arithmetic (the
    mean and the variance rounded to the layer's `accum` precision, a
    reciprocal square-root table `nn.rsqrt`, then scale and bias;
    docs/Quantization.md), so no fixed-point `nn.layer_norm` exists.

    Example:

    ```mlir
    %y = nn.layer_norm %x, %scale, %bias {epsilon = 1.000000e-05 : f32}
        : (tensor<1x4x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$scale, NN_Tensor:$bias,
                       DefaultValuedAttr<I64Attr, "-1">:$axis,
                       DefaultValuedAttr<F32Attr, "1e-05">:$epsilon);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $bias attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The first normalized dimension, in [0, rank).
    int64_t getNormalizedAxis() {
      int64_t axis = getAxis();
      return axis < 0 ? axis + getInput().getType().getRank() : axis;
    }
  }];
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

def NN_MaxPoolOp : NN_Op<"max_pool",
    [NN_Hls4mlLayer<["MaxPooling#D", "Pooling#D"]>]> {
  let summary = "1-D or 2-D max pooling (ONNX MaxPool), NCHW";
  let description = [{
    ONNX `MaxPool` in NCHW layout. `input` is `[N, C, W]` (1-D) or
    `[N, C, H, W]` (2-D); other ranks are rejected. Each output element is
    the maximum of its window:

    ```
    output[n, c, o_1, ..., o_S] = max over j_1 < k_1, ..., j_S < k_S of
        input[n, c, i_1, ..., i_S],  i_s = o_s * strides[s] + j_s * dilations[s] - pads[s]
    ```

    taken only over positions inside the input: padding counts as -inf and
    never wins over an input element. (A dilated window can fall entirely on
    padding, e.g. `in = 1`, `k = 2`, `dilations = 2`, `pads = 1, 1`; its
    result is -inf, or the lowest value of a fixed-point type.)

    Attributes (`kernel_shape`, `strides`, `pads` and `dilations` required;
    the importer makes ONNX's rank-dependent defaults and `auto_pad`
    explicit): `kernel_shape`, `strides` and `dilations` have one value > 0
    per spatial dimension; `pads` has `2*S` values >= 0 (all begins, then all
    ends, ONNX order), each smaller than the kernel size of its dimension
    (the rule ONNX Runtime enforces); `ceil_mode` (default false).

    Output size per spatial dimension, with `e = dilations[s]*(k_s - 1) + 1`
    and `p = in_s + pad_begin_s + pad_end_s` (`e <= p` is required):
    `out_s = floor((p - e) / strides[s]) + 1`, or with `ceil_mode`
    `ceil((p - e) / strides[s]) + 1`, minus one if the last window would then
    start at or past `in_s + pad_begin_s` (entirely inside the end padding),
    as PyTorch does. The result is `[N, C, out_1, ..., out_S]`.

    Example:

    ```mlir
    %y = nn.max_pool %x {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
        : tensor<1x8x32x32xf32> -> tensor<1x8x16x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DenseI64ArrayAttr:$kernel_shape,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations,
                       DefaultValuedAttr<BoolAttr, "false">:$ceil_mode);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

def NN_AvgPoolOp : NN_Op<"avg_pool",
    [NN_Hls4mlLayer<["AveragePooling#D", "Pooling#D"]>]> {
  let summary = "1-D or 2-D average pooling (ONNX AveragePool), NCHW";
  let description = [{
    ONNX `AveragePool` in NCHW layout. `input` is `[N, C, W]` (1-D) or
    `[N, C, H, W]` (2-D); other ranks are rejected. Each output element is
    the sum of the input elements of its window divided by a count:

    ```
    output[n, c, o_1, ..., o_S] = (sum over j_1 < k_1, ..., j_S < k_S of
        input[n, c, i_1, ..., i_S], i_s = o_s * strides[s] + j_s - pads[s]) / count
    ```

    where positions outside the input add nothing. Without
    `count_include_pad` (the default), `count` is the number of window
    positions inside the input; with it, `count` is the number of window
    positions inside the padded input `[-pad_begin_s, in_s + pad_end_s)`
    (positions past that, which only `ceil_mode` creates, never count).
    The rules below guarantee that every window holds at least one input
    element, so `count >= 1`.

    Attributes (`kernel_shape`, `strides` and `pads` required; the importer
    makes ONNX's rank-dependent defaults and `auto_pad` explicit):
    `kernel_shape` and `strides` have one value > 0 per spatial dimension;
    `pads` has `2*S` values >= 0 (all begins, then all ends, ONNX order),
    each smaller than the kernel size of its dimension (the rule ONNX Runtime
    enforces); `ceil_mode` (default false); `count_include_pad` (default
    false).

    Output size per spatial dimension, with `p = in_s + pad_begin_s +
    pad_end_s` (`k_s <= p` is required): `out_s = floor((p - k_s) /
    strides[s]) + 1`, or with `ceil_mode` `ceil((p - k_s) / strides[s]) + 1`,
    minus one if the last window would then start at or past
    `in_s + pad_begin_s` (entirely inside the end padding), as PyTorch does.
    The result is `[N, C, out_1, ..., out_S]`.

    Example:

    ```mlir
    %y = nn.avg_pool %x {count_include_pad = true, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 2>}
        : tensor<1x4x10x!nn.fixed<16, 6>> -> tensor<1x4x5x!nn.fixed<16, 6>>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DenseI64ArrayAttr:$kernel_shape,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$pads,
                       DefaultValuedAttr<BoolAttr, "false">:$ceil_mode,
                       DefaultValuedAttr<BoolAttr, "false">:$count_include_pad);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

def NN_GlobalAvgPoolOp : NN_Op<"global_avg_pool",
    [NN_Hls4mlLayer<["GlobalAveragePooling#D", "GlobalPooling#D"]>]> {
  let summary = "mean over all spatial positions (ONNX GlobalAveragePool)";
  let description = [{
    ONNX `GlobalAveragePool`: `input` is `[N, C, d_1, ..., d_S]` (rank >= 3)
    and `output[n, c, 0, ..., 0]` is the mean of `input[n, c, ...]` over all
    `d_1 * ... * d_S` spatial positions. The result is `[N, C, 1, ..., 1]`
    (same rank as the input).

    Example:

    ```mlir
    %y = nn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64x1x1xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

def NN_GlobalMaxPoolOp : NN_Op<"global_max_pool",
    [NN_Hls4mlLayer<["GlobalMaxPooling#D", "GlobalPooling#D"]>]> {
  let summary = "maximum over all spatial positions (ONNX GlobalMaxPool)";
  let description = [{
    ONNX `GlobalMaxPool`: `input` is `[N, C, d_1, ..., d_S]` (rank >= 3) and
    `output[n, c, 0, ..., 0]` is the maximum of `input[n, c, ...]` over all
    spatial positions. The result is `[N, C, 1, ..., 1]` (same rank as the
    input).

    Example:

    ```mlir
    %y = nn.global_max_pool %x : tensor<1x64x7xf32> -> tensor<1x64x1xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Embedding (issue 13: PyTorch's nn.Embedding, exported as ONNX Gather)
//===----------------------------------------------------------------------===//

def NN_EmbeddingOp : NN_Op<"embedding", [NN_Hls4mlLayer<["Embedding"]>]> {
  let summary = "table lookup by integer indices (ONNX Gather of a constant)";
  let description = [{
    PyTorch's `nn.Embedding`, which ONNX exports as `Gather(table, indices)`
    (axis 0) with a constant `table` (`[V, D]`) and an integer graph input
    as `indices`. Each index selects a row:
    `output[i..., d] = table[clamp(floor(indices[i...]), 0, V - 1), d]`.
    The result has the shape of `indices` with `D` appended.

    Indices out of `[0, V)` are clamped (a negative index reads row 0, not
    row V + index as ONNX's Gather would): nn defines every index, so that
    no stage reads outside the table. The float interpreter reads the
    indices as integers held exactly in f32 (V <= 2^24, checked by the
    verifier); `--nn-quantize` gives them the unsigned integer type
    `!nn.ufixed<B, B, TRN, SAT>`, B the bits of V - 1, whose saturation is
    the same clamp (docs/Quantization.md).

    Example:

    ```mlir
    %y = nn.embedding %idx, %table : (tensor<1x6xf32>, tensor<10x4xf32>) -> tensor<1x6x4xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$indices, NN_Tensor:$table);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $indices `,` $table attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // NN_DIALECT_NN_IR_NNLAYEROPS_TD
