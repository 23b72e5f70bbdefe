//===- EmitHLS.cpp - loop-level IR to Vitis HLS C++ -----------------------===//
//
// Prints the top function of loop-level IR (docs/Lowering.md) as Vitis HLS
// C++: one typedef per distinct fixed-point type, weights as static const
// arrays, affine loops as for loops with their HLS directives, scalar nn.fx
// ops as ap_fixed expressions in which every precision change is an
// explicit conversion. The emitter only reads the IR: names are derived
// here (from NameLocs) and kept in the emitter's own tables.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/HLS/EmitHLS.h"
#include "EmitStream.h"

#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/IR/FixedRaws.h"
#include "nn/Dialect/NN/IR/FxOpVisitor.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/WrapDot.h"
#include "nn/InitNNDialects.h"
#include "nn/Support/CIdentifier.h"
#include "nn/Support/FixedPoint.h"
#include "nn/Support/Quotient.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Verifier.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/IntegerSet.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <cstdio>
#include <cstring>

using namespace mlir;
using namespace nn;

namespace {

// The directive attributes are nn/Conversion/Passes.h's kHls*Attr.

/// The emitter's size limits (docs/Lowering.md, "Limits"), checked with
/// overflow-checked products before anything is allocated or printed: each
/// array of the emitted C++ at most 2 GiB (static data beyond it needs
/// -mcmodel=medium on x86-64, and no FPGA holds it), and at most 2^27
/// weights in all (printed as literals twice, read as int64_t first).
constexpr int64_t kMaxArrayBytes = int64_t(1) << 31;
constexpr int64_t kMaxWeightElements = int64_t(1) << 27;

/// nn.hls.name, else the location's name.
std::string nameOf(Operation *op) {
  if (auto name = op->getAttrOfType<StringAttr>(kHlsNameAttr))
    return name.str();
  return getHardwareLayerName(op->getLoc());
}

/// The exact value of a raw as a C++ double literal: %.17g round-trips
/// every double, and a value of at most 53 significant bits is a double.
std::string exactLiteral(int64_t raw, const fx::Format &f) {
  double v = fx::toDouble(raw, f);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  std::string text = buffer;
  if (text.find_first_of(".en") == std::string::npos)
    text += ".0";
  return text;
}

/// The raw integers of a rom (nn/Dialect/NN/IR/FixedRaws.h).
FailureOr<std::vector<int64_t>> romRaws(FxRomOp rom) {
  auto memref = llvm::cast<MemRefType>(rom.getType());
  if (std::optional<std::vector<int64_t>> raws = readFixedRaws(
          rom.getValue(), llvm::cast<FixedType>(memref.getElementType()),
          memref.getNumElements()))
    return std::move(*raws);
  rom.emitError("the HLS emitter cannot read this rom's value (a "
                "dense_resource blob must be present and hold raw integers "
                "of 1, 2, 4 or 8 bytes)");
  return failure();
}

class Emitter : public FxOpVisitor<Emitter, LogicalResult, int, raw_ostream &> {
public:
  explicit Emitter(func::FuncOp func) : func(func) {}

  LogicalResult prepare();
  void emitTypedefs(raw_ostream &os);
  void emitPrototype(raw_ostream &os);
  LogicalResult emitWeights(raw_ostream &os);
  LogicalResult emitFunction(raw_ostream &os);

  const std::string &topName() const { return top; }
  /// The include guard of the project's header (all capitals: no user
  /// name can take it, see CIdentifier.h).
  std::string guard() const {
    return "NN_PROJECT_" + StringRef(top).upper() + "_H";
  }
  const std::string &typeName(Type type) { return typeNames[type]; }

  struct Port {
    std::string name;
    MemRefType type;
    bool isOutput;
    std::string original; ///< the IR's name, for the comment
  };
  std::vector<Port> ports;

private:
  std::string freshName(StringRef base) { return scope.fresh(base); }
  void addType(Type type) {
    auto fixed = llvm::dyn_cast<FixedType>(type);
    if (!fixed || typeNames.count(type))
      return;
    std::string name = fixed.getIsSigned() ? "fixed_" : "ufixed_";
    name += std::to_string(fixed.getWidth()) + "_";
    name += fixed.getIntWidth() < 0 ? "m" + std::to_string(-fixed.getIntWidth())
                                    : std::to_string(fixed.getIntWidth());
    fx::Format f = fixed.getFormat();
    if (f.rounding != fx::Rounding::TRN)
      name += "_" + StringRef(fx::toString(f.rounding)).drop_front(3).lower();
    if (f.overflow != fx::Overflow::WRAP)
      name += "_" + StringRef(fx::toString(f.overflow)).drop_front(3).lower();
    typeNames[type] = name + "_t";
    scope.reserve(name + "_t");
  }
  std::string dims(MemRefType type) {
    std::string text;
    for (int64_t d : type.getShape())
      text += "[" + std::to_string(d) + "]";
    return text;
  }
  std::string shapeComment(MemRefType type) {
    std::string text = "[";
    for (auto [i, d] : llvm::enumerate(type.getShape()))
      text += (i ? ", " : "") + std::to_string(d);
    return text + "] " +
           llvm::cast<FixedType>(type.getElementType()).getFormat().toString();
  }
  std::string expr(AffineExpr e, ArrayRef<std::string> operands,
                   unsigned numDims);
  std::string indices(AffineMap map, ValueRange operands);
  std::string name(Value v) { return names.lookup(v); }
  void partitionPragma(raw_ostream &os, StringRef var, Attribute attr);
  LogicalResult emitBlock(Block &block, int indent, raw_ostream &os);
  LogicalResult emitOp(Operation &op, int indent, raw_ostream &os);

public:
  // FxOpVisitor (FxOpVisitor.h): one method per nn.fx op, then the others.
  // A rom is printed with the weights.
  LogicalResult visitFx(FxRomOp, int, raw_ostream &) { return success(); }
  LogicalResult visitFx(FxStreamWriteOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxStreamReadOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxCmpOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxToIndexOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxIlog2Op op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxConstantOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxMulOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxAddOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxSubOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxCastOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxMaxOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxReluOp op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxDivPow2Op op, int indent, raw_ostream &os);
  LogicalResult visitFx(FxDivIntOp op, int indent, raw_ostream &os);
  LogicalResult visitNotFx(Operation *op, int indent, raw_ostream &os);

private:
  /// A fresh C name for v, from base and a counter.
  std::string freshValue(Value v, StringRef base) {
    std::string n = freshName(base.str() + std::to_string(counter++));
    names[v] = n;
    return n;
  }
  /// Starts the definition of a scalar: `const T vN = `.
  raw_ostream &define(Value result, int indent, raw_ostream &os) {
    std::string n = freshValue(result, "v");
    return line(os, indent) << "const " << typeName(result.getType()) << " "
                            << n << " = ";
  }
  void emitCsimDot(const WrapDot &dot, Value acc, int indent,
                   raw_ostream &os);
  std::string flatElement(const WrapDotOperand &operand,
                          StringRef step);
  raw_ostream &line(raw_ostream &os, int indent) {
    return os.indent(2 * indent);
  }

  // nn.fx.div_int: one static helper per (input, result) type pair.
  LogicalResult addDivision(FxDivIntOp div);
  LogicalResult checkArray(Location loc, const std::string &what,
                           MemRefType type);
  LogicalResult checkLoop(affine::AffineForOp forOp);
  int64_t weightElements = 0;
  void emitDivisions(raw_ostream &os);
  llvm::MapVector<std::pair<Type, Type>, std::string> divisions;

