// Loops of the data-movement ops and of sub/mul (LowerShape.cpp,
// LowerElementwise.cpp): index maps, the pad fill and its cropped copy.
// RUN: nn-opt %S/Inputs/shapes.mlir --nn-lower-to-hls | FileCheck %s

// concat: input 0 into columns [0, 4), the constant into [4, 6).
// CHECK: affine.store %{{.*}}, %arg1[%[[A:.*]], %[[B:.*]]] : memref<1x6x
// CHECK: affine.store %{{.*}}, %arg1[%{{.*}}, %{{.*}} + 4] : memref<1x6x
// transpose: out[i, j] = in[j, i].
// CHECK: affine.load %{{.*}}[%[[J:.*]], %[[I:.*]]] : memref<2x2x
// CHECK-NEXT: affine.store %{{.*}}, %arg2[%[[I]], %[[J]]]
// pad: 0.5 = 16 * 2^-5 everywhere, then input column 0 at column 2 (the
// crop of one column at the end leaves one of two).
// CHECK: nn.fx.constant 16 : !nn.fixed<8, 3>
// CHECK: affine.for %{{.*}} = 0 to 1 {
// CHECK: affine.store %{{.*}}, %arg3[%{{.*}}, %{{.*}} + 2]
// CHECK: {nn.hls.name = "pd_copy1", nn.hls.unroll = 0 : i64}
// resize: floor division by the scales.
// CHECK: affine.load %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}} floordiv 2, %{{.*}} floordiv 2]
// sub: exact difference of ap_fixed<8,3> and ap_fixed<8,2>, then the cast.
// CHECK: nn.fx.sub %{{.*}}, %{{.*}} : (!nn.fixed<8, 3>, !nn.fixed<8, 2>) -> !nn.fixed<10, 4>
// CHECK-NEXT: nn.fx.cast %{{.*}} : !nn.fixed<10, 4> -> !nn.fixed<6, 3, RND, SAT>
// mul: exact product, then the cast.
// CHECK: nn.fx.mul %{{.*}}, %{{.*}} : (!nn.fixed<8, 3>, !nn.fixed<8, 3>) -> !nn.fixed<16, 6>
// CHECK-NEXT: nn.fx.cast %{{.*}} : !nn.fixed<16, 6> -> !nn.fixed<8, 4>
