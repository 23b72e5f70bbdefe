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

/// A reader of one output with the given weights and input covariance.
Reader readerOf(std::vector<double> weight, std::vector<double> cov) {
  Reader r;
  r.input.n = int64_t(weight.size());
  r.input.mean.assign(weight.size(), 0);
  r.input.cov = std::move(cov);
  r.weight = std::move(weight);
  r.outs = 1;
  return r;
}

// Independent units: removing unit u alone loses w_u^2 var(x_u), in any
// order.
TEST(PruneReconstruct, EliminationOfIndependentUnits) {
  Reader r = readerOf({2, -1, 0.5, 3}, {4, 0, 0, 0, //
                                        0, 1, 0, 0, //
                                        0, 0, 9, 0, //
                                        0, 0, 0, 0.25});
  std::vector<double> err = eliminationErrors({r}, 4, 0);
  const double expected[] = {16, 1, 2.25, 2.25};
  for (int u = 0; u < 4; ++u)
    EXPECT_NEAR(err[size_t(u)], expected[u], 1e-5);
}

// Two copies of one entry: the first goes for free (the other takes over
// its weight: 1 + 1), then x2 (0.5^2 * 4 = 1) before the survivor
// (2^2 * 1 = 4), although x2 alone is worth less than either copy alone.
TEST(PruneReconstruct, EliminationOfCopies) {
  Reader r = readerOf({1, 1, 0.5}, {1, 1, 0, //
                                    1, 1, 0, //
                                    0, 0, 4});
  std::vector<double> err = eliminationErrors({r}, 3, 0);
  EXPECT_NEAR(err[2], 1, 1e-5);
  EXPECT_NEAR(std::min(err[0], err[1]), 0, 1e-5);
  EXPECT_NEAR(std::max(err[0], err[1]), 4, 1e-5);
}

// Units of several entries (after a flatten) and readers summed: unit 1
// (entries 2, 3) is a copy of unit 0 in the first reader's input.
TEST(PruneReconstruct, EliminationOfBlocks) {
  Reader a = readerOf({1, 0, 1, 0}, {1, 0, 1, 0, //
                                     0, 1, 0, 1, //
                                     1, 0, 1, 0, //
                                     0, 1, 0, 1});
  a.inner = 2;
  Reader b = readerOf({1, 3}, {1, 0, 0, 1});
  std::vector<double> err = eliminationErrors({a, b}, 2, 0);
  // First removal: unit 0 costs 0 (a) + 1 (b), unit 1 costs 0 + 9: unit 0
  // goes; then unit 1 costs (1 + 1)^2 (a, refit) + 9 (b).
  EXPECT_NEAR(err[0], 1, 1e-5);
  EXPECT_NEAR(err[1], 13, 1e-5);
}

} // namespace
