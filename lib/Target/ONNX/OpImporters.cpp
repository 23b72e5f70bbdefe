//===- OpImporters.cpp - one function per ONNX op type --------------------===//
//
// Every importer sees a model already converted to opset kImportOpset and
// shape-inferred, so it handles that opset's form of the op only (Clip bounds
// and Pad pads as inputs, Softmax on one axis, ...). Result types come from
// ONNX shape inference and are checked again by the nn verifiers.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Traits.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {

NamedAttribute f32Attr(NodeContext &ctx, StringRef name, float value) {
  return ctx.builder().getNamedAttr(name, ctx.builder().getF32FloatAttr(value));
}
NamedAttribute i64Attr(NodeContext &ctx, StringRef name, int64_t value) {
  return ctx.builder().getNamedAttr(name,
                                    ctx.builder().getI64IntegerAttr(value));
}
NamedAttribute boolAttr(NodeContext &ctx, StringRef name, bool value) {
  return ctx.builder().getNamedAttr(name, ctx.builder().getBoolAttr(value));
}
NamedAttribute arrayAttr(NodeContext &ctx, StringRef name,
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
FailureOr<SmallVector<Value>> inputs(NodeContext &ctx,
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
LogicalResult onlyFirstOutputUsed(NodeContext &ctx, StringRef what) {
  for (int i = 1; i < ctx.node().output_size(); ++i)
    if (ctx.isOutputUsed(i)) {
      ctx.emitError() << "output " << i << " (" << what
                      << ") is used; only the first output is supported";
      return failure();
    }
  return success();
}

int64_t numElements(ArrayRef<int64_t> shape) {
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
bool isBiasShape(ArrayRef<int64_t> shape, int64_t features) {
  int64_t count = numElements(shape);
  return count == 1 ||
         (count == features && (shape.empty() || shape.back() == features));
}

/// The bias of `features` outputs made of such a constant, times `scale`.
std::vector<float> expandBias(ArrayRef<float> values, int64_t features,
                              float scale) {
  std::vector<float> bias(features);
  for (int64_t m = 0; m < features; ++m)
    bias[m] = scale * values[values.size() == 1 ? 0 : m];
  return bias;
}

//===----------------------------------------------------------------------===//
// Values that pass through
//===----------------------------------------------------------------------===//

LogicalResult importIdentity(NodeContext &ctx) {
  // A constant stays a constant (and is materialized only where a network
  // value needs it): Identity often forwards a shape to a Reshape, and an
  // INT64 shape is not a network value.
  if (const onnx::TensorProto *tensor = ctx.constantInput(0)) {
    ctx.getGraph().addConstant(ctx.node().output(0), tensor);
    return success();
  }
  FailureOr<Value> value = ctx.input(0);
  if (failed(value))
    return failure();
  ctx.setOutput(0, *value);
  return success();
}

LogicalResult importDropout(NodeContext &ctx) {
  if (failed(onlyFirstOutputUsed(ctx, "the dropout mask")))
    return failure();
  if (ctx.hasInput(2)) {
    FailureOr<SmallVector<int64_t>> training =
        ctx.constantInts(2, "training_mode");
    // BOOL tensors hold their values in int32_data like INT32 ones.
    if (failed(training))
      return failure();
    if (!training->empty() && (*training)[0] != 0) {
      ctx.emitError() << "training_mode is true; nn imports inference "
                         "graphs, where Dropout is the identity";
      return failure();
    }
  }
  return importIdentity(ctx);
}

LogicalResult importConstant(NodeContext &ctx) {
  const onnx::NodeProto &node = ctx.node();
  const std::string &name = node.output(0);
  if (const onnx::AttributeProto *value = ctx.getAttr("value")) {
    ctx.getGraph().addConstant(name, &value->t());
    return success();
  }
  if (ctx.hasAttr("value_float") || ctx.hasAttr("value_floats")) {
    onnx::TensorProto &tensor = ctx.getGraph().addSyntheticConstant(name);
    tensor.set_data_type(onnx::TensorProto::FLOAT);
    if (ctx.hasAttr("value_float")) {
      tensor.add_float_data(ctx.getFloat("value_float", 0));
    } else {
      std::vector<float> values = *ctx.getFloats("value_floats");
      tensor.add_dims(values.size());
      for (float v : values)
        tensor.add_float_data(v);
    }
    return success();
  }
  if (ctx.hasAttr("value_int") || ctx.hasAttr("value_ints")) {
    onnx::TensorProto &tensor = ctx.getGraph().addSyntheticConstant(name);
    tensor.set_data_type(onnx::TensorProto::INT64);
    if (ctx.hasAttr("value_int")) {
      tensor.add_int64_data(ctx.getInt("value_int", 0));
    } else {
      SmallVector<int64_t> values = *ctx.getInts("value_ints");
      tensor.add_dims(values.size());
      for (int64_t v : values)
        tensor.add_int64_data(v);
    }
    return success();
  }
  for (StringRef unsupported : {"sparse_value", "value_string",
                                "value_strings"})
    if (ctx.hasAttr(unsupported)) {
      ctx.emitError() << "attribute '" << unsupported
                      << "' is not supported; constants must be numeric "
                         "dense tensors";
      return failure();
    }
  ctx.emitError() << "has no value attribute";
  return failure();
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

LogicalResult importLeakyRelu(NodeContext &ctx) {
  return importUnary<LeakyReluOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 0.01f))});
}

