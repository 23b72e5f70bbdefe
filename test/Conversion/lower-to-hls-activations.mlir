// Loops of the table activations and softmax (LowerActivations.cpp): the
// table roms, the index arithmetic and the steps of fx::softmax().
// RUN: nn-opt --mlir-print-debuginfo=false %S/Inputs/activations.mlir --nn-lower-to-hls --mlir-elide-elementsattrs-if-larger=8 | FileCheck %s

// Tables: 512-entry softmax tables of hls4ml's signed type, the default
// 1024-entry ones of ap_ufixed<18,1,RND,SAT>, tanh's 256 entries, sigmoid's
// 1024 of its result type; no partitioning (read at computed indices).
// CHECK: %[[SMCOL_INV:.*]] = nn.fx.rom {{.*}} : tensor<512xi18> {nn.hls.name = "smcol_inv_table"} -> memref<512x!nn.fixed<18, 8, RND, SAT>>
// CHECK: %[[SMCOL_EXP:.*]] = nn.fx.rom {{.*}} : tensor<512xi18> {nn.hls.name = "smcol_exp_table"}
// CHECK: %[[SM_INV:.*]] = nn.fx.rom {{.*}} : tensor<1024xi18> {nn.hls.name = "sm_inv_table"} -> memref<1024x!nn.ufixed<18, 1, RND, SAT>>
// CHECK: %[[SM_EXP:.*]] = nn.fx.rom {{.*}} : tensor<1024xi18> {nn.hls.name = "sm_exp_table"}
// CHECK: %[[TH:.*]] = nn.fx.rom {{.*}} : tensor<256xi12> {nn.hls.name = "th_table"} -> memref<256x!nn.fixed<12, 2>>
// CHECK: %[[SIG:.*]] = nn.fx.rom {{.*}} : tensor<1024xi8> {nn.hls.name = "sig_table"} -> memref<1024x!nn.ufixed<8, 0, RND, SAT>>

// Sigmoid: index = clamp(floor((x + 8) * 1024 / 16)), 0, 1023).
// CHECK: %[[X:.*]] = affine.load %arg0
// CHECK-NEXT: %[[LO:.*]] = nn.fx.constant -8 : !nn.fixed<5, 5>
// CHECK-NEXT: %[[D:.*]] = nn.fx.sub %[[X]], %[[LO]] : (!nn.fixed<10, 5>, !nn.fixed<5, 5>) -> !nn.fixed<11, 6>
// CHECK-NEXT: %[[P:.*]] = nn.fx.constant 1 : !nn.ufixed<1, 7>
// CHECK-NEXT: %[[S:.*]] = nn.fx.mul %[[D]], %[[P]] : (!nn.fixed<11, 6>, !nn.ufixed<1, 7>) -> !nn.fixed<12, 13>
// CHECK-NEXT: %[[Q:.*]] = nn.fx.cast %[[S]] : !nn.fixed<12, 13> -> !nn.ufixed<10, 10, TRN, SAT>
// CHECK-NEXT: %[[I:.*]] = nn.fx.to_index %[[Q]]
// CHECK-NEXT: %[[E:.*]] = memref.load %[[SIG]][%[[I]]]
// CHECK-NEXT: affine.store %[[E]], %arg1
// CHECK: {nn.hls.name = "sig_i0", nn.hls.unroll = 0 : i64}

// Tanh: [-4, 4) over 256 entries: * 32, then its own table type cast.
// CHECK: nn.fx.constant -4 : !nn.fixed<4, 4>
// CHECK: nn.fx.constant 1 : !nn.ufixed<1, 6>
// CHECK: nn.fx.cast {{.*}} : !nn.fixed<12, 12> -> !nn.ufixed<8, 8, TRN, SAT>
// CHECK: memref.load %[[TH]]
// CHECK-NEXT: nn.fx.cast {{.*}} : !nn.fixed<12, 2> -> !nn.fixed<8, 2>

