//===- QuantizePrecisions.cpp - nn-quantize: precisions -------------------===//
//
// How --nn-quantize chooses one precision: a float constant quantized to a
// fixed type, a layer's result precision (configuration, the model's own
// QDQ record nn.qdq_type, calibration) and a parameter's precision. Every
// rule file and the driver's dispatch ask these; docs/Quantization.md
// documents the order of the sources.
//
//===----------------------------------------------------------------------===//

#include "QuantizePass.h"

#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/IR/FixedRaws.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace nn;
using namespace nn::quantize;

/// Reads a floating-point constant as doubles: dense<...> of any float
/// type, or an f32/f64 dense_resource blob (read in place).
std::optional<SmallVector<double>>
nn::quantize::readFloats(ConstantOp constant) {
  SmallVector<double> values;
  if (auto dense = llvm::dyn_cast<DenseElementsAttr>(constant.getValue())) {
    if (!llvm::isa<FloatType>(dense.getElementType()))
      return std::nullopt;
    if (dense.isSplat()) {
      APFloat value = dense.getSplatValue<APFloat>();
      bool losesInfo = false;
      value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      values.push_back(value.convertToDouble());
      return values;
    }
    values.reserve(dense.getNumElements());
    for (APFloat value : dense.getValues<APFloat>()) {
      bool losesInfo = false;
      value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      values.push_back(value.convertToDouble());
    }
    return values;
  }
  if (auto f32 = llvm::dyn_cast<DenseF32ResourceElementsAttr>(
          constant.getValue())) {
    std::optional<ArrayRef<float>> data = f32.tryGetAsArrayRef();
    if (!data)
      return std::nullopt;
    values.assign(data->begin(), data->end());
    return values;
  }
  if (auto f64 = llvm::dyn_cast<DenseF64ResourceElementsAttr>(
          constant.getValue())) {
    std::optional<ArrayRef<double>> data = f64.tryGetAsArrayRef();
    if (!data)
      return std::nullopt;
    values.assign(data->begin(), data->end());
    return values;
  }
  return std::nullopt;
}

FailureOr<Value> QuantizePass::quantizeConstant(ConstantOp constant,
                                                FixedType type) {
  auto key = std::make_pair(constant.getOperation(), Type(type));
  if (Value done = quantized.lookup(key))
    return done;
  std::optional<SmallVector<double>> values = readFloats(constant);
  if (!values)
    return constant.emitError("constant '")
           << layerName(constant.getLoc())
           << "': cannot read its values for quantization (dense floats or "
              "f32/f64 dense_resource blobs are read)";
  fx::Format format = type.getFormat();
  RankedTensorType floatType = constant.getType();
  unsigned width = type.getWidth();
  auto rawType = RankedTensorType::get(
      floatType.getShape(), IntegerType::get(&getContext(), width));
  auto resultType = RankedTensorType::get(floatType.getShape(), type);

  OpBuilder builder(constant);
  builder.setInsertionPointAfter(constant);
  ElementsAttr rawValue;
  if (auto resource =
          llvm::dyn_cast<DenseResourceElementsAttr>(constant.getValue())) {
    // A blob stays a blob (nn/Dialect/NN/IR/FixedRaws.h).
    std::vector<int64_t> raws;
    raws.reserve(values->size());
    for (double value : *values)
      raws.push_back(fx::quantize(value, format));
    std::vector<char> data = encodeRawBlob(raws, width);
    std::string name = resource.getRawHandle().getKey().str() + "_q";
    rawValue = DenseResourceElementsAttr::get(
        rawType, name,
        HeapAsmResourceBlob::allocateAndCopyWithAlign(
            ArrayRef<char>(data), rawStorageBytes(width)));
  } else {
    auto toAPInt = [&](double value) {
      int64_t raw = fx::quantize(value, format);
      return APInt(width, static_cast<uint64_t>(raw),
                   /*isSigned=*/format.isSigned);
    };
    auto dense = llvm::cast<DenseElementsAttr>(constant.getValue());
    if (dense.isSplat()) {
      rawValue = DenseElementsAttr::get(rawType, toAPInt(values->front()));
    } else {
      SmallVector<APInt> raws;
      raws.reserve(values->size());
      for (double value : *values)
        raws.push_back(toAPInt(value));
      rawValue = DenseElementsAttr::get(rawType, raws);
    }
  }
  Value result =
      ConstantOp::create(builder, constant.getLoc(), resultType, rawValue);
  quantized[key] = result;
  return result;
}

