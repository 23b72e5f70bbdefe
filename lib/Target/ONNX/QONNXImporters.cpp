//===- QONNXImporters.cpp - QONNX Quant, BipolarQuant, Trunc --------------===//
//
// QONNX (the format hls4ml reads from Brevitas and, through qonnx, from
// QKeras) writes its quantizers as custom-domain nodes: Quant (renamed
// IntQuant in newer qonnx), BipolarQuant and Trunc. As for QDQ pairs
// (QDQImporters.cpp), the network stays float32 and an exact quantizer
// becomes an nn.qdq_type that --nn-quantize takes as an explicit precision
// (docs/ONNXImport.md, "QONNX models"):
//
// - Quant(x, scale, zeropt, bitwidth; signed, narrow, rounding_mode):
//   y = (clamp(round(x / scale + zeropt), min, max) - zeropt) * scale.
//   With scale = 2^k and zeropt = 0 this is a cast to
//   ap_[u]fixed<bitwidth, bitwidth + k, Q, O>, where Q is the rounding mode
//   (ROUND = AP_RND_CONV, FLOOR = AP_TRN, DOWN/ROUND_TO_ZERO = AP_TRN_ZERO,
//   HALF_UP = AP_RND_INF, HALF_DOWN = AP_RND_ZERO) and O is AP_SAT, or
//   AP_SAT_SYM for a signed narrow range. Of a constant (weights), the
//   importer computes the quantized values and records the type that holds
//   them (per-channel scales widen it); of an activation, the node is the
//   identity and the type is recorded on the value's producer.
// - BipolarQuant(x, scale): +scale where x >= 0, else -scale. Of a
//   constant: the values, typed ap_fixed<2, k + 2>.
//
// Not exact in fixed point, hence warned about and imported in float32
// without a precision: a scale that is not a power of two, a nonzero zero
// point, CEIL and UP rounding, an unsigned narrow range. Rejected with a
// reason: per-channel quantization of an activation, BipolarQuant of an
// activation (a sign activation nn has no layer for), Trunc of a constant
// and qonnx's older 5-input Trunc.
// - Trunc(x, scale, zeropt, in_bitwidth, out_scale, out_bitwidth): see
//   importTrunc; with power-of-two scales and no zero point, two casts.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {

/// How Quant rounds x / scale + zeropt, and the ap_fixed mode doing the same
/// (none for CEIL and UP).
struct QuantRounding {
  double (*round)(double);
  std::optional<RoundingMode> apMode;
};

std::optional<QuantRounding> parseRounding(StringRef name) {
  std::string mode = name.upper();
  if (mode == "ROUND") // numpy's round: ties to even
    return QuantRounding{[](double v) { return std::nearbyint(v); },
                         RoundingMode::RND_CONV};
  if (mode == "FLOOR")
    return QuantRounding{[](double v) { return std::floor(v); },
                         RoundingMode::TRN};
  if (mode == "CEIL")
    return QuantRounding{[](double v) { return std::ceil(v); }, std::nullopt};
  if (mode == "DOWN" || mode == "ROUND_TO_ZERO")
    return QuantRounding{[](double v) { return std::trunc(v); },
                         RoundingMode::TRN_ZERO};
  if (mode == "UP")
    return QuantRounding{
        [](double v) { return v < 0 ? std::floor(v) : std::ceil(v); },
        std::nullopt};
  if (mode == "HALF_UP") // ties away from zero
    return QuantRounding{[](double v) { return std::round(v); },
                         RoundingMode::RND_INF};
  if (mode == "HALF_DOWN") // ties toward zero
    return QuantRounding{[](double v) {
                           double r = std::round(v);
                           return std::fabs(r - v) == 0.5 ? std::trunc(v) : r;
                         },
                         RoundingMode::RND_ZERO};
  return std::nullopt;
}

/// A constant input of a quantizer (scale, zero point, bit width) as floats,
/// from a float or an integer tensor.
FailureOr<std::vector<float>> readParameter(NodeContext &ctx, unsigned i,
                                            StringRef what) {
  const onnx::TensorProto *tensor = ctx.constantInput(i);
  if (!tensor) {
    ctx.emitError() << "the " << what << " (input " << i << ") "
                    << (ctx.hasInput(i) ? "must be a constant" : "is missing");
    return failure();
  }
  auto emitError = [&] { return ctx.emitError() << "the " << what << ": "; };
  std::vector<float> values;
  if (tensor->data_type() == onnx::TensorProto::FLOAT ||
      tensor->data_type() == onnx::TensorProto::DOUBLE) {
    FailureOr<std::vector<float>> floats =
        readTensorFloats(*tensor, ctx.getGraph().getModelDir(), emitError);
    if (failed(floats))
      return failure();
    values = std::move(*floats);
  } else {
    FailureOr<SmallVector<int64_t>> ints =
        readTensorInts(*tensor, ctx.getGraph().getModelDir(), emitError);
    if (failed(ints))
      return failure();
    values.assign(ints->begin(), ints->end());
  }
  if (values.empty()) {
    emitError() << "is empty";
    return failure();
  }
  return values;
}

