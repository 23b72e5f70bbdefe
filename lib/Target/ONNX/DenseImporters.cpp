//===- DenseImporters.cpp - ONNX Gemm and MatMul --------------------------===//
//
// Gemm and MatMul as nn.dense (weights transposed to nn's layout, bias
// folded), or as a matrix product of two tensors when the weight is not a
// constant.
//
//===----------------------------------------------------------------------===//

#include "OpImporters.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace nn {
namespace onnx_import {

/// A constant rank-2 weight as row-major floats, with its shape.
struct Matrix {
  std::vector<float> data;
  int64_t rows = 0, cols = 0;

  Matrix transposed() const {
    Matrix t;
    t.rows = cols;
    t.cols = rows;
    t.data.resize(data.size());
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        t.data[c * rows + r] = data[r * cols + c];
    return t;
  }
};

FailureOr<Matrix> constantMatrix(NodeContext &ctx, unsigned index,
                                 StringRef what) {
  const onnx::TensorProto *tensor = ctx.constantInput(index);
  if (!tensor) {
    ctx.emitError() << what << " must be a constant (an initializer): nn "
                    << "maps it to the weights of a dense layer";
    return failure();
  }
  if (tensor->dims_size() != 2) {
    ctx.emitError() << what << " must have rank 2, got rank "
                    << tensor->dims_size();
    return failure();
  }
  FailureOr<std::vector<float>> data = ctx.constantFloats(index, what);
  if (failed(data))
    return failure();
  return Matrix{std::move(*data), tensor->dims(0), tensor->dims(1)};
}

/// The transpose of a rank-2 value, as an nn.transpose.
Value transpose2d(NodeContext &ctx, Value value) {
  auto type = llvm::cast<RankedTensorType>(value.getType());
  auto transposedType = RankedTensorType::get(
      {type.getDimSize(1), type.getDimSize(0)}, type.getElementType());
  return TransposeOp::create(ctx.builder(), ctx.getLoc(),
                             TypeRange{transposedType}, ValueRange{value},
                             {arrayAttr(ctx, "perm", {1, 0})})
      ->getResult(0);
}

/// Gemm: Y = alpha * A' * B' + beta * C.
LogicalResult importGemm(NodeContext &ctx) {
  float alpha = ctx.getFloat("alpha", 1.0f);
  float beta = ctx.getFloat("beta", 1.0f);
  bool transA = ctx.getInt("transA", 0);
  bool transB = ctx.getInt("transB", 0);
  FailureOr<Value> a = ctx.input(0);
  FailureOr<RankedTensorType> resultType = ctx.outputType(0);
  if (failed(a) || failed(resultType))
    return failure();
  OpBuilder &b = ctx.builder();
  Location loc = ctx.getLoc();

  if (transA)
    a = transpose2d(ctx, *a);

  // nn.dense wants the weight as [M, K]: B itself when transB = 1 (PyTorch's
  // Linear), else B transposed. alpha is folded into a constant B; a B
  // computed at run time is transposed and scaled by nn ops instead.
  Value weight;
  if (!ctx.constantInput(1) || (transB && alpha == 1.0f)) {
    FailureOr<Value> bValue = ctx.input(1);
    if (failed(bValue))
      return failure();
    weight = transB ? *bValue : transpose2d(ctx, *bValue);
    if (alpha != 1.0f) {
      Value alphaValue = ctx.getGraph().createFloatConstant(
          loc, ctx.node().name() + ".alpha", {}, {alpha});
      weight = MulOp::create(b, loc, TypeRange{weight.getType()},
                             ValueRange{weight, alphaValue})
                   ->getResult(0);
    }
  } else {
    FailureOr<Matrix> bMatrix = constantMatrix(ctx, 1, "B");
    if (failed(bMatrix))
      return failure();
    Matrix w = transB ? std::move(*bMatrix) : bMatrix->transposed();
    for (float &v : w.data)
      v *= alpha;
    weight = ctx.getGraph().createFloatConstant(
        loc, ctx.node().input(1), {w.rows, w.cols}, w.data);
  }
  int64_t features = resultType->getDimSize(1);

  // C folds into the bias when it is a constant along the feature axis (or
  // a scalar); otherwise it is added after the dense layer.
  Value bias, addend;
  if (ctx.hasInput(2) && beta != 0.0f) {
    const onnx::TensorProto *c = ctx.constantInput(2);
    SmallVector<int64_t> cShape;
    if (c)
      cShape.assign(c->dims().begin(), c->dims().end());
    if (c && isBiasShape(cShape, features)) {
      FailureOr<std::vector<float>> values = ctx.constantFloats(2, "C");
      if (failed(values))
        return failure();
      bias = ctx.getGraph().createFloatConstant(
          loc, ctx.node().input(2), {features},
          expandBias(*values, features, beta));
    } else {
      FailureOr<Value> cValue = ctx.input(2);
      if (failed(cValue))
        return failure();
      addend = *cValue;
      if (beta != 1.0f) {
        auto cType = llvm::cast<RankedTensorType>(addend.getType());
        Value betaValue = ctx.getGraph().createFloatConstant(
            loc, ctx.node().name() + ".beta", {}, {beta});
        addend = MulOp::create(b, loc, TypeRange{cType},
                               ValueRange{addend, betaValue})
                     ->getResult(0);
      }
    }
  }
  SmallVector<Value> operands{*a, weight};
  if (bias)
    operands.push_back(bias);
  Value result = DenseOp::create(b, loc, TypeRange{*resultType}, operands)
                     ->getResult(0);
  if (addend)
    result = AddOp::create(b, loc, TypeRange{*resultType},
                           ValueRange{result, addend})
                 ->getResult(0);
  ctx.setOutput(0, result);
  return success();
}

/// MatMul with a rank-2 second operand [K, M]: a dense layer without bias
/// (a following Add of a per-feature constant becomes its bias). A constant
/// operand is transposed at import; one computed at run time by nn.transpose.
LogicalResult importMatMul(NodeContext &ctx) {
  FailureOr<Value> a = ctx.input(0);
  FailureOr<RankedTensorType> resultType = ctx.outputType(0);
  if (failed(a) || failed(resultType))
    return failure();
  if (llvm::cast<RankedTensorType>(a->getType()).getRank() < 2) {
    ctx.emitError() << "the first operand must have rank >= 2";
    return failure();
  }
  // A constant B is read from its tensor, not materialized: only its
  // transpose becomes an nn.constant.
  const onnx::TensorProto *bConstant = ctx.constantInput(1);
  FailureOr<Value> bValue = failure();
  int64_t bRank;
  if (bConstant) {
    bRank = bConstant->dims_size();
  } else {
    bValue = ctx.input(1);
    if (failed(bValue))
      return failure();
    bRank = llvm::cast<RankedTensorType>(bValue->getType()).getRank();
  }
  if (bRank != 2) {
    ctx.emitError() << "the second operand has rank " << bRank
                    << "; nn supports a rank-2 second operand (a batched "
                       "matrix product has no nn equivalent)";
    return failure();
  }
  Value weight;
  if (bConstant) {
    FailureOr<Matrix> bMatrix = constantMatrix(ctx, 1, "the second operand");
    if (failed(bMatrix))
      return failure();
    Matrix w = bMatrix->transposed();
    weight = ctx.getGraph().createFloatConstant(
        ctx.getLoc(), ctx.node().input(1), {w.rows, w.cols}, w.data);
  } else {
    weight = transpose2d(ctx, *bValue);
  }
  return createOp<DenseOp>(ctx, {*a, weight});
}

} // namespace onnx_import
} // namespace nn
