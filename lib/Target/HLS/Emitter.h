//===- Emitter.h - the HLS emitter's state, shared by its files -*- C++ -*-===//
//
// The Emitter class (private to lib/Target/HLS): the names, types, ports and
// roms of one top function, collected by prepare() (EmitDeclarations.cpp)
// and printed by the op printer (EmitHLS.cpp); the project writer
// (EmitProject.cpp) reuses the same state for the header and testbench.
// One class in one header so that the three files cannot disagree on a name.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_TARGET_HLS_EMITTER_H
#define NN_LIB_TARGET_HLS_EMITTER_H

#include "nn/Dialect/NN/IR/FxOpVisitor.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/WrapDot.h"
#include "nn/Support/CIdentifier.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace nn {
namespace hlsemit {

using namespace mlir;

/// nn.hls.name, else the location's name.
std::string nameOf(Operation *op);

/// The exact value of a raw as a C++ double literal.
std::string exactLiteral(int64_t raw, const fx::Format &f);

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

/// The NN_HLS pragma macro that opens the source (and the project header).
extern const char *const kPreamble;

/// The one function of the module the emitter prints, after verifying it.
FailureOr<func::FuncOp> findTop(ModuleOp module);

/// The .cpp file: typedefs (or `#include headerName`), weights, function.
LogicalResult emitSource(Emitter &emitter, raw_ostream &os, bool withHeader,
                         StringRef headerName);

/// The first C-simulation header that `dir` lacks, or "" when it holds
/// them all (EmitProject.cpp; the registration looks for such a dir).
StringRef missingRuntimeHeader(StringRef dir);

} // namespace hlsemit
} // namespace nn

#endif // NN_LIB_TARGET_HLS_EMITTER_H