LogicalResult importElu(NodeContext &ctx) {
  return importUnary<EluOp>(ctx,
                            {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 1.0f))});
}

LogicalResult importSelu(NodeContext &ctx) {
  return importUnary<SeluOp>(
      ctx, {f32Attr(ctx, "alpha",
                    ctx.getFloat("alpha", 1.67326319217681884765625f)),
            f32Attr(ctx, "gamma",
                    ctx.getFloat("gamma", 1.05070102214813232421875f))});
}

LogicalResult importThresholdedRelu(NodeContext &ctx) {
  return importUnary<ThresholdedReluOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 1.0f))});
}

LogicalResult importHardSigmoid(NodeContext &ctx) {
  return importUnary<HardSigmoidOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 0.2f)),
            f32Attr(ctx, "beta", ctx.getFloat("beta", 0.5f))});
}

/// HardSwish (opset 14, no attributes: alpha = 1/6, beta = 0.5), or the
/// opset-13 form Mul(x, HardSigmoid(x)) that LayerPatterns.cpp made one
/// node carrying the HardSigmoid's alpha and beta.
LogicalResult importHardSwish(NodeContext &ctx) {
  return importUnary<HardSwishOp>(
      ctx, {f32Attr(ctx, "alpha", ctx.getFloat("alpha", 1.0f / 6.0f)),
            f32Attr(ctx, "beta", ctx.getFloat("beta", 0.5f))});
}

/// Gelu: ONNX opset 20's op, which LayerPatterns.cpp makes from the
/// subgraphs PyTorch exports at opsets 13-17 (nn.gelu's verifier checks
/// `approximate`).
LogicalResult importGelu(NodeContext &ctx) {
  return importUnary<GeluOp>(
      ctx, {ctx.builder().getNamedAttr(
               "approximate", ctx.builder().getStringAttr(
                                  ctx.getString("approximate", "none")))});
}

LogicalResult importSoftmax(NodeContext &ctx) {
  return importUnary<SoftmaxOp>(ctx,
                                {i64Attr(ctx, "axis", ctx.getInt("axis", -1))});
}

