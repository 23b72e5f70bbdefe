//===- Knapsack.cpp - 0/1 knapsack with several resources -----------------===//

#include "nn/Analysis/Knapsack.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace nn::knapsack;

namespace {

bool fits(const std::vector<int64_t> &used, const std::vector<int64_t> &cap) {
  for (size_t r = 0; r < cap.size(); ++r)
    if (used[r] > cap[r])
      return false;
  return true;
}

Solution nothing(size_t n, Method method) {
  Solution s;
  s.take.assign(n, false);
  s.method = method;
  return s;
}

bool anyNegative(const std::vector<int64_t> &capacity) {
  return std::any_of(capacity.begin(), capacity.end(),
                     [](int64_t c) { return c < 0; });
}

/// Value per cost as a sort key: worthless items last, free ones first.
/// (A cross-multiplied comparison is no strict weak order with zeros.)
double ratio(double value, double cost) {
  if (value <= 0)
    return -1;
  return cost <= 0 ? std::numeric_limits<double>::infinity() : value / cost;
}

/// Indices in decreasing `key`, ties in index order.
std::vector<size_t> sortedBy(const std::vector<double> &key) {
  std::vector<size_t> order(key.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return key[a] > key[b]; });
  return order;
}

} // namespace

Solution nn::knapsack::solveGreedy(const std::vector<Item> &items,
                                   const std::vector<int64_t> &capacity) {
  Solution s = nothing(items.size(), Method::Greedy);
  if (anyNegative(capacity))
    return s;
  // The share of the capacities an item uses; a resource of capacity 0
  // counts an item that needs it as unaffordable (it never fits anyway).
  auto share = [&](const Item &item) {
    double w = 0;
    for (size_t r = 0; r < capacity.size(); ++r)
      w += double(item.cost[r]) / double(std::max<int64_t>(1, capacity[r]));
    return w;
  };
  std::vector<double> key;
  for (const Item &item : items)
    key.push_back(ratio(item.value, share(item)));
  std::vector<size_t> order = sortedBy(key);
  std::vector<int64_t> used(capacity.size(), 0);
  for (size_t i : order) {
    std::vector<int64_t> next = used;
    for (size_t r = 0; r < capacity.size(); ++r)
      next[r] += items[i].cost[r];
    if (!fits(next, capacity))
      continue;
    used = next;
    s.take[i] = true;
    s.value += items[i].value;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    std::vector<int64_t> alone = items[i].cost;
    if (items[i].value > s.value && fits(alone, capacity)) {
      s.take.assign(items.size(), false);
      s.take[i] = true;
      s.value = items[i].value;
    }
  }
  s.exact = items.empty();
  return s;
}

Solution nn::knapsack::solveDynamic(const std::vector<Item> &items,
                                    int64_t capacity) {
  Solution s = nothing(items.size(), Method::DynamicProgramming);
  if (capacity < 0)
    return s;
  const size_t n = items.size(), c = size_t(capacity) + 1;
  // best[w]: the largest value of a subset of the items seen so far with
  // cost <= w; took[i * c + w]: item i is in that subset.
  std::vector<double> best(c, 0);
  std::vector<bool> took(n * c, false);
  for (size_t i = 0; i < n; ++i) {
    int64_t w0 = items[i].cost[0];
    for (int64_t w = capacity; w >= w0; --w) {
      double with = best[size_t(w - w0)] + items[i].value;
      if (with > best[size_t(w)]) {
        best[size_t(w)] = with;
        took[i * c + size_t(w)] = true;
      }
    }
  }
  int64_t w = capacity;
  for (size_t i = n; i-- > 0;)
    if (took[i * c + size_t(w)]) {
      s.take[i] = true;
      s.value += items[i].value;
      w -= items[i].cost[0];
    }
  s.exact = true;
  return s;
}

