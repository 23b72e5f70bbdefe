//===- RecurrentImporters.cpp - RNN, GRU and LSTM to nn.rnn/gru/lstm ------===//
//
// nn takes the forward layer with ONNX's default activations and a zero
// initial state, as PyTorch's nn.RNN/GRU/LSTM export it (layout 0, the
// Transpose/Squeeze around the node imported as they are). Everything else
// ONNX allows is rejected naming the node and the attribute or input, so
// that no model computes something other than what it says.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/CheckedArithmetic.h"

#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace nn;
using namespace nn::onnx_import;

namespace {

/// What distinguishes the three node types.
struct CellKind {
  int64_t gates;
  /// ONNX's default `activations` (one direction).
  ArrayRef<StringRef> activations;
  /// The input indices of the initial states (initial_h, initial_c).
  ArrayRef<unsigned> initialStates;
};

/// Rejects every attribute value nn does not compute.
LogicalResult checkAttributes(NodeContext &ctx, const CellKind &kind) {
  std::string direction = ctx.getString("direction", "forward");
  if (direction != "forward") {
    ctx.emitError() << "attribute 'direction' is '" << direction
                    << "'; nn imports forward recurrent layers only";
    return failure();
  }
  if (int64_t layout = ctx.getInt("layout", 0); layout != 0) {
    ctx.emitError() << "attribute 'layout' is " << layout
                    << "; nn imports layout 0 ([seq, batch, features], as "
                       "PyTorch exports)";
    return failure();
  }
  if (ctx.hasAttr("clip")) {
    ctx.emitError() << "attribute 'clip' is not supported (nn computes the "
                       "gates without clipping)";
    return failure();
  }
  if (ctx.getInt("input_forget", 0) != 0) {
    ctx.emitError() << "attribute 'input_forget' is not supported (nn "
                       "computes the forget gate on its own)";
    return failure();
  }
  for (const char *name : {"activation_alpha", "activation_beta"})
    if (ctx.hasAttr(name)) {
      ctx.emitError() << "attribute '" << name
                      << "' is not supported (nn uses the default "
                         "activations, which take no parameters)";
      return failure();
    }
  if (const onnx::AttributeProto *attr = ctx.getAttr("activations")) {
    SmallVector<StringRef> given;
    for (const std::string &name : attr->strings())
      given.push_back(name);
    bool same = given.size() == kind.activations.size();
    for (size_t i = 0; same && i < given.size(); ++i)
      same = given[i].equals_insensitive(kind.activations[i]);
    if (!same) {
      ctx.emitError() << "attribute 'activations' is ["
                      << llvm::join(given, ", ")
                      << "]; nn supports the default ["
                      << llvm::join(kind.activations, ", ") << "] only";
      return failure();
    }
  }
  return success();
}

/// Rejects the inputs nn does not take: sequence_lens, peepholes, and an
/// initial state that is not a constant zero.
LogicalResult checkOptionalInputs(NodeContext &ctx, const CellKind &kind) {
  const onnx::NodeProto &node = ctx.node();
  auto given = [&](unsigned i) {
    return (int)i < node.input_size() && ctx.hasInput(i);
  };
  if (given(4)) {
    ctx.emitError() << "input 4 (sequence_lens) is not supported: nn runs "
                       "every sequence for its full length";
    return failure();
  }
  if (kind.gates == 4 && given(7)) {
    ctx.emitError() << "input 7 (P, peephole weights) is not supported";
    return failure();
  }
  for (unsigned i : kind.initialStates) {
    if (!given(i))
      continue;
    const char *name = i == 5 ? "initial_h" : "initial_c";
    if (!ctx.constantInput(i)) {
      ctx.emitError() << "input " << i << " (" << name
                      << ") is not a constant; nn starts from a zero state";
      return failure();
    }
    FailureOr<std::vector<float>> values = ctx.constantFloats(i, name);
    if (failed(values))
      return failure();
    if (llvm::any_of(*values, [](float v) { return v != 0.0f; })) {
      ctx.emitError() << "input " << i << " (" << name
                      << ") is not zero; nn starts from a zero state";
      return failure();
    }
  }
  return success();
}

/// Constant input `i` of shape [1, dims...] as an nn.constant of shape
/// [dims...] (the one direction dropped); a missing bias is zero. The
/// declared shape is checked before anything is read or allocated: it
/// ties `hidden_size` to R's real data (an attribute alone must not size
/// an allocation).
FailureOr<Value> parameter(NodeContext &ctx, unsigned i, const char *name,
                           ArrayRef<int64_t> dims) {
  SmallVector<int64_t> declared{1};
  declared.append(dims.begin(), dims.end());
  std::optional<int64_t> count = checkedProduct(dims);
  if (ctx.hasInput(i)) {
    const onnx::TensorProto *tensor = ctx.constantInput(i);
    if (!tensor) {
      ctx.emitError() << "input " << i << " (" << name
                      << ") is not a constant; nn needs constant weights";
      return failure();
    }
    SmallVector<int64_t> shape(tensor->dims().begin(), tensor->dims().end());
    if (shape != declared) {
      ctx.emitError() << "input " << i << " (" << name << ") has shape "
                      << formatShape(shape) << "; expected "
                      << formatShape(declared)
                      << " (one direction, hidden_size and the input's "
                         "features)";
      return failure();
    }
    FailureOr<std::vector<float>> read = ctx.constantFloats(i, name);
    if (failed(read))
      return failure();
    return ctx.getGraph().createFloatConstant(
        ctx.getLoc(), ctx.node().name() + "_" + name, dims, *read);
  }
  if (!count) {
    ctx.emitError() << "a zero " << name << " of shape " << formatShape(dims)
                    << " has too many elements";
    return failure();
  }
  std::vector<float> zeros(size_t(*count), 0.0f);
  return ctx.getGraph().createFloatConstant(
      ctx.getLoc(), ctx.node().name() + "_" + name, dims, zeros);
}

template <typename OpTy>
LogicalResult importRecurrent(NodeContext &ctx, const CellKind &kind) {
  if (failed(checkAttributes(ctx, kind)) ||
      failed(checkOptionalInputs(ctx, kind)))
    return failure();
  if (kind.gates == 4 && ctx.isOutputUsed(2)) {
    ctx.emitError() << "output 2 (Y_c, the cell state) is read; nn computes "
                       "Y and Y_h only";
    return failure();
  }
  FailureOr<Value> x = ctx.input(0);
  if (failed(x))
    return failure();
  auto xType = llvm::cast<RankedTensorType>(x->getType());
  if (xType.getRank() != 3) {
    ctx.emitError() << "input 0 (X) has shape "
                    << formatShape(xType.getShape())
                    << "; expected [seq, batch, features]";
    return failure();
  }
  int64_t hidden = ctx.getInt("hidden_size", 0);
  if (hidden <= 0) {
    ctx.emitError() << "attribute 'hidden_size' is " << hidden
                    << "; expected a positive size";
    return failure();
  }
  // 2 * gates * hidden (B's size) must fit in int64_t; R's shape check
  // then ties hidden to real data.
  std::optional<int64_t> rows = llvm::checkedMul(kind.gates, hidden);
  std::optional<int64_t> biases =
      rows ? llvm::checkedMul<int64_t>(2, *rows) : std::nullopt;
  if (!biases) {
    ctx.emitError() << "attribute 'hidden_size' is " << hidden
                    << "; the gates' rows overflow int64_t";
    return failure();
  }
  int64_t features = xType.getDimSize(2);
  // R first: its data bounds hidden_size before W and B are sized by it.
  FailureOr<Value> r = parameter(ctx, 2, "R", {*rows, hidden});
  if (failed(r))
    return failure();
  FailureOr<Value> w = parameter(ctx, 1, "W", {*rows, features});
  if (failed(w))
    return failure();
  FailureOr<Value> b = parameter(ctx, 3, "B", {*biases});
  if (failed(b))
    return failure();
  OpBuilder &builder = ctx.builder();
  // Y and Y_h are one op each (an nn op has one result); a model reads one
  // of them in practice (PyTorch's y[:, -1] becomes Y_h, LayerPatterns.cpp).
  for (unsigned out : {0u, 1u}) {
    if (!ctx.isOutputUsed(out))
      continue;
    FailureOr<RankedTensorType> type = ctx.outputType(out);
    if (failed(type))
      return failure();
    auto op = OpTy::create(builder, ctx.getLoc(), *type, *x, *w, *r, *b);
    op.setReturnSequences(out == 0);
    if constexpr (std::is_same_v<OpTy, GruOp>)
      op.setLinearBeforeReset(ctx.getInt("linear_before_reset", 0) != 0);
    if (failed(mlir::verify(op))) // shape inference disagreeing with nn
      return failure();
    ctx.setOutput(out, op.getResult());
  }
  return success();
}

} // namespace

LogicalResult nn::onnx_import::importRNN(NodeContext &ctx) {
  static const StringRef activations[] = {"Tanh"};
  static const unsigned states[] = {5};
  return importRecurrent<RnnOp>(ctx, {1, activations, states});
}

LogicalResult nn::onnx_import::importGRU(NodeContext &ctx) {
  static const StringRef activations[] = {"Sigmoid", "Tanh"};
  static const unsigned states[] = {5};
  return importRecurrent<GruOp>(ctx, {3, activations, states});
}

LogicalResult nn::onnx_import::importLSTM(NodeContext &ctx) {
  static const StringRef activations[] = {"Sigmoid", "Tanh", "Tanh"};
  static const unsigned states[] = {5, 6};
  return importRecurrent<LstmOp>(ctx, {4, activations, states});
}
