//===- CheckHlsLimits.cpp - no operation unrolled beyond the limit --------===//
//
// --nn-check-hls-limits: for every operation of loop-level IR, the number
// of copies Vitis HLS makes when it unrolls the loops marked nn.hls.unroll
// and every loop inside a pipelined loop or function; an error when one
// exceeds max-unroll. The nn-lower-to-hls pipeline ends with it.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "llvm/Support/MathExtras.h"

namespace nn {
#define GEN_PASS_DEF_NNCHECKHLSLIMITS
#include "nn/Conversion/Passes.h.inc"
} // namespace nn

using namespace mlir;
using namespace nn;

namespace {

/// Whether Vitis unrolls `loop`: marked so, or inside a pipelined loop or a
/// pipelined function (a pipeline unrolls every loop in it).
bool isUnrolled(affine::AffineForOp loop) {
  if (loop->hasAttr(kHlsUnrollAttr))
    return true;
  for (Operation *parent = loop->getParentOp(); parent;
       parent = parent->getParentOp())
    if (parent->hasAttr(kHlsPipelineAttr))
      return true;
  return false;
}

struct CheckHlsLimitsPass
    : public nn::impl::NNCheckHlsLimitsBase<CheckHlsLimitsPass> {
  using Base::Base;
  void runOnOperation() override {
    if (maxUnroll < 1) {
      getOperation().emitError("nn-check-hls-limits: max-unroll must be at "
                               "least 1, got ")
          << int64_t(maxUnroll);
      return signalPassFailure();
    }
    bool failedCheck = false;
    getOperation().walk([&](Operation *op) {
      if (failedCheck || llvm::isa<affine::AffineForOp, affine::AffineYieldOp,
                                   func::FuncOp, ModuleOp>(op))
        return;
      uint64_t copies = 1;
      affine::AffineForOp innermost;
      for (auto loop = op->getParentOfType<affine::AffineForOp>(); loop;
           loop = loop->getParentOfType<affine::AffineForOp>()) {
        if (!isUnrolled(loop))
          continue;
        if (!innermost)
          innermost = loop;
        std::optional<uint64_t> trips = affine::getConstantTripCount(loop);
        if (!trips) {
          loop.emitError("nn-check-hls-limits: an unrolled loop needs a "
                         "constant trip count");
          failedCheck = true;
          return;
        }
        copies = llvm::SaturatingMultiply(copies, *trips); // no overflow
      }
      if (copies <= uint64_t(maxUnroll))
        return;
      std::string loopName = "?";
      if (auto n = innermost->getAttrOfType<StringAttr>(kHlsNameAttr))
        loopName = n.str();
      op->emitError("loop '")
          << loopName << "' and the loops around it unroll '"
          << op->getName() << "' " << copies << " times, more than "
          << int64_t(maxUnroll) << " (max-unroll)";
      failedCheck = true;
    });
    if (failedCheck)
      signalPassFailure();
  }
};

} // namespace
