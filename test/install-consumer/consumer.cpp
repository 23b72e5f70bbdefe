//===- consumer.cpp - uses the installed nn dialect -----------------------===//
//
// Registers the nn dialect, parses and verifies a module that uses an nn op
// and an nn type, and prints it back. Exits non-zero on any failure.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNOps.h"

static const char *kModule = R"mlir(
func.func @layer(%x: tensor<1x4x!nn.fixed<16, 6>>, %w: tensor<3x4x!nn.fixed<8, 1>>)
    -> tensor<1x3x!nn.fixed<24, 10, RND, SAT>> {
  %y = nn.dense %x, %w : (tensor<1x4x!nn.fixed<16, 6>>, tensor<3x4x!nn.fixed<8, 1>>)
      -> tensor<1x3x!nn.fixed<24, 10, RND, SAT>>
  return %y : tensor<1x3x!nn.fixed<24, 10, RND, SAT>>
}
)mlir";

int main() {
  mlir::DialectRegistry registry;
  registry.insert<nn::NNDialect, mlir::func::FuncDialect>();
  mlir::MLIRContext context(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(kModule, &context);
  if (!module || mlir::failed(mlir::verify(*module)))
    return 1;
  int denseOps = 0;
  module->walk([&](nn::DenseOp) { ++denseOps; });
  if (denseOps != 1)
    return 2;
  module->print(llvm::outs());
  return 0;
}
