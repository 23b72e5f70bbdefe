//===- Budget.h - resource budgets of the cost-model passes -----*- C++ -*-===//
//
// `budget=dsp:N,lut:N,ff:N,bram:N` (any subset), as --nn-annotate-reuse and
// --nn-prune read it: one parser, one wording of its errors and of the
// budget in messages.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_BUDGET_H
#define NN_ANALYSIS_BUDGET_H

#include "nn/Analysis/CostModel.h"

#include <array>
#include <optional>
#include <string>

namespace nn {
namespace cost {

/// The budgeted resources, in the order of the budget's keys.
inline constexpr std::array<const char *, 4> kBudgetResources = {
    "dsp", "lut", "ff", "bram"};
/// A limit per budgeted resource (none when not budgeted).
using Budget = std::array<std::optional<int64_t>, 4>;

/// Resource `i` (an index of kBudgetResources) of an estimate / of a part.
int64_t amount(const Resources &r, size_t i);
int64_t available(const Device &d, size_t i);

/// "dsp:1000,lut:50000" -> limits; an error at `at` naming the bad entry,
/// prefixed with `pass`.
mlir::FailureOr<Budget> parseBudget(mlir::Operation *at, llvm::StringRef text,
                                    llvm::StringRef pass);

/// "dsp 1000, lut 50000": the budget's limits.
std::string describeBudget(const Budget &budget);
/// "dsp 980, lut 41000": `r`'s amounts of the budgeted resources.
std::string describeAmounts(const Resources &r, const Budget &budget);

} // namespace cost
} // namespace nn

#endif // NN_ANALYSIS_BUDGET_H
