//===- Passes.h - nn analysis passes ----------------------------*- C++ -*-===//

#ifndef NN_ANALYSIS_PASSES_H
#define NN_ANALYSIS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace nn {

#define GEN_PASS_DECL
#include "nn/Analysis/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nn/Analysis/Passes.h.inc"

} // namespace nn

#endif // NN_ANALYSIS_PASSES_H
