//===- NNTypes.h - nn dialect types -----------------------------*- C++ -*-===//

#ifndef NN_DIALECT_NN_IR_NNTYPES_H
#define NN_DIALECT_NN_IR_NNTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/Types.h"

#include "nn/Support/FixedPoint.h"

#include "nn/Dialect/NN/IR/NNEnums.h.inc"

#define GET_TYPEDEF_CLASSES
#include "nn/Dialect/NN/IR/NNTypes.h.inc"

#endif // NN_DIALECT_NN_IR_NNTYPES_H