  func::FuncOp func;
  llvm::MapVector<Type, std::string> typeNames;
  /// The one namespace of the emitted names (the top function's, the
  /// weights', ports', buffers', loop variables' and the testbench's).
  IdentifierScope scope;
  std::string top;
  llvm::DenseMap<Value, std::string> names;
  std::vector<FxRomOp> roms;
  int counter = 0;
};

/// The bytes of one element of a fixed-point array in the C types that
/// hold it (1, 2, 4 or 8 bytes, then 8 per 64 bits).
static int64_t elementBytes(FixedType type) {
  unsigned w = type.getWidth();
  return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : 8 * ((int64_t(w) + 63) / 64);
}

LogicalResult Emitter::checkArray(Location loc, const std::string &what,
                                  MemRefType type) {
  auto fixed = llvm::dyn_cast<FixedType>(type.getElementType());
  if (!type.hasStaticShape() || !fixed)
    return emitError(loc) << "the HLS emitter expects static memrefs of "
                             "!nn.fixed, got "
                          << type << " for " << what;
  std::optional<int64_t> count = checkedProduct(type.getShape());
  std::optional<int64_t> bytes =
      count ? checkedBytes(*count, elementBytes(fixed)) : std::nullopt;
  if (!bytes || *bytes > kMaxArrayBytes) {
    InFlightDiagnostic diag = emitError(loc)
                              << "the HLS emitter declares arrays of at most "
                              << kMaxArrayBytes << " bytes, but " << what
                              << " (" << type << ") needs ";
    if (bytes)
      diag << *bytes << " bytes";
    else
      diag << "more than 2^63 - 1 bytes";
    return diag;
  }
  return success();
}

LogicalResult Emitter::checkLoop(affine::AffineForOp forOp) {
  if (!forOp.hasConstantBounds())
    return forOp.emitError("the HLS emitter handles loops with constant "
                           "bounds only");
  // The loop variable is a C int: its bounds, and its last increment, must
  // fit (docs/Lowering.md, "Limits").
  int64_t lo = forOp.getConstantLowerBound();
  int64_t hi = forOp.getConstantUpperBound();
  int64_t step = forOp.getStepAsInt();
  std::optional<int64_t> past = llvm::checkedAdd(hi, step);
  if (lo < INT32_MIN || hi > INT32_MAX || !past || *past > INT32_MAX)
    return forOp.emitError("the HLS emitter's loop variables are C ints, "
                           "but the loop '")
           << nameOf(forOp) << "' runs from " << lo << " to " << hi
           << " by " << step;
  return success();
}

/// Names the emitted code declares itself, in the scope of the user's
/// names: nn_load_weights() and its loop variable (which see the weights),
/// and the testbench's main(), whose locals live in the same scope as the
/// port arrays it declares.
static const char *const kEmitterNames[] = {
    "nn_load_weights", "loaded", "i",      "writeNpy", "in",
    "inputs",          "outputs", "batch", "results", "s",        "k",
    "d",               "flat",    "offset", "shape",  "expected", "same",
    "arg",             "error",   "samples"};

/// IR that has not been through --nn-lower-to-hls (nn-level layers work on
/// tensors; loop-level IR only on memrefs and scalars) is refused first,
/// naming the first op that is still on tensors, so that the user learns
/// which step is missing rather than which detail the emitter lacks.
static LogicalResult checkLowered(func::FuncOp func) {
  auto isTensor = [](Type type) { return llvm::isa<TensorType>(type); };
  const char *hint = ": this is nn-level IR, which the HLS emitter does not "
                     "read; run nn-opt --nn-lower-to-hls first";
  // The first layer on tensors (the return only repeats the signature).
  Operation *tensorOp = nullptr;
  func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op != func.getOperation() && !llvm::isa<func::ReturnOp>(op) &&
        (llvm::any_of(op->getOperandTypes(), isTensor) ||
         llvm::any_of(op->getResultTypes(), isTensor))) {
      tensorOp = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (tensorOp) {
    InFlightDiagnostic diag = tensorOp->emitError("'")
                              << tensorOp->getName() << "'";
    std::string layer = getHardwareLayerName(tensorOp->getLoc());
    if (!layer.empty())
      diag << " (layer '" << layer << "')";
    return diag << " works on tensors" << hint;
  }
  if (llvm::any_of(func.getArgumentTypes(), isTensor) ||
      llvm::any_of(func.getResultTypes(), isTensor))
    return func.emitError("the function '")
           << func.getSymName() << "' takes or returns tensors" << hint;
  return success();
}

LogicalResult Emitter::prepare() {
  if (failed(checkLowered(func)))
    return failure();
  for (const char *n : kEmitterNames)
    scope.reserve(n);
  if (hlsemit::isDataflow(func))
    for (const char *n : hlsemit::kStreamHelperNames)
      scope.reserve(n);
  // The top function first: nothing else may shadow it.
  // The configuration's ProjectName names the top function (and so the
  // project's files), else the function's own name.
  StringRef topBase = func.getSymName();
  if (auto module = func->getParentOfType<ModuleOp>())
    if (auto name = module->getAttrOfType<StringAttr>(kHlsProjectNameAttr))
      topBase = name.getValue();
  top = freshName(topBase.empty() ? StringRef("top") : topBase);
  // Ports.
  for (BlockArgument arg : func.getArguments()) {
    auto type = llvm::dyn_cast<MemRefType>(arg.getType());
    if (!type || !type.hasStaticShape() ||
        !llvm::isa<FixedType>(type.getElementType()))
      return emitError(arg.getLoc())
             << "the HLS emitter expects static memrefs of !nn.fixed "
                "arguments, got "
             << arg.getType();
    bool isOutput = func.getArgAttr(arg.getArgNumber(), kHlsOutputAttr) != nullptr;
    std::string base = getHardwareLayerName(arg.getLoc());
    if (auto n = func.getArgAttrOfType<StringAttr>(arg.getArgNumber(), kHlsNameAttr))
      base = n.str();
    if (base.empty())
      base = (isOutput ? "output_" : "input_") +
             std::to_string(arg.getArgNumber());
    if (failed(checkArray(arg.getLoc(), "port '" + base + "'", type)))
      return failure();
    std::string n = freshName(base);
    names[arg] = n;
    ports.push_back({n, type, isOutput, base});
    addType(type.getElementType());
  }
  if (func.getNumResults() != 0)
    return func.emitError("the HLS emitter expects a function without results "
                          "(outputs are out-parameters): run --nn-lower-to-hls");
  WalkResult walk = func.walk([&](Operation *op) -> WalkResult {
    if (!llvm::isa<affine::AffineForOp, affine::AffineYieldOp,
                   affine::AffineIfOp, affine::AffineLoadOp,
                   affine::AffineStoreOp, affine::AffineApplyOp,
                   memref::AllocOp, memref::LoadOp, memref::StoreOp,
                   arith::ConstantOp, func::ReturnOp, arith::SelectOp,
                   affine::AffineMinOp, affine::AffineMaxOp, arith::MulIOp>(
            op) &&
        !isFxOp(op) &&
        op != func.getOperation()) {
      op->emitError("the HLS emitter does not handle '")
          << op->getName() << "'";
      return WalkResult::interrupt();
    }
    if (auto constant = llvm::dyn_cast<arith::ConstantOp>(op))
      if (!llvm::isa<IntegerAttr>(constant.getValue())) {
        op->emitError("the HLS emitter handles integer constants only");
        return WalkResult::interrupt();
      }
    if (auto forOp = llvm::dyn_cast<affine::AffineForOp>(op))
      if (failed(checkLoop(forOp)))
        return WalkResult::interrupt();
    for (Type t : op->getResultTypes()) {
      if (auto memref = llvm::dyn_cast<MemRefType>(t)) {
        std::string what = "array '" + nameOf(op) + "'";
        if (failed(checkArray(op->getLoc(), what, memref)))
          return WalkResult::interrupt();
        t = memref.getElementType();
      }
      if (auto fixed = llvm::dyn_cast<FixedType>(t)) {
        if (fixed.getWidth() > 1024) {
          op->emitError("the HLS emitter handles up to 1024-bit types");
          return WalkResult::interrupt();
        }
        addType(fixed);
      }
    }
    if (auto div = llvm::dyn_cast<FxDivIntOp>(op))
      if (failed(addDivision(div)))
        return WalkResult::interrupt();
    if (auto rom = llvm::dyn_cast<FxRomOp>(op)) {
      // Printed as literals, read into a vector of int64_t first: bounded
      // in total (checkArray bounded each count).
      weightElements += llvm::cast<MemRefType>(rom.getType()).getNumElements();
      if (weightElements > kMaxWeightElements) {
        rom.emitError("the HLS emitter prints at most ")
            << kMaxWeightElements << " weights in all, and the weights up "
            << "to '" << nameOf(rom) << "' are " << weightElements
            << " elements";
        return WalkResult::interrupt();
      }
      roms.push_back(rom);
      std::string base = nameOf(rom);
      names[rom] = freshName(base.empty() ? "weights" : base);
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

void Emitter::emitTypedefs(raw_ostream &os) {
  os << "// Fixed-point types: one per distinct precision of the design.\n";
  for (auto &[type, n] : typeNames) {
    fx::Format f = llvm::cast<FixedType>(type).getFormat();
    os << "typedef " << f.toString() << " " << n << "; // " << f.width
       << " bits, " << f.intWidth << " integer, LSB 2^" << -f.fracWidth()
       << (f.isSigned ? ", signed" : ", unsigned") << "\n";
  }
  if (hlsemit::isDataflow(func))
    hlsemit::emitStreamHelpers(os);
}

void Emitter::emitPrototype(raw_ostream &os) {
  os << "void " << topName() << "(";
  for (auto [i, port] : llvm::enumerate(ports)) {
    os << (i ? ",\n    " : "\n    ") << (port.isOutput ? "" : "const ")
       << typeName(port.type.getElementType()) << " " << port.name
       << dims(port.type);
  }
  os << ")";
}

/// The smallest C integer type holding every raw integer of `f`.
static const char *rawIntType(const fx::Format &f) {
  int bits = f.width + (f.isSigned ? 0 : 1);
  return bits <= 8 ? "signed char" : bits <= 16 ? "short" : bits <= 32 ? "int"
                                                                       : "long long";
}

LogicalResult Emitter::emitWeights(raw_ostream &os) {
  // Two forms of each rom. For synthesis (__SYNTHESIS__) a static const
  // array of the fixed-point type initialised from exact decimal literals,
  // which Vitis folds into a ROM. For C simulation the raw integers in a
  // plain C array, converted exactly once at the first call: g++ needs
  // code for every element of a class-type initialiser (the double
  // constructor is not constexpr), which makes large networks impossible to
  // compile (a 200k-element ap_fixed array takes minutes and gigabytes),
  // while integer arrays of millions of elements compile in seconds.
  for (FxRomOp rom : roms) {
    auto type = llvm::cast<MemRefType>(rom.getType());
    auto fixed = llvm::cast<FixedType>(type.getElementType());
    if (fixed.getWidth() > 53)
      return rom.emitError("the HLS emitter prints weights of up to 53 bits "
                           "(exact as double literals), got ")
             << fixed;
    FailureOr<std::vector<int64_t>> raws = romRaws(rom);
    if (failed(raws))
      return failure();
    fx::Format f = fixed.getFormat();
    auto elements = [&](function_ref<void(int64_t)> print) {
      // Row-major, flat: C aggregate initialisation fills nested arrays in
      // order (brace elision).
      for (size_t i = 0; i < raws->size(); ++i) {
        os << (i % 8 == 0 ? "\n    " : " ");
        print((*raws)[i]);
        if (i + 1 < raws->size())
          os << ",";
      }
      os << "\n};\n";
    };
    os << "\n// " << escapeComment(nameOf(rom)) << ": " << shapeComment(type)
       << "\n#ifdef __SYNTHESIS__\nstatic const " << typeName(fixed) << " "
       << name(rom) << dims(type) << " = {";
    elements([&](int64_t raw) { os << exactLiteral(raw, f); });
    os << "#else\n// The raw integers: value = raw * 2^" << -f.fracWidth()
       << ".\nstatic " << typeName(fixed) << " " << name(rom) << dims(type)
       << ";\nstatic const " << rawIntType(f) << " " << name(rom) << "_raw["
       << raws->size() << "] = {";
    elements([&](int64_t raw) {
      os << static_cast<long long>(fx::rawToInt(raw, f));
    });
    os << "#endif\n";
  }
  if (roms.empty())
    return success();
  // value = raw * 2^-F exactly: an integer-valued ap_fixed times the
  // power-of-two constant, then a cast that changes nothing (portable to
  // Vitis's ap_fixed, unlike reading or writing bit patterns).
  os << "\n#ifndef __SYNTHESIS__\n// C simulation: the roms from their raw "
        "integers, once.\nstatic void nn_load_weights() {\n  static bool "
        "loaded = false;\n  if (loaded)\n    return;\n";
  for (FxRomOp rom : roms) {
    auto type = llvm::cast<MemRefType>(rom.getType());
    auto fixed = llvm::cast<FixedType>(type.getElementType());
    fx::Format f = fixed.getFormat();
    fx::Format scale{1, 1 - f.fracWidth(), false, fx::Rounding::TRN,
                     fx::Overflow::WRAP};
    std::string t = typeName(fixed);
    os << "  for (int i = 0; i < " << type.getNumElements() << "; ++i)\n"
       << "    reinterpret_cast<" << t << " *>(" << name(rom) << ")[i] = " << t
       << "(ap_fixed<" << f.width + 1 << "," << f.width + 1 << ">("
       << name(rom) << "_raw[i]) * " << scale.toString() << "("
       << exactLiteral(1, scale) << "));\n";
  }
  os << "  loaded = true;\n}\n#endif\n";
  return success();
}

std::string Emitter::expr(AffineExpr e, ArrayRef<std::string> operands,
                          unsigned numDims) {
  switch (e.getKind()) {
  case AffineExprKind::Constant:
    return std::to_string(llvm::cast<AffineConstantExpr>(e).getValue());
  case AffineExprKind::DimId:
    return operands[llvm::cast<AffineDimExpr>(e).getPosition()];
  case AffineExprKind::SymbolId:
    return operands[numDims + llvm::cast<AffineSymbolExpr>(e).getPosition()];
  default:
    break;
  }
  auto bin = llvm::cast<AffineBinaryOpExpr>(e);
  std::string l = expr(bin.getLHS(), operands, numDims);
  std::string r = expr(bin.getRHS(), operands, numDims);
  // Loop indices are never negative here, so C's / and % are floordiv
  // and mod.
  switch (e.getKind()) {
  case AffineExprKind::Add:
    return "(" + l + " + " + r + ")";
  case AffineExprKind::Mul:
    return "(" + l + " * " + r + ")";
  case AffineExprKind::FloorDiv:
    return "(" + l + " / " + r + ")";
  case AffineExprKind::CeilDiv:
    return "((" + l + " + " + r + " - 1) / " + r + ")";
  case AffineExprKind::Mod:
    return "(" + l + " % " + r + ")";
  default:
    return "0";
  }
}

std::string Emitter::indices(AffineMap map, ValueRange operands) {
  SmallVector<std::string> ops;
  for (Value v : operands)
    ops.push_back(name(v));
  std::string text;
  for (AffineExpr e : map.getResults()) {
    std::string s = expr(e, ops, map.getNumDims());
    if (s.size() > 2 && s.front() == '(' && s.back() == ')')
      s = s.substr(1, s.size() - 2);
    text += "[" + s + "]";
  }
  return text;
}

void Emitter::partitionPragma(raw_ostream &os, StringRef var, Attribute attr) {
  auto text = llvm::dyn_cast_or_null<StringAttr>(attr);
  if (!text)
    return;
  StringRef how = text.getValue();
  os << "NN_HLS(HLS ARRAY_PARTITION variable=" << var << " " << how
     << (how == "complete" ? " dim=0" : " dim=1") << ")\n";
}

LogicalResult Emitter::emitBlock(Block &block, int indent, raw_ostream &os) {
  for (Operation &op : block)
    if (failed(emitOp(op, indent, os)))
      return failure();
  return success();
}

LogicalResult Emitter::emitOp(Operation &op, int indent, raw_ostream &os) {
  return dispatchFx(&op, indent, os);
}

LogicalResult Emitter::visitNotFx(Operation *opPtr, int indent,
                                  raw_ostream &os) {
  Operation &op = *opPtr;
  auto fresh = [&](Value v, StringRef base) { return freshValue(v, base); };
  auto tn = [&](Value v) { return typeName(v.getType()); };

  if (llvm::isa<func::ReturnOp>(op))
    return success();
  if (auto c = llvm::dyn_cast<arith::ConstantOp>(op)) {
    names[c.getResult()] =
        std::to_string(llvm::cast<IntegerAttr>(c.getValue()).getInt());
    return success();
  }
  if (auto alloc = llvm::dyn_cast<memref::AllocOp>(op)) {
    std::string base = nameOf(alloc);
    std::string n = freshName(base.empty() ? "buffer" : base);
    names[alloc.getResult()] = n;
    if (alloc->hasAttr(kHlsStreamDepthAttr)) {
      hlsemit::emitFifo(os, indent, alloc, n,
                        typeName(alloc.getType().getElementType()));
      return success();
    }
    line(os, indent) << "// " << (base.empty() ? "" : escapeComment(base) + ": ")
                     << shapeComment(alloc.getType()) << "\n";
    // A buffer kept in memory (not partitioned: too large for registers) is
    // static: large arrays overflow the C simulation's stack, and every
    // element is written before it is read in each call, so nothing
    // carries over between calls.
    bool inMemory = !alloc->hasAttr(kHlsPartitionAttr);
    line(os, indent) << (inMemory ? "static " : "")
                     << typeName(alloc.getType().getElementType()) << " " << n
                     << dims(alloc.getType()) << ";\n";
    line(os, indent);
    partitionPragma(os, n, alloc->getAttr(kHlsPartitionAttr));
    return success();
  }
  if (auto forOp = llvm::dyn_cast<affine::AffineForOp>(op)) {
    if (!forOp.hasConstantBounds())
      return op.emitError("the HLS emitter handles loops with constant "
                          "bounds only");
    std::string iv = fresh(forOp.getInductionVar(), "i");
    SmallVector<std::string> carried;
    for (auto [arg, init, result] :
         llvm::zip(forOp.getRegionIterArgs(), forOp.getInits(),
                   forOp.getResults())) {
      std::string n = fresh(arg, "acc");
      names[result] = n;
      line(os, indent) << typeName(arg.getType()) << " " << n << " = "
                       << name(init) << ";\n";
    }
    // The C simulation's form of a wrapping dot product (WrapDot.h); the
    // loop below stays what Vitis compiles.
    std::optional<WrapDot> dot = matchWrapDot(forOp);
    if (dot) {
      emitCsimDot(*dot, forOp.getRegionIterArgs()[0], indent, os);
      os << "#else\n";
    }
    std::string label = nameOf(forOp);
    line(os, indent);
    if (!label.empty())
      os << freshName(label) << ": ";
    os << "for (int " << iv << " = " << forOp.getConstantLowerBound() << "; "
       << iv << " < " << forOp.getConstantUpperBound() << "; " << iv;
    if (forOp.getStepAsInt() == 1)
      os << "++) {\n";
    else
      os << " += " << forOp.getStepAsInt() << ") {\n";
    if (auto ii = forOp->getAttrOfType<IntegerAttr>(kHlsPipelineAttr))
      line(os, indent + 1) << "NN_HLS(HLS PIPELINE II=" << ii.getInt()
                           << ")\n";
    if (auto u = forOp->getAttrOfType<IntegerAttr>(kHlsUnrollAttr)) {
      line(os, indent + 1) << "NN_HLS(HLS UNROLL";
      if (u.getInt() > 0)
        os << " factor=" << u.getInt();
      os << ")\n";
    }
    // The multipliers of a latency block with reuse factor > 1.
    if (auto limit = forOp->getAttrOfType<IntegerAttr>(kHlsMulLimitAttr))
      line(os, indent + 1)
          << "NN_HLS(HLS ALLOCATION operation instances=mul limit="
          << limit.getInt() << ")\n";
    if (failed(emitBlock(*forOp.getBody(), indent + 1, os)))
      return failure();
    line(os, indent) << "}\n";
    if (dot)
      os << "#endif\n";
    return success();
  }
  if (auto yield = llvm::dyn_cast<affine::AffineYieldOp>(op)) {
    auto forOp = llvm::dyn_cast<affine::AffineForOp>(op.getParentOp());
    if (!forOp) {
      if (yield.getNumOperands() != 0)
        return op.emitError("the HLS emitter handles affine.if without "
                            "results only");
      return success();
    }
    for (auto [arg, v] : llvm::zip(forOp.getRegionIterArgs(),
                                   yield.getOperands()))
      line(os, indent) << name(arg) << " = " << name(v) << ";\n";
    return success();
  }
  if (auto ifOp = llvm::dyn_cast<affine::AffineIfOp>(op)) {
    IntegerSet set = ifOp.getIntegerSet();
    SmallVector<std::string> ops;
    for (Value v : ifOp.getOperands())
      ops.push_back(name(v));
    line(os, indent) << "if (";
    for (unsigned i = 0; i < set.getNumConstraints(); ++i)
      os << (i ? " && " : "")
         << expr(set.getConstraint(i), ops, set.getNumDims())
         << (set.isEq(i) ? " == 0" : " >= 0");
    if (set.getNumConstraints() == 0)
      os << "true";
    os << ") {\n";
    if (failed(emitBlock(*ifOp.getThenBlock(), indent + 1, os)))
      return failure();
    if (ifOp.hasElse()) {
      line(os, indent) << "} else {\n";
      if (failed(emitBlock(*ifOp.getElseBlock(), indent + 1, os)))
        return failure();
    }
    line(os, indent) << "}\n";
    return success();
  }
  // The pools' window counts: affine.min/max as ternaries, arith.muli.
  if (llvm::isa<affine::AffineMinOp, affine::AffineMaxOp>(op)) {
    bool isMin = llvm::isa<affine::AffineMinOp>(op);
    AffineMap map = isMin ? llvm::cast<affine::AffineMinOp>(op).getMap()
                          : llvm::cast<affine::AffineMaxOp>(op).getMap();
    SmallVector<std::string> ops;
    for (Value v : op.getOperands())
      ops.push_back(name(v));
    std::string text;
    for (AffineExpr e : map.getResults()) {
      std::string x = expr(e, ops, map.getNumDims());
      text = text.empty() ? x
                          : "((" + x + (isMin ? " < " : " > ") + text +
                                ") ? " + x + " : " + text + ")";
    }
    std::string n = fresh(op.getResult(0), "idx");
    line(os, indent) << "const int " << n << " = " << text << ";\n";
    return success();
  }
  if (auto mul = llvm::dyn_cast<arith::MulIOp>(op)) {
    std::string n = fresh(mul.getResult(), "idx");
    line(os, indent) << "const int " << n << " = " << name(mul.getLhs())
                     << " * " << name(mul.getRhs()) << ";\n";
    return success();
  }
  if (auto apply = llvm::dyn_cast<affine::AffineApplyOp>(op)) {
    SmallVector<std::string> ops;
    for (Value v : apply.getMapOperands())
      ops.push_back(name(v));
    std::string n = fresh(apply.getResult(), "idx");
    line(os, indent) << "const int " << n << " = "
                     << expr(apply.getAffineMap().getResult(0), ops,
                             apply.getAffineMap().getNumDims())
                     << ";\n";
    return success();
  }
  if (auto load = llvm::dyn_cast<affine::AffineLoadOp>(op)) {
    std::string n = fresh(load.getResult(), "v");
    line(os, indent) << "const " << tn(load.getResult()) << " " << n << " = "
                     << name(load.getMemRef())
                     << indices(load.getAffineMap(), load.getMapOperands())
                     << ";\n";
    return success();
  }
  if (auto store = llvm::dyn_cast<affine::AffineStoreOp>(op)) {
    line(os, indent) << name(store.getMemRef())
                     << indices(store.getAffineMap(), store.getMapOperands())
                     << " = " << name(store.getValueToStore()) << ";\n";
    return success();
  }
  if (auto load = llvm::dyn_cast<memref::LoadOp>(op)) {
    std::string n = fresh(load.getResult(), "v");
    line(os, indent) << "const " << tn(load.getResult()) << " " << n << " = "
                     << name(load.getMemRef());
    for (Value i : load.getIndices())
      os << "[" << name(i) << "]";
    os << ";\n";
    return success();
  }
  if (auto store = llvm::dyn_cast<memref::StoreOp>(op)) {
    line(os, indent) << name(store.getMemRef());
    for (Value i : store.getIndices())
      os << "[" << name(i) << "]";
    os << " = " << name(store.getValueToStore()) << ";\n";
    return success();
  }
  if (auto select = llvm::dyn_cast<arith::SelectOp>(op)) {
    define(select.getResult(), indent, os)
        << name(select.getCondition()) << " ? " << name(select.getTrueValue())
        << " : " << name(select.getFalseValue()) << ";\n";
    return success();
  }
  return op.emitError("the HLS emitter does not handle '")
         << op.getName() << "'";
}

LogicalResult Emitter::visitFx(FxStreamWriteOp write, int indent,
                               raw_ostream &os) {
  hlsemit::emitTransfer(os, indent, true, name(write.getFifo()),
                        name(write.getVector()));
  return success();
}

LogicalResult Emitter::visitFx(FxStreamReadOp read, int indent,
                               raw_ostream &os) {
  hlsemit::emitTransfer(os, indent, false, name(read.getFifo()),
                        name(read.getVector()));
  return success();
}

LogicalResult Emitter::visitFx(FxCmpOp cmp, int indent, raw_ostream &os) {
  static const char *symbols[] = {"<", "<=", ">", ">=", "==", "!="};
  std::string n = freshValue(cmp.getResult(), "c");
  line(os, indent) << "const bool " << n << " = " << name(cmp.getLhs())
                   << " " << symbols[int(cmp.getPredicate())] << " "
                   << name(cmp.getRhs()) << ";\n";
  return success();
}

// Table index arithmetic: results of type index are C ints.
LogicalResult Emitter::visitFx(FxToIndexOp toIndex, int indent,
                               raw_ostream &os) {
  std::string n = freshValue(toIndex.getResult(), "idx");
  line(os, indent) << "const int " << n << " = " << name(toIndex.getInput())
                   << ".to_int();\n";
  return success();
}

LogicalResult Emitter::visitFx(FxIlog2Op ilog2, int indent, raw_ostream &os) {
  // A leading-one detector: compare with each power of two of the
  // input's type, from the largest down.
  auto type = llvm::cast<FixedType>(ilog2.getInput().getType());
  fx::Format f = type.getFormat();
  std::string x = name(ilog2.getInput()), t = typeName(type);
  std::string n = freshValue(ilog2.getResult(), "exp");
  line(os, indent) << "const int " << n << " =";
  for (int k = f.intWidth - 1; k > f.intWidth - f.width; --k) {
    os << "\n";
    line(os, indent + 2) << "(" << x << " >= " << t << "("
                         << exactLiteral(int64_t(1) << (k + f.fracWidth()), f)
                         << ")) ? " << k << " :";
  }
  os << "\n";
  line(os, indent + 2) << (f.intWidth - f.width) << ";\n";
  return success();
}

LogicalResult Emitter::visitFx(FxConstantOp c, int indent, raw_ostream &os) {
  auto fixed = llvm::cast<FixedType>(c.getType());
  define(c.getResult(), indent, os)
      << typeName(fixed) << "(" << exactLiteral(c.getRaw(), fixed.getFormat())
      << ");\n";
  return success();
}

LogicalResult Emitter::visitFx(FxMulOp mul, int indent, raw_ostream &os) {
  // ap_fixed's operator* is exact with the type nn.fx.mul verified.
  define(mul.getResult(), indent, os)
      << name(mul.getLhs()) << " * " << name(mul.getRhs()) << ";\n";
  return success();
}

LogicalResult Emitter::visitFx(FxAddOp add, int indent, raw_ostream &os) {
  define(add.getResult(), indent, os)
      << name(add.getLhs()) << " + " << name(add.getRhs()) << ";\n";
  return success();
}

LogicalResult Emitter::visitFx(FxSubOp sub, int indent, raw_ostream &os) {
  // Exact: the type nn.fx.sub verified is ap_fixed's difference type.
  define(sub.getResult(), indent, os)
      << name(sub.getLhs()) << " - " << name(sub.getRhs()) << ";\n";
  return success();
}

LogicalResult Emitter::visitFx(FxCastOp cast, int indent, raw_ostream &os) {
  define(cast.getResult(), indent, os)
      << typeName(cast.getType()) << "(" << name(cast.getInput()) << ");\n";
  return success();
}

LogicalResult Emitter::visitFx(FxMaxOp max, int indent, raw_ostream &os) {
  std::string a = name(max.getLhs()), b = name(max.getRhs());
  define(max.getResult(), indent, os)
      << "(" << a << " > " << b << ") ? " << a << " : " << b << ";\n";
  return success();
}

LogicalResult Emitter::visitFx(FxReluOp relu, int indent, raw_ostream &os) {
  std::string x = name(relu.getInput()), t = typeName(relu.getType());
  define(relu.getResult(), indent, os) << "(" << x << " > " << t << "(0)) ? "
                                       << x << " : " << t << "(0);\n";
  return success();
}

LogicalResult Emitter::visitFx(FxDivPow2Op divPow2, int indent,
                               raw_ostream &os) {
  // x * 2^-e for each possible e: an exact product with the constant
  // ap_ufixed<1, 1 - e> (whose one bit weighs 2^-e), then one cast.
  std::string x = name(divPow2.getInput()), e = name(divPow2.getExponent());
  std::string t = typeName(divPow2.getType());
  define(divPow2.getResult(), indent, os);
  for (int64_t k = int64_t(divPow2.getMinExp());
       k <= int64_t(divPow2.getMaxExp()); ++k) {
    fx::Format pow2{1, int(1 - k), false, fx::Rounding::TRN,
                    fx::Overflow::WRAP};
    os << "\n";
    line(os, indent + 2) << "(" << e << " == " << k << ") ? " << t << "("
                         << x << " * " << pow2.toString() << "("
                         << exactLiteral(1, pow2) << ")) :";
  }
  os << "\n";
  line(os, indent + 2) << t << "(0);\n";
  return success();
}

LogicalResult Emitter::visitFx(FxDivIntOp div, int indent, raw_ostream &os) {
  define(div.getResult(), indent, os)
      << divisions.lookup({div.getInput().getType(), div.getType()}) << "("
      << name(div.getInput()) << ", " << name(div.getCount()) << ");\n";
  return success();
}

// Element `base + step` of an operand's buffer, read through a pointer to
// its first element (the offsets are flat).
std::string Emitter::flatElement(const WrapDotOperand &operand,
                                 StringRef step) {
  affine::AffineLoadOp load = operand.load; // accessors are not const
  SmallVector<std::string> ops;
  for (Value v : load.getMapOperands())
    ops.push_back(name(v));
  std::string text = "(&" + name(load.getMemRef());
  for (int64_t d = 0; d < load.getMemRefType().getRank(); ++d)
    text += "[0]";
  return text + ")[" +
         expr(operand.flatBase(), ops, load.getAffineMap().getNumDims()) +
         " + " + step.str() + "]";
}

// Only nn's C-simulation headers define NN_CSIM_AP_TYPES_H: Vitis (its
// synthesis and its own C simulation) compiles the loop after #else.
void Emitter::emitCsimDot(const WrapDot &dot, Value acc, int indent,
                          raw_ostream &os) {
  std::string k = freshName("nn_k"), sum = freshName("nn_sum");
  int64_t trips = int64_t(dot.lhs.stepOffsets.size());
  // A step's offset: linear ones inline, others from a table.
  auto stepOf = [&](const WrapDotOperand &operand) {
    const std::vector<int64_t> &offsets = operand.stepOffsets;
    int64_t first = offsets.front(),
            stride = trips > 1 ? offsets[1] - offsets[0] : 0;
    bool linear = true;
    for (int64_t j = 0; j < trips; ++j)
      linear &= offsets[size_t(j)] == first + j * stride;
    if (linear)
      return "(" + std::to_string(first) + " + " + k + " * " +
             std::to_string(stride) + ")";
    std::string table = freshName("nn_offsets");
    line(os, indent + 1) << "static const int " << table << "[" << trips
                         << "] = {";
    for (int64_t j = 0; j < trips; ++j)
      os << (j ? ", " : "") << offsets[size_t(j)];
    os << "};\n";
    return table + "[" + k + "]";
  };
  os << "#ifdef NN_CSIM_AP_TYPES_H\n";
  line(os, indent) << "{ // C simulation: the wrapping sum on raw integers\n";
  std::string lhs = flatElement(dot.lhs, stepOf(dot.lhs));
  std::string rhs = flatElement(dot.rhs, stepOf(dot.rhs));
  line(os, indent + 1) << "uint64_t " << sum << " = 0;\n";
  line(os, indent + 1) << "for (int " << k << " = 0; " << k << " < " << trips
                       << "; ++" << k << ")\n";
  line(os, indent + 2) << sum << " += uint64_t(" << lhs
                       << ".nn_raw64()) * uint64_t(" << rhs
                       << ".nn_raw64());\n";
  line(os, indent + 1) << name(acc) << " = nn_csim::wrap_raw<"
                       << typeName(acc.getType()) << ">(uint64_t("
                       << name(acc) << ".nn_raw64()) + (" << sum << " << "
                       << dot.shift << "));\n";
  line(os, indent) << "}\n";
}

// nn.fx.div_int as C++ on the API that Vitis' ap_fixed.h and nn's csim
// ap_types.h share (no division, shifts or range() on ap types): the sum
// times 2^T (a power-of-two ap_ufixed, exact) is an integer read with
// to_int64(); the floor division and the sticky bit of fx::castQuotient are
// done on long long; 2q + s times 2^-(T+1) is the exact value v' that one
// final conversion rounds into R (nn/Support/Quotient.h says why v' rounds
// like the exact quotient).
LogicalResult Emitter::addDivision(FxDivIntOp div) {
  auto key = std::make_pair(div.getInput().getType(), div.getType());
  if (divisions.count(key))
    return success();
  fx::Format in = llvm::cast<FixedType>(key.first).getFormat();
  fx::Format to = llvm::cast<FixedType>(key.second).getFormat();
  if (fx::quotientBits(in, to) > 63)
    return div.emitError("the HLS emitter divides in 64-bit integers: the "
                         "quotient of ")
           << key.first << " rounded to " << key.second << " needs "
           << fx::quotientBits(in, to) << " bits";
  addType(key.first);
  divisions[key] = freshName("nn_div_int_" + std::to_string(divisions.size()));
  return success();
}

void Emitter::emitDivisions(raw_ostream &os) {
  for (auto &[key, fn] : divisions) {
    fx::Format in = llvm::cast<FixedType>(key.first).getFormat();
    fx::Format to = llvm::cast<FixedType>(key.second).getFormat();
    int t = fx::quotientFracWidth(in.fracWidth(), to);
    int bits = fx::quotientBits(in, to);
    auto literal = [](int exponent) { // 2^exponent, exactly
      char buffer[40];
      std::snprintf(buffer, sizeof buffer, "%.17g",
                    std::ldexp(1.0, exponent));
      std::string text = buffer;
      if (text.find_first_of(".en") == std::string::npos)
        text += ".0";
      return text;
    };
    os << "\n// nn.fx.div_int: " << typeName(key.second) << "(sum / count) of "
       << "the exact quotient (sum * 2^" << t
       << " floor-divided, plus a sticky bit for a remainder).\n"
       << "static inline " << typeName(key.second) << " " << fn << "(const "
       << typeName(key.first) << " sum, const int count) {\n"
       << "  const long long num = (sum * ap_ufixed<1, " << (t + 1) << ">("
       << literal(t) << ")).to_int64();\n"
       << "  long long q = num / count;\n"
       << "  if (num % count != 0 && num < 0)\n"
       << "    --q;\n"
       << "  const long long twice = 2 * q + (num != q * count ? 1 : 0);\n"
       << "  return " << typeName(key.second) << "(ap_fixed<" << bits << ", "
       << bits << ">(twice) * ap_ufixed<1, " << -t << ">(" << literal(-t - 1)
       << "));\n"
       << "}\n";
  }
}

LogicalResult Emitter::emitFunction(raw_ostream &os) {
  emitDivisions(os);
  os << "\n// The top function";
  if (func.getSymName() != top)
    os << " ('" << escapeComment(func.getSymName()) << "')";
  os << ": inputs, then outputs (out-parameters).\n";
  emitPrototype(os);
  os << " {\n";
  for (Port &port : ports) {
    os << "  // " << (port.isOutput ? "output " : "input ") << port.name;
    if (port.original != port.name)
      os << " ('" << escapeComment(port.original) << "')";
    os << ": " << shapeComment(port.type) << "\n";
  }
  for (Port &port : ports)
    os << "  NN_HLS(HLS INTERFACE ap_vld port=" << port.name << ")\n";
  if (auto ii = func->getAttrOfType<IntegerAttr>(kHlsPipelineAttr))
    os << "  NN_HLS(HLS PIPELINE II=" << ii.getInt() << ")\n";
  // io_stream: the top-level loops are the processes.
  if (hlsemit::isDataflow(func))
    os << "  NN_HLS(HLS DATAFLOW)\n";
  for (auto [i, port] : llvm::enumerate(ports)) {
    os << "  ";
    partitionPragma(os, port.name, func.getArgAttr(unsigned(i), kHlsPartitionAttr));
  }
  for (FxRomOp rom : roms) {
    os << "  ";
    partitionPragma(os, name(rom), rom->getAttr(kHlsPartitionAttr));
    if (auto reshape = rom->getAttrOfType<StringAttr>(kHlsReshapeAttr))
      os << "  NN_HLS(HLS ARRAY_RESHAPE variable=" << name(rom) << " "
         << reshape.getValue() << " dim=1)\n";
  }
  if (!roms.empty())
    os << "#ifndef __SYNTHESIS__\n  nn_load_weights();\n#endif\n";
  os << "\n";
  if (hlsemit::isDataflow(func)) {
    // Each top-level loop is a process (a thread in nn's C simulation).
    os << "  NN_DATAFLOW_BEGIN\n";
    for (Operation &op : func.getBody().front()) {
      bool process = llvm::isa<affine::AffineForOp>(op);
      if (process)
        os << "  NN_PROCESS_BEGIN(" << nameOf(&op) << ")\n";
      if (failed(emitOp(op, 1, os)))
        return failure();
      if (process)
        os << "  NN_PROCESS_END\n";
    }
    os << "  NN_DATAFLOW_END\n";
  } else if (failed(emitBlock(func.getBody().front(), 1, os))) {
    return failure();
  }
  os << "}\n";
  return success();
}

const char *kPreamble = R"(// HLS directives: Vitis HLS sees them as pragmas; a plain C++ compiler
// (C simulation with g++) sees nothing, as it would warn about unknown
// pragmas.
#if defined(__SYNTHESIS__) || defined(__VITIS_HLS__)
#define NN_HLS(x) _Pragma(#x)
#else
#define NN_HLS(x)
#endif
)";

FailureOr<func::FuncOp> findTop(ModuleOp module) {
  // A library caller may hand over IR it built without verifying it; the
  // emitter relies on what the verifiers guarantee (e.g. the nn.hls.*
  // directives it writes into pragmas have their documented forms).
  if (failed(mlir::verify(module)))
    return failure();
  func::FuncOp top;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    if (top)
      return func.emitError("the HLS emitter expects one function, found '")
             << top.getSymName() << "' and '" << func.getSymName() << "'";
    top = func;
  }
  if (!top)
    return module.emitError("the HLS emitter found no function");
  return top;
}

LogicalResult emitSource(Emitter &emitter, raw_ostream &os,
                         bool withHeader, StringRef headerName) {
  os << "// Generated by nn-translate --emit-hls from loop-level nn IR.\n";
  if (withHeader) {
    os << "#include \"" << headerName << "\"\n\n";
  } else {
    os << "#include \"ap_fixed.h\"\n\n" << kPreamble << "\n";
    emitter.emitTypedefs(os);
  }
  os << "\n// Loop labels name the layers for the HLS reports.\n"
        "#pragma GCC diagnostic ignored \"-Wunused-label\"\n";
  if (failed(emitter.emitWeights(os)))
    return failure();
  return emitter.emitFunction(os);
}

} // namespace

LogicalResult nn::emitHlsCpp(ModuleOp module, raw_ostream &os) {
  FailureOr<func::FuncOp> top = findTop(module);
  if (failed(top))
    return failure();
  Emitter emitter(*top);
  if (failed(emitter.prepare()))
    return failure();
  return emitSource(emitter, os, false, "");
}

static LogicalResult writeFile(Operation *op, StringRef path,
                               function_ref<LogicalResult(raw_ostream &)> fn) {
  std::error_code ec;
  llvm::raw_fd_ostream file(path, ec);
  if (ec)
    return op->emitError("cannot write '") << path << "': " << ec.message();
  if (failed(fn(file)))
    return failure();
  file.close();
  if (file.has_error()) {
    // Cleared, or the stream's destructor would abort the process.
    std::string message = file.error().message();
    file.clear_error();
    return op->emitError("cannot write '") << path << "': " << message;
  }
  return success();
}

/// The file that marks a directory as an nn HLS project, which a later
/// --emit-hls-project may overwrite.
static constexpr llvm::StringLiteral kProjectMarker = ".nn-hls-project";

/// The rule for the project directory (docs/Lowering.md, "The project
/// directory"): DIR does not exist, is an empty directory, or holds an nn
/// project (kProjectMarker); firmware/ and the files the emitter writes are
/// a real directory and regular files when they exist (never symlinks,
/// which could lead outside DIR). Other files in DIR are left alone.
static LogicalResult checkProjectDir(Operation *op, StringRef dir,
                                     ArrayRef<std::string> dirs,
                                     ArrayRef<std::string> files) {
  namespace fs = llvm::sys::fs;
  if (dir.empty())
    return op->emitError("--emit-hls-project needs a directory "
                         "(--hls-project-dir=DIR)");
  fs::file_status status;
  if (!fs::status(dir, status)) {
    if (!fs::is_directory(status))
      return op->emitError("the HLS project directory '")
             << dir << "' exists and is not a directory";
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec)
      return op->emitError("cannot read the HLS project directory '")
             << dir << "': " << ec.message();
    if (it != end && !fs::exists(files.front()))
      return op->emitError("the HLS project directory '")
             << dir << "' is not empty and holds no nn HLS project (no "
             << kProjectMarker << "): not writing into it";
  }
  auto isLink = [](StringRef path) {
    fs::file_status st;
    return !fs::status(path, st, /*Follow=*/false) &&
           st.type() == fs::file_type::symlink_file;
  };
  // Parents before children: each is checked before anything is created.
  for (const std::string &sub : dirs)
    if (isLink(sub) || (fs::exists(sub) && !fs::is_directory(sub)))
      return op->emitError("'") << sub
                                << "' exists and is not a directory (symbolic "
                                   "links are not followed)";
  for (const std::string &file : files)
    if (isLink(file) || (fs::exists(file) && !fs::is_regular_file(file)))
      return op->emitError("'") << file
                                << "' exists and is not a regular file "
                                   "(symbolic links are not followed): not "
                                   "overwritten";
  for (const std::string &sub : dirs)
    if (std::error_code ec = fs::create_directories(sub))
      return op->emitError("cannot create '") << sub << "': " << ec.message();
  return success();
}

static const char *kTestbench = R"(// C-simulation testbench: runs the top function on .npy inputs
// (float32 or float64, C order; a leading dimension N where the port has 1
// runs N samples) and writes each output as real values in a float64 .npy,
// like nn-interp:  %TOP%_test --input x.npy [...] --output y.npy [...]
// Inputs are read by nn's own .npy reader (nn_csim/npy.h), which accepts
// and refuses exactly the files nn-interp does.
#include "firmware/%TOP%.h"
#include "nn_csim/npy.h"

#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool writeNpy(const std::string &path, const std::vector<long> &shape,
              const std::vector<double> &values) {
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < shape.size(); ++i)
    header += std::to_string(shape[i]) + (shape.size() == 1 ? "," : (i + 1 < shape.size() ? ", " : ""));
  header += "), }";
  size_t total = 10 + header.size() + 1;
  header += std::string((64 - total % 64) % 64, ' ') + "\n";
  std::ofstream out(path, std::ios::binary);
  unsigned len = unsigned(header.size());
  char pre[10] = {'\x93', 'N', 'U', 'M', 'P', 'Y', 1, 0,
                  char(len & 0xff), char(len >> 8)};
  out.write(pre, 10);
  out.write(header.data(), header.size());
  out.write(reinterpret_cast<const char *>(values.data()), values.size() * 8);
  return bool(out);
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> inputs, outputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--input" || arg == "--output") && i + 1 < argc)
      (arg == "--input" ? inputs : outputs).push_back(argv[++i]);
    else {
      std::cerr << "usage: " << argv[0] << " --input X.npy ... --output Y.npy ...\n";
      return 1;
    }
  }
  if (inputs.size() != %NUM_INPUTS% || outputs.size() != %NUM_OUTPUTS%) {
    std::cerr << "expects %NUM_INPUTS% --input and %NUM_OUTPUTS% --output\n";
    return 1;
  }
  std::vector<nn_csim::NpyArray> in(inputs.size());
  long batch = 1;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string error = nn_csim::readNpy(inputs[i], in[i]);
    if (!error.empty()) {
      std::cerr << "input " << i << " (" << inputs[i] << "): " << error
                << "\n";
      return 1;
    }
  }
