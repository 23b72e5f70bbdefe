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

#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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

/// The integer type's range [low, high].
std::pair<int64_t, int64_t> rangeOfType(int32_t dataType) {
  return integerRange(integerBits(dataType), isSignedType(dataType));
}

/// log2 of every scale when every scale is a power of two; otherwise a
/// reason. Zero points do not matter here: they are exact offsets of the
/// integers (zeroPointRanges).
std::optional<std::vector<int>> powerOfTwoExponents(const QdqParams &params,
                                                    std::string &reason) {
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

/// Per channel, the range of q - zero point (what DequantizeLinear scales):
/// the integer type's range shifted by the channel's zero point.
std::vector<std::pair<int64_t, int64_t>>
zeroPointRanges(const QdqParams &params) {
  auto [low, high] = rangeOfType(params.dataType);
  std::vector<std::pair<int64_t, int64_t>> ranges;
  for (size_t c = 0; c < params.scales.size(); ++c) {
    int64_t zp = params.zeroPoints.empty() ? 0 : params.zeroPoints[c];
    ranges.push_back({low - zp, high - zp});
  }
  return ranges;
}

/// The fixed type whose values are exactly the dequantized values of every
/// channel (null, with `reason`, when there is none).
FixedType dequantizedType(MLIRContext *context, const QdqParams &params,
                          std::string &reason) {
  std::optional<std::vector<int>> exponents =
      powerOfTwoExponents(params, reason);
  if (!exponents)
    return {};
  return scaledRangeType(context, *exponents, zeroPointRanges(params),
                         reason);
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
  FixedType type =
      dequantizedType(ctx.builder().getContext(), params, reason);
  bindQuantizedConstant(ctx, shape, values, type, reason,
                        "the dequantized constant");
  return success();
}

/// Q -> DQ of an activation `x` with one scale 2^k and zero point zp:
/// y = clamp(round_half_even(x / 2^k), low - zp, high - zp) * 2^k. The
/// type of the integers q - zp scaled by 2^k, with RND_CONV and SAT, rounds
/// exactly so, and is recorded on x's producer (as for zero point 0). When
/// its range is wider than [low - zp, high - zp] (a zero point other than
/// 0, or 128 for uint8), y is an nn.clip of x to that range in the same
/// type: x is already rounded, and saturating to the wider type and then
/// clamping is one clamp.
LogicalResult importActivationPair(NodeContext &ctx, const QdqParams &params,
                                   Value x) {
  std::string reason;
  FixedType raws = dequantizedType(ctx.builder().getContext(), params, reason);
  if (!raws) {
    ctx.setOutput(0, x);
    return success(); // QuantizeLinear has warned
  }
  auto type = FixedType::get(ctx.builder().getContext(), raws.getWidth(),
                             raws.getIntWidth(), raws.getIsSigned(),
                             RoundingMode::RND_CONV, OverflowMode::SAT);
  if (failed(recordActivationType(ctx, x, type)))
    return failure();
  auto [low, high] = zeroPointRanges(params).front();
  if (std::pair{low, high} ==
      integerRange(type.getWidth(), type.getIsSigned())) {
    ctx.setOutput(0, x);
    return success();
  }
  const double scale = params.scales.front();
  OpBuilder &b = ctx.builder();
  NamedAttribute attrs[] = {
      b.getNamedAttr("min", b.getF32FloatAttr(float(double(low) * scale))),
      b.getNamedAttr("max", b.getF32FloatAttr(float(double(high) * scale))),
      b.getNamedAttr("nn.qdq_type", TypeAttr::get(type))};
  ctx.setOutput(0, ClipOp::create(ctx.builder(), ctx.getLoc(),
                                  TypeRange{x.getType()}, ValueRange{x},
                                  ArrayRef<NamedAttribute>(attrs))
                       ->getResult(0));
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

FixedType nn::onnx_import::scaledRangeType(
    MLIRContext *context, ArrayRef<int> exponents,
    ArrayRef<std::pair<int64_t, int64_t>> ranges, std::string &reason) {
  auto [low, high] = std::minmax_element(exponents.begin(), exponents.end());
  auto tooWide = [&](int64_t width) {
    reason = "the scales span 2^" + std::to_string(*low) + " to 2^" +
             std::to_string(*high) + ", which needs " + std::to_string(width) +
             " bits in one type (at most 64)";
    return FixedType();
  };
  // Every channel's integers in units of the finest scale 2^low: shifted
  // left by the channel's distance from it. Ranges are at most 32-bit, so a
  // span up to 64 stays inside 128-bit arithmetic; a wider one cannot fit.
  const int span = *high - *low;
  if (span > 64)
    return tooWide(span + 1);
  using Wide = __int128;
  Wide lowRaw = 0, highRaw = 0;
  for (size_t c = 0; c < ranges.size(); ++c) {
    const Wide unit = Wide(1) << (exponents[c] - *low);
    lowRaw = std::min(lowRaw, Wide(ranges[c].first) * unit);
    highRaw = std::max(highRaw, Wide(ranges[c].second) * unit);
  }
  // The narrowest two's complement (or, with no negative value, unsigned)
  // width holding [lowRaw, highRaw].
  const bool isSigned = lowRaw < 0;
  int64_t width = 1;
  while (isSigned ? (lowRaw < -(Wide(1) << (width - 1)) ||
                     highRaw > (Wide(1) << (width - 1)) - 1)
                  : highRaw > (Wide(1) << width) - 1)
    ++width;
  if (width > 64)
    return tooWide(width);
  return FixedType::get(context, unsigned(width), int(width + *low),
                        isSigned);
}

FixedType nn::onnx_import::scaledIntegerType(MLIRContext *context,
                                             ArrayRef<int> exponents,
                                             int64_t bits, bool isSigned,
                                             std::string &reason) {
  return scaledRangeType(context, exponents,
                         std::vector<std::pair<int64_t, int64_t>>(
                             exponents.size(), integerRange(bits, isSigned)),
                         reason);
}

std::pair<int64_t, int64_t> nn::onnx_import::integerRange(int64_t bits,
                                                          bool isSigned) {
  if (!isSigned)
    return {0, (int64_t(1) << bits) - 1};
  return {-(int64_t(1) << (bits - 1)), (int64_t(1) << (bits - 1)) - 1};
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
    if (!powerOfTwoExponents(*params, reason)) {
      // The pair becomes the identity: what the float network then misses
      // is the pair's rounding (half a step) and its saturation.
      auto [low, high] = zeroPointRanges(*params).front();
      const double scale = params->scales.front();
      char what[256];
      std::snprintf(what, sizeof(what),
                    "this QuantizeLinear/DequantizeLinear pair (the identity "
                    "instead differs from it by at most %.6g, half its step, "
                    "inside [%.6g, %.6g], where it saturates)",
                    scale / 2, double(low) * scale, double(high) * scale);
      warnNoFixedType(ctx, reason, what);
    }
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
    if (pending.value)
      return importActivationPair(ctx, *params, pending.value);
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
  const auto [low, high] = rangeOfType(dataType);
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

//===----------------------------------------------------------------------===//
// Casts of quantized tensors
//===----------------------------------------------------------------------===//

void nn::onnx_import::dropQuantizedCasts(onnx::ModelProto &model) {
  onnx::GraphProto &graph = *model.mutable_graph();
  // The element type of each constant (initializers, Constant nodes).
  llvm::StringMap<int32_t> constantTypes;
  for (const onnx::TensorProto &tensor : graph.initializer())
    constantTypes[tensor.name()] = tensor.data_type();
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1)
      for (const onnx::AttributeProto &attr : node.attribute())
        if (attr.name() == "value" && attr.has_t())
          constantTypes[node.output(0)] = attr.t().data_type();
  // The integer type of each QuantizeLinear output: its zero point's, or
  // uint8 without one (ONNX's default).
  llvm::StringMap<int32_t> quantized;
  for (const onnx::NodeProto &node : graph.node()) {
    if (node.op_type() != "QuantizeLinear" ||
        !(node.domain().empty() || node.domain() == "ai.onnx") ||
        node.output_size() < 1)
      continue;
    int32_t type = onnx::TensorProto::UINT8;
    if (node.input_size() > 2 && !node.input(2).empty()) {
      auto it = constantTypes.find(node.input(2));
      if (it == constantTypes.end())
        continue; // the DequantizeLinear importer names the problem
      type = it->second;
    }
    quantized[node.output(0)] = type;
  }
  llvm::StringSet<> graphOutputs;
  for (const onnx::ValueInfoProto &output : graph.output())
    graphOutputs.insert(output.name());
  // A Cast to the type it already has, of a QuantizeLinear output, is the
  // identity: its readers read the QuantizeLinear output instead.
  llvm::StringMap<std::string> renamed;
  google::protobuf::RepeatedPtrField<onnx::NodeProto> kept;
  for (onnx::NodeProto &node : *graph.mutable_node()) {
    for (std::string &input : *node.mutable_input())
      if (auto it = renamed.find(input); it != renamed.end())
        input = it->second;
    if (node.op_type() == "Cast" &&
        (node.domain().empty() || node.domain() == "ai.onnx") &&
        node.input_size() == 1 && node.output_size() == 1 &&
        !graphOutputs.contains(node.output(0))) {
      auto q = quantized.find(node.input(0));
      const onnx::AttributeProto *to = nullptr;
      for (const onnx::AttributeProto &attr : node.attribute())
        if (attr.name() == "to" && attr.type() == onnx::AttributeProto::INT)
          to = &attr;
      if (q != quantized.end() && to && to->i() == q->second) {
        renamed[node.output(0)] = node.input(0);
        continue;
      }
    }
    *kept.Add() = std::move(node);
  }
  graph.mutable_node()->Swap(&kept);
}
