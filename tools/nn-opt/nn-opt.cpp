//===- nn-opt.cpp - the nn optimizer driver -------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "nn/InitNN.h"
#include "nn/Tools/PrintLayerNames.h"
#include "nn/Tools/ToolOptions.h"

int main(int argc, char **argv) {
  // First: hides LLVM's own options before MLIR registers its options.
  nn::setUpToolOptions();
  mlir::DialectRegistry registry;
  nn::registerAllDialects(registry);
  nn::registerAllPasses();
  nn::printLocationsByDefault();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "nn optimizer driver: passes on nn and loop-level IR\n",
      registry));
}
