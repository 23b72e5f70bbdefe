//===- Budget.cpp - resource budgets of the cost-model passes -------------===//

#include "nn/Analysis/Budget.h"

using namespace mlir;
using namespace nn;
using namespace nn::cost;

int64_t nn::cost::amount(const Resources &r, size_t i) {
  switch (i) {
  case 0:
    return r.dsp;
  case 1:
    return r.lut;
  case 2:
    return r.ff;
  default:
    return r.bram18k;
  }
}

int64_t nn::cost::available(const Device &d, size_t i) {
  switch (i) {
  case 0:
    return d.dsp;
  case 1:
    return d.lut;
  case 2:
    return d.ff;
  default:
    return d.bram18k;
  }
}

FailureOr<Budget> nn::cost::parseBudget(Operation *at, StringRef text,
                                        StringRef pass) {
  Budget limits;
  SmallVector<StringRef> entries;
  text.split(entries, ',', -1, /*KeepEmpty=*/false);
  for (StringRef entry : entries) {
    auto [key, value] = entry.trim().split(':');
    auto it = llvm::find(kBudgetResources, key.trim().lower());
    int64_t count = 0;
    if (it == kBudgetResources.end() || value.trim().getAsInteger(10, count) ||
        count < 0)
      return at->emitError(pass)
             << ": malformed budget entry '" << entry.trim()
             << "': expected resource:count with a resource among dsp, lut, "
                "ff, bram and a count >= 0 (e.g. budget=dsp:1000,lut:50000)";
    limits[size_t(it - kBudgetResources.begin())] = count;
  }
  return limits;
}

std::string nn::cost::describeBudget(const Budget &budget) {
  std::string s;
  for (size_t i = 0; i < kBudgetResources.size(); ++i)
    if (budget[i])
      s += (s.empty() ? "" : ", ") + std::string(kBudgetResources[i]) + " " +
           std::to_string(*budget[i]);
  return s;
}

std::string nn::cost::describeAmounts(const Resources &r,
                                      const Budget &budget) {
  std::string s;
  for (size_t i = 0; i < kBudgetResources.size(); ++i)
    if (budget[i])
      s += (s.empty() ? "" : ", ") + std::string(kBudgetResources[i]) + " " +
           std::to_string(amount(r, i));
  return s;
}
