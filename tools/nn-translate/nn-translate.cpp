//===- nn-translate.cpp - translations into and out of nn -----------------===//
//
// The translation registry of the project: importers (ONNX) and emitters
// (HLS C++) register here. --mlir-to-mlir-roundtrip checks parse/print.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

#include "nn/InitNN.h"
#include "nn/Target/HLS/EmitHLS.h"
#include "nn/Target/ONNX/ImportONNX.h"

static void registerRoundTrip() {
  static mlir::TranslateFromMLIRRegistration roundTrip(
      "mlir-to-mlir-roundtrip", "parse and print nn IR unchanged",
      [](mlir::Operation *op, llvm::raw_ostream &os) {
        op->print(os);
        os << "\n";
        return mlir::success();
      },
      [](mlir::DialectRegistry &registry) {
        nn::registerAllDialects(registry);
      });
}

int main(int argc, char **argv) {
  registerRoundTrip();
  nn::registerImportOnnxTranslation();
  nn::registerEmitHlsTranslations();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "nn translation driver\n"));
}
