// A design whose layers are all unrolled is one pipeline (II 1): stage
// registers only where a layer needs them, the input ports registered, an
// activation table in BRAM (docs/CostModel.md).
//
// d: 2 x 1 products, weights 1000 (general: 1 DSP, 4 LUTs of glue) and 3
//   (two bits: a 16-bit shift-add, 16 LUTs); no adders (one term per
//   output): LUT 20. 3.0 ns < 3.65 ns: latency 0, no stage register.
// s: sigmoid of 2 values: a 16-bit select each (32 LUTs) and a table
//   lookup each (index logic 4 x 16 bits: 128 LUTs): LUT 160; the table,
//   1024 x 16 bits, is one BRAM_18K (1K x 18) per two parallel reads: 1.
//   Latency: the BRAM read, 1 cycle, its 2 x 16 bits registered: FF 32.
// inputs: the 16-bit input port registered: FF 16.
// Total: DSP 1, LUT 180, FF 48, BRAM_18K 1, latency 1, II 1.
//
// RUN: nn-opt %s --nn-estimate="part=xcu250" -o /dev/null | FileCheck %s
// CHECK: nn-estimate: part xcu250-figd2104-2L-e, clock 5 ns
// CHECK: d nn.dense 1 latency unrolled 1 20 0 0 0 1
// CHECK: s nn.sigmoid 1 - unrolled 0 160 32 1 1 1
// CHECK: inputs ports 1 - registers 0 0 16 0 0 1
// CHECK: total 1 180 48 1 1 1
// CHECK: latency 1 cycles (5.0 ns), II 1
func.func @pipe(%x: tensor<1x1x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1000], [3]]> : tensor<2x1xi16> -> tensor<2x1x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w : (tensor<1x1x!nn.fixed<16, 6>>, tensor<2x1x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d")
  %y = nn.sigmoid %h : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>> loc("s")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}

// A small table is LUT ROM, not BRAM: sigmoid with 64 entries of 16 bits
// (1024 bits, at most 9216): per parallel read ceil(64 / 64) x 16 = 16
// LUTs, two reads: 32; with the selects (32) and the index logic (128):
// LUT 192, BRAM 0, and the read adds no cycle: latency 0.
// RUN: nn-opt %s --nn-estimate -o /dev/null | FileCheck %s --check-prefix=ROM
// ROM: nn-estimate: part xcvu13p-flga2577-2-e, clock 5 ns
// ROM: nn-estimate: part xcvu13p-flga2577-2-e, clock 5 ns
// ROM: s64 nn.sigmoid 1 - unrolled 0 192 0 0 0 1
func.func @rom(%x: tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %y = nn.sigmoid %x {nn.table_size = 64 : i64} : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>> loc("s64")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}

// Softsign reads a table like sigmoid (hls4ml's, over [-8, 8)): the same
// 64 x 16-bit LUT ROM read twice (32), selects (32) and index logic (128):
// LUT 192, latency 0.
// RUN: nn-opt %s --nn-estimate -o /dev/null | FileCheck %s --check-prefix=SOFTSIGN
// SOFTSIGN: q64 nn.softsign 1 - unrolled 0 192 0 0 0 1
func.func @softsign(%x: tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %y = nn.softsign %x {nn.table_size = 64 : i64} : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>> loc("q64")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
