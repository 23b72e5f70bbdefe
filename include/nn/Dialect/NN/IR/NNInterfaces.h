//===- NNInterfaces.h - nn op interfaces ------------------------*- C++ -*-===//

#ifndef NN_DIALECT_NN_IR_NNINTERFACES_H
#define NN_DIALECT_NN_IR_NNINTERFACES_H

#include "mlir/IR/OpDefinition.h"

#include "nn/Dialect/NN/IR/NNAttrNames.h"
#include "nn/Support/ReuseFactor.h"

#include <vector>


#include "nn/Dialect/NN/IR/NNInterfaces.h.inc"

#endif // NN_DIALECT_NN_IR_NNINTERFACES_H
