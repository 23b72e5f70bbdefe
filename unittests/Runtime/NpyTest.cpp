//===- NpyTest.cpp - the C-simulation testbench's .npy reader -------------===//
//
// nn_csim/npy.h as emitted testbenches use it (C++14): values read from
// hand-written files, and the files it refuses, with the same messages as
// nn-interp (the parser is shared: nn/Support/Npy.h).
//
//===----------------------------------------------------------------------===//

#include "nn_csim/npy.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace {

class NpyTest : public ::testing::Test {
protected:
  void SetUp() override {
    char pattern[] = "/tmp/nn-npy-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir = pattern;
  }
  void TearDown() override {
    for (const std::string &path : created)
      std::remove(path.c_str());
    rmdir(dir.c_str());
  }
  std::string write(const std::string &name, const std::string &bytes) {
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    created.push_back(path);
    return path;
  }
  /// A version 1.0 file with `dict` as its header.
  static std::string npy(const std::string &dict, const std::string &payload) {
    std::string bytes("\x93NUMPY\x01\x00", 8);
    bytes += char(dict.size() & 0xff);
    bytes += char(dict.size() >> 8);
    return bytes + dict + payload;
  }

  std::string dir;
  std::vector<std::string> created;
};

// 1.5f is 0x3fc00000, -2.0f is 0xc0000000; 0.25 as a double is
// 0x3fd0000000000000.
// Integer arrays (an embedding's indices) are read as their values, sign-
// or zero-extended from every width and byte order.
TEST_F(NpyTest, ReadsIntegers) {
  nn_csim::NpyArray i8, u1, i2, u4;
  EXPECT_EQ(nn_csim::readNpy(
                write("i8.npy", npy("{'descr': '<i8', 'fortran_order': "
                                    "False, 'shape': (2,), }",
                                    std::string("\x07\0\0\0\0\0\0\0"
                                                "\xfe\xff\xff\xff\xff\xff"
                                                "\xff\xff",
                                                16))),
                i8),
            "");
  EXPECT_EQ(i8.elementType, "int64");
  EXPECT_EQ(i8.values, (std::vector<double>{7, -2}));
  EXPECT_EQ(nn_csim::readNpy(
                write("u1.npy", npy("{'descr': '|u1', 'fortran_order': "
                                    "False, 'shape': (2,), }",
                                    std::string("\xff\x01", 2))),
                u1),
            "");
  EXPECT_EQ(u1.values, (std::vector<double>{255, 1}));
  EXPECT_EQ(nn_csim::readNpy(
                write("i2.npy", npy("{'descr': '>i2', 'fortran_order': "
                                    "False, 'shape': (2,), }",
                                    std::string("\xff\xfd\x01\x00", 4))),
                i2),
            "");
  EXPECT_EQ(i2.values, (std::vector<double>{-3, 256}));
  EXPECT_EQ(nn_csim::readNpy(
                write("u4.npy", npy("{'descr': '<u4', 'fortran_order': "
                                    "False, 'shape': (1,), }",
                                    std::string("\xff\xff\xff\xff", 4))),
                u4),
            "");
  EXPECT_EQ(u4.values, (std::vector<double>{4294967295.0}));
}

