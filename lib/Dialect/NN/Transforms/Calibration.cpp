//===- Calibration.cpp - value ranges of a float network on a data set ----===//

#include "nn/Dialect/NN/Transforms/Calibration.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Interpreter/Run.h"

#include <cmath>

using namespace mlir;
using namespace nn;
using namespace nn::calib;

void Range::add(double value) {
  if (!std::isfinite(value)) {
    ++nonFinite;
    return;
  }
  min = std::min(min, value);
  max = std::max(max, value);
}

static void addAll(Range &range, const interp::Tensor &tensor) {
  for (int64_t i = 0, e = tensor.numElements(); i < e; ++i)
    range.add(tensor.valueAt(i));
}

FailureOr<Ranges> nn::calib::collectRanges(func::FuncOp func,
                                           ArrayRef<std::string> files) {
  llvm::Expected<interp::PreparedInputs> inputs =
      interp::loadInputs(func, files);
  if (!inputs)
    return func.emitError("calibration data: ")
           << llvm::toString(inputs.takeError());

  Ranges ranges;
  ranges.samples = inputs->batch;
  ranges.arguments.resize(inputs->tensors.size());
  for (size_t i = 0; i < inputs->tensors.size(); ++i)
    addAll(ranges.arguments[i], inputs->tensors[i]);
  interp::RunOptions options;
  options.onResult = [&](Operation *op, int64_t sample,
                         const interp::Tensor &result) {
    // Constants are the same in every sample.
    if (sample > 0 && llvm::isa<nn::ConstantOp>(op))
      return;
    addAll(ranges.ops[op], result);
  };
  if (failed(interp::runSamples(func, *inputs, options)))
    return func.emitError("calibration: the float network failed to run on "
                          "the calibration data (see the error above)");
  return ranges;
}

std::optional<int> nn::calib::calibratedIntWidth(const Range &range,
                                                 bool isSigned, int margin) {
  if (range.empty() || range.maxAbs() == 0.0)
    return std::nullopt;
  // Bits for the magnitude of the largest positive value: the smallest k
  // with max < 2^k is floor(log2(max)) + 1 (ilogb gives floor(log2) exactly).
  std::optional<int> bits;
  if (range.max > 0)
    bits = std::ilogb(range.max) + 1;
  if (isSigned && range.min < 0) {
    // -2^k is representable: the smallest k with -min <= 2^k.
    double magnitude = -range.min;
    int k = std::ilogb(magnitude);
    if (std::ldexp(1.0, k) < magnitude)
      ++k;
    bits = bits ? std::max(*bits, k) : k;
  }
  if (!bits)
    return std::nullopt; // unsigned and nothing positive
  return *bits + (isSigned ? 1 : 0) + margin;
}
