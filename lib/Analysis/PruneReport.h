//===- PruneReport.h - what --nn-prune knows and reports -------*- C++ -*-===//

#ifndef NN_LIB_ANALYSIS_PRUNEREPORT_H
#define NN_LIB_ANALYSIS_PRUNEREPORT_H

#include "PruneStructures.h"

#include "nn/Analysis/Budget.h"
#include "nn/Analysis/CostModel.h"
#include "nn/Analysis/Knapsack.h"

#include "llvm/Support/JSON.h"

#include <array>

namespace nn {
namespace prune {

/// What the pass knows about one prunable layer before pruning.
struct LayerInfo {
  std::vector<double> importance;           ///< per unit, normalized
  std::vector<std::array<double, 4>> price; ///< per unit and resource
  size_t mandatory = 0;   ///< the most important unit, always kept
  prune::Stats stats;     ///< per consumer (with calibration data)
  prune::Stats meansOnly; ///< the same without covariances
};

/// Importance relative to the layer's mean (layers have their own scales:
/// a unit of average importance is worth 1 everywhere; all 1 when the
/// layer's total is 0), and the most important unit as the mandatory one.
void normalizeImportance(LayerInfo &info);

/// Prints the pruning of `func` (one row per layer, the layers not pruned,
/// moved reuse factors, the estimate before and after) and returns its
/// report=prune.json entry (docs/Pruning.md, "Report").
llvm::json::Object
summarize(mlir::func::FuncOp func, llvm::StringRef importance,
          const std::vector<Layer> &layers, const std::vector<LayerInfo> &infos,
          const std::vector<std::vector<int64_t>> &keep,
          const std::vector<Skipped> &skipped, const cost::Estimate &before,
          const cost::Estimate &after, const cost::Budget &limits,
          const knapsack::Solution &sol, const std::vector<std::string> &moved,
          const std::vector<std::string> &uncorrected);

} // namespace prune
} // namespace nn

#endif // NN_LIB_ANALYSIS_PRUNEREPORT_H
