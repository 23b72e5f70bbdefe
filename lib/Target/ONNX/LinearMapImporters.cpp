//===- LinearMapImporters.cpp - layers imported as a dense layer ----------===//
//
// nn has no transposed-convolution or interpolating-resize op yet. Both
// are linear maps of their whole input, so they import exactly as a dense
// layer on the flattened input: nn.flatten(x) -> nn.dense(W', B') ->
// nn.reshape, W' [outputs, inputs] holding each input's coefficient in
// each output (mostly zeros). The dense layer quantizes (weight, bias,
// accum, result), chooses its reuse factor and lowers like any dense
// layer, bit for bit through C simulation; the cost model drops the zero
// weights as the HLS tool does. The price is the matrix, bounded by
// kMaxDenseWeights (an error naming the node beyond). docs/ONNXImport.md
// states the limits.
//
// ConvTranspose: per spatial axis,
//   y[co, o] = B[co] + sum over ci, i with o = i * s + k * d - pad_begin of
//              x[ci, i] * W[ci, co, k],
// one tap per (input, output) pair, so W' holds W's own float values.
// Resize, mode linear: per spatial axis an interpolation matrix A [out,
// in] (ONNX's coordinate transformation, the source coordinate clamped to
// [0, in - 1], two neighbours weighted by the distance); W' is the
// product of the axes' matrices per channel (in double, rounded once).
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include <algorithm>
#include <cmath>
#include <optional>

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {
/// The largest dense weight matrix a layer becomes (4 Mi entries, 16 MiB
/// of float32).
constexpr int64_t kMaxDenseWeights = int64_t(1) << 22;

/// Whether a [rows, cols] weight matrix is within kMaxDenseWeights; an
/// error naming the node otherwise.
LogicalResult checkDenseSize(NodeContext &ctx, int64_t rows, int64_t cols) {
  if (cols <= kMaxDenseWeights / std::max<int64_t>(rows, 1))
    return success();
  ctx.emitError() << "as a dense layer (nn has no "
                  << ctx.node().op_type() << " op yet) it needs a " << rows
                  << " x " << cols << " weight matrix, more than the "
                  << kMaxDenseWeights << " entries nn builds";
  return failure();
}

/// Binds the node's output to reshape(dense(flatten(x), weight, bias)):
/// the dense keeps the node's location (its layer name), the flatten and
/// the reshape, which only move data, are named <layer>_flatten and
/// <layer>_reshape.
void bindDenseForm(NodeContext &ctx, Value x, RankedTensorType yType,
                   ArrayRef<float> weight, ArrayRef<float> bias) {
  OpBuilder &builder = ctx.builder();
  Location loc = ctx.getLoc();
  auto xType = llvm::cast<RankedTensorType>(x.getType());
  Type f32 = xType.getElementType();
  int64_t n = xType.getDimSize(0);
  int64_t inCount = xType.getNumElements() / std::max<int64_t>(n, 1);
  int64_t outCount = int64_t(bias.size());
  std::string name = getLayerName(loc);
  auto named = [&](const std::string &suffix, Location base) -> Location {
    return NameLoc::get(builder.getStringAttr(name + suffix), base);
  };
  Value flat = FlattenOp::create(builder, named("_flatten", loc),
                                 RankedTensorType::get({n, inCount}, f32), x,
                                 builder.getI64IntegerAttr(1));
  Location fileLoc = ctx.getGraph().fileLoc();
  Value w = ctx.getGraph().createFloatConstant(
      named(".weight", fileLoc), name + ".weight", {outCount, inCount}, weight);
  Value b = ctx.getGraph().createFloatConstant(
      named(".bias", fileLoc), name + ".bias", {outCount}, bias);
  Value y = DenseOp::create(builder, loc,
                            RankedTensorType::get({n, outCount}, f32), flat,
                            w, b);
  ctx.setOutput(0, ReshapeOp::create(builder, named("_reshape", loc), yType, y));
}
} // namespace

