//===- NNLayerOps.cpp - verifiers of layers with weights and pools --------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/TypeUtilities.h"
#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>

using namespace mlir;
using namespace nn;

//===----------------------------------------------------------------------===//
// DenseOp
//===----------------------------------------------------------------------===//

LogicalResult DenseOp::verify() {
  auto input = getInput().getType();
  auto weight = getWeight().getType();
  auto output = getOutput().getType();
  if (input.getRank() < 1)
    return emitOpError("input must have rank >= 1, got a scalar tensor");
  if (weight.getRank() != 2)
    return emitOpError("weight must have rank 2 ([out, in]), got rank ")
           << weight.getRank();
  int64_t inFeatures = input.getShape().back();
  int64_t outFeatures = weight.getDimSize(0);
  if (weight.getDimSize(1) != inFeatures)
    return emitOpError("weight shape ")
           << formatShape(weight.getShape()) << " expects " << weight.getDimSize(1)
           << " input features, but the input has " << inFeatures;
  if (Value bias = getBias()) {
    auto biasType = llvm::cast<RankedTensorType>(bias.getType());
    if (biasType.getShape() != ArrayRef<int64_t>{outFeatures})
      return emitOpError("bias shape ")
             << formatShape(biasType.getShape()) << " must be ["
             << outFeatures << "]";
  }
  SmallVector<int64_t> expected(input.getShape());
  expected.back() = outFeatures;
  if (output.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result shape ")
           << formatShape(output.getShape()) << " differs from the expected "
           << formatShape(expected);
  return success();
}

// MultiplierOpInterface: one kernel application is a [K] x [M, K] product
// (hls4ml's n_in = K, n_out = M), applied once per leading index of the
// input (the batch, and any further dimensions before the features).
int64_t DenseOp::getMultiplierInputs() {
  return getInput().getType().getShape().back();
}
int64_t DenseOp::getMultiplierOutputs() {
  return getWeight().getType().getDimSize(0);
}
int64_t DenseOp::getNumPositions() {
  int64_t positions = 1;
  for (int64_t dim : getInput().getType().getShape().drop_back())
    positions *= dim;
  return positions;
}

//===----------------------------------------------------------------------===//
// Rules shared by the convolution and the pools
//===----------------------------------------------------------------------===//

/// Checks that `input` is [N, C, W] or [N, C, H, W] and returns the number of
/// spatial dimensions.
static FailureOr<unsigned> verifySpatialRank(Operation *op,
                                             RankedTensorType input) {
  if (input.getRank() != 3 && input.getRank() != 4)
    return op->emitOpError("input must have rank 3 ([N, C, W]) or 4 "
                           "([N, C, H, W]), got rank ")
           << input.getRank();
  return unsigned(input.getRank() - 2);
}

/// Checks that a per-dimension attribute has one value per spatial dimension
/// and that each value is positive.
static LogicalResult verifyPerDimList(Operation *op, StringRef name,
                                      ArrayRef<int64_t> values,
                                      unsigned spatial) {
  if (values.size() != spatial)
    return op->emitOpError()
           << name << " must have " << spatial
           << " values (one per spatial dimension), got " << values.size();
  if (llvm::any_of(values, [&](int64_t v) { return v < 1; }))
    return op->emitOpError() << name << " must be positive, got "
                             << formatShape(values);
  return success();
}

/// Checks `pads`: the begin pads of every spatial dimension, then the end
/// pads, all >= 0.
static LogicalResult verifyPads(Operation *op, ArrayRef<int64_t> pads,
                                unsigned spatial) {
  if (pads.size() != 2 * spatial)
    return op->emitOpError("pads must have ")
           << 2 * spatial
           << " values (the begin pads of every spatial dimension, then the "
              "end pads), got "
           << pads.size();
  if (llvm::any_of(pads, [](int64_t v) { return v < 0; }))
    return op->emitOpError("pads must be non-negative, got ")
           << formatShape(pads);
  return success();
}

/// The number of windows along one spatial dimension (input dimension
/// `dim`): floor((in + pb + pe - d*(k-1) - 1) / s) + 1, or with `ceilMode`
/// ceil(...) + 1 less the last window if it starts at or past in + pb.
static FailureOr<int64_t> verifyWindowCount(Operation *op, unsigned dim,
                                            int64_t in, int64_t kernel,
                                            int64_t stride, int64_t padBegin,
                                            int64_t padEnd, int64_t dilation,
                                            bool ceilMode) {
  auto overflow = [&]() {
    return op->emitOpError("window arithmetic overflows in dimension ")
           << dim << " of the input";
  };
  // All of kernel, stride, dilation >= 1 and pads >= 0 here.
  std::optional<int64_t> padded = llvm::checkedAdd(in, padBegin);
  if (padded)
    padded = llvm::checkedAdd(*padded, padEnd);
  std::optional<int64_t> extent = llvm::checkedMul(dilation, kernel - 1);
  if (extent)
    extent = llvm::checkedAdd(*extent, int64_t(1));
  if (!padded || !extent)
    return overflow();
  if (*extent > *padded)
    return op->emitOpError("dilated kernel extent ")
           << *extent << " exceeds the padded input extent " << *padded
           << " in dimension " << dim << " of the input";
  int64_t span = *padded - *extent;
  int64_t steps = span / stride;
  if (ceilMode) {
    if (span % stride != 0)
      ++steps;
    // PyTorch's rule: a last window that would start at or past
    // in + padBegin (entirely inside the end padding) is dropped. A start
    // that overflows is past it too.
    std::optional<int64_t> lastStart = llvm::checkedMul(steps, stride);
    if (steps > 0 && (!lastStart || *lastStart >= in + padBegin))
      --steps;
  }
  return steps + 1;
}

/// Computes [N, C, out...] of a pool and compares it with the result.
/// `dilations` is absent for nn.avg_pool (which has none: all 1).
static LogicalResult
verifyPool(Operation *op, ArrayRef<int64_t> kernelShape,
           ArrayRef<int64_t> strides, ArrayRef<int64_t> pads,
           std::optional<ArrayRef<int64_t>> dilations, bool ceilMode) {
  auto input = llvm::cast<RankedTensorType>(op->getOperand(0).getType());
  auto output = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  FailureOr<unsigned> spatial = verifySpatialRank(op, input);
  if (failed(spatial))
    return failure();
  if (failed(verifyPerDimList(op, "kernel_shape", kernelShape, *spatial)) ||
      failed(verifyPerDimList(op, "strides", strides, *spatial)) ||
      failed(verifyPads(op, pads, *spatial)))
    return failure();
  if (dilations && failed(verifyPerDimList(op, "dilations", *dilations,
                                            *spatial)))
    return failure();
  for (unsigned s = 0; s < *spatial; ++s)
    if (pads[s] >= kernelShape[s] || pads[s + *spatial] >= kernelShape[s])
      return op->emitOpError("pads ")
             << formatShape(pads)
             << " must each be smaller than the kernel size of their "
                "dimension, kernel_shape "
             << formatShape(kernelShape);
  SmallVector<int64_t> expected(input.getShape().take_front(2));
  for (unsigned s = 0; s < *spatial; ++s) {
    FailureOr<int64_t> count = verifyWindowCount(
        op, s + 2, input.getDimSize(s + 2), kernelShape[s], strides[s],
        pads[s], pads[s + *spatial], dilations ? (*dilations)[s] : 1, ceilMode);
    if (failed(count))
      return failure();
    expected.push_back(*count);
  }
  if (output.getShape() != ArrayRef<int64_t>(expected))
    return op->emitOpError("result shape ")
           << formatShape(output.getShape()) << " differs from the expected "
           << formatShape(expected);
  return success();
}

//===----------------------------------------------------------------------===//
// ConvOp
//===----------------------------------------------------------------------===//

LogicalResult ConvOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType weight = getWeight().getType();
  RankedTensorType output = getOutput().getType();
  FailureOr<unsigned> spatial = verifySpatialRank(*this, input);
  if (failed(spatial))
    return failure();
  if (weight.getRank() != input.getRank())
    return emitOpError("weight must have rank ")
           << input.getRank()
           << " ([M, C/group, kernel...], like the input), got rank "
           << weight.getRank();
  if (failed(verifyPerDimList(*this, "strides", getStrides(), *spatial)) ||
      failed(verifyPads(*this, getPads(), *spatial)) ||
      failed(verifyPerDimList(*this, "dilations", getDilations(), *spatial)))
    return failure();
  int64_t group = getGroup();
  if (group < 1)
    return emitOpError("group must be positive, got ") << group;
  int64_t channels = input.getDimSize(1);
  int64_t filters = weight.getDimSize(0);
  if (channels % group != 0)
    return emitOpError("group ")
           << group << " does not divide the " << channels
           << " input channels";
  if (filters % group != 0)
    return emitOpError("group ")
           << group << " does not divide the " << filters
           << " output channels (weight dimension 0)";
  if (weight.getDimSize(1) != channels / group)
    return emitOpError("weight shape ")
           << formatShape(weight.getShape()) << " must have "
           << channels / group
           << " input channels per group in dimension 1 (" << channels
           << " channels / group " << group << ")";
  ArrayRef<int64_t> kernel = weight.getShape().drop_front(2);
  if (llvm::any_of(kernel, [](int64_t k) { return k < 1; }))
    return emitOpError("weight kernel dimensions must be positive, got "
                       "weight shape ")
           << formatShape(weight.getShape());
  if (Value bias = getBias()) {
    auto biasType = llvm::cast<RankedTensorType>(bias.getType());
    if (biasType.getShape() != ArrayRef<int64_t>{filters})
      return emitOpError("bias shape ")
             << formatShape(biasType.getShape()) << " must be [" << filters
             << "]";
  }
  ArrayRef<int64_t> pads = getPads();
  SmallVector<int64_t> expected{input.getDimSize(0), filters};
  for (unsigned s = 0; s < *spatial; ++s) {
    FailureOr<int64_t> count = verifyWindowCount(
        *this, s + 2, input.getDimSize(s + 2), kernel[s], getStrides()[s],
        pads[s], pads[s + *spatial], getDilations()[s], /*ceilMode=*/false);
    if (failed(count))
      return failure();
    expected.push_back(*count);
  }
  if (output.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result shape ")
           << formatShape(output.getShape()) << " differs from the expected "
           << formatShape(expected);
  return success();
}

// MultiplierOpInterface, as hls4ml's get_layer_mult_size counts a
// convolution: per output position, n_in = C/group * prod(kernel) inputs
// (hls4ml: n_chan * filt_width [* filt_height]; a grouped convolution reads
// only its group's channels) and n_out = M filters; the kernel is applied at
// every output position N * prod(out_s).
int64_t ConvOp::getMultiplierInputs() {
  RankedTensorType weight = getWeight().getType();
  int64_t inputs = weight.getDimSize(1); // C / group
  for (int64_t k : weight.getShape().drop_front(2))
    inputs *= k;
  return inputs;
}
int64_t ConvOp::getMultiplierOutputs() {
  return getWeight().getType().getDimSize(0);
}
int64_t ConvOp::getNumPositions() {
  RankedTensorType output = getOutput().getType();
  int64_t positions = output.getDimSize(0);
  for (int64_t dim : output.getShape().drop_front(2))
    positions *= dim;
  return positions;
}

//===----------------------------------------------------------------------===//
// BatchNormOp
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::verify() {
  RankedTensorType input = getInput().getType();
  if (input.getRank() < 2)
    return emitOpError("input must have rank >= 2 ([N, C, ...]), got rank ")
           << input.getRank();
  int64_t channels = input.getDimSize(1);
  std::pair<StringRef, Value> params[] = {{"scale", getScale()},
                                          {"bias", getBias()},
                                          {"mean", getMean()},
                                          {"var", getVar()}};
  for (auto [name, value] : params) {
    auto type = llvm::cast<RankedTensorType>(value.getType());
    if (type.getShape() != ArrayRef<int64_t>{channels})
      return emitOpError()
             << name << " shape " << formatShape(type.getShape())
             << " must be [" << channels << "] (the input channels)";
  }
  double epsilon = getEpsilon().convertToDouble();
  if (!(epsilon >= 0.0))
    return emitOpError("epsilon must be non-negative, got ") << epsilon;
  if (getOutput().getType().getShape() != input.getShape())
    return emitOpError("result shape ")
           << formatShape(getOutput().getType().getShape())
           << " differs from the input shape "
           << formatShape(input.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// LayerNormOp
//===----------------------------------------------------------------------===//

LogicalResult LayerNormOp::verify() {
  RankedTensorType input = getInput().getType();
  int64_t rank = input.getRank();
  // I64Attr reads back as uint64_t: the signed value is its bit pattern.
  int64_t axis = static_cast<int64_t>(getAxis());
  if (axis < -rank || axis >= rank)
    return emitOpError("axis ") << axis << " is outside [" << -rank << ", "
                                << rank << ")";
  // --nn-quantize rewrites a layer norm into fixed-point ops (mean, variance,
  // nn.rsqrt, scale, bias): no stage computes a fixed-point layer_norm.
  for (Value value : {getInput(), getScale(), getBias(), getOutput()})
    if (!llvm::isa<FloatType>(getElementTypeOrSelf(value.getType())))
      return emitOpError("is float only (--nn-quantize rewrites it into "
                         "fixed-point ops); got ")
             << value.getType();
  ArrayRef<int64_t> normalized = input.getShape().drop_front(getNormalizedAxis());
  // Mean and variance over no element are undefined (and the fixed-point
  // rewrite would divide by a zero count).
  if (llvm::is_contained(normalized, 0))
    return emitOpError("normalizes over no element: the normalized "
                       "dimensions ")
           << formatShape(normalized) << " hold none";
  std::pair<StringRef, Value> params[] = {{"scale", getScale()},
                                          {"bias", getBias()}};
  for (auto [name, value] : params) {
    auto type = llvm::cast<RankedTensorType>(value.getType());
    if (type.getShape() != normalized)
      return emitOpError() << name << " shape " << formatShape(type.getShape())
                           << " must be " << formatShape(normalized)
                           << " (the normalized dimensions)";
  }
  double epsilon = getEpsilon().convertToDouble();
  if (!(epsilon >= 0.0) || !std::isfinite(epsilon))
    return emitOpError("epsilon must be finite and non-negative, got ")
           << epsilon;
  if (getOutput().getType().getShape() != input.getShape())
    return emitOpError("result shape ")
           << formatShape(getOutput().getType().getShape())
           << " differs from the input shape " << formatShape(input.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// Pools
//===----------------------------------------------------------------------===//

LogicalResult MaxPoolOp::verify() {
  return verifyPool(*this, getKernelShape(), getStrides(), getPads(),
                    getDilations(), getCeilMode());
}

LogicalResult AvgPoolOp::verify() {
  return verifyPool(*this, getKernelShape(), getStrides(), getPads(),
                    /*dilations=*/std::nullopt, getCeilMode());
}

/// Checks [N, C, spatial...] -> [N, C, 1, ..., 1].
static LogicalResult verifyGlobalPool(Operation *op) {
  auto input = llvm::cast<RankedTensorType>(op->getOperand(0).getType());
  auto output = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  if (input.getRank() < 3)
    return op->emitOpError("input must have rank >= 3 ([N, C, spatial...]), "
                           "got rank ")
           << input.getRank();
  SmallVector<int64_t> expected(input.getShape().take_front(2));
  expected.append(input.getRank() - 2, 1);
  if (output.getShape() != ArrayRef<int64_t>(expected))
    return op->emitOpError("result shape ")
           << formatShape(output.getShape()) << " differs from the expected "
           << formatShape(expected);
  return success();
}

LogicalResult GlobalAvgPoolOp::verify() { return verifyGlobalPool(*this); }

LogicalResult GlobalMaxPoolOp::verify() { return verifyGlobalPool(*this); }

//===----------------------------------------------------------------------===//
// EmbeddingOp
//===----------------------------------------------------------------------===//

LogicalResult EmbeddingOp::verify() {
  RankedTensorType indices = getIndices().getType();
  RankedTensorType table = getTable().getType();
  RankedTensorType output = getOutput().getType();
  if (table.getRank() != 2)
    return emitOpError("table must be [rows, columns]; got ")
           << formatShape(table.getShape());
  int64_t rows = table.getDimSize(0);
  // Every index is clamped into [0, rows): there must be a row, and the
  // float interpreter holds indices exactly in f32 (integers up to 2^24).
  if (rows < 1 || rows > (int64_t(1) << 24))
    return emitOpError("table has ")
           << rows << " rows; an embedding takes 1 to 2^24";
  SmallVector<int64_t> expected(indices.getShape());
  expected.push_back(table.getDimSize(1));
  if (output.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result shape ")
           << formatShape(output.getShape()) << " must be "
           << formatShape(expected) << " (the indices' shape, then the "
           << "table's columns)";
  // (Mixing float and fixed point is refused for every nn op.)
  return success();
}
