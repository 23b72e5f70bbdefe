//===- ConvTransposeImporter.cpp - ConvTranspose as a dense layer ---------===//
//
// nn has no transposed-convolution op yet. A ConvTranspose is a linear map
// of its whole input, so it imports exactly as a dense layer on the
// flattened input whose weight matrix holds each kernel tap where it lands:
//
//   y[co, o] = B[co] + sum over ci, i with o = i * s + k * d - pad_begin of
//              x[ci, i] * W[ci, co, k]              (per spatial axis)
//
// is nn.flatten(x) -> nn.dense(W', B') -> nn.reshape, with
// W'[(co, o), (ci, i)] = W[ci, co, k] for that k (one tap per pair, so the
// float values are W's own) and 0 elsewhere, B'[(co, o)] = B[co]. The dense
// layer quantizes (weight, bias, accum, result), chooses its reuse factor
// and lowers like any dense layer, bit for bit through C simulation; the
// cost model drops the zero weights as the HLS tool does. The price is the
// matrix: Cin*H*W x Cout*OH*OW entries, bounded by kMaxDenseWeights (an
// error naming the node beyond). docs/ONNXImport.md states the limits.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {
/// The largest dense weight matrix a ConvTranspose becomes (4 Mi entries,
/// 16 MiB of float32).
constexpr int64_t kMaxDenseWeights = int64_t(1) << 22;
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
  if (inCount > kMaxDenseWeights / std::max<int64_t>(outCount, 1)) {
    ctx.emitError() << "as a dense layer (nn has no transposed convolution "
                       "op yet) it needs a "
                    << outCount << " x " << inCount
                    << " weight matrix, more than the "
                    << kMaxDenseWeights << " entries nn builds";
    return failure();
  }
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
  OpBuilder &builder = ctx.builder();
  Location loc = ctx.getLoc();
  Type f32 = xType.getElementType();
  int64_t n = xType.getDimSize(0);
  // The flatten and the reshape only move data; the dense is the layer
  // and keeps the node's location (its layer name).
  std::string name = getLayerName(loc);
  auto named = [&](const std::string &suffix, Location base) -> Location {
    return NameLoc::get(builder.getStringAttr(name + suffix), base);
  };
  Value flat = FlattenOp::create(builder, named("_flatten", loc),
                                 RankedTensorType::get({n, inCount}, f32), *x,
                                 builder.getI64IntegerAttr(1));
  Location fileLoc = ctx.getGraph().fileLoc();
  Value weight = ctx.getGraph().createFloatConstant(
      named(".weight", fileLoc), name + ".weight", {outCount, inCount}, dense);
  Value biasValue = ctx.getGraph().createFloatConstant(
      named(".bias", fileLoc), name + ".bias", {outCount}, denseBias);
  Value y = DenseOp::create(builder, loc,
                            RankedTensorType::get({n, outCount}, f32), flat,
                            weight, biasValue);
  Value reshaped = ReshapeOp::create(builder, named("_reshape", loc), *yType, y);
  ctx.setOutput(0, reshaped);
  return success();
}
