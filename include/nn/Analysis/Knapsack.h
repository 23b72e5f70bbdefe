//===- Knapsack.h - 0/1 knapsack with several resources ---------*- C++ -*-===//
//
// The selection of --nn-prune (docs/Pruning.md): which structures to keep so
// that the kept importance is largest while the kept cost of every budgeted
// resource stays within its capacity. Exact by dynamic programming over the
// capacity (one resource, small enough capacity) or by branch and bound
// (any number of resources, up to a node limit); past the limit the best
// solution found so far, which is never worse than the greedy one, is
// returned and marked inexact. Plain C++: no IR here.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_KNAPSACK_H
#define NN_ANALYSIS_KNAPSACK_H

#include <cstdint>
#include <vector>

namespace nn {
namespace knapsack {

struct Item {
  double value = 0;          ///< >= 0
  std::vector<int64_t> cost; ///< one entry per resource, each >= 0
};

enum class Method { DynamicProgramming, BranchAndBound, Greedy };

struct Solution {
  std::vector<bool> take;
  double value = 0;
  /// Whether `value` is proven optimal.
  bool exact = false;
  Method method = Method::Greedy;
};

struct Options {
  /// DP when items x (capacity + 1) stays within this many cells.
  int64_t maxDpCells = 20'000'000;
  /// Branch-and-bound nodes before giving up on a proof of optimality.
  int64_t maxNodes = 2'000'000;
};

/// Maximizes the summed value of the taken items subject to, for every
/// resource r, sum of cost[r] of the taken items <= capacity[r]. Every item
/// has capacity.size() costs; a negative capacity makes the empty set
/// infeasible too (the caller reports it): nothing is taken.
Solution solve(const std::vector<Item> &items,
               const std::vector<int64_t> &capacity,
               const Options &options = {});

/// The documented fallback: items in decreasing value per share of the
/// capacities, each taken when it still fits; then the best single item if
/// it alone is worth more (the classic 1/2-approximation for one resource).
Solution solveGreedy(const std::vector<Item> &items,
                     const std::vector<int64_t> &capacity);

/// Exact for one resource: DP over capacities 0..capacity[0].
Solution solveDynamic(const std::vector<Item> &items, int64_t capacity);

/// Depth-first branch and bound with the fractional (LP) bound of every
/// resource taken separately; exact when it finishes within `maxNodes`.
Solution solveBranchAndBound(const std::vector<Item> &items,
                             const std::vector<int64_t> &capacity,
                             int64_t maxNodes);

} // namespace knapsack
} // namespace nn

#endif // NN_ANALYSIS_KNAPSACK_H
