//===- QDQImporters.cpp - QuantizeLinear / DequantizeLinear ---------------===//
//
// QDQ models (PyTorch/Brevitas quantization-aware training, onnxruntime's
// static quantization) carry their precisions as QuantizeLinear/
// DequantizeLinear pairs. nn has no float<->fixed conversion op and an op's
// values are all float or all fixed, so the importer keeps the network in
// float32 and records each pair's precision as an attribute `nn.qdq_type`
// that `--nn-quantize` then takes as an explicit precision
// (docs/ONNXImport.md, "QDQ models"):
//
// - DequantizeLinear of an integer constant (int8, uint8, int32): a float
//   constant holding exactly the dequantized values (q - zp) * scale, with
//   nn.qdq_type = the fixed type whose raws are q: W = the integer width,
//   I = W + log2(scale), signed unless uint8. Per-axis scales 2^k_c give
//   W + (max k - min k) bits, I = W + max k.
// - QuantizeLinear -> DequantizeLinear of a float constant: the same, with
//   q computed as QuantizeLinear does (round half to even, saturate).
// - QuantizeLinear -> DequantizeLinear of an activation: the identity (the
//   DequantizeLinear output is the QuantizeLinear input), with nn.qdq_type =
//   ap_[u]fixed<8, 8 + log2(scale), AP_RND_CONV, AP_SAT> on the op producing
//   the value (looking through reshape/flatten/transpose) or on the function
//   argument: exactly QuantizeLinear's rounding (half to even) and
//   saturation followed by DequantizeLinear.
//
// A scale that is not a power of two or a nonzero zero point has no
// ap_fixed equivalent: a warning, and the pair is imported as described
// without nn.qdq_type (constants keep their exact dequantized values, the
// activation pair becomes the identity), so the network still imports and
// can be configured or calibrated.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {

/// Scales, zero points and axis of a QuantizeLinear/DequantizeLinear.
struct QdqParams {
  std::vector<float> scales;
  std::vector<int64_t> zeroPoints; ///< empty: 0
  int64_t axis = 1;
  /// The integer type: of the zero point, else of DequantizeLinear's
  /// constant input, else UINT8 (QuantizeLinear's default).
  int32_t dataType = onnx::TensorProto::UINT8;
};

int64_t integerBits(int32_t dataType) {
  return dataType == onnx::TensorProto::INT32 ? 32 : 8;
}

bool isSignedType(int32_t dataType) {
  return dataType != onnx::TensorProto::UINT8;
}

FailureOr<QdqParams> readParams(NodeContext &ctx, int64_t rank) {
  QdqParams params;
  const onnx::TensorProto *scale = ctx.constantInput(1);
  if (!scale) {
    ctx.emitError() << "the scale (input 1) must be a constant";
    return failure();
  }
  FailureOr<std::vector<float>> scales = readTensorFloats(
      *scale, ctx.getGraph().getModelDir(),
      [&] { return ctx.emitError() << "the scale: "; });
  if (failed(scales))
    return failure();
  params.scales = std::move(*scales);
  if (params.scales.empty()) {
    ctx.emitError() << "the scale is empty";
    return failure();
  }
  for (float s : params.scales)
    if (!(s > 0) || !std::isfinite(s)) {
      ctx.emitError() << "scale " << s << " is not a positive finite number";
      return failure();
    }
  if (ctx.hasInput(2)) {
    const onnx::TensorProto *zeroPoint = ctx.constantInput(2);
    if (!zeroPoint) {
      ctx.emitError() << "the zero point (input 2) must be a constant";
      return failure();
    }
    params.dataType = zeroPoint->data_type();
    FailureOr<SmallVector<int64_t>> zeroPoints = readTensorInts(
        *zeroPoint, ctx.getGraph().getModelDir(),
        [&] { return ctx.emitError() << "the zero point: "; });
    if (failed(zeroPoints))
      return failure();
    params.zeroPoints.assign(zeroPoints->begin(), zeroPoints->end());
    if (params.zeroPoints.size() != params.scales.size()) {
      ctx.emitError() << "the zero point has " << params.zeroPoints.size()
                      << " elements and the scale " << params.scales.size();
      return failure();
    }
  }
  params.axis = ctx.getInt("axis", 1);
  if (params.scales.size() > 1) {
    if (params.axis < -rank || params.axis >= rank) {
      ctx.emitError() << "axis " << params.axis << " is out of range for rank "
                      << rank;
      return failure();
    }
    if (params.axis < 0)
      params.axis += rank;
  }
  return params;
}

