//===- KnapsackTest.cpp - the pruning knapsack against brute force --------===//

#include "nn/Analysis/Knapsack.h"

#include <gtest/gtest.h>

#include <random>

using namespace nn::knapsack;

namespace {

/// The optimum by enumerating every subset (n <= 14).
double bruteForce(const std::vector<Item> &items,
                  const std::vector<int64_t> &capacity) {
  double best = 0;
  for (uint32_t mask = 0; mask < (1u << items.size()); ++mask) {
    std::vector<int64_t> used(capacity.size(), 0);
    double value = 0;
    for (size_t i = 0; i < items.size(); ++i)
      if (mask & (1u << i)) {
        value += items[i].value;
        for (size_t r = 0; r < capacity.size(); ++r)
          used[r] += items[i].cost[r];
      }
    bool ok = true;
    for (size_t r = 0; r < capacity.size(); ++r)
      ok = ok && used[r] <= capacity[r];
    if (ok)
      best = std::max(best, value);
  }
  return best;
}

/// The solution's value recomputed from `take`, or -1 when it exceeds a
/// capacity.
double checked(const Solution &s, const std::vector<Item> &items,
               const std::vector<int64_t> &capacity) {
  std::vector<int64_t> used(capacity.size(), 0);
  double value = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (s.take[i]) {
      value += items[i].value;
      for (size_t r = 0; r < capacity.size(); ++r)
        used[r] += items[i].cost[r];
    }
  for (size_t r = 0; r < capacity.size(); ++r)
    if (used[r] > capacity[r])
      return -1;
  return value;
}

struct Instance {
  std::vector<Item> items;
  std::vector<int64_t> capacity;
};

Instance randomInstance(std::mt19937 &rng, size_t resources) {
  std::uniform_int_distribution<int> count(0, 12), cost(0, 20);
  std::uniform_real_distribution<double> value(0, 10);
  Instance in;
  size_t n = size_t(count(rng));
  std::vector<int64_t> sum(resources, 0);
  for (size_t i = 0; i < n; ++i) {
    Item item;
    // Ties and zero values too: importance can be 0 (a dead neuron).
    item.value = (rng() % 5 == 0) ? 0 : double(int(value(rng) * 4)) / 4;
    for (size_t r = 0; r < resources; ++r) {
      item.cost.push_back(cost(rng));
      sum[r] += item.cost.back();
    }
    in.items.push_back(item);
  }
  for (size_t r = 0; r < resources; ++r)
    in.capacity.push_back(int64_t(rng() % uint64_t(sum[r] + 1)));
  return in;
}

TEST(Knapsack, ExactSolversMatchBruteForce) {
  std::mt19937 rng(12);
  for (int trial = 0; trial < 3000; ++trial) {
    size_t resources = 1 + size_t(trial % 3);
    Instance in = randomInstance(rng, resources);
    double optimum = bruteForce(in.items, in.capacity);
    SCOPED_TRACE("trial " + std::to_string(trial));
    Solution bb = solveBranchAndBound(in.items, in.capacity, 1'000'000);
    EXPECT_TRUE(bb.exact);
    EXPECT_DOUBLE_EQ(checked(bb, in.items, in.capacity), optimum);
    EXPECT_DOUBLE_EQ(bb.value, optimum);
    Solution any = solve(in.items, in.capacity);
    EXPECT_DOUBLE_EQ(checked(any, in.items, in.capacity), optimum);
    if (resources == 1) {
      Solution dp = solveDynamic(in.items, in.capacity[0]);
      EXPECT_TRUE(dp.exact);
      EXPECT_DOUBLE_EQ(checked(dp, in.items, in.capacity), optimum);
      EXPECT_DOUBLE_EQ(dp.value, optimum);
      // The greedy with the best single item is a 1/2-approximation.
      Solution g = solveGreedy(in.items, in.capacity);
      EXPECT_GE(checked(g, in.items, in.capacity), optimum / 2 - 1e-9);
    }
  }
}

TEST(Knapsack, GreedyIsFeasible) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 1000; ++trial) {
    Instance in = randomInstance(rng, 1 + size_t(trial % 3));
    Solution g = solveGreedy(in.items, in.capacity);
    double v = checked(g, in.items, in.capacity);
    EXPECT_GE(v, 0);
    EXPECT_LE(v, bruteForce(in.items, in.capacity) + 1e-9);
  }
}

TEST(Knapsack, NodeLimitKeepsAFeasibleInexactSolution) {
  std::mt19937 rng(3);
  std::vector<Item> items;
  for (int i = 0; i < 60; ++i)
    items.push_back({double(rng() % 100), {int64_t(rng() % 50 + 1),
                                           int64_t(rng() % 50 + 1)}});
  std::vector<int64_t> capacity = {700, 700};
  Solution s = solveBranchAndBound(items, capacity, 100);
  EXPECT_FALSE(s.exact);
  EXPECT_GE(checked(s, items, capacity), 0);
  EXPECT_GE(s.value, solveGreedy(items, capacity).value);
}

TEST(Knapsack, NegativeCapacityTakesNothing) {
  std::vector<Item> items = {{1, {0}}, {2, {1}}};
  for (const Solution &s :
       {solve(items, {-1}), solveGreedy(items, {-1}),
        solveBranchAndBound(items, {-1}, 100)}) {
    EXPECT_EQ(s.value, 0);
    EXPECT_FALSE(s.take[0] || s.take[1]);
  }
}

} // namespace