// Softmax along the last axis of [1, 4].
// CHECK: %[[BUF:.*]] = memref.alloc() {nn.hls.array_partition = "complete", nn.hls.name = "sm_exps"} : memref<4x!nn.ufixed<18, 1, RND, SAT>>
// CHECK: affine.for %[[ROW:.*]] = 0 to 1 {
// CHECK-NEXT: %[[X0:.*]] = affine.load %arg0[%[[ROW]], 0]
// CHECK-NEXT: %[[MAX:.*]] = affine.for %{{.*}} = 1 to 4 iter_args(%{{.*}} = %[[X0]])
// CHECK: nn.fx.max
// CHECK: {nn.hls.name = "sm_max", nn.hls.unroll = 0 : i64}
// CHECK: %[[ZERO:.*]] = nn.fx.constant 0 : !nn.ufixed<20, 3>
// CHECK: %[[SUM:.*]] = affine.for %{{.*}} = 0 to 4 iter_args(%{{.*}} = %[[ZERO]]) -> (!nn.ufixed<20, 3>)
// CHECK: nn.fx.sub %[[MAX]], %{{.*}} : (!nn.fixed<10, 5>, !nn.fixed<10, 5>) -> !nn.fixed<11, 6>
// CHECK: nn.fx.constant 1 : !nn.ufixed<1, 8>
// CHECK: memref.load %[[SM_EXP]]
// CHECK: affine.store %{{.*}}, %[[BUF]]
// CHECK: nn.fx.add {{.*}} : (!nn.ufixed<20, 3>, !nn.ufixed<18, 1, RND, SAT>) -> !nn.ufixed<21, 4>
// CHECK: {nn.hls.name = "sm_exp", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: %[[EXP:.*]] = nn.fx.ilog2 %[[SUM]] : !nn.ufixed<20, 3>
// CHECK-NEXT: %[[MANT:.*]] = nn.fx.div_pow2 %[[SUM]], %[[EXP]] {max_exp = 2 : i64, min_exp = -17 : i64} : (!nn.ufixed<20, 3>, index) -> !nn.ufixed<20, 1>
// CHECK-NEXT: %[[ONE:.*]] = nn.fx.constant 1 : !nn.fixed<2, 2>
// CHECK-NEXT: nn.fx.sub %[[MANT]], %[[ONE]]
// CHECK: %[[INV:.*]] = memref.load %[[SM_INV]]
// CHECK: affine.load %[[BUF]]
// CHECK-NEXT: %[[PROD:.*]] = nn.fx.mul %{{.*}}, %[[INV]] : (!nn.ufixed<18, 1, RND, SAT>, !nn.ufixed<18, 1, RND, SAT>) -> !nn.ufixed<36, 2>
// CHECK-NEXT: nn.fx.div_pow2 %[[PROD]], %[[EXP]] {max_exp = 2 : i64, min_exp = -17 : i64} : (!nn.ufixed<36, 2>, index) -> !nn.fixed<16, 6>
// CHECK: {nn.hls.name = "sm_norm", nn.hls.unroll = 0 : i64}

// Softmax along axis 0 of [4, 1] with a signed table type: the sum is
// made unsigned (its entries are >= 0) before the leading-one detector.
// CHECK: affine.load %{{.*}}[0, %{{.*}}] : memref<4x1x!nn.fixed<10, 5>>
// CHECK: nn.fx.cast %{{.*}} : !nn.fixed<20, 10> -> !nn.ufixed<19, 9>
// CHECK-NEXT: nn.fx.ilog2 %{{.*}} : !nn.ufixed<19, 9>
// CHECK: {nn.hls.name = "smcol_row0", nn.hls.unroll = 0 : i64}

// Softsign reads hls4ml's table of x / (1 + |x|) over [-8, 8) like sigmoid
// (fx::softsignTable): 8 entries of fixed<8,1>, x_i = -8, -6, ..., 6, times
// 128, floor: the rom below; index = clamp(floor((x + 8) * 8 / 16), 0, 7),
// the product by 2^-1 then a 3-bit TRN/SAT cast; the entry cast to the
// result type.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls | FileCheck %s --check-prefix=SOFTSIGN
// SOFTSIGN: %[[ROM:.*]] = nn.fx.rom dense<[-114, -110, -103, -86, 0, 85, 102, 109]> : tensor<8xi8> {nn.hls.name = "ss_table"} -> memref<8x!nn.fixed<8, 1>>
// SOFTSIGN: %[[X:.*]] = affine.load %arg0
// SOFTSIGN-NEXT: %[[LO:.*]] = nn.fx.constant -8 : !nn.fixed<5, 5>
// SOFTSIGN-NEXT: %[[D:.*]] = nn.fx.sub %[[X]], %[[LO]] : (!nn.fixed<8, 4>, !nn.fixed<5, 5>) -> !nn.fixed<10, 6>
// SOFTSIGN-NEXT: %[[P:.*]] = nn.fx.constant 1 : !nn.ufixed<1, 0>
// SOFTSIGN-NEXT: %[[S:.*]] = nn.fx.mul %[[D]], %[[P]]
// SOFTSIGN-NEXT: %[[Q:.*]] = nn.fx.cast %[[S]] : {{.*}} -> !nn.ufixed<3, 3, TRN, SAT>
// SOFTSIGN-NEXT: %[[I:.*]] = nn.fx.to_index %[[Q]]
// SOFTSIGN-NEXT: %[[E:.*]] = memref.load %[[ROM]][%[[I]]]
// SOFTSIGN-NEXT: %[[Y:.*]] = nn.fx.cast %[[E]] : !nn.fixed<8, 1> -> !nn.fixed<8, 4>
// SOFTSIGN-NEXT: affine.store %[[Y]], %arg1
func.func @softsign(%x: tensor<1x6x!nn.fixed<8, 4>>) -> tensor<1x6x!nn.fixed<8, 4>> {
  %y = nn.softsign %x {nn.table_size = 8 : i64, nn.table_type = !nn.fixed<8, 1>} : tensor<1x6x!nn.fixed<8, 4>> -> tensor<1x6x!nn.fixed<8, 4>> loc("ss")
  return %y : tensor<1x6x!nn.fixed<8, 4>>
}
