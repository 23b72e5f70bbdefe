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

#include "nn/InitNNDialects.h"
#include "nn/Tools/PrintLayerNames.h"
#include "nn/Tools/ToolOptions.h"

#include <string>
#include <vector>
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

/// `--emit-hls-project=DIR` is spelled `--emit-hls-project
/// --hls-project-dir=DIR` for the registry: a translation is a flag without
/// a value, so the one-flag form is split here.
static std::vector<std::string> splitProjectFlag(int argc, char **argv) {
  std::vector<std::string> args;
  for (int i = 0; i < argc; ++i) {
    llvm::StringRef arg(argv[i]);
    bool split = false;
    for (llvm::StringRef prefix : {"--emit-hls-project=", "-emit-hls-project="})
      if (!split && arg.starts_with(prefix)) {
        args.push_back("--emit-hls-project");
        args.push_back("--hls-project-dir=" +
                       arg.drop_front(prefix.size()).str());
        split = true;
      }
    if (!split)
      args.push_back(arg.str());
  }
  return args;
}

int main(int argc, char **argv) {
  nn::setUpToolOptions({&nn::getEmitHlsOptionCategory()});
  registerRoundTrip();
  nn::registerImportOnnxTranslation();
  nn::registerEmitHlsTranslations(argv[0]);
  nn::printLocationsByDefault();
  std::vector<std::string> args = splitProjectFlag(argc, argv);
  std::vector<char *> argvSplit;
  for (std::string &arg : args)
    argvSplit.push_back(arg.data());
  argvSplit.push_back(nullptr);
  return mlir::failed(mlir::mlirTranslateMain(
      int(args.size()), argvSplit.data(), "nn translation driver\n"));
}