/// The shape of constant input `i`.
SmallVector<int64_t> shapeOf(const onnx::TensorProto &tensor) {
  return SmallVector<int64_t>(tensor.dims().begin(), tensor.dims().end());
}

/// Maps each element of a tensor of `shape` to the element of a parameter of
/// `paramShape` that numpy broadcasting pairs it with; fails when the shapes
/// do not broadcast.
FailureOr<std::vector<size_t>> broadcastIndex(ArrayRef<int64_t> shape,
                                              ArrayRef<int64_t> paramShape) {
  if (paramShape.size() > shape.size())
    return failure();
  size_t offset = shape.size() - paramShape.size();
  for (size_t d = 0; d < paramShape.size(); ++d)
    if (paramShape[d] != 1 && paramShape[d] != shape[offset + d])
      return failure();
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  std::vector<size_t> index(size_t(count), 0);
  for (int64_t flat = 0; flat < count; ++flat) {
    int64_t rest = flat, paramFlat = 0, paramStride = 1;
    for (size_t d = shape.size(); d-- > 0;) {
      int64_t coordinate = rest % shape[d];
      rest /= shape[d];
      if (d >= offset) {
        int64_t pd = paramShape[d - offset];
        if (pd != 1)
          paramFlat += coordinate * paramStride;
        paramStride *= pd;
      }
    }
    index[size_t(flat)] = size_t(paramFlat);
  }
  return index;
}

/// Constant input 0 quantized element by element: quantize(x, scale, zero
/// point), each element with the parameters numpy broadcasting pairs it
/// with. `scales` and `zeroPoints` are the values of inputs 1 and 2 as
/// readParameter() read them; no zero points: 0 (BipolarQuant has none).
FailureOr<std::vector<float>>
quantizeConstant(NodeContext &ctx, const onnx::TensorProto &constant,
                 ArrayRef<float> scales, ArrayRef<float> zeroPoints,
                 function_ref<float(float, float, float)> quantize) {
  SmallVector<int64_t> shape = shapeOf(constant);
  const float noZeroPoint = 0.0f;
  ArrayRef<float> paramValues[2] = {scales, zeroPoints};
  if (zeroPoints.empty())
    paramValues[1] = noZeroPoint;
  std::vector<size_t> index[2];
  for (unsigned p = 0; p < 2; ++p) {
    if (p == 1 && zeroPoints.empty())
      continue;
    FailureOr<std::vector<size_t>> paired =
        broadcastIndex(shape, shapeOf(*ctx.constantInput(1 + p)));
    if (failed(paired)) {
      ctx.emitError() << "the " << (p == 0 ? "scale" : "zero point")
                      << " does not broadcast to the shape of '"
                      << ctx.node().input(0) << "'";
      return failure();
    }
    index[p] = std::move(*paired);
  }
  FailureOr<std::vector<float>> x = readTensorFloats(
      constant, ctx.getGraph().getModelDir(), [&] {
        return ctx.emitError() << "tensor '" << ctx.node().input(0) << "': ";
      });
  if (failed(x))
    return failure();
  std::vector<float> values(x->size());
  auto param = [&](int p, size_t i) {
    return paramValues[p][index[p].empty() ? 0 : index[p][i]];
  };
  for (size_t i = 0; i < x->size(); ++i)
    values[i] = quantize((*x)[i], param(0, i), param(1, i));
  return values;
}

/// A float as the QDQ importer prints one (every digit of a float32).
std::string printed(float value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", double(value));
  return text;
}

/// log2 of every scale when all are powers of two and every zero point is 0;
/// otherwise the reason (for the warning).
std::optional<std::vector<int>>
powerOfTwoScales(ArrayRef<float> scales, ArrayRef<float> zeroPoints,
                 std::string &reason) {
  for (float zp : zeroPoints)
    if (zp != 0) {
      reason = "zero point " + printed(zp) + " is not 0";
      return std::nullopt;
    }
  std::vector<int> exponents;
  for (float s : scales) {
    int e = 0;
    if (std::frexp(s, &e) != 0.5f) {
      reason = "scale " + printed(s) + " is not a power of two";
      return std::nullopt;
    }
    exponents.push_back(e - 1);
  }
  return exponents;
}

