//===- EmitDeclarations.cpp - what the HLS emitter prints first -----------===//
//
// The first half of the HLS emitter (Emitter.h): prepare() checks that the
// IR is loop-level and within the emitter's limits and gives every port,
// buffer, rom and type its C name (one scope); then the typedefs, the top
// function's prototype and the weights, which precede the function body
// that EmitHLS.cpp prints. Kept apart from the printer because these run
// once per design, before any op is printed, and the project writer calls
// them on their own for the project's header.
//
//===----------------------------------------------------------------------===//

#include "EmitStream.h"
#include "Emitter.h"

#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/IR/FixedRaws.h"
#include "nn/Support/Quotient.h"

using namespace mlir;
using namespace nn;
using namespace nn::hlsemit;

namespace {

// The directive attributes are nn/Conversion/Passes.h's kHls*Attr.

/// The emitter's size limits (docs/Lowering.md, "Limits"), checked with
/// overflow-checked products before anything is allocated or printed: each
/// array of the emitted C++ at most 2 GiB (static data beyond it needs
/// -mcmodel=medium on x86-64, and no FPGA holds it), and at most 2^27
/// weights in all (printed as literals twice, read as int64_t first).
constexpr int64_t kMaxArrayBytes = int64_t(1) << 31;
constexpr int64_t kMaxWeightElements = int64_t(1) << 27;

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

} // namespace

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
