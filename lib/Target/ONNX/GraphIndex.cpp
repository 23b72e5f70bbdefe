//===- GraphIndex.cpp - who produces and reads each value of an ONNX graph ===//

#include "GraphIndex.h"

using namespace nn::onnx_import;

/// How many times each value is read by a node or as a graph output.
static llvm::StringMap<unsigned> countReads(const onnx::GraphProto &graph) {
  llvm::StringMap<unsigned> reads;
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &in : node.input())
      ++reads[in];
  for (const onnx::ValueInfoProto &out : graph.output())
    ++reads[out.name()];
  return reads;
}

GraphIndex::GraphIndex(onnx::GraphProto &graph)
    : graph(graph), reads(countReads(graph)) {
  for (const onnx::TensorProto &init : graph.initializer())
    constants[init.name()] = &init;
  for (int i = 0; i < graph.node_size(); ++i) {
    const onnx::NodeProto &node = graph.node(i);
    for (const std::string &out : node.output())
      producer[out] = i;
    if (node.op_type() == "Constant" && node.output_size() == 1 &&
        node.attribute_size() == 1 && node.attribute(0).name() == "value" &&
        node.attribute(0).has_t())
      constants[node.output(0)] = &node.attribute(0).t();
  }
}

void GraphIndex::dropNodesNoLongerRead(
    llvm::function_ref<bool(const onnx::NodeProto &)> keep) {
  for (bool changed = true; changed;) {
    changed = false;
    llvm::StringMap<unsigned> now = countReads(graph);
    google::protobuf::RepeatedPtrField<onnx::NodeProto> kept;
    for (onnx::NodeProto &node : *graph.mutable_node()) {
      bool readBefore = false, readNow = false;
      for (const std::string &out : node.output()) {
        readBefore |= reads.lookup(out) > 0;
        readNow |= now.lookup(out) > 0;
      }
      if (readBefore && !readNow && !(keep && keep(node)))
        changed = true;
      else
        *kept.Add() = std::move(node);
    }
    graph.mutable_node()->Swap(&kept);
  }
}
