//===- EmitHLS.cpp - loop-level IR to Vitis HLS C++ -----------------------===//
//
// Prints the top function of loop-level IR (docs/Lowering.md) as Vitis HLS
// C++: one typedef per distinct fixed-point type, weights as static const
// arrays, affine loops as for loops with their HLS directives, scalar nn.fx
// ops as ap_fixed expressions in which every precision change is an
// explicit conversion. The emitter only reads the IR: names are derived
// here (from NameLocs) and kept in the emitter's own tables.
//
// This file is the op printer (the body of the top function, one visitor
// over the ops); the checks, names, typedefs and weights that precede it are
// in EmitDeclarations.cpp, the project's files in EmitProject.cpp and the
// nn-translate registration in TranslateRegistration.cpp.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/HLS/EmitHLS.h"
#include "EmitStream.h"
#include "Emitter.h"

#include "nn/Conversion/Passes.h"
#include "nn/Support/Quotient.h"

#include "mlir/IR/IntegerSet.h"
#include "mlir/IR/Verifier.h"

#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace nn;
using namespace nn::hlsemit;

// The directive attributes are nn/Conversion/Passes.h's kHls*Attr.

/// nn.hls.name, else the location's name.
std::string hlsemit::nameOf(Operation *op) {
  if (auto name = op->getAttrOfType<StringAttr>(kHlsNameAttr))
    return name.str();
  return getHardwareLayerName(op->getLoc());
}

/// The exact value of a raw as a C++ double literal: %.17g round-trips
/// every double, and a value of at most 53 significant bits is a double.
std::string hlsemit::exactLiteral(int64_t raw, const fx::Format &f) {
  double v = fx::toDouble(raw, f);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  std::string text = buffer;
  if (text.find_first_of(".en") == std::string::npos)
    text += ".0";
  return text;
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

const char *const hlsemit::kPreamble = R"(// HLS directives: Vitis HLS sees them as pragmas; a plain C++ compiler
// (C simulation with g++) sees nothing, as it would warn about unknown
// pragmas.
#if defined(__SYNTHESIS__) || defined(__VITIS_HLS__)
#define NN_HLS(x) _Pragma(#x)
#else
#define NN_HLS(x)
#endif
)";

FailureOr<func::FuncOp> hlsemit::findTop(ModuleOp module) {
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

LogicalResult hlsemit::emitSource(Emitter &emitter, raw_ostream &os,
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

LogicalResult nn::emitHlsCpp(ModuleOp module, raw_ostream &os) {
  FailureOr<func::FuncOp> top = findTop(module);
  if (failed(top))
    return failure();
  Emitter emitter(*top);
  if (failed(emitter.prepare()))
    return failure();
  return emitSource(emitter, os, false, "");
}
