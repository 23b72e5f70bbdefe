// The C++ --emit-hls prints for conv and pools (docs/Lowering.md): the
// nn.fx.div_int helper (exact quotient in long long, one final cast), the
// window counts as ternaries, nn.fx.max, the padded copy, the latency block
// with its multiplier limit. The compiled result is checked bit for bit by
// the lowering-e2e-conv ctest (test/Conversion/e2e-conv.sh).
// RUN: nn-opt %S/../../Conversion/Inputs/conv1d.mlir --nn-lower-to-hls | nn-translate --emit-hls | FileCheck %s
// RUN: nn-opt %S/../../Conversion/Inputs/pools.mlir --nn-lower-to-hls | nn-translate --emit-hls | FileCheck %s --check-prefix=POOLS

// ap: sum <14, 7> (F = 7) into <10, 5, RND_INF> (F = 5): T = max(6, 7) = 7,
// numerator sum * 2^7 in 14 bits, so 2q + s (sticky bit) in 15.
// CHECK: // nn.fx.div_int: fixed_10_5_rnd_inf_t(sum / count) of the exact quotient (sum * 2^7 floor-divided, plus a sticky bit for a remainder).
// CHECK-NEXT: static inline fixed_10_5_rnd_inf_t nn_div_int_0(const fixed_14_7_t sum, const int count) {
// CHECK-NEXT:   const long long num = (sum * ap_ufixed<1, 8>(128.0)).to_int64();
// CHECK-NEXT:   long long q = num / count;
// CHECK-NEXT:   if (num % count != 0 && num < 0)
// CHECK-NEXT:     --q;
// CHECK-NEXT:   const long long twice = 2 * q + (num != q * count ? 1 : 0);
// CHECK-NEXT:   return fixed_10_5_rnd_inf_t(ap_fixed<15, 15>(twice) * ap_ufixed<1, -7>(0.00390625));
// CHECK-NEXT: }
// CHECK: void conv1d(
// The padded copy of k1.
// CHECK: k1_padded_i2: for
// CHECK: if ((
// CHECK: } else {
// CHECK-NEXT: const fixed_8_3_t [[Z:v[0-9]+]] = fixed_8_3_t(0.0);
// k2: latency R = 2.
// CHECK: k2_block: for (int [[I:i[0-9]+]] = 0; [[I]] < 1; [[I]]++) {
// CHECK-NEXT: NN_HLS(HLS PIPELINE II=2)
// CHECK-NEXT: NN_HLS(HLS ALLOCATION operation instances=mul limit=2)
// mp: the running max.
// CHECK: const fixed_12_5_t [[M:v[0-9]+]] = ([[A:acc[0-9]+]] > [[V:v[0-9]+]]) ? [[A]] : [[V]];
// ap: the count max(min(2o + 2, 4) - max(2o - 1, 0), 1), then the helper.
// CHECK: const int [[HI:idx[0-9]+]] = ((4 < (([[O:i[0-9]+]] * 2) + 2)) ? 4 : (([[O]] * 2) + 2));
// CHECK-NEXT: const int [[LO:idx[0-9]+]] = ((0 > (([[O]] * 2) + -1)) ? 0 : (([[O]] * 2) + -1));
// CHECK-NEXT: const int [[CNT:idx[0-9]+]] = ((1 > ([[HI]] + ([[LO]] * -1))) ? 1 : ([[HI]] + ([[LO]] * -1)));
// CHECK-NEXT: const fixed_10_5_rnd_inf_t {{v[0-9]+}} = nn_div_int_0({{acc[0-9]+}}, [[CNT]]);
// The empty max-pool window.
// CHECK: empty_empty1: for
// CHECK: fixed_8_4_t(-8.0);

// Two division helpers (two type pairs), a product of counts, constants.
// POOLS: static inline fixed_8_3_rnd_t nn_div_int_0(const fixed_12_7_t sum, const int count) {
// POOLS: static inline fixed_10_3_rnd_conv_t nn_div_int_1(const fixed_12_7_t sum, const int count) {
// POOLS: const int [[P:idx[0-9]+]] = {{idx[0-9]+}} * {{idx[0-9]+}};
// POOLS-NEXT: nn_div_int_0({{acc[0-9]+}}, [[P]]);
// POOLS: nn_div_int_1({{acc[0-9]+}}, 9);
