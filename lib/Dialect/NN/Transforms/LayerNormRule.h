//===- LayerNormRule.h - a layer norm in hls4ml's fixed point ---*- C++ -*-===//
//
// nn-quantize's rule for nn.layer_norm (QuantizeNormalizations.cpp resolves
// the precisions, this file writes the arithmetic). Not installed.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_DIALECT_NN_TRANSFORMS_LAYERNORMRULE_H
#define NN_LIB_DIALECT_NN_TRANSFORMS_LAYERNORMRULE_H

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/IR/Builders.h"

#include <string>

namespace nn {

/// The precisions of a quantized layer norm (hls4ml's LayerNormalization:
/// `accum` for the mean and the variance, `table` for the inverse standard
/// deviation, `table_size` entries; `scale`, `bias` and `result`).
struct LayerNormFormats {
  fx::Format accum, table, result;
  int64_t tableSize;
};

/// Replaces the float `norm`, whose input is fixed point, by
///   mean = cast_A(mean of x)                 nn.reduce_mean  <layer>_mean
///   d    = x - mean  (exact)                 nn.sub          <layer>_centered
///   var  = cast_A(mean of d * d)  (d*d exact) nn.mul, nn.reduce_mean
///                                                            <layer>_square, _var
///   inv  = rsqrt table (var + epsilon)       nn.rsqrt        <layer>_inv_std
///   y    = cast_R(d * inv * scale + bias)    nn.mul, nn.mul, nn.add
///                                                            <layer>_normalized,
///                                                            _scale, <layer>
/// with `scale` and `bias` already quantized, every product and difference
/// exact (their lossless formats), so the only roundings are the two means,
/// the table and the result. Returns the output, or fails with an error
/// (through `emitLayerError`) when an exact intermediate needs more than 64
/// bits.
mlir::FailureOr<mlir::Value>
buildFixedLayerNorm(mlir::OpBuilder &builder, LayerNormOp norm,
                    mlir::Value scale, mlir::Value bias,
                    const LayerNormFormats &formats, const std::string &layer,
                    llvm::function_ref<mlir::InFlightDiagnostic()>
                        emitLayerError);

} // namespace nn

#endif // NN_LIB_DIALECT_NN_TRANSFORMS_LAYERNORMRULE_H
