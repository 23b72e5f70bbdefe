// io_stream (--nn-lower-to-hls="io-type=stream", docs/Lowering.md,
// "io_stream"): nn IR, its stream loop IR and the emitted DATAFLOW C++ (g++
// C simulation with hls_stream.h) agree bit for bit. small-mlp: a result
// returned twice and used by a layer (three FIFOs from one process), a
// constant operand, a reshape that changes the packing; conv2d: a conv
// result both returned and consumed (fan-out), padding, R = 3 latency and
// resource, and again at max-unroll-mults=4 (rolled dot products, pipelined
// channel loops); conv1d and pools; shapes: concat (a merge of two streams),
// transpose, pad, resize, sub and mul. The expected outputs are the nn IR
// interpreter's, itself checked against hand-computed values in loops.mlir,
// conv-pool-loops.mlir and loops-shapes.mlir.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-opt %S/../Conversion/Inputs/small-mlp.mlir --nn-lower-to-hls="io-type=stream" -o %t/mlp.mlir 2>/dev/null
// RUN: nn-interp %S/../Conversion/Inputs/small-mlp.mlir --input %S/Inputs/x-3x4.npy --output %t/mlp-nn0.npy --output %t/mlp-nn1.npy --output %t/mlp-nn2.npy
// RUN: nn-interp %t/mlp.mlir --input %S/Inputs/x-3x4.npy --output %t/mlp-lp0.npy --output %t/mlp-lp1.npy --output %t/mlp-lp2.npy
// RUN: cmp %t/mlp-nn0.npy %t/mlp-lp0.npy
// RUN: cmp %t/mlp-nn1.npy %t/mlp-lp1.npy
// RUN: cmp %t/mlp-nn2.npy %t/mlp-lp2.npy
// RUN: nn-translate --emit-hls-project=%t/mlp-prj %t/mlp.mlir
// RUN: make -s -C %t/mlp-prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t/mlp-prj/small_csim --input %S/Inputs/x-3x4.npy --output %t/mlp-cs0.npy --output %t/mlp-cs1.npy --output %t/mlp-cs2.npy 2>%t/mlp-csim.err
// RUN: not grep hls::stream %t/mlp-csim.err
// RUN: cmp %t/mlp-nn0.npy %t/mlp-cs0.npy
// RUN: cmp %t/mlp-nn1.npy %t/mlp-cs1.npy
// RUN: cmp %t/mlp-nn2.npy %t/mlp-cs2.npy
// RUN: nn-opt %S/../Conversion/Inputs/conv2d.mlir --nn-lower-to-hls="io-type=stream" -o %t/conv2d.mlir 2>/dev/null
// RUN: nn-interp %S/../Conversion/Inputs/conv2d.mlir --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/conv2d-nn0.npy --output %t/conv2d-nn1.npy
// RUN: nn-interp %t/conv2d.mlir --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/conv2d-lp0.npy --output %t/conv2d-lp1.npy
// RUN: cmp %t/conv2d-nn0.npy %t/conv2d-lp0.npy
// RUN: cmp %t/conv2d-nn1.npy %t/conv2d-lp1.npy
// RUN: nn-translate --emit-hls-project=%t/conv2d-prj %t/conv2d.mlir
// RUN: make -s -C %t/conv2d-prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t/conv2d-prj/conv2d_csim --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/conv2d-cs0.npy --output %t/conv2d-cs1.npy 2>%t/conv2d-csim.err
// RUN: not grep hls::stream %t/conv2d-csim.err
// RUN: cmp %t/conv2d-nn0.npy %t/conv2d-cs0.npy
// RUN: cmp %t/conv2d-nn1.npy %t/conv2d-cs1.npy
// RUN: nn-opt %S/../Conversion/Inputs/conv2d.mlir --nn-lower-to-hls="io-type=stream max-unroll-mults=4" -o %t/conv2d-small.mlir 2>/dev/null
// RUN: nn-interp %S/../Conversion/Inputs/conv2d.mlir --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/conv2d-small-nn0.npy --output %t/conv2d-small-nn1.npy
// RUN: nn-interp %t/conv2d-small.mlir --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/conv2d-small-lp0.npy --output %t/conv2d-small-lp1.npy
// RUN: cmp %t/conv2d-small-nn0.npy %t/conv2d-small-lp0.npy
// RUN: cmp %t/conv2d-small-nn1.npy %t/conv2d-small-lp1.npy
// RUN: nn-translate --emit-hls-project=%t/conv2d-small-prj %t/conv2d-small.mlir
// RUN: make -s -C %t/conv2d-small-prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t/conv2d-small-prj/conv2d_csim --input %S/../Conversion/Inputs/x-2x2x6x6.npy --output %t/conv2d-small-cs0.npy --output %t/conv2d-small-cs1.npy 2>%t/conv2d-small-csim.err
// RUN: not grep hls::stream %t/conv2d-small-csim.err
// RUN: cmp %t/conv2d-small-nn0.npy %t/conv2d-small-cs0.npy
// RUN: cmp %t/conv2d-small-nn1.npy %t/conv2d-small-cs1.npy
// RUN: nn-opt %S/../Conversion/Inputs/conv1d.mlir --nn-lower-to-hls="io-type=stream" -o %t/conv1d.mlir 2>/dev/null
// RUN: nn-interp %S/../Conversion/Inputs/conv1d.mlir --input %S/../Conversion/Inputs/x-2x3x8.npy --output %t/conv1d-nn0.npy --output %t/conv1d-nn1.npy --output %t/conv1d-nn2.npy --output %t/conv1d-nn3.npy
// RUN: nn-interp %t/conv1d.mlir --input %S/../Conversion/Inputs/x-2x3x8.npy --output %t/conv1d-lp0.npy --output %t/conv1d-lp1.npy --output %t/conv1d-lp2.npy --output %t/conv1d-lp3.npy
// RUN: cmp %t/conv1d-nn0.npy %t/conv1d-lp0.npy
// RUN: cmp %t/conv1d-nn1.npy %t/conv1d-lp1.npy
// RUN: cmp %t/conv1d-nn2.npy %t/conv1d-lp2.npy
// RUN: cmp %t/conv1d-nn3.npy %t/conv1d-lp3.npy
// RUN: nn-opt %S/../Conversion/Inputs/pools.mlir --nn-lower-to-hls="io-type=stream" -o %t/pools.mlir 2>/dev/null
// RUN: nn-interp %S/../Conversion/Inputs/pools.mlir --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/pools-nn0.npy --output %t/pools-nn1.npy --output %t/pools-nn2.npy --output %t/pools-nn3.npy --output %t/pools-nn4.npy --output %t/pools-nn5.npy --output %t/pools-nn6.npy
// RUN: nn-interp %t/pools.mlir --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/pools-lp0.npy --output %t/pools-lp1.npy --output %t/pools-lp2.npy --output %t/pools-lp3.npy --output %t/pools-lp4.npy --output %t/pools-lp5.npy --output %t/pools-lp6.npy
// RUN: cmp %t/pools-nn0.npy %t/pools-lp0.npy
// RUN: cmp %t/pools-nn1.npy %t/pools-lp1.npy
// RUN: cmp %t/pools-nn2.npy %t/pools-lp2.npy
// RUN: cmp %t/pools-nn3.npy %t/pools-lp3.npy
// RUN: cmp %t/pools-nn4.npy %t/pools-lp4.npy
// RUN: cmp %t/pools-nn5.npy %t/pools-lp5.npy
// RUN: cmp %t/pools-nn6.npy %t/pools-lp6.npy
// RUN: nn-translate --emit-hls-project=%t/pools-prj %t/pools.mlir
// RUN: make -s -C %t/pools-prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t/pools-prj/pools_csim --input %S/../Conversion/Inputs/x-2x2x5x5.npy --output %t/pools-cs0.npy --output %t/pools-cs1.npy --output %t/pools-cs2.npy --output %t/pools-cs3.npy --output %t/pools-cs4.npy --output %t/pools-cs5.npy --output %t/pools-cs6.npy 2>%t/pools-csim.err
// RUN: not grep hls::stream %t/pools-csim.err
// RUN: cmp %t/pools-nn0.npy %t/pools-cs0.npy
// RUN: cmp %t/pools-nn1.npy %t/pools-cs1.npy
// RUN: cmp %t/pools-nn2.npy %t/pools-cs2.npy
// RUN: cmp %t/pools-nn3.npy %t/pools-cs3.npy
// RUN: cmp %t/pools-nn4.npy %t/pools-cs4.npy
// RUN: cmp %t/pools-nn5.npy %t/pools-cs5.npy
// RUN: cmp %t/pools-nn6.npy %t/pools-cs6.npy
// RUN: nn-opt %S/../Conversion/Inputs/shapes.mlir --nn-lower-to-hls="io-type=stream" -o %t/shapes.mlir 2>/dev/null
// RUN: nn-interp %S/../Conversion/Inputs/shapes.mlir --input %S/Inputs/x-3x4.npy --output %t/shapes-nn0.npy --output %t/shapes-nn1.npy --output %t/shapes-nn2.npy --output %t/shapes-nn3.npy --output %t/shapes-nn4.npy --output %t/shapes-nn5.npy
// RUN: nn-interp %t/shapes.mlir --input %S/Inputs/x-3x4.npy --output %t/shapes-lp0.npy --output %t/shapes-lp1.npy --output %t/shapes-lp2.npy --output %t/shapes-lp3.npy --output %t/shapes-lp4.npy --output %t/shapes-lp5.npy
// RUN: cmp %t/shapes-nn0.npy %t/shapes-lp0.npy
// RUN: cmp %t/shapes-nn1.npy %t/shapes-lp1.npy
// RUN: cmp %t/shapes-nn2.npy %t/shapes-lp2.npy
// RUN: cmp %t/shapes-nn3.npy %t/shapes-lp3.npy
// RUN: cmp %t/shapes-nn4.npy %t/shapes-lp4.npy
// RUN: cmp %t/shapes-nn5.npy %t/shapes-lp5.npy
// RUN: nn-translate --emit-hls-project=%t/shapes-prj %t/shapes.mlir
// RUN: make -s -C %t/shapes-prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: %t/shapes-prj/shapes_csim --input %S/Inputs/x-3x4.npy --output %t/shapes-cs0.npy --output %t/shapes-cs1.npy --output %t/shapes-cs2.npy --output %t/shapes-cs3.npy --output %t/shapes-cs4.npy --output %t/shapes-cs5.npy 2>%t/shapes-csim.err
// RUN: not grep hls::stream %t/shapes-csim.err
// RUN: cmp %t/shapes-nn0.npy %t/shapes-cs0.npy
// RUN: cmp %t/shapes-nn1.npy %t/shapes-cs1.npy
// RUN: cmp %t/shapes-nn2.npy %t/shapes-cs2.npy
// RUN: cmp %t/shapes-nn3.npy %t/shapes-cs3.npy
// RUN: cmp %t/shapes-nn4.npy %t/shapes-cs4.npy
// RUN: cmp %t/shapes-nn5.npy %t/shapes-cs5.npy
