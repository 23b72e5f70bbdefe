//===- HlsStreamTest.cpp - the C-simulation hls::stream --------------------===//

#include <ap_fixed.h>
#include <hls_stream.h>

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(HlsStream, FifoOrderAndSize) {
  hls::stream<ap_fixed<8, 4>> s("layer1_out");
  EXPECT_STREQ(s.name(), "layer1_out");
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.full());
  EXPECT_EQ(s.size(), 0u);
  s.write(1.5);
  s << ap_fixed<8, 4>(-2.25);
  EXPECT_TRUE(s.write_nb(0.125));
  EXPECT_EQ(s.size(), 3u);
  EXPECT_FALSE(s.full()); // unbounded in C simulation
  EXPECT_EQ(s.read().to_double(), 1.5);
  ap_fixed<8, 4> x;
  s >> x;
  EXPECT_EQ(x.to_double(), -2.25);
  EXPECT_TRUE(s.read_nb(x));
  EXPECT_EQ(x.to_double(), 0.125);
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.read_nb(x));
  EXPECT_EQ(x.to_double(), 0.125); // untouched
}

TEST(HlsStream, ArraysAndDepthParameter) {
  struct Pixel {
    ap_uint<8> channel[3];
  };
  hls::stream<Pixel, 16> s;
  EXPECT_STREQ(s.name(), "hls::stream");
  for (int k = 0; k < 20; ++k) // more than DEPTH: C simulation ignores it
    s.write(Pixel{{k, k + 1, k + 2}});
  EXPECT_EQ(s.size(), 20u);
  for (int k = 0; k < 20; ++k) {
    Pixel p;
    s.read(p);
    EXPECT_EQ(p.channel[2], unsigned(k + 2));
  }
}

TEST(HlsStream, PeakOccupancy) {
  hls::stream<int> s("fifo");
  EXPECT_EQ(s.peak(), 0u);
  s.write(1);
  s.write(2);
  s.read();
  s.write(3); // two held again: the peak stays 2
  EXPECT_EQ(s.peak(), 2u);
  s.write(4);
  EXPECT_EQ(s.peak(), 3u);
  while (!s.empty())
    s.read();
  EXPECT_EQ(s.peak(), 3u); // a maximum, not the current size
}

TEST(HlsStreamDeathTest, ReadWhileEmptyAborts) {
  EXPECT_DEATH(
      {
        hls::stream<int> s("weights");
        (void)s.read();
      },
      "hls::stream 'weights' read while empty");
}

TEST(HlsStream, LeftoverDataWarns) {
  testing::internal::CaptureStderr();
  {
    hls::stream<int> s("tail");
    s.write(1);
    s.write(2);
  }
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("hls::stream 'tail' destroyed with 2 element(s)"),
            std::string::npos)
      << err;
}

} // namespace
