//===- GraphIndex.h - who produces and reads each value of an ONNX graph --===//
//
// The index the protobuf-level pattern rewrites (LayerPatterns.cpp,
// RecurrentPatterns.cpp) match against before the graph is imported, and
// their one clean-up: after a chain is replaced, the nodes only it read go.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_TARGET_ONNX_GRAPHINDEX_H
#define NN_LIB_TARGET_ONNX_GRAPHINDEX_H

#include "onnx/onnx_pb.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"

namespace nn::onnx_import {

struct GraphIndex {
  explicit GraphIndex(onnx::GraphProto &graph);

  /// Drops, to a fixed point, the nodes whose outputs something read when
  /// the index was built and nothing reads now (the replaced chains' inner
  /// nodes and the constants only they read); nodes that were dead before
  /// stay as they were, and so do those `keep` holds on to.
  void dropNodesNoLongerRead(
      llvm::function_ref<bool(const onnx::NodeProto &)> keep = nullptr);

  onnx::GraphProto &graph;
  /// The index of the node producing each value.
  llvm::StringMap<int> producer;
  /// How many times each value is read (node inputs and graph outputs),
  /// as the graph stood when the index was built.
  llvm::StringMap<unsigned> reads;
  /// Initializers and single-tensor Constant nodes.
  llvm::StringMap<const onnx::TensorProto *> constants;
};

} // namespace nn::onnx_import

#endif // NN_LIB_TARGET_ONNX_GRAPHINDEX_H
