// Loops of hls4ml's softmax implementations (LowerActivations.cpp,
// following fx::softmax): the roms each reads, which steps it has, and the
// guard of a sum that may be <= 0. Their values are checked against the
// interpreter and the C simulation in test/Interpreter/loops-softmax.mlir.
// RUN: nn-opt %S/Inputs/softmax-impls.mlir --nn-lower-to-hls --mlir-print-debuginfo=false | FileCheck %s

// Roms: legacy's 1/s table and e^d table (hls4ml-like ap_ufixed<18,8>
// default), the stable layer's own table types, latency's 256 entries; none
// for argmax.
// CHECK-LABEL: func.func @smx(
// CHECK-DAG: nn.fx.rom {{.*}} : tensor<1024xi18> {nn.hls.name = "leg_inv_table"} -> memref<1024x!nn.ufixed<18, 1, RND, SAT>>
// CHECK-DAG: nn.fx.rom {{.*}} : tensor<1024xi18> {nn.hls.name = "leg_exp_table"} -> memref<1024x!nn.ufixed<18, 8, RND, SAT>>
// CHECK-DAG: nn.fx.rom {{.*}} : tensor<1024xi12> {nn.hls.name = "acc_inv_table"} -> memref<1024x!nn.ufixed<12, 1, RND, SAT>>
// CHECK-DAG: nn.fx.rom {{.*}} : tensor<1024xi16> {nn.hls.name = "acc_exp_table"} -> memref<1024x!nn.ufixed<16, 1, RND, SAT>>
// CHECK-DAG: nn.fx.rom {{.*}} : tensor<256xi18> {nn.hls.name = "lat_inv_table"} -> memref<256x!nn.ufixed<18, 1, RND, SAT>>
// CHECK-DAG: nn.fx.rom {{.*}} : tensor<256xi18> {nn.hls.name = "lat_exp_table"} -> memref<256x!nn.ufixed<18, 8, RND, SAT>>
// CHECK-NOT: arg_{{.*}}table

// latency: no maximum; the exact sum of 4 entries of ap_ufixed<18,8>
// (<20,10>) may be 0, so it is guarded: s > 0 selects s or 1 LSB for the
// leading-one detector, and the outputs or 0.
// CHECK: memref.alloc() {{.*}}"lat_exps"
// CHECK-NOT: "lat_max"
// CHECK: iter_args({{.*}}) -> (!nn.ufixed<20, 10>)
// CHECK: } {nn.hls.name = "lat_exp"
// CHECK: %[[POS:.*]] = nn.fx.cmp gt %[[S:.*]], %{{.*}} : !nn.ufixed<20, 10>, !nn.ufixed<1, 1>
// CHECK: %[[SAFE:.*]] = arith.select %[[POS]], %[[S]], %{{.*}} : !nn.ufixed<20, 10>
// CHECK: nn.fx.ilog2 %[[SAFE]] : !nn.ufixed<20, 10>
// CHECK: arith.select %[[POS]], %{{.*}}, %{{.*}} : !nn.fixed<16, 6>
// CHECK: } {nn.hls.name = "lat_norm"

// stable with accum ap_ufixed<8,0,AP_TRN,AP_SAT>: the maximum, then the sum
// cast to the accum type before the leading one (guarded too).
// CHECK: "acc_exps"
// CHECK: } {nn.hls.name = "acc_max"
// CHECK: } {nn.hls.name = "acc_exp"
// CHECK: nn.fx.cast %{{.*}} : !nn.ufixed<18, 3> -> !nn.ufixed<8, 0, TRN, SAT>
// CHECK: nn.fx.ilog2 %{{.*}} : !nn.ufixed<8, 0, TRN, SAT>
// CHECK: } {nn.hls.name = "acc_norm"

// legacy: per output an inner loop sums e^(x_j - x_i); no row buffer.
// CHECK-NOT: "leg_exps"
// CHECK: affine.for
// CHECK: affine.for
// CHECK: nn.fx.sub {{.*}} -> !nn.fixed<11, 6>
// CHECK: } {nn.hls.name = "leg_legacy_sum"
// CHECK: memref.load {{.*}} : memref<1024x!nn.ufixed<18, 1, RND, SAT>>
// CHECK: } {nn.hls.name = "leg_legacy"

// argmax: the maximum, then a one-hot of its first occurrence.
// CHECK: } {nn.hls.name = "arg_max"
// CHECK: iter_args({{.*}}) -> (!nn.ufixed<1, 1>)
// CHECK: nn.fx.cmp eq
// CHECK: } {nn.hls.name = "arg_onehot"
