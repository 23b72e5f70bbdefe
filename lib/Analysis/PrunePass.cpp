//===- PrunePass.cpp - --nn-prune ----------------------------------------===//
//
// Structured pruning against the cost model's budget (docs/Pruning.md):
// the units of the prunable layers (PruneStructures.h) are valued by their
// importance and priced by the cost model's estimate of their layers, a
// knapsack (Knapsack.h) keeps the most valuable set that fits, and the
// pruned function's own estimate is checked: the units' prices are shares
// of their layers' costs, not exact, so a design that still exceeds the
// budget is pruned again from the original with the capacity lowered by
// the excess.
//
//===----------------------------------------------------------------------===//

#include "PrunePattern.h"
#include "PruneReport.h"

#include "nn/Analysis/Budget.h"
#include "nn/Analysis/CostModel.h"
#include "nn/Analysis/Knapsack.h"
#include "nn/Analysis/Passes.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Interpreter/Run.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace nn {
#define GEN_PASS_DEF_NNPRUNE
#include "nn/Analysis/Passes.h.inc"
} // namespace nn

using namespace mlir;
using namespace nn;

namespace {

constexpr size_t kNumResources = cost::kBudgetResources.size();

/// Per consumer of a layer, per entry of its input along the units' axis:
/// the mean and the mean magnitude over the calibration data, and for
/// reconstruction the sums of the products of every two entries.
struct EntryStats {
  std::vector<double> sum, sumAbs, cross;
  int64_t count = 0; ///< values per entry
};

/// Reconstruction needs the covariance of a consumer's input entries: up
/// to this many entries (a dense layer of 2048 inputs: 32 MB, and 2048^2
/// products per calibration sample); wider inputs get bias correction only.
constexpr int64_t kMaxReconstructEntries = 2048;

bool isFloatTensor(Type type) {
  auto shaped = llvm::dyn_cast<ShapedType>(type);
  return shaped && llvm::isa<FloatType>(shaped.getElementType());
}

/// The estimate of each op (constants have none; the estimate's layers
/// follow the function's ops).
llvm::DenseMap<Operation *, cost::LayerEstimate>
perOp(func::FuncOp func, const cost::Estimate &estimate) {
  llvm::DenseMap<Operation *, cost::LayerEstimate> map;
  size_t i = 0;
  for (Operation &op : func.getBody().front().without_terminator())
    if (!llvm::isa<ConstantOp>(op) && i < estimate.layers.size())
      map[&op] = estimate.layers[i++];
  return map;
}

/// After pruning, every multiplier layer gets a valid reuse factor and
/// costs no more DSPs than before: a reuse factor the new sizes make
/// invalid moves to a valid one, and a layer whose structure changes with
/// its new size (a rolled layer now small enough to unroll) takes the
/// smallest valid reuse factor, from its own up, at which it costs no more
/// than `dspBefore` (its DSPs before pruning, in the order of the
/// multiplier layers). Returns "layer R a->b" per move.
std::vector<std::string> fitReuseFactors(func::FuncOp func,
                                         ArrayRef<int64_t> dspBefore,
                                         const cost::Options &options) {
  std::vector<std::string> moved;
  Builder builder(func.getContext());
  cost::DotPricer pricer(options);
  size_t index = 0;
  func.walk([&](MultiplierOpInterface mult) {
    const int64_t in = mult.getMultiplierInputs(),
                  out = mult.getMultiplierOutputs(), r = mult.getReuseFactor();
    const reuse::Strategy strategy = mult.getStrategy();
    const int64_t limit =
        index < dspBefore.size() ? dspBefore[index] : INT64_MAX;
    ++index;
    if (reuse::isValidReuseFactor(in, out, r, strategy) &&
        pricer.price(mult, r, strategy).res.dsp <= limit)
      return;
    std::vector<int64_t> valid = reuse::validReuseFactors(in, out, strategy);
    int64_t to = valid.empty() ? 1 : valid.back();
    for (int64_t v : valid)
      if (v >= r && pricer.price(mult, v, strategy).res.dsp <= limit) {
        to = v;
        break;
      }
    if (!valid.empty() && to == valid.back() && to < r) {
      // No valid factor at or above r: the nearest below.
      reuse::Nearest near = reuse::nearestValidReuseFactors(in, out, r, strategy);
      to = near.below ? *near.below : to;
    }
    if (to == r)
      return;
    mult->setAttr(kReuseFactorAttrName, builder.getI64IntegerAttr(to));
    moved.push_back(prune::nameOf(mult) + " R " + std::to_string(r) + "->" +
                    std::to_string(to));
  });
  return moved;
}

void eraseDeadConstants(func::FuncOp func) {
  SmallVector<Operation *> dead;
  func.walk([&](ConstantOp c) {
    if (c->use_empty())
      dead.push_back(c);
  });
  for (Operation *op : dead)
    op->erase();
}

/// Adds the entries of `t` along `axis` to `s` (every other position is a
/// sample); `withCross`: also the products of every two entries.
void accumulate(EntryStats &s, const interp::Tensor &t, int64_t axis,
                bool withCross) {
  const std::vector<int64_t> &shape = t.shape();
  int64_t dim = shape[size_t(axis)], inner = 1;
  for (size_t i = size_t(axis) + 1; i < shape.size(); ++i)
    inner *= shape[i];
  s.sum.resize(size_t(dim), 0);
  s.sumAbs.resize(size_t(dim), 0);
  const int64_t n = t.numElements();
  for (int64_t i = 0; i < n; ++i) {
    double v = t.valueAt(i);
    size_t f = size_t((i / inner) % dim);
    s.sum[f] += v;
    s.sumAbs[f] += std::fabs(v);
  }
  s.count += n / dim;
  if (!withCross || dim > kMaxReconstructEntries)
    return;
  // Every position outside the axis is one sample of the entries.
  s.cross.resize(size_t(dim * dim), 0);
  std::vector<double> x(static_cast<size_t>(dim), 0.0);
  for (int64_t o = 0; o < n / (dim * inner); ++o)
    for (int64_t k = 0; k < inner; ++k) {
      for (int64_t f = 0; f < dim; ++f)
        x[size_t(f)] = t.valueAt((o * dim + f) * inner + k);
      for (int64_t f = 0; f < dim; ++f) {
        if (x[size_t(f)] == 0)
          continue;
        double *row = &s.cross[size_t(f * dim)];
        for (int64_t g = 0; g <= f; ++g)
          row[g] += x[size_t(f)] * x[size_t(g)];
      }
    }
}

struct PrunePass : public nn::impl::NNPruneBase<PrunePass> {
  using Base::Base;

