// The FIFO-depth check of nn's C simulation (docs/Decisions.md, "Bounded
// FIFOs in C simulation"): every process runs in its own thread over FIFOs
// bounded by their STREAM depths. A residual block: x feeds relu and,
// through the skip FIFO x_out1, the add, which reads relu's whole output
// before its first skip transfer; x_proc writes x_out0 then x_out1 for
// each of the 25 pixels, and relu reads all 25 before it writes. The
// schedule gives x_out1 depth 25 (the model writes pixel 24 to x_out1
// before the add reads any): it completes bit-exact with the nn IR
// interpreter, and NN_FIFO_REPORT lists each FIFO's depth and peak. By
// hand, the least depth that completes is 24 (x_proc then blocks on
// x_out1's 25th write only after relu has its last pixel); at 23 x_proc
// blocks before writing x_out0's last pixel, relu waits for it, the add
// for relu: a deadlock, reported with the full FIFO and every blocked
// process, exit status 3.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls="io-type=stream" -o %t/res.mlir
// RUN: FileCheck %s --check-prefix=IR < %t/res.mlir
// RUN: nn-interp %s --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/nn.npy
// RUN: nn-translate --emit-hls-project=%t/prj %t/res.mlir
// RUN: FileCheck %s --check-prefix=MAKE < %t/prj/Makefile
// RUN: FileCheck %s --check-prefix=CPP < %t/prj/firmware/res.cpp
// RUN: make -s -C %t/prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: env NN_FIFO_REPORT=%t/peaks.txt %t/prj/res_csim --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/cs.npy 2>%t/csim.err
// RUN: cmp %t/nn.npy %t/cs.npy
// RUN: not grep hls::stream %t/csim.err
// RUN: FileCheck %s --check-prefix=PEAKS < %t/peaks.txt
// RUN: sed 's/nn.hls.name = "x_out1", nn.hls.stream_depth = 25/nn.hls.name = "x_out1", nn.hls.stream_depth = 23/' %t/res.mlir > %t/small.mlir
// RUN: FileCheck %s --check-prefix=SMALL < %t/small.mlir
// RUN: nn-translate --emit-hls-project=%t/small-prj %t/small.mlir
// RUN: make -s -C %t/small-prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: sh -c '%t/small-prj/res_csim --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/small.npy 2>%t/small.err; echo "status $?" >> %t/small.err'
// RUN: FileCheck %s --check-prefix=DEADLOCK < %t/small.err

// IR: nn.hls.name = "x_out0", nn.hls.stream_depth = 2 : i64
// IR: nn.hls.name = "x_out1", nn.hls.stream_depth = 25 : i64

// MAKE: NN_CXXFLAGS += -DNN_CSIM_DATAFLOW -pthread

// CPP: NN_DATAFLOW_BEGIN
// CPP: x_out1.set_depth(25);
// CPP: NN_PROCESS_BEGIN(x_proc)
// CPP-NEXT: x_proc: for (
// CPP: NN_PROCESS_END
// CPP: NN_PROCESS_BEGIN(add_proc)
// CPP: NN_DATAFLOW_END

// PEAKS: fifo depth peak
// PEAKS-NEXT: add_out 2 {{[12]}}
// PEAKS-NEXT: relu_out 2 {{[12]}}
// PEAKS-NEXT: x_out0 2 {{[12]}}
// PEAKS-NEXT: x_out1 25 {{24|25}}
// PEAKS-NEXT: sum of depths 31, sum of peaks {{[0-9]+}}

// SMALL: nn.hls.name = "x_out1", nn.hls.stream_depth = 23 : i64

// DEADLOCK: ERROR: io_stream C simulation deadlocked: every process waits on a FIFO (a STREAM depth is too small)
// DEADLOCK-NEXT: full FIFO 'x_out1' (depth 23)
// DEADLOCK-DAG: blocked process 'x_proc': writing 'x_out1' (full, depth 23)
// DEADLOCK-DAG: blocked process 'relu_proc': reading 'x_out0' (empty)
// DEADLOCK-DAG: blocked process 'add_proc': reading 'relu_out' (empty)
// DEADLOCK-DAG: blocked process 'output_0_proc': reading 'add_out' (empty)
// DEADLOCK: status 3
func.func @res(%x: tensor<1x2x5x5x!nn.fixed<8, 3>> loc("x")) -> tensor<1x2x5x5x!nn.fixed<9, 4>> {
  %r = nn.relu %x : tensor<1x2x5x5x!nn.fixed<8, 3>> -> tensor<1x2x5x5x!nn.fixed<8, 3>> loc("relu")
  %a = nn.add %r, %x : (tensor<1x2x5x5x!nn.fixed<8, 3>>, tensor<1x2x5x5x!nn.fixed<8, 3>>) -> tensor<1x2x5x5x!nn.fixed<9, 4>> loc("add")
  return %a : tensor<1x2x5x5x!nn.fixed<9, 4>>
}