LogicalResult nn::onnx_import::importConvTranspose(NodeContext &ctx) {
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  auto xType = llvm::cast<RankedTensorType>(x->getType());
  if (xType.getRank() != 3 && xType.getRank() != 4) {
    ctx.emitError() << "input has rank " << xType.getRank()
                    << "; nn supports 1-D and 2-D (rank 3 and 4) inputs";
    return failure();
  }
  const size_t rank = size_t(xType.getRank() - 2);
  if (ctx.getInt("group", 1) != 1) {
    ctx.emitError() << "group = " << ctx.getInt("group", 1)
                    << " is not supported; nn imports ConvTranspose with "
                       "group = 1";
    return failure();
  }
  std::string autoPad = ctx.getString("auto_pad", "NOTSET");
  if (autoPad != "NOTSET" || ctx.hasAttr("output_shape")) {
    ctx.emitError() << "auto_pad and output_shape are not supported; give "
                       "pads (and output_padding) explicitly, as PyTorch "
                       "exports nn.ConvTranspose";
    return failure();
  }
  const onnx::TensorProto *wTensor = ctx.constantInput(1);
  if (!wTensor) {
    ctx.emitError() << "the weight (input 1) must be a constant (an "
                       "initializer): nn maps it to the weights of a dense "
                       "layer";
    return failure();
  }
  FailureOr<std::vector<float>> w = ctx.constantFloats(1, "the weight");
  if (failed(w))
    return failure();
  if (size_t(wTensor->dims_size()) != rank + 2 ||
      wTensor->dims(0) != xType.getDimSize(1)) {
    ctx.emitError() << "the weight must be [C_in, C_out, kernel...] with "
                    << xType.getDimSize(1) << " input channels";
    return failure();
  }
  const int64_t cin = wTensor->dims(0), cout = wTensor->dims(1);
  SmallVector<int64_t> kernel;
  for (size_t d = 0; d < rank; ++d)
    kernel.push_back(wTensor->dims(int(d) + 2));
  auto ints = [&](StringRef name, size_t count, int64_t fill) {
    return ctx.getInts(name).value_or(SmallVector<int64_t>(count, fill));
  };
  SmallVector<int64_t> strides = ints("strides", rank, 1),
                       dilations = ints("dilations", rank, 1),
                       pads = ints("pads", 2 * rank, 0),
                       outPad = ints("output_padding", rank, 0);
  if (strides.size() != rank || dilations.size() != rank ||
      pads.size() != 2 * rank || outPad.size() != rank) {
    ctx.emitError() << "strides, dilations and output_padding must have "
                    << rank << " values, pads " << 2 * rank;
    return failure();
  }
  std::vector<float> bias(size_t(cout), 0.0f);
  if (ctx.hasInput(2)) {
    FailureOr<std::vector<float>> b = ctx.constantFloats(2, "the bias");
    if (failed(b))
      return failure();
    if (int64_t(b->size()) != cout) {
      ctx.emitError() << "the bias has " << b->size() << " values, expected "
                      << cout << " (the output channels)";
      return failure();
    }
    bias = *b;
  }
  FailureOr<RankedTensorType> yType = ctx.outputType(0);
  if (failed(yType))
    return failure();
  // ONNX's output size, checked against shape inference's.
  SmallVector<int64_t> in(xType.getShape().drop_front(2)), out;
  for (size_t d = 0; d < rank; ++d) {
    if (strides[d] < 1 || dilations[d] < 1 || kernel[d] < 1) {
      ctx.emitError() << "strides, dilations and the kernel must be positive";
      return failure();
    }
    out.push_back(strides[d] * (in[d] - 1) + outPad[d] +
                  (kernel[d] - 1) * dilations[d] + 1 - pads[d] -
                  pads[d + rank]);
  }
  if (ArrayRef<int64_t>(out) != yType->getShape().drop_front(2) ||
      yType->getDimSize(1) != cout) {
    ctx.emitError() << "output shape " << formatShape(yType->getShape())
                    << " differs from the one the attributes give";
    return failure();
  }
  int64_t inCount = cin, outCount = cout;
  for (size_t d = 0; d < rank; ++d) {
    inCount *= in[d];
    outCount *= out[d];
  }
  if (failed(checkDenseSize(ctx, outCount, inCount)))
    return failure();
  // 1-D is 2-D with a height of 1.
  const int64_t h = rank == 2 ? in[0] : 1, wd = in[rank - 1];
  const int64_t oh = rank == 2 ? out[0] : 1, ow = out[rank - 1];
  const int64_t kh = rank == 2 ? kernel[0] : 1, kw = kernel[rank - 1];
  const int64_t sh = rank == 2 ? strides[0] : 1, sw = strides[rank - 1];
  const int64_t dh = rank == 2 ? dilations[0] : 1, dw = dilations[rank - 1];
  const int64_t ph = rank == 2 ? pads[0] : 0, pw = pads[rank - 1];
  std::vector<float> dense(size_t(outCount * inCount), 0.0f), denseBias;
  for (int64_t co = 0; co < cout; ++co)
    denseBias.insert(denseBias.end(), size_t(oh * ow), bias[size_t(co)]);
  for (int64_t ci = 0; ci < cin; ++ci)
    for (int64_t ih = 0; ih < h; ++ih)
      for (int64_t iw = 0; iw < wd; ++iw)
        for (int64_t co = 0; co < cout; ++co)
          for (int64_t a = 0; a < kh; ++a)
            for (int64_t b = 0; b < kw; ++b) {
              int64_t o1 = ih * sh + a * dh - ph, o2 = iw * sw + b * dw - pw;
              if (o1 < 0 || o1 >= oh || o2 < 0 || o2 >= ow)
                continue;
              int64_t row = (co * oh + o1) * ow + o2;
              int64_t col = (ci * h + ih) * wd + iw;
              dense[size_t(row * inCount + col)] =
                  (*w)[size_t(((ci * cout + co) * kh + a) * kw + b)];
            }
  bindDenseForm(ctx, *x, *yType, dense, denseBias);
  return success();
}

