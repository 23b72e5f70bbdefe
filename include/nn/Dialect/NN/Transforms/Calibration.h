//===- Calibration.h - value ranges observed on a data set ------*- C++ -*-===//
//
// What `--nn-quantize="calibrate=..."` measures: the float network is run by
// the reference interpreter over every sample of a data set, and the range
// of every function argument and op result is recorded. From a range and a
// total width, calibratedIntWidth() chooses the integer bits (the rule is
// documented in docs/Quantization.md, "Calibration").
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_TRANSFORMS_CALIBRATION_H
#define NN_DIALECT_NN_TRANSFORMS_CALIBRATION_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/DenseMap.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace nn::calib {

/// The finite values seen in one tensor (over all samples).
struct Range {
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  int64_t nonFinite = 0; ///< NaN/inf values, left out of min/max

  bool empty() const { return min > max; }
  double maxAbs() const { return empty() ? 0.0 : std::max(-min, max); }
  void add(double value);
};

/// The ranges of one function over a data set.
struct Ranges {
  int64_t samples = 0;
  std::vector<Range> arguments;
  llvm::DenseMap<mlir::Operation *, Range> ops;
};

/// Runs `func` (floating point) with the reference interpreter on the
/// samples of `files` (one .npy/.pb per function argument; a leading
/// dimension N where the argument has 1 gives N samples) and records every
/// argument's and op result's range. Errors are emitted at `func`.
mlir::FailureOr<Ranges> collectRanges(mlir::func::FuncOp func,
                                      llvm::ArrayRef<std::string> files);

/// The integer bits (sign included) that hold every value of `range`:
/// the smallest I with -2^(I-1) <= min and max < 2^(I-1) (signed), or
/// max < 2^I (unsigned), plus `margin`. nullopt when the range holds no
/// nonzero value (nothing to calibrate on).
std::optional<int> calibratedIntWidth(const Range &range, bool isSigned,
                                      int margin);

} // namespace nn::calib

#endif // NN_DIALECT_NN_TRANSFORMS_CALIBRATION_H
