//===- NNTypes.td - nn dialect types -----------------------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNTYPES_TD
#define NN_DIALECT_NN_IR_NNTYPES_TD

include "nn/Dialect/NN/IR/NNBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

//===----------------------------------------------------------------------===//
// Rounding and overflow modes: the Q and O parameters of ap_fixed.
//===----------------------------------------------------------------------===//

def NN_RoundingMode : I32EnumAttr<"RoundingMode",
    "quantization (rounding) mode, as ap_fixed's Q parameter", [
  I32EnumAttrCase<"TRN", 0>,          // AP_TRN: toward minus infinity
  I32EnumAttrCase<"TRN_ZERO", 1>,     // AP_TRN_ZERO: toward zero
  I32EnumAttrCase<"RND", 2>,          // AP_RND: to nearest, ties up
  I32EnumAttrCase<"RND_ZERO", 3>,     // AP_RND_ZERO: to nearest, ties to zero
  I32EnumAttrCase<"RND_MIN_INF", 4>,  // AP_RND_MIN_INF: ties down
  I32EnumAttrCase<"RND_INF", 5>,      // AP_RND_INF: ties away from zero
  I32EnumAttrCase<"RND_CONV", 6>      // AP_RND_CONV: ties to even
]> {
  let cppNamespace = "::nn";
  let genSpecializedAttr = 0;
}

def NN_OverflowMode : I32EnumAttr<"OverflowMode",
    "overflow mode, as ap_fixed's O parameter", [
  I32EnumAttrCase<"WRAP", 0>,      // AP_WRAP: drop the high bits
  I32EnumAttrCase<"SAT", 1>,       // AP_SAT: clamp to min/max
  I32EnumAttrCase<"SAT_ZERO", 2>,  // AP_SAT_ZERO: overflow gives zero
  I32EnumAttrCase<"SAT_SYM", 3>,   // AP_SAT_SYM: clamp to +-max (signed)
  I32EnumAttrCase<"WRAP_SM", 4>    // AP_WRAP_SM: sign-magnitude wrap (signed)
]> {
  let cppNamespace = "::nn";
  let genSpecializedAttr = 0;
}

//===----------------------------------------------------------------------===//
// !nn.fixed / !nn.ufixed
//===----------------------------------------------------------------------===//

// MemRefElementTypeInterface: loop-level IR (docs/Lowering.md) keeps
// fixed-point values in memrefs.
def NN_FixedType : TypeDef<NN_Dialect, "Fixed", [MemRefElementTypeInterface]> {
  // Parsed and printed by the dialect: two mnemonics, `fixed` and `ufixed`.
  let typeName = "nn.fixed";
  let summary = "fixed-point number: ap_fixed<W, I, Q, O> or ap_ufixed";
  let description = [{
    A binary fixed-point number of `W` bits in total, `I` of them (sign bit
    included, for signed types) above the binary point. A value is an integer
    `k` of `W` bits, two's complement when signed, scaled by `2^-(W - I)`.
    `I` may be negative or larger than `W`, as in `ap_fixed`.

    The rounding mode says how a value with more fractional bits is brought
    to this type; the overflow mode, how a value outside its range is. The
    names are those of `ap_fixed` without the `AP_` prefix; the defaults are
    `TRN` and `WRAP`, as in `ap_fixed`, and are not printed.

    | nn                               | Vitis HLS                             |
    |----------------------------------|---------------------------------------|
    | `!nn.fixed<16, 6>`               | `ap_fixed<16,6>`                      |
    | `!nn.fixed<16, 6, RND, SAT>`     | `ap_fixed<16,6,AP_RND,AP_SAT>`        |
    | `!nn.fixed<8, 3, TRN, SAT_SYM>`  | `ap_fixed<8,3,AP_TRN,AP_SAT_SYM>`     |
    | `!nn.ufixed<8, 0>`               | `ap_ufixed<8,0>`                      |
    | `!nn.ufixed<8, 8, RND_CONV>`     | `ap_ufixed<8,8,AP_RND_CONV>`          |

    Verified: `1 <= W <= 1024` (the default `AP_INT_MAX_W`),
    `-1024 <= I <= 1024`, and the sign-magnitude modes `SAT_SYM` and
    `WRAP_SM` only on signed types. `ap_fixed` itself lets `I` exceed `W` or
    be negative without a bound (AMD UG1399); nn bounds it so that the
    fraction width `F = W - I` stays within [-1023, 2048], the range for
    which the fixed-point library (`nn/Support/FixedPoint.h`, its storage
    formats have `W <= 64`) and the activation-table index compute without
    undefined shifts (their shifts by `F` are guarded in 128-bit integers;
    `ap_fixed<1, 1024>` and `ap_fixed<64, -1024>` are tested).

    Example:

    ```mlir
    %y = nn.relu %x : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<15, 5, RND, SAT>>
    ```
  }];
  let parameters = (ins
    "unsigned":$width,
    "int":$intWidth,
    "bool":$isSigned,
    EnumParameter<NN_RoundingMode>:$rounding,
    EnumParameter<NN_OverflowMode>:$overflow
  );
  let builders = [
    TypeBuilder<(ins "unsigned":$width, "int":$intWidth,
                     CArg<"bool", "true">:$isSigned), [{
      return $_get($_ctxt, width, intWidth, isSigned, RoundingMode::TRN,
                   OverflowMode::WRAP);
    }]>,
    // The one conversion from the arithmetic's format (nn::fx::Format) to
    // the type; getFormat() is its inverse.
    TypeBuilder<(ins "const ::nn::fx::Format &":$format), [{
      return $_get($_ctxt, unsigned(format.width), format.intWidth,
                   format.isSigned,
                   static_cast<RoundingMode>(format.rounding),
                   static_cast<OverflowMode>(format.overflow));
    }]>
  ];
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Number of bits below the binary point (W - I); may be negative.
    int getFracWidth() const { return int(getWidth()) - getIntWidth(); }
    /// The same format for nn::fx, the arithmetic shared by the
    /// interpreter, quantization and the C-simulation runtime.
    ::nn::fx::Format getFormat() const;
    /// The Vitis HLS spelling, e.g. "ap_fixed<16,6,AP_RND,AP_SAT>".
    std::string getHlsTypeName() const;
    /// Parses what follows the mnemonic: `<W, I [, Q [, O]]>`.
    static ::mlir::Type parseBody(::mlir::AsmParser &parser, bool isSigned);
    /// Prints the mnemonic and the body.
    void print(::mlir::AsmPrinter &printer) const;
  }];
}

#endif // NN_DIALECT_NN_IR_NNTYPES_TD