namespace {
/// ONNX Resize's source coordinate of output index `o` along an axis of
/// `in` elements resized to `out` with `scale`, or nullopt for a mode
/// without one here.
std::optional<double> sourceCoordinate(StringRef mode, int64_t o, int64_t in,
                                       int64_t out, double scale) {
  if (mode == "half_pixel")
    return (double(o) + 0.5) / scale - 0.5;
  if (mode == "pytorch_half_pixel")
    return out > 1 ? (double(o) + 0.5) / scale - 0.5 : 0.0;
  if (mode == "align_corners")
    return out > 1 ? double(o) * double(in - 1) / double(out - 1) : 0.0;
  if (mode == "asymmetric")
    return double(o) / scale;
  return std::nullopt;
}
} // namespace

LogicalResult nn::onnx_import::importLinearResize(NodeContext &ctx) {
  std::string transform =
      ctx.getString("coordinate_transformation_mode", "half_pixel");
  FailureOr<Value> x = ctx.input(0);
  FailureOr<RankedTensorType> yType = ctx.outputType(0);
  if (failed(x) || failed(yType))
    return failure();
  auto xType = llvm::cast<RankedTensorType>(x->getType());
  const int64_t rank = xType.getRank();
  if (rank != 3 && rank != 4) {
    ctx.emitError() << "mode 'linear' on an input of rank " << rank
                    << "; nn supports 1-D and 2-D (rank 3 and 4) inputs";
    return failure();
  }
  for (int64_t d : {0, 1})
    if (yType->getDimSize(d) != xType.getDimSize(d)) {
      ctx.emitError() << "mode 'linear' resizes dimension " << d
                      << " (batch or channels); nn interpolates the spatial "
                         "dimensions only";
      return failure();
    }
  // The scales ONNX's coordinates use: input 2 when given, else out / in.
  std::vector<float> scales;
  if (ctx.hasInput(2)) {
    FailureOr<std::vector<float>> given = ctx.constantFloats(2, "scales");
    if (failed(given))
      return failure();
    scales = *given;
  }
  const int64_t channels = xType.getDimSize(1);
  SmallVector<std::vector<double>> axes; // A [out, in] per spatial axis
  SmallVector<int64_t> ins, outs;
  for (int64_t d = 2; d < rank; ++d) {
    int64_t in = xType.getDimSize(d), out = yType->getDimSize(d);
    double scale = scales.size() == size_t(rank) ? double(scales[size_t(d)])
                                                 : double(out) / double(in);
    std::vector<double> a(size_t(out * in), 0.0);
    for (int64_t o = 0; o < out; ++o) {
      std::optional<double> src = sourceCoordinate(transform, o, in, out, scale);
      if (!src) {
        ctx.emitError() << "coordinate_transformation_mode '" << transform
                        << "' is not supported with mode 'linear'; "
                           "supported: half_pixel, pytorch_half_pixel, "
                           "align_corners, asymmetric";
        return failure();
      }
      // Two neighbours, each index clamped to [0, in - 1] (ONNX's edge
      // padding): beyond the ends the value is the end element.
      double lower = std::floor(*src), ratio = *src - lower;
      auto clamp = [&](double i) {
        return int64_t(std::min(std::max(i, 0.0), double(in - 1)));
      };
      a[size_t(o * in + clamp(lower))] += 1.0 - ratio;
      a[size_t(o * in + clamp(lower + 1))] += ratio;
    }
    axes.push_back(std::move(a));
    ins.push_back(in);
    outs.push_back(out);
  }
  if (rank == 3) { // 1-D as 2-D with a height of 1
    axes.insert(axes.begin(), std::vector<double>{1.0});
    ins.insert(ins.begin(), 1);
    outs.insert(outs.begin(), 1);
  }
  const int64_t h = ins[0], w = ins[1], oh = outs[0], ow = outs[1];
  const int64_t inCount = channels * h * w, outCount = channels * oh * ow;
  if (failed(checkDenseSize(ctx, outCount, inCount)))
    return failure();
  std::vector<float> dense(size_t(outCount * inCount), 0.0f);
  for (int64_t c = 0; c < channels; ++c)
    for (int64_t i = 0; i < oh; ++i)
      for (int64_t j = 0; j < ow; ++j)
        for (int64_t p = 0; p < h; ++p)
          for (int64_t q = 0; q < w; ++q) {
            double coefficient = axes[0][size_t(i * h + p)] *
                                 axes[1][size_t(j * w + q)];
            if (coefficient != 0.0)
              dense[size_t(((c * oh + i) * ow + j) * inCount +
                           (c * h + p) * w + q)] = float(coefficient);
          }
  bindDenseForm(ctx, *x, *yType, dense,
                std::vector<float>(size_t(outCount), 0.0f));
  return success();
}
