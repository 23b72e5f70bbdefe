//===- FixedRaws.cpp - raw integers of fixed-point constants --------------===//

#include "nn/Dialect/NN/IR/FixedRaws.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;

unsigned nn::rawStorageBytes(unsigned width) {
  return width <= 8 ? 1 : width <= 16 ? 2 : width <= 32 ? 4 : 8;
}

std::vector<char> nn::encodeRawBlob(ArrayRef<int64_t> raws, unsigned width) {
  unsigned bytes = rawStorageBytes(width);
  std::vector<char> data(raws.size() * bytes);
  for (size_t i = 0; i < raws.size(); ++i) {
    uint64_t raw = static_cast<uint64_t>(raws[i]);
    for (unsigned b = 0; b < bytes; ++b)
      data[i * bytes + b] = static_cast<char>((raw >> (8 * b)) & 0xff);
  }
  return data;
}

std::optional<std::vector<int64_t>>
nn::readFixedRaws(Attribute value, FixedType type, int64_t count) {
  bool isSigned = type.getIsSigned();
  std::vector<int64_t> raws;
  if (auto dense = llvm::dyn_cast<DenseElementsAttr>(value)) {
    if (dense.getNumElements() != count ||
        !dense.getElementType().isInteger(type.getWidth()))
      return std::nullopt;
    raws.reserve(count);
    for (const APInt &v : dense.getValues<APInt>())
      raws.push_back(isSigned ? v.getSExtValue() : int64_t(v.getZExtValue()));
    return raws;
  }
  auto resource = llvm::dyn_cast<DenseResourceElementsAttr>(value);
  AsmResourceBlob *blob = resource ? resource.getRawHandle().getBlob() : nullptr;
  unsigned bytes = rawStorageBytes(type.getWidth());
  if (!blob || count < 0 || blob->getData().size() != size_t(count) * bytes)
    return std::nullopt;
  const unsigned char *data =
      reinterpret_cast<const unsigned char *>(blob->getData().data());
  raws.reserve(count);
  for (int64_t i = 0; i < count; ++i) {
    uint64_t bits = 0;
    for (unsigned b = 0; b < bytes; ++b)
      bits |= uint64_t(data[i * bytes + b]) << (8 * b);
    if (isSigned && bytes < 8 && (bits >> (8 * bytes - 1)) & 1)
      bits |= ~uint64_t(0) << (8 * bytes);
    raws.push_back(int64_t(bits));
  }
  return raws;
}
