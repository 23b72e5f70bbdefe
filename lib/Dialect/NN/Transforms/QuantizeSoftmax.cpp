//===- QuantizeSoftmax.cpp - nn-quantize: softmax -------------------------===//
//
// Softmax's own configuration: its Implementation and Skip (a skipped
// softmax is erased), and its exp_table, inv_table and accumulator formats
// written as op attributes (the interpreter and the lowering read them).
//
//===----------------------------------------------------------------------===//

#include "QuantizePass.h"

#include "nn/Conversion/Passes.h"
#include "nn/Support/ActivationTables.h"

using namespace mlir;
using namespace nn;
using namespace nn::quantize;

LogicalResult QuantizePass::applySoftmaxChoices(Operation *op,
                                                const Levels &levels,
                                                LayerReport &report) {
  std::optional<Chosen<fx::SoftmaxImpl>> impl = levels.implementation();
  std::optional<Chosen<bool>> skip = levels.skip();
  auto softmax = llvm::dyn_cast<SoftmaxOp>(op);
  if (!softmax) {
    for (const std::string *source :
         {impl ? &impl->source : nullptr, skip ? &skip->source : nullptr})
      if (source)
        return op->emitError("layer '")
               << report.name << "' (" << op->getName() << "): " << *source
               << " applies to Softmax layers only";
    return success();
  }
  if (impl) {
    softmax.setImplementation(fx::toString(impl->value));
    report.implementation =
        Chosen<std::string>{fx::toString(impl->value), impl->source};
  } else {
    report.implementation = Chosen<std::string>{
        fx::toString(softmax.getImpl()),
        softmax.getImplementation() ? "the op's implementation attribute"
                                    : "default (stable)"};
  }
  if (skip) {
    report.skipped = skip;
    if (skip->value) {
      // hls4ml's Skip: the softmax is not in the hardware; the network's
      // output is the previous layer's (a monotonic function changes no
      // ranking).
      op->getResult(0).replaceAllUsesWith(op->getOperand(0));
      op->erase();
      reports.push_back(std::move(report));
    }
  }
  return success();
}

void QuantizePass::recordSoftmaxFormats(SoftmaxOp op, const Levels &levels,
                                        LayerReport &report) {
  MLIRContext *context = &getContext();
  fx::SoftmaxImpl impl = op.getImpl();
  if (impl == fx::SoftmaxImpl::Argmax)
    return; // no tables, no sum
  // A table: its own key, else Precision.table, else the implementation's
  // default ("auto" means the default, as for other tables).
  auto table = [&](Var var, const fx::Format &fallback) {
    std::optional<Chosen<hls::Precision>> chosen = levels.configured(var);
    if (!chosen || chosen->value.isAuto)
      chosen = levels.configured(Var::Table);
    if (!chosen || chosen->value.isAuto)
      chosen = Chosen<hls::Precision>{
          hls::Precision{false, fallback},
          std::string("default (") + fx::toString(impl) + " softmax)"};
    report.vars[static_cast<int>(var)] = Chosen<std::string>{
        chosen->value.format.toString(), chosen->source};
    return TypeAttr::get(FixedType::get(context, chosen->value.format));
  };
  op.setExpTableTypeAttr(
      table(Var::ExpTable, fx::defaultSoftmaxExpFormat(impl)));
  op.setInvTableTypeAttr(
      table(Var::InvTable, fx::defaultSoftmaxInvFormat(impl)));
  // The sum: exact unless accum is set to a type.
  std::optional<Chosen<hls::Precision>> accum =
      levels.configured(Var::Accum);
  if (accum && !accum->value.isAuto) {
    op.setAccumTypeAttr(
        TypeAttr::get(FixedType::get(context, accum->value.format)));
    report.vars[static_cast<int>(Var::Accum)] = Chosen<std::string>{
        accum->value.format.toString(), accum->source};
  } else {
    report.vars[static_cast<int>(Var::Accum)] = Chosen<std::string>{
        "exact", accum ? accum->source + " (auto: the exact sum)"
                       : std::string("default (the exact sum)")};
  }
}

