//===- PrunePattern.h - multiplier groups of dense/conv weights -*- C++ -*-===//
//
// granularity=pattern of --nn-prune (docs/Pruning.md, "Patterns"), hls4ml's
// DSP-aware pattern pruning: the weights of a dense or conv layer that one
// multiplier computes across the reuse steps (hls::multiplierOf, the
// lowering's own assignment) form a group; zeroing a whole group removes
// that multiplier, because the lowering drops every product by a constant
// zero (hls::liveProducts) and the cost model counts only what is left.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_ANALYSIS_PRUNEPATTERN_H
#define NN_LIB_ANALYSIS_PRUNEPATTERN_H

#include "PruneReport.h"

#include "nn/Conversion/HlsSchedule.h"

#include "llvm/ADT/DenseSet.h"

namespace nn {
namespace prune {

/// The pattern layers of `func`: every dense/conv with constant weights
/// whose structure has more than one multiplier, except the ops in
/// `exclude` (the layers neuron/filter pruning rewrites). A rolled layer
/// (one multiplier) is recorded in `skipped`. Each Layer has `pattern`
/// set, its producer the op and `units` its multipliers.
std::vector<Layer>
findPatternLayers(mlir::func::FuncOp func, const hls::Limits &limits,
                  const llvm::DenseSet<mlir::Operation *> &exclude,
                  std::vector<Skipped> &skipped);

/// Per multiplier of a pattern layer, the flat weight indices (m * K + k)
/// it computes.
std::vector<std::vector<int64_t>> multiplierGroups(mlir::Operation *op,
                                                   const hls::Limits &limits);

/// The entry of the layer's input (dense: the input feature; conv: the
/// input channel) that the weight at flat index `i` multiplies.
int64_t inputEntryOf(mlir::Operation *op, int64_t i);

/// The axis of the op's input that holds those entries.
int64_t inputEntryAxis(mlir::Operation *op);

/// Zeroes the weights of every multiplier of `layer` not in `keep`; with
/// `means` (per input entry, over the calibration data), the bias absorbs
/// the zeroed products' mean contribution (bias correction). Returns the
/// layer's name when a correction was needed and it has no bias.
std::vector<std::string> zeroGroups(const Layer &layer,
                                    llvm::ArrayRef<int64_t> keep,
                                    const std::vector<double> *means,
                                    const hls::Limits &limits);

/// The importance and price of each multiplier of a pattern layer
/// (docs/Pruning.md, "Patterns"): `magnitude` (no `meanAbs`) the norm of
/// its weights, `activation` the sum of |w| times the mean magnitude of the
/// input entry each weight reads; price the layer's estimate `est` shared
/// by its multipliers with a nonzero weight (0 for a multiplier already
/// all zero). With `mean` (per input entry), the bias-correction stats.
LayerInfo describePattern(const Layer &l, const cost::LayerEstimate &est,
                          const std::vector<double> *mean,
                          const std::vector<double> *meanAbs,
                          const hls::Limits &limits);

} // namespace prune
} // namespace nn

#endif // NN_LIB_ANALYSIS_PRUNEPATTERN_H
