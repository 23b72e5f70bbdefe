//===- PrunePattern.cpp - multiplier groups of dense/conv weights ---------===//

#include "PrunePattern.h"

#include <cmath>

#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace nn;
using namespace nn::prune;

namespace {

/// The plan the lowering builds for `op` (the same call as the lowering's
/// and the cost model's).
hls::DotSchedule scheduleOf(Operation *op, const hls::Limits &limits) {
  auto mult = llvm::cast<MultiplierOpInterface>(op);
  return hls::planDot(mult.getMultiplierOutputs(), mult.getMultiplierInputs(),
                      mult.getReuseFactor(),
                      mult.getStrategy() == reuse::Strategy::Resource, limits);
}

} // namespace

std::vector<Layer>
nn::prune::findPatternLayers(func::FuncOp func, const hls::Limits &limits,
                             const llvm::DenseSet<Operation *> &exclude,
                             std::vector<Skipped> &skipped) {
  std::vector<Layer> layers;
  func.walk([&](Operation *op) {
    if (!llvm::isa<DenseOp, ConvOp>(op) || exclude.contains(op))
      return;
    if (!op->getOperand(1).getDefiningOp<ConstantOp>()) {
      skipped.push_back({nameOf(op), "pattern: the weights are no constant"});
      return;
    }
    hls::DotSchedule s = scheduleOf(op, limits);
    int64_t multipliers = hls::multiplierCount(s);
    if (multipliers <= 1) {
      skipped.push_back({nameOf(op), "pattern: one multiplier (rolled "
                                     "structure), nothing to remove"});
      return;
    }
    Layer l;
    l.producer = op;
    l.producers = {op};
    l.name = nameOf(op);
    l.units = multipliers;
    l.pattern = true;
    layers.push_back(std::move(l));
  });
  return layers;
}

std::vector<std::vector<int64_t>>
nn::prune::multiplierGroups(Operation *op, const hls::Limits &limits) {
  hls::DotSchedule s = scheduleOf(op, limits);
  std::vector<std::vector<int64_t>> groups(size_t(hls::multiplierCount(s)));
  for (int64_t i = 0, n = s.m * s.k; i < n; ++i)
    groups[size_t(hls::multiplierOf(s, i))].push_back(i);
  return groups;
}

int64_t nn::prune::inputEntryAxis(Operation *op) {
  if (llvm::isa<ConvOp>(op))
    return 1;
  return llvm::cast<ShapedType>(op->getOperand(0).getType()).getRank() - 1;
}

int64_t nn::prune::inputEntryOf(Operation *op, int64_t i) {
  auto mult = llvm::cast<MultiplierOpInterface>(op);
  const int64_t k = mult.getMultiplierInputs();
  auto conv = llvm::dyn_cast<ConvOp>(op);
  if (!conv)
    return i % k;
  // Weights [M, C/group, kernel...]: term k = (c, taps) of output m, input
  // channel (m / (M / group)) * C/group + c.
  auto wShape = llvm::cast<ShapedType>(op->getOperand(1).getType()).getShape();
  const int64_t cg = wShape[1], taps = k / cg;
  const int64_t mg = wShape[0] / conv.getGroup();
  return (i / k) / mg * cg + (i % k) / taps;
}

std::vector<std::string> nn::prune::zeroGroups(const Layer &layer,
                                               ArrayRef<int64_t> keep,
                                               const std::vector<double> *means,
                                               const hls::Limits &limits) {
  Operation *op = layer.producer;
  auto mult = llvm::cast<MultiplierOpInterface>(op);
  const int64_t k = mult.getMultiplierInputs();
  std::vector<double> w = constantValues(op->getOperand(1));
  std::vector<double> delta(size_t(mult.getMultiplierOutputs()), 0);
  llvm::DenseSet<int64_t> kept(keep.begin(), keep.end());
  bool corrected = false;
  std::vector<std::vector<int64_t>> groups = multiplierGroups(op, limits);
  for (size_t g = 0; g < groups.size(); ++g) {
    if (kept.contains(int64_t(g)))
      continue;
    for (int64_t i : groups[g]) {
      if (means && w[size_t(i)] != 0) {
        delta[size_t(i / k)] +=
            w[size_t(i)] * (*means)[size_t(inputEntryOf(op, i))];
        corrected = true;
      }
      w[size_t(i)] = 0;
    }
  }
  requantize(op, 1, w);
  if (!corrected)
    return {};
  if (op->getNumOperands() <= 2 || !op->getOperand(2))
    return {layer.name};
  std::vector<double> bias = constantValues(op->getOperand(2));
  for (size_t o = 0; o < bias.size(); ++o)
    bias[o] += delta[o];
  requantize(op, 2, bias);
  return {};
}

LayerInfo nn::prune::describePattern(const Layer &l,
                                     const cost::LayerEstimate &est,
                                     const std::vector<double> *mean,
                                     const std::vector<double> *meanAbs,
                                     const hls::Limits &limits) {
  Operation *op = l.producer;
  std::vector<double> w = constantValues(op->getOperand(1));
  std::vector<std::vector<int64_t>> groups = multiplierGroups(op, limits);
  // A multiplier whose weights are all zero already costs nothing.
  std::vector<bool> live;
  int64_t liveCount = 0;
  for (const std::vector<int64_t> &g : groups) {
    live.push_back(
        llvm::any_of(g, [&](int64_t i) { return w[size_t(i)] != 0; }));
    liveCount += live.back();
  }
  std::array<double, 4> share{};
  for (size_t r = 0; r < share.size(); ++r)
    share[r] =
        liveCount ? double(cost::amount(est.res, r)) / double(liveCount) : 0;
  LayerInfo info;
  for (size_t g = 0; g < groups.size(); ++g) {
    double v = 0;
    for (int64_t i : groups[g]) {
      double wi = w[size_t(i)];
      v += meanAbs ? std::fabs(wi) * (*meanAbs)[size_t(inputEntryOf(op, i))]
                   : wi * wi;
    }
    info.importance.push_back(meanAbs ? v : std::sqrt(v));
    info.price.push_back(live[g] ? share : std::array<double, 4>{});
  }
  normalizeImportance(info);
  if (mean) {
    info.stats.push_back({int64_t(mean->size()), *mean, {}});
    info.meansOnly = info.stats;
  }
  return info;
}
