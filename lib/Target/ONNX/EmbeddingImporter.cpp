//===- EmbeddingImporter.cpp - Gather of a table by integer inputs --------===//
//
// PyTorch exports nn.Embedding as Gather(table, indices) (axis 0) with the
// table an initializer and the indices an integer graph input. That form is
// the one place nn takes an integer graph input: isEmbeddingGather is the
// one rule, read by the shape folder (which leaves such a Gather to the
// importer), by createFunction (which types the input) and by the importer
// below. Any other Gather is a shape computation (ShapeFolding.cpp).
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

static bool isGraphInput(const onnx::GraphProto &graph,
                         const std::string &name) {
  for (const onnx::TensorProto &tensor : graph.initializer())
    if (tensor.name() == name)
      return false; // before IR version 4 initializers are inputs too
  for (const onnx::ValueInfoProto &info : graph.input())
    if (info.name() == name)
      return true;
  return false;
}

static bool isInitializer(const onnx::GraphProto &graph,
                          const std::string &name) {
  for (const onnx::TensorProto &tensor : graph.initializer())
    if (tensor.name() == name)
      return true;
  return false;
}

bool nn::onnx_import::isIntegerDataType(int32_t type) {
  switch (type) {
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::UINT16:
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    return true;
  default:
    return false;
  }
}

bool nn::onnx_import::isEmbeddingGather(const onnx::NodeProto &node,
                                        const onnx::GraphProto &graph) {
  if (node.op_type() != "Gather" ||
      !(node.domain().empty() || node.domain() == "ai.onnx") ||
      node.input_size() != 2)
    return false;
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == "axis" && attr.i() != 0)
      return false;
  return isInitializer(graph, node.input(0)) &&
         isGraphInput(graph, node.input(1));
}

LogicalResult nn::onnx_import::checkIntegerGraphInput(
    const onnx::GraphProto &graph, const onnx::ValueInfoProto &info,
    Location fileLoc) {
  for (const onnx::NodeProto &node : graph.node())
    for (int i = 0; i < node.input_size(); ++i)
      if (node.input(i) == info.name() &&
          (i != 1 || !isEmbeddingGather(node, graph)))
        return emitError(fileLoc)
               << "graph input '" << info.name() << "' ("
               << dataTypeName(info.type().tensor_type().elem_type())
               << ") is read by " << describeNode(node)
               << "; nn takes an integer graph input only as the indices of "
                  "an embedding (Gather, axis 0, of a constant table)";
  for (const onnx::ValueInfoProto &output : graph.output())
    if (output.name() == info.name())
      return emitError(fileLoc)
             << "graph input '" << info.name()
             << "' (an integer tensor) is a graph output; nn takes an "
                "integer graph input only as the indices of an embedding";
  return success();
}

LogicalResult nn::onnx_import::importGather(NodeContext &ctx) {
  // The shape folder evaluated every other Gather; checkModel refused one
  // of data. What reaches here reads a table by a graph input.
  const onnx::TensorProto *table = ctx.constantInput(0);
  if (!table || table->dims_size() != 2) {
    ctx.emitError() << "nn imports Gather as an embedding only: a constant "
                       "[rows, columns] table indexed along axis 0 by an "
                       "integer graph input";
    return failure();
  }
  if (table->dims(0) < 1 || table->dims(0) > (int64_t(1) << 24)) {
    ctx.emitError() << "the table has " << table->dims(0)
                    << " rows; an embedding takes 1 to 2^24 (indices are "
                       "held exactly in f32)";
    return failure();
  }
  FailureOr<Value> indices = ctx.input(1);
  FailureOr<Value> weights = ctx.input(0);
  FailureOr<RankedTensorType> type = ctx.outputType(0);
  if (failed(indices) || failed(weights) || failed(type))
    return failure();
  ctx.setOutput(0, EmbeddingOp::create(ctx.builder(), ctx.getLoc(), *type,
                                       *indices, *weights));
  return success();
}