/// log2 of every scale when every scale is a power of two and every zero
/// point is 0; otherwise a reason.
std::optional<std::vector<int>> powerOfTwoExponents(const QdqParams &params,
                                                    std::string &reason) {
  for (int64_t zp : params.zeroPoints)
    if (zp != 0) {
      reason = "zero point " + std::to_string(zp) + " is not 0";
      return std::nullopt;
    }
  std::vector<int> exponents;
  for (float s : params.scales) {
    int e = 0;
    if (std::frexp(s, &e) != 0.5f) {
      char text[32];
      std::snprintf(text, sizeof(text), "%.9g", double(s));
      reason = std::string("scale ") + text + " is not a power of two";
      return std::nullopt;
    }
    exponents.push_back(e - 1);
  }
  return exponents;
}

/// The element index -> channel of per-axis parameters.
int64_t channelOf(int64_t index, ArrayRef<int64_t> shape, int64_t axis) {
  int64_t inner = 1;
  for (size_t d = axis + 1; d < shape.size(); ++d)
    inner *= shape[d];
  return (index / inner) % shape[axis];
}

/// Binds the DequantizeLinear output to a float constant of `values` and
/// records the fixed type (when the parameters have one).
LogicalResult bindDequantizedConstant(NodeContext &ctx,
                                      const QdqParams &params,
                                      ArrayRef<int64_t> shape,
                                      const std::vector<float> &values) {
  std::string reason;
  std::optional<std::vector<int>> exponents =
      powerOfTwoExponents(params, reason);
  FixedType type;
  if (exponents)
    type = scaledIntegerType(ctx.builder().getContext(), *exponents,
                             integerBits(params.dataType),
                             isSignedType(params.dataType), reason);
  bindQuantizedConstant(ctx, shape, values, type, reason,
                        "the dequantized constant");
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// Shared with the QONNX importers (QONNXImporters.cpp)
//===----------------------------------------------------------------------===//

std::string nn::onnx_import::describeQuantizer(NodeContext &ctx) {
  const onnx::NodeProto &node = ctx.node();
  if (node.name().empty() && node.output_size())
    return "node producing '" + node.output(0) + "' (" + node.op_type() + ")";
  return "node '" + node.name() + "' (" + node.op_type() + ")";
}

void nn::onnx_import::warnNoFixedType(NodeContext &ctx,
                                     const std::string &reason,
                                     const char *what) {
  mlir::emitWarning(ctx.getLoc())
      << describeQuantizer(ctx) << ": " << reason
      << "; no ap_fixed type computes it exactly, so "
      << what
      << " is imported in float32 without a recorded precision (configure "
         "or calibrate it with --nn-quantize)";
}

FixedType nn::onnx_import::scaledIntegerType(MLIRContext *context,
                                             ArrayRef<int> exponents,
                                             int64_t bits, bool isSigned,
                                             std::string &reason) {
  auto [low, high] = std::minmax_element(exponents.begin(), exponents.end());
  int64_t width = bits + (*high - *low), intWidth = bits + *high;
  if (width > 64) {
    reason = "the per-axis scales span 2^" + std::to_string(*low) + " to 2^" +
             std::to_string(*high) + ", which needs " + std::to_string(width) +
             " bits in one type (at most 64)";
    return {};
  }
  return FixedType::get(context, unsigned(width), int(intWidth), isSigned);
}

float nn::onnx_import::quantizedFloat(double value, double bottom,
                                      double top) {
  float f = float(value);
  if (double(f) > top || double(f) < bottom)
    f = std::nextafter(f, 0.0f);
  return f;
}

void nn::onnx_import::bindQuantizedConstant(NodeContext &ctx,
                                            ArrayRef<int64_t> shape,
                                            const std::vector<float> &values,
                                            FixedType type,
                                            const std::string &reason,
                                            const char *what) {
  GraphImporter &graph = ctx.getGraph();
  const std::string &output = ctx.node().output(0);
  onnx::TensorProto &tensor = graph.addSyntheticConstant(output);
  tensor.set_data_type(onnx::TensorProto::FLOAT);
  for (int64_t dim : shape)
    tensor.add_dims(dim);
  tensor.set_raw_data(std::string(reinterpret_cast<const char *>(values.data()),
                                  values.size() * sizeof(float)));
  if (!type) {
    warnNoFixedType(ctx, reason, what);
    return;
  }
  graph.setConstantHint(output, type);
}

LogicalResult nn::onnx_import::recordActivationType(NodeContext &ctx,
                                                    Value value,
                                                    FixedType type) {
  while (Operation *def = value.getDefiningOp()) {
    if (!llvm::isa<ReshapeOp, FlattenOp, TransposeOp>(def))
      break;
    value = def->getOperand(0);
  }
  auto attr = TypeAttr::get(type);
  Attribute existing;
  if (auto arg = llvm::dyn_cast<BlockArgument>(value)) {
    auto func = llvm::cast<func::FuncOp>(arg.getOwner()->getParentOp());
    existing = func.getArgAttr(arg.getArgNumber(), "nn.qdq_type");
    if (!existing)
      func.setArgAttr(arg.getArgNumber(), "nn.qdq_type", attr);
  } else {
    Operation *def = value.getDefiningOp();
    existing = def->getAttr("nn.qdq_type");
    if (!existing)
      def->setAttr("nn.qdq_type", attr);
  }
  if (existing && existing != attr) {
    ctx.emitError() << "the value '" << ctx.node().input(0)
                    << "' was quantized as "
                    << llvm::cast<FixedType>(
                           llvm::cast<TypeAttr>(existing).getValue())
                           .getHlsTypeName()
                    << " by another quantizer and here as "
                    << type.getHlsTypeName()
                    << "; nn gives a value one precision";
    return failure();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// QuantizeLinear, DequantizeLinear
//===----------------------------------------------------------------------===//

LogicalResult nn::onnx_import::importQuantizeLinear(NodeContext &ctx) {
  GraphImporter::PendingQuantize pending;
  pending.node = describeQuantizer(ctx);
  pending.input = ctx.node().input(0);
  int64_t rank;
  if (const onnx::TensorProto *constant = ctx.constantInput(0)) {
    rank = constant->dims_size();
  } else {
    FailureOr<Value> x = ctx.input(0);
    if (failed(x))
      return failure();
    pending.value = *x;
    rank = llvm::cast<RankedTensorType>(x->getType()).getRank();
  }
  FailureOr<QdqParams> params = readParams(ctx, rank);
  if (failed(params))
    return failure();
  if (params->dataType != onnx::TensorProto::INT8 &&
      params->dataType != onnx::TensorProto::UINT8) {
    ctx.emitError() << "quantizes to " << dataTypeName(params->dataType)
                    << "; nn imports int8 and uint8 QuantizeLinear";
    return failure();
  }
  if (pending.value && params->scales.size() > 1) {
    ctx.emitError() << "per-axis quantization of an activation (" <<
        params->scales.size() << " scales) is not supported: nn gives a "
                                 "value one precision";
    return failure();
  }
  pending.scales = params->scales;
  pending.zeroPoints = params->zeroPoints;
  pending.axis = params->axis;
  pending.dataType = params->dataType;
  if (pending.value) {
    std::string reason;
    if (!powerOfTwoExponents(*params, reason))
      warnNoFixedType(ctx, reason, "this QuantizeLinear/DequantizeLinear pair");
  }
  ctx.getGraph().getPendingQuantize()[ctx.node().output(0)] =
      std::move(pending);
  return success();
}

LogicalResult nn::onnx_import::importDequantizeLinear(NodeContext &ctx) {
  GraphImporter &graph = ctx.getGraph();
  const std::string &input = ctx.node().input(0);
  auto pendingIt = graph.getPendingQuantize().find(input);

  // Q -> DQ.
  if (pendingIt != graph.getPendingQuantize().end()) {
    const GraphImporter::PendingQuantize &pending = pendingIt->second;
    int64_t rank = 0;
    const onnx::TensorProto *source = graph.lookupConstant(pending.input);
    if (pending.value)
      rank = llvm::cast<RankedTensorType>(pending.value.getType()).getRank();
    else if (source)
      rank = source->dims_size();
    FailureOr<QdqParams> params = readParams(ctx, rank);
    if (failed(params))
      return failure();
    if (!ctx.hasInput(2))
      params->dataType = pending.dataType;
    std::vector<int64_t> zeros(pending.scales.size(), 0);
    auto zeroPointsOf = [&](const std::vector<int64_t> &zps) {
      return zps.empty() ? zeros : zps;
    };
    if (params->scales != pending.scales ||
        zeroPointsOf(params->zeroPoints) != zeroPointsOf(pending.zeroPoints) ||
        params->dataType != pending.dataType ||
        (params->scales.size() > 1 && params->axis != pending.axis)) {
      ctx.emitError() << "its scale, zero point, type or axis differ from "
                         "those of "
                      << pending.node
                      << "; nn imports pairs that dequantize what they "
                         "quantized";
      return failure();
    }
    if (pending.value) {
      ctx.setOutput(0, pending.value);
      std::string reason;
      std::optional<std::vector<int>> exponents =
          powerOfTwoExponents(*params, reason);
      if (!exponents)
        return success(); // QuantizeLinear has warned
      bool isSigned = isSignedType(params->dataType);
      auto type = FixedType::get(ctx.builder().getContext(), 8,
                                 8 + exponents->front(), isSigned,
                                 RoundingMode::RND_CONV, OverflowMode::SAT);
      return recordActivationType(ctx, pending.value, type);
    }
    // A float constant quantized as QuantizeLinear does.
    FailureOr<std::vector<float>> floats = readTensorFloats(
        *source, graph.getModelDir(),
        [&] { return ctx.emitError() << "tensor '" << pending.input << "': "; });
    if (failed(floats))
      return failure();
    SmallVector<int64_t> shape(source->dims().begin(), source->dims().end());
    bool isSigned = isSignedType(params->dataType);
    float low = isSigned ? -128.0f : 0.0f, high = isSigned ? 127.0f : 255.0f;
    std::vector<float> values(floats->size());
    for (size_t i = 0; i < floats->size(); ++i) {
      size_t c = params->scales.size() == 1
                     ? 0
                     : size_t(channelOf(int64_t(i), shape, params->axis));
      float zp = params->zeroPoints.empty() ? 0.0f
                                            : float(params->zeroPoints[c]);
      // Round half to even (the default floating-point environment).
      float q = std::nearbyint((*floats)[i] / params->scales[c]) + zp;
      q = std::min(std::max(q, low), high);
      values[i] = (q - zp) * params->scales[c];
    }
    return bindDequantizedConstant(ctx, *params, shape, values);
  }

  // DQ of an integer constant.
  const onnx::TensorProto *constant = ctx.constantInput(0);
  if (!constant) {
    ctx.emitError() << "input '" << input
                    << "' must be an integer constant (an initializer) or the "
                       "output of a QuantizeLinear";
    return failure();
  }
  int32_t dataType = constant->data_type();
  if (dataType != onnx::TensorProto::INT8 &&
      dataType != onnx::TensorProto::UINT8 &&
      dataType != onnx::TensorProto::INT32) {
    ctx.emitError() << "dequantizes a " << dataTypeName(dataType)
                    << " tensor; nn imports int8, uint8 and int32";
    return failure();
  }
  FailureOr<QdqParams> params = readParams(ctx, constant->dims_size());
  if (failed(params))
    return failure();
  params->dataType = dataType;
  SmallVector<int64_t> shape(constant->dims().begin(), constant->dims().end());
  if (params->scales.size() > 1 &&
      shape[params->axis] != int64_t(params->scales.size())) {
    ctx.emitError() << "dimension " << params->axis << " of '" << input
                    << "' is " << shape[params->axis] << " but there are "
                    << params->scales.size() << " scales";
    return failure();
  }
  FailureOr<SmallVector<int64_t>> ints = readTensorInts(
      *constant, graph.getModelDir(),
      [&] { return ctx.emitError() << "tensor '" << input << "': "; });
  if (failed(ints))
    return failure();
  // The integer type's range.
  const int64_t bits = integerBits(dataType);
  const int64_t low = isSignedType(dataType) ? -(int64_t(1) << (bits - 1)) : 0;
  const int64_t high = isSignedType(dataType) ? (int64_t(1) << (bits - 1)) - 1
                                              : (int64_t(1) << bits) - 1;
  std::vector<float> values(ints->size());
  for (size_t i = 0; i < ints->size(); ++i) {
    size_t c = params->scales.size() == 1
                   ? 0
                   : size_t(channelOf(int64_t(i), shape, params->axis));
    int64_t zp = params->zeroPoints.empty() ? 0 : params->zeroPoints[c];
    // As ONNX: (x - zero point) as float, times the scale, in float32 (the
    // product of two floats is exact in double, so one rounding), kept
    // inside the integer type's range (an int32 near 2^31 - 1 rounds to
    // 2^31 in float32).
    const double scale = params->scales[c];
    values[i] = quantizedFloat(double(float((*ints)[i] - zp)) * scale,
                               (double(low) - zp) * scale,
                               (double(high) - zp) * scale);
  }
  return bindDequantizedConstant(ctx, *params, shape, values);
}
