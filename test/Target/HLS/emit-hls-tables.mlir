// C++ of the table index arithmetic and softmax scalar ops: to_index as
// to_int(), ilog2 as comparisons with the powers of two of its type, from
// the largest down, div_pow2 as one exact product with the power-of-two
// constant of each exponent and one cast, max and sub as C++ operators.
// (loops-activations.mlir compiles and runs this C++.)
// RUN: nn-opt %S/../../Conversion/Inputs/activations.mlir --nn-lower-to-hls | nn-translate --emit-hls | FileCheck %s

// CHECK: static const ufixed_8_0_rnd_sat_t sig_table[1024] = {
// CHECK: sig_i1: for (int [[I:.*]] = 0; [[I]] < 4; [[I]]++) {
// CHECK: const fixed_11_6_t [[D:.*]] = [[X:v[0-9]+]] - [[LO:v[0-9]+]];
// CHECK: const ufixed_10_10_sat_t [[Q:.*]] = ufixed_10_10_sat_t(
// CHECK-NEXT: const int [[IDX:.*]] = [[Q]].to_int();
// CHECK-NEXT: const ufixed_8_0_rnd_sat_t {{.*}} = sig_table[[[IDX]]];
// CHECK: const fixed_10_5_t [[M:.*]] = ([[A:acc[0-9]+]] > [[B:v[0-9]+]]) ? [[A]] : [[B]];
// CHECK: const int [[E:exp[0-9]+]] =
// CHECK-NEXT: ([[S:acc[0-9]+]] >= ufixed_20_3_t(4.0)) ? 2 :
// CHECK-NEXT: ([[S]] >= ufixed_20_3_t(2.0)) ? 1 :
// CHECK: ([[S]] >= ufixed_20_3_t(1.52587890625e-05)) ? -16 :
// CHECK-NEXT: -17;
// CHECK-NEXT: const ufixed_20_1_t {{.*}} =
// CHECK-NEXT: ([[E]] == -17) ? ufixed_20_1_t([[S]] * ap_ufixed<1,18>(131072.0)) :
// CHECK: ([[E]] == 2) ? ufixed_20_1_t([[S]] * ap_ufixed<1,-1>(0.25)) :
// CHECK-NEXT: ufixed_20_1_t(0);