//===----------------------------------------------------------------------===//
// Explicit model precisions (nn.qdq_type) and calibration
//===----------------------------------------------------------------------===//

static std::string formatReal(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", value);
  return text;
}

/// The fixed type of an nn.qdq_type attribute, or null.
static FixedType qdqType(Attribute attr) {
  auto typeAttr = llvm::dyn_cast_or_null<TypeAttr>(attr);
  return typeAttr ? llvm::dyn_cast<FixedType>(typeAttr.getValue()) : nullptr;
}

/// `base` with the integer bits calibration chooses for `range`, and why;
/// `base` itself when the range has no nonzero value.
static FailureOr<Chosen<hls::Precision>>
calibrate(Location loc, StringRef name, const Chosen<hls::Precision> &base,
          const calib::Range &range, int64_t samples, int margin,
          const char *what) {
  fx::Format format = base.value.format;
  std::string observed = "range [" + formatReal(range.empty() ? 0 : range.min) +
                         ", " + formatReal(range.empty() ? 0 : range.max) +
                         "]" +
                         (samples ? " over " + std::to_string(samples) +
                                        " samples"
                                  : std::string(" of the values"));
  std::optional<int> intWidth =
      calib::calibratedIntWidth(range, format.isSigned, margin);
  if (!intWidth)
    return Chosen<hls::Precision>{
        base.value, "calibration: " + observed + " has no " +
                        (format.isSigned ? "nonzero" : "positive") +
                        " value; " + what + " kept from " + base.source};
  if (*intWidth < -1024 || *intWidth > 1024)
    return emitError(loc, "layer '")
           << name << "': calibration needs " << *intWidth
           << " integer bits for the " << observed
           << ", beyond the [-1024, 1024] of !nn.fixed";
  int needed = *intWidth - margin;
  format.intWidth = *intWidth;
  std::string why = "calibration: " + observed + " needs I = " +
                    std::to_string(needed);
  if (margin)
    why += " + margin " + std::to_string(margin) + " = " +
           std::to_string(*intWidth);
  why += "; W = " + std::to_string(format.width) + " from " + base.source;
  return Chosen<hls::Precision>{hls::Precision{false, format}, why};
}

FailureOr<Chosen<hls::Precision>>
QuantizePass::resultPrecision(Location loc, const Levels &levels,
                              Attribute qdqHint, const calib::Range *range,
                              LayerReport &report) {
  Chosen<hls::Precision> configured = levels.precision(Var::Result);
  if (levels.setByName(Var::Result))
    return configured;
  if (qdqHint) {
    FixedType type = qdqType(qdqHint);
    if (!type)
      return emitError(loc, "layer '")
             << report.name << "': " << kQdqTypeAttrName
             << " must be a fixed-point type, got " << qdqHint;
    return Chosen<hls::Precision>{hls::Precision{false, type.getFormat()},
                                  "QDQ: nn.qdq_type from the model"};
  }
  if (!range)
    return configured; // may be auto: the caller resolves it
  if (configured.value.isAuto)
    configured = levels.fallback();
  report.range = *range;
  report.rangeSamples = ranges ? ranges->samples : 0;
  return calibrate(loc, report.name, configured, *range, report.rangeSamples,
                   calibrationMargin(), "I");
}

FailureOr<Chosen<hls::Precision>>
QuantizePass::parameterPrecision(ConstantOp constant, Var role,
                                 const Levels &levels, LayerReport &report) {
  Chosen<hls::Precision> configured = levels.precision(role);
  if (levels.setByName(role))
    return configured;
  if (Attribute hint = constant->getAttr(kQdqTypeAttrName)) {
    FixedType type = qdqType(hint);
    if (!type)
      return constant.emitError("weight '")
             << layerName(constant.getLoc()) << "': " << kQdqTypeAttrName
             << " must be a fixed-point type, got " << hint;
    return Chosen<hls::Precision>{hls::Precision{false, type.getFormat()},
                                  "QDQ: nn.qdq_type from the model"};
  }
  // "auto" weights and biases (hls4ml: inferred only from a quantizer,
  // which is nn.qdq_type above) take the default precision.
  configured = levels.resolveAuto(configured);
  if (!ranges)
    return configured;
  // Parameters are known exactly: their own range, without a margin.
  std::optional<SmallVector<double>> values = readFloats(constant);
  if (!values)
    return configured;
  calib::Range range;
  for (double value : *values)
    range.add(value);
  return calibrate(constant.getLoc(), report.name, configured, range,
                   /*samples=*/0, /*margin=*/0, hls::varName(role));
}