TEST_F(NpyTest, ReadsBothByteOrdersAndWidths) {
  nn_csim::NpyArray array;
  std::string little = npy("{'descr': '<f4', 'fortran_order': False, "
                           "'shape': (2,), }",
                           std::string("\x00\x00\xc0\x3f\x00\x00\x00\xc0", 8));
  EXPECT_EQ(nn_csim::readNpy(write("le.npy", little), array), "");
  EXPECT_EQ(array.shape, (std::vector<int64_t>{2}));
  EXPECT_EQ(array.values, (std::vector<double>{1.5, -2.0}));

  std::string big = npy("{'descr': '>f4', 'fortran_order': False, "
                        "'shape': (1, 2), }",
                        std::string("\x3f\xc0\x00\x00\xc0\x00\x00\x00", 8));
  nn_csim::NpyArray array2;
  EXPECT_EQ(nn_csim::readNpy(write("be.npy", big), array2), "");
  EXPECT_EQ(array2.shape, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(array2.values, (std::vector<double>{1.5, -2.0}));

  std::string f8 = npy("{'descr': '<f8', 'fortran_order': False, "
                       "'shape': (), }",
                       std::string("\x00\x00\x00\x00\x00\x00\xd0\x3f", 8));
  nn_csim::NpyArray array3;
  EXPECT_EQ(nn_csim::readNpy(write("f8.npy", f8), array3), "");
  EXPECT_TRUE(array3.shape.empty());
  EXPECT_EQ(array3.values, (std::vector<double>{0.25}));
}

TEST_F(NpyTest, RefusesMalformedFiles) {
  nn_csim::NpyArray array;
  EXPECT_EQ(nn_csim::readNpy(write("short.npy",
                                   npy("{'descr': '<f4', 'fortran_order': "
                                       "False, 'shape': (1, 4), }",
                                       std::string(12, '\0'))),
                             array),
            "the .npy header describes 4 elements (16 bytes) but the file "
            "holds 12 bytes of data");
  EXPECT_EQ(nn_csim::readNpy(write("fortran.npy",
                                   npy("{'descr': '<f4', 'fortran_order': "
                                       "True, 'shape': (2, 2), }",
                                       std::string(16, '\0'))),
                             array)
                .rfind("the array is stored in Fortran order", 0),
            0u);
  EXPECT_EQ(nn_csim::readNpy(write("c8.npy",
                                   npy("{'descr': '<c8', 'fortran_order': "
                                       "False, 'shape': (1,), }",
                                       std::string(8, '\0'))),
                             array)
                .rfind("dtype '<c8' is not supported", 0),
            0u);
  // '|' for multi-byte integers, '<' for one byte: not what NumPy writes.
  EXPECT_EQ(nn_csim::readNpy(write("i4bar.npy",
                                   npy("{'descr': '|i4', 'fortran_order': "
                                       "False, 'shape': (1,), }",
                                       std::string(4, '\0'))),
                             array)
                .rfind("dtype '|i4' is not supported", 0),
            0u);
  // (2^32, 2^32, 4) overflows 64 bits: refused by the element limit before
  // any multiplication can wrap.
  EXPECT_EQ(nn_csim::readNpy(write("huge.npy",
                                   npy("{'descr': '<f4', 'fortran_order': "
                                       "False, 'shape': (4294967296, "
                                       "4294967296, 4), }",
                                       "")),
                             array)
                .rfind("the .npy header's shape holds more elements than the "
                       "limit",
                       0),
            0u);
  EXPECT_EQ(nn_csim::readNpy(write("text.npy", "hello"), array),
            "not a .npy file (no \\x93NUMPY magic string)");
}

TEST_F(NpyTest, RefusesWhatIsNotARegularFile) {
  nn_csim::NpyArray array;
  std::string fifo = dir + "/fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  created.push_back(fifo);
  // Would block for ever if the FIFO were opened for a blocking read.
  EXPECT_EQ(nn_csim::readNpy(fifo, array), "is a FIFO, not a regular file");
  EXPECT_EQ(nn_csim::readNpy(dir, array),
            "is a directory, not a regular file");
  EXPECT_EQ(nn_csim::readNpy("/dev/null", array), "is not a regular file");
  EXPECT_EQ(nn_csim::readNpy(dir + "/missing.npy", array),
            "cannot be read: No such file or directory");
  std::string ok = write("ok.npy", npy("{'descr': '<f4', 'fortran_order': "
                                       "False, 'shape': (1,), }",
                                       std::string(4, '\0')));
  EXPECT_EQ(nn_csim::readNpy(ok, array, 10),
            "has " + std::to_string(10 + 57 + 4) +
                " bytes, more than the limit of 10 bytes");
}

} // namespace