LogicalResult importClip(NodeContext &ctx) {
  // Constant bounds become attributes of nn.clip. A bound computed at run
  // time becomes nn.max/nn.min with the scalar, which is the same function
  // (including ONNX's rule that min > max gives max everywhere).
  SmallVector<NamedAttribute> attrs;
  SmallVector<std::pair<unsigned, Value>> dynamicBounds;
  for (auto [index, name] : {std::pair<unsigned, StringRef>{1, "min"},
                             std::pair<unsigned, StringRef>{2, "max"}}) {
    if (!ctx.hasInput(index))
      continue;
    if (!ctx.constantInput(index)) {
      FailureOr<Value> bound = ctx.input(index);
      if (failed(bound))
        return failure();
      dynamicBounds.emplace_back(index, *bound);
      continue;
    }
    FailureOr<std::vector<float>> bound = ctx.constantFloats(index, name);
    if (failed(bound))
      return failure();
    if (bound->size() != 1) {
      ctx.emitError() << name << " must be a scalar, got "
                      << bound->size() << " values";
      return failure();
    }
    attrs.push_back(f32Attr(ctx, name, bound->front()));
  }
  if (dynamicBounds.empty())
    return importUnary<ClipOp>(ctx, attrs);
  FailureOr<Value> x = ctx.input(0);
  FailureOr<RankedTensorType> type = ctx.outputType(0);
  if (failed(x) || failed(type))
    return failure();
  Value result = *x;
  if (!attrs.empty())
    result = ClipOp::create(ctx.builder(), ctx.getLoc(), TypeRange{*type},
                            ValueRange{result}, attrs)
                 ->getResult(0);
  for (auto [index, bound] : dynamicBounds) {
    if (index == 1)
      result = MaxOp::create(ctx.builder(), ctx.getLoc(), TypeRange{*type},
                             ValueRange{result, bound})
                   ->getResult(0);
    else
      result = MinOp::create(ctx.builder(), ctx.getLoc(), TypeRange{*type},
                             ValueRange{result, bound})
                   ->getResult(0);
  }
  ctx.setOutput(0, result);
  return success();
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

/// `MatMul` followed by `Add` of a per-feature constant is a dense layer with
/// a bias: fold the add into the (bias-less) dense the MatMul became.
FailureOr<bool> tryFoldBiasIntoDense(NodeContext &ctx) {
  for (unsigned denseSide : {0u, 1u}) {
    unsigned biasSide = 1 - denseSide;
    const onnx::TensorProto *bias = ctx.constantInput(biasSide);
    if (!bias || ctx.inputUseCount(denseSide) != 1)
      continue;
    FailureOr<Value> denseValue = ctx.input(denseSide);
    if (failed(denseValue))
      return failure();
    auto dense = denseValue->getDefiningOp<DenseOp>();
    if (!dense || dense.getBias())
      continue;
    // The dense is replaced: nothing else may refer to it, neither an op
    // imported already nor another name (an Identity of the MatMul's output
    // read by a later node, or a graph output).
    if (!dense->use_empty() ||
        ctx.getGraph().countNamesBoundTo(dense.getResult()) != 1)
      continue;
    int64_t features = dense.getType().getShape().back();
    SmallVector<int64_t> biasShape(bias->dims().begin(), bias->dims().end());
    if (!isBiasShape(biasShape, features))
      continue;
    FailureOr<std::vector<float>> values =
        ctx.constantFloats(biasSide, "bias");
    if (failed(values))
      return failure();
    FailureOr<RankedTensorType> type = ctx.outputType(0);
    if (failed(type))
      return failure();
    if (*type != dense.getType())
      continue;
    Location loc = FusedLoc::get(ctx.builder().getContext(),
                                 {dense.getLoc(), ctx.getLoc()});
    ctx.builder().setInsertionPoint(dense);
    Value biasValue = ctx.getGraph().createFloatConstant(
        NameLoc::get(ctx.builder().getStringAttr(ctx.node().input(biasSide)),
                     ctx.getGraph().fileLoc()),
        ctx.node().input(biasSide), {features},
        expandBias(*values, features, 1.0f));
    auto fused = DenseOp::create(
        ctx.builder(), loc, TypeRange{*type},
        ValueRange{dense.getInput(), dense.getWeight(), biasValue});
    ctx.builder().setInsertionPointToEnd(fused->getBlock());
    // The MatMul's output had no other reader, so nothing else refers to
    // the bias-less dense.
    dense.getResult().replaceAllUsesWith(fused.getResult());
    ctx.getGraph().eraseOp(dense);
    ctx.setOutput(0, fused.getResult());
    return true;
  }
  return false;
}

LogicalResult importAdd(NodeContext &ctx) {
  FailureOr<bool> folded = tryFoldBiasIntoDense(ctx);
  if (failed(folded))
    return failure();
  if (*folded)
    return success();
  return importBinary<AddOp>(ctx);
}

/// Max, Min and Sum take any number of inputs: a chain of binary ops, each
/// intermediate with the broadcast shape of what it has seen so far.
template <typename OpTy>
LogicalResult importVariadic(NodeContext &ctx) {
  int count = ctx.node().input_size();
  if (count == 0) {
    ctx.emitError() << "has no inputs";
    return failure();
  }
  FailureOr<Value> acc = ctx.input(0);
  if (failed(acc))
    return failure();
  FailureOr<RankedTensorType> resultType = ctx.outputType(0);
  if (failed(resultType))
    return failure();
  for (int i = 1; i < count; ++i) {
    FailureOr<Value> next = ctx.input(i);
    if (failed(next))
      return failure();
    auto lhsType = llvm::cast<RankedTensorType>(acc->getType());
    auto rhsType = llvm::cast<RankedTensorType>(next->getType());
    SmallVector<int64_t> shape;
    if (!mlir::OpTrait::util::getBroadcastedShape(lhsType.getShape(),
                                            rhsType.getShape(), shape)) {
      ctx.emitError() << "inputs do not broadcast: "
                      << formatShape(lhsType.getShape()) << " and "
                      << formatShape(rhsType.getShape());
      return failure();
    }
    Type type = i + 1 == count
                    ? Type(*resultType)
                    : Type(RankedTensorType::get(shape,
                                                 resultType->getElementType()));
    acc = OpTy::create(ctx.builder(), ctx.getLoc(), TypeRange{type},
                       ValueRange{*acc, *next})
              ->getResult(0);
  }
  ctx.setOutput(0, *acc);
  return success();
}

//===----------------------------------------------------------------------===//
// Dense layers
//===----------------------------------------------------------------------===//

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

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

/// The explicit pads of a conv or pool, from `pads` or from `auto_pad`.
FailureOr<SmallVector<int64_t>>
resolvePads(NodeContext &ctx, ArrayRef<int64_t> inputSpatial,
            ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
            ArrayRef<int64_t> dilations) {
  size_t rank = inputSpatial.size();
  std::string autoPad = ctx.getString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    SmallVector<int64_t> pads =
        ctx.getInts("pads").value_or(SmallVector<int64_t>(2 * rank, 0));
    if (pads.size() != 2 * rank) {
      ctx.emitError() << "pads has " << pads.size() << " values, expected "
                      << 2 * rank;
      return failure();
    }
    return pads;
  }
  if (autoPad == "VALID")
    return SmallVector<int64_t>(2 * rank, 0);
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER") {
    ctx.emitError() << "auto_pad value '" << autoPad
                    << "' is not supported; expected NOTSET, VALID, "
                       "SAME_UPPER or SAME_LOWER";
    return failure();
  }
  // SAME: the output has ceil(in / stride) elements; the padding that needs
  // goes to the end (SAME_UPPER) or the beginning (SAME_LOWER) when odd.
  SmallVector<int64_t> pads(2 * rank, 0);
  for (size_t d = 0; d < rank; ++d) {
    int64_t out = (inputSpatial[d] + strides[d] - 1) / strides[d];
    int64_t effectiveKernel = (kernel[d] - 1) * dilations[d] + 1;
    int64_t total = std::max<int64_t>(
        0, (out - 1) * strides[d] + effectiveKernel - inputSpatial[d]);
    int64_t small = total / 2, large = total - small;
    pads[d] = autoPad == "SAME_UPPER" ? small : large;
    pads[d + rank] = autoPad == "SAME_UPPER" ? large : small;
  }
  return pads;
}

