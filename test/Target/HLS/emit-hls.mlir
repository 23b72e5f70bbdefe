// The C++ --emit-hls prints for the small network of the lowering tests.
// RUN: nn-opt %S/../../Conversion/Inputs/small-mlp.mlir --nn-lower-to-hls | nn-translate --emit-hls | FileCheck %s

// CHECK: #include "ap_fixed.h"
// CHECK: #define NN_HLS(x) _Pragma(#x)
// One typedef per distinct type, with a comment.
// CHECK-DAG: typedef ap_fixed<8,3> fixed_8_3_t; // 8 bits, 3 integer, LSB 2^-5, signed
// CHECK-DAG: typedef ap_fixed<10,4,AP_RND,AP_SAT> fixed_10_4_rnd_sat_t;
// CHECK-DAG: typedef ap_ufixed<9,3> ufixed_9_3_t; // 9 bits, 3 integer, LSB 2^-6, unsigned
// CHECK-DAG: typedef ap_fixed<16,5> fixed_16_5_t;
// Weights: exact values of the raw integers (16 * 2^-6 = 0.25, ...).
// CHECK: static const fixed_8_3_t fc1_b[3] = {
// CHECK-NEXT: 0.625, -0.09375, 3.125
// For synthesis: exact literals; for C simulation: the raw integers in a C
// array (fast to compile), converted exactly once by nn_load_weights().
// CHECK: // fc1_w: [12] ap_fixed<8,2>
// CHECK-NEXT: #ifdef __SYNTHESIS__
// CHECK-NEXT: static const fixed_8_2_t fc1_w[12] = {
// CHECK-NEXT: 0.25, -0.5, 0.078125, 0.109375, 0.015625, 0.03125, 0.046875, 0.0625,
// CHECK-NEXT: -1.0, 0.984375, -0.015625, 0.0
// CHECK-NEXT: };
// CHECK-NEXT: #else
// CHECK-NEXT: // The raw integers: value = raw * 2^-6.
// CHECK-NEXT: static fixed_8_2_t fc1_w[12];
// CHECK-NEXT: static const signed char fc1_w_raw[12] = {
// CHECK-NEXT: 16, -32, 5, 7, 1, 2, 3, 4,
// CHECK-NEXT: -64, 63, -1, 0
// CHECK-NEXT: };
// CHECK-NEXT: #endif
// CHECK: static void nn_load_weights() {
// CHECK: for (int i = 0; i < 12; ++i)
// CHECK-NEXT: reinterpret_cast<fixed_8_2_t *>(fc1_w)[i] = fixed_8_2_t(ap_fixed<9,9>(fc1_w_raw[i]) * ap_ufixed<1,-5>(0.015625));
// The top function: inputs const, outputs as out-parameters.
// CHECK: void small(
// CHECK-NEXT: const fixed_8_3_t x[1][4],
// CHECK-NEXT: fixed_16_6_t output_0[1][2],
// CHECK-NEXT: fixed_10_4_rnd_sat_t output_1[1][3],
// CHECK-NEXT: fixed_10_4_rnd_sat_t output_2[1][3]) {
// CHECK: NN_HLS(HLS INTERFACE ap_vld port=x)
// CHECK: NN_HLS(HLS ARRAY_PARTITION variable=x complete dim=0)
// CHECK: NN_HLS(HLS ARRAY_PARTITION variable=fc2_w complete dim=0)
// CHECK: #ifndef __SYNTHESIS__
// CHECK-NEXT: nn_load_weights();
// CHECK-NEXT: #endif
// fc1: unrolled loops, the accumulator carried in a variable.
// CHECK: fc1_row0: for (int [[ROW:i[0-9]+]] = 0; [[ROW]] < 1; [[ROW]]++) {
// CHECK-NEXT: NN_HLS(HLS UNROLL)
// CHECK: fc1_m: for (int [[M:i[0-9]+]] = 0; [[M]] < 3; [[M]]++) {
// CHECK: const fixed_8_3_t [[B:v[0-9]+]] = fc1_b[[[M]]];
// CHECK: const fixed_12_5_rnd_sat_t [[INIT:v[0-9]+]] = fixed_12_5_rnd_sat_t([[B]]);
// CHECK: fixed_12_5_rnd_sat_t [[ACC:acc[0-9]+]] = [[INIT]];
// CHECK: fc1_k: for (int [[K:i[0-9]+]] = 0; [[K]] < 4; [[K]]++) {
// CHECK-NEXT: NN_HLS(HLS UNROLL)
// CHECK-NEXT: const fixed_8_3_t [[X:v[0-9]+]] = x[[[ROW]]][[[K]]];
// CHECK-NEXT: const fixed_8_2_t [[W:v[0-9]+]] = fc1_w[([[M]] * 4) + [[K]]];
// CHECK-NEXT: const fixed_16_5_t [[P:v[0-9]+]] = [[W]] * [[X]];
// CHECK-NEXT: const fixed_12_5_rnd_sat_t [[PC:v[0-9]+]] = fixed_12_5_rnd_sat_t([[P]]);
// CHECK-NEXT: const fixed_13_6_t [[S:v[0-9]+]] = [[ACC]] + [[PC]];
// CHECK-NEXT: const fixed_12_5_rnd_sat_t [[N:v[0-9]+]] = fixed_12_5_rnd_sat_t([[S]]);
// CHECK-NEXT: [[ACC]] = [[N]];
// CHECK-NEXT: }
// CHECK-NEXT: const fixed_10_4_rnd_sat_t [[Y:v[0-9]+]] = fixed_10_4_rnd_sat_t([[ACC]]);
// CHECK-NEXT: output_1[[[ROW]]][[[M]]] = [[Y]];
// relu
// CHECK: ufixed_9_3_t relu1[1][3];
// CHECK: ? {{.*}} : fixed_10_4_rnd_sat_t(0);
// fc2 (R = 2, latency): the one-trip block pipelined at II = 2 with at most
// 3 multipliers, the products unrolled inside.
// CHECK: fc2_block: for (int [[BL:i[0-9]+]] = 0; [[BL]] < 1; [[BL]]++) {
// CHECK-NEXT: NN_HLS(HLS PIPELINE II=2)
// CHECK-NEXT: NN_HLS(HLS ALLOCATION operation instances=mul limit=3)
// CHECK-NEXT: fc2_m: for
// CHECK-NEXT: NN_HLS(HLS UNROLL)
