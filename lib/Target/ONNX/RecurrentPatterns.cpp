//===- RecurrentPatterns.cpp - PyTorch's y[:, -1] as the layer's Y_h ------===//
//
// PyTorch exports `y, _ = rnn(x); y[:, -1]` (batch_first) as
//   Y -> Squeeze(axis 1) -> Transpose(perm [1, 0, 2]) -> Gather(axis 1, -1)
// and without batch_first as Y -> Squeeze(axis 1) -> Gather(axis 0, -1).
// The last step of a forward layer's Y is its Y_h ([1, batch, hidden]), so
// the Gather becomes a Reshape of Y_h to [batch, hidden] and the chain,
// then unread, is dropped. nn has no op that slices the network's data, and
// a Gather on it is otherwise rejected as a shape computation that cannot
// be evaluated (checkModel); so this runs before checkModel, and only reads
// names, attributes and small inline constants (a chain it does not
// recognise is left as it is, for checkModel to judge).
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"
#include "GraphIndex.h"

#include "llvm/ADT/StringSet.h"

#include <cstring>

using namespace nn::onnx_import;

namespace {

bool isDefault(const onnx::NodeProto &node) {
  return node.domain().empty() || node.domain() == "ai.onnx";
}

const onnx::AttributeProto *findAttr(const onnx::NodeProto &node,
                                     llvm::StringRef name) {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

/// The values of a small inline INT64 tensor (PyTorch's index and axes
/// constants), or nothing.
std::optional<std::vector<int64_t>> inlineInts(const onnx::TensorProto &t) {
  if (t.data_type() != onnx::TensorProto::INT64 ||
      t.data_location() == onnx::TensorProto::EXTERNAL)
    return std::nullopt;
  if (!t.raw_data().empty()) {
    const std::string &raw = t.raw_data();
    if (raw.size() % 8 != 0 || raw.size() > 64)
      return std::nullopt;
    std::vector<int64_t> values(raw.size() / 8);
    std::memcpy(values.data(), raw.data(), raw.size());
    return values;
  }
  return std::vector<int64_t>(t.int64_data().begin(), t.int64_data().end());
}

class LastStepMatcher : GraphIndex {
public:
  explicit LastStepMatcher(onnx::GraphProto &graph) : GraphIndex(graph) {}

  void run() {
    bool changed = false;
    for (int i = 0; i < graph.node_size(); ++i)
      changed |= rewrite(i);
    if (changed)
      // Only the chain goes: the recurrent layer stays whatever it feeds.
      dropNodesNoLongerRead([](const onnx::NodeProto &node) {
        return node.op_type() == "RNN" || node.op_type() == "GRU" ||
               node.op_type() == "LSTM";
      });
  }

private:
  /// The single producer of `name` when it is a default-domain `opType`
  /// read by nothing else.
  onnx::NodeProto *soleProducer(const std::string &name,
                                llvm::StringRef opType) {
    auto it = producer.find(name);
    if (it == producer.end() || reads.lookup(name) != 1)
      return nullptr;
    onnx::NodeProto *node = graph.mutable_node(it->second);
    return node->op_type() == opType && isDefault(*node) ? node : nullptr;
  }

  std::optional<std::vector<int64_t>> ints(const onnx::NodeProto &node,
                                           int input, llvm::StringRef attr) {
    if (input < node.input_size()) {
      auto it = constants.find(node.input(input));
      return it == constants.end() ? std::nullopt : inlineInts(*it->second);
    }
    if (const onnx::AttributeProto *a = findAttr(node, attr))
      return std::vector<int64_t>(a->ints().begin(), a->ints().end());
    return std::nullopt;
  }

  bool rewrite(int index) {
    onnx::NodeProto &gather = *graph.mutable_node(index);
    if (gather.op_type() != "Gather" || !isDefault(gather) ||
        gather.input_size() != 2 || gather.output_size() != 1)
      return false;
    std::optional<std::vector<int64_t>> at = ints(gather, 1, "");
    const onnx::AttributeProto *axisAttr = findAttr(gather, "axis");
    int64_t axis = axisAttr ? axisAttr->i() : 0;
    if (!at || at->size() != 1 || (*at)[0] != -1 || (axis != 0 && axis != 1))
      return false;
    // batch_first: a Transpose swapping sequence and batch back.
    std::string sequence = gather.input(0);
    if (axis == 1) {
      onnx::NodeProto *transpose = soleProducer(sequence, "Transpose");
      const onnx::AttributeProto *perm =
          transpose ? findAttr(*transpose, "perm") : nullptr;
      if (!perm || perm->ints_size() != 3 || perm->ints(0) != 1 ||
          perm->ints(1) != 0 || perm->ints(2) != 2 ||
          transpose->input_size() != 1)
        return false;
      sequence = transpose->input(0);
    }
    onnx::NodeProto *squeeze = soleProducer(sequence, "Squeeze");
    if (!squeeze || squeeze->input_size() < 1)
      return false;
    std::optional<std::vector<int64_t>> axes = ints(*squeeze, 1, "axes");
    if (!axes || *axes != std::vector<int64_t>{1})
      return false;
    auto it = producer.find(squeeze->input(0));
    if (it == producer.end())
      return false;
    onnx::NodeProto &layer = *graph.mutable_node(it->second);
    llvm::StringRef type = layer.op_type();
    if (!isDefault(layer) || (type != "RNN" && type != "GRU" && type != "LSTM") ||
        layer.output_size() < 1 || layer.output(0) != squeeze->input(0))
      return false;
    const onnx::AttributeProto *direction = findAttr(layer, "direction");
    const onnx::AttributeProto *hidden = findAttr(layer, "hidden_size");
    if ((direction && direction->s() != "forward") || !hidden ||
        hidden->i() <= 0)
      return false; // the importer names what it does not take
    // Y_h, named if the export left it unnamed.
    if (layer.output_size() < 2)
      layer.add_output("");
    if (layer.output(1).empty())
      layer.set_output(1, layer.output(0) + "_last_state");
    std::string shapeName = gather.output(0) + "_shape";
    onnx::TensorProto &shape = *graph.add_initializer();
    shape.set_name(shapeName);
    shape.set_data_type(onnx::TensorProto::INT64);
    shape.add_dims(2);
    shape.add_int64_data(-1);
    shape.add_int64_data(hidden->i());
    std::string output = gather.output(0), name = gather.name();
    gather.Clear();
    gather.set_op_type("Reshape");
    gather.set_name(name);
    gather.add_input(layer.output(1));
    gather.add_input(shapeName);
    gather.add_output(output);
    return true;
  }
};

} // namespace

void nn::onnx_import::useRecurrentLastState(onnx::ModelProto &model) {
  LastStepMatcher(*model.mutable_graph()).run();
}
