//===- NNCanonicalization.cpp - canonicalization patterns of nn ops -------===//

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/BatchNorm.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cmath>

using namespace mlir;
using namespace nn;

//===----------------------------------------------------------------------===//
// BatchNormOp: fold into the producing conv or dense
//===----------------------------------------------------------------------===//

namespace {
/// The contents of a floating-point nn.constant, read as doubles, and the
/// resource key when it is a dense_resource blob (so that a folded result
/// of a large weight stays a blob).
struct FloatConstant {
  SmallVector<double> values;
  std::optional<std::string> resourceKey;
};
} // namespace

static std::optional<FloatConstant> getFloatConstant(Value value) {
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant)
    return std::nullopt;
  FloatConstant result;
  if (auto elements = llvm::dyn_cast<DenseElementsAttr>(constant.getValue())) {
    if (!llvm::isa<FloatType>(elements.getElementType()))
      return std::nullopt;
    result.values.reserve(elements.getNumElements());
    for (APFloat element : elements.getValues<APFloat>()) {
      bool losesInfo = false;
      element.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                      &losesInfo);
      result.values.push_back(element.convertToDouble());
    }
    return result;
  }
  // Large weights are blobs; f32 and f64 ones are read in place.
  auto resource =
      llvm::dyn_cast<DenseResourceElementsAttr>(constant.getValue());
  if (!resource)
    return std::nullopt;
  if (auto f32 = llvm::dyn_cast<DenseF32ResourceElementsAttr>(resource)) {
    std::optional<ArrayRef<float>> data = f32.tryGetAsArrayRef();
    if (!data)
      return std::nullopt;
    result.values.assign(data->begin(), data->end());
  } else if (auto f64 = llvm::dyn_cast<DenseF64ResourceElementsAttr>(resource)) {
    std::optional<ArrayRef<double>> data = f64.tryGetAsArrayRef();
    if (!data)
      return std::nullopt;
    result.values.assign(data->begin(), data->end());
  } else {
    return std::nullopt;
  }
  result.resourceKey = resource.getRawHandle().getKey().str();
  return result;
}

/// An nn.constant of `type` (floating point) holding `values`, each rounded
/// to the nearest value of the element type: a dense_resource blob keyed
/// after `resourceKey` when given (and the type is f32 or f64), else dense.
static Value createFloatConstant(PatternRewriter &rewriter, Location loc,
                                 RankedTensorType type,
                                 ArrayRef<double> values,
                                 std::optional<std::string> resourceKey = {}) {
  Type elementType = type.getElementType();
  if (resourceKey && (elementType.isF32() || elementType.isF64())) {
    AsmResourceBlob blob =
        elementType.isF32()
            ? HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef<float>(
                  SmallVector<float>(values.begin(), values.end())))
            : HeapAsmResourceBlob::allocateAndCopyInferAlign(values);
    return ConstantOp::create(
        rewriter, loc, type,
        DenseResourceElementsAttr::get(type, *resourceKey + "_bn",
                                       std::move(blob)));
  }
  const llvm::fltSemantics &semantics =
      llvm::cast<FloatType>(elementType).getFloatSemantics();
  SmallVector<APFloat> elements;
  elements.reserve(values.size());
  for (double value : values) {
    APFloat element(value);
    bool losesInfo = false;
    element.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
    elements.push_back(element);
  }
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, elements));
}

