//===- EstimatePass.cpp - --nn-estimate -----------------------------------===//
//
// Runs the cost model on every function of quantized nn IR, prints the
// table and writes the JSON report; the IR passes through unchanged.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostModel.h"
#include "nn/Analysis/Passes.h"
#include "nn/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

namespace nn {
#define GEN_PASS_DEF_NNESTIMATE
#include "nn/Analysis/Passes.h.inc"
} // namespace nn

using namespace mlir;
using namespace nn;

namespace {

struct EstimatePass : public nn::impl::NNEstimateBase<EstimatePass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<cost::Target> target =
        cost::resolveTarget(module, part, clockNs, "nn-estimate");
    if (failed(target))
      return signalPassFailure();
    const cost::Device *device = target->device;
    if (maxUnrollMults < 1 || maxPartition < 1) {
      module.emitError("nn-estimate: max-unroll-mults and max-partition "
                       "must be at least 1");
      return signalPassFailure();
    }
    if (ioType != "parallel" && ioType != "stream") {
      module.emitError("nn-estimate: io-type must be 'parallel' or 'stream', "
                       "not '")
          << ioType << "'";
      return signalPassFailure();
    }
    cost::Options options;
    options.clockNs = target->clockNs;
    options.limits = {maxUnrollMults, maxPartition};

    std::string table, json;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      FailureOr<cost::Estimate> estimate =
          ioType == "stream" ? cost::estimateStream(func, options)
                             : cost::estimate(func, options);
      if (failed(estimate))
        return signalPassFailure();
      estimate->part = device->part;
      table += cost::formatTable(*estimate, *device);
      // One design per module: the report holds the first (top) function.
      if (json.empty())
        json = cost::formatJson(*estimate);
    }
    llvm::outs() << table;
    llvm::outs().flush();
    if (attach) {
      // Read by --emit-hls-project after the lowering.
      Builder builder(module.getContext());
      module->setAttr(kHlsEstimateAttr, builder.getStringAttr(json));
      module->setAttr(kHlsEstimateTableAttr, builder.getStringAttr(table));
    }
    if (!attach)
      markAllAnalysesPreserved();
    if (report.empty())
      return;
    std::string error;
    auto file = openOutputFile(report, &error);
    if (!file) {
      module.emitError("nn-estimate: cannot write report '")
          << report << "': " << error;
      return signalPassFailure();
    }
    file->os() << json;
    file->keep();
  }
};

} // namespace
