//===- NNCanonicalization.cpp - canonicalization patterns of nn ops -------===//

#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace nn;
