//===- CompareFloat.h - a model against its float model ---------*- C++ -*-===//
//
// nn-interp --compare-float: runs a (fixed-point) model and its float model
// on the same samples and measures, per named layer and per output, the
// largest error against the float values, the argmax agreement and, with
// labels, both top-1 accuracies. The tool reads the files and options; the
// measurement, the table and the JSON report are here.
//
//===----------------------------------------------------------------------===//

#ifndef NN_INTERPRETER_COMPAREFLOAT_H
#define NN_INTERPRETER_COMPAREFLOAT_H

#include "nn/Interpreter/TensorIO.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace nn::interp {

/// The error of one layer (a named argument or op result) over all samples.
struct LayerError {
  std::string name, op, type;
  double maxAbsFloat = 0, maxAbsError = 0;
  bool shapeMismatch = false;
  /// Whether the float model has a layer of that name.
  bool seen = false;
};

/// One output over all samples.
struct OutputError {
  double maxAbsFloat = 0, maxAbsError = 0;
  int64_t agreeing = 0, floatCorrect = 0, fixedCorrect = 0;
  /// Whether the output has more than one element (argmax is meaningful).
  bool hasArgmax = false;
};

struct Comparison {
  int64_t samples = 0;
  /// The model's named layers in order.
  std::vector<LayerError> layers;
  std::vector<OutputError> outputs;
  /// Whether labels were given (floatCorrect, fixedCorrect count).
  bool hasLabels = false;

  /// 100 * count / samples.
  double percent(int64_t count) const {
    return 100.0 * double(count) / double(samples);
  }
};

/// Runs `func` and `floatFunc` (the same number of results) on every sample
/// of `arrays` (prepared for each with prepareInputs, `labels` naming the
/// inputs in messages) and compares each named layer of `func` with the
/// float layer of the same name, and the outputs. `labelsPath`, when not
/// empty, is a tensor file of one class label per sample (readTensorFile).
/// Errors (inputs, labels, a failed run, output shapes that differ) are
/// returned as messages; run diagnostics are emitted with the layer's name.
llvm::Expected<Comparison>
compareWithFloat(mlir::func::FuncOp func, mlir::func::FuncOp floatFunc,
                 llvm::ArrayRef<RealArray> arrays,
                 llvm::ArrayRef<std::string> labels,
                 llvm::StringRef labelsPath, int numThreads);

/// The table nn-interp prints: a header naming `floatModel`, a row per
/// layer, a line per output.
void printComparison(const Comparison &comparison, llvm::StringRef floatModel,
                     llvm::raw_ostream &os);

/// The JSON report (--compare-report) of `comparison`.
void writeComparisonReport(const Comparison &comparison,
                           llvm::StringRef model, llvm::StringRef floatModel,
                           llvm::raw_ostream &os);

/// "%.6g" of `value`, as the table and messages print numbers.
std::string formatNumber(double value);

} // namespace nn::interp

#endif // NN_INTERPRETER_COMPAREFLOAT_H
