//===- LargeConstantTest.cpp - nn.constant over large weights -------------===//
//
// Large weights must never be copied element by element: an nn.constant over
// a dense_resource blob refers to the caller's buffer itself, and one built
// from a raw buffer takes it with a single copy.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include <gtest/gtest.h>

#include <numeric>
#include <utility>
#include <vector>

using namespace mlir;
using namespace nn;

namespace {

TEST(LargeConstantTest, ResourceConstantSharesTheCallersBuffer) {
  constexpr int64_t kCount = 20'000'000; // 80 MB of f32
  // Declared before the context: the unmanaged blob only refers to it, so it
  // must outlive every attribute that does.
  std::vector<float> weights(kCount);
  for (int64_t i = 0; i < kCount; i += 4096)
    weights[i] = static_cast<float>(i);

  MLIRContext context;
  context.loadDialect<NNDialect>();
  std::string diagnostics;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    diagnostics += diag.str() + "\n";
    return success();
  });

  OpBuilder builder(&context);
  Location loc = builder.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  builder.setInsertionPointToEnd(module->getBody());

  auto type = RankedTensorType::get({1000, 20000}, builder.getF32Type());
  // The vector keeps ownership: the blob has no deleter. GCC reports a
  // false -Wmaybe-uninitialized inside llvm::unique_function's move
  // constructor when the empty deleter is moved; silence it here only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
  AsmResourceBlob blob = UnmanagedAsmResourceBlob::allocateInferAlign(
      ArrayRef<float>(weights.data(), weights.size()));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  auto value =
      DenseF32ResourceElementsAttr::get(type, "big_weight", std::move(blob));
  auto constant =
      ConstantOp::create(builder, loc, type, llvm::cast<ElementsAttr>(value));

  ASSERT_TRUE(succeeded(verify(*module))) << diagnostics;
  EXPECT_EQ(constant.getType(), type);

  // The op's data is the vector itself: nothing was copied, let alone
  // element by element.
  auto stored =
      llvm::dyn_cast<DenseF32ResourceElementsAttr>(constant.getValue());
  ASSERT_TRUE(stored);
  std::optional<ArrayRef<float>> data = stored.tryGetAsArrayRef();
  ASSERT_TRUE(data.has_value());
  EXPECT_EQ(data->data(), weights.data());
  EXPECT_EQ(static_cast<int64_t>(data->size()), kCount);
  ArrayRef<char> raw = stored.getRawHandle().getBlob()->getData();
  EXPECT_EQ(static_cast<const void *>(raw.data()),
            static_cast<const void *>(weights.data()));
  EXPECT_EQ((*data)[4096], 4096.0f);
}

TEST(LargeConstantTest, RawBufferConstantVerifies) {
  MLIRContext context;
  context.loadDialect<NNDialect>();
  std::string diagnostics;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    diagnostics += diag.str() + "\n";
    return success();
  });

  OpBuilder builder(&context);
  Location loc = builder.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  builder.setInsertionPointToEnd(module->getBody());

  // 256 x 256 x 8 x 8 = 4 194 304 f32 values (16 MB), from raw bytes.
  auto type = RankedTensorType::get({256, 256, 8, 8}, builder.getF32Type());
  std::vector<float> weights(type.getNumElements());
  std::iota(weights.begin(), weights.end(), 0.0f);
  ArrayRef<char> bytes(reinterpret_cast<const char *>(weights.data()),
                       weights.size() * sizeof(float));
  DenseElementsAttr value = DenseElementsAttr::getFromRawBuffer(type, bytes);
  ASSERT_TRUE(value);
  auto constant =
      ConstantOp::create(builder, loc, type, llvm::cast<ElementsAttr>(value));

  ASSERT_TRUE(succeeded(verify(*module))) << diagnostics;
  auto stored = llvm::cast<DenseElementsAttr>(constant.getValue());
  EXPECT_FALSE(stored.isSplat());
  EXPECT_EQ(stored.getNumElements(), 256 * 256 * 8 * 8);
  EXPECT_EQ(stored.getRawData().size(), bytes.size());
  EXPECT_EQ(*(stored.value_begin<float>() + 12345), 12345.0f);
}

} // namespace