/// Spatial dimensions of input 0, checking that they are one or two.
FailureOr<SmallVector<int64_t>> spatialDims(NodeContext &ctx, Value input) {
  auto type = llvm::cast<RankedTensorType>(input.getType());
  if (type.getRank() != 3 && type.getRank() != 4) {
    ctx.emitError() << "input has rank " << type.getRank()
                    << "; nn supports 1-D and 2-D (rank 3 and 4) inputs";
    return failure();
  }
  return SmallVector<int64_t>(type.getShape().drop_front(2));
}

SmallVector<int64_t> intsOr(NodeContext &ctx, StringRef name, size_t rank,
                            int64_t fill) {
  return ctx.getInts(name).value_or(SmallVector<int64_t>(rank, fill));
}

LogicalResult importConv(NodeContext &ctx) {
  FailureOr<Value> x = ctx.input(0);
  FailureOr<Value> w = ctx.input(1);
  if (failed(x) || failed(w))
    return failure();
  FailureOr<SmallVector<int64_t>> spatial = spatialDims(ctx, *x);
  if (failed(spatial))
    return failure();
  size_t rank = spatial->size();
  auto wType = llvm::cast<RankedTensorType>(w->getType());
  SmallVector<int64_t> kernel = ctx.getInts("kernel_shape").value_or(
      SmallVector<int64_t>(wType.getShape().drop_front(2)));
  SmallVector<int64_t> strides = intsOr(ctx, "strides", rank, 1);
  SmallVector<int64_t> dilations = intsOr(ctx, "dilations", rank, 1);
  if (kernel.size() != rank || strides.size() != rank ||
      dilations.size() != rank) {
    ctx.emitError() << "kernel_shape, strides and dilations must have "
                    << rank << " values each";
    return failure();
  }
  FailureOr<SmallVector<int64_t>> pads =
      resolvePads(ctx, *spatial, kernel, strides, dilations);
  if (failed(pads))
    return failure();
  SmallVector<Value> operands{*x, *w};
  if (ctx.hasInput(2)) {
    FailureOr<Value> bias = ctx.input(2);
    if (failed(bias))
      return failure();
    operands.push_back(*bias);
  }
  return createOp<ConvOp>(ctx, operands,
                          {arrayAttr(ctx, "strides", strides),
                           arrayAttr(ctx, "pads", *pads),
                           arrayAttr(ctx, "dilations", dilations),
                           i64Attr(ctx, "group", ctx.getInt("group", 1))});
}

