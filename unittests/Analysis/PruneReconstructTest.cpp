//===- PruneReconstructTest.cpp - the pruning refit's least squares -------===//

#include "nn/Analysis/PruneReconstruct.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace nn::prune;

namespace {

/// The moments of the samples `xs` (each of n values).
Moments momentsOf(const std::vector<std::vector<double>> &xs) {
  Moments m;
  m.n = int64_t(xs.front().size());
  const size_t n = size_t(m.n);
  m.mean.assign(n, 0);
  m.cov.assign(n * n, 0);
  for (const auto &x : xs)
    for (size_t i = 0; i < n; ++i)
      m.mean[i] += x[i] / double(xs.size());
  for (const auto &x : xs)
    for (size_t i = 0; i < n; ++i)
      for (size_t j = 0; j < n; ++j)
        m.cov[i * n + j] += (x[i] - m.mean[i]) * (x[j] - m.mean[j]) /
                            double(xs.size());
  return m;
}

TEST(PruneReconstruct, CholeskySolvesByHand) {
  // [4 2; 2 3] x = [2 1; 1 2]: x = [0.5 -0.125; 0 0.75] (by hand).
  std::vector<double> s = {4, 2, 2, 3}, b = {2, 1, 1, 2};
  ASSERT_TRUE(choleskySolve(s, 2, b, 2));
  EXPECT_NEAR(b[0], 0.5, 1e-12);
  EXPECT_NEAR(b[1], -0.125, 1e-12);
  EXPECT_NEAR(b[2], 0.0, 1e-12);
  EXPECT_NEAR(b[3], 0.75, 1e-12);
  std::vector<double> singular = {1, 1, 1, 1}, rhs = {1, 1};
  EXPECT_FALSE(choleskySolve(singular, 2, rhs, 1));
}

// Removed entries that are exact linear functions of the kept ones are
// recovered: A is the generating matrix.
TEST(PruneReconstruct, RecoversLinearDependence) {
  std::mt19937 rng(7);
  std::normal_distribution<double> normal(0, 1);
  // Entries 0, 2, 3 kept; 1 = 2 x0 - x3 + 5, 4 = 0.5 x2 + x3 - 1.
  std::vector<std::vector<double>> xs;
  for (int s = 0; s < 200; ++s) {
    double x0 = normal(rng), x2 = 3 * normal(rng) + 1, x3 = normal(rng) - 2;
    xs.push_back({x0, 2 * x0 - x3 + 5, x2, x3, 0.5 * x2 + x3 - 1});
  }
  Moments m = momentsOf(xs);
  std::vector<double> a = regressRemoved(m, {0, 2, 3}, {1, 4}, 0);
  const double expected[2][3] = {{2, 0, -1}, {0, 0.5, 1}};
  for (int r = 0; r < 2; ++r)
    for (int k = 0; k < 3; ++k)
      EXPECT_NEAR(a[size_t(r * 3 + k)], expected[r][k], 1e-6);
}

// Independent entries: nothing to predict (bias correction's case), and a
// dead kept entry (zero variance) leaves a finite solution.
TEST(PruneReconstruct, IndependentAndDeadEntries) {
  std::mt19937 rng(11);
  std::normal_distribution<double> normal(0, 1);
  std::vector<std::vector<double>> xs;
  for (int s = 0; s < 20000; ++s)
    xs.push_back({normal(rng), 0.0, normal(rng)});
  Moments m = momentsOf(xs);
  std::vector<double> a = regressRemoved(m, {0, 1}, {2}, 0);
  EXPECT_NEAR(a[0], 0, 0.05);
  EXPECT_TRUE(std::isfinite(a[1]));
  EXPECT_NEAR(a[1], 0, 1e-6);
  // No covariance: A = 0.
  m.cov.clear();
  a = regressRemoved(m, {0, 1}, {2}, 0);
  EXPECT_EQ(a, std::vector<double>(2, 0.0));
}

} // namespace
