//===- Hls4mlLayerTypes.cpp - hls4ml LayerType names of the nn ops --------===//
//
// The ops name their hls4ml classes in ODS (NN_Hls4mlLayer); this file
// expands the spatial-rank placeholder and lists every valid name, so that
// neither the configuration parser (lib/Support) nor --nn-quantize keeps a
// list of op names.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "nn/Support/HlsConfig.h"

#include "llvm/ADT/STLExtras.h"

#include <optional>
#include <set>

using namespace mlir;

namespace {
/// `name` with `#` replaced by the spatial rank; nothing when it has a `#`
/// and the rank is not one hls4ml has classes for (1-D and 2-D).
std::optional<std::string> expand(llvm::StringRef name, int64_t spatialRank) {
  size_t at = name.find('#');
  if (at == llvm::StringRef::npos)
    return name.str();
  if (spatialRank != 1 && spatialRank != 2)
    return std::nullopt;
  return (name.take_front(at) + llvm::Twine(spatialRank) +
          name.drop_front(at + 1))
      .str();
}
} // namespace

std::vector<std::string> nn::hls4mlLayerTypesOf(Operation *op) {
  auto layer = llvm::dyn_cast<Hls4mlLayerInterface>(op);
  if (!layer)
    return {};
  int64_t spatialRank = 0;
  if (op->getNumOperands() > 0)
    if (auto type = llvm::dyn_cast<RankedTensorType>(op->getOperand(0).getType()))
      spatialRank = type.getRank() - 2;
  std::vector<std::string> names;
  for (llvm::StringLiteral name : layer.getHls4mlLayerTypes())
    if (std::optional<std::string> expanded = expand(name, spatialRank))
      names.push_back(std::move(*expanded));
  return names;
}

std::vector<std::string> nn::knownHls4mlLayerTypes(MLIRContext *context) {
  std::set<std::string> all(std::begin(hls::kInputLayerTypes),
                            std::end(hls::kInputLayerTypes));
  for (RegisteredOperationName op : context->getRegisteredOperations())
    if (auto *layer = op.getInterface<Hls4mlLayerInterface>())
      for (llvm::StringLiteral name : layer->getHls4mlLayerTypes())
        for (int64_t rank : {1, 2})
          if (std::optional<std::string> expanded = expand(name, rank))
            all.insert(std::move(*expanded));
  return std::vector<std::string>(all.begin(), all.end());
}
