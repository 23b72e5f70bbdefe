//===- LayerPatterns.cpp - one node for a layer exported as a subgraph ----===//
//
// PyTorch exports some layers as several ONNX nodes because opset 17 has
// no op for them: nn.GELU as Div/Erf/Add/Mul/Mul (or, with
// approximate='tanh', the Mul/Add/Tanh chain of its formula), below
// opset 14 nn.Hardswish as Mul(x, HardSigmoid(x)), below opset 17
// nn.LayerNorm as ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div(/Mul/Add),
// and nn.Softsign as Div(x, Add(Abs(x), 1)) (PyTorch 1.13 writes no
// Softsign node). Imported node by node
// they would be several nn ops (and Erf has none), quantized and rounded
// one by one; hls4ml treats each as one layer. Before import the chain is
// replaced by one node of the op ONNX defines for it (Gelu of opset 20 with
// its `approximate` attribute; HardSwish, which carries the HardSigmoid's
// alpha and beta when they came from one) in place of the chain's last
// node, with its module path, so that the layer keeps its PyTorch name. A chain is only replaced
// when its inner values are read by nothing else and its constants are the
// formula's (within float32 rounding); otherwise the nodes import one by
// one as before.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"
#include "GraphIndex.h"

#include <algorithm>
#include <cmath>
#include <optional>

using namespace mlir;
using namespace nn::onnx_import;

namespace {

bool isDefaultDomain(const onnx::NodeProto &node) {
  return node.domain().empty() || node.domain() == "ai.onnx";
}

/// Makes `node` (the chain's last node) a node of `opType` with the input
/// `x`. A PyTorch node name keeps its module path with the new op type
/// (`/gelu/Mul_1` -> `/gelu/Gelu`), so that the layer is named after its
/// module (LayerNames.cpp); the attributes are the caller's.
void becomeLayer(onnx::NodeProto &node, llvm::StringRef opType,
                 const std::string &x) {
  std::string input = x; // x may be one of the node's own inputs
  llvm::StringRef name = node.name();
  size_t slash = name.rfind('/');
  if (name.starts_with("/") && slash != llvm::StringRef::npos &&
      name.drop_front(slash + 1).starts_with(node.op_type()))
    node.set_name((name.take_front(slash + 1) + opType).str());
  node.set_op_type(opType.str());
  node.clear_input();
  node.add_input(input);
  node.clear_attribute();
}

class PatternMatcher : GraphIndex {
public:
  PatternMatcher(onnx::GraphProto &graph, llvm::StringRef modelDir)
      : GraphIndex(graph), modelDir(modelDir) {}

  /// Replaces every recognised chain; returns how many.
  int run() {
    int count = 0;
    for (int i = 0; i < graph.node_size(); ++i)
      count += matchGelu(i) || matchHardSwish(i) || matchSoftsign(i) ||
               matchLayerNorm(i);
    if (count)
      dropNodesNoLongerRead();
    return count;
  }

private:
  /// The node producing `value` with op type `type`, when nothing but the
  /// chain reads `value` (one use, not a graph output).
  const onnx::NodeProto *inner(const std::string &value, llvm::StringRef type) {
    auto it = producer.find(value);
    if (it == producer.end() || reads[value] != 1)
      return nullptr;
    const onnx::NodeProto &node = graph.node(it->second);
    if (node.op_type() != type || !isDefaultDomain(node))
      return nullptr;
    return &node;
  }

  /// Whether `value` is a one-element float constant equal to `expected`
  /// within float32 rounding.
  bool isConstant(const std::string &value, double expected) {
    // A malformed constant is not this pattern; its own import reports it.
    std::vector<float> values = floats(value);
    return values.size() == 1 &&
           std::fabs(double(values[0]) - expected) <=
               1e-6 * std::fabs(expected);
  }

  /// For a binary node (commutative when `commutes`): the operand that is
  /// not the constant `c`, or "".
  std::string operandBeside(const onnx::NodeProto &node, double c,
                            bool commutes = true) {
    if (node.input_size() != 2)
      return "";
    if (isConstant(node.input(1), c))
      return node.input(0);
    if (commutes && isConstant(node.input(0), c))
      return node.input(1);
    return "";
  }

