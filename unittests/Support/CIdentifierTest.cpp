//===- CIdentifierTest.cpp - the rule from names to C++ identifiers -------===//
//
// Expected identifiers follow the rule stated in CIdentifier.h step by step
// (spelling, length, reserved suffix, uniqueness), written out by hand.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/CIdentifier.h"

#include <gtest/gtest.h>

#include <cstring>
#include <iterator>
#include <string>

using namespace nn;

namespace {

bool isValidId(const std::string &id) {
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0])))
    return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      return false;
  return id.find("__") == std::string::npos;
}

TEST(CIdentifierTest, ReservedWordsSorted) {
  // isReservedCIdentifier searches the list by bisection.
  const char *const *b = std::begin(detail::kReservedWords);
  const char *const *e = std::end(detail::kReservedWords);
  for (const char *const *it = b; it + 1 < e; ++it)
    EXPECT_LT(std::strcmp(it[0], it[1]), 0) << it[0] << " / " << it[1];
  // And each entry is itself reserved (no entry ends in "_v" or "_<n>").
  for (const char *const *it = b; it < e; ++it)
    EXPECT_TRUE(isReservedCIdentifier(*it)) << *it;
}

TEST(CIdentifierTest, Spelling) {
  EXPECT_EQ(cIdentifier("fc1"), "fc1");
  EXPECT_EQ(cIdentifier("conv/1:out"), "conv_1_out");
  EXPECT_EQ(cIdentifier("a\"b;c"), "a_b_c");
  EXPECT_EQ(cIdentifier("../x"), "n_x");
  EXPECT_EQ(cIdentifier("a  b"), "a_b");
  EXPECT_EQ(cIdentifier("a__b"), "a_b");
  EXPECT_EQ(cIdentifier("_x"), "n_x");
  EXPECT_EQ(cIdentifier("__Y"), "n_Y");
  EXPECT_EQ(cIdentifier("1x"), "n_1x");
  EXPECT_EQ(cIdentifier(""), "n_");
  // Each byte of "层" (3 bytes) and "ü" (2 bytes) is not ASCII: one '_'.
  EXPECT_EQ(cIdentifier("层ü1"), "n_1");
  EXPECT_EQ(cIdentifier("x\n*/y"), "x_y");
}

TEST(CIdentifierTest, Reserved) {
  EXPECT_EQ(cIdentifier("main"), "main_v");
  EXPECT_EQ(cIdentifier("while"), "while_v");
  EXPECT_EQ(cIdentifier("and"), "and_v");
  EXPECT_EQ(cIdentifier("errno"), "errno_v");
  EXPECT_EQ(cIdentifier("assert"), "assert_v");
  EXPECT_EQ(cIdentifier("exit"), "exit_v");
  EXPECT_EQ(cIdentifier("abs"), "abs_v");
  EXPECT_EQ(cIdentifier("stdin"), "stdin_v");
  EXPECT_EQ(cIdentifier("index"), "index_v");
  EXPECT_EQ(cIdentifier("y1"), "y1_v");
  EXPECT_EQ(cIdentifier("ap_fixed"), "ap_fixed_v");
  EXPECT_EQ(cIdentifier("hls"), "hls_v");
  EXPECT_EQ(cIdentifier("std"), "std_v");
  EXPECT_EQ(cIdentifier("nn"), "nn_v");
  // Possible macros: no lowercase letter.
  EXPECT_EQ(cIdentifier("NULL"), "NULL_v");
  EXPECT_EQ(cIdentifier("EOF"), "EOF_v");
  EXPECT_EQ(cIdentifier("FC1"), "FC1_v");
  EXPECT_EQ(cIdentifier("NN_HLS"), "NN_HLS_v");
  // POSIX's _t suffix (and the emitter's typedefs).
  EXPECT_EQ(cIdentifier("size_t"), "size_t_v");
  EXPECT_EQ(cIdentifier("fixed_8_3_t"), "fixed_8_3_t_v");
  // Names that are not reserved stay.
  EXPECT_EQ(cIdentifier("input_0"), "input_0");
  EXPECT_EQ(cIdentifier("mainly"), "mainly");
  EXPECT_EQ(cIdentifier("Fc1"), "Fc1");
}

TEST(CIdentifierTest, LongNames) {
  std::string a(5000, 'a'), b = std::string(4999, 'a') + "b";
  std::string ia = cIdentifier(a), ib = cIdentifier(b);
  EXPECT_EQ(ia.size(), kMaxIdentifierLength);
  EXPECT_EQ(ia.substr(0, kTruncatedLength), a.substr(0, kTruncatedLength));
  EXPECT_EQ(ia[kTruncatedLength], '_');
  EXPECT_NE(ia, ib); // the hash of the whole name tells them apart
  EXPECT_EQ(ia, cIdentifier(a)); // deterministic
  // FNV-1a of "a": 0xe40c292c (the published test vector).
  EXPECT_EQ(detail::fnv1a("a"), 0xe40c292cu);
  // A name of exactly the limit is kept.
  EXPECT_EQ(cIdentifier(std::string(kMaxIdentifierLength, 'x')),
            std::string(kMaxIdentifierLength, 'x'));
}

TEST(CIdentifierTest, Idempotent) {
  for (const char *name : {"main", "FC1", "size_t", "../x", "a\"b;c", "",
                           "__Y", "层"}) {
    std::string id = cIdentifier(name);
    EXPECT_TRUE(isValidId(id)) << id;
    EXPECT_FALSE(isReservedCIdentifier(id)) << id;
    EXPECT_EQ(cIdentifier(id), id) << name;
  }
  std::string longId = cIdentifier(std::string(3000, 'q'));
  EXPECT_EQ(cIdentifier(longId), longId);
}

TEST(CIdentifierTest, ScopeMakesUnique) {
  IdentifierScope scope;
  scope.reserve("i");
  EXPECT_EQ(scope.fresh("i"), "i_1");
  EXPECT_EQ(scope.fresh("a/b"), "a_b");
  EXPECT_EQ(scope.fresh("a b"), "a_b_1");
  EXPECT_EQ(scope.fresh("a_b"), "a_b_2");
  EXPECT_EQ(scope.fresh("main"), "main_v");
  EXPECT_EQ(scope.fresh("main"), "main_v_1");
  EXPECT_TRUE(scope.contains("a_b_1"));
}

TEST(CIdentifierTest, EscapeComment) {
  EXPECT_EQ(escapeComment("fc1"), "fc1");
  EXPECT_EQ(escapeComment("a*/b"), "a*\\x2fb");
  EXPECT_EQ(escapeComment("a\nb"), "a\\x0ab");
  EXPECT_EQ(escapeComment("end\\"), "end\\x5c");
  EXPECT_EQ(escapeComment("?\?/"), "\\x3f\\x3f/");
  EXPECT_EQ(escapeComment("\xc3\xbc"), "\\xc3\\xbc");
  std::string longName(kMaxCommentNameBytes + 10, 'z');
  EXPECT_EQ(escapeComment(longName),
            std::string(kMaxCommentNameBytes, 'z') + "... (1034 bytes)");
}

} // namespace
