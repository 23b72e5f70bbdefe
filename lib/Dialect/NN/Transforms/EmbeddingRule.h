//===- EmbeddingRule.h - nn-quantize's rule for embedding indices -*- C++ -*-===//
//
// An argument read only as the indices of nn.embedding layers is an integer
// input: it takes the unsigned integer format of nn/Support/Embedding.h
// (the bits of the largest table's row count), not the default precision,
// whose integer bits would saturate larger vocabularies. The table is the
// layer's weight (hls4ml's `embeddings` precision, which the configuration
// parser reads as `weight`). Not installed.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_DIALECT_NN_TRANSFORMS_EMBEDDINGRULE_H
#define NN_LIB_DIALECT_NN_TRANSFORMS_EMBEDDINGRULE_H

#include "nn/Support/FixedPoint.h"

#include "mlir/IR/Value.h"

#include <optional>

namespace nn {

/// The indices' format when every use of `arg` is an nn.embedding's
/// indices operand (nullopt otherwise, or without uses).
std::optional<fx::Format> embeddingIndexFormat(mlir::BlockArgument arg);

} // namespace nn

#endif // NN_LIB_DIALECT_NN_TRANSFORMS_EMBEDDINGRULE_H
