//===- NNRecurrentOps.cpp - verifiers of nn.rnn, nn.gru, nn.lstm ----------===//
//
// One shape rule for the three recurrent ops (NNRecurrentOps.td): they
// differ only in their number of gates.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace nn;

/// The operand and result shapes of a recurrent op with `gates` gates.
static LogicalResult verifyRecurrent(Operation *op, int64_t gates,
                                     bool returnSequences) {
  auto type = [&](unsigned i) {
    return llvm::cast<RankedTensorType>(op->getOperand(i).getType());
  };
  RankedTensorType input = type(0), weight = type(1), recurrence = type(2),
                   bias = type(3);
  auto output = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  // The fixed-point rule is not written yet: no stage computes these ops in
  // fixed point, so a typed one must not reach them.
  for (Value value : op->getOperands())
    if (!llvm::isa<FloatType>(getElementTypeOrSelf(value.getType())))
      return op->emitOpError("is float only (no fixed-point rule yet); got ")
             << value.getType();
  if (input.getRank() != 3)
    return op->emitOpError("input must have rank 3 ([seq, batch, features]), "
                           "got ")
           << formatShape(input.getShape());
  if (weight.getRank() != 2 || weight.getDimSize(0) % gates != 0 ||
      weight.getDimSize(0) == 0)
    return op->emitOpError("weight must be [")
           << gates << "*hidden, features], got "
           << formatShape(weight.getShape());
  int64_t hidden = weight.getDimSize(0) / gates;
  int64_t seq = input.getDimSize(0), batch = input.getDimSize(1);
  if (seq == 0)
    return op->emitOpError("has an empty sequence (input ")
           << formatShape(input.getShape()) << ")";
  if (weight.getDimSize(1) != input.getDimSize(2))
    return op->emitOpError("weight ")
           << formatShape(weight.getShape()) << " does not match input "
           << formatShape(input.getShape()) << " (features)";
  SmallVector<int64_t> recurrenceShape{gates * hidden, hidden};
  if (recurrence.getShape() != ArrayRef<int64_t>(recurrenceShape))
    return op->emitOpError("recurrence must be ")
           << formatShape(recurrenceShape) << ", got "
           << formatShape(recurrence.getShape());
  if (bias.getShape() != ArrayRef<int64_t>{2 * gates * hidden})
    return op->emitOpError("bias must be [")
           << 2 * gates * hidden << "] (input then recurrent biases), got "
           << formatShape(bias.getShape());
  SmallVector<int64_t> expected =
      returnSequences ? SmallVector<int64_t>{seq, 1, batch, hidden}
                      : SmallVector<int64_t>{1, batch, hidden};
  if (output.getShape() != ArrayRef<int64_t>(expected))
    return op->emitOpError("result must be ")
           << formatShape(expected)
           << (returnSequences ? " (every step)" : " (the last step)")
           << ", got " << formatShape(output.getShape());
  return success();
}

LogicalResult RnnOp::verify() {
  return verifyRecurrent(*this, kGates, getReturnSequences());
}
LogicalResult GruOp::verify() {
  return verifyRecurrent(*this, kGates, getReturnSequences());
}
LogicalResult LstmOp::verify() {
  return verifyRecurrent(*this, kGates, getReturnSequences());
}