namespace {
/// nn.batch_norm(nn.conv(x, W, b)) -> nn.conv(x, W', b') and the same for a
/// dense layer with a rank-2 result ([N, M], so that the batch norm's channel
/// axis 1 is the dense layer's output features), as torch.fx's fuser does:
///   f[m]      = scale[m] / sqrt(var[m] + epsilon)
///   W'[m,...] = W[m,...] * f[m]
///   b'[m]     = (b[m] - mean[m]) * f[m] + beta[m]    (b = 0 when absent)
/// computed in double and rounded to the element type. Only when the layer's
/// result has no other user and all six (five without bias) parameters are
/// floating-point constants (dense, or f32/f64 dense_resource blobs; a
/// folded blob weight stays a blob).
struct FoldBatchNormIntoLayer : public OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp batchNorm,
                                PatternRewriter &rewriter) const override {
    Operation *layer = batchNorm.getInput().getDefiningOp();
    if (!layer || !llvm::isa<ConvOp, DenseOp>(layer))
      return rewriter.notifyMatchFailure(batchNorm,
                                         "input is not a conv or dense result");
    if (!layer->getResult(0).hasOneUse())
      return rewriter.notifyMatchFailure(batchNorm,
                                         "the layer result has other users");
    auto dense = llvm::dyn_cast<DenseOp>(layer);
    if (dense && dense.getOutput().getType().getRank() != 2)
      return rewriter.notifyMatchFailure(
          batchNorm, "dense result is not [N, features]");

    Value weight = layer->getOperand(1);
    Value bias = dense ? dense.getBias() : llvm::cast<ConvOp>(layer).getBias();
    std::optional<FloatConstant> weightConstant = getFloatConstant(weight);
    std::optional<FloatConstant> biasConstant;
    if (bias)
      biasConstant = getFloatConstant(bias);
    std::optional<FloatConstant> scaleConstant =
        getFloatConstant(batchNorm.getScale());
    std::optional<FloatConstant> betaConstant =
        getFloatConstant(batchNorm.getBias());
    std::optional<FloatConstant> meanConstant =
        getFloatConstant(batchNorm.getMean());
    std::optional<FloatConstant> varConstant =
        getFloatConstant(batchNorm.getVar());
    if (!weightConstant || (bias && !biasConstant) || !scaleConstant ||
        !betaConstant || !meanConstant || !varConstant)
      return rewriter.notifyMatchFailure(
          batchNorm, "parameters are not floating-point constants");
    SmallVector<double> *weights = &weightConstant->values;
    SmallVector<double> *biases = bias ? &biasConstant->values : nullptr;
    SmallVector<double> *scale = &scaleConstant->values;
    SmallVector<double> *beta = &betaConstant->values;
    SmallVector<double> *mean = &meanConstant->values;
    SmallVector<double> *var = &varConstant->values;

    // The verifiers guarantee: weight is [M, ...] and the four statistics
    // are [M] (the batch norm's channels are the layer's output channels).
    auto weightType = llvm::cast<RankedTensorType>(weight.getType());
    int64_t filters = weightType.getDimSize(0);
    int64_t perFilter = filters == 0 ? 0 : weights->size() / filters;
    double epsilon = batchNorm.getEpsilon().convertToDouble();
    SmallVector<double> factors;
    for (int64_t m = 0; m < filters; ++m) {
      std::optional<double> factor =
          batchNormFactor((*scale)[m], (*var)[m], epsilon);
      if (!factor) // nn-quantize reports the layer
        return rewriter.notifyMatchFailure(
            batchNorm, "scale / sqrt(var + epsilon) is not finite");
      factors.push_back(*factor);
    }
    SmallVector<double> newBias(filters);
    for (int64_t m = 0; m < filters; ++m) {
      double factor = factors[m];
      for (int64_t i = 0; i < perFilter; ++i)
        (*weights)[m * perFilter + i] *= factor;
      double oldBias = biases ? (*biases)[m] : 0.0;
      newBias[m] = (oldBias - (*mean)[m]) * factor + (*beta)[m];
    }

    Location loc = rewriter.getFusedLoc({layer->getLoc(), batchNorm.getLoc()});
    Value newWeight = createFloatConstant(rewriter, loc, weightType, *weights,
                                          weightConstant->resourceKey);
    auto biasType =
        RankedTensorType::get({filters}, weightType.getElementType());
    Value newBiasValue = createFloatConstant(rewriter, loc, biasType, newBias);
    Value input = layer->getOperand(0);
    Type resultType = batchNorm.getType();
    Value replacement;
    if (dense) {
      replacement = DenseOp::create(rewriter, loc, resultType, input, newWeight,
                                    newBiasValue);
    } else {
      auto conv = llvm::cast<ConvOp>(layer);
      replacement = ConvOp::create(rewriter, loc, resultType, input, newWeight,
                                   newBiasValue, conv.getStridesAttr(),
                                   conv.getPadsAttr(), conv.getDilationsAttr(),
                                   conv.getGroupAttr());
    }
    // Keep any discardable attributes (pass annotations) of the layer.
    replacement.getDefiningOp()->setDiscardableAttrs(
        layer->getDiscardableAttrDictionary());
    rewriter.replaceOp(batchNorm, replacement);
    rewriter.eraseOp(layer);
    return success();
  }
};
} // namespace

void BatchNormOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<FoldBatchNormIntoLayer>(context);
}
