//===- NNTypes.cpp - !nn.fixed --------------------------------------------===//

#include "nn/Dialect/NN/IR/NNTypes.h"
#include "nn/Dialect/NN/IR/NNDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace nn;

#include "nn/Dialect/NN/IR/NNEnums.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "nn/Dialect/NN/IR/NNTypes.cpp.inc"

void NNDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "nn/Dialect/NN/IR/NNTypes.cpp.inc"
      >();
}

// ap_fixed's default limit (AP_INT_MAX_W) on the total width.
static constexpr int64_t kMaxFixedWidth = 1024;

static LogicalResult
verifyWidths(function_ref<InFlightDiagnostic()> emitError, int64_t width,
             int64_t intWidth) {
  if (width < 1 || width > kMaxFixedWidth)
    return emitError() << "fixed-point width must be in [1, " << kMaxFixedWidth
                       << "], got " << width;
  if (intWidth < -kMaxFixedWidth || intWidth > kMaxFixedWidth)
    return emitError() << "fixed-point integer width must be in [-"
                       << kMaxFixedWidth << ", " << kMaxFixedWidth << "], got "
                       << intWidth;
  return success();
}

LogicalResult FixedType::verify(function_ref<InFlightDiagnostic()> emitError,
                                unsigned width, int intWidth, bool isSigned,
                                RoundingMode rounding, OverflowMode overflow) {
  if (failed(verifyWidths(emitError, width, intWidth)))
    return failure();
  if (!isSigned &&
      (overflow == OverflowMode::SAT_SYM || overflow == OverflowMode::WRAP_SM))
    return emitError() << "overflow mode " << stringifyOverflowMode(overflow)
                       << " needs a signed type";
  return success();
}

Type FixedType::parseBody(AsmParser &parser, bool isSigned) {
  SMLoc loc = parser.getCurrentLocation();
  int64_t width = 0, intWidth = 0;
  if (parser.parseLess() || parser.parseInteger(width) || parser.parseComma() ||
      parser.parseInteger(intWidth))
    return {};
  RoundingMode rounding = RoundingMode::TRN;
  OverflowMode overflow = OverflowMode::WRAP;
  if (succeeded(parser.parseOptionalComma())) {
    SMLoc modeLoc = parser.getCurrentLocation();
    StringRef keyword;
    if (parser.parseKeyword(&keyword))
      return {};
    std::optional<RoundingMode> parsed = symbolizeRoundingMode(keyword);
    if (!parsed) {
      parser.emitError(modeLoc, "unknown rounding mode '")
          << keyword
          << "'; expected TRN, TRN_ZERO, RND, RND_ZERO, RND_MIN_INF, "
             "RND_INF or RND_CONV";
      return {};
    }
    rounding = *parsed;
    if (succeeded(parser.parseOptionalComma())) {
      modeLoc = parser.getCurrentLocation();
      if (parser.parseKeyword(&keyword))
        return {};
      std::optional<OverflowMode> parsedOverflow =
          symbolizeOverflowMode(keyword);
      if (!parsedOverflow) {
        parser.emitError(modeLoc, "unknown overflow mode '")
            << keyword << "'; expected WRAP, SAT, SAT_ZERO, SAT_SYM or WRAP_SM";
        return {};
      }
      overflow = *parsedOverflow;
    }
  }
  if (parser.parseGreater())
    return {};
  // Check the widths before narrowing them, so that a huge value is
  // reported as written instead of wrapping into a valid one.
  if (failed(verifyWidths([&] { return parser.emitError(loc); }, width,
                          intWidth)))
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    unsigned(width), int(intWidth), isSigned, rounding,
                    overflow);
}

void FixedType::print(AsmPrinter &printer) const {
  printer << (getIsSigned() ? "fixed" : "ufixed") << "<" << getWidth() << ", "
          << getIntWidth();
  bool printOverflow = getOverflow() != OverflowMode::WRAP;
  if (printOverflow || getRounding() != RoundingMode::TRN)
    printer << ", " << stringifyRoundingMode(getRounding());
  if (printOverflow)
    printer << ", " << stringifyOverflowMode(getOverflow());
  printer << ">";
}

// The enums have the same cases in the same order (see NNTypes.td and
// FixedPoint.h), so the conversion is a cast.
fx::Format FixedType::getFormat() const {
  return fx::Format{int(getWidth()), getIntWidth(), getIsSigned(),
                    static_cast<fx::Rounding>(getRounding()),
                    static_cast<fx::Overflow>(getOverflow())};
}

std::string FixedType::getHlsTypeName() const {
  std::string name;
  llvm::raw_string_ostream os(name);
  os << (getIsSigned() ? "ap_fixed<" : "ap_ufixed<") << getWidth() << ","
     << getIntWidth();
  bool printOverflow = getOverflow() != OverflowMode::WRAP;
  if (printOverflow || getRounding() != RoundingMode::TRN)
    os << ",AP_" << stringifyRoundingMode(getRounding());
  if (printOverflow)
    os << ",AP_" << stringifyOverflowMode(getOverflow());
  os << ">";
  return name;
}
