// The diagnostics of --nn-lower-to-hls="io-type=stream" (docs/Lowering.md,
// "io_stream"): an unknown IO type; a transfer (one pixel's channels) wider
// than max-partition, naming the layer; an unrolled channel loop above
// max-unroll-mults is pipelined instead, so the limit checker stays quiet.
// RUN: not nn-opt %s --nn-lower-to-hls="io-type=streaming" 2>&1 | FileCheck %s --check-prefix=TYPE
// RUN: not nn-opt %s --nn-lower-to-hls="io-type=stream max-partition=4" 2>&1 | FileCheck %s --check-prefix=WIDE
// RUN: nn-opt %s --mlir-print-debuginfo=false --nn-lower-to-hls="io-type=stream max-unroll-mults=4" 2>&1 | FileCheck %s --check-prefix=ROLLED

// TYPE: error: nn-lower-to-loops: io-type must be 'parallel' or 'stream', got 'streaming'

// WIDE: error: loc("fc"): io_stream: a transfer of 'fc' would carry 6 channels (one pixel of 'memref<1x6x!nn.fixed<16, 6>>'), more than 4 (max-partition): the packed vector cannot be registers

// ROLLED-NOT: error
// ROLLED: nn.fx.stream_read
// ROLLED: } {nn.hls.name = "fc_rd_c", nn.hls.unroll = 0 : i64}
// ROLLED: } {nn.hls.name = "fc_wr_c", nn.hls.pipeline_ii = 1 : i64}
// ROLLED: nn.fx.stream_write
// ROLLED-SAME: memref<6x!nn.fixed<16, 6>>
// ROLLED: } {nn.hls.name = "fc_wr_px0"}
// ROLLED-NOT: error
func.func @wide(%x: tensor<1x2x!nn.fixed<8, 3>> loc("x")) -> tensor<1x6x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]]> : tensor<6x2xi8> -> tensor<6x2x!nn.fixed<8, 2>> loc("fc_w")
  %y = nn.dense %x, %w {nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x2x!nn.fixed<8, 3>>, tensor<6x2x!nn.fixed<8, 2>>) -> tensor<1x6x!nn.fixed<16, 6>> loc("fc")
  return %y : tensor<1x6x!nn.fixed<16, 6>>
}
