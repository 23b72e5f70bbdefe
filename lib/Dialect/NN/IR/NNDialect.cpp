//===- NNDialect.cpp - the nn dialect -------------------------------------===//

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNTypes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"

using namespace mlir;
using namespace nn;

#include "nn/Dialect/NN/IR/NNDialect.cpp.inc"

void NNDialect::initialize() {
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "nn/Dialect/NN/IR/NNOps.cpp.inc"
      >();
}

// Two mnemonics, one type: `fixed` and `ufixed` mirror ap_fixed/ap_ufixed.
Type NNDialect::parseType(DialectAsmParser &parser) const {
  SMLoc loc = parser.getCurrentLocation();
  StringRef mnemonic;
  if (parser.parseKeyword(&mnemonic))
    return {};
  if (mnemonic == "fixed" || mnemonic == "ufixed")
    return FixedType::parseBody(parser, /*isSigned=*/mnemonic == "fixed");
  parser.emitError(loc, "unknown nn type '")
      << mnemonic << "'; expected 'fixed' or 'ufixed'";
  return {};
}

void NNDialect::printType(Type type, DialectAsmPrinter &printer) const {
  if (auto fixed = llvm::dyn_cast<FixedType>(type))
    return fixed.print(printer);
  llvm_unreachable("unknown nn type");
}

Operation *NNDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  auto elements = llvm::dyn_cast<ElementsAttr>(value);
  auto tensorType = llvm::dyn_cast<RankedTensorType>(type);
  if (!elements || !tensorType)
    return nullptr;
  return ConstantOp::create(builder, loc, tensorType, elements);
}
