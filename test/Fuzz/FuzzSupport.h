//===- FuzzSupport.h - shared pieces of the libFuzzer targets ---*- C++ -*-===//
//
// What every fuzz target of test/Fuzz needs: an MLIR context that keeps its
// diagnostics to itself. A fuzzer runs millions of inputs, nearly all of
// them rejected with a diagnostic; printing each one would make stderr (and
// the fuzzer) crawl and bury the one report that matters, a sanitizer's.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TEST_FUZZ_FUZZSUPPORT_H
#define NN_TEST_FUZZ_FUZZSUPPORT_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

#include <memory>

namespace nn::fuzz {

/// A fresh context per input, so that no state (uniqued attributes,
/// resource blobs) leaks from one input into the next or grows without
/// bound. Threading is off: one input is small, and thread pools per
/// context would dominate the cost.
inline std::unique_ptr<mlir::MLIRContext>
makeQuietContext(const mlir::DialectRegistry &registry) {
  auto context = std::make_unique<mlir::MLIRContext>(
      registry, mlir::MLIRContext::Threading::DISABLED);
  // Handled (swallowed): rejected inputs are the normal case here.
  context->getDiagEngine().registerHandler(
      [](mlir::Diagnostic &) { return mlir::success(); });
  return context;
}

} // namespace nn::fuzz

#endif // NN_TEST_FUZZ_FUZZSUPPORT_H
