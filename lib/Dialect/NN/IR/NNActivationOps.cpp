//===- NNActivationOps.cpp - verifiers of activations ---------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace nn;