template <typename OpTy, bool isMax>
LogicalResult importPool(NodeContext &ctx) {
  if (failed(onlyFirstOutputUsed(ctx, "the argmax indices")))
    return failure();
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  FailureOr<SmallVector<int64_t>> spatial = spatialDims(ctx, *x);
  if (failed(spatial))
    return failure();
  size_t rank = spatial->size();
  std::optional<SmallVector<int64_t>> kernel = ctx.getInts("kernel_shape");
  if (!kernel || kernel->size() != rank) {
    ctx.emitError() << "kernel_shape must have " << rank << " values";
    return failure();
  }
  SmallVector<int64_t> strides = intsOr(ctx, "strides", rank, 1);
  SmallVector<int64_t> dilations = intsOr(ctx, "dilations", rank, 1);
  if (strides.size() != rank || dilations.size() != rank) {
    ctx.emitError() << "strides and dilations must have " << rank
                    << " values each";
    return failure();
  }
  if (!isMax && llvm::any_of(dilations, [](int64_t d) { return d != 1; })) {
    ctx.emitError() << "dilations other than 1 are not supported for "
                       "AveragePool";
    return failure();
  }
  FailureOr<SmallVector<int64_t>> pads =
      resolvePads(ctx, *spatial, *kernel, strides, dilations);
  if (failed(pads))
    return failure();
  SmallVector<NamedAttribute> attrs{
      arrayAttr(ctx, "kernel_shape", *kernel), arrayAttr(ctx, "strides", strides),
      arrayAttr(ctx, "pads", *pads),
      boolAttr(ctx, "ceil_mode", ctx.getInt("ceil_mode", 0))};
  if (isMax)
    attrs.push_back(arrayAttr(ctx, "dilations", dilations));
  else
    attrs.push_back(boolAttr(ctx, "count_include_pad",
                             ctx.getInt("count_include_pad", 0)));
  return createOp<OpTy>(ctx, {*x}, attrs);
}

LogicalResult importBatchNormalization(NodeContext &ctx) {
  if (ctx.getInt("training_mode", 0) != 0) {
    ctx.emitError() << "training_mode = 1 is not supported; nn imports "
                       "inference graphs (export the model in eval mode)";
    return failure();
  }
  if (failed(onlyFirstOutputUsed(ctx, "running statistics")))
    return failure();
  FailureOr<SmallVector<Value>> operands = inputs(ctx, {0, 1, 2, 3, 4});
  if (failed(operands))
    return failure();
  return createOp<BatchNormOp>(
      ctx, *operands,
      {f32Attr(ctx, "epsilon", ctx.getFloat("epsilon", 1e-5f))});
}

//===----------------------------------------------------------------------===//
// Shape and data movement
//===----------------------------------------------------------------------===//

LogicalResult importConcat(NodeContext &ctx) {
  SmallVector<unsigned> indices;
  for (int i = 0; i < ctx.node().input_size(); ++i)
    indices.push_back(i);
  FailureOr<SmallVector<Value>> operands = inputs(ctx, indices);
  if (failed(operands))
    return failure();
  if (!ctx.hasAttr("axis")) {
    ctx.emitError() << "the required attribute 'axis' is missing";
    return failure();
  }
  return createOp<ConcatOp>(ctx, *operands,
                            {i64Attr(ctx, "axis", ctx.getInt("axis", 0))});
}

