//===- NNDialect.cpp - the nn dialect -------------------------------------===//

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNAttrNames.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNTypes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
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
bool nn::isTableActivation(Operation *op) {
  return llvm::isa<SigmoidOp, TanhOp, SoftmaxOp, SoftplusOp, SoftsignOp, EluOp,
                   SeluOp, GeluOp>(op);
}

std::optional<ArrayDirective> nn::parseArrayDirective(StringRef text) {
  if (text == "complete")
    return ArrayDirective{};
  ArrayDirective directive;
  if (text.consume_front("cyclic factor="))
    directive.kind = ArrayDirective::Kind::Cyclic;
  else if (text.consume_front("block factor="))
    directive.kind = ArrayDirective::Kind::Block;
  else
    return std::nullopt;
  // Digits only (getAsInteger would take a sign or a radix prefix).
  if (text.empty() || text.size() > 18 || !llvm::all_of(text, llvm::isDigit) ||
      text.getAsInteger(10, directive.factor) || directive.factor < 1)
    return std::nullopt;
  return directive;
}

/// Checks the loop-level directives (nn.hls.*) that the lowering puts on an
/// op or a function argument: the emitter writes them into pragmas, so only
/// their documented forms may pass (a string attribute must not carry text
/// into the emitted C++).
static LogicalResult verifyHlsDirective(function_ref<InFlightDiagnostic()> emitError,
                                        StringRef name, Attribute value,
                                        bool onArgument, Operation *op) {
  auto integerAtLeast = [&](int64_t least) {
    auto integer = llvm::dyn_cast<IntegerAttr>(value);
    return integer && integer.getType().isSignlessInteger(64) &&
           integer.getInt() >= least;
  };
  auto placedOn = [&](bool ok, StringRef where) -> LogicalResult {
    if (ok)
      return success();
    return emitError() << "attribute '" << name << "' belongs on " << where;
  };
  if (name == kHlsPipelineAttr || name == kHlsMulLimitAttr ||
      name == kHlsUnrollAttr) {
    bool onLoop = !onArgument && llvm::isa<affine::AffineForOp>(op);
    bool onFunc = !onArgument && llvm::isa<func::FuncOp>(op);
    if (failed(name == kHlsPipelineAttr
                   ? placedOn(onLoop || onFunc, "an affine.for or a func.func")
                   : placedOn(onLoop, "an affine.for")))
      return failure();
    if (!integerAtLeast(name == kHlsUnrollAttr ? 0 : 1))
      return emitError() << "attribute '" << name << "' must be "
                         << (name == kHlsUnrollAttr ? "a non-negative"
                                                    : "a positive")
                         << " i64 integer, got " << value;
    return success();
  }
  if (name == kHlsPartitionAttr || name == kHlsReshapeAttr) {
    bool onArray = onArgument || llvm::isa<memref::AllocOp, FxRomOp>(op);
    if (failed(name == kHlsPartitionAttr
                   ? placedOn(onArray, "a memref.alloc, an nn.fx.rom or a "
                                       "function argument")
                   : placedOn(!onArgument && llvm::isa<FxRomOp>(op),
                              "an nn.fx.rom")))
      return failure();
    auto text = llvm::dyn_cast<StringAttr>(value);
    if (!text || !parseArrayDirective(text.getValue()))
      return emitError() << "attribute '" << name
                         << "' must be \"complete\", \"cyclic factor=N\" or "
                            "\"block factor=N\" with N > 0, got "
                         << value;
    return success();
  }
  if (name == kHlsOutputAttr) {
    if (failed(placedOn(onArgument, "a function argument")))
      return failure();
    if (!llvm::isa<UnitAttr>(value))
      return emitError() << "attribute '" << name
                         << "' must be a unit attribute, got " << value;
    return success();
  }
  if (name == kHlsNameAttr) {
    // Any text: the emitter makes a C identifier of it (CIdentifier.h).
    auto text = llvm::dyn_cast<StringAttr>(value);
    if (!text || text.getValue().empty())
      return emitError() << "attribute '" << name
                         << "' must be a non-empty string, got " << value;
    return success();
  }
  return emitError() << "unknown attribute '" << name
                     << "' (nn's directives: nn/Dialect/NN/IR/NNAttrNames.h)";
}

LogicalResult NNDialect::verifyRegionArgAttribute(Operation *op,
                                                  unsigned regionIndex,
                                                  unsigned argIndex,
                                                  NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (!name.starts_with("nn.hls."))
    return success();
  return verifyHlsDirective(
      [&] {
        return op->emitOpError("argument ") << argIndex << ": ";
      },
      name, attr.getValue(), /*onArgument=*/true, op);
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
                "nn.softmax, nn.softplus, nn.softsign, nn.elu, nn.selu, nn.gelu)";
    if (name == kTableSizeAttrName && !positiveI64())
      return op->emitOpError("attribute '")
             << name << "' must be a positive i64 integer, got " << value;
    if (name == kTableTypeAttrName && !fixedType())
      return op->emitOpError("attribute '")
             << name << "' must be a fixed-point type, got " << value;
    return success();
  }
  bool onModule = name == kHlsPartAttr || name == kHlsProjectNameAttr ||
                  name == kHlsClockPeriodAttr || name == kHlsEstimateAttr ||
                  name == kHlsEstimateTableAttr;
  if (name.starts_with("nn.hls.") && !onModule)
    return verifyHlsDirective([&] { return op->emitOpError(); }, name, value,
                              /*onArgument=*/false, op);
  // The project settings --nn-quantize records from the configuration's
  // top-level Part, ClockPeriod and ProjectName.
  if (onModule) {
    if (!llvm::isa<ModuleOp>(op))
      return op->emitOpError("attribute '")
             << name << "' belongs on a builtin.module";
    // The estimate --nn-estimate="attach=true" records for the project
    // writer, which copies the text into estimate.json and README.md.
    if (name == kHlsEstimateAttr || name == kHlsEstimateTableAttr) {
      if (!llvm::isa<StringAttr>(value))
        return op->emitOpError("attribute '")
               << name << "' must be a string, got " << value;
      return success();
    }
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
