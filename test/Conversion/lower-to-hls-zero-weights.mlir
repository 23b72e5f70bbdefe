// Products by a constant zero are not emitted (docs/Lowering.md, "Zero
// weights"), for every structure; the weights are raw integers of
// !nn.fixed<8, 2>.
//
// un (R = 1): w = [[1, 0, 3], [0, 0, 6]]: three products, straight-line,
// each with its weight as a constant; no weight rom.
// lat (latency, R = 3, B = 2): w = [1, 0, 3, 0, 5, 0] flat; multiplier
// b = i mod 2 computes i = 1, 3, 5 (all zero): one multiplier left.
// res (resource, R = 3, B = 2): the same weights; the mult loop covers b = 0
// only.
// cv (conv 1 -> 2 channels, 2x2 kernel, R = 1): two nonzero weights.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls | FileCheck %s
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls="io-type=stream" | FileCheck %s --check-prefix=STREAM
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-lower-to-hls | nn-translate --emit-hls | FileCheck %s --check-prefix=CPP
// The loop IR gives the same bits as the nn IR:
// RUN: nn-opt %s --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-interp %s --input %S/Inputs/zero-weights-x.npy --input %S/Inputs/zero-weights-img.npy --print > %t.nn.txt
// RUN: nn-interp %t.loops.mlir --input %S/Inputs/zero-weights-x.npy --input %S/Inputs/zero-weights-img.npy --print > %t.loops.txt
// RUN: diff %t.nn.txt %t.loops.txt

// CHECK-LABEL: func.func @zeros(
// CHECK-NOT: nn.fx.rom {{.*}}un_w
// CHECK-NOT: nn.fx.rom {{.*}}lat_w
// CHECK-NOT: nn.fx.rom {{.*}}cv_w
// CHECK: nn.fx.rom {{.*}}res_w
// No weight constant 0 anywhere:
// CHECK-NOT: nn.fx.constant 0 : !nn.fixed<8, 2>
// un: y0 = x0 * 1 + x2 * 3, y1 = x2 * 6.
// CHECK: %[[X0:.*]] = affine.load %arg0[%{{.*}}, 0]
// CHECK-NEXT: %[[W0:.*]] = nn.fx.constant 1 : !nn.fixed<8, 2>
// CHECK-NEXT: nn.fx.mul %[[W0]], %[[X0]]
// CHECK: %[[X2:.*]] = affine.load %arg0[%{{.*}}, 2]
// CHECK-NEXT: %[[W2:.*]] = nn.fx.constant 3 : !nn.fixed<8, 2>
// CHECK-NEXT: nn.fx.mul %[[W2]], %[[X2]]
// CHECK: affine.store {{.*}}[%{{.*}}, 0]
// CHECK-NOT: nn.fx.mul
// CHECK: nn.fx.constant 6 : !nn.fixed<8, 2>
// CHECK-NEXT: nn.fx.mul
// CHECK-NOT: nn.fx.mul
// CHECK: affine.store {{.*}}[%{{.*}}, 1]
// lat: three products in one block on one multiplier.
// CHECK: affine.for %{{.*}} = 0 to 1 {
// CHECK-COUNT-3: nn.fx.mul
// CHECK-NOT: nn.fx.mul
// CHECK: } {nn.hls.mul_limit = 1 : i64, nn.hls.name = "lat_block", nn.hls.pipeline_ii = 3 : i64}
// res: the mult loop over b in [0, 1).
// CHECK: affine.for %{{.*}} = 0 to 3 {
// CHECK-NEXT: affine.for %{{.*}} = 0 to 1 {
// CHECK: } {nn.hls.name = "res_mult", nn.hls.unroll = 0 : i64}
// CHECK-NEXT: } {nn.hls.name = "res_reuse", nn.hls.pipeline_ii = 1 : i64}
// cv: two products per output position.
// CHECK: nn.hls.name = "res_row0"
// CHECK-COUNT-2: nn.fx.mul
// CHECK-NOT: nn.fx.mul
// CHECK: nn.hls.name = "cv_ox"

// STREAM-LABEL: func.func @zeros(
// STREAM-NOT: nn.fx.constant 0 : !nn.fixed<8, 2>
// STREAM: nn.fx.constant 5 : !nn.fixed<8, 2>
// STREAM-NEXT: nn.fx.mul
// STREAM-NOT: nn.fx.constant 0 : !nn.fixed<8, 2>
// STREAM: nn.fx.constant 9 : !nn.fixed<8, 2>
// STREAM-NEXT: nn.fx.mul
// STREAM-NOT: nn.fx.mul

// The C++: only res keeps a weight array; the products are 3 (un) + 3
// (lat) + 1 (res, its loop body) + 2 (cv), none by a weight constant 0.
// CPP-NOT: {{un_w|lat_w|cv_w}}
// CPP: static const fixed_8_2_t res_w[6]
// CPP-NOT: {{un_w|lat_w|cv_w}}
// CPP-LABEL: void zeros(
// CPP-NOT: fixed_8_2_t(0.0)
// CPP-COUNT-9: = v{{[0-9]+}} * v{{[0-9]+}};
// CPP-NOT: fixed_8_2_t(0.0)
// CPP-NOT: = v{{[0-9]+}} * v{{[0-9]+}};
func.func @zeros(%x: tensor<1x3x!nn.fixed<8, 3>>, %img: tensor<1x1x3x3x!nn.fixed<8, 3>>) -> (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x2x2x!nn.fixed<16, 6>>) {
  %w = nn.constant dense<[[1, 0, 3], [0, 0, 6]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>> loc("un_w")
  %y = nn.dense %x, %w : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("un")
  %v = nn.constant dense<[[1, 0, 3], [0, 5, 0]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>> loc("lat_w")
  %z = nn.dense %x, %v {nn.reuse_factor = 3 : i64, nn.strategy = "latency"} : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("lat")
  %u = nn.constant dense<[[1, 0, 3], [0, 5, 0]]> : tensor<2x3xi8> -> tensor<2x3x!nn.fixed<8, 2>> loc("res_w")
  %t = nn.dense %x, %u {nn.reuse_factor = 3 : i64, nn.strategy = "resource"} : (tensor<1x3x!nn.fixed<8, 3>>, tensor<2x3x!nn.fixed<8, 2>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("res")
  %k = nn.constant dense<[[[[0, 5], [0, 0]]], [[[0, 0], [9, 0]]]]> : tensor<2x1x2x2xi8> -> tensor<2x1x2x2x!nn.fixed<8, 2>> loc("cv_w")
  %c = nn.conv %img, %k {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x1x3x3x!nn.fixed<8, 3>>, tensor<2x1x2x2x!nn.fixed<8, 2>>) -> tensor<1x2x2x2x!nn.fixed<16, 6>> loc("cv")
  return %y, %z, %t, %c : tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x2x2x!nn.fixed<16, 6>>
}