/// Reshape, Squeeze and Unsqueeze only change the shape, which shape
/// inference has already worked out (resolving Reshape's 0 and -1).
LogicalResult importReshapeLike(NodeContext &ctx) {
  const std::string &type = ctx.node().op_type();
  unsigned shapeInput = 1;
  if (ctx.hasInput(shapeInput) && !ctx.constantInput(shapeInput)) {
    ctx.emitError() << (type == "Reshape" ? "the shape" : "axes")
                    << " (input 1) must be a constant; a shape computed at "
                       "run time cannot be resolved to a static one";
    return failure();
  }
  return importUnary<ReshapeOp>(ctx);
}

LogicalResult importFlatten(NodeContext &ctx) {
  return importUnary<FlattenOp>(ctx,
                                {i64Attr(ctx, "axis", ctx.getInt("axis", 1))});
}

LogicalResult importTranspose(NodeContext &ctx) {
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  int64_t rank = llvm::cast<RankedTensorType>(x->getType()).getRank();
  SmallVector<int64_t> perm;
  if (std::optional<SmallVector<int64_t>> given = ctx.getInts("perm"))
    perm = *given;
  else
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  return createOp<TransposeOp>(ctx, {*x}, {arrayAttr(ctx, "perm", perm)});
}

LogicalResult importPad(NodeContext &ctx) {
  std::string mode = ctx.getString("mode", "constant");
  if (mode != "constant") {
    ctx.emitError() << "mode '" << mode
                    << "' is not supported; nn.pad pads with a constant";
    return failure();
  }
  FailureOr<SmallVector<int64_t>> pads = ctx.constantInts(1, "pads");
  if (failed(pads))
    return failure();
  float value = 0.0f;
  if (ctx.hasInput(2)) {
    FailureOr<std::vector<float>> constant =
        ctx.constantFloats(2, "constant_value");
    if (failed(constant))
      return failure();
    if (constant->size() != 1) {
      ctx.emitError() << "constant_value must be a scalar";
      return failure();
    }
    value = constant->front();
  }
  return importUnary<PadOp>(
      ctx, {arrayAttr(ctx, "pads", *pads), f32Attr(ctx, "value", value)});
}

LogicalResult importReduceMean(NodeContext &ctx) {
  SmallVector<int64_t> axes =
      ctx.getInts("axes").value_or(SmallVector<int64_t>());
  return importUnary<ReduceMeanOp>(
      ctx, {arrayAttr(ctx, "axes", axes),
            boolAttr(ctx, "keepdims", ctx.getInt("keepdims", 1))});
}

/// Resize in nearest mode by integer factors, where every output element
/// copies input element floor(i / scale). That holds for the coordinate
/// transformation and rounding combinations accepted below.
LogicalResult importResize(NodeContext &ctx) {
  std::string mode = ctx.getString("mode", "nearest");
  std::string transform =
      ctx.getString("coordinate_transformation_mode", "half_pixel");
  std::string nearest = ctx.getString("nearest_mode", "round_prefer_floor");
  if (mode == "linear")
    return importLinearResize(ctx);
  if (mode != "nearest") {
    ctx.emitError() << "mode '" << mode
                    << "' is not supported; nn imports nearest (nn.resize) "
                       "and linear (as a dense layer)";
    return failure();
  }
  FailureOr<Value> x = ctx.input(0);
  FailureOr<RankedTensorType> resultType = ctx.outputType(0);
  if (failed(x) || failed(resultType))
    return failure();
  auto inType = llvm::cast<RankedTensorType>(x->getType());
  SmallVector<int64_t> scales;
  for (int64_t d = 0; d < inType.getRank(); ++d) {
    int64_t in = inType.getDimSize(d), out = resultType->getDimSize(d);
    if (in == 0 || out % in != 0) {
      ctx.emitError() << "dimension " << d << " goes from " << in << " to "
                      << out << ", not an integer upsampling factor";
      return failure();
    }
    scales.push_back(out / in);
  }
  int64_t maxScale = *llvm::max_element(scales);
  bool halfPixel = transform == "half_pixel" ||
                   transform == "pytorch_half_pixel";
  bool roundNearest = nearest == "round_prefer_floor" ||
                      nearest == "round_prefer_ceil";
  bool exact =
      (halfPixel && roundNearest) ||
      (transform == "asymmetric" && nearest == "floor") ||
      (transform == "asymmetric" && nearest == "round_prefer_floor" &&
       maxScale <= 2) ||
      (transform == "tf_half_pixel_for_nn" && nearest == "floor");
  if (!exact) {
    ctx.emitError() << "coordinate_transformation_mode '" << transform
                    << "' with nearest_mode '" << nearest
                    << "' and scale " << maxScale
                    << " is not a plain repetition of input elements; "
                       "supported: half_pixel or pytorch_half_pixel with "
                       "round_prefer_floor/ceil, asymmetric with floor";
    return failure();
  }
  return createOp<ResizeOp>(ctx, {*x}, {arrayAttr(ctx, "scales", scales)});
}

} // namespace