namespace {

struct BranchAndBound {
  const std::vector<Item> &items;
  const std::vector<int64_t> &capacity;
  int64_t maxNodes, nodes = 0;
  /// Per resource, the items in decreasing value per unit of it.
  std::vector<std::vector<size_t>> byRatio;
  /// The branching order (decreasing value): position -> item.
  std::vector<size_t> order;
  std::vector<size_t> position;
  std::vector<bool> current;
  std::vector<int64_t> used;
  double value = 0;
  Solution best;

  BranchAndBound(const std::vector<Item> &items,
                 const std::vector<int64_t> &capacity, int64_t maxNodes)
      : items(items), capacity(capacity), maxNodes(maxNodes) {}

  /// An upper bound of what the items from position `depth` on can add:
  /// for each resource alone, the fractional knapsack of what is left of
  /// it (an upper bound of the 0/1 problem); the least of them.
  double bound(size_t depth) const {
    double least = std::numeric_limits<double>::infinity();
    for (size_t r = 0; r < capacity.size(); ++r) {
      double room = double(capacity[r] - used[r]), add = 0;
      for (size_t i : byRatio[r]) {
        if (position[i] < depth || items[i].value <= 0)
          continue;
        double c = double(items[i].cost[r]);
        if (c <= room) {
          room -= c;
          add += items[i].value;
        } else {
          add += items[i].value * room / c;
          break;
        }
      }
      least = std::min(least, add);
    }
    if (capacity.empty()) {
      double all = 0;
      for (size_t p = depth; p < order.size(); ++p)
        all += std::max(0.0, items[order[p]].value);
      return all;
    }
    return least;
  }

  void visit(size_t depth) {
    if (++nodes > maxNodes)
      return;
    if (value > best.value) {
      best.value = value;
      best.take = current;
    }
    if (depth == order.size() || value + bound(depth) <= best.value)
      return;
    size_t i = order[depth];
    bool fitsWith = true;
    for (size_t r = 0; r < capacity.size(); ++r)
      fitsWith = fitsWith && used[r] + items[i].cost[r] <= capacity[r];
    if (fitsWith && items[i].value > 0) {
      for (size_t r = 0; r < capacity.size(); ++r)
        used[r] += items[i].cost[r];
      current[i] = true;
      value += items[i].value;
      visit(depth + 1);
      value -= items[i].value;
      current[i] = false;
      for (size_t r = 0; r < capacity.size(); ++r)
        used[r] -= items[i].cost[r];
    }
    visit(depth + 1);
  }

  Solution run() {
    const size_t n = items.size();
    best = solveGreedy(items, capacity);
    best.method = Method::BranchAndBound;
    if (anyNegative(capacity)) {
      best.exact = true; // nothing fits, not even the empty set
      return best;
    }
    order.resize(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return items[a].value > items[b].value;
    });
    position.resize(n);
    for (size_t p = 0; p < n; ++p)
      position[order[p]] = p;
    for (size_t r = 0; r < capacity.size(); ++r) {
      std::vector<double> key;
      for (const Item &item : items)
        key.push_back(ratio(item.value, double(item.cost[r])));
      byRatio.push_back(sortedBy(key));
    }
    current.assign(n, false);
    used.assign(capacity.size(), 0);
    visit(0);
    best.exact = nodes <= maxNodes;
    return best;
  }
};

} // namespace

Solution nn::knapsack::solveBranchAndBound(const std::vector<Item> &items,
                                           const std::vector<int64_t> &capacity,
                                           int64_t maxNodes) {
  return BranchAndBound(items, capacity, maxNodes).run();
}

Solution nn::knapsack::solve(const std::vector<Item> &items,
                             const std::vector<int64_t> &capacity,
                             const Options &options) {
  if (capacity.size() == 1 && capacity[0] >= 0 &&
      (capacity[0] + 1) <= options.maxDpCells /
                               std::max<int64_t>(1, int64_t(items.size())))
    return solveDynamic(items, capacity[0]);
  return solveBranchAndBound(items, capacity, options.maxNodes);
}
