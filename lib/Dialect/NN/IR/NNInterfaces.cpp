//===- NNInterfaces.cpp - nn op interfaces --------------------------------===//

#include "nn/Dialect/NN/IR/NNInterfaces.h"

#include "nn/Dialect/NN/IR/NNInterfaces.cpp.inc"
