//===- FxOpVisitorTest.cpp - NN_FX_OPS lists every nn.fx op ----------------===//
//
// The loop interpreter and the HLS emitter dispatch the nn.fx ops through
// FxOpVisitor, whose list must be complete: an nn.fx op missing from it
// would reach their "not handled" paths instead of failing to compile.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/FxOpVisitor.h"

#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace nn;

TEST(FxOpVisitorTest, ListsEveryFxOp) {
  MLIRContext context;
  context.loadDialect<NNDialect>();
  llvm::SmallVector<StringRef> listed = FxOpList::get();
  int fxOps = 0;
  for (RegisteredOperationName name : context.getRegisteredOperations()) {
    if (!name.getStringRef().starts_with("nn.fx."))
      continue;
    ++fxOps;
    EXPECT_TRUE(llvm::is_contained(listed, name.getStringRef()))
        << name.getStringRef().str()
        << " is missing from NN_FX_OPS (FxOpVisitor.h)";
  }
  EXPECT_EQ(size_t(fxOps), listed.size());
}
