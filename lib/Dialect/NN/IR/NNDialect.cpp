//===- NNDialect.cpp - the nn dialect -------------------------------------===//

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Conversion/Passes.h"
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

//===----------------------------------------------------------------------===//
// Discardable attributes added by passes
//===----------------------------------------------------------------------===//

// Ops whose fixed-point implementation reads a lookup table (exp, sigmoid,
// tanh, ...); nn.table_size and nn.table_type only make sense on them.
static bool isTableActivation(Operation *op) {
  return llvm::isa<SigmoidOp, TanhOp, SoftmaxOp, SoftplusOp, SoftsignOp, EluOp,
                   SeluOp>(op);
}

LogicalResult NNDialect::verifyOperationAttribute(Operation *op,
                                                  NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  Attribute value = attr.getValue();
  auto positiveI64 = [&]() -> std::optional<int64_t> {
    auto integer = llvm::dyn_cast<IntegerAttr>(value);
    if (!integer || !integer.getType().isSignlessInteger(64) ||
        integer.getInt() < 1)
      return std::nullopt;
    return integer.getInt();
  };
  auto fixedType = [&]() -> FixedType {
    if (auto typeAttr = llvm::dyn_cast<TypeAttr>(value))
      return llvm::dyn_cast<FixedType>(typeAttr.getValue());
    return {};
  };
  auto multiplier = llvm::dyn_cast<MultiplierOpInterface>(op);

  if (name == kReuseFactorAttrName || name == kStrategyAttrName ||
      name == kAccumTypeAttrName) {
    if (!multiplier)
      return op->emitOpError("attribute '")
             << name << "' needs an op with multipliers (nn.dense, nn.conv)";
  }
  if (name == kReuseFactorAttrName) {
    std::optional<int64_t> rf = positiveI64();
    if (!rf)
      return op->emitOpError("attribute '")
             << name << "' must be a positive i64 integer, got " << value;
    int64_t nIn = multiplier.getMultiplierInputs();
    int64_t nOut = multiplier.getMultiplierOutputs();
    reuse::Strategy strategy = multiplier.getStrategy();
    if (!reuse::isValidReuseFactor(nIn, nOut, *rf, strategy))
      return op->emitOpError("reuse factor ")
             << *rf << " is not valid for the " << reuse::toString(strategy)
             << " strategy with n_in = " << nIn << ", n_out = " << nOut
             << " (" << nIn * nOut << " multiplications); nearest valid: "
             << reuse::formatNearest(
                    reuse::nearestValidReuseFactors(nIn, nOut, *rf, strategy));
    return success();
  }
  if (name == kStrategyAttrName) {
    auto text = llvm::dyn_cast<StringAttr>(value);
    if (!text || (text.getValue() != "latency" && text.getValue() != "resource"))
      return op->emitOpError("attribute '")
             << name << "' must be \"latency\" or \"resource\", got " << value;
    return success();
  }
  if (name == kAccumTypeAttrName) {
    if (!fixedType())
      return op->emitOpError("attribute '")
             << name << "' must be a fixed-point type, got " << value;
    return success();
  }
  if (name == kTableSizeAttrName || name == kTableTypeAttrName) {
    if (!isTableActivation(op))
      return op->emitOpError("attribute '")
             << name
             << "' needs a table-based activation (nn.sigmoid, nn.tanh, "
                "nn.softmax, nn.softplus, nn.softsign, nn.elu, nn.selu)";
    if (name == kTableSizeAttrName && !positiveI64())
      return op->emitOpError("attribute '")
             << name << "' must be a positive i64 integer, got " << value;
    if (name == kTableTypeAttrName && !fixedType())
      return op->emitOpError("attribute '")
             << name << "' must be a fixed-point type, got " << value;
    return success();
  }
  // The project settings --nn-quantize records from the configuration's
  // top-level Part, ClockPeriod and ProjectName.
  if (name == kHlsPartAttr || name == kHlsProjectNameAttr ||
      name == kHlsClockPeriodAttr) {
    if (!llvm::isa<ModuleOp>(op))
      return op->emitOpError("attribute '")
             << name << "' belongs on a builtin.module";
    if (name == kHlsClockPeriodAttr) {
      auto period = llvm::dyn_cast<FloatAttr>(value);
      if (!period || !period.getType().isF64() ||
          !std::isfinite(period.getValueAsDouble()) ||
          !(period.getValueAsDouble() > 0))
        return op->emitOpError("attribute '")
               << name
               << "' (configuration key ClockPeriod) must be a positive f64 "
                  "(ns), got "
               << value;
      return success();
    }
    auto text = llvm::dyn_cast<StringAttr>(value);
    if (!text || text.getValue().empty())
      return op->emitOpError("attribute '")
             << name << "' must be a non-empty string, got " << value;
    // The part is written into build_prj.tcl between braces: only the
    // characters of part names, so that no value can escape into Tcl.
    if (name == kHlsPartAttr &&
        !llvm::all_of(text.getValue(), [](char c) {
          return llvm::isAlnum(c) || c == '-' || c == '_' || c == '.';
        }))
      return op->emitOpError("attribute '")
             << name
             << "' (configuration key Part) must be a part name of letters, "
                "digits, '-', '_' and '.', got "
             << value;
    return success();
  }
  // Other nn.* attributes are not (yet) the dialect's business: tests and
  // tools may tag ops (e.g. nn.name), so they are left alone.
  return success();
}