const llvm::StringMap<OpImportFn> &nn::onnx_import::getOpImporters() {
  static const llvm::StringMap<OpImportFn> importers = {
      {"Add", importAdd},
      {"AveragePool", importPool<AvgPoolOp, false>},
      {"BatchNormalization", importBatchNormalization},
      {"Clip", importClip},
      {"Concat", importConcat},
      {"DequantizeLinear", importDequantizeLinear},
      {"Constant", importConstant},
      {"Conv", importConv},
      {"ConvTranspose", importConvTranspose},
      {"Div", importBinary<DivOp>},
      {"Dropout", importDropout},
      {"Elu", importElu},
      {"Flatten", importFlatten},
      {"Gemm", importGemm},
      {"GRU", importGRU},
      {"GlobalAveragePool", importPlainUnary<GlobalAvgPoolOp>},
      {"GlobalMaxPool", importPlainUnary<GlobalMaxPoolOp>},
      {"Gelu", importGelu},
      {"HardSigmoid", importHardSigmoid},
      {"HardSwish", importHardSwish},
      {"Identity", importIdentity},
      {"LayerNormalization", importLayerNormalization},
      {"LeakyRelu", importLeakyRelu},
      {"LSTM", importLSTM},
      {"MatMul", importMatMul},
      {"Max", importVariadic<MaxOp>},
      {"MaxPool", importPool<MaxPoolOp, true>},
      {"Min", importVariadic<MinOp>},
      {"Mul", importBinary<MulOp>},
      {"Pad", importPad},
      {"QuantizeLinear", importQuantizeLinear},
      {"PRelu", importBinary<PReluOp>},
      {"ReduceMean", importReduceMean},
      {"Relu", importPlainUnary<ReluOp>},
      {"Reshape", importReshapeLike},
      {"Resize", importResize},
      {"RNN", importRNN},
      {"Selu", importSelu},
      {"Sigmoid", importPlainUnary<SigmoidOp>},
      {"Softmax", importSoftmax},
      {"Softplus", importPlainUnary<SoftplusOp>},
      {"Softsign", importPlainUnary<SoftsignOp>},
      {"Squeeze", importReshapeLike},
      {"Sub", importBinary<SubOp>},
      {"Sum", importVariadic<AddOp>},
      {"Tanh", importPlainUnary<TanhOp>},
      {"ThresholdedRelu", importThresholdedRelu},
      {"Transpose", importTranspose},
      {"Unsqueeze", importReshapeLike},
  };
  return importers;
}

/// Op types hls4ml supports that nn does not import yet, with the reason
/// (docs/ONNXImport.md, "Not supported yet", lists the same).
static StringRef notYetReason(StringRef opType) {
  return llvm::StringSwitch<StringRef>(opType)
      .Case("Erf", "Erf is imported only inside the GELU subgraph PyTorch "
                   "exports (x * 0.5 * (1 + Erf(x / sqrt(2))))")
      .Case("Abs", "Abs is imported only inside the Softsign subgraph "
                   "PyTorch exports (x / (1 + Abs(x)))")
      .Cases({"Pow", "Sqrt"},
             "imported only inside the layer norm subgraph PyTorch exports "
             "at opset 13 (ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div)")
      .Default("");
}

std::string nn::onnx_import::describeUnsupportedOp(StringRef opType) {
  StringRef reason = notYetReason(opType);
  std::string why = reason.empty() ? "" : (" (" + reason + ")").str();
  return ("op type '" + opType + "' (domain 'ai.onnx', opset " +
          Twine(kImportOpset) + ") is not supported" + why +
          "; supported op types: " +
          llvm::join(getSupportedOnnxOpTypes(), ", ") +
          "; evaluated at import when they compute shapes: " +
          llvm::join(getFoldOnlyOpTypes(), ", "))
      .str();
}

std::vector<std::string> nn::getSupportedOnnxOpTypes() {
  std::vector<std::string> types;
  for (const auto &entry : onnx_import::getOpImporters())
    types.push_back(entry.getKey().str());
  llvm::sort(types);
  return types;
}
