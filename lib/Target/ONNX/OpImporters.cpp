//===- OpImporters.cpp - one function per ONNX op type --------------------===//
//
// Every importer sees a model already converted to opset kImportOpset and
// shape-inferred, so it handles that opset's form of the op only (Clip bounds
// and Pad pads as inputs, Softmax on one axis, ...). Result types come from
// ONNX shape inference and are checked again by the nn verifiers.
//
// This file holds the op-type table (getOpImporters) and the importers of
// values that pass through; the other importers are in one file per family
// (ActivationImporters.cpp, ArithmeticImporters.cpp, DenseImporters.cpp,
// ConvImporters.cpp, ShapeImporters.cpp), declared in OpImporters.h.
//
//===----------------------------------------------------------------------===//

#include "OpImporters.h"
#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Traits.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace nn {
namespace onnx_import {

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

} // namespace onnx_import
} // namespace nn

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
      {"Gather", importGather},
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
