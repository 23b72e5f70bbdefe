//===- NNOps.cpp - rules shared by all nn ops -----------------------------===//
//
// The generated op classes, plus the checks that many ops share. Each op's
// own verifier lives in the file of its group (NNLayerOps.cpp, ...).
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace nn;

std::string nn::formatShape(ArrayRef<int64_t> shape) {
  std::string text = "[";
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(shape, os);
  os << "]";
  return text;
}

std::string nn::getLayerName(Location loc) {
  if (auto name = llvm::dyn_cast<NameLoc>(loc))
    return name.getName().str();
  if (auto fused = llvm::dyn_cast<FusedLoc>(loc)) {
    for (Location part : llvm::reverse(fused.getLocations()))
      if (std::string name = getLayerName(part); !name.empty())
        return name;
    return "";
  }
  if (auto callSite = llvm::dyn_cast<CallSiteLoc>(loc))
    return getLayerName(callSite.getCallee());
  return "";
}

std::string nn::getHardwareLayerName(Location loc) {
  if (auto name = llvm::dyn_cast<NameLoc>(loc))
    return name.getName().str();
  if (auto fused = llvm::dyn_cast<FusedLoc>(loc)) {
    for (Location part : fused.getLocations())
      if (std::string name = getHardwareLayerName(part); !name.empty())
        return name;
    return "";
  }
  if (auto callSite = llvm::dyn_cast<CallSiteLoc>(loc))
    return getHardwareLayerName(callSite.getCallee());
  return "";
}

static void collectLayerAliases(Location loc,
                                SmallVectorImpl<std::string> &names) {
  if (auto name = llvm::dyn_cast<NameLoc>(loc)) {
    std::string text = name.getName().str();
    if (!text.empty() && !llvm::is_contained(names, text))
      names.push_back(text);
    collectLayerAliases(name.getChildLoc(), names);
  } else if (auto fused = llvm::dyn_cast<FusedLoc>(loc)) {
    for (Location part : fused.getLocations())
      collectLayerAliases(part, names);
  } else if (auto callSite = llvm::dyn_cast<CallSiteLoc>(loc)) {
    collectLayerAliases(callSite.getCallee(), names);
  }
}

SmallVector<std::string> nn::getLayerAliases(Location loc) {
  SmallVector<std::string> names;
  collectLayerAliases(loc, names);
  return names;
}

LogicalResult nn::verifyConsistentElementTypes(Operation *op) {
  Type firstFloat, firstFixed;
  auto check = [&](Type type) -> LogicalResult {
    Type element = getElementTypeOrSelf(type);
    if (llvm::isa<FixedType>(element)) {
      if (!firstFixed)
        firstFixed = element;
    } else if (!firstFloat) {
      firstFloat = element;
    } else if (element != firstFloat) {
      return op->emitOpError("mixes floating-point element types ")
             << firstFloat << " and " << element;
    }
    return success();
  };
  for (Type type : llvm::concat<const Type>(op->getOperandTypes(),
                                            op->getResultTypes()))
    if (failed(check(type)))
      return failure();
  if (firstFloat && firstFixed)
    return op->emitOpError("mixes floating-point (")
           << firstFloat << ") and fixed-point (" << firstFixed
           << ") values; insert the conversion explicitly";
  return success();
}

LogicalResult nn::verifyBroadcastResult(Operation *op) {
  auto lhs = llvm::cast<RankedTensorType>(op->getOperand(0).getType());
  auto rhs = llvm::cast<RankedTensorType>(op->getOperand(1).getType());
  auto result = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  SmallVector<int64_t> expected;
  if (!mlir::OpTrait::util::getBroadcastedShape(lhs.getShape(), rhs.getShape(),
                                                expected))
    return op->emitOpError("operand shapes ")
           << formatShape(lhs.getShape()) << " and "
           << formatShape(rhs.getShape()) << " do not broadcast";
  if (ArrayRef<int64_t>(expected) != result.getShape())
    return op->emitOpError("result shape ")
           << formatShape(result.getShape())
           << " differs from the broadcast shape " << formatShape(expected);
  return success();
}

#define GET_OP_CLASSES
#include "nn/Dialect/NN/IR/NNOps.cpp.inc"
