// io_stream sliding windows (docs/Lowering.md, "io_stream"): 2-D max/avg
// pools and 1-D convs and pools read their input through the conv's line
// buffer instead of buffering the whole tensor. By hand, from the inputs'
// geometry: mp1 (3x3, stride 2, pads 1 on 5x5, C = 2) keeps 3 padded rows
// of 5 + 2 columns, pads with X's minimum raw (fixed<8,3>: -128), and
// after rows r = 2, 4, 6 (r >= 2, r - 2 even) emits 3 pixels, each the max
// of the 3x3 taps at row slot (r - 2 + ky) mod 3, column 2 ox + kx; mp2
// (2x2, stride 2, ceil_mode on 5x5) reads 6 padded columns (3 windows);
// ap1's count varies with the position: the output row is
// (r - 2) floordiv 2 = r floordiv 2 - 1. A 1-D signal is a column: k1 (k =
// 3, C = 3) shifts 3 rows of one pixel, k2 (k = 2, dilation 2) spans 3
// rows, and the max pool 'empty' (its only window lies in the padding)
// keeps the whole-tensor process (empty_in0, no line buffer). The bits are
// checked in test/Interpreter/loops-stream.mlir (nn IR == stream loop IR
// == C simulation).
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/pools.mlir --nn-lower-to-hls="io-type=stream" | FileCheck %s --check-prefix=POOL
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/conv1d.mlir --nn-lower-to-hls="io-type=stream" | FileCheck %s --check-prefix=ONE

// POOL-DAG: #[[AP1ROW:.*]] = affine_map<(d0) -> (d0 floordiv 2 - 1)>
// POOL-DAG: #[[INSIDE:.*]] = affine_set<(d0, d1) : (d0 - 1 >= 0, -d0 + 5 >= 0, d1 - 1 >= 0, -d1 + 5 >= 0)>
// POOL-DAG: #[[ROW:.*]] = affine_set<(d0) : (d0 - 2 >= 0, d0 mod 2 == 0)>
// POOL-LABEL: func.func @pools(
// POOL: memref.alloc() {nn.hls.name = "mp1_out", nn.hls.stream_depth = {{[0-9]+}} : i64} : memref<9x2x!nn.fixed<8, 3>>
// POOL: %[[LB:.*]] = memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "mp1_linebuf"} : memref<2x3x7x!nn.fixed<8, 3>>
// POOL-NOT: mp1_in0
// POOL: affine.for %[[R:.*]] = 0 to 7 {
// POOL-NEXT: affine.for %[[X:.*]] = 0 to 7 {
// POOL-NEXT: affine.if #[[INSIDE]](%[[R]], %[[X]]) {
// POOL-NEXT: nn.fx.stream_read
// POOL: } else {
// POOL: nn.fx.constant -128 : !nn.fixed<8, 3>
// POOL: affine.store %{{.*}}, %[[LB]][%{{.*}}, %[[R]] mod 3, %[[X]]]
// POOL: } {nn.hls.name = "mp1_lb_col", nn.hls.pipeline_ii = 1 : i64}
// POOL-NEXT: affine.if #[[ROW]](%[[R]]) {
// POOL-NEXT: affine.for %[[OX:.*]] = 0 to 3 {
// POOL-NEXT: affine.for %[[C:.*]] = 0 to 2 {
// POOL-NEXT: nn.fx.constant -128
// POOL-NEXT: affine.for %[[KY:.*]] = 0 to 3 iter_args
// POOL-NEXT: affine.for %[[KX:.*]] = 0 to 3 iter_args
// POOL-NEXT: affine.load %[[LB]][%[[C]], (%[[R]] + %[[KY]] - 2) mod 3, %[[OX]] * 2 + %[[KX]]]
// POOL-NEXT: nn.fx.max
// POOL: } {nn.hls.name = "mp1_c", nn.hls.unroll = 0 : i64}
// POOL-NEXT: nn.fx.stream_write
// POOL-NEXT: } {nn.hls.name = "mp1_ox", nn.hls.pipeline_ii = 1 : i64}
// POOL: nn.hls.name = "mp2_linebuf"} : memref<2x2x6x!nn.fixed<8, 3>>
// POOL: nn.hls.name = "ap1_linebuf"} : memref<2x3x7x!nn.fixed<8, 3>>
// POOL: affine.if #[[ROW]](%[[AR:.*]]) {
// POOL-NEXT: affine.for %{{.*}} = 0 to 3 {
// POOL-NEXT: %[[OY:.*]] = affine.apply #[[AP1ROW]](%[[AR]])
// POOL: affine.min #{{.*}}(%[[OY]])
// POOL: nn.fx.div_int
// POOL: } {nn.hls.name = "ap1_c", nn.hls.unroll = 0 : i64}
// POOL: nn.hls.name = "ap4_linebuf"
// The global pool still buffers its input.
// POOL: nn.hls.name = "ga_in0"} : memref<1x2x5x5x!nn.fixed<8, 3>>

// ONE-LABEL: func.func @conv1d(
// ONE: nn.hls.name = "k1_linebuf"} : memref<3x3x1x!nn.fixed<8, 3>>
// ONE-NOT: k1_in0
// ONE: } {nn.hls.name = "k1_lb_row"}
// ONE: nn.hls.name = "k2_linebuf"} : memref<2x3x1x!nn.fixed<12, 5, RND>>
// ONE: nn.hls.name = "mp_linebuf"} : memref<2x2x1x!nn.fixed<12, 5>>
// ONE: nn.hls.name = "ap_linebuf"} : memref<2x3x1x!nn.fixed<12, 5, RND>>
// ONE: nn.hls.name = "gm_in0"
// ONE-NOT: empty_linebuf
// ONE: nn.hls.name = "empty_in0"} : memref<1x2x1x!nn.fixed<12, 5, RND>>
