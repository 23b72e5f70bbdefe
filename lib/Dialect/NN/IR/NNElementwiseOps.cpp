//===- NNElementwiseOps.cpp - broadcasting binary ops ---------------------===//
//
// The verifiers of the broadcasting binary ops are generated (they call
// nn::verifyBroadcastResult); folders and builders go here.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace nn;