  /// For Mul(x, y): whether it multiplies `x` by the output of a node of
  /// `type` that only it reads; returns that node.
  const onnx::NodeProto *timesInner(const onnx::NodeProto &mul,
                                    const std::string &x,
                                    llvm::StringRef type) {
    if (mul.op_type() != "Mul" || mul.input_size() != 2)
      return nullptr;
    for (int side : {0, 1})
      if (mul.input(side) == x)
        if (const onnx::NodeProto *other = inner(mul.input(1 - side), type))
          return other;
    return nullptr;
  }

  /// GELU, erf form: Mul(Mul(x, Add(Erf(Div(x, sqrt 2)), 1)), 0.5), the
  /// division possibly a Mul by 1/sqrt 2. Tanh form:
  /// Mul(Mul(x, Add(Tanh(Mul(Add(x, Mul(Mul(x, Mul(x, x)), 0.044715)),
  /// sqrt(2/pi))), 1)), 0.5), x^3 possibly Pow(x, 3). Operands of Mul and
  /// Add in either order.
  bool matchGelu(int index) {
    const onnx::NodeProto &last = graph.node(index);
    if (last.op_type() != "Mul" || !isDefaultDomain(last))
      return false;
    std::string half = operandBeside(last, 0.5);
    const onnx::NodeProto *product = half.empty() ? nullptr : inner(half, "Mul");
    if (!product || product->input_size() != 2)
      return false;
    for (int side : {0, 1}) {
      const std::string &x = product->input(side);
      const onnx::NodeProto *plusOne = inner(product->input(1 - side), "Add");
      if (!plusOne)
        continue;
      std::string gateOut = operandBeside(*plusOne, 1.0);
      if (gateOut.empty())
        continue;
      if (const onnx::NodeProto *erf = inner(gateOut, "Erf")) {
        if (isScaledX(erf->input(0), x)) {
          replace(index, x, "none");
          return true;
        }
      } else if (const onnx::NodeProto *tanh = inner(gateOut, "Tanh")) {
        if (isTanhArgument(tanh->input(0), x)) {
          replace(index, x, "tanh");
          return true;
        }
      }
    }
    return false;
  }

  /// x / sqrt 2 or x * (1 / sqrt 2).
  bool isScaledX(const std::string &value, const std::string &x) {
    if (const onnx::NodeProto *div = inner(value, "Div"))
      return operandBeside(*div, std::sqrt(2.0), /*commutes=*/false) == x;
    if (const onnx::NodeProto *mul = inner(value, "Mul"))
      return operandBeside(*mul, 1.0 / std::sqrt(2.0)) == x;
    return false;
  }

  /// sqrt(2/pi) * (x + 0.044715 * x^3).
  bool isTanhArgument(const std::string &value, const std::string &x) {
    const onnx::NodeProto *scaled = inner(value, "Mul");
    if (!scaled)
      return false;
    std::string sum =
        operandBeside(*scaled, std::sqrt(2.0 / 3.14159265358979323846));
    const onnx::NodeProto *add = sum.empty() ? nullptr : inner(sum, "Add");
    if (!add || add->input_size() != 2)
      return false;
    for (int side : {0, 1}) {
      if (add->input(side) != x)
        continue;
      const onnx::NodeProto *cubic = inner(add->input(1 - side), "Mul");
      std::string cube = cubic ? operandBeside(*cubic, 0.044715) : "";
      if (!cube.empty() && isCube(cube, x))
        return true;
    }
    return false;
  }

  /// x * (x * x) in any order, or Pow(x, 3).
  bool isCube(const std::string &value, const std::string &x) {
    if (const onnx::NodeProto *pow = inner(value, "Pow"))
      return pow->input_size() == 2 && pow->input(0) == x &&
             isConstant(pow->input(1), 3.0);
    const onnx::NodeProto *mul = inner(value, "Mul");
    if (!mul)
      return false;
    const onnx::NodeProto *square = timesInner(*mul, x, "Mul");
    return square && square->input_size() == 2 && square->input(0) == x &&
           square->input(1) == x;
  }

