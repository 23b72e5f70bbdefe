//===- LayerNames.cpp - the names users know their layers by --------------===//
//
// torch.onnx.export names each node after the module that made it and the
// op type: `/fc1/Gemm`, `/features/features.0/Conv`, `/layer1/layer1.0/
// conv1/Conv`, and `/Flatten` for a functional call in the top module. hls4ml
// users address layers by the module path PyTorch shows them (`fc1`,
// `features.0`, `layer1.0.conv1`: model.named_modules()), so a layer is
// named after its module path, and keeps the full node name as a second
// name (docs/ONNXImport.md, "Layer names").
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace nn;
using namespace nn::onnx_import;

namespace {
/// A node name split as PyTorch writes it: the module path and the op.
struct TorchNodeName {
  std::string module; ///< "" for an op of the top module
  std::string op;     ///< the op type, lower case ("conv", "relu")
};
} // namespace

// `/a/a.b/c/Conv_3` -> module "a.b.c", op "conv". Each scope segment is
// either the child's qualified name (`features.0` under `features`, as
// Sequential children are written) or its attribute name (`conv1`).
static std::optional<TorchNodeName> parseTorchName(const onnx::NodeProto &node) {
  llvm::StringRef name = node.name();
  if (!name.consume_front("/"))
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef> segments;
  name.split(segments, '/');
  llvm::StringRef last = segments.pop_back_val();
  // The last segment is the op type, with "_N" when the module made several.
  if (!last.starts_with(node.op_type()))
    return std::nullopt;
  llvm::StringRef rest = last.drop_front(node.op_type().size());
  if (!rest.empty() &&
      !(rest.consume_front("_") && !rest.empty() &&
        llvm::all_of(rest, llvm::isDigit)))
    return std::nullopt;
  TorchNodeName parsed;
  for (llvm::StringRef segment : segments) {
    if (segment.empty())
      return std::nullopt;
    if (!parsed.module.empty() &&
        segment.starts_with(parsed.module + ".") )
      parsed.module = segment.str();
    else
      parsed.module += (parsed.module.empty() ? "" : ".") + segment.str();
  }
  parsed.op = llvm::StringRef(node.op_type()).lower();
  return parsed;
}

std::vector<std::string>
nn::onnx_import::getLayerNames(const onnx::GraphProto &graph) {
  std::vector<std::optional<TorchNodeName>> parsed;
  llvm::StringMap<size_t> lastOfModule;
  // A recurrent module's layer is its RNN/GRU/LSTM node, not the
  // Squeeze/Transpose plumbing PyTorch writes after it in the same scope.
  llvm::StringSet<> recurrentModules;
  for (const onnx::NodeProto &node : graph.node()) {
    parsed.push_back(parseTorchName(node));
    if (!parsed.back())
      continue;
    llvm::StringRef type = node.op_type();
    bool recurrent = type == "RNN" || type == "GRU" || type == "LSTM";
    if (recurrent)
      recurrentModules.insert(parsed.back()->module);
    if (recurrent || !recurrentModules.contains(parsed.back()->module))
      lastOfModule[parsed.back()->module] = parsed.size() - 1;
  }
  // A module's last node (the one that makes its output: AveragePool after
  // the Pad of an AvgPool2d, a block's final add) takes the module's name;
  // its other nodes, and functional calls of the top module, are named
  // module.op, op, op_1, ... as torch.fx names calls.
  std::vector<std::string> names;
  // Node names, and the names given so far, are taken; a derived name
  // that meets one gets the next suffix of its base (linear in the graph).
  llvm::StringMap<unsigned> taken, nextSuffix;
  for (const onnx::NodeProto &node : graph.node())
    taken[node.name()]++;
  for (const onnx::NodeProto &node : graph.node())
    if (node.name().empty() && node.output_size())
      taken[node.output(0)]++;
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    const std::optional<TorchNodeName> &torch = parsed[index];
    std::string name = node.name();
    if (torch) {
      std::string base = torch->module;
      if (base.empty() || lastOfModule[torch->module] != index)
        base += (base.empty() ? "" : ".") + torch->op;
      name = base;
      unsigned &next = nextSuffix[base];
      while (taken.count(name))
        name = base + "_" + std::to_string(++next);
      taken[name]++;
    }
    if (name.empty() && node.output_size()) {
      name = node.output(0);
      taken[name]++;
    }
    names.push_back(name);
  }
  return names;
}