%CHECKS%
  std::vector<std::vector<double>> results(%NUM_OUTPUTS%);
  for (long s = 0; s < batch; ++s) {
%SAMPLE%
  }
%WRITES%
  return 0;
}
)";

static std::string replaceAll(std::string text, StringRef from, StringRef to) {
  size_t pos = 0;
  while ((pos = text.find(from.str(), pos)) != std::string::npos) {
    text.replace(pos, from.size(), to.str());
    pos += to.size();
  }
  return text;
}

/// The C-simulation headers a project carries, by their path in nn's
/// runtime include directory (runtime/CMakeLists.txt stages it in the build
/// tree and installs it as <prefix>/share/nn/runtime/include). In the
/// project they go to two directories so that Vitis never sees nn's ap
/// types (it has its own): kCsimApDir, the stand-ins for Vitis's headers,
/// only for the g++ build of the Makefile; kCsimTbDir, the testbench's .npy
/// reader, for both g++ and Vitis's csim_design.
struct RuntimeHeader {
  llvm::StringLiteral path;
  bool apTypes;
};
constexpr RuntimeHeader kRuntimeHeaders[] = {
    {"ap_int.h", true},           {"ap_fixed.h", true},
    {"hls_stream.h", true},       {"nn_csim/ap_types.h", true},
    {"nn/Support/FixedPoint.h", true}, {"nn_csim/npy.h", false},
    {"nn/Support/Npy.h", false}};