  /// HardSwish below opset 14: Mul(x, HardSigmoid(x)), either order.
  bool matchHardSwish(int index) {
    const onnx::NodeProto &mul = graph.node(index);
    if (mul.op_type() != "Mul" || mul.input_size() != 2 ||
        !isDefaultDomain(mul))
      return false;
    for (int side : {0, 1}) {
      const std::string &x = mul.input(side);
      const onnx::NodeProto *gate = timesInner(mul, x, "HardSigmoid");
      if (!gate || gate->input_size() != 1 || gate->input(0) != x)
        continue;
      // HardSigmoid's attributes are alpha and beta only (the checker).
      google::protobuf::RepeatedPtrField<onnx::AttributeProto> attrs =
          gate->attribute();
      onnx::NodeProto &node = *graph.mutable_node(index);
      becomeLayer(node, "HardSwish", x);
      *node.mutable_attribute() = attrs;
      return true;
    }
    return false;
  }

  /// Softsign as PyTorch exports it: Div(x, Add(Abs(x), 1)), the Add's
  /// operands in either order.
  bool matchSoftsign(int index) {
    const onnx::NodeProto &div = graph.node(index);
    if (div.op_type() != "Div" || div.input_size() != 2 ||
        !isDefaultDomain(div))
      return false;
    const std::string &x = div.input(0);
    const onnx::NodeProto *plusOne = inner(div.input(1), "Add");
    std::string absOut = plusOne ? operandBeside(*plusOne, 1.0) : "";
    const onnx::NodeProto *abs = absOut.empty() ? nullptr : inner(absOut, "Abs");
    if (!abs || abs->input_size() != 1 || abs->input(0) != x)
      return false;
    becomeLayer(*graph.mutable_node(index), "Softsign", x);
    return true;
  }

  /// For a ReduceMean with keepdims over the last k axes, given as -k ..
  /// -1 in any order (opset 17: an attribute; PyTorch's LayerNorm over
  /// normalized_shape of k dimensions), returns k; else 0.
  int64_t trailingAxes(const onnx::NodeProto &mean) {
    bool keep = true;
    std::vector<int64_t> axes;
    for (const onnx::AttributeProto &attr : mean.attribute()) {
      if (attr.name() == "keepdims")
        keep = attr.i() != 0;
      if (attr.name() == "axes")
        axes.assign(attr.ints().begin(), attr.ints().end());
    }
    std::sort(axes.begin(), axes.end());
    int64_t k = int64_t(axes.size());
    for (int64_t i = 0; i < k; ++i)
      if (axes[i] != i - k)
        return 0;
    return keep && mean.input_size() == 1 ? k : 0;
  }

