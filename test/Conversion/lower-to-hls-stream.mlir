// The structure of the io_stream form (docs/Lowering.md, "io_stream") on
// Inputs/small-mlp.mlir: a DATAFLOW function whose top-level loops are the
// processes (port x, each layer, each output port), FIFOs of packed channel
// vectors with depths from the schedule simulation, fan-out (fc1's result
// feeds relu1 and is returned twice: three FIFOs written in the same
// iteration), a reshape to [3, 1] (three transfers of one channel), a
// constant operand read from its rom inside the process. io-type=parallel
// is the default (byte-identical output: lower-to-hls.mlir).
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/small-mlp.mlir --nn-lower-to-hls="io-type=stream" | FileCheck %s
// 2-D convs (Inputs/conv2d.mlir) read their stream through a line buffer
// of (kh - 1) * dilation + 1 padded rows: c1 (3x3, pads 1, 2x6x6 input):
// 3 rows of 8 padded columns; c2 (2x2, dilation 2, stride 2, pads 0/1 at
// the end): 3 rows of 7, an output row after padded rows 2, 4, 6; c3 (1x1):
// 1 row of 3.
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/conv2d.mlir --nn-lower-to-hls="io-type=stream" | FileCheck %s --check-prefix=LB

// CHECK-LABEL: func.func @small(
// CHECK-SAME: attributes {nn.hls.dataflow}
// CHECK-NOT: nn.hls.pipeline_ii = 1 : i64} {
// Input process: the port array into one FIFO, one pixel (4 channels) per
// transfer, the channel loop unrolled inside the pipelined pixel loop.
// CHECK: %[[X:.*]] = memref.alloc() {nn.hls.name = "x_out", nn.hls.stream_depth = 1 : i64} : memref<1x4x!nn.fixed<8, 3>>
// CHECK: affine.for
// CHECK: %[[XV:.*]] = memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "x_wr"} : memref<4x!nn.fixed<8, 3>>
// CHECK: affine.load %arg0
// CHECK: } {nn.hls.name = "x_wr_c", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: nn.fx.stream_write %[[XV]], %[[X]]
// CHECK: } {nn.hls.name = "x_wr_px0", nn.hls.pipeline_ii = 1 : i64}
// CHECK-NEXT: } {nn.hls.name = "x_proc"}
// fc1: three consumers (relu1, output_1, output_2), one FIFO each.
// CHECK: %[[F0:.*]] = memref.alloc() {nn.hls.name = "fc1_out0", nn.hls.stream_depth = 1 : i64}
// CHECK: %[[F1:.*]] = memref.alloc() {nn.hls.name = "fc1_out1", nn.hls.stream_depth = 1 : i64}
// CHECK: %[[F2:.*]] = memref.alloc() {nn.hls.name = "fc1_out2", nn.hls.stream_depth = 1 : i64}
// CHECK: affine.for
// CHECK: %[[IN:.*]] = memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "fc1_in0"} : memref<1x4x!nn.fixed<8, 3>>
// CHECK: nn.fx.stream_read %[[X]], %[[RD:.*]] :
// CHECK: affine.store %{{.*}}, %[[IN]][%{{.*}}, %{{.*}}]
// The layer itself exactly as in io_parallel, reading the local buffer.
// CHECK: affine.load %[[IN]]
// CHECK: } {nn.hls.name = "fc1_k", nn.hls.unroll = 0 : i64}
// CHECK: nn.fx.stream_write %[[WR:.*]], %[[F0]]
// CHECK-NEXT: nn.fx.stream_write %[[WR]], %[[F1]]
// CHECK-NEXT: nn.fx.stream_write %[[WR]], %[[F2]]
// CHECK: } {nn.hls.name = "fc1_proc"}
// CHECK: } {nn.hls.name = "relu1_proc"}
// add1: the constant operand is the rom, not a stream.
// CHECK: nn.fx.stream_read
// CHECK: affine.load %{{.*}}[%{{.*}}] : memref<3x!nn.fixed<6, 1>>
// CHECK: } {nn.hls.name = "add1_proc"}
// reshape1: [3, 1] packs as three transfers of one channel.
// CHECK: memref.alloc() {nn.hls.name = "reshape1_out", nn.hls.stream_depth = {{[0-9]+}} : i64} : memref<3x1x!nn.fixed<12, 5>>
// CHECK: nn.fx.stream_write %{{.*}}, %{{.*}} : memref<1x!nn.fixed<12, 5>>, memref<3x1x!nn.fixed<12, 5>>
// CHECK: } {nn.hls.name = "reshape1_wr_px0", nn.hls.pipeline_ii = 1 : i64}
// CHECK: } {nn.hls.name = "flatten1_proc"}
// CHECK: } {nn.hls.name = "fc2_proc"}
// Output processes: FIFO -> port array, in port order.
// CHECK: nn.fx.stream_read
// CHECK: affine.store %{{.*}}, %arg1
// CHECK: } {nn.hls.name = "output_0_proc"}
// CHECK: nn.fx.stream_read %[[F1]]
// CHECK: affine.store %{{.*}}, %arg2
// CHECK: } {nn.hls.name = "output_1_proc"}
// CHECK: nn.fx.stream_read %[[F2]]
// CHECK: affine.store %{{.*}}, %arg3
// CHECK: } {nn.hls.name = "output_2_proc"}
// CHECK-NEXT: return

// LB-DAG: #[[PAD1:.*]] = affine_set<(d0, d1) : (d0 - 1 >= 0, -d0 + 6 >= 0, d1 - 1 >= 0, -d1 + 6 >= 0)>
// LB-DAG: #[[ROW1:.*]] = affine_set<(d0) : (d0 - 2 >= 0)>
// LB-DAG: #[[ROW2:.*]] = affine_set<(d0) : (d0 - 2 >= 0, d0 mod 2 == 0)>
// LB: %[[LB1:.*]] = memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "c1_linebuf"} : memref<2x3x8x!nn.fixed<8, 3>>
// LB: affine.for %[[R:.*]] = 0 to 8 {
// LB-NEXT: affine.for %[[X:.*]] = 0 to 8 {
// LB-NEXT: affine.if #[[PAD1]](%[[R]], %[[X]]) {
// LB-NEXT: nn.fx.stream_read
// LB: affine.store %{{.*}}, %[[LB1]][%{{.*}}, %[[R]] mod 3, %[[X]]]
// LB: } else {
// LB: nn.fx.constant 0
// LB: } {nn.hls.name = "c1_lb_col", nn.hls.pipeline_ii = 1 : i64}
// LB-NEXT: affine.if #[[ROW1]](%[[R]]) {
// LB: affine.load %[[LB1]][{{.*}}, (%[[R]] + (%{{.*}} floordiv 3) mod 3 - 2) mod 3, %{{.*}} + %{{.*}} mod 3]
// LB: nn.fx.stream_write
// LB-NEXT: nn.fx.stream_write
// LB-NEXT: } {nn.hls.name = "c1_ox", nn.hls.pipeline_ii = 1 : i64}
// LB: } {nn.hls.name = "c1_lb_row"}
// LB: memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "c2_linebuf"} : memref<4x3x7x!nn.fixed<10, 4, RND, SAT>>
// LB: affine.if #[[ROW2]]
// LB: } {nn.hls.name = "c2_lb_row"}
// LB: memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "c3_linebuf"} : memref<3x1x3x!nn.fixed<16, 6>>
