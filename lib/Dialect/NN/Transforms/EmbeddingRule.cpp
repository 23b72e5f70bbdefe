//===- EmbeddingRule.cpp - nn-quantize's rule for embedding indices -------===//

#include "EmbeddingRule.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/Embedding.h"

using namespace mlir;

std::optional<nn::fx::Format> nn::embeddingIndexFormat(BlockArgument arg) {
  int64_t rows = 0;
  for (OpOperand &use : arg.getUses()) {
    auto embedding = llvm::dyn_cast<EmbeddingOp>(use.getOwner());
    if (!embedding || use.getOperandNumber() != 0)
      return std::nullopt;
    rows = std::max(rows, embedding.getTable().getType().getDimSize(0));
  }
  if (rows == 0)
    return std::nullopt;
  return embedding::indexFormat(rows);
}