  /// LayerNormalization as PyTorch exports nn.LayerNorm below opset 17:
  /// d = Sub(x, ReduceMean(x)), Div(d, Sqrt(Add(ReduceMean(Pow(d, 2)),
  /// eps))), then Mul by the weight and Add of the bias when the layer has
  /// them (normalizing the last k axes, both means over -k .. -1).
  /// Replaced by LayerNormalization (x, weight, bias) with `axis` = -k and
  /// `epsilon`, so that the layer is one nn.layer_norm, quantized as one
  /// (hls4ml's LayerNormalization) rather than node by node.
  bool matchLayerNorm(int index) {
    const onnx::NodeProto &div = graph.node(index);
    if (div.op_type() != "Div" || div.input_size() != 2 ||
        !isDefaultDomain(div))
      return false;
    const std::string &d = div.input(0);
    const onnx::NodeProto *sqrt = inner(div.input(1), "Sqrt");
    const onnx::NodeProto *addEps = sqrt ? inner(sqrt->input(0), "Add") : nullptr;
    if (!addEps || addEps->input_size() != 2)
      return false;
    int varSide = -1;
    for (int side : {0, 1})
      if (inner(addEps->input(side), "ReduceMean"))
        varSide = side;
    if (varSide < 0 || !constants.count(addEps->input(1 - varSide)))
      return false;
    std::vector<float> eps = floats(addEps->input(1 - varSide));
    const onnx::NodeProto *var = inner(addEps->input(varSide), "ReduceMean");
    const int64_t axes = trailingAxes(*var);
    const onnx::NodeProto *pow = axes ? inner(var->input(0), "Pow") : nullptr;
    // d is read twice: by the Pow and by the Div.
    auto sub = producer.find(d);
    if (eps.size() != 1 || !pow || pow->input_size() != 2 ||
        pow->input(0) != d || !isConstant(pow->input(1), 2.0) ||
        reads[d] != 2 || sub == producer.end())
      return false;
    const onnx::NodeProto &subNode = graph.node(sub->second);
    if (subNode.op_type() != "Sub" || subNode.input_size() != 2)
      return false;
    const std::string &x = subNode.input(0);
    const onnx::NodeProto *mean = inner(subNode.input(1), "ReduceMean");
    if (!mean || trailingAxes(*mean) != axes || mean->input(0) != x)
      return false;
    // The affine part: Mul(n, weight) then Add(., bias), each optional.
    int last = index;
    std::string weight, bias, out = div.output(0);
    auto single = [&](const std::string &value, llvm::StringRef type,
                      std::string &other) -> int {
      if (reads[value] != 1)
        return -1;
      for (int i = 0; i < graph.node_size(); ++i) {
        const onnx::NodeProto &n = graph.node(i);
        if (n.op_type() != type || n.input_size() != 2 || !isDefaultDomain(n))
          continue;
        for (int side : {0, 1})
          if (n.input(side) == value && constants.count(n.input(1 - side))) {
            other = n.input(1 - side);
            return i;
          }
      }
      return -1;
    };
    if (int mul = single(out, "Mul", weight); mul >= 0) {
      last = mul;
      out = graph.node(mul).output(0);
    }
    if (int add = single(out, "Add", bias); add >= 0)
      last = add;
    onnx::NodeProto &node = *graph.mutable_node(last);
    becomeLayer(node, "LayerNormalization", x);
    if (!weight.empty() || !bias.empty())
      node.add_input(weight);
    if (!bias.empty())
      node.add_input(bias);
    onnx::AttributeProto *axis = node.add_attribute();
    axis->set_name("axis");
    axis->set_type(onnx::AttributeProto::INT);
    axis->set_i(-axes);
    onnx::AttributeProto *epsilon = node.add_attribute();
    epsilon->set_name("epsilon");
    epsilon->set_type(onnx::AttributeProto::FLOAT);
    epsilon->set_f(eps[0]);
    return true;
  }

  /// The contents of a float constant (empty when unreadable).
  std::vector<float> floats(const std::string &value) {
    auto it = constants.find(value);
    if (it == constants.end() ||
        it->second->data_type() != onnx::TensorProto::FLOAT)
      return {};
    auto silent = []() { return InFlightDiagnostic(); };
    FailureOr<std::vector<float>> values =
        readTensorFloats(*it->second, modelDir, silent);
    return succeeded(values) ? *values : std::vector<float>{};
  }

  /// Turns node `index` into Gelu(x) with `approximate`.
  void replace(int index, const std::string &x, llvm::StringRef approximate) {
    onnx::NodeProto &node = *graph.mutable_node(index);
    becomeLayer(node, "Gelu", x);
    onnx::AttributeProto *attr = node.add_attribute();
    attr->set_name("approximate");
    attr->set_type(onnx::AttributeProto::STRING);
    attr->set_s(approximate.str());
  }

  llvm::StringRef modelDir;
};

} // namespace

int nn::onnx_import::recognizeLayerPatterns(onnx::ModelProto &model,
                                            llvm::StringRef modelDir) {
  return PatternMatcher(*model.mutable_graph(), modelDir).run();
}

bool nn::onnx_import::isPatternOnlyOp(llvm::StringRef opType) {
  return opType == "Erf" || opType == "Pow" || opType == "Sqrt" ||
         opType == "Abs";
}
