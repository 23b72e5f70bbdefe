//===- HlsStreamTest.cpp - the C-simulation hls::stream --------------------===//

#include <ap_fixed.h>
#include <hls_stream.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// Dataflow runs (hls::nn_dataflow): every process in its own thread over
// bounded, blocking FIFOs.
TEST(HlsStream, DataflowBoundedFifosComplete) {
  hls::stream<int> a("a"), b("b");
  a.set_depth(1);
  b.set_depth(2);
  std::vector<int> got;
  hls::nn_dataflow region;
  region.spawn("producer", [&] {
    for (int i = 0; i < 1000; ++i)
      a.write(i);
  });
  region.spawn("twice", [&] {
    for (int i = 0; i < 1000; ++i)
      b.write(2 * a.read());
  });
  region.spawn("consumer", [&] {
    for (int i = 0; i < 1000; ++i)
      got.push_back(b.read());
  });
  region.join();
  ASSERT_EQ(got.size(), 1000u);
  for (int i = 0; i < 1000; ++i)
    EXPECT_EQ(got[i], 2 * i);
  // A bounded FIFO never holds more than its depth.
  EXPECT_EQ(a.peak(), 1u);
  EXPECT_LE(b.peak(), 2u);
  EXPECT_GE(b.peak(), 1u);
  EXPECT_TRUE(a.empty() && b.empty());
}

// A fork-join whose skip FIFO is too small: the join reads the long path
// first, which needs three items of the fork before its first result, so
// the fork blocks on the full skip FIFO and the join waits forever.
void forkJoinWithSmallSkip() {
  hls::stream<int> skip("skip");
  hls::stream<int> in("in");
  hls::stream<int> longPath("long");
  skip.set_depth(1);
  in.set_depth(8);
  longPath.set_depth(8);
  hls::nn_dataflow region;
  region.spawn("fork", [&] {
    for (int i = 0; i < 4; ++i) {
      skip.write(i);
      in.write(i);
    }
  });
  region.spawn("window", [&] {
    int sum = in.read() + in.read() + in.read();
    longPath.write(sum);
    (void)in.read();
  });
  region.spawn("join", [&] {
    (void)longPath.read();
    for (int i = 0; i < 4; ++i)
      (void)skip.read();
  });
  region.join();
}

TEST(HlsStreamDeathTest, DataflowDeadlockIsReported) {
  EXPECT_EXIT(forkJoinWithSmallSkip(), testing::ExitedWithCode(3),
              "deadlocked(.|\n)*full FIFO 'skip' \\(depth 1\\)(.|\n)*"
              "blocked process 'fork': writing 'skip'(.|\n)*blocked "
              "process 'join': reading 'long' \\(empty\\)");
}

// Outside a dataflow run a stream stays unbounded whatever its depth.
TEST(HlsStream, DepthOnlyBindsInDataflowRuns) {
  hls::stream<int> s("s");
  s.set_depth(1);
  s.write(1);
  s.write(2);
  EXPECT_FALSE(s.full());
  EXPECT_EQ(s.read() + s.read(), 3);
}

} // namespace
