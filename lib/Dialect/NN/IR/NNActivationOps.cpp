//===- NNActivationOps.cpp - verifiers of activations ---------------------===//
//
// The one-operand activations get their shape rule from the
// SameOperandsAndResultShape trait; only ops with more structure (a second
// operand, an attribute with a domain) have verifiers here. ONNX bounds none
// of the float attributes of the activations (alpha, beta, gamma, the clip
// bounds), so none are checked.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include <cmath>

using namespace mlir;
using namespace nn;

//===----------------------------------------------------------------------===//
// PReluOp
//===----------------------------------------------------------------------===//

/// True when `from` broadcasts unidirectionally to `to` (ONNX's rule for
/// PRelu's slope): aligned on the last dimension, `from` has no more
/// dimensions than `to`, and each of its dimensions equals the aligned one of
/// `to` or is 1.
static bool broadcastsUnidirectionally(ArrayRef<int64_t> from,
                                       ArrayRef<int64_t> to) {
  if (from.size() > to.size())
    return false;
  ArrayRef<int64_t> aligned = to.take_back(from.size());
  for (auto [f, t] : llvm::zip_equal(from, aligned))
    if (f != t && f != 1)
      return false;
  return true;
}

LogicalResult PReluOp::verify() {
  ArrayRef<int64_t> input = getInput().getType().getShape();
  ArrayRef<int64_t> slope = getSlope().getType().getShape();
  ArrayRef<int64_t> output = getOutput().getType().getShape();
  if (!broadcastsUnidirectionally(slope, input))
    return emitOpError("slope shape ")
           << formatShape(slope)
           << " does not broadcast unidirectionally to the input shape "
           << formatShape(input);
  if (output != input)
    return emitOpError("result shape ")
           << formatShape(output) << " differs from the expected "
           << formatShape(input);
  return success();
}

//===----------------------------------------------------------------------===//
// RsqrtOp
//===----------------------------------------------------------------------===//

LogicalResult RsqrtOp::verify() {
  // The table is built in double from 1 / sqrt(x + epsilon).
  double epsilon = getEpsilon().convertToDouble();
  if (!(epsilon >= 0.0) || !std::isfinite(epsilon))
    return emitOpError("epsilon must be finite and non-negative, got ")
           << epsilon;
  return success();
}

//===----------------------------------------------------------------------===//
// GeluOp
//===----------------------------------------------------------------------===//

LogicalResult GeluOp::verify() {
  // ONNX Gelu's two forms (opset 20's attribute values).
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError("approximate \"")
           << getApproximate() << "\" is not one of \"none\", \"tanh\"";
  return success();
}

//===----------------------------------------------------------------------===//
// SoftmaxOp
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::verify() {
  int64_t rank = getInput().getType().getRank();
  int64_t axis = getAxis();
  if (axis < -rank || axis >= rank)
    return emitOpError("axis ")
           << axis << " is out of range for an input of rank " << rank
           << "; expected a value in [" << -rank << ", " << rank << ")";
  if (std::optional<StringRef> impl = getImplementation())
    if (!fx::parseSoftmaxImpl(std::string_view(*impl)))
      return emitOpError("implementation \"")
             << *impl
             << "\" is not one of \"latency\", \"stable\", \"argmax\", "
                "\"legacy\" (hls4ml's Softmax Implementation)";
  // hls4ml's exp_table and inv_table follow the rule of every table
  // (nn.table_type is checked by the dialect).
  for (auto [role, type] : {std::pair{"exp_table_type", getExpTableType()},
                            std::pair{"inv_table_type", getInvTableType()}}) {
    auto fixed = type ? llvm::dyn_cast<FixedType>(*type) : FixedType();
    if (!fixed)
      continue;
    std::string problem = fx::tableWidthProblem(fixed.getWidth());
    if (!problem.empty())
      return emitOpError(role) << ": the table " << problem;
  }
  return success();
}

fx::SoftmaxImpl SoftmaxOp::getImpl() {
  if (std::optional<StringRef> impl = getImplementation())
    if (auto parsed = fx::parseSoftmaxImpl(std::string_view(*impl)))
      return *parsed;
  return fx::SoftmaxImpl::Stable;
}

/// A table's format: the op's own attribute, else nn.table_type (both
/// tables), else `fallback`.
static fx::Format tableFormat(SoftmaxOp op, std::optional<Type> own,
                              const fx::Format &fallback) {
  if (own)
    if (auto fixed = llvm::dyn_cast<FixedType>(*own))
      return fixed.getFormat();
  if (auto attr = op->getAttrOfType<TypeAttr>(kTableTypeAttrName))
    if (auto fixed = llvm::dyn_cast<FixedType>(attr.getValue()))
      return fixed.getFormat();
  return fallback;
}

fx::Format SoftmaxOp::getExpTableFormat() {
  return tableFormat(*this, getExpTableType(),
                     fx::defaultSoftmaxExpFormat(getImpl()));
}

fx::Format SoftmaxOp::getInvTableFormat() {
  return tableFormat(*this, getInvTableType(),
                     fx::defaultSoftmaxInvFormat(getImpl()));
}

std::optional<fx::Format> SoftmaxOp::getAccumFormat() {
  if (std::optional<Type> accum = getAccumType())
    if (auto fixed = llvm::dyn_cast<FixedType>(*accum))
      return fixed.getFormat();
  return std::nullopt;
}
