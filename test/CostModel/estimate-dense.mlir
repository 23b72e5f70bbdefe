// --nn-estimate on two hand-checked dense layers (docs/CostModel.md has the
// formulas and coefficients). x, w and results are <16,6>; no bias.
//
// d1: R = 1, 2 x 4 products (unrolled). Weights (raw): 0, 4, 3, 1000 /
// 1001, 0, 0, 2: three zeros (free), two powers of two (shifts), one
// two-bit constant (3: shift and add, 16 LUTs), two general products
// (1000, 1001: one DSP each, 16 x 16 fits a DSP48E2).
//   DSP 2. LUT: 2 DSP products x 4 glue + 16 (shift-add) + adders: 5
//   non-zero terms - 2 outputs = 3 adders x 34 bits (lossless accumulator
//   of fx::dotProductFormat: 32 + ceil(log2 4) = 34) = 8 + 16 + 102 = 126.
//   Latency: 3.0 ns (DSP) + 2 adder levels x (0.35 + 0.015 x 34) = 4.72 ns
//   in a 5 x 0.73 = 3.65 ns budget: 2 stages, 1 register: 1 cycle, II 1.
//   FF: the register stage sits after 2 x 1 / 2 = 1 of the 2 tree levels:
//   ceil(4 / 2) = 2 partial sums x 2 outputs x 34 bits = 136, and, as the
//   design is not one pipeline (d2 is a loop), the output buffer 2 x 16:
//   168.
// d2: R = 2 resource, 4 x 2 products: B = 4 multipliers, 2 steps.
//   DSP 4. LUT: 4 x 4 glue + 4 adders x 33 bits (32 + ceil(log2 2)) +
//   4 x 16-bit 2:1 operand selects = 16 + 132 + 64 = 212.
//   FF: accumulators 4 x 33 + operand registers 0.5 x 4 x 32 + 4 x 16
//   output = 260.
//   BRAM_18K: weights as 2 words of 4 x 16 = 64 bits: 512 x 36 blocks,
//   ceil(64 / 36) = 2.
//   Latency: 1 (init) + 2 steps + ceil((3.0 + 0.845) / 3.65) = 2 = 5, II 2.
// Total: DSP 6, LUT 338, FF 428, BRAM_18K 2, latency 6, and II 7: the
// resource layer is a loop, so the design is not one pipeline and a new
// sample starts after the last layer (latency + 1).
//
// RUN: nn-opt %s --nn-estimate="report=%t.json" -o %t.mlir | FileCheck %s
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// The IR passes through unchanged:
// RUN: nn-opt %s -o %t.ref.mlir && diff %t.ref.mlir %t.mlir
// Part and clock from the module's attributes (the configuration's Part
// and ClockPeriod): at 2 ns d1 needs 4.72 / 1.46 -> 3 registers, after
// 2j/4 = 0, 1, 1 tree levels: (4 + 2 + 2) x 2 x 34 + 32 = 576 FF.
// RUN: sed -e 's/^module {/module attributes {nn.hls.part = "xczu9eg-ffvb1156-2-e", nn.hls.clock_period = 2.0 : f64} {/' %s | nn-opt --nn-estimate | FileCheck %s --check-prefix=ATTR

// CHECK: nn-estimate: part xcvu13p-flga2577-2-e, clock 5 ns
// CHECK: layer op R strategy  structure DSP LUT FF BRAM_18K latency II
// CHECK: d1 nn.dense 1 latency   unrolled 2 126 168 0 1 1
// CHECK: d2 nn.dense 2 resource  resource 4 212 260 2 5 2
// CHECK: total 6 338 428 2 6 7
// CHECK: available 12288 1728000 3456000 5376
// CHECK: utilisation 0.0% 0.0% 0.0% 0.0%
// CHECK: latency 6 cycles (30.0 ns), II 7

// JSON: "clock_ns": 5,
// JSON: "layers": [
// JSON: "bram_18k": 0,
// JSON-NEXT: "dsp": 2,
// JSON-NEXT: "ff": 168,
// JSON-NEXT: "ii": 1,
// JSON-NEXT: "latency_cycles": 1,
// JSON-NEXT: "lut": 126,
// JSON-NEXT: "name": "d1",
// JSON-NEXT: "op": "nn.dense",
// JSON-NEXT: "reuse_factor": 1,
// JSON-NEXT: "strategy": "latency"
// JSON: "bram_18k": 2,
// JSON-NEXT: "dsp": 4,
// JSON-NEXT: "ff": 260,
// JSON-NEXT: "ii": 2,
// JSON-NEXT: "latency_cycles": 5,
// JSON-NEXT: "lut": 212,
// JSON-NEXT: "name": "d2",
// JSON-NEXT: "op": "nn.dense",
// JSON-NEXT: "reuse_factor": 2,
// JSON-NEXT: "strategy": "resource"
// JSON: "part": "xcvu13p-flga2577-2-e",
// JSON-NEXT: "total": {
// JSON-NEXT: "bram_18k": 2,
// JSON-NEXT: "dsp": 6,
// JSON-NEXT: "ff": 428,
// JSON-NEXT: "ii": 7,
// JSON-NEXT: "latency_cycles": 6,
// JSON-NEXT: "lut": 338,
// JSON-NEXT: "uram": 0

// ATTR: nn-estimate: part xczu9eg-ffvb1156-2-e, clock 2 ns
// ATTR: d1 nn.dense 1 latency   unrolled 2 126 576 0 3 1
// ATTR: available 2520 274080 548160 1824

module {
func.func @two(%x: tensor<1x4x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense<[[0, 4, 3, 1000], [1001, 0, 0, 2]]> : tensor<2x4xi16> -> tensor<2x4x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1 : (tensor<1x4x!nn.fixed<16, 6>>, tensor<2x4x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d1")
  %w2 = nn.constant dense<[[1000, 1001], [1002, 1003], [1004, 1005], [1006, 1007]]> : tensor<4x2xi16> -> tensor<4x2x!nn.fixed<16, 6>>
  %y = nn.dense %h, %w2 {nn.reuse_factor = 2 : i64, nn.strategy = "resource"} : (tensor<1x2x!nn.fixed<16, 6>>, tensor<4x2x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x4x!nn.fixed<16, 6>>
}
}
