// Round trip of the scalar fixed-point ops of loop-level IR (nn.fx.*) and
// of !nn.fixed as a memref element type.
// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s --mlir-print-op-generic | nn-opt | FileCheck %s

// CHECK-LABEL: func.func @scalars
func.func @scalars(%x: !nn.fixed<16, 6>, %w: !nn.fixed<8, 2>, %u: !nn.ufixed<8, 8>)
    -> (!nn.fixed<16, 6, RND, SAT>, !nn.fixed<16, 6>, !nn.fixed<10, 10>) {
  // CHECK: nn.fx.constant 32 : !nn.fixed<16, 10>
  %c = nn.fx.constant 32 : !nn.fixed<16, 10>
  // CHECK: nn.fx.constant -32768 : !nn.fixed<16, 6>
  %m = nn.fx.constant -32768 : !nn.fixed<16, 6>
  // CHECK: nn.fx.constant 255 : !nn.ufixed<8, 8>
  %um = nn.fx.constant 255 : !nn.ufixed<8, 8>
  // CHECK: nn.fx.mul %{{.*}}, %{{.*}} : (!nn.fixed<8, 2>, !nn.fixed<16, 6>) -> !nn.fixed<24, 8>
  %p = nn.fx.mul %w, %x : (!nn.fixed<8, 2>, !nn.fixed<16, 6>) -> !nn.fixed<24, 8>
  // CHECK: nn.fx.add %{{.*}}, %{{.*}} : (!nn.fixed<24, 8>, !nn.fixed<16, 10>) -> !nn.fixed<27, 11>
  %s = nn.fx.add %p, %c : (!nn.fixed<24, 8>, !nn.fixed<16, 10>) -> !nn.fixed<27, 11>
  // Mixed signedness: the unsigned operand counts one integer bit more.
  // CHECK: nn.fx.add %{{.*}}, %{{.*}} : (!nn.fixed<8, 2>, !nn.ufixed<8, 8>) -> !nn.fixed<16, 10>
  %t = nn.fx.add %w, %u : (!nn.fixed<8, 2>, !nn.ufixed<8, 8>) -> !nn.fixed<16, 10>
  // CHECK: nn.fx.cast %{{.*}} : !nn.fixed<27, 11> -> !nn.fixed<16, 6, RND, SAT>
  %y = nn.fx.cast %s : !nn.fixed<27, 11> -> !nn.fixed<16, 6, RND, SAT>
  // CHECK: nn.fx.relu %{{.*}} : !nn.fixed<16, 6>
  %r = nn.fx.relu %m : !nn.fixed<16, 6>
  // CHECK: nn.fx.mul %{{.*}}, %{{.*}} : (!nn.ufixed<8, 8>, !nn.ufixed<8, 8>) -> !nn.ufixed<16, 16>
  %uu = nn.fx.mul %u, %um : (!nn.ufixed<8, 8>, !nn.ufixed<8, 8>) -> !nn.ufixed<16, 16>
  %z = nn.fx.cast %uu : !nn.ufixed<16, 16> -> !nn.fixed<10, 10>
  return %y, %r, %z : !nn.fixed<16, 6, RND, SAT>, !nn.fixed<16, 6>, !nn.fixed<10, 10>
}

// CHECK-LABEL: func.func @roms
func.func @roms(%buf: memref<2x!nn.fixed<8, 4>>) -> !nn.fixed<8, 4> {
  // CHECK: nn.fx.rom dense<[16, -32]> : tensor<2xi8> -> memref<2x!nn.fixed<8, 4>>
  %w = nn.fx.rom dense<[16, -32]> : tensor<2xi8> -> memref<2x!nn.fixed<8, 4>>
  // CHECK: nn.fx.rom dense<{{\[}}[1, 2, 3]]> : tensor<1x3xi4> -> memref<1x3x!nn.ufixed<4, 0>>
  %u = nn.fx.rom dense<[[1, 2, 3]]> : tensor<1x3xi4> -> memref<1x3x!nn.ufixed<4, 0>>
  %c0 = arith.constant 0 : index
  %v = memref.load %w[%c0] : memref<2x!nn.fixed<8, 4>>
  memref.store %v, %buf[%c0] : memref<2x!nn.fixed<8, 4>>
  return %v : !nn.fixed<8, 4>
}

// CHECK-LABEL: func.func @table_arithmetic
func.func @table_arithmetic(%a: !nn.fixed<16, 6>, %b: !nn.fixed<16, 6>,
                            %s: !nn.ufixed<21, 4>) -> (!nn.fixed<16, 6>, !nn.ufixed<21, 1>, index, index) {
  // CHECK: nn.fx.max %{{.*}}, %{{.*}} : !nn.fixed<16, 6>
  %m = nn.fx.max %a, %b : !nn.fixed<16, 6>
  // CHECK: nn.fx.sub %{{.*}}, %{{.*}} : (!nn.fixed<16, 6>, !nn.fixed<16, 6>) -> !nn.fixed<17, 7>
  %d = nn.fx.sub %m, %b : (!nn.fixed<16, 6>, !nn.fixed<16, 6>) -> !nn.fixed<17, 7>
  // Two unsigned operands: the difference is signed.
  // CHECK: nn.fx.sub %{{.*}}, %{{.*}} : (!nn.ufixed<21, 4>, !nn.ufixed<21, 4>) -> !nn.fixed<22, 5>
  %ud = nn.fx.sub %s, %s : (!nn.ufixed<21, 4>, !nn.ufixed<21, 4>) -> !nn.fixed<22, 5>
  %q = nn.fx.cast %d : !nn.fixed<17, 7> -> !nn.ufixed<10, 10, TRN, SAT>
  // CHECK: nn.fx.to_index %{{.*}} : !nn.ufixed<10, 10, TRN, SAT>
  %i = nn.fx.to_index %q : !nn.ufixed<10, 10, TRN, SAT>
  // CHECK: nn.fx.ilog2 %{{.*}} : !nn.ufixed<21, 4>
  %e = nn.fx.ilog2 %s : !nn.ufixed<21, 4>
  // CHECK: nn.fx.div_pow2 %{{.*}}, %{{.*}} {max_exp = 3 : i64, min_exp = -17 : i64} : (!nn.ufixed<21, 4>, index) -> !nn.ufixed<21, 1>
  %n = nn.fx.div_pow2 %s, %e {max_exp = 3 : i64, min_exp = -17 : i64} : (!nn.ufixed<21, 4>, index) -> !nn.ufixed<21, 1>
  return %m, %n, %i, %e : !nn.fixed<16, 6>, !nn.ufixed<21, 1>, index, index
}
