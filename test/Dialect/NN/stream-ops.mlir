// The io_stream ops and directives (docs/Lowering.md, "io_stream"): syntax
// round trip, then every verifier message of nn.fx.stream_write /
// nn.fx.stream_read and of nn.hls.dataflow / nn.hls.stream_depth.
// RUN: nn-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @round_trip
// CHECK-SAME: nn.hls.dataflow
// CHECK: memref.alloc() {nn.hls.stream_depth = 2 : i64} : memref<4x3x!nn.fixed<8, 3>>
// CHECK: nn.fx.stream_write %{{.*}}, %{{.*}} : memref<3x!nn.fixed<8, 3>>, memref<4x3x!nn.fixed<8, 3>>
// CHECK: nn.fx.stream_read %{{.*}}, %{{.*}} : memref<4x3x!nn.fixed<8, 3>>, memref<3x!nn.fixed<8, 3>>
func.func @round_trip(%v: memref<3x!nn.fixed<8, 3>>) attributes {nn.hls.dataflow} {
  %f = memref.alloc() {nn.hls.stream_depth = 2 : i64} : memref<4x3x!nn.fixed<8, 3>>
  nn.fx.stream_write %v, %f : memref<3x!nn.fixed<8, 3>>, memref<4x3x!nn.fixed<8, 3>>
  nn.fx.stream_read %f, %v : memref<4x3x!nn.fixed<8, 3>>, memref<3x!nn.fixed<8, 3>>
  return
}

// -----

func.func @wrong_width(%v: memref<2x!nn.fixed<8, 3>>, %f: memref<4x3x!nn.fixed<8, 3>>) {
  // expected-error @+1 {{'nn.fx.stream_write' op vector 'memref<2x!nn.fixed<8, 3>>' is not one transfer of the FIFO 'memref<4x3x!nn.fixed<8, 3>>'}}
  nn.fx.stream_write %v, %f : memref<2x!nn.fixed<8, 3>>, memref<4x3x!nn.fixed<8, 3>>
  return
}

// -----

func.func @wrong_type(%v: memref<3x!nn.fixed<8, 2>>, %f: memref<4x3x!nn.fixed<8, 3>>) {
  // expected-error @+1 {{'nn.fx.stream_read' op vector 'memref<3x!nn.fixed<8, 2>>' is not one transfer of the FIFO 'memref<4x3x!nn.fixed<8, 3>>'}}
  nn.fx.stream_read %f, %v : memref<4x3x!nn.fixed<8, 3>>, memref<3x!nn.fixed<8, 2>>
  return
}

// -----

func.func @wrong_rank(%v: memref<3x!nn.fixed<8, 3>>, %f: memref<12x!nn.fixed<8, 3>>) {
  // expected-error @+1 {{'nn.fx.stream_read' op expects a rank-2 FIFO memref<P x C x T> and a rank-1 vector memref<C x T>, got 'memref<12x!nn.fixed<8, 3>>' and 'memref<3x!nn.fixed<8, 3>>'}}
  nn.fx.stream_read %f, %v : memref<12x!nn.fixed<8, 3>>, memref<3x!nn.fixed<8, 3>>
  return
}

// -----

func.func @depth_zero() {
  // expected-error @+1 {{attribute 'nn.hls.stream_depth' must be a positive i64 integer, got 0 : i64}}
  %f = memref.alloc() {nn.hls.stream_depth = 0 : i64} : memref<4x3x!nn.fixed<8, 3>>
  return
}

// -----

func.func @depth_on_rom() {
  // expected-error @+1 {{attribute 'nn.hls.stream_depth' belongs on a memref.alloc}}
  %w = nn.fx.rom dense<[1, 2]> : tensor<2xi8> {nn.hls.stream_depth = 2 : i64} -> memref<2x!nn.fixed<8, 4>>
  return
}

// -----

func.func @dataflow_on_loop() {
  // expected-error @+1 {{attribute 'nn.hls.dataflow' belongs on a func.func}}
  affine.for %i = 0 to 1 {
  } {nn.hls.dataflow}
  return
}

// -----

// expected-error @+1 {{attribute 'nn.hls.dataflow' must be a unit attribute, got 1 : i64}}
func.func @dataflow_not_unit() attributes {nn.hls.dataflow = 1 : i64} {
  return
}
