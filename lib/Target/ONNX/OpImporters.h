//===- OpImporters.h - the ONNX op importers' helpers -----------*- C++ -*-===//
//
// Private to lib/Target/ONNX: the small helpers every op importer uses
// (attributes, operands, creating the op with the node's inferred type) and
// the importers of each family file, which the op-type table in
// OpImporters.cpp (getOpImporters) lists. A new importer is declared here
// under its family and gets one line in that table.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_TARGET_ONNX_OPIMPORTERS_H
#define NN_LIB_TARGET_ONNX_OPIMPORTERS_H

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include <vector>

namespace nn {
namespace onnx_import {

using namespace mlir;

inline NamedAttribute f32Attr(NodeContext &ctx, StringRef name, float value) {
  return ctx.builder().getNamedAttr(name, ctx.builder().getF32FloatAttr(value));
}
inline NamedAttribute i64Attr(NodeContext &ctx, StringRef name, int64_t value) {
  return ctx.builder().getNamedAttr(name,
                                    ctx.builder().getI64IntegerAttr(value));
}
inline NamedAttribute boolAttr(NodeContext &ctx, StringRef name, bool value) {
  return ctx.builder().getNamedAttr(name, ctx.builder().getBoolAttr(value));
}
inline NamedAttribute arrayAttr(NodeContext &ctx, StringRef name,
                         ArrayRef<int64_t> values) {
  return ctx.builder().getNamedAttr(
      name, ctx.builder().getDenseI64ArrayAttr(values));
}

/// Creates `OpTy` with the given operands and attributes and the node's
/// inferred output type, and binds it to output 0.
template <typename OpTy>
LogicalResult createOp(NodeContext &ctx, ValueRange operands,
                       ArrayRef<NamedAttribute> attrs = {}) {
  FailureOr<RankedTensorType> type = ctx.outputType(0);
  if (failed(type))
    return failure();
  Operation *op = OpTy::create(ctx.builder(), ctx.getLoc(), TypeRange{*type},
                               operands, attrs);
  ctx.setOutput(0, op->getResult(0));
  return success();
}

/// Collects the given inputs as values.
inline FailureOr<SmallVector<Value>> inputs(NodeContext &ctx,
                                     ArrayRef<unsigned> indices) {
  SmallVector<Value> values;
  for (unsigned i : indices) {
    FailureOr<Value> value = ctx.input(i);
    if (failed(value))
      return failure();
    values.push_back(*value);
  }
  return values;
}

template <typename OpTy>
LogicalResult importUnary(NodeContext &ctx,
                          ArrayRef<NamedAttribute> attrs = {}) {
  FailureOr<SmallVector<Value>> operands = inputs(ctx, {0});
  if (failed(operands))
    return failure();
  return createOp<OpTy>(ctx, *operands, attrs);
}

/// An op without attributes: one importer per op type in the table.
template <typename OpTy>
LogicalResult importPlainUnary(NodeContext &ctx) {
  return importUnary<OpTy>(ctx);
}

template <typename OpTy>
LogicalResult importBinary(NodeContext &ctx) {
  FailureOr<SmallVector<Value>> operands = inputs(ctx, {0, 1});
  if (failed(operands))
    return failure();
  return createOp<OpTy>(ctx, *operands);
}

/// Rejects a node when an output beyond the first is read: those are
/// training-mode or index outputs that inference hardware does not produce.
inline LogicalResult onlyFirstOutputUsed(NodeContext &ctx, StringRef what) {
  for (int i = 1; i < ctx.node().output_size(); ++i)
    if (ctx.isOutputUsed(i)) {
      ctx.emitError() << "output " << i << " (" << what
                      << ") is used; only the first output is supported";
      return failure();
    }
  return success();
}

inline int64_t numElements(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

/// Whether a constant of `shape` added to the output of a dense layer with
/// `features` outputs is that layer's bias: one value, or one per feature
/// along the last axis ([M], [1, M], ...). Gemm's C and MatMul + Add fold
/// by this one rule, so a layer folds the same way whichever ONNX form the
/// exporter chose.
inline bool isBiasShape(ArrayRef<int64_t> shape, int64_t features) {
  int64_t count = numElements(shape);
  return count == 1 ||
         (count == features && (shape.empty() || shape.back() == features));
}

/// The bias of `features` outputs made of such a constant, times `scale`.
inline std::vector<float> expandBias(ArrayRef<float> values, int64_t features,
                              float scale) {
  std::vector<float> bias(features);
  for (int64_t m = 0; m < features; ++m)
    bias[m] = scale * values[values.size() == 1 ? 0 : m];
  return bias;
}

// Values that pass through (OpImporters.cpp).
LogicalResult importIdentity(NodeContext &ctx);
LogicalResult importDropout(NodeContext &ctx);
LogicalResult importConstant(NodeContext &ctx);

// Activations (ActivationImporters.cpp).
LogicalResult importLeakyRelu(NodeContext &ctx);
LogicalResult importElu(NodeContext &ctx);
LogicalResult importSelu(NodeContext &ctx);
LogicalResult importThresholdedRelu(NodeContext &ctx);
LogicalResult importHardSigmoid(NodeContext &ctx);
LogicalResult importHardSwish(NodeContext &ctx);
LogicalResult importGelu(NodeContext &ctx);
LogicalResult importSoftmax(NodeContext &ctx);
LogicalResult importClip(NodeContext &ctx);

// Arithmetic (ArithmeticImporters.cpp). importVariadic is instantiated
// there for the ops the table uses (Max, Min, Sum).
LogicalResult importAdd(NodeContext &ctx);
template <typename OpTy> LogicalResult importVariadic(NodeContext &ctx);

// Dense layers (DenseImporters.cpp).
LogicalResult importGemm(NodeContext &ctx);
LogicalResult importMatMul(NodeContext &ctx);

// Convolution and pooling (ConvImporters.cpp). importPool is instantiated
// there for AveragePool and MaxPool.
LogicalResult importConv(NodeContext &ctx);
template <typename OpTy, bool isMax> LogicalResult importPool(NodeContext &ctx);
LogicalResult importBatchNormalization(NodeContext &ctx);

// Shape and data movement (ShapeImporters.cpp).
LogicalResult importConcat(NodeContext &ctx);
LogicalResult importReshapeLike(NodeContext &ctx);
LogicalResult importFlatten(NodeContext &ctx);
LogicalResult importTranspose(NodeContext &ctx);
LogicalResult importPad(NodeContext &ctx);
LogicalResult importReduceMean(NodeContext &ctx);
LogicalResult importResize(NodeContext &ctx);

} // namespace onnx_import
} // namespace nn

#endif // NN_LIB_TARGET_ONNX_OPIMPORTERS_H
