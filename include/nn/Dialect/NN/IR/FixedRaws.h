//===- FixedRaws.h - raw integers of fixed-point constants ------*- C++ -*-===//
//
// The one codec of the raw integers a fixed-point constant holds
// (`nn.constant` after --nn-quantize, `nn.fx.rom` after lowering): either a
// DenseElementsAttr of iW, or a dense_resource blob in which each raw is
// stored little-endian in the smallest of 1, 2, 4 or 8 bytes that holds W
// bits (the layout of MLIR's DenseI8/16/32/64 resource attributes when W is
// 8, 16, 32 or 64), read back sign-extended for a signed type and
// zero-extended otherwise (docs/Quantization.md). Quantization writes it;
// the interpreter and the HLS emitter read it.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_FIXEDRAWS_H
#define NN_DIALECT_NN_IR_FIXEDRAWS_H

#include "nn/Dialect/NN/IR/NNTypes.h"

#include "mlir/IR/Attributes.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace nn {

/// Bytes of one raw of a W-bit type in a blob: 1, 2, 4 or 8.
unsigned rawStorageBytes(unsigned width);

/// The blob of `raws` (each a valid raw of a W-bit type).
std::vector<char> encodeRawBlob(llvm::ArrayRef<int64_t> raws, unsigned width);

/// The `count` raws of a fixed-point constant of element type `type`, or
/// nullopt when `value` is neither form, or a blob is missing (a file
/// written without its resources) or of the wrong size.
std::optional<std::vector<int64_t>>
readFixedRaws(mlir::Attribute value, FixedType type, int64_t count);

} // namespace nn

#endif // NN_DIALECT_NN_IR_FIXEDRAWS_H
