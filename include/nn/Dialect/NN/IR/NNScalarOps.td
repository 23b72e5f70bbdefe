//===- NNScalarOps.td - scalar fixed-point ops of loop-level IR -*- tablegen -*-===//
//
// The ops the lowering to loops (--nn-lower-to-hls) produces inside loop
// bodies: arithmetic on single !nn.fixed values, each with ap_fixed's exact
// semantics, so that every precision change is an explicit nn.fx.cast
// (`acc = accum_t(acc + mult_t(w * x))`), and nn.fx.rom, the read-only
// buffer that holds a layer's weights. docs/Lowering.md describes their use.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNSCALAROPS_TD
#define NN_DIALECT_NN_IR_NNSCALAROPS_TD

include "nn/Dialect/NN/IR/NNBase.td"
include "mlir/IR/BuiltinTypes.td"

// Scalar ops do not carry NN_ConsistentElementTypes: they only ever see
// fixed-point values (their operand constraints say so).
class NN_ScalarOp<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, "fx." # mnemonic, !listconcat(traits, [Pure])>;

def NN_FxConstantOp : NN_ScalarOp<"constant", [ConstantLike]> {
  let summary = "a fixed-point scalar given by its raw integer";
  let description = [{
    The scalar whose raw integer is `raw`: its value is
    `raw * 2^-(W - I)` for a result of type `!nn.fixed<W, I>`. The raw must
    lie in the type's range (`[-2^(W-1), 2^(W-1) - 1]`, or `[0, 2^W - 1]`
    for unsigned types); types of up to 64 bits.

    Example:

    ```mlir
    %half = nn.fx.constant 32 : !nn.fixed<16, 10>
    ```
  }];
  let arguments = (ins I64Attr:$raw);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat = "$raw attr-dict `:` qualified(type($result))";
  let hasVerifier = 1;
}

