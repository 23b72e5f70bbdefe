//===- Passes.h - nn dialect passes -----------------------------*- C++ -*-===//

#ifndef NN_DIALECT_NN_TRANSFORMS_PASSES_H
#define NN_DIALECT_NN_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace nn {

#define GEN_PASS_DECL
#include "nn/Dialect/NN/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nn/Dialect/NN/Transforms/Passes.h.inc"

} // namespace nn

#endif // NN_DIALECT_NN_TRANSFORMS_PASSES_H
