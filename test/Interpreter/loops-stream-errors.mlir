// Run-time errors of the loop interpreter on io_stream FIFOs
// (nn.fx.stream_write / nn.fx.stream_read), each naming the FIFO (its
// nn.hls.name, else "fifo"): reading an empty FIFO (the
// hardware would stall), writing more transfers than the FIFO memref holds,
// and transfers left unread when the function returns (they would fill the
// hardware FIFO); a balanced write/read passes the value through.
// RUN: not nn-interp %s --entry read_empty --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not nn-interp %s --entry overfull --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=FULL
// RUN: not nn-interp %s --entry leftover --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=LEFT
// RUN: nn-interp %s --entry balanced --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=OK

// EMPTY: error: the loop interpreter read the empty FIFO 'f' (1 transfers written, all read: the hardware would stall here)
func.func @read_empty(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %f = memref.alloc() {nn.hls.name = "f", nn.hls.stream_depth = 2 : i64} : memref<2x4x!nn.fixed<8, 3>>
  %v = memref.alloc() : memref<4x!nn.fixed<8, 3>>
  nn.fx.stream_write %v, %f : memref<4x!nn.fixed<8, 3>>, memref<2x4x!nn.fixed<8, 3>>
  nn.fx.stream_read %f, %v : memref<2x4x!nn.fixed<8, 3>>, memref<4x!nn.fixed<8, 3>>
  nn.fx.stream_read %f, %v : memref<2x4x!nn.fixed<8, 3>>, memref<4x!nn.fixed<8, 3>>
  return
}

// FULL: error: the loop interpreter wrote more than the 1 transfers of FIFO 'fifo'
func.func @overfull(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %f = memref.alloc() {nn.hls.stream_depth = 1 : i64} : memref<1x4x!nn.fixed<8, 3>>
  %v = memref.alloc() : memref<4x!nn.fixed<8, 3>>
  nn.fx.stream_write %v, %f : memref<4x!nn.fixed<8, 3>>, memref<1x4x!nn.fixed<8, 3>>
  nn.fx.stream_write %v, %f : memref<4x!nn.fixed<8, 3>>, memref<1x4x!nn.fixed<8, 3>>
  return
}

// LEFT: error: the loop interpreter finished with 1 transfers left unread in FIFO 'left'
func.func @leftover(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %f = memref.alloc() {nn.hls.name = "left", nn.hls.stream_depth = 2 : i64} : memref<2x4x!nn.fixed<8, 3>>
  %v = memref.alloc() : memref<4x!nn.fixed<8, 3>>
  nn.fx.stream_write %v, %f : memref<4x!nn.fixed<8, 3>>, memref<2x4x!nn.fixed<8, 3>>
  return
}

// x (-1.5, 0, 2.25, -0.5) through a FIFO of two transfers of two channels
// into y, in order.
// OK: output 0: 1x4x!nn.fixed<8, 3>
// OK-NEXT: {{^}}{{\[\[}}-1.5, 0, 2.25, -0.5]]
func.func @balanced(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %f = memref.alloc() {nn.hls.stream_depth = 2 : i64} : memref<2x2x!nn.fixed<8, 3>>
  %v = memref.alloc() : memref<2x!nn.fixed<8, 3>>
  affine.for %p = 0 to 2 {
    affine.for %c = 0 to 2 {
      %e = affine.load %x[0, %p * 2 + %c] : memref<1x4x!nn.fixed<8, 3>>
      affine.store %e, %v[%c] : memref<2x!nn.fixed<8, 3>>
    }
    nn.fx.stream_write %v, %f : memref<2x!nn.fixed<8, 3>>, memref<2x2x!nn.fixed<8, 3>>
  }
  affine.for %p = 0 to 2 {
    nn.fx.stream_read %f, %v : memref<2x2x!nn.fixed<8, 3>>, memref<2x!nn.fixed<8, 3>>
    affine.for %c = 0 to 2 {
      %e = affine.load %v[%c] : memref<2x!nn.fixed<8, 3>>
      affine.store %e, %y[0, %p * 2 + %c] : memref<1x4x!nn.fixed<8, 3>>
    }
  }
  return
}
