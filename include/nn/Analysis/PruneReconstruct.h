//===- PruneReconstruct.h - refit a reader after pruning --------*- C++ -*-===//
//
// --nn-prune's reconstruction (docs/Pruning.md): after some entries of a
// layer's input are removed, the least-squares refit of its weights on the
// calibration data (He et al. 2017, ThiNet) keeps its pre-activation output
// as close as a linear function of the kept entries can. For any weights
// W, regressing y = W x on the kept entries x_K gives W_K + W_R A, where
// A predicts the removed entries from the kept ones,
//   x_R ~ mu_R + A (x_K - mu_K),
// so only the input's mean and covariance are needed, not the outputs;
// bias correction is the case A = 0. Plain C++: no IR here.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_PRUNERECONSTRUCT_H
#define NN_ANALYSIS_PRUNERECONSTRUCT_H

#include <cstdint>
#include <vector>

namespace nn {
namespace prune {

/// The mean and covariance of n variables.
struct Moments {
  int64_t n = 0;
  std::vector<double> mean; ///< n
  std::vector<double> cov;  ///< n x n, row-major; empty: unknown
};

/// A (|removed| x |kept|, row-major) minimizing the mean squared error of
/// predicting the removed variables from the kept ones, with a ridge of
/// `ridge` times the kept variables' mean variance on the diagonal (dead
/// or constant entries make the covariance singular; the ridge also keeps
/// a small calibration set from overfitting).
std::vector<double> regressRemoved(const Moments &m,
                                   const std::vector<int64_t> &kept,
                                   const std::vector<int64_t> &removed,
                                   double ridge);

/// A layer that reads the pruned units, for the greedy elimination.
struct Reader {
  Moments input;             ///< of its input entries (cov required)
  std::vector<double> weight; ///< [outs, entries, spatial], row-major
  int64_t outs = 0, spatial = 1;
  int64_t inner = 1; ///< entries per unit: unit u is [u * inner, ...)
};

/// Backward elimination (ThiNet's greedy selection, with the refit of
/// regressRemoved): the units are removed one at a time, each time the one
/// whose removal, after refitting every reader on the units still kept,
/// adds the least to the squared error of the readers' pre-activation
/// outputs (summed over outputs and a conv's kernel positions, per input
/// sample). Returns per unit the error its removal added; the last unit
/// left gets the error its removal would add. Correlated units are
/// handled as a whole: of two copies of a unit, the first goes for free
/// and the second then costs what a unit alone costs.
std::vector<double> eliminationErrors(const std::vector<Reader> &readers,
                                      int64_t units, double ridge);

/// Solves S X = B in place for a symmetric positive definite S (n x n,
/// overwritten by its Cholesky factor) and B (n x k, row-major). False when
/// S is not positive definite.
bool choleskySolve(std::vector<double> &s, int64_t n, std::vector<double> &b,
                   int64_t k);

} // namespace prune
} // namespace nn

#endif // NN_ANALYSIS_PRUNERECONSTRUCT_H
