//===- PruneReport.cpp - what --nn-prune prints and reports ---------------===//

#include "PruneReport.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace mlir;
using namespace nn;
using namespace nn::prune;

void nn::prune::normalizeImportance(LayerInfo &info) {
  double total = 0;
  for (double v : info.importance)
    total += v;
  const double units = double(info.importance.size());
  for (double &v : info.importance)
    v = total > 0 ? v * units / total : 1;
  info.mandatory =
      size_t(std::max_element(info.importance.begin(), info.importance.end()) -
             info.importance.begin());
}

llvm::json::Object nn::prune::summarize(
    func::FuncOp func, StringRef importance, const std::vector<Layer> &layers,
    const std::vector<LayerInfo> &infos,
    const std::vector<std::vector<int64_t>> &keep,
    const std::vector<Skipped> &skipped, const cost::Estimate &before,
    const cost::Estimate &after, const cost::Budget &limits,
    const knapsack::Solution &sol, const std::vector<std::string> &moved,
    const std::vector<std::string> &uncorrected) {
  auto &os = llvm::outs();
  const char *method =
      sol.method == knapsack::Method::DynamicProgramming ? "dynamic programming"
      : sol.method == knapsack::Method::BranchAndBound   ? "branch and bound"
                                                         : "greedy";
  os << "nn-prune: @" << func.getSymName() << ", importance " << importance
     << ", budget " << cost::describeBudget(limits) << ", knapsack " << method
     << (sol.exact ? " (exact)" : " (not proven optimal)") << "\n";
  os << llvm::format("%-20s %-8s %7s %7s %12s %9s\n", "layer", "op", "units",
                     "kept", "importance", "DSP");
  llvm::json::Array jl;
  for (size_t li = 0; li < layers.size(); ++li) {
    const Layer &l = layers[li];
    llvm::DenseSet<int64_t> kept(keep[li].begin(), keep[li].end());
    llvm::json::Array removed;
    double lost = 0, dsp = 0;
    for (int64_t u = 0; u < l.units; ++u)
      if (!kept.contains(u)) {
        lost += infos[li].importance[size_t(u)];
        dsp += infos[li].price[size_t(u)][0];
        removed.push_back(
            llvm::json::Object{{"unit", u},
                               {"importance", infos[li].importance[size_t(u)]},
                               {"dsp", infos[li].price[size_t(u)][0]},
                               {"lut", infos[li].price[size_t(u)][1]},
                               {"bram", infos[li].price[size_t(u)][3]}});
      }
    std::string op = l.producer->getName().getStringRef().str();
    // A pattern layer's units are its multipliers.
    const char *granularity = l.pattern                        ? "pattern"
                              : llvm::isa<DenseOp>(l.producer) ? "neuron"
                                                               : "filter";
    os << llvm::format("%-20s %-8s %7lld %7lld %12.3f %9.1f\n", l.name.c_str(),
                       l.pattern ? "pattern" : op.c_str(), (long long)l.units,
                       (long long)keep[li].size(), lost, dsp);
    jl.push_back(llvm::json::Object{{"layer", l.name},
                                    {"op", op},
                                    {"granularity", granularity},
                                    {"units", l.units},
                                    {"kept", int64_t(keep[li].size())},
                                    {"removed_importance", lost},
                                    {"removed", std::move(removed)}});
  }
  llvm::json::Array js;
  for (const Skipped &s : skipped) {
    os << "not pruned: " << s.name << ": " << s.reason << "\n";
    js.push_back(llvm::json::Object{{"layer", s.name}, {"reason", s.reason}});
  }
  for (const std::string &m : moved)
    os << "reuse factor: " << m << "\n";
  for (const std::string &u : uncorrected)
    os << "no bias correction: " << u << " has no bias\n";
  os << "before: " << cost::describeAmounts(before.total, limits)
     << "; after: " << cost::describeAmounts(after.total, limits) << "\n";
  os.flush();
  auto totals = [](const cost::Resources &r) {
    return llvm::json::Object{
        {"dsp", r.dsp}, {"lut", r.lut}, {"ff", r.ff}, {"bram18k", r.bram18k}};
  };
  llvm::json::Object budgetJson;
  for (size_t r = 0; r < cost::kBudgetResources.size(); ++r)
    if (limits[r])
      budgetJson[cost::kBudgetResources[r]] = *limits[r];
  return llvm::json::Object{
      {"function", func.getSymName().str()},
      {"importance", importance},
      {"budget", std::move(budgetJson)},
      {"knapsack", method},
      {"exact", sol.exact},
      {"layers", std::move(jl)},
      {"not_pruned", std::move(js)},
      {"reuse_factors_moved", llvm::json::Array(std::vector<llvm::json::Value>(
                                  moved.begin(), moved.end()))},
      {"before", totals(before.total)},
      {"after", totals(after.total)}};
}
