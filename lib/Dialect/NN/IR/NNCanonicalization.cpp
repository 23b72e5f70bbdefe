//===- NNCanonicalization.cpp - canonicalization patterns of nn ops -------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include <cmath>

using namespace mlir;
using namespace nn;

//===----------------------------------------------------------------------===//
// BatchNormOp: fold into the producing conv or dense
//===----------------------------------------------------------------------===//

/// The values of `value` if it is an nn.constant holding a floating-point
/// `dense<...>` attribute (dense_resource constants are not read yet).
static std::optional<SmallVector<double>> getFloatConstant(Value value) {
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant)
    return std::nullopt;
  auto elements = llvm::dyn_cast<DenseElementsAttr>(constant.getValue());
  if (!elements || !llvm::isa<FloatType>(elements.getElementType()))
    return std::nullopt;
  SmallVector<double> result;
  result.reserve(elements.getNumElements());
  for (APFloat element : elements.getValues<APFloat>()) {
    bool losesInfo = false;
    element.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
    result.push_back(element.convertToDouble());
  }
  return result;
}

/// An nn.constant of `type` (floating point) holding `values`, each rounded
/// to the nearest value of the element type.
static Value createFloatConstant(PatternRewriter &rewriter, Location loc,
                                 RankedTensorType type,
                                 ArrayRef<double> values) {
  const llvm::fltSemantics &semantics =
      llvm::cast<FloatType>(type.getElementType()).getFloatSemantics();
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
/// floating-point dense constants.
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
    std::optional<SmallVector<double>> weights = getFloatConstant(weight);
    std::optional<SmallVector<double>> biases;
    if (bias)
      biases = getFloatConstant(bias);
    std::optional<SmallVector<double>> scale =
        getFloatConstant(batchNorm.getScale());
    std::optional<SmallVector<double>> beta =
        getFloatConstant(batchNorm.getBias());
    std::optional<SmallVector<double>> mean =
        getFloatConstant(batchNorm.getMean());
    std::optional<SmallVector<double>> var =
        getFloatConstant(batchNorm.getVar());
    if (!weights || (bias && !biases) || !scale || !beta || !mean || !var)
      return rewriter.notifyMatchFailure(
          batchNorm, "parameters are not floating-point dense constants");

    // The verifiers guarantee: weight is [M, ...] and the four statistics
    // are [M] (the batch norm's channels are the layer's output channels).
    auto weightType = llvm::cast<RankedTensorType>(weight.getType());
    int64_t filters = weightType.getDimSize(0);
    int64_t perFilter = filters == 0 ? 0 : weights->size() / filters;
    double epsilon = batchNorm.getEpsilon().convertToDouble();
    SmallVector<double> newBias(filters);
    for (int64_t m = 0; m < filters; ++m) {
      double factor = (*scale)[m] / std::sqrt((*var)[m] + epsilon);
      for (int64_t i = 0; i < perFilter; ++i)
        (*weights)[m * perFilter + i] *= factor;
      double oldBias = biases ? (*biases)[m] : 0.0;
      newBias[m] = (oldBias - (*mean)[m]) * factor + (*beta)[m];
    }

    Location loc = rewriter.getFusedLoc({layer->getLoc(), batchNorm.getLoc()});
    Value newWeight = createFloatConstant(rewriter, loc, weightType, *weights);
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
