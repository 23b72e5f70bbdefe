//===- EmbeddingKernel.cpp - nn.embedding ---------------------------------===//
//
// Each index selects a table row (nn/Support/Embedding.h: floor, clamped to
// the table). Float: the row's f32 values. Fixed point: the row's raws cast
// from the table's format into the result's (the same format after
// --nn-quantize, so a copy).
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/Embedding.h"

using namespace mlir;
using namespace nn;
using namespace nn::interp;

static LogicalResult embeddingKernel(Operation *op,
                                     ArrayRef<const Tensor *> operands,
                                     Tensor &result, const KernelContext &) {
  const Tensor &indices = *operands[0], &table = *operands[1];
  const int64_t rows = table.shape()[0], columns = table.shape()[1];
  const int64_t count = indices.numElements();
  for (int64_t i = 0; i < count; ++i) {
    int64_t row = indices.isFixed()
                      ? embedding::rowOfRaw(indices.raw()[i],
                                            indices.format(), rows)
                      : embedding::rowOfFloat(indices.f32()[i], rows);
    for (int64_t c = 0; c < columns; ++c) {
      if (table.isFixed())
        result.raw()[i * columns + c] =
            fx::cast(table.raw()[row * columns + c], table.format(),
                     result.format());
      else
        result.f32()[i * columns + c] = table.f32()[row * columns + c];
    }
  }
  (void)op;
  return success();
}

void nn::interp::registerEmbeddingKernels(KernelTable &table) {
  table["nn.embedding"] = embeddingKernel;
}