def NN_FxMulOp : NN_ScalarOp<"mul", [Commutative]> {
  let summary = "exact fixed-point product";
  let description = [{
    The exact product of two fixed-point scalars. The result type must be
    the lossless product type of ap_fixed, `nn::fx::productFormat`:
    `!nn.fixed<W1 + W2, I1 + I2>` (signed if either operand is, default
    rounding and overflow modes), so no precision is ever lost implicitly.

    Example:

    ```mlir
    %p = nn.fx.mul %w, %x : (!nn.fixed<16, 6>, !nn.fixed<16, 6>) -> !nn.fixed<32, 12>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$lhs, NN_AnyFixed:$rhs);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def NN_FxAddOp : NN_ScalarOp<"add", [Commutative]> {
  let summary = "exact fixed-point sum";
  let description = [{
    The exact sum of two fixed-point scalars. The result type must be the
    lossless sum type of ap_fixed, `nn::fx::sumFormat`: `max(F1, F2)`
    fractional bits and `max(I1, I2) + 1` integer bits (an unsigned operand
    added to a signed one counts one integer bit more), signed if either
    operand is, default rounding and overflow modes.

    Example:

    ```mlir
    %s = nn.fx.add %acc, %p : (!nn.fixed<24, 12>, !nn.fixed<24, 12>) -> !nn.fixed<25, 13>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$lhs, NN_AnyFixed:$rhs);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def NN_FxCastOp : NN_ScalarOp<"cast"> {
  let summary = "fixed-point conversion with the result type's rounding and overflow";
  let description = [{
    `T(x)` in ap_fixed terms: the value of `input` brought to the result
    type, first rounding away the bits below its LSB with the result type's
    rounding mode, then applying its overflow mode (nn::fx::cast). The
    result type must have at most 64 bits (a storage format).

    Example:

    ```mlir
    %y = nn.fx.cast %acc : !nn.fixed<39, 19> -> !nn.fixed<16, 6, RND, SAT>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$input);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input)) `->` qualified(type($result))";
  let hasVerifier = 1;
}

def NN_FxReluOp : NN_ScalarOp<"relu", [AllTypesMatch<["input", "result"]>]> {
  let summary = "max(x, 0) on a fixed-point scalar";
  let description = [{
    `x` if it is positive, else zero, in the type of `x` (exact). A change of
    type is a separate nn.fx.cast.

    Example:

    ```mlir
    %r = nn.fx.relu %x : !nn.fixed<16, 6>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$input);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
}

def NN_FxRomOp : NN_ScalarOp<"rom"> {
  let summary = "a read-only buffer of fixed-point constants (weights)";
  let description = [{
    A memref whose elements are constants, never written: a layer's weights
    or biases after lowering to loops. As for `nn.constant`, `value` holds
    the raw integers (a `W`-bit signless integer tensor of the memref's
    shape, `dense<...>` or `dense_resource<...>` with the raw integers of
    `--nn-quantize`'s blobs) and the memref's element type
    `!nn.fixed<W, I>` says how to read them. The HLS emitter prints a rom as
    a `static const` array. memref.global cannot hold these values: its
    initial value must have the memref's element type, which a
    `DenseElementsAttr` of `!nn.fixed` cannot.

    Example:

    ```mlir
    %w = nn.fx.rom dense<[16, -32]> : tensor<2xi8> -> memref<2x!nn.fixed<8, 4>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Res<StaticShapeMemRefOf<[NN_AnyFixed]>, "",
                          []>:$result);
  let assemblyFormat = "$value attr-dict `->` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Comparisons, differences and the index arithmetic of lookup tables
// (activations, softmax)
//===----------------------------------------------------------------------===//

def NN_FxMaxOp : NN_ScalarOp<"max", [Commutative, AllTypesMatch<["lhs", "rhs", "result"]>]> {
  let summary = "the larger of two fixed-point scalars of one type";
  let description = [{
    `lhs` if it is greater than `rhs`, else `rhs` (exact; both of the
    result's type). Emitted as `(lhs > rhs) ? lhs : rhs`.

    Example:

    ```mlir
    %m = nn.fx.max %a, %b : !nn.fixed<16, 6>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$lhs, NN_AnyFixed:$rhs);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` qualified(type($result))";
}

def NN_FxSubOp : NN_ScalarOp<"sub"> {
  let summary = "exact fixed-point difference";
  let description = [{
    The exact difference `lhs - rhs`. The result type must be the lossless
    difference type of ap_fixed, `nn::fx::differenceFormat`: the sum type,
    always signed.

    Example:

    ```mlir
    %d = nn.fx.sub %a, %b : (!nn.fixed<16, 6>, !nn.fixed<16, 6>) -> !nn.fixed<17, 7>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$lhs, NN_AnyFixed:$rhs);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def NN_FxToIndexOp : NN_ScalarOp<"to_index"> {
  let summary = "an integer-valued unsigned fixed-point scalar as an index";
  let description = [{
    The value of `input` as an `index`, for reading a lookup table with
    `memref.load`. The input type must be unsigned, have no fraction bits
    (`W <= I`) and at most 31 integer bits, so every value is a valid
    `int`.
    Emitted as `input.to_int()`.

    Example:

    ```mlir
    %i = nn.fx.to_index %x : !nn.ufixed<10, 10, TRN, SAT>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$input);
  let results = (outs Index:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
  let hasVerifier = 1;
}

def NN_FxIlog2Op : NN_ScalarOp<"ilog2"> {
  let summary = "floor(log2(x)) of a positive unsigned fixed-point scalar";
  let description = [{
    The exponent `e` with `2^e <= x < 2^(e+1)` (the position of the leading
    one relative to the binary point): for `!nn.ufixed<W, I>`, `e` lies in
    `[I - W, I - 1]`. `x` must be positive (evaluating it on 0 is an error
    of the interpreter). Softmax normalizes its sum with it. Emitted as a
    chain of comparisons with the powers of two of the input type (a
    leading-one detector in hardware).

    Example:

    ```mlir
    %e = nn.fx.ilog2 %sum : !nn.ufixed<21, 4>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$input);
  let results = (outs Index:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
  let hasVerifier = 1;
}

def NN_FxDivPow2Op : NN_ScalarOp<"div_pow2"> {
  let summary = "x / 2^e cast to the result type, for a run-time exponent";
  let description = [{
    `cast_R(x * 2^-e)`: the exact value `x * 2^-e` brought to the result
    type with its rounding and overflow modes, for an exponent `e` that is
    known only at run time but lies in `[min_exp, max_exp]` (checked by the
    interpreter; at most 128 values, within [-1024, 1024]). Emitted as one exact product with the
    power-of-two constant of each possible exponent, selected by `e` (a
    barrel shifter in hardware). The result type has at most 64 bits.

    Example:

    ```mlir
    %m = nn.fx.div_pow2 %sum, %e {max_exp = 3 : i64, min_exp = -17 : i64}
        : (!nn.ufixed<21, 4>, index) -> !nn.ufixed<21, 1>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$input, Index:$exponent, I64Attr:$min_exp,
                       I64Attr:$max_exp);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat =
      "$input `,` $exponent attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def NN_FxCmpPredicate : I32EnumAttr<"FxCmpPredicate",
    "comparison of nn.fx.cmp", [
  I32EnumAttrCase<"lt", 0>, I32EnumAttrCase<"le", 1>,
  I32EnumAttrCase<"gt", 2>, I32EnumAttrCase<"ge", 3>,
  I32EnumAttrCase<"eq", 4>, I32EnumAttrCase<"ne", 5>
]> {
  let cppNamespace = "::nn";
}

def NN_FxCmpOp : NN_ScalarOp<"cmp"> {
  let summary = "exact comparison of two fixed-point scalars of any types";
  let description = [{
    Compares the exact values of `lhs` and `rhs` (any formats: the binary
    points are aligned, nothing is rounded) and returns an `i1`, for
    `arith.select` to choose between values. Emitted as the C++ comparison
    of the two ap types (exact in ap_fixed as well).

    Example:

    ```mlir
    %neg = nn.fx.cmp lt %x, %zero : !nn.fixed<16, 6>, !nn.fixed<1, 1>
    %y = arith.select %neg, %a, %b : !nn.fixed<16, 6>
    ```
  }];
  let arguments = (ins NN_FxCmpPredicate:$predicate, NN_AnyFixed:$lhs,
                       NN_AnyFixed:$rhs);
  let results = (outs I1:$result);
  let assemblyFormat = "$predicate $lhs `,` $rhs attr-dict `:` qualified(type($lhs)) `,` qualified(type($rhs))";
}

// nn.fx.div_int: the average of nn.avg_pool / nn.global_avg_pool.
def NN_FxDivIntOp : NN_ScalarOp<"div_int"> {
  let summary = "a fixed-point value divided by a positive integer, rounded once";
  let description = [{
    `cast_R(input / count)`: the exact rational quotient of the fixed-point
    `input` and the positive index `count`, brought to the result type R
    with R's rounding mode, then its overflow mode, exactly as an ap_fixed
    conversion of the exact quotient would (nn::fx::castQuotient in
    nn/Support/Quotient.h: the floor of the quotient at
    `T = max(F_R + 1, F_input)` fraction bits plus a sticky bit for a
    non-zero remainder decides every rounding mode like the exact value).
    The result type must have at most 64 bits; a constant `count` must be
    positive (a non-positive count at run time is an error of the
    interpreter). The average pools use it on the exact window sum.

    Example:

    ```mlir
    %c3 = arith.constant 3 : index
    %avg = nn.fx.div_int %sum, %c3 : (!nn.fixed<18, 8>, index) -> !nn.fixed<16, 6, RND, SAT>
    ```
  }];
  let arguments = (ins NN_AnyFixed:$input, Index:$count);
  let results = (outs NN_AnyFixed:$result);
  let assemblyFormat =
      "$input `,` $count attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// FIFOs of the io_stream form (docs/Lowering.md, "io_stream")
//===----------------------------------------------------------------------===//

// Not NN_ScalarOp: these read and write memory (never Pure).
def NN_FxStreamWriteOp : Op<NN_Dialect, "fx.stream_write"> {
  let summary = "append one packed channel vector to a FIFO";
  let description = [{
    Appends the `C` elements of `vector` (a `memref<C x T>`) as the next
    transfer of `fifo`, a `memref<P x C x T>` marked `nn.hls.stream_depth`:
    a FIFO of at most `P` transfers of one pixel's `C` channels each. The
    memref form lets the loop interpreter keep every transfer (dataflow
    processes run one after another there); the HLS emitter prints the FIFO
    as an `hls::stream` of `nn_pack<T, C>` and this op as its `write`.
    Writing more than `P` transfers is an error of the interpreter.

    ```mlir
    nn.fx.stream_write %vec, %fifo : memref<4x!nn.fixed<16, 6>>, memref<64x4x!nn.fixed<16, 6>>
    ```
  }];
  let arguments = (ins Arg<StaticShapeMemRefOf<[NN_AnyFixed]>, "",
                           [MemRead]>:$vector,
                       Arg<StaticShapeMemRefOf<[NN_AnyFixed]>, "",
                           [MemRead, MemWrite]>:$fifo);
  let assemblyFormat =
      "$vector `,` $fifo attr-dict `:` type($vector) `,` type($fifo)";
  let hasVerifier = 1;
}

def NN_FxStreamReadOp : Op<NN_Dialect, "fx.stream_read"> {
  let summary = "pop the oldest packed channel vector of a FIFO";
  let description = [{
    Copies the oldest transfer not yet read of `fifo` (see
    `nn.fx.stream_write`) into `vector`. Reading a FIFO with nothing left
    to read is an error of the interpreter (the hardware would stall).

    ```mlir
    nn.fx.stream_read %fifo, %vec : memref<64x4x!nn.fixed<16, 6>>, memref<4x!nn.fixed<16, 6>>
    ```
  }];
  let arguments = (ins Arg<StaticShapeMemRefOf<[NN_AnyFixed]>, "",
                           [MemRead, MemWrite]>:$fifo,
                       Arg<StaticShapeMemRefOf<[NN_AnyFixed]>, "",
                           [MemWrite]>:$vector);
  let assemblyFormat =
      "$fifo `,` $vector attr-dict `:` type($fifo) `,` type($vector)";
  let hasVerifier = 1;
}

#endif // NN_DIALECT_NN_IR_NNSCALAROPS_TD
