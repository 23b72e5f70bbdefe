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

namespace {

/// The inverse of a symmetric positive definite n x n matrix (empty when
/// it is not).
std::vector<double> inverse(std::vector<double> s, int64_t n) {
  std::vector<double> id(size_t(n * n), 0);
  for (int64_t i = 0; i < n; ++i)
    id[size_t(i * n + i)] = 1;
  if (!choleskySolve(s, n, id, n))
    return {};
  return id;
}

/// One reader during the elimination: the precision matrix of the entries
/// still kept and the weights refit on them.
struct State {
  const Reader *reader;
  int64_t entries;
  std::vector<double> precision; ///< entries x entries (rows of removed
                                 ///< entries are unused)
  std::vector<double> weight;
};

/// The entries of unit u.
std::vector<int64_t> block(const Reader &r, int64_t u) {
  std::vector<int64_t> b;
  for (int64_t t = 0; t < r.inner; ++t)
    b.push_back(u * r.inner + t);
  return b;
}

/// The error removing `b` from the kept entries adds, and the inverse of
/// the precision's block (the covariance of b given the kept entries).
double removalError(const State &st, const std::vector<int64_t> &b,
                    std::vector<double> &condCov) {
  const int64_t nb = int64_t(b.size()), n = st.entries;
  std::vector<double> pbb(size_t(nb * nb));
  for (int64_t i = 0; i < nb; ++i)
    for (int64_t j = 0; j < nb; ++j)
      pbb[size_t(i * nb + j)] = st.precision[size_t(b[size_t(i)] * n + b[size_t(j)])];
  condCov = inverse(pbb, nb);
  if (condCov.empty())
    return 0;
  const Reader &r = *st.reader;
  double err = 0;
  for (int64_t o = 0; o < r.outs; ++o)
    for (int64_t s = 0; s < r.spatial; ++s)
      for (int64_t i = 0; i < nb; ++i) {
        double wi = st.weight[size_t((o * n + b[size_t(i)]) * r.spatial + s)];
        if (wi == 0)
          continue;
        for (int64_t j = 0; j < nb; ++j)
          err += wi * condCov[size_t(i * nb + j)] *
                 st.weight[size_t((o * n + b[size_t(j)]) * r.spatial + s)];
      }
  return err;
}

/// Removes `b` from the kept entries `kept` (b not in it any more): the
/// kept weights absorb b's prediction (A = -P_BB^-1 P_BK = -C P_BK), and
/// the precision becomes that of the kept entries alone (the Schur
/// complement P_KK - P_KB C P_BK).
void removeBlock(State &st, const std::vector<int64_t> &b,
                 const std::vector<int64_t> &kept,
                 const std::vector<double> &condCov) {
  const int64_t nb = int64_t(b.size()), n = st.entries;
  const Reader &r = *st.reader;
  // A = -C P_BK  (nb x |kept|).
  std::vector<double> a(size_t(nb) * kept.size(), 0);
  for (int64_t i = 0; i < nb; ++i)
    for (size_t k = 0; k < kept.size(); ++k) {
      double v = 0;
      for (int64_t j = 0; j < nb; ++j)
        v += condCov[size_t(i * nb + j)] *
             st.precision[size_t(b[size_t(j)] * n + kept[k])];
      a[size_t(i) * kept.size() + k] = -v;
    }
  for (int64_t o = 0; o < r.outs; ++o)
    for (int64_t s = 0; s < r.spatial; ++s)
      for (int64_t i = 0; i < nb; ++i) {
        double wi = st.weight[size_t((o * n + b[size_t(i)]) * r.spatial + s)];
        if (wi == 0)
          continue;
        for (size_t k = 0; k < kept.size(); ++k)
          st.weight[size_t((o * n + kept[k]) * r.spatial + s)] +=
              wi * a[size_t(i) * kept.size() + k];
      }
  // P_KK += P_KB A (= -P_KB C P_BK).
  for (size_t k = 0; k < kept.size(); ++k)
    for (int64_t i = 0; i < nb; ++i) {
      double pkb = st.precision[size_t(kept[k] * n + b[size_t(i)])];
      if (pkb == 0)
        continue;
      for (size_t l = 0; l < kept.size(); ++l)
        st.precision[size_t(kept[k] * n + kept[l])] +=
            pkb * a[size_t(i) * kept.size() + l];
    }
}

} // namespace

std::vector<double> nn::prune::eliminationErrors(
    const std::vector<Reader> &readers, int64_t units, double ridge) {
  std::vector<double> errors(size_t(units), 0);
  std::vector<State> states;
  for (const Reader &r : readers) {
    State st{&r, r.input.n, {}, r.weight};
    std::vector<double> cov = r.input.cov;
    double trace = 0, square = 0;
    for (int64_t i = 0; i < st.entries; ++i) {
      trace += cov[size_t(i * st.entries + i)];
      square += r.input.mean[size_t(i)] * r.input.mean[size_t(i)];
    }
    const double n = double(std::max<int64_t>(st.entries, 1));
    // The ridge of regressRemoved.
    const double lambda =
        std::max(ridge * trace / n, 1e-8 * (1 + (trace + square) / n));
    for (int64_t i = 0; i < st.entries; ++i)
      cov[size_t(i * st.entries + i)] += lambda;
    st.precision = inverse(cov, st.entries);
    if (st.precision.empty())
      return errors;
    states.push_back(std::move(st));
  }
  std::vector<bool> alive(size_t(units), true);
  for (int64_t left = units; left > 0; --left) {
    int64_t best = -1;
    double bestErr = 0;
    for (int64_t u = 0; u < units; ++u) {
      if (!alive[size_t(u)])
        continue;
      double err = 0;
      std::vector<double> c;
      for (const State &st : states)
        err += removalError(st, block(*st.reader, u), c);
      if (best < 0 || err < bestErr) {
        best = u;
        bestErr = err;
      }
    }
    errors[size_t(best)] = bestErr;
    alive[size_t(best)] = false;
    if (left == 1)
      break;
    for (State &st : states) {
      std::vector<int64_t> b = block(*st.reader, best), kept;
      for (int64_t u = 0; u < units; ++u)
        if (alive[size_t(u)])
          for (int64_t e : block(*st.reader, u))
            kept.push_back(e);
      std::vector<double> c;
      removalError(st, b, c);
      if (!c.empty())
        removeBlock(st, b, kept, c);
    }
  }
  return errors;
}
