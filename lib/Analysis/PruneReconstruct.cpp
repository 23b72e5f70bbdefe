//===- PruneReconstruct.cpp - refit a reader after pruning ----------------===//

#include "nn/Analysis/PruneReconstruct.h"

#include <algorithm>
#include <cmath>

using namespace nn::prune;

bool nn::prune::choleskySolve(std::vector<double> &s, int64_t n,
                              std::vector<double> &b, int64_t k) {
  // S = L L^T, L in the lower triangle of s.
  for (int64_t j = 0; j < n; ++j) {
    double d = s[size_t(j * n + j)];
    for (int64_t p = 0; p < j; ++p)
      d -= s[size_t(j * n + p)] * s[size_t(j * n + p)];
    if (!(d > 0))
      return false;
    d = std::sqrt(d);
    s[size_t(j * n + j)] = d;
    for (int64_t i = j + 1; i < n; ++i) {
      double v = s[size_t(i * n + j)];
      for (int64_t p = 0; p < j; ++p)
        v -= s[size_t(i * n + p)] * s[size_t(j * n + p)];
      s[size_t(i * n + j)] = v / d;
    }
  }
  // L Y = B, then L^T X = Y.
  for (int64_t i = 0; i < n; ++i)
    for (int64_t c = 0; c < k; ++c) {
      double v = b[size_t(i * k + c)];
      for (int64_t p = 0; p < i; ++p)
        v -= s[size_t(i * n + p)] * b[size_t(p * k + c)];
      b[size_t(i * k + c)] = v / s[size_t(i * n + i)];
    }
  for (int64_t i = n - 1; i >= 0; --i)
    for (int64_t c = 0; c < k; ++c) {
      double v = b[size_t(i * k + c)];
      for (int64_t p = i + 1; p < n; ++p)
        v -= s[size_t(p * n + i)] * b[size_t(p * k + c)];
      b[size_t(i * k + c)] = v / s[size_t(i * n + i)];
    }
  return true;
}

std::vector<double> nn::prune::regressRemoved(const Moments &m,
                                              const std::vector<int64_t> &kept,
                                              const std::vector<int64_t> &removed,
                                              double ridge) {
  const int64_t nk = int64_t(kept.size()), nr = int64_t(removed.size());
  std::vector<double> a(size_t(nr * nk), 0);
  if (m.cov.empty() || nk == 0 || nr == 0)
    return a;
  auto cov = [&](int64_t i, int64_t j) { return m.cov[size_t(i * m.n + j)]; };
  std::vector<double> skk(size_t(nk * nk)), skr(size_t(nk * nr));
  double trace = 0, square = 0;
  for (int64_t i = 0; i < nk; ++i) {
    trace += cov(kept[size_t(i)], kept[size_t(i)]);
    square += m.mean[size_t(kept[size_t(i)])] * m.mean[size_t(kept[size_t(i)])];
    for (int64_t j = 0; j < nk; ++j)
      skk[size_t(i * nk + j)] = cov(kept[size_t(i)], kept[size_t(j)]);
    for (int64_t j = 0; j < nr; ++j)
      skr[size_t(i * nr + j)] = cov(kept[size_t(i)], removed[size_t(j)]);
  }
  // A floor on the ridge, above the rounding of a covariance computed as
  // E[x y] - E[x] E[y]: dead or constant kept entries still solve and
  // predict nothing (A ~ 1e-9, far below any weight's LSB).
  const double lambda = std::max(ridge * trace / double(nk),
                                 1e-8 * (1 + (trace + square) / double(nk)));
  for (int64_t i = 0; i < nk; ++i)
    skk[size_t(i * nk + i)] += lambda;
  // A^T = S_KK^-1 S_KR.
  if (!choleskySolve(skk, nk, skr, nr))
    return a;
  for (int64_t r = 0; r < nr; ++r)
    for (int64_t k = 0; k < nk; ++k)
      a[size_t(r * nk + k)] = skr[size_t(k * nr + r)];
  return a;
}
