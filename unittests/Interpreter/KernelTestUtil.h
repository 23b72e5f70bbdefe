//===- KernelTestUtil.h - helpers for the interpreter kernel tests -*- C++ -*-===//
//
// Builds a one-op function from MLIR text, evaluates it and hands back the
// results or the diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef NN_UNITTESTS_INTERPRETER_KERNELTESTUTIL_H
#define NN_UNITTESTS_INTERPRETER_KERNELTESTUTIL_H

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Interpreter/Interpreter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nn::interp::test {

/// A fixed-point format for the inputs of a test.
inline fx::Format fixedFormat(int width, int intWidth, bool isSigned = true,
                              fx::Rounding rounding = fx::Rounding::TRN,
                              fx::Overflow overflow = fx::Overflow::WRAP) {
  return fx::Format{width, intWidth, isSigned, rounding, overflow};
}

/// "func.func @main(%x: IN) -> OUT { %y = OP %x ATTRS : IN -> OUT ... }".
inline std::string unaryFunc(const std::string &op, const std::string &attrs,
                             const std::string &in, const std::string &out) {
  return "func.func @main(%x: " + in + ") -> " + out + " {\n  %y = " + op +
         " %x " + attrs + " : " + in + " -> " + out + "\n  return %y : " +
         out + "\n}\n";
}

/// The same for an op of two operands (functional-type syntax).
inline std::string binaryFunc(const std::string &op, const std::string &attrs,
                              const std::string &lhs, const std::string &rhs,
                              const std::string &out) {
  return "func.func @main(%a: " + lhs + ", %b: " + rhs + ") -> " + out +
         " {\n  %y = " + op + " %a, %b " + attrs + " : (" + lhs + ", " + rhs +
         ") -> " + out + "\n  return %y : " + out + "\n}\n";
}

class KernelTest : public ::testing::Test {
protected:
  KernelTest() {
    context.loadDialect<nn::NNDialect, mlir::func::FuncDialect>();
  }

  /// Parses `source` (a func.func @main), evaluates it on `inputs` and
  /// returns its results; `diagnostics` collects the messages, and the
  /// result is empty on failure.
  std::vector<Tensor> evaluateSource(const std::string &source,
                                     std::vector<Tensor> inputs) {
    diagnostics.clear();
    mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &d) {
      diagnostics += d.str() + "\n";
      return mlir::success();
    });
    module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    if (!module)
      return {};
    auto func = module->lookupSymbol<mlir::func::FuncOp>("main");
    if (!func)
      return {};
    mlir::FailureOr<std::vector<Tensor>> results = evaluate(func, inputs);
    if (mlir::failed(results))
      return {};
    return *results;
  }

  /// evaluateSource() of a function with one result, which must succeed.
  Tensor run(const std::string &source, std::vector<Tensor> inputs) {
    std::vector<Tensor> results = evaluateSource(source, std::move(inputs));
    EXPECT_EQ(results.size(), 1u) << diagnostics << source;
    return results.empty() ? Tensor() : results.front();
  }

  /// evaluateSource() that must fail; returns the diagnostics.
  std::string runError(const std::string &source, std::vector<Tensor> inputs) {
    std::vector<Tensor> results = evaluateSource(source, std::move(inputs));
    EXPECT_TRUE(results.empty()) << "evaluation succeeded:\n" << source;
    return diagnostics;
  }

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::string diagnostics;
};

} // namespace nn::interp::test

#endif // NN_UNITTESTS_INTERPRETER_KERNELTESTUTIL_H