  bool allowDense = false, allowConv = false, allowPattern = false;
  /// The stats of the arguments pattern layers read (not op results).
  llvm::DenseMap<Value, EntryStats> argStats;
  /// The calibration samples and the unpruned network's outputs on them.
  std::optional<interp::PreparedInputs> calibInputs;
  std::vector<interp::Tensor> baseline;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<cost::Target> target =
        cost::resolveTarget(module, part, clockNs, "nn-prune");
    if (failed(target))
      return signalPassFailure();
    FailureOr<cost::Budget> limits =
        cost::parseBudget(module, budget, "nn-prune");
    if (failed(limits) || failed(checkOptions(module)))
      return signalPassFailure();
    cost::Options options;
    options.clockNs = target->clockNs;
    options.limits = {maxUnrollMults, maxPartition};
    options.warnFallbacks = false;
    llvm::json::Array reports;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      FailureOr<llvm::json::Object> r = pruneFunction(func, *limits, options);
      if (failed(r))
        return signalPassFailure();
      reports.push_back(std::move(*r));
    }
    if (report.empty())
      return;
    std::string error;
    auto file = openOutputFile(report, &error);
    if (!file) {
      module.emitError("nn-prune: cannot write report '")
          << report << "': " << error;
      return signalPassFailure();
    }
    file->os() << llvm::formatv("{0:2}",
                                llvm::json::Value(std::move(reports)))
               << "\n";
    file->keep();
  }

  LogicalResult checkOptions(ModuleOp module) {
    SmallVector<StringRef> kinds;
    StringRef(granularity).split(kinds, ',', -1, /*KeepEmpty=*/false);
    for (StringRef kind : kinds) {
      kind = kind.trim();
      if (kind == "neuron")
        allowDense = true;
      else if (kind == "filter")
        allowConv = true;
      else if (kind == "pattern")
        allowPattern = true;
      else
        return module.emitError("nn-prune: unknown granularity '")
               << kind
               << "': expected neuron, filter, pattern (comma-separated)";
    }
    if (!allowDense && !allowConv && !allowPattern)
      return module.emitError("nn-prune: granularity names nothing to prune");
    if (importance != "magnitude" && importance != "activation" &&
        importance != "sensitivity" && importance != "reconstruction")
      return module.emitError("nn-prune: importance must be magnitude, "
                              "activation, reconstruction or sensitivity, "
                              "got '")
             << importance << "'";
    if (importance == "reconstruction" && !reconstruct)
      return module.emitError("nn-prune: importance=reconstruction needs "
                              "reconstruct=true");
    if (importance != "magnitude" && calibrate.empty())
      return module.emitError("nn-prune: importance=")
             << importance
             << " needs calibration data (calibrate=data.npy)";
    if (!(ratio >= 0 && ratio < 1))
      return module.emitError("nn-prune: ratio must be in [0, 1), got ")
             << ratio;
    if (budget.empty() && ratio == 0)
      return module.emitError("nn-prune: no budget: give budget=dsp:N,... "
                              "or ratio=R");
    if (!(ridge >= 0))
      return module.emitError("nn-prune: ridge must be at least 0, got ")
             << ridge;
    if (maxUnrollMults < 1 || maxPartition < 1)
      return module.emitError("nn-prune: max-unroll-mults and max-partition "
                              "must be at least 1");
    return success();
  }

  /// Floating-point input is an error: the budget is the cost model's
  /// estimate of the quantized design.
  static LogicalResult checkQuantized(func::FuncOp func) {
    WalkResult walk = func.walk([&](Operation *op) {
      if (auto constant = llvm::dyn_cast<ConstantOp>(op)) {
        // Pruning slices the raws of the constants it touches: every
        // constant in use must be readable (an elided or missing
        // dense_resource blob is not; the interpreter's error names it).
        // A float constant is reported at the layer that reads it.
        if (!constant->use_empty() &&
            failed(interp::tensorFromConstant(constant.getValue(),
                                              constant.getType(),
                                              constant.getLoc())))
          return WalkResult::interrupt();
        return WalkResult::advance();
      }
      if (llvm::isa<func::FuncOp, func::ReturnOp>(op))
        return WalkResult::advance();
      for (Type t : op->getResultTypes())
        if (isFloatTensor(t)) {
          op->emitError("nn-prune: '")
              << prune::nameOf(op)
              << "' is floating point: run --nn-quantize first (the budget "
                 "is the cost model's estimate of the quantized design)";
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    for (Type t : func.getArgumentTypes())
      if (!walk.wasInterrupted() && isFloatTensor(t)) {
        func.emitError("nn-prune: the inputs of @")
            << func.getSymName()
            << " are floating point: run --nn-quantize first";
        return failure();
      }
    return failure(walk.wasInterrupted());
  }

  /// Runs `func` on the calibration data and records, for the input of
  /// every consumer of every layer, each entry's statistics.
  LogicalResult calibrateStats(
      func::FuncOp func, const std::vector<prune::Layer> &layers,
      llvm::DenseMap<Operation *, EntryStats> &stats) {
    std::vector<std::string> files(calibrate.begin(), calibrate.end());
    llvm::Expected<interp::PreparedInputs> inputs =
        interp::loadInputs(func, files);
    if (!inputs)
      return func.emitError("nn-prune: calibrate: ")
             << llvm::toString(inputs.takeError());
    llvm::DenseMap<Operation *, int64_t> axisOf;
    for (const prune::Layer &l : layers)
      for (const prune::Consumer &c : l.consumers)
        if (Operation *def = c.op->getOperand(0).getDefiningOp())
          axisOf[def] = c.axis;
    for (const prune::Layer &l : layers)
      if (l.pattern) {
        Value in = l.producer->getOperand(0);
        if (Operation *def = in.getDefiningOp())
          axisOf[def] = prune::inputEntryAxis(l.producer);
      }
    interp::RunOptions run;
    run.onResult = [&](Operation *op, int64_t, const interp::Tensor &t) {
      auto it = axisOf.find(op);
      if (it != axisOf.end())
        accumulate(stats[op], t, it->second, reconstruct);
    };
    FailureOr<std::vector<interp::Tensor>> outputs =
        interp::runSamples(func, *inputs, run);
    if (failed(outputs))
      return func.emitError("nn-prune: the network failed to run on the "
                            "calibration data (see the error above)");
    baseline = std::move(*outputs);
    calibInputs = std::move(*inputs);
    for (const prune::Layer &l : layers)
      if (auto arg = llvm::dyn_cast<BlockArgument>(l.producer->getOperand(0));
          l.pattern && arg)
        accumulate(argStats[arg], calibInputs->tensors[arg.getArgNumber()],
                   prune::inputEntryAxis(l.producer), false);
    return success();
  }

  /// The prunable layers of `func` that the granularity allows.
  std::vector<prune::Layer> selectLayers(func::FuncOp func,
                                         std::vector<prune::Skipped> &skipped) {
    std::vector<prune::Layer> layers;
    for (prune::Layer &l : prune::findLayers(func, skipped)) {
      bool dense = llvm::isa<DenseOp>(l.producer);
      if (dense ? allowDense : allowConv)
        layers.push_back(std::move(l));
      else
        skipped.push_back({l.name, std::string("granularity excludes ") +
                                       (dense ? "neuron" : "filter")});
    }
    if (!allowPattern)
      return layers;
    // Patterns on the layers whose weights no unit removal rewrites.
    llvm::DenseSet<Operation *> rewritten;
    for (const prune::Layer &l : layers) {
      rewritten.insert(l.producers.begin(), l.producers.end());
      for (const prune::Consumer &c : l.consumers)
        rewritten.insert(c.op);
    }
    for (prune::Layer &l : prune::findPatternLayers(
             func, {maxUnrollMults, maxPartition}, rewritten, skipped)) {
      // Pruned by patterns: why its units are not removable is moot.
      llvm::erase_if(skipped, [&](auto &s) { return s.name == l.name; });
      layers.push_back(std::move(l));
    }
    return layers;
  }

  /// importance=sensitivity: each unit removed alone (with bias
  /// correction) from a copy of `func`, the mean squared change of the
  /// network's outputs over the calibration data. The outputs are the same
  /// for every layer, so no per-layer normalization is needed.
  LogicalResult sensitivities(func::FuncOp func,
                              std::vector<prune::LayerInfo> &infos) {
    for (size_t li = 0; li < infos.size(); ++li) {
      prune::LayerInfo &info = infos[li];
      for (size_t u = 0; u < info.importance.size(); ++u) {
        func::FuncOp trial = func.clone();
        std::vector<prune::Skipped> ignored;
        std::vector<prune::Layer> layers = selectLayers(trial, ignored);
        SmallVector<int64_t> keep;
        for (size_t k = 0; k < info.importance.size(); ++k)
          if (k != u)
            keep.push_back(int64_t(k));
        removeFrom(layers[li], keep, info.stats);
        eraseDeadConstants(trial);
        FailureOr<std::vector<interp::Tensor>> out =
            interp::runSamples(trial, *calibInputs);
        trial.erase();
        if (failed(out))
          return failure();
        double se = 0;
        int64_t n = 0;
        for (size_t o = 0; o < out->size(); ++o)
          for (int64_t i = 0, e = (*out)[o].numElements(); i < e; ++i, ++n) {
            double d = (*out)[o].valueAt(i) - baseline[o].valueAt(i);
            se += d * d;
          }
        info.importance[u] = n ? se / double(n) : 0;
      }
      info.mandatory = size_t(std::max_element(info.importance.begin(),
                                               info.importance.end()) -
                              info.importance.begin());
    }
    return success();
  }

  /// A pattern layer's multipliers: importance from the group's weights
  /// (times the mean magnitude of the inputs they read for `activation`),
  /// price the layer's estimate shared by its live multipliers.
  prune::LayerInfo
  describePattern(const prune::Layer &l,
                  const llvm::DenseMap<Operation *, cost::LayerEstimate> &est,
                  const llvm::DenseMap<Operation *, EntryStats> &stats) {
    Value in = l.producer->getOperand(0);
    const EntryStats *st = nullptr;
    if (Operation *def = in.getDefiningOp())
      st = stats.count(def) ? &stats.find(def)->second : nullptr;
    else
      st = argStats.count(in) ? &argStats.find(in)->second : nullptr;
    // Statistics along the entries the weights read, one per entry.
    std::vector<double> mean, meanAbs;
    auto inShape = llvm::cast<ShapedType>(in.getType()).getShape();
    if (st && st->count > 0 &&
        int64_t(st->sum.size()) == inShape[prune::inputEntryAxis(l.producer)])
      for (size_t f = 0; f < st->sum.size(); ++f) {
        mean.push_back(st->sum[f] / double(st->count));
        meanAbs.push_back(st->sumAbs[f] / double(st->count));
      }
    bool byActivation = importance != "magnitude" && !meanAbs.empty();
    return prune::describePattern(
        l, est.lookup(l.producer), mean.empty() ? nullptr : &mean,
        byActivation ? &meanAbs : nullptr, {maxUnrollMults, maxPartition});
  }

  /// Removes the units of `l` not in `keep`: a pattern layer's multipliers
  /// are zeroed (bias correction from the means), the others removed
  /// (refit from `st`). Returns the readers without a bias to correct.
  std::vector<std::string> removeFrom(const prune::Layer &l,
                                      ArrayRef<int64_t> keep,
                                      const prune::Stats &st) {
    if (l.pattern)
      return prune::zeroGroups(l, keep, st.empty() ? nullptr : &st[0].mean,
                               {maxUnrollMults, maxPartition});
    return prune::removeUnits(l, keep, st.empty() ? nullptr : &st, ridge);
  }

  /// Importance, price and bias-correction means of every unit.
  std::vector<prune::LayerInfo>
  describeLayers(const std::vector<prune::Layer> &layers,
                 const llvm::DenseMap<Operation *, cost::LayerEstimate> &est,
                 const llvm::DenseMap<Operation *, EntryStats> &stats) {
    std::vector<prune::LayerInfo> infos;
    for (const prune::Layer &l : layers) {
      if (l.pattern) {
        infos.push_back(describePattern(l, est, stats));
        continue;
      }
      prune::LayerInfo info;
      const size_t units = size_t(l.units);
      // Coupled producers: the unit's rows in all of them.
      std::vector<double> row2(units, 0);
      std::array<double, 4> own{};
      for (Operation *producer : l.producers) {
        std::vector<double> w = prune::constantValues(producer->getOperand(1));
        const size_t rowLen = w.size() / units;
        for (size_t u = 0; u < units; ++u)
          for (size_t i = 0; i < rowLen; ++i)
            row2[u] += w[u * rowLen + i] * w[u * rowLen + i];
        const cost::LayerEstimate &pe = est.lookup(producer);
        for (size_t r = 0; r < kNumResources; ++r)
          own[r] += double(cost::amount(pe.res, r)) / double(units);
      }
      std::vector<double> out2(units, 0), act(units, 0);
      // The ops that carry the units shrink with them.
      for (const prune::Carrier &c : l.carriers)
        for (size_t r = 0; r < kNumResources; ++r)
          own[r] +=
              double(cost::amount(est.lookup(c.op).res, r)) / double(units);
      info.price.assign(units, own);
      std::vector<prune::Reader> readers;
      for (const prune::Consumer &c : l.consumers) {
        std::vector<double> cw = prune::constantValues(c.op->getOperand(1));
        auto wShape =
            llvm::cast<ShapedType>(c.op->getOperand(1).getType()).getShape();
        const int64_t m = wShape[0], entries = wShape[1];
        const int64_t spatial = int64_t(cw.size()) / (m * entries);
        std::vector<double> col2(size_t(entries), 0);
        for (int64_t o = 0; o < m; ++o)
          for (int64_t f = 0; f < entries; ++f)
            for (int64_t s = 0; s < spatial; ++s) {
              double v = cw[size_t((o * entries + f) * spatial + s)];
              col2[size_t(f)] += v * v;
            }
        const EntryStats *st = nullptr;
        if (Operation *def = c.op->getOperand(0).getDefiningOp())
          if (auto it = stats.find(def); it != stats.end())
            st = &it->second;
        prune::Moments mom;
        mom.n = entries;
        mom.mean.assign(size_t(entries), 0);
        for (int64_t f = 0; f < entries; ++f) {
          size_t u = size_t(f / c.inner);
          out2[u] += col2[size_t(f)];
          if (st && st->count > 0) {
            mom.mean[size_t(f)] = st->sum[size_t(f)] / double(st->count);
            act[u] += st->sumAbs[size_t(f)] / double(st->count) *
                      std::sqrt(col2[size_t(f)]);
          }
        }
        if (st && st->count > 0 && !st->cross.empty()) {
          // The covariance from the lower triangle of the sums.
          mom.cov.assign(size_t(entries * entries), 0);
          const double n = double(st->count);
          for (int64_t f = 0; f < entries; ++f)
            for (int64_t g = 0; g <= f; ++g) {
              double v = st->cross[size_t(f * entries + g)] / n -
                         mom.mean[size_t(f)] * mom.mean[size_t(g)];
              mom.cov[size_t(f * entries + g)] = v;
              mom.cov[size_t(g * entries + f)] = v;
            }
        }
        if (!mom.cov.empty())
          readers.push_back({mom, cw, m, spatial, c.inner});
        if (st)
          info.stats.push_back(std::move(mom));
        const cost::LayerEstimate &ce = est.lookup(c.op);
        for (size_t u = 0; u < units; ++u)
          for (size_t r = 0; r < kNumResources; ++r)
            info.price[u][r] += double(cost::amount(ce.res, r)) *
                                double(c.inner) / double(entries);
      }
      if (info.stats.size() != l.consumers.size())
        info.stats.clear();
      for (const prune::Moments &m : info.stats)
        info.meansOnly.push_back({m.n, m.mean, {}});
      // importance=reconstruction: the greedy elimination's errors, when
      // every reader's input covariance is known (else as activation).
      std::vector<double> elim;
      if (importance == "reconstruction" &&
          readers.size() == l.consumers.size())
        elim = prune::eliminationErrors(readers, l.units, ridge);
      for (size_t u = 0; u < units; ++u)
        info.importance.push_back(!elim.empty() ? elim[u]
                                  : importance != "magnitude"
                                      ? act[u]
                                      : std::sqrt(row2[u]) *
                                            std::sqrt(out2[u]));
      prune::normalizeImportance(info);
      infos.push_back(std::move(info));
    }
    return infos;
  }

  FailureOr<llvm::json::Object> pruneFunction(func::FuncOp func,
                                              cost::Budget limits,
                                              const cost::Options &options) {
    if (failed(checkQuantized(func)))
      return failure();
    FailureOr<cost::Estimate> before = cost::estimate(func, options);
    if (failed(before))
      return failure();
    if (ratio > 0 && !limits[0])
      limits[0] = int64_t(std::floor((1 - ratio) * double(before->total.dsp)));
    std::vector<prune::Skipped> skipped;
    std::vector<prune::Layer> layers = selectLayers(func, skipped);
    llvm::DenseMap<Operation *, EntryStats> stats;
    if (!calibrate.empty() && failed(calibrateStats(func, layers, stats)))
      return failure();
    llvm::DenseMap<Operation *, cost::LayerEstimate> estimates =
        perOp(func, *before);
    std::vector<prune::LayerInfo> infos =
        describeLayers(layers, estimates, stats);
    std::vector<int64_t> dspBefore;
    func.walk([&](MultiplierOpInterface mult) {
      dspBefore.push_back(estimates.lookup(mult).res.dsp);
    });
    if (importance == "sensitivity" && failed(sensitivities(func, infos)))
      return failure();

    // Items: every unit but each layer's most important one. The floor is
    // what the estimate keeps when only those are left.
    std::vector<size_t> budgeted;
    for (size_t r = 0; r < kNumResources; ++r)
      if (limits[r])
        budgeted.push_back(r);
    std::array<double, 4> floor{};
    for (size_t r = 0; r < kNumResources; ++r)
      floor[r] = double(cost::amount(before->total, r));
    struct Ref {
      size_t layer, unit;
    };
    std::vector<Ref> refs;
    for (size_t li = 0; li < layers.size(); ++li)
      for (size_t u = 0; u < size_t(layers[li].units); ++u) {
        if (u == infos[li].mandatory)
          continue;
        refs.push_back({li, u});
        for (size_t r = 0; r < kNumResources; ++r)
          floor[r] -= infos[li].price[u][r];
      }
    auto belowFloor = [&](const cost::Resources &f) {
      return emitError(func.getLoc(), "nn-prune: the budget (")
             << cost::describeBudget(limits)
             << ") is below the unprunable floor ("
             << cost::describeAmounts(f, limits)
             << "): the cost of the layers that cannot be pruned plus one "
                "unit kept in each of the "
             << layers.size() << " prunable layers (" << skipped.size()
             << " layers not prunable; see docs/Pruning.md)";
    };
    for (size_t r : budgeted)
      if (floor[r] > double(*limits[r]) + 1e-9) {
        cost::Resources f;
        f.dsp = int64_t(std::ceil(floor[0] - 1e-9));
        f.lut = int64_t(std::ceil(floor[1] - 1e-9));
        f.ff = int64_t(std::ceil(floor[2] - 1e-9));
        f.bram18k = int64_t(std::ceil(floor[3] - 1e-9));
        return belowFloor(f);
      }

    // Integer prices for the knapsack: a scale that keeps one resource's
    // dynamic program within its limit, at most 1/1000 of a unit.
    knapsack::Options kopts;
    double scale = 1000;
    if (budgeted.size() == 1) {
      double cap = std::max(1.0, double(*limits[budgeted[0]]) -
                                     floor[budgeted[0]]);
      scale = std::clamp(double(kopts.maxDpCells) /
                             (double(refs.size() + 1) * (cap + 1)),
                         1.0, 1000.0);
    }
    std::vector<knapsack::Item> items;
    for (const Ref &ref : refs) {
      knapsack::Item item;
      item.value = infos[ref.layer].importance[ref.unit];
      for (size_t r : budgeted)
        item.cost.push_back(
            int64_t(std::ceil(infos[ref.layer].price[ref.unit][r] * scale)));
      items.push_back(std::move(item));
    }
    // One attempt: the knapsack at the capacity lowered by `excess`, applied
    // to a copy of the function, and the copy's estimate.
    struct Attempt {
      func::FuncOp trial;
      knapsack::Solution sol;
      std::vector<std::vector<int64_t>> keep;
      cost::Estimate after;
      std::vector<std::string> moved, uncorrected;
      std::vector<double> over;
      bool fits = false;
      bool reconstructed = true; ///< false: bias correction only
    };
    auto attempt = [&](const std::vector<double> &excess,
                       bool refit) -> FailureOr<Attempt> {
      Attempt a;
      std::vector<int64_t> capacity;
      for (size_t r : budgeted)
        capacity.push_back(int64_t(std::floor(
            (double(*limits[r]) - floor[r] - excess[r]) * scale)));
      a.sol = knapsack::solve(items, capacity, kopts);
      a.keep.resize(layers.size());
      for (size_t li = 0; li < layers.size(); ++li)
        a.keep[li].push_back(int64_t(infos[li].mandatory));
      for (size_t i = 0; i < refs.size(); ++i)
        if (a.sol.take[i])
          a.keep[refs[i].layer].push_back(int64_t(refs[i].unit));
      for (auto &k : a.keep)
        llvm::sort(k);
      // The selection applied to a copy of the function and estimated;
      // `refit`: with the readers' reconstruction (else bias correction).
      auto apply = [&](Attempt &a, bool refit) -> LogicalResult {
        a.trial = func.clone();
        a.uncorrected.clear();
        std::vector<prune::Skipped> ignored;
        std::vector<prune::Layer> trialLayers = selectLayers(a.trial, ignored);
        for (size_t li = 0; li < layers.size(); ++li) {
          if (a.keep[li].size() == size_t(layers[li].units))
            continue;
          const prune::Stats &st =
              refit ? infos[li].stats : infos[li].meansOnly;
          for (std::string &name : removeFrom(trialLayers[li], a.keep[li], st))
            a.uncorrected.push_back(name);
        }
        eraseDeadConstants(a.trial);
        a.moved = fitReuseFactors(a.trial, dspBefore, options);
        FailureOr<cost::Estimate> after =
            cost::estimateQuietly(a.trial, options);
        if (failed(after)) {
          a.trial.erase();
          return failure();
        }
        a.after = *after;
        a.fits = true;
        a.over.assign(kNumResources, 0);
        for (size_t r : budgeted) {
          int64_t over = cost::amount(after->total, r) - *limits[r];
          if (over > 0) {
            a.fits = false;
            a.over[r] = double(over);
          }
        }
        return success();
      };
      a.reconstructed = refit;
      if (failed(apply(a, refit)))
        return failure();
      return a;
    };
    // The prices are shares, not exact: while the estimate exceeds the
    // budget, lower the capacity by the excess; then bisect between the
    // last excess that did not fit and the first that did, keeping the
    // fitting attempt of most kept importance. Refit weights can cost more
    // than the ones they replace (a zero or a power of two that becomes a
    // general product): when the search with reconstruction finds nothing
    // within the budget, it is repeated with bias correction alone.
    std::optional<Attempt> best;
    bool refit = reconstruct && !calibrate.empty();
    bool floorReached = false;
    cost::Resources floorSeen;
    for (;;) {
      std::vector<double> lo(kNumResources, 0), hi, excess = lo;
      for (int round = 0; round < 12 && !best; ++round) {
        FailureOr<Attempt> a = attempt(excess, refit);
        if (failed(a))
          return failure();
        if (a->fits) {
          best = std::move(*a);
          hi = excess;
          break;
        }
        a->trial.erase();
        // Nothing but the kept minimum and still over: that is the floor
        // (the prices underestimated it).
        if (llvm::none_of(a->sol.take, [](bool t) { return t; })) {
          floorReached = true;
          floorSeen = a->after.total;
          break;
        }
        lo = excess;
        for (size_t r : budgeted)
          excess[r] += a->over[r];
      }
      if (!best && refit) {
        refit = false;
        floorReached = false;
        continue;
      }
      if (!best && floorReached)
        return belowFloor(floorSeen);
      if (!best)
        return emitError(func.getLoc(), "nn-prune: no pruning of @")
               << func.getSymName() << " found within the budget ("
               << cost::describeBudget(limits)
               << ") in 12 rounds of correcting the units' prices (see "
                  "docs/Pruning.md)";
      for (int step = 0; step < 6 && hi != lo; ++step) {
        std::vector<double> mid(kNumResources, 0);
        for (size_t r = 0; r < kNumResources; ++r)
          mid[r] = (lo[r] + hi[r]) / 2;
        FailureOr<Attempt> a = attempt(mid, refit);
        if (failed(a)) {
          best->trial.erase();
          return failure();
        }
        if (a->fits && a->sol.value > best->sol.value) {
          best->trial.erase();
          best = std::move(*a);
        } else {
          a->trial.erase();
        }
        (a->fits ? hi : lo) = mid;
      }
      break;
    }
    llvm::json::Object out = prune::summarize(
        func, importance, layers, infos, best->keep, skipped, *before,
        best->after, limits, best->sol, best->moved, best->uncorrected);
    if (reconstruct && !calibrate.empty()) {
      out["reconstructed"] = best->reconstructed;
      if (!best->reconstructed)
        llvm::outs() << "not reconstructed: no refit design fits the "
                        "budget; bias correction only\n";
    }
    func.getBody().takeBody(best->trial.getBody());
    best->trial.erase();
    return out;
  }
};

} // namespace
