//===- NNActivationOps.td - elementwise activations --------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNACTIVATIONOPS_TD
#define NN_DIALECT_NN_IR_NNACTIVATIONOPS_TD

include "nn/Dialect/NN/IR/NNBase.td"

// An activation maps each element on its own: the result has the input's
// shape; its element type may differ (fixed-point layers choose their own
// result precision).
//
// Fixed point: the piecewise-polynomial and rational activations (relu,
// leaky_relu, prelu, thresholded_relu, clip, hard_sigmoid, hard_swish,
// softsign) give the exact value of their formula at the input, quantized
// to the result type with that type's rounding and overflow modes; float
// attributes (alpha, beta, ...) take part with the exact value of their
// f32. The transcendental
// ones (elu, selu, sigmoid, tanh, softplus, gelu, softmax) cannot be computed
// exactly: their fixed-point result approximates the function through a
// lookup table that the lowering defines, not the op.
//
// Attribute domains: ONNX restricts none of the float attributes of these
// activations (alpha of LeakyRelu may be negative or above 1, Clip's bounds
// may cross, ...), so neither do we; only the softmax axis has a domain.
class NN_ActivationOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat(traits, [SameOperandsAndResultShape])> {
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def NN_ReluOp : NN_ActivationOp<"relu",
    [NN_Hls4mlLayer<["ReLU", "Activation"]>]> {
  let summary = "rectified linear unit: y = max(x, 0)";
  let description = [{
    ONNX `Relu`: `output = max(input, 0)` element by element. The result has
    the input's shape. A NaN input gives NaN (as in ONNX Runtime).

    Fixed point: the exact value, quantized to the result type.

    Example:

    ```mlir
    %y = nn.relu %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
}

def NN_LeakyReluOp : NN_ActivationOp<"leaky_relu",
    [NN_Hls4mlLayer<["LeakyReLU", "Activation"]>]> {
  let summary = "leaky rectified linear unit: y = x >= 0 ? x : alpha * x";
  let description = [{
    ONNX `LeakyRelu`: element by element,
    `output = input` where `input >= 0` and `output = alpha * input`
    otherwise. `alpha` defaults to 0.01 and may be any float (ONNX puts no
    bound on it; a value above 1 or below 0 is legal). The result has the
    input's shape.

    Fixed point: the exact value (`alpha` with the exact value of its f32),
    quantized to the result type.

    Example:

    ```mlir
    %y = nn.leaky_relu %x {alpha = 1.000000e-01 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<F32Attr, "0.01">:$alpha);
}

def NN_EluOp : NN_ActivationOp<"elu",
    [NN_Hls4mlLayer<["ELU", "Activation"]>, NN_TableActivation]> {
  let summary = "exponential linear unit: y = x > 0 ? x : alpha * (exp(x) - 1)";
  let description = [{
    ONNX `Elu`: element by element, `output = input` where `input > 0` and
    `output = alpha * (exp(input) - 1)` otherwise (both branches give 0 at
    0). `alpha` defaults to 1.0 and may be any float. The result has the
    input's shape.

    Fixed point: an approximation in the result type through a lookup table
    that the lowering defines.

    Example:

    ```mlir
    %y = nn.elu %x {alpha = 5.000000e-01 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<F32Attr, "1.0">:$alpha);
}

def NN_SeluOp : NN_ActivationOp<"selu",
    [NN_Hls4mlLayer<["Activation"]>, NN_TableActivation]> {
  let summary = "scaled exponential linear unit";
  let description = [{
    ONNX `Selu`: element by element,
    `output = gamma * input` where `input > 0` and
    `output = gamma * (alpha * exp(input) - alpha)` otherwise.
    The defaults are ONNX's (the f32 values of the constants of Klambauer et
    al.): `alpha = 1.67326319217681884765625`,
    `gamma = 1.05070102214813232421875`; both may be any float. The result
    has the input's shape.

    Fixed point: an approximation in the result type through a lookup table
    that the lowering defines.

    Example:

    ```mlir
    %y = nn.selu %x : tensor<1x16xf32> -> tensor<1x16xf32>
    %z = nn.selu %x {alpha = 2.000000e+00 : f32, gamma = 1.500000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
      DefaultValuedAttr<F32Attr, "1.67326319217681884765625">:$alpha,
      DefaultValuedAttr<F32Attr, "1.05070102214813232421875">:$gamma);
}

def NN_ThresholdedReluOp : NN_ActivationOp<"thresholded_relu",
    [NN_Hls4mlLayer<["ThresholdedReLU", "Activation"]>]> {
  let summary = "thresholded rectified linear unit: y = x > alpha ? x : 0";
  let description = [{
    ONNX `ThresholdedRelu`: element by element, `output = input` where
    `input > alpha` (strictly) and `output = 0` otherwise. `alpha` defaults
    to 1.0 and may be any float. The result has the input's shape.

    Fixed point: the comparison uses the exact values of `input` and of the
    f32 `alpha`; the passed value is quantized to the result type.

    Example:

    ```mlir
    %y = nn.thresholded_relu %x {alpha = 2.000000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<F32Attr, "1.0">:$alpha);
}

def NN_PReluOp : NN_Op<"prelu", [NN_Hls4mlLayer<["PReLU", "Activation"]>]> {
  let summary = "parametric rectified linear unit: y = x >= 0 ? x : slope * x";
  let description = [{
    ONNX `PRelu`: `output = input` where `input >= 0` and
    `output = slope * input` otherwise, where `slope` is broadcast
    unidirectionally to the shape of `input` (numpy rules: the shapes are
    aligned on their last dimension; `slope` may have fewer dimensions than
    `input` but not more, and each of its dimensions equals the aligned
    dimension of `input` or is 1). PyTorch's `nn.PReLU(C)` on an NCHW input
    exports a slope of shape `[C, 1, 1]`; a single shared slope is `[1]`.
    The result has the shape of `input`.

    Fixed point: `slope * input` is the exact product, quantized (like the
    positive branch) to the result type.

    Example:

    ```mlir
    %y = nn.prelu %x, %slope : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$slope);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $slope attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def NN_ClipOp : NN_ActivationOp<"clip", [NN_Hls4mlLayer<["Activation"]>]> {
  let summary = "clamp to [min, max]: y = min(max(x, min), max)";
  let description = [{
    ONNX `Clip` (opset 11 and later, with constant `min`/`max` inputs, which
    the importer turns into these attributes; opset 6's attributes map
    directly): element by element, `output = min(max(input, min), max)`.
    An absent `min` or `max` leaves that side unbounded. ONNX defines the
    case `min > max` (every element becomes `max`, which is what the formula
    gives), so the bounds are not required to be ordered. `nn.clip` with
    `min = 0` and `max = 6` is ReLU6. The result has the input's shape.

    Fixed point: the bounds take part with the exact values of their f32;
    the clamped value is quantized to the result type.

    Example:

    ```mlir
    %y = nn.clip %x {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, OptionalAttr<F32Attr>:$min,
                       OptionalAttr<F32Attr>:$max);
}

def NN_SigmoidOp : NN_ActivationOp<"sigmoid",
    [NN_Hls4mlLayer<["Activation"]>, NN_TableActivation]> {
  let summary = "logistic sigmoid: y = 1 / (1 + exp(-x))";
  let description = [{
    ONNX `Sigmoid`: `output = 1 / (1 + exp(-input))` element by element. The
    result has the input's shape.

    Fixed point: an approximation in the result type through a lookup table
    that the lowering defines.

    Example:

    ```mlir
    %y = nn.sigmoid %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
}

def NN_TanhOp : NN_ActivationOp<"tanh",
    [NN_Hls4mlLayer<["Activation"]>, NN_TableActivation]> {
  let summary = "hyperbolic tangent: y = tanh(x)";
  let description = [{
    ONNX `Tanh`: `output = tanh(input)` element by element. The result has
    the input's shape.

    Fixed point: an approximation in the result type through a lookup table
    that the lowering defines.

    Example:

    ```mlir
    %y = nn.tanh %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
}

def NN_SoftplusOp : NN_ActivationOp<"softplus",
    [NN_Hls4mlLayer<["Activation"]>, NN_TableActivation]> {
  let summary = "softplus: y = log(1 + exp(x))";
  let description = [{
    ONNX `Softplus`: `output = ln(1 + exp(input))` element by element
    (natural logarithm). The result has the input's shape.

    Fixed point: an approximation in the result type through a lookup table
    that the lowering defines.

    Example:

    ```mlir
    %y = nn.softplus %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
}

def NN_SoftsignOp : NN_ActivationOp<"softsign",
    [NN_Hls4mlLayer<["Activation"]>, NN_TableActivation]> {
  let summary = "softsign: y = x / (1 + |x|)";
  let description = [{
    ONNX `Softsign`: `output = input / (1 + abs(input))` element by element.
    The result has the input's shape.

    Fixed point: hls4ml's lookup table of `x / (1 + |x|)` over [-8, 8)
    (`nn.table_size` entries of `nn.table_type`, nn/Support/
    ActivationTables.h), its entry cast to the result type: no divider in
    hardware, and beyond the range the end entries.

    Example:

    ```mlir
    %y = nn.softsign %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
}

def NN_HardSigmoidOp : NN_ActivationOp<"hard_sigmoid",
    [NN_Hls4mlLayer<["HardActivation", "Activation"]>]> {
  let summary = "hard sigmoid: y = max(0, min(1, alpha * x + beta))";
  let description = [{
    ONNX `HardSigmoid`: `output = max(0, min(1, alpha * input + beta))`
    element by element. `alpha` defaults to 0.2 and `beta` to 0.5 (ONNX's
    defaults; PyTorch's `Hardsigmoid` exports `alpha = 1/6`); both may be any
    float. The result has the input's shape.

    Fixed point: the exact value (`alpha` and `beta` with the exact values of
    their f32), quantized to the result type.

    Example:

    ```mlir
    %y = nn.hard_sigmoid %x {alpha = 0.166666672 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<F32Attr, "0.2">:$alpha,
                       DefaultValuedAttr<F32Attr, "0.5">:$beta);
}

def NN_HardSwishOp : NN_ActivationOp<"hard_swish",
    [NN_Hls4mlLayer<["Activation"]>]> {
  let summary = "hard swish: y = x * max(0, min(1, alpha * x + beta))";
  let description = [{
    ONNX `HardSwish` (opset 14): `output = input * max(0, min(1,
    alpha * input + beta))` element by element, with ONNX's `alpha = 1/6`
    (its f32 value) and `beta = 0.5`. The importer also makes it from the
    opset-13 export of PyTorch's `Hardswish`, `Mul(x, HardSigmoid(x))`, with
    that HardSigmoid's `alpha` and `beta` (any floats). In float32 the gate
    is computed first, then the product, as those two ONNX ops do. The
    result has the input's shape.

    Fixed point: the exact value (`alpha` and `beta` with the exact values
    of their f32, the gate clamped exactly, the exact product), quantized
    once to the result type.

    Example:

    ```mlir
    %y = nn.hard_swish %x : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<F32Attr, "0.16666667">:$alpha,
                       DefaultValuedAttr<F32Attr, "0.5">:$beta);
}

def NN_RsqrtOp : NN_ActivationOp<"rsqrt", [NN_TableActivation]> {
  let summary = "reciprocal square root: y = 1 / sqrt(x + epsilon)";
  let description = [{
    Element by element `output = 1 / sqrt(input + epsilon)`, `epsilon` (f32,
    default 0) finite and >= 0. No ONNX node imports to it: `--nn-quantize`
    makes it from an `nn.layer_norm` (its inverse standard deviation, as
    hls4ml's LayerNormalization). The result has the input's shape.

    Fixed point: `cast_R(Q[index(x)])`, a lookup table `Q` of
    `1 / sqrt(x + epsilon)` over `[0, 2^k)`, `2^k` the smallest power of two
    above every value of the input type (nn/Support/ActivationTables.h,
    each entry taken at its bin's midpoint).

    Example:

    ```mlir
    %y = nn.rsqrt %x {epsilon = 1.000000e-05 : f32} : tensor<1x4x1xf32> -> tensor<1x4x1xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<F32Attr, "0.0">:$epsilon);
  let hasVerifier = 1;
}

def NN_GeluOp : NN_ActivationOp<"gelu",
    [NN_Hls4mlLayer<["Activation"]>, NN_TableActivation]> {
  let summary = "Gaussian error linear unit: y = x * Phi(x)";
  let description = [{
    ONNX `Gelu` (opset 20; this build's libonnx stops at opset 17, so the
    importer makes it from the subgraphs PyTorch exports for `nn.GELU`):
    element by element `output = input * Phi(input)`, with
    `Phi(x) = 0.5 * (1 + erf(x / sqrt(2)))` when `approximate` is `"none"`
    (the default) and `Phi(x) = 0.5 * (1 + tanh(sqrt(2 / pi) *
    (x + 0.044715 * x^3)))` when it is `"tanh"`. The result has the input's
    shape.

    Fixed point: `cast_R(x * P[index(x)])`: a lookup table `P` of `Phi`
    over [-8, 8) that the lowering defines (nn/Support/ActivationTables.h),
    the exact product with the input, one cast.

    Example:

    ```mlir
    %y = nn.gelu %x : tensor<1x16xf32> -> tensor<1x16xf32>
    %z = nn.gelu %x {approximate = "tanh"} : tensor<1x16xf32> -> tensor<1x16xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<StrAttr, "\"none\"">:$approximate);
  let extraClassDeclaration = [{
    /// Whether the tanh approximation is asked for (else the erf form).
    bool isTanhApproximation() { return getApproximate() == "tanh"; }
  }];
  let hasVerifier = 1;
}

def NN_SoftmaxOp : NN_ActivationOp<"softmax",
    [NN_Hls4mlLayer<["Softmax", "Activation"]>, NN_TableActivation]> {
  let summary = "softmax along one axis";
  let description = [{
    ONNX `Softmax` with opset-13 semantics: normalizes along the single
    dimension `axis` (default -1, the last; a negative value counts from the
    end and must lie in `[-rank, rank)`):
    `output[..., i, ...] = exp(input[..., i, ...]) / sum_j exp(input[..., j, ...])`,
    where `i` and `j` index dimension `axis` and the other indices are fixed.
    The importer rewrites the flatten-to-2-D semantics of opsets 1-12 into
    this form. The result has the input's shape.

    Fixed point: an approximation in the result type through lookup tables
    (exponential, reciprocal of the sum), one of hls4ml's implementations
    (nn::fx::softmax in nn/Support/ActivationTables.h defines each; set by
    --nn-quantize from the configuration's Softmax keys):

    - `implementation`: `"stable"` (the default when absent: subtract the
      maximum, exp table, normalized inverse of the sum), `"latency"` (no
      maximum: exp table over [-8, 8)), `"legacy"` (per output the sum of
      e^(x_j - x_i), then a 1/s table over [0, 64)) or `"argmax"` (one-hot
      of the first maximum, no table);
    - `exp_table_type`, `inv_table_type`: the formats of the two tables
      (hls4ml's `exp_table`, `inv_table`); when absent, `nn.table_type`,
      else the implementation's default;
    - `accum_type`: the format the sum of the exp entries is cast to (once;
      hls4ml's `accum`); when absent the sum is exact.

    Not meaningful in float, where the op is exact.

    Example:

    ```mlir
    %y = nn.softmax %x : tensor<1x10xf32> -> tensor<1x10xf32>
    %z = nn.softmax %x {axis = 0 : i64} : tensor<1x10xf32> -> tensor<1x10xf32>
    %w = nn.softmax %q {implementation = "latency",
                        exp_table_type = !nn.ufixed<18, 8, RND, SAT>,
                        accum_type = !nn.ufixed<20, 10, RND, SAT>}
        : tensor<1x10x!nn.fixed<16, 6>> -> tensor<1x10x!nn.ufixed<16, 1>>
    ```
  }];
  let arguments = (ins NN_Tensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis,
                       OptionalAttr<StrAttr>:$implementation,
                       OptionalAttr<TypeAttrOf<NN_FixedType>>:$exp_table_type,
                       OptionalAttr<TypeAttrOf<NN_FixedType>>:$inv_table_type,
                       OptionalAttr<TypeAttrOf<NN_FixedType>>:$accum_type);
  let extraClassDeclaration = [{
    /// The implementation (stable when the attribute is absent).
    ::nn::fx::SoftmaxImpl getImpl();
    /// The table formats: the op's own attribute, else nn.table_type,
    /// else the implementation's default (ActivationTables.h).
    ::nn::fx::Format getExpTableFormat();
    ::nn::fx::Format getInvTableFormat();
    /// The sum's format; nullopt: exact.
    std::optional<::nn::fx::Format> getAccumFormat();
  }];
  let hasVerifier = 1;
}

#endif // NN_DIALECT_NN_IR_NNACTIVATIONOPS_TD