LogicalResult checkScales(NodeContext &ctx, ArrayRef<float> scales) {
  for (float s : scales)
    if (!(s > 0) || !std::isfinite(s)) {
      ctx.emitError() << "scale " << printed(s)
                      << " is not a positive finite number";
      return failure();
    }
  return success();
}

/// One integer bit width (inputs 3 and 5 of Trunc, 3 of Quant) in [1, 32].
FailureOr<int64_t> readBitWidth(NodeContext &ctx, unsigned i, StringRef what) {
  FailureOr<std::vector<float>> bitWidths = readParameter(ctx, i, what);
  if (failed(bitWidths))
    return failure();
  float bitWidth = bitWidths->front();
  if (bitWidths->size() != 1 || bitWidth != std::floor(bitWidth) ||
      bitWidth < 1 || bitWidth > 32) {
    ctx.emitError() << "the " << what << " must be one integer in [1, 32], got "
                    << printed(bitWidth)
                    << (bitWidths->size() != 1 ? " (and more values)" : "");
    return failure();
  }
  return int64_t(bitWidth);
}

/// What Quant and Trunc share: attributes signed, narrow and rounding_mode,
/// inputs 1 (scale) and 2 (zero point), checked in this order.
struct QuantizerHead {
  bool isSigned, narrow;
  std::string modeName;
  QuantRounding rounding;
  std::vector<float> scales, zeroPoints;
};

FailureOr<QuantizerHead> readQuantizerHead(NodeContext &ctx,
                                           StringRef defaultRounding) {
  int64_t isSignedAttr = ctx.getInt("signed", 1);
  int64_t narrowAttr = ctx.getInt("narrow", 0);
  if ((isSignedAttr != 0 && isSignedAttr != 1) ||
      (narrowAttr != 0 && narrowAttr != 1)) {
    ctx.emitError() << "attributes 'signed' and 'narrow' must be 0 or 1, got "
                    << isSignedAttr << " and " << narrowAttr;
    return failure();
  }
  std::string modeName = ctx.getString("rounding_mode", defaultRounding.str());
  std::optional<QuantRounding> rounding = parseRounding(modeName);
  if (!rounding) {
    ctx.emitError() << "rounding_mode '" << modeName
                    << "' is not one of ROUND, CEIL, FLOOR, UP, DOWN, "
                       "HALF_UP, HALF_DOWN, ROUND_TO_ZERO";
    return failure();
  }
  FailureOr<std::vector<float>> scales = readParameter(ctx, 1, "scale");
  if (failed(scales) || failed(checkScales(ctx, *scales)))
    return failure();
  FailureOr<std::vector<float>> zeroPoints =
      readParameter(ctx, 2, "zero point");
  if (failed(zeroPoints))
    return failure();
  return QuantizerHead{isSignedAttr != 0, narrowAttr != 0, modeName,
                       *rounding, std::move(*scales), std::move(*zeroPoints)};
}

LogicalResult importQuant(NodeContext &ctx) {
  FailureOr<QuantizerHead> head = readQuantizerHead(ctx, "ROUND");
  if (failed(head))
    return failure();
  const bool isSigned = head->isSigned, narrow = head->narrow;
  const std::string &modeName = head->modeName;
  const QuantRounding *rounding = &head->rounding;
  const std::vector<float> *scales = &head->scales,
                           *zeroPoints = &head->zeroPoints;
  FailureOr<int64_t> bitWidth = readBitWidth(ctx, 3, "bit width");
  if (failed(bitWidth))
    return failure();
  const int64_t bits = *bitWidth;
  // Quant's integer range (qonnx's min_int and max_int).
  const double low = isSigned ? -std::ldexp(1.0, int(bits) - 1) + narrow : 0;
  const double high = isSigned ? std::ldexp(1.0, int(bits) - 1) - 1
                               : std::ldexp(1.0, int(bits)) - 1 - narrow;

  // Of a constant: the quantized values, exactly as the definition computes
  // them in float32.
  if (const onnx::TensorProto *constant = ctx.constantInput(0)) {
    FailureOr<std::vector<float>> values = quantizeConstant(
        ctx, *constant, *scales, *zeroPoints, [&](float x, float s, float zp) {
          // x / s + zp in float32 as the definition's numpy does; the
          // clamp and the rounding are exact in double.
          double q = std::min(std::max(double(x / s + zp), low), high);
          return quantizedFloat((rounding->round(q) - zp) * s,
                                (low - zp) * s, (high - zp) * s);
        });
    if (failed(values))
      return failure();
    std::string reason;
    FixedType type;
    if (std::optional<std::vector<int>> exponents =
            powerOfTwoScales(*scales, *zeroPoints, reason))
      type = scaledIntegerType(ctx.builder().getContext(), *exponents, bits,
                               isSigned, reason);
    bindQuantizedConstant(ctx, shapeOf(*constant), *values, type, reason,
                          "the quantized constant");
    return success();
  }

  // Of an activation: the identity, with the precision on its producer.
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  ctx.setOutput(0, *x);
  if (scales->size() != 1 || zeroPoints->size() != 1) {
    ctx.emitError() << "per-channel quantization of an activation ("
                    << scales->size() << " scales) is not supported: nn "
                                         "gives a value one precision";
    return failure();
  }
  std::string reason;
  std::optional<std::vector<int>> exponents =
      powerOfTwoScales(*scales, *zeroPoints, reason);
  if (exponents && !rounding->apMode)
    reason = "rounding_mode " + StringRef(modeName).upper() +
             " has no ap_fixed equivalent";
  if (exponents && !isSigned && narrow)
    reason = "an unsigned narrow range [0, 2^" + std::to_string(bits) +
             " - 2] has no ap_fixed equivalent";
  if (!reason.empty()) {
    warnNoFixedType(ctx, reason, "this Quant");
    return success();
  }
  auto type = FixedType::get(
      ctx.builder().getContext(), unsigned(bits),
      int(bits + exponents->front()), isSigned, *rounding->apMode,
      isSigned && narrow ? OverflowMode::SAT_SYM : OverflowMode::SAT);
  return recordActivationType(ctx, *x, type);
}

