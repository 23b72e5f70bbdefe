//===- NNOps.td - all nn dialect ops -----------------------*- tablegen -*-===//
//
// The single root that mlir-tblgen reads: ops are grouped by kind in the
// included files so that each group (and its verifiers in lib/) stays small.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNOPS_TD
#define NN_DIALECT_NN_IR_NNOPS_TD

include "nn/Dialect/NN/IR/NNBase.td"
include "nn/Dialect/NN/IR/NNTypes.td"
include "nn/Dialect/NN/IR/NNLayerOps.td"
include "nn/Dialect/NN/IR/NNActivationOps.td"
include "nn/Dialect/NN/IR/NNElementwiseOps.td"
include "nn/Dialect/NN/IR/NNShapeOps.td"
include "nn/Dialect/NN/IR/NNRecurrentOps.td"
include "nn/Dialect/NN/IR/NNScalarOps.td"

#endif // NN_DIALECT_NN_IR_NNOPS_TD
