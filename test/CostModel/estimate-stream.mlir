// --nn-estimate="io-type=stream" (docs/CostModel.md, "io_stream designs"),
// figures computed by hand.
//
// @res: a residual block on x [1, 4, 8, 8] of <16,6> (64 pixels of 4
// channels): x feeds relu and, through the skip FIFO x_out1, the add. The
// schedule (as in test/Conversion/lower-to-hls-stream-depths.mlir, with 64
// transfers): x_proc writes x_out0 and x_out1 in cycles 0..63; relu reads
// x_out0 in 1..64 (depth 2), computes in 65 (256 elements, unrolled),
// writes relu_out in 66..129; the add reads relu_out in 67..130 (depth 2),
// only then x_out1 in 131..194 (depth 64, every transfer waits), computes
// in 195, writes add_out in 196..259, read by output_0 in 197..260 (depth
// 2). Busy: x 64, relu 64 + 1 + 64 = 129, add 64 + 64 + 1 + 64 = 193,
// output 64: the design's II is 193, its latency 261; relu's row II 129
// and latency 130, the add's II 193 and latency 260.
// FIFOs: one transfer is 4 x 16 = 64 bits (add_out: 4 x 17 = 68, the add's
// lossless <17,7>). x_out0, relu_out, add_out have depth 2: SRL,
// 64 + 64 + 68 = 196 LUTs (ceil(2 / 32) = 1 SRL32 per bit); x_out1 holds
// 64 x 64 = 4096 bits > 1024: a memory, 64 words of 64 bits: 512 x 36
// blocks, ceil(64 / 36) = 2 BRAM_18K. The row: 3srl/1mem, LUT 196, BRAM 2.
//
// @pool: a 2x2 max pool, stride 2, on [1, 4, 8, 8] of <16,6>: its line
// buffer holds 2 rows of 8 columns of 4 channels, 64 elements x 16 bits:
// registers, FF 1024; at max-partition=32 a memory: 64 words of 16 bits,
// one 1024 x 18 block, BRAM_18K 1.
//
// RUN: nn-opt %s -split-input-file --nn-estimate="io-type=stream" -o /dev/null | FileCheck %s
// RUN: nn-opt %s -split-input-file --nn-estimate="io-type=stream max-partition=32" -o /dev/null 2>/dev/null | FileCheck %s --check-prefix=MEM
// RUN: not nn-opt %s -split-input-file --nn-estimate="io-type=serial" -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR
// A design the stream lowering refuses (one transfer of 4 channels above
// max-partition=2) cannot be estimated: the lowering's error, then the
// estimate's.
// RUN: not nn-opt %s -split-input-file --nn-estimate="io-type=stream max-partition=2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=LOWER

// CHECK: layer op R strategy structure DSP LUT FF BRAM_18K latency II
// CHECK: relu nn.relu {{.*}} 130 129
// CHECK-NEXT: add nn.add {{.*}} 260 193
// CHECK-NEXT: fifos hls::stream 1 - 3srl/1mem 0 196 0 2 0 1
// CHECK-NEXT: total {{.*}} 2 261 193
// CHECK: latency 261 cycles (1305.0 ns), II 193

// CHECK: mp_linebuf line buffer 1 - registers 0 0 1024 0 0 1
// MEM: mp_linebuf line buffer 1 - memory 0 0 0 1 0 1

// ERR: error: nn-estimate: io-type must be 'parallel' or 'stream', not 'serial'

// LOWER: error: {{.*}}io_stream: a transfer of 'x' would carry 4 channels
// LOWER: error: nn-estimate: the io_stream lowering of 'res' failed (see the error above)

func.func @res(%x: tensor<1x4x8x8x!nn.fixed<16, 6>> loc("x")) -> tensor<1x4x8x8x!nn.fixed<17, 7>> {
  %r = nn.relu %x : tensor<1x4x8x8x!nn.fixed<16, 6>> -> tensor<1x4x8x8x!nn.fixed<16, 6>> loc("relu")
  %a = nn.add %r, %x : (tensor<1x4x8x8x!nn.fixed<16, 6>>, tensor<1x4x8x8x!nn.fixed<16, 6>>) -> tensor<1x4x8x8x!nn.fixed<17, 7>> loc("add")
  return %a : tensor<1x4x8x8x!nn.fixed<17, 7>>
}

// -----

func.func @pool(%x: tensor<1x4x8x8x!nn.fixed<16, 6>> loc("x")) -> tensor<1x4x4x4x!nn.fixed<16, 6>> {
  %p = nn.max_pool %x {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x4x8x8x!nn.fixed<16, 6>> -> tensor<1x4x4x4x!nn.fixed<16, 6>> loc("mp")
  return %p : tensor<1x4x4x4x!nn.fixed<16, 6>>
}
