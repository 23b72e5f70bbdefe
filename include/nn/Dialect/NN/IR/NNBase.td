//===- NNBase.td - nn dialect definition and shared constraints -*- tablegen -*-===//
//
// The dialect record and the type constraints every nn op uses. Ops live in
// NNLayerOps.td, NNActivationOps.td, NNElementwiseOps.td and NNShapeOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNBASE_TD
#define NN_DIALECT_NN_IR_NNBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "nn/Dialect/NN/IR/NNInterfaces.td"

def NN_Dialect : Dialect {
  let name = "nn";
  let cppNamespace = "::nn";
  let summary = "Neural-network layers on their way to FPGA hardware";
  let description = [{
    The `nn` dialect holds a trained neural network as a graph of layer ops on
    statically shaped, ranked tensors, with the semantics of the ONNX operator
    of the same name and NCHW layout. Values are either floating point (as
    imported) or fixed point (`!nn.fixed<W, I>`, after precision typing).

    Shapes are static: the hardware processes one sample at a time, so the
    importer binds a symbolic batch dimension to 1, and every verifier checks
    the result shape it is given against the one the op's semantics imply.

    Element types: an op's operands and results are either all floating point
    of one type, or all fixed point (each value may have its own precision).
  }];
  let useDefaultTypePrinterParser = 0;
  let hasConstantMaterializer = 1;
  // Discardable attributes added by passes (the list:
  // nn/Dialect/NN/IR/NNAttrNames.h) are checked by
  // NNDialect::verifyOperationAttribute and, on function arguments,
  // verifyRegionArgAttribute.
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;
  let extraClassDeclaration = [{
    ::mlir::Type parseType(::mlir::DialectAsmParser &parser) const override;
    void printType(::mlir::Type type,
                   ::mlir::DialectAsmPrinter &printer) const override;
  private:
    void registerTypes();
  public:
  }];
}

// Operands and results are all floating point of one type or all fixed point.
def NN_ConsistentElementTypes : NativeOpTrait<"ConsistentElementTypes"> {
  let cppNamespace = "::nn::OpTrait";
}

// Op categories: one list each, kept by the ops themselves (a new op joins a
// category in its ODS definition, and every pass asking about the category
// sees it).
// Activations whose fixed-point implementation reads a lookup table:
// nn.table_size and nn.table_type belong on them, --nn-quantize records them.
def NN_TableActivation : NativeOpTrait<"TableActivation"> {
  let cppNamespace = "::nn::OpTrait";
}
// Data movement: the result is a copy of input elements, in the input's
// element type (the op's verifier demands it); --nn-quantize gives it no
// precision of its own.
def NN_DataMovement : NativeOpTrait<"DataMovement"> {
  let cppNamespace = "::nn::OpTrait";
}

class NN_Op<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic,
         !listconcat(traits, [Pure, NN_ConsistentElementTypes])>;

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def NN_IsFixedType : CPred<"::llvm::isa<::nn::FixedType>($_self)">;
def NN_AnyFixed : Type<NN_IsFixedType, "fixed-point number", "::nn::FixedType">;

// An element of a network value: floating point as imported, fixed point
// after precision typing.
def NN_Element : AnyTypeOf<[AnyFloat, NN_AnyFixed], "float or fixed-point">;

// Every network value: a ranked tensor with a static shape whose element
// count (and so the product of any of its dimensions) fits in int64_t, so
// that shape arithmetic cannot overflow (nn/Support/CheckedArithmetic.h).
def NN_CountableShapePred : CPred<
    "::nn::hasCountableShape(::llvm::cast<::mlir::ShapedType>($_self).getShape())">;
def NN_Tensor : RankedTensorOf<[AnyFloat, NN_AnyFixed],
                               [HasStaticShapePred, NN_CountableShapePred],
                               "statically shaped tensor (at most 2^63 - 1 "
                               "elements)">;

#endif // NN_DIALECT_NN_IR_NNBASE_TD