constexpr llvm::StringLiteral kCsimApDir = "csim/include";
constexpr llvm::StringLiteral kCsimTbDir = "csim/tb";

/// The first header of kRuntimeHeaders that `dir` lacks, or "" when it
/// holds them all.
static StringRef missingRuntimeHeader(StringRef dir) {
  for (const RuntimeHeader &header : kRuntimeHeaders) {
    SmallString<256> path(dir);
    llvm::sys::path::append(path, header.path);
    if (!llvm::sys::fs::is_regular_file(path))
      return header.path;
  }
  return "";
}

/// The clock period in ns as Tcl reads it: the shortest decimal that reads
/// back as the same double (5 -> "5", 3.3 -> "3.3").
static std::string shortestDecimal(double value) {
  char buffer[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  return buffer;
}

namespace {
/// What build_prj.tcl targets: the configuration's Part and ClockPeriod
/// (module attributes set by --nn-quantize), else hls4ml's defaults for
/// the Vivado and Vitis backends.
struct HlsTarget {
  std::string part = "xcvu13p-flga2577-2-e";
  std::string clockPeriod = "5";
};
} // namespace

// The module's verifier (NNDialect::verifyOperationAttribute) has checked
// the attributes: a part of Tcl-safe characters, a positive clock period.
static FailureOr<HlsTarget> readHlsTarget(ModuleOp module) {
  HlsTarget target;
  if (auto part = module->getAttrOfType<StringAttr>(kHlsPartAttr))
    target.part = part.str();
  if (auto period = module->getAttrOfType<FloatAttr>(kHlsClockPeriodAttr))
    target.clockPeriod = shortestDecimal(period.getValueAsDouble());
  return target;
}

LogicalResult nn::emitHlsProject(ModuleOp module, StringRef dir,
                                 StringRef runtimeInclude) {
  FailureOr<func::FuncOp> topFunc = findTop(module);
  if (failed(topFunc))
    return failure();
  Emitter emitter(*topFunc);
  if (failed(emitter.prepare()))
    return failure();
  FailureOr<HlsTarget> target = readHlsTarget(module);
  if (failed(target))
    return failure();
  // Checked before anything is written: a project without its headers
  // would not build.
  if (StringRef missing = missingRuntimeHeader(runtimeInclude);
      !missing.empty())
    return module.emitError("nn's C-simulation header '")
           << missing << "' is missing from '" << runtimeInclude
           << "' (--hls-runtime-include)";
  std::string top = emitter.topName();
  auto path = [&](StringRef a, StringRef b = "") {
    SmallString<256> p(dir);
    llvm::sys::path::append(p, a);
    if (!b.empty())
      llvm::sys::path::append(p, b);
    return std::string(p);
  };
  // Every file is named after the top function's identifier (letters,
  // digits and '_', bounded length: CIdentifier.h) or fixed: all stay
  // directly inside DIR and DIR/firmware.
  std::vector<std::string> files = {
      path(kProjectMarker),          path("firmware", top + ".h"),
      path("firmware", top + ".cpp"), path(top + "_test.cpp"),
      path("build_prj.tcl"),          path("Makefile")};
  // The cost model's estimate, when --nn-estimate="attach=true" recorded it
  // before the lowering (docs/CostModel.md).
  auto estimateJson = module->getAttrOfType<StringAttr>(kHlsEstimateAttr);
  auto estimateTable =
      module->getAttrOfType<StringAttr>(kHlsEstimateTableAttr);
  const size_t estimateFile = files.size();
  if (estimateJson && estimateTable) {
    files.push_back(path("estimate.json"));
    files.push_back(path("README.md"));
  }
  const bool stream = hlsemit::isDataflow(*topFunc);
  const size_t fifoFile = files.size();
  if (stream) {
    files.push_back(path("fifo_depths.txt"));
    files.push_back(path("dataflow.dot"));
  }
  // The carried headers (fixed relative paths) and every directory they
  // need, parents first.
  std::vector<std::string> dirs = {path("firmware")};
  std::vector<std::pair<std::string, std::string>> copies;
  for (const RuntimeHeader &header : kRuntimeHeaders) {
    StringRef base = header.apTypes ? kCsimApDir : kCsimTbDir;
    SmallString<64> relative(base);
    llvm::sys::path::append(relative, header.path);
    for (StringRef parent = llvm::sys::path::parent_path(relative);
         !parent.empty(); parent = llvm::sys::path::parent_path(parent))
      if (!llvm::is_contained(dirs, path(parent)))
        dirs.push_back(path(parent));
    SmallString<256> source(runtimeInclude);
    llvm::sys::path::append(source, header.path);
    copies.emplace_back(std::string(source), path(relative));
    files.push_back(path(relative));
  }
  // Parents first (fewer separators), firmware/ first among equals.
  llvm::stable_sort(dirs, [](const std::string &a, const std::string &b) {
    return llvm::count(a, '/') < llvm::count(b, '/');
  });
  if (failed(checkProjectDir(module, dir, dirs, files)))
    return failure();
  if (failed(writeFile(module, files[0], [&](raw_ostream &os) {
        os << "This directory holds an HLS project written by nn-translate "
              "--emit-hls-project for the top function "
           << top << "; nn-translate overwrites its files.\n";
        return success();
      })))
    return failure();
  for (const auto &[source, dest] : copies)
    if (std::error_code ec = llvm::sys::fs::copy_file(source, dest))
      return module.emitError("cannot copy '")
             << source << "' to '" << dest << "': " << ec.message();
  std::string guard = emitter.guard();
  if (failed(writeFile(module, files[1],
                       [&](raw_ostream &os) {
                         os << "// Generated by nn-translate "
                               "--emit-hls-project.\n#ifndef "
                            << guard << "\n#define " << guard
                            << "\n\n#include \"ap_fixed.h\"\n\n"
                            << kPreamble << "\n";
                         emitter.emitTypedefs(os);
                         os << "\n";
                         emitter.emitPrototype(os);
                         os << ";\n\n#endif\n";
                         return success();
                       })))
    return failure();
  if (failed(writeFile(module, files[2],
                       [&](raw_ostream &os) {
                         return emitSource(emitter, os, true, top + ".h");
                       })))
    return failure();

  // The testbench: one static array per port, filled per sample.
  std::string checks, sample, writes, collect;
  unsigned numInputs = 0, numOutputs = 0;
  std::string call = "    " + top + "(";
  for (auto [k, port] : llvm::enumerate(emitter.ports)) {
    std::string t = emitter.typeName(port.type.getElementType());
    int64_t size = port.type.getNumElements();
    std::string dimsText, first, shapeList;
    for (int64_t x : port.type.getShape()) {
      dimsText += "[" + std::to_string(x) + "]";
      first += "[0]";
      shapeList += (shapeList.empty() ? "" : ", ") + std::to_string(x);
    }
    call += (k ? ", " : "") + port.name;
    sample += "    static " + t + " " + port.name + dimsText + ";\n";
    if (!port.isOutput) {
      unsigned i = numInputs++;
      checks += llvm::formatv(
          "  {{\n    const long expected[] = {{{0}};\n"
          "    const std::vector<int64_t> &shape = in[{1}].shape;\n"
          "    bool same = shape.size() == {2};\n"
          "    for (size_t d = 0; same && d < shape.size(); ++d)\n"
          "      same = shape[d] == expected[d] || (d == 0 && expected[0] == 1);\n"
          "    if (!same) {{\n"
          "      std::cerr << \"input {1}: shape does not match the port\\n\";\n"
          "      return 1;\n    }\n"
          "    if (long(in[{1}].values.size()) != {3}) {{\n"
          "      const long samples = long(in[{1}].values.size()) / {3};\n"
          "      if (batch != 1 && batch != samples) {{\n"
          "        std::cerr << \"input {1}: \" << samples << \" samples, an "
          "earlier input \" << batch << \"\\n\";\n"
          "        return 1;\n      }\n"
          "      batch = samples;\n    }\n  }\n",
          shapeList, i, port.type.getRank(), size);
      sample += llvm::formatv(
          "    {{\n      {0} *flat = &{1}{2};\n"
          "      const long offset = long(in[{3}].values.size()) == {4} ? 0 : s * {4};\n"
          "      for (long k = 0; k < {4}; ++k)\n"
          "        flat[k] = {0}(in[{3}].values[offset + k]);\n    }\n",
          t, port.name, first, i, size);
    } else {
      unsigned o = numOutputs++;
      collect += llvm::formatv(
          "    for (long k = 0; k < {0}; ++k)\n"
          "      results[{1}].push_back((&{2}{3})[k].to_double());\n",
          size, o, port.name, first);
      auto shape = port.type.getShape();
      writes += "  {\n    std::vector<long> shape = {";
      for (auto [j, x] : llvm::enumerate(shape))
        writes += (j ? ", " : "") +
                  (j == 0 && x == 1 ? std::string("batch") : std::to_string(x));
      writes += "};\n";
      if (shape.empty() || shape[0] != 1)
        writes += "    if (batch != 1)\n      shape.insert(shape.begin(), batch);\n";
      writes += llvm::formatv(
          "    if (!writeNpy(outputs[{0}], shape, results[{0}])) {{\n"
          "      std::cerr << \"cannot write \" << outputs[{0}] << \"\\n\";\n"
          "      return 1;\n    }\n  }\n",
          o);
    }
  }
  sample += call + ");\n" + collect;
  std::string bench = kTestbench;
  bench = replaceAll(bench, "%TOP%", top);
  bench = replaceAll(bench, "%NUM_INPUTS%", std::to_string(numInputs));
  bench = replaceAll(bench, "%NUM_OUTPUTS%", std::to_string(numOutputs));
  bench = replaceAll(bench, "%CHECKS%", checks);
  bench = replaceAll(bench, "%SAMPLE%", sample);
  bench = replaceAll(bench, "%WRITES%", writes);
  if (failed(writeFile(module, files[3], [&](raw_ostream &os) {
        os << bench;
        return success();
      })))
    return failure();

  if (failed(writeFile(module, files[4], [&](raw_ostream &os) {
        os << "# Vitis HLS project: vitis_hls -f build_prj.tcl\n"
           << "# IOType: " << (stream ? "io_stream" : "io_parallel") << "\n"
              "# Set NN_CSIM_ARGS for the testbench's --input/--output "
              "arguments.\n"
              "# Vitis compiles with its own ap_fixed.h: nn's C-simulation "
              "stand-ins\n# (" << kCsimApDir << ") are only for the Makefile; "
              "the testbench's .npy reader is in " << kCsimTbDir << ".\n"
              "set nn_prj [file dirname [file normalize [info script]]]\n"
              "open_project -reset "
           << top << "_prj\nset_top " << top << "\nadd_files firmware/" << top
           << ".cpp -cflags \"-std=c++14\"\nadd_files -tb " << top
           << "_test.cpp -cflags \"-std=c++14 -I$nn_prj -I$nn_prj/"
           << kCsimTbDir << "\"\n"
              "open_solution -reset solution1 -flow_target vivado\n"
              "set_part {" << target->part << "}\ncreate_clock -period "
           << target->clockPeriod << " -name default\n"
              "set args [expr {[info exists ::env(NN_CSIM_ARGS)] ? "
              "$::env(NN_CSIM_ARGS) : \"\"}]\n"
              "csim_design -argv $args\ncsynth_design\ncosim_design -argv "
              "$args\nexport_design -format ip_catalog\nexit\n";
        return success();
      })))
    return failure();
  // Only paths relative to the project: it builds wherever it is copied.
  if (failed(writeFile(module, files[5], [&](raw_ostream &os) {
    os << "# C simulation with g++ and the C-simulation headers this project "
          "carries:\n#   make && ./"
       << top
       << "_csim --input x.npy --output y.npy\n"
          "# NN_RUNTIME_INCLUDE may name another copy of nn's runtime headers\n"
          "# (<prefix>/share/nn/runtime/include of an installed nn).\n"
          "NN_RUNTIME_INCLUDE ?= " << kCsimApDir << "\n"
          "# Where nn/Support/FixedPoint.h, which they build on, is found.\n"
          "NN_SUPPORT_INCLUDE ?= " << kCsimApDir << "\n"
          "CXX ?= g++\n# The firmware's contract; CXXFLAGS from the environment add to it.\n"
          "NN_CXXFLAGS = -std=c++14 -O2 -Wall -Wextra -Werror\n"
       << (stream ? "# io_stream: every DATAFLOW process runs in its own thread "
                    "over FIFOs bounded\n# by their STREAM depths (an "
                    "undersized depth deadlocks and is reported);\n# "
                    "NN_FIFO_REPORT=<file> in the environment writes each "
                    "FIFO's depth and peak.\nNN_CXXFLAGS += "
                    "-DNN_CSIM_DATAFLOW -pthread\n"
                  : "")
       << "\n"
       << top << "_csim: firmware/" << top << ".cpp firmware/" << top
       << ".h " << top << "_test.cpp\n\t$(CXX) $(NN_CXXFLAGS) $(CXXFLAGS) -I. -Ifirmware "
          "-I$(NN_RUNTIME_INCLUDE) -I$(NN_SUPPORT_INCLUDE) -I" << kCsimTbDir
       << " firmware/"
       << top << ".cpp " << top << "_test.cpp -o $@\n\nclean:\n\trm -f " << top
       << "_csim\n";
    return success();
  })))
    return failure();
  if (stream && failed(writeFile(module, files[fifoFile], [&](raw_ostream &os) {
        os << hlsemit::fifoReport(*topFunc);
        return success();
      })))
    return failure();
  if (stream &&
      failed(writeFile(module, files[fifoFile + 1], [&](raw_ostream &os) {
        os << hlsemit::dataflowDot(*topFunc);
        return success();
      })))
    return failure();
  if (!estimateJson || !estimateTable)
    return success();
  if (failed(writeFile(module, files[estimateFile], [&](raw_ostream &os) {
        os << estimateJson.getValue();
        return success();
      })))
    return failure();
  return writeFile(module, files[estimateFile + 1], [&](raw_ostream &os) {
    os << "# " << top << "\n\nHLS project written by nn-translate "
          "--emit-hls-project. Build: `vitis_hls -f build_prj.tcl`; C "
          "simulation: `make`.\n\nIOType: "
       << (stream ? "io_stream (FIFO depths: fifo_depths.txt)"
                  : "io_parallel")
       << ".\n\n## Estimate\n\nnn's cost model "
          "(--nn-estimate, docs/CostModel.md) before the lowering, also in "
          "estimate.json:\n\n```\n"
       << estimateTable.getValue() << "```\n";
    return success();
  });
}

llvm::cl::OptionCategory &nn::getEmitHlsOptionCategory() {
  static llvm::cl::OptionCategory category("HLS project options");
  return category;
}

static llvm::cl::opt<std::string>
    projectDir("hls-project-dir",
               llvm::cl::desc("Directory of --emit-hls-project"),
               llvm::cl::init("hls_prj"),
               llvm::cl::cat(getEmitHlsOptionCategory()));

static llvm::cl::opt<std::string> runtimeIncludeDir(
    "hls-runtime-include",
    llvm::cl::desc("nn's C-simulation headers that --emit-hls-project copies "
                   "into the project (default: the build or install tree of "
                   "this nn-translate, <prefix>/share/nn/runtime/include)"),
    llvm::cl::value_desc("dir"), llvm::cl::cat(getEmitHlsOptionCategory()));

/// The running tool's path, from registerEmitHlsTranslations.
static std::string &toolPath() {
  static std::string path;
  return path;
}

/// nn's runtime include directory: --hls-runtime-include, else where the
/// build tree stages it or an install puts it relative to the tool's own
/// directory (relative paths from CMake: the tree can be moved).
static FailureOr<std::string> findRuntimeInclude(Operation *op) {
  if (!runtimeIncludeDir.empty())
    return std::string(runtimeIncludeDir);
  std::vector<std::string> candidates;
  StringRef bin = llvm::sys::path::parent_path(toolPath());
  for (StringRef relative : {StringRef(NN_RUNTIME_FROM_INSTALL_BINDIR),
                             StringRef(NN_RUNTIME_FROM_BUILD_BINDIR)}) {
    SmallString<256> candidate(bin);
    llvm::sys::path::append(candidate, relative);
    llvm::sys::path::remove_dots(candidate, /*remove_dot_dot=*/true);
    if (!bin.empty() && !llvm::is_contained(candidates, candidate.str()))
      candidates.push_back(std::string(candidate));
  }
  for (const std::string &candidate : candidates)
    if (missingRuntimeHeader(candidate).empty())
      return candidate;
  InFlightDiagnostic diag =
      op->emitError("cannot find nn's C-simulation headers (ap_fixed.h, "
                    "nn_csim/npy.h, ...) for the project: looked in ");
  if (candidates.empty())
    diag << "nothing (the path of nn-translate is unknown)";
  for (auto [i, candidate] : llvm::enumerate(candidates))
    diag << (i ? ", " : "") << "'" << candidate << "'";
  diag << "; build the target nn-runtime-headers, install nn (cmake "
          "--install), or pass --hls-runtime-include=DIR";
  return failure();
}

void nn::registerEmitHlsTranslations(const char *argv0) {
  // On Linux the path comes from /proc/self/exe; argv0 (searched in PATH)
  // where that is missing. The address is only used on other systems.
  toolPath() = llvm::sys::fs::getMainExecutable(
      argv0, reinterpret_cast<void *>(&registerEmitHlsTranslations));
  static TranslateFromMLIRRegistration emitCpp(
      "emit-hls", "print loop-level nn IR as Vitis HLS C++",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = llvm::dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expects a module");
        return emitHlsCpp(module, os);
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });
  static TranslateFromMLIRRegistration emitProject(
      "emit-hls-project",
      "write an HLS project (firmware, testbench, build_prj.tcl, Makefile, "
      "C-simulation headers) into --hls-project-dir",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = llvm::dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expects a module");
        FailureOr<std::string> runtime = findRuntimeInclude(op);
        if (failed(runtime) ||
            failed(emitHlsProject(module, projectDir, *runtime)))
          return failure();
        os << "wrote the HLS project to " << projectDir << "\n";
        return success();
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });
}
