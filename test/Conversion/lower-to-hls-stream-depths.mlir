// FIFO depths from the schedule simulation (docs/Lowering.md, "FIFO
// depths") on a residual block: x feeds relu and the add (skip path). By
// hand, with the model's timing (16 pixels of 2 channels, every transfer
// loop pipelined at II = 1, the relu and the add fully unrolled: one cycle):
// x_proc writes x_out0 and x_out1 in cycles 0..15; relu reads x_out0 in
// cycles 1..16 (a transfer is readable the cycle after its write), so
// x_out0 holds at most 2 (written in t, read in t + 1); relu computes in
// cycle 17 and writes relu_out in 18..33; the add reads relu_out first
// (19..34), only then x_out1 (35..50): all 16 transfers of x_out1 wait,
// depth 16; the add computes in 51 and writes add_out in 52..67, read by
// output_0 in 53..68. Busy cycles (the interval of each process): x 16,
// relu 16 + 1 + 16, add 16 + 16 + 1 + 16, output 16. The emitted
// project's fifo_depths.txt lists the same.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls="io-type=stream" -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project=%t.prj %t.mlir
// RUN: FileCheck %s --check-prefix=REPORT < %t.prj/fifo_depths.txt
// RUN: FileCheck %s --check-prefix=TCL < %t.prj/build_prj.tcl
// RUN: FileCheck %s --check-prefix=DOT < %t.prj/dataflow.dot
// RUN: FileCheck %s --check-prefix=HDR < %t.prj/firmware/res.h
// RUN: FileCheck %s --check-prefix=CPP < %t.prj/firmware/res.cpp

// CHECK: memref.alloc() {nn.hls.name = "x_out0", nn.hls.stream_depth = 2 : i64} : memref<16x2x!nn.fixed<8, 3>>
// CHECK: memref.alloc() {nn.hls.name = "x_out1", nn.hls.stream_depth = 16 : i64} : memref<16x2x!nn.fixed<8, 3>>
// CHECK: memref.alloc() {nn.hls.name = "relu_out", nn.hls.stream_depth = 2 : i64}
// CHECK: memref.alloc() {nn.hls.name = "add_out", nn.hls.stream_depth = 2 : i64}

// REPORT: x_out0 16x2 16 2 2
// REPORT-NEXT: x_out1 16x2 16 16 16
// REPORT-NEXT: relu_out 16x2 16 2 2
// REPORT-NEXT: add_out 16x2 16 2 2
// REPORT: process busy done
// REPORT-NEXT: x_proc 16 16
// REPORT-NEXT: relu_proc 33 34
// REPORT-NEXT: add_proc 49 68
// REPORT-NEXT: output_0_proc 16 69
// REPORT-NEXT: sum of depths 22 (whole tensors: 64 transfers); latency 69 cycles, interval 49 cycles

// TCL: # IOType: io_stream

// DOT: digraph dataflow {
// DOT: "x_proc";
// DOT-NEXT: "relu_proc";
// DOT-NEXT: "add_proc";
// DOT-NEXT: "output_0_proc";
// DOT-NEXT: "x_proc" -> "relu_proc" [label="x_out0\n16 x 2, depth 2"];
// DOT-NEXT: "x_proc" -> "add_proc" [label="x_out1\n16 x 2, depth 16"];
// DOT-NEXT: "relu_proc" -> "add_proc" [label="relu_out\n16 x 2, depth 2"];
// DOT-NEXT: "add_proc" -> "output_0_proc" [label="add_out\n16 x 2, depth 2"];
// DOT-NEXT: }

// HDR: #include "hls_stream.h"
// HDR: template <class T, int N> struct nn_pack {
// HDR: static inline void nn_stream_write(
// HDR: static inline void nn_stream_read(

// CPP: NN_HLS(HLS DATAFLOW)
// CPP: hls::stream<nn_pack<fixed_8_3_t, 2> > x_out1("x_out1");
// CPP-NEXT: NN_HLS(HLS STREAM variable=x_out1 depth=16)
// CPP: x_proc: for (
// CPP: nn_stream_write(x_out0, x_wr);
// CPP-NEXT: nn_stream_write(x_out1, x_wr);
// CPP: add_proc: for (
// CPP: nn_stream_read(relu_out, add_rd);
// CPP: nn_stream_read(x_out1, add_rd_1);
func.func @res(%x: tensor<1x2x4x4x!nn.fixed<8, 3>> loc("x")) -> tensor<1x2x4x4x!nn.fixed<9, 4>> {
  %r = nn.relu %x : tensor<1x2x4x4x!nn.fixed<8, 3>> -> tensor<1x2x4x4x!nn.fixed<8, 3>> loc("relu")
  %a = nn.add %r, %x : (tensor<1x2x4x4x!nn.fixed<8, 3>>, tensor<1x2x4x4x!nn.fixed<8, 3>>) -> tensor<1x2x4x4x!nn.fixed<9, 4>> loc("add")
  return %a : tensor<1x2x4x4x!nn.fixed<9, 4>>
}
