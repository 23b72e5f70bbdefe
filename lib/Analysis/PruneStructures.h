//===- PruneStructures.h - units of dense/conv layers and their users -*- C++ -*-===//
//
// What --nn-prune removes (docs/Pruning.md): the output units of a dense
// layer (neurons) or a conv layer (filters), together with everything that
// carries them to the next layers that multiply them by weights. A layer
// is prunable when every path from its result reaches such a multiplying
// consumer (dense, conv with group 1) through ops that keep the units on
// one axis: activations, batch norm, element-wise ops with a constant
// partner (a batch norm that no layer absorbed is quantized into a mul and
// an add of per-channel constants), pools, flatten and flatten-like
// reshapes. An element-wise op of two such values (a residual add) couples
// their producers into one layer: the same units are removed from all.
// Any other user (the function's result, a concat) makes the layer
// unprunable, with the reason recorded.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_ANALYSIS_PRUNESTRUCTURES_H
#define NN_LIB_ANALYSIS_PRUNESTRUCTURES_H

#include "nn/Analysis/PruneReconstruct.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>
#include <vector>

namespace nn {
namespace prune {

/// A value whose axis `axis` holds the layer's units, each as `inner`
/// consecutive entries (more than 1 after a flatten of a conv's channels).
struct Carrier {
  mlir::Operation *op; ///< the op whose result carries them
  int64_t axis = 0, inner = 1;
  /// An element-wise op's constant partner (operand index) and the axis of
  /// the partner that holds the units (-1: broadcast along them, kept).
  int partner = -1;
  int64_t partnerAxis = -1;
};

/// A dense or conv whose input carries the units.
struct Consumer {
  mlir::Operation *op;
  int64_t axis = 0, inner = 1; ///< of the units in its input
};

/// The units of one or more producers whose channels meet element-wise
/// (a residual add couples them: the same units go from all of them).
struct Layer {
  mlir::Operation *producer; ///< nn.dense or nn.conv; the first of
  std::vector<mlir::Operation *> producers; ///< all, in program order
  std::string name; ///< the producers' names joined by '+'
  int64_t units = 0;
  std::vector<Carrier> carriers; ///< after the producers
  std::vector<Consumer> consumers;
  /// granularity=pattern (PrunePattern.h): the units are the producer's
  /// multipliers, removed by zeroing their weights; no carriers/consumers.
  bool pattern = false;
};

struct Skipped {
  std::string name, reason;
};

/// The prunable layers of `func` in program order; the others in `skipped`.
std::vector<Layer> findLayers(mlir::func::FuncOp func,
                              std::vector<Skipped> &skipped);

/// The float values of a constant operand (fixed point), or empty when the
/// operand is no constant.
std::vector<double> constantValues(mlir::Value value);

/// Per consumer: the moments of the entries of its input along the units'
/// axis over the calibration data (every other axis is a sample: a conv's
/// pixels, a batch), for bias correction and reconstruction.
using Stats = std::vector<Moments>;

/// Removes every unit of `layer` not in `keep` (ascending, non-empty): the
/// producer's weights and bias, the carriers' types and batch norm
/// parameters, the consumers' weights along their input axis. With `stats`
/// (one per consumer), each consumer is refit (PruneReconstruct.h): its
/// kept weights absorb the removed entries' prediction from the kept ones
/// (when the covariance is known; `ridge` as regressRemoved) and its bias
/// their mean contribution, both quantized in their own types; returns the
/// consumers whose bias could not absorb it (no bias operand).
std::vector<std::string> removeUnits(const Layer &layer,
                                     llvm::ArrayRef<int64_t> keep,
                                     const Stats *stats, double ridge);

/// Replaces the constant operand `operand` of `op` by `values` in its own
/// type: the nearest value, saturated.
void requantize(mlir::Operation *op, unsigned operand,
                llvm::ArrayRef<double> values);

/// The layer name of the prune pass's messages and report.
std::string nameOf(mlir::Operation *op);

} // namespace prune
} // namespace nn

#endif // NN_LIB_ANALYSIS_PRUNESTRUCTURES_H
