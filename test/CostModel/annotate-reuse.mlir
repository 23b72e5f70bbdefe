// --nn-annotate-reuse on two dense layers whose 32 + 8 weights all have at
// least 6 set bits (2000..2031: every product is a DSP):
// d1 (4 x 8, R = 1): 32 DSPs; its latency-strategy candidates are the
//   divisors of 32 (6 reuse factors), with min(32, 32 / R) DSPs.
// d2 (2 x 4, R = 4, set by the configuration): B = 2 DSPs, kept.
// A budget of 18 DSPs leaves 16 for d1: R = 2 (R = 4 would fit too, with
// more latency). The lowering of the result falls back nowhere.
// RUN: nn-opt %s --nn-annotate-reuse="budget=dsp:18" | FileCheck %s
// CHECK: nn-annotate-reuse: @two, objective latency, budget dsp 18
// CHECK-NEXT: layer op candidates R strategy DSP LUT FF BRAM_18K latency
// CHECK-NEXT: d1 nn.dense 6 (R 1..32) 2 latency 16
// CHECK-NEXT: fits: dsp 18
// CHECK: nn.dense {{.*}} {nn.reuse_factor = 2 : i64, nn.strategy = "latency"}
// CHECK: nn.dense {{.*}} {nn.reuse_factor = 4 : i64, nn.strategy = "latency"}
// RUN: nn-opt %s --nn-annotate-reuse="budget=dsp:18" --nn-lower-to-hls 2>&1 | FileCheck %s --check-prefix=LOWER --implicit-check-not=warning
// LOWER: nn.hls.mul_limit = 16 : i64, nn.hls.name = "d1_block", nn.hls.pipeline_ii = 2 : i64
//
// With a budget that needs nothing changed, d1 keeps R = 1:
// RUN: nn-opt %s --nn-annotate-reuse="budget=dsp:100" | FileCheck %s --check-prefix=ROOMY
// ROOMY: d1 nn.dense 6 (R 1..32) 1 latency 32
// ROOMY: fits: dsp 34
//
// override=true frees d2 too:
// RUN: nn-opt %s --nn-annotate-reuse="budget=dsp:18 override=true" | FileCheck %s --check-prefix=OVERRIDE
// OVERRIDE-DAG: d1 nn.dense
// OVERRIDE-DAG: d2 nn.dense
// OVERRIDE: fits: dsp
//
// objective=ii weighs the layer's II instead of the latency: d1 at R = 2
// has II 2 (R = 4: 4), the same choice here.
// RUN: nn-opt %s --nn-annotate-reuse="budget=dsp:18 objective=ii" | FileCheck %s --check-prefix=II
// II: nn-annotate-reuse: @two, objective ii, budget dsp 18
// II-NEXT: layer
// II-NEXT: d1 nn.dense 6 (R 1..32) 2 latency 16
//
// max-utilization: a share of the part (xc7z020: 220 DSPs; 0.1 -> 22).
// RUN: nn-opt %s --nn-annotate-reuse="part=xc7z020clg400-1 max-utilization=0.1" | FileCheck %s --check-prefix=UTIL
// UTIL: budget dsp 22, lut 5320, ff 10640, bram 28
// UTIL: d1 nn.dense 6 (R 1..32) 2 latency 16
//
// Infeasible: d1 can go down to 1 DSP (R = 32), d2 keeps its 2.
// RUN: not nn-opt %s --nn-annotate-reuse="budget=dsp:1" 2>&1 | FileCheck %s --check-prefix=INFEASIBLE
// INFEASIBLE: error: nn-annotate-reuse: the budget (dsp 1) cannot be met: the smallest achievable is dsp 3 (free layers: 1, each at its cheapest valid reuse factor)
func.func @two(%x: tensor<1x8x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w1 = nn.constant dense<[[2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007], [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015], [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023], [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]]> : tensor<4x8xi16> -> tensor<4x8x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w1 {nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x8x!nn.fixed<16, 6>>, tensor<4x8x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> loc("d1")
  %w2 = nn.constant dense<[[2000, 2001, 2002, 2003], [2004, 2005, 2006, 2007]]> : tensor<2x4xi16> -> tensor<2x4x!nn.fixed<16, 6>>
  %y = nn.dense %h, %w2 {nn.reuse_factor = 4 : i64, nn.strategy = "latency"} : (tensor<1x4x!nn.fixed<16, 6>>, tensor<2x4x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d2")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
