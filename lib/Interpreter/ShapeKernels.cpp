//===- ShapeKernels.cpp - interpreter kernels ------------------------------===//

#include "Kernels.h"

using namespace mlir;
using namespace nn;
using namespace nn::interp;

void nn::interp::registerShapeKernels(KernelTable &table) {}
