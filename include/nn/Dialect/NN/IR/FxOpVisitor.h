//===- FxOpVisitor.h - the one list of the nn.fx ops ------------*- C++ -*-===//
//
// Every consumer of loop-level IR (the loop interpreter, the HLS emitter)
// dispatches the nn.fx ops through FxOpVisitor: a class deriving from it
// must declare visitFx(<Op>) for every op of NN_FX_OPS, or the dispatch
// does not compile. A new nn.fx op is added to NN_FX_OPS (the
// FxOpVisitorTest unit test fails until it is), and then every consumer
// fails to compile until it handles the op.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_FXOPVISITOR_H
#define NN_DIALECT_NN_IR_FXOPVISITOR_H

#include "nn/Dialect/NN/IR/NNOps.h"

#include "llvm/ADT/TypeSwitch.h"

namespace nn {

/// All nn.fx ops: the scalar arithmetic, the constant tables (rom) and the
/// io_stream transfers.
#define NN_FX_OPS                                                              \
  FxConstantOp, FxMulOp, FxAddOp, FxSubOp, FxCastOp, FxReluOp, FxMaxOp,        \
      FxCmpOp, FxToIndexOp, FxIlog2Op, FxDivPow2Op, FxDivIntOp, FxRomOp,       \
      FxStreamReadOp, FxStreamWriteOp

/// The names of NN_FX_OPS, for the completeness test.
template <typename... Ops> struct FxOpNames {
  static llvm::SmallVector<llvm::StringRef> get() {
    return {Ops::getOperationName()...};
  }
};
using FxOpList = FxOpNames<NN_FX_OPS>;

/// Whether op is one of NN_FX_OPS.
inline bool isFxOp(mlir::Operation *op) { return llvm::isa<NN_FX_OPS>(op); }

/// CRTP dispatch over NN_FX_OPS: dispatchFx(op) calls the derived class's
/// visitFx(ConcreteOp, args...) for an nn.fx op and
/// visitNotFx(op, args...) for any other op.
template <typename Derived, typename Result = void, typename... Args>
class FxOpVisitor {
public:
  Result dispatchFx(mlir::Operation *op, Args... args) {
    auto *self = static_cast<Derived *>(this);
    return llvm::TypeSwitch<mlir::Operation *, Result>(op)
        .template Case<NN_FX_OPS>(
            [&](auto fx) -> Result { return self->visitFx(fx, args...); })
        .Default([&](mlir::Operation *other) -> Result {
          return self->visitNotFx(other, args...);
        });
  }
};

} // namespace nn

#endif // NN_DIALECT_NN_IR_FXOPVISITOR_H