LogicalResult importBipolarQuant(NodeContext &ctx) {
  FailureOr<std::vector<float>> scales = readParameter(ctx, 1, "scale");
  if (failed(scales) || failed(checkScales(ctx, *scales)))
    return failure();
  const onnx::TensorProto *constant = ctx.constantInput(0);
  if (!constant) {
    ctx.emitError() << "BipolarQuant of an activation (a sign activation, "
                       "+-scale) is not supported: nn imports BipolarQuant "
                       "of constant weights";
    return failure();
  }
  FailureOr<std::vector<float>> values = quantizeConstant(
      ctx, *constant, *scales, {}, [](float x, float s, float) {
        return x >= 0 ? s : -s;
      });
  if (failed(values))
    return failure();
  // +-2^k are the raws +-1 of ap_fixed<2, k + 2> (steps of 2^k).
  std::string reason;
  FixedType type;
  if (std::optional<std::vector<int>> exponents =
          powerOfTwoScales(*scales, {}, reason))
    type = scaledIntegerType(ctx.builder().getContext(), *exponents, 2,
                             /*isSigned=*/true, reason);
  bindQuantizedConstant(ctx, shapeOf(*constant), *values, type, reason,
                        "the quantized constant");
  return success();
}

/// Trunc as qonnx defines it (opset 2, what Brevitas writes after a
/// quantized average pool): Trunc(x, scale, zeropt, in_bitwidth, out_scale,
/// out_bitwidth; rounding_mode = FLOOR, signed = 1, narrow = 0) is
///   y = round_half_even(x / scale + zeropt) / t,  t = 2^round(log2(out_scale
///       / scale)),
///   y = (R(clamp(y, min, max)) - zeropt / t) * out_scale
/// with [min, max] Quant's range of out_bitwidth bits. With scale = 2^k,
/// out_scale = 2^m and zeropt = 0 it is two casts: x to the 2^k grid
/// (round half to even), recorded on x's producer as ap_fixed<Win, Win + k,
/// AP_RND_CONV, AP_SAT>, then to ap_[u]fixed<out_bitwidth, out_bitwidth + m,
/// Q, AP_SAT[_SYM]>, recorded on an nn.clip to [min, max] * 2^m (the value
/// of the node). Win = max(in_bitwidth, out_bitwidth + max(m - k, 0) + 1)
/// reaches past every bound the output saturates to, so saturating the
/// input first changes nothing. The clamp commutes with R because its
/// bounds are integers.
LogicalResult importTrunc(NodeContext &ctx) {
  if (ctx.node().input_size() != 6) {
    ctx.emitError() << "has " << ctx.node().input_size()
                    << " inputs; nn imports qonnx's Trunc with 6 (x, scale, "
                       "zeropt, in_bitwidth, out_scale, out_bitwidth), as "
                       "Brevitas exports it; the 5-input form (no output "
                       "scale) is not supported";
    return failure();
  }
  FailureOr<QuantizerHead> head = readQuantizerHead(ctx, "FLOOR");
  if (failed(head))
    return failure();
  const bool isSigned = head->isSigned, narrow = head->narrow;
  const std::string &modeName = head->modeName;
  const QuantRounding *rounding = &head->rounding;
  const std::vector<float> *scales = &head->scales,
                           *zeroPoints = &head->zeroPoints;
  FailureOr<int64_t> inBits = readBitWidth(ctx, 3, "input bit width");
  if (failed(inBits))
    return failure();
  FailureOr<std::vector<float>> outScales =
      readParameter(ctx, 4, "output scale");
  if (failed(outScales) || failed(checkScales(ctx, *outScales)))
    return failure();
  FailureOr<int64_t> outBits = readBitWidth(ctx, 5, "output bit width");
  if (failed(outBits))
    return failure();
  if (ctx.constantInput(0)) {
    ctx.emitError() << "Trunc of a constant is not supported: nn imports "
                       "Trunc of an activation (Brevitas writes it after a "
                       "quantized average pool)";
    return failure();
  }
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  if (scales->size() != 1 || zeroPoints->size() != 1 ||
      outScales->size() != 1) {
    ctx.emitError() << "per-channel truncation of an activation is not "
                       "supported: nn gives a value one precision";
    return failure();
  }

  std::string reason;
  std::optional<std::vector<int>> in =
      powerOfTwoScales(*scales, *zeroPoints, reason);
  std::optional<std::vector<int>> out =
      in ? powerOfTwoScales(*outScales, {}, reason) : std::nullopt;
  if (out && !rounding->apMode)
    reason = "rounding_mode " + StringRef(modeName).upper() +
             " has no ap_fixed equivalent";
  if (out && !isSigned && narrow)
    reason = "an unsigned narrow range [0, 2^" + std::to_string(*outBits) +
             " - 2] has no ap_fixed equivalent";
  const int k = in ? in->front() : 0, m = out ? out->front() : 0;
  const int64_t inWidth =
      std::max<int64_t>(*inBits, *outBits + std::max(m - k, 0) + 1);
  if (reason.empty() && inWidth > 64)
    reason = "the input needs " + std::to_string(inWidth) +
             " bits (at most 64)";
  if (!reason.empty()) {
    warnNoFixedType(ctx, reason, "this Trunc");
    ctx.setOutput(0, *x);
    return success();
  }
  MLIRContext *context = ctx.builder().getContext();
  auto inType = FixedType::get(context, unsigned(inWidth), int(inWidth + k),
                               /*isSigned=*/true, RoundingMode::RND_CONV,
                               OverflowMode::SAT);
  if (failed(recordActivationType(ctx, *x, inType)))
    return failure();
  auto outType = FixedType::get(
      context, unsigned(*outBits), int(*outBits + m), isSigned,
      *rounding->apMode,
      isSigned && narrow ? OverflowMode::SAT_SYM : OverflowMode::SAT);
  // The float network clamps as the definition does; a bound float32 cannot
  // hold (above 24 bits) is rounded outward, where the type saturates.
  auto [low, high] = integerRange(*outBits, isSigned);
  low += isSigned && narrow;
  auto bound = [&](int64_t raw, float outward) {
    double exact = std::ldexp(double(raw), m);
    float f = float(exact);
    if ((outward > 0 && double(f) < exact) || (outward < 0 && double(f) > exact))
      f = std::nextafter(f, outward);
    return f;
  };
  OpBuilder &b = ctx.builder();
  NamedAttribute attrs[] = {
      b.getNamedAttr("min", b.getF32FloatAttr(bound(low, -INFINITY))),
      b.getNamedAttr("max", b.getF32FloatAttr(bound(high, INFINITY))),
      b.getNamedAttr("nn.qdq_type", TypeAttr::get(outType))};
  ctx.setOutput(0, ClipOp::create(b, ctx.getLoc(), TypeRange{x->getType()},
                                  ValueRange{*x}, ArrayRef<NamedAttribute>(attrs))
                       ->getResult(0));
  return success();
}

} // namespace

bool nn::onnx_import::isQonnxDomain(StringRef domain) {
  // qonnx's own, the older FINN name, and Brevitas's export domain.
  return domain == "qonnx.custom_op.general" ||
         domain == "finn.custom_op.general" || domain == "onnx.brevitas";
}

const llvm::StringMap<OpImportFn> &nn::onnx_import::getQonnxImporters() {
  static const llvm::StringMap<OpImportFn> importers = {
      {"Quant", importQuant},
      {"IntQuant", importQuant},
      {"BipolarQuant", importBipolarQuant},
      {"Trunc", importTrunc},
  };
  return importers;
}
