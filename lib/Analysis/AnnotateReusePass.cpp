//===- AnnotateReusePass.cpp - --nn-annotate-reuse ------------------------===//
//
// Chooses the reuse factor of every free dense/conv layer so that the cost
// model's estimate fits a budget: every free layer starts at its cheapest
// latency (the smallest valid reuse factor whose structure needs no
// fallback) and, while the estimate exceeds the budget, the layer and
// reuse factor that save the most of the exceeded budget per cycle of
// latency (or of II) are taken. Greedy, one layer at a time: the layers'
// costs add up (docs/CostModel.md), so a saving per layer is a saving of
// the design.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/Budget.h"
#include "nn/Analysis/CostModel.h"
#include "nn/Analysis/Passes.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <cmath>

namespace nn {
#define GEN_PASS_DEF_NNANNOTATEREUSE
#include "nn/Analysis/Passes.h.inc"
} // namespace nn

using namespace mlir;
using namespace nn;

namespace {

using cost::amount;
using cost::available;
using Limits = cost::Budget;
constexpr const auto &kResources = cost::kBudgetResources;

/// One free layer: its candidates (reuse factor, strategy) in ascending
/// latency and their costs.
struct FreeLayer {
  Operation *op;
  cost::LayerEstimate before;
  std::vector<cost::LayerEstimate> costs;
  std::vector<reuse::Strategy> strategies;
  size_t chosen = 0;
};

struct AnnotateReusePass
    : public nn::impl::NNAnnotateReuseBase<AnnotateReusePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<cost::Target> target =
        cost::resolveTarget(module, part, clockNs, "nn-annotate-reuse");
    if (failed(target))
      return signalPassFailure();
    if (objective != "latency" && objective != "ii") {
      module.emitError("nn-annotate-reuse: objective must be latency or ii, "
                       "got '")
          << objective << "'";
      return signalPassFailure();
    }
    if (maxUnrollMults < 1 || maxPartition < 1) {
      module.emitError("nn-annotate-reuse: max-unroll-mults and "
                       "max-partition must be at least 1");
      return signalPassFailure();
    }
    FailureOr<Limits> limits =
        cost::parseBudget(module, budget, "nn-annotate-reuse");
    if (failed(limits))
      return signalPassFailure();
    if (maxUtilization != 0) {
      if (!(maxUtilization > 0 && maxUtilization <= 1)) {
        module.emitError("nn-annotate-reuse: max-utilization must be in "
                         "(0, 1], got ")
            << maxUtilization;
        return signalPassFailure();
      }
      for (size_t i = 0; i < kResources.size(); ++i) {
        int64_t share = int64_t(std::floor(
            maxUtilization * double(available(*target->device, i))));
        (*limits)[i] = (*limits)[i] ? std::min(*(*limits)[i], share) : share;
      }
    }
    if (llvm::none_of(*limits, [](auto l) { return l.has_value(); })) {
      module.emitError("nn-annotate-reuse: no budget: give budget=dsp:N,... "
                       "or max-utilization=F");
      return signalPassFailure();
    }
    cost::Options options;
    options.clockNs = target->clockNs;
    options.limits = {maxUnrollMults, maxPartition};
    options.warnFallbacks = false;
    for (auto func : module.getOps<func::FuncOp>())
      if (!func.isExternal() && failed(annotate(func, *limits, options)))
        return signalPassFailure();
  }

  /// The share of the budget still exceeded by `total` (0 when it fits).
  static double overshoot(const cost::Resources &total, const Limits &l) {
    double over = 0;
    for (size_t i = 0; i < kResources.size(); ++i)
      if (l[i] && amount(total, i) > *l[i])
        over += double(amount(total, i) - *l[i]) /
                double(std::max<int64_t>(1, *l[i]));
    return over;
  }

  static std::string describe(const cost::Resources &r, const Limits &l) {
    return cost::describeAmounts(r, l);
  }

  LogicalResult annotate(func::FuncOp func, const Limits &limits,
                         const cost::Options &options) {
    FailureOr<cost::Estimate> estimate = cost::estimate(func, options);
    if (failed(estimate))
      return failure();
    // The estimate's layers follow the function's ops (constants skipped).
    llvm::DenseMap<Operation *, cost::LayerEstimate> before;
    {
      size_t i = 0;
      for (Operation &op : func.getBody().front().without_terminator())
        if (!llvm::isa<ConstantOp>(op) && i < estimate->layers.size())
          before[&op] = estimate->layers[i++];
    }
    cost::DotPricer pricer(options);
    std::vector<FreeLayer> layers;
    cost::Resources fixed = estimate->total;
    for (Operation &op : func.getBody().front().without_terminator()) {
      auto mult = llvm::dyn_cast<MultiplierOpInterface>(&op);
      if (!mult || (!override && mult.getReuseFactor() != 1))
        continue;
      FreeLayer layer{&op, before.lookup(&op), {}, {}};
      // Candidates: the layer's strategy, else (when no reuse factor of it
      // lowers without a fallback) the resource strategy.
      for (reuse::Strategy strategy :
           {mult.getStrategy(), reuse::Strategy::Resource}) {
        for (int64_t r : reuse::validReuseFactors(
                 mult.getMultiplierInputs(), mult.getMultiplierOutputs(),
                 strategy)) {
          hls::DotSchedule plan;
          cost::LayerEstimate c = pricer.price(&op, r, strategy, &plan);
          if (plan.fallbacks.any())
            continue;
          layer.costs.push_back(c);
          layer.strategies.push_back(strategy);
        }
        if (!layer.costs.empty())
          break;
      }
      if (layer.costs.empty())
        continue; // nothing lowers without a fallback: left as it is
      cost::Resources b = layer.before.res;
      fixed.dsp -= b.dsp;
      fixed.lut -= b.lut;
      fixed.ff -= b.ff;
      fixed.bram18k -= b.bram18k;
      layers.push_back(std::move(layer));
    }

    auto total = [&]() {
      cost::Resources t = fixed;
      for (const FreeLayer &l : layers)
        t += l.costs[l.chosen].res;
      return t;
    };
    auto penalty = [&](const cost::LayerEstimate &from,
                       const cost::LayerEstimate &to) {
      return objective == "ii" ? double(to.ii - from.ii)
                               : double(to.latencyWorst - from.latencyWorst);
    };
    // Greedy: the move that removes the most overshoot per cycle. The
    // layers' costs add up except for design-level terms (the buffers
    // between layers become registers once a layer is a loop): the result
    // is checked with a full estimate, and the difference corrected, until
    // the estimate itself fits.
    Builder builder(func.getContext());
    for (int round = 0;; ++round) {
      for (;;) {
        cost::Resources t = total();
        double over = overshoot(t, limits);
        if (over == 0)
          break;
        double bestScore = 0;
        FreeLayer *bestLayer = nullptr;
        size_t bestChoice = 0;
        for (FreeLayer &l : layers) {
          const cost::LayerEstimate &cur = l.costs[l.chosen];
          for (size_t c = l.chosen + 1; c < l.costs.size(); ++c) {
            cost::Resources moved = t;
            moved.dsp += l.costs[c].res.dsp - cur.res.dsp;
            moved.lut += l.costs[c].res.lut - cur.res.lut;
            moved.ff += l.costs[c].res.ff - cur.res.ff;
            moved.bram18k += l.costs[c].res.bram18k - cur.res.bram18k;
            double gain = over - overshoot(moved, limits);
            if (gain <= 0)
              continue;
            double score = gain / std::max(penalty(cur, l.costs[c]), 0.5);
            if (score > bestScore) {
              bestScore = score;
              bestLayer = &l;
              bestChoice = c;
            }
          }
        }
        if (!bestLayer)
          return infeasible(func, limits, layers, fixed);
        bestLayer->chosen = bestChoice;
      }
      for (FreeLayer &l : layers) {
        l.op->setAttr(kReuseFactorAttrName,
                      builder.getI64IntegerAttr(l.costs[l.chosen].reuse));
        l.op->setAttr(kStrategyAttrName,
                      builder.getStringAttr(
                          reuse::toString(l.strategies[l.chosen])));
      }
      FailureOr<cost::Estimate> check = cost::estimateQuietly(func, options);
      if (failed(check))
        return failure();
      if (overshoot(check->total, limits) == 0) {
        report(func, layers, limits, check->total);
        return success();
      }
      if (round == 8)
        return infeasible(func, limits, layers, fixed);
      cost::Resources predicted = total();
      fixed.dsp += check->total.dsp - predicted.dsp;
      fixed.lut += check->total.lut - predicted.lut;
      fixed.ff += check->total.ff - predicted.ff;
      fixed.bram18k += check->total.bram18k - predicted.bram18k;
    }
  }

  /// The budgeted resources weighed by their limits.
  static double weight(const cost::Resources &r, const Limits &l) {
    double w = 0;
    for (size_t i = 0; i < kResources.size(); ++i)
      if (l[i])
        w += double(amount(r, i)) / double(std::max<int64_t>(1, *l[i]));
    return w;
  }

  static std::string describeLimits(const Limits &l) {
    return cost::describeBudget(l);
  }

  LogicalResult infeasible(func::FuncOp func, const Limits &limits,
                           const std::vector<FreeLayer> &layers,
                           const cost::Resources &fixed) {
    // The smallest achievable: every free layer at its candidate of least
    // budgeted cost, the other layers as they are.
    cost::Resources least = fixed;
    for (const FreeLayer &l : layers) {
      const cost::LayerEstimate *best = &l.costs.front();
      for (const cost::LayerEstimate &c : l.costs)
        if (weight(c.res, limits) < weight(best->res, limits))
          best = &c;
      least += best->res;
    }
    return func.emitError("nn-annotate-reuse: the budget (")
           << describeLimits(limits)
           << ") cannot be met: the smallest achievable is "
           << describe(least, limits) << " (free layers: " << layers.size()
           << ", each at its cheapest valid reuse factor)";
  }

  void report(func::FuncOp func, const std::vector<FreeLayer> &layers,
              const Limits &limits, const cost::Resources &t) {
    auto &os = llvm::outs();
    os << "nn-annotate-reuse: @" << func.getSymName() << ", objective "
       << objective << ", budget " << describeLimits(limits) << "\n";
    os << llvm::format("%-20s %-10s %-24s %5s %-9s %7s %9s %9s %8s %8s\n",
                       "layer", "op", "candidates", "R", "strategy", "DSP",
                       "LUT", "FF", "BRAM_18K", "latency");
    for (const FreeLayer &l : layers) {
      const cost::LayerEstimate &c = l.costs[l.chosen];
      std::string range = std::to_string(l.costs.size()) + " (R " +
                          std::to_string(l.costs.front().reuse) + ".." +
                          std::to_string(l.costs.back().reuse) + ")";
      os << llvm::format(
          "%-20s %-10s %-24s %5lld %-9s %7lld %9lld %9lld %8lld %8lld\n",
          c.name.c_str(), c.op.c_str(), range.c_str(), (long long)c.reuse,
          c.strategy.c_str(), (long long)c.res.dsp, (long long)c.res.lut,
          (long long)c.res.ff, (long long)c.res.bram18k,
          (long long)c.latencyWorst);
    }
    os << "fits: " << describe(t, limits) << "\n";
    os.flush();
  }
};

} // namespace
