//===- FixedTypeTest.cpp - !nn.fixed through the C++ API ------------------===//

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNTypes.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace nn;

namespace {

class FixedTypeTest : public ::testing::Test {
protected:
  FixedTypeTest() { context.loadDialect<NNDialect>(); }

  // Parses a type, collecting any diagnostic instead of printing it.
  Type parse(StringRef text) {
    diagnostics.clear();
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      diagnostics += diag.str();
      return success();
    });
    return parseType(text, &context);
  }

  MLIRContext context;
  std::string diagnostics;
};

TEST_F(FixedTypeTest, DefaultsAreTruncateAndWrap) {
  auto type = FixedType::get(&context, 16, 6);
  EXPECT_TRUE(type.getIsSigned());
  EXPECT_EQ(type.getRounding(), RoundingMode::TRN);
  EXPECT_EQ(type.getOverflow(), OverflowMode::WRAP);
  EXPECT_EQ(type.getFracWidth(), 10);
  EXPECT_EQ(type.getHlsTypeName(), "ap_fixed<16,6>");
}

TEST_F(FixedTypeTest, HlsNamesSpellEveryParameter) {
  EXPECT_EQ(FixedType::get(&context, 8, 0, false).getHlsTypeName(),
            "ap_ufixed<8,0>");
  EXPECT_EQ(FixedType::get(&context, 18u, 8, true, RoundingMode::RND_CONV,
                           OverflowMode::SAT_SYM)
                .getHlsTypeName(),
            "ap_fixed<18,8,AP_RND_CONV,AP_SAT_SYM>");
  // A non-default overflow mode forces the rounding mode to be spelled too.
  EXPECT_EQ(FixedType::get(&context, 8u, 3, true, RoundingMode::TRN,
                           OverflowMode::SAT)
                .getHlsTypeName(),
            "ap_fixed<8,3,AP_TRN,AP_SAT>");
}

TEST_F(FixedTypeTest, ParsedTypesAreUniqued) {
  Type parsed = parse("!nn.fixed<16, 6, RND, SAT>");
  ASSERT_TRUE(parsed) << diagnostics;
  EXPECT_EQ(parsed, FixedType::get(&context, 16, 6, true, RoundingMode::RND,
                                   OverflowMode::SAT));
  Type unsignedType = parse("!nn.ufixed<8, 0>");
  ASSERT_TRUE(unsignedType) << diagnostics;
  EXPECT_FALSE(llvm::cast<FixedType>(unsignedType).getIsSigned());
}

TEST_F(FixedTypeTest, NegativeAndLargeIntegerWidthsAreAllowed) {
  auto small = llvm::dyn_cast_or_null<FixedType>(parse("!nn.fixed<8, -2>"));
  ASSERT_TRUE(small) << diagnostics;
  EXPECT_EQ(small.getFracWidth(), 10);
  auto large = llvm::dyn_cast_or_null<FixedType>(parse("!nn.ufixed<4, 8>"));
  ASSERT_TRUE(large) << diagnostics;
  EXPECT_EQ(large.getFracWidth(), -4);
}

TEST_F(FixedTypeTest, InvalidParametersAreDiagnosed) {
  EXPECT_FALSE(parse("!nn.fixed<0, 0>"));
  EXPECT_NE(diagnostics.find("width must be in [1, 1024], got 0"),
            std::string::npos)
      << diagnostics;
  EXPECT_FALSE(parse("!nn.fixed<8589934592, 0>"));
  EXPECT_NE(diagnostics.find("got 8589934592"), std::string::npos)
      << diagnostics;
  EXPECT_FALSE(parse("!nn.ufixed<8, 2, TRN, SAT_SYM>"));
  EXPECT_NE(diagnostics.find("SAT_SYM needs a signed type"), std::string::npos)
      << diagnostics;
  EXPECT_FALSE(FixedType::getChecked(
      [&] { return emitError(UnknownLoc::get(&context)); }, &context, 2000u, 0,
      true, RoundingMode::TRN, OverflowMode::WRAP));
}

} // namespace
