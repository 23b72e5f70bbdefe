// The limits nn-interp puts on what its input may make it do
// (docs/Interpreter.md, "Limits"): the memory budget of one tensor or
// buffer (--max-memory), the loop-iteration budget (--max-steps), 64-bit
// index arithmetic, and files that are not regular files.
// RUN: rm -rf %t && mkdir -p %t

// A verified but huge constant: refused before allocation, naming the op
// (its location) and the bytes: 10^15 elements x 4 bytes.
// RUN: not nn-interp %s --entry huge --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: limits.mlir:[[# @LINE + 2]]:{{[0-9]+}}: error: the interpreter cannot allocate 'tensor<100000x100000x100000xf32>': it needs 4000000000000000 bytes, more than the interpreter's memory budget of 8589934592 bytes (nn-interp --max-memory)
func.func @huge(%x: tensor<1x4xf32>) -> tensor<100000x100000x100000xf32> {
  %c = nn.constant dense<0.0> : tensor<100000x100000x100000xf32>
  return %c : tensor<100000x100000x100000xf32>
}

// An element count that overflows 64 bits: nn tensor types cannot have one
// (their verifier, test/Dialect/NN), a loop-level buffer can.
// RUN: not nn-interp %s --entry overflow --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=OVERFLOW
// OVERFLOW: limits.mlir:[[# @LINE + 2]]:{{[0-9]+}}: error: the interpreter cannot allocate 'tensor<4294967296x4294967296x2x!nn.fixed<8, 3>>': it has more than 2^63 elements
func.func @overflow(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %b = memref.alloc() : memref<4294967296x4294967296x2x!nn.fixed<8, 3>>
  return
}

// The budget can be lowered (and raised): a 16x16 f32 tensor takes 1024
// bytes.
// RUN: not nn-interp %s --entry small --max-memory 1023 --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=SMALL
// SMALL: error: the interpreter cannot allocate 'tensor<16x16xf32>': it needs 1024 bytes, more than the interpreter's memory budget of 1023 bytes (nn-interp --max-memory)
// RUN: nn-interp %s --entry small --max-memory 1K --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=SMALL-OK
// SMALL-OK: output 0: 16x16xf32
func.func @small(%x: tensor<1x4xf32>) -> tensor<16x16xf32> {
  %c = nn.constant dense<1.0> : tensor<16x16xf32>
  return %c : tensor<16x16xf32>
}

// Malformed budgets.
// RUN: not nn-interp %s --entry small --max-memory 0 --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=BAD-MEM
// RUN: not nn-interp %s --entry small --max-memory 8Q --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=BAD-MEM
// RUN: not nn-interp %s --entry small --max-memory 99999999999999999999 --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=BAD-MEM
// BAD-MEM: nn-interp: error: --max-memory expects a positive size such as 8G, 512M or 1048576, got '{{.*}}'
// RUN: not nn-interp %s --entry small --max-steps 0 --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=BAD-STEPS
// BAD-STEPS: nn-interp: error: --max-steps expects a positive number of steps

// Input files count against the budget too: x-1x4.npy has 144 bytes.
// RUN: not nn-interp %s --entry small --max-memory 100 --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=FILE-SIZE
// FILE-SIZE: nn-interp: error: input 0 ({{.*}}x-1x4.npy): has 144 bytes, more than the limit of 100 bytes

// A loop-level buffer over the budget (fixed-point elements take 8 bytes).
// RUN: not nn-interp %s --entry big_alloc --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=ALLOC
// ALLOC: limits.mlir:[[# @LINE + 2]]:{{[0-9]+}}: error: the interpreter cannot allocate 'tensor<1000000x1000000x!nn.fixed<8, 3>>': it needs 8000000000000 bytes
func.func @big_alloc(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %b = memref.alloc() : memref<1000000x1000000x!nn.fixed<8, 3>>
  return
}

// A loop of 2^63 - 1 iterations is refused before it starts, naming the
// loop; so is one that would overrun a lower budget.
// RUN: not nn-interp %s --entry endless --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=ENDLESS
// ENDLESS: limits.mlir:[[# @LINE + 3]]:{{[0-9]+}}: error: the loop interpreter stops: this loop runs 9223372036854775807 iterations, after 0 already run, over the budget of 100000000000 loop iterations (nn-interp --max-steps)
func.func @endless(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %v = affine.load %x[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  affine.for %i = 0 to 9223372036854775807 {
    affine.store %v, %y[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  }
  return
}

// 4 outer x 4 inner iterations plus the outer 4 take 20 steps: 20 pass,
// 19 stop at the fourth entry into the inner loop (4 + 3 x 4 = 16 run).
// RUN: nn-interp %s --entry nested --max-steps 20 --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=NESTED-OK
// NESTED-OK: output 0: 1x4x!nn.fixed<8, 3>
// RUN: not nn-interp %s --entry nested --max-steps 19 --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=NESTED
// NESTED: limits.mlir:[[# @LINE + 3]]:{{[0-9]+}}: error: the loop interpreter stops: this loop runs 4 iterations, after 16 already run, over the budget of 19 loop iterations (nn-interp --max-steps)
func.func @nested(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  affine.for %i = 0 to 4 {
    affine.for %j = 0 to 4 {
      %v = affine.load %x[0, %j] : memref<1x4x!nn.fixed<8, 3>>
      affine.store %v, %y[0, %j] : memref<1x4x!nn.fixed<8, 3>>
    }
  }
  return
}

// A trip count whose span ub - lb overflows int64_t is computed exactly.
// RUN: not nn-interp %s --entry wide_span --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=SPAN
// SPAN: error: the loop interpreter stops: this loop runs 6148914691236517205 iterations
func.func @wide_span(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  affine.for %i = -9223372036854775807 to 9223372036854775807 step 3 {
  }
  return
}

// Index arithmetic that overflows 64 bits is an error, not a wrapped index.
// RUN: not nn-interp %s --entry index_overflow --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=INDEX
// INDEX: error: the loop interpreter evaluated d0 * 4611686018427387904: the result overflows 64-bit integers
func.func @index_overflow(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %c3 = arith.constant 3 : index
  %i = affine.apply affine_map<(d0) -> (d0 * 4611686018427387904)>(%c3)
  %v = affine.load %x[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  affine.store %v, %y[0, %i] : memref<1x4x!nn.fixed<8, 3>>
  return
}
// RUN: not nn-interp %s --entry muli_overflow --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=MULI
// MULI: error: the loop interpreter evaluated an index product that overflows 64-bit integers
func.func @muli_overflow(%x: memref<1x4x!nn.fixed<8, 3>>, %y: memref<1x4x!nn.fixed<8, 3>> {nn.hls.output}) {
  %a = arith.constant 4611686018427387904 : index
  %b = arith.constant 2 : index
  %i = arith.muli %a, %b : index
  %v = affine.load %x[0, 0] : memref<1x4x!nn.fixed<8, 3>>
  affine.store %v, %y[0, %i] : memref<1x4x!nn.fixed<8, 3>>
  return
}

// Files that are not regular files: a FIFO is refused at once, never read
// (`timeout` turns a hang into a missing message), a device, a directory.
// RUN: mkfifo %t/fifo
// RUN: not timeout 60 nn-interp %s --entry small --input %t/fifo --print 2>&1 | FileCheck %s --check-prefix=FIFO
// FIFO: nn-interp: error: input 0 ({{.*}}fifo): is a FIFO, not a regular file
// RUN: not timeout 60 nn-interp %t/fifo --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=FIFO-MODEL
// FIFO-MODEL: nn-interp: error: the model '{{.*}}fifo' is a FIFO, not a regular file
// RUN: not nn-interp %s --entry small --input /dev/null --print 2>&1 | FileCheck %s --check-prefix=DEVICE
// DEVICE: nn-interp: error: input 0 (/dev/null): is a character device, not a regular file

// The same budget at nn level: an op takes a step per operand element and,
// per result element, one per term it reduces over (at least one). The dense
// layer takes 3 results x 4 products + 4 + 12 + 3 operand elements = 31
// steps (constants are not charged), the relu 3 + 3 = 6: 37 pass, 36 stop at
// the relu before running it.
// RUN: nn-interp %s --entry steps --max-steps 37 --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=STEPS-OK
// STEPS-OK: output 0: 1x3xf32
// RUN: not nn-interp %s --entry steps --max-steps 36 --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=STEPS
// STEPS: limits.mlir:[[# @LINE + 5]]:{{[0-9]+}}: error: the interpreter stops: this op takes 6 steps, after 31 already run, over the budget of 36 steps (nn-interp --max-steps)
func.func @steps(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  %w = nn.constant dense<1.0> : tensor<3x4xf32>
  %b = nn.constant dense<0.5> : tensor<3xf32>
  %y = nn.dense %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %r = nn.relu %y : tensor<1x3xf32> -> tensor<1x3xf32>
  return %r : tensor<1x3xf32>
}

// A small model that asks for 2x2 outputs of a 10^6 x 10^6 window (over
// padding) is refused before it runs for hours: 4 x 10^12 + 4 steps, after
// the reshape's 4 + 4.
// RUN: not nn-interp %s --entry window --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=WINDOW
// WINDOW: limits.mlir:[[# @LINE + 3]]:{{[0-9]+}}: error: the interpreter stops: this op takes 4000000000004 steps, after 8 already run, over the budget of 100000000000 steps (nn-interp --max-steps)
func.func @window(%x: tensor<1x4xf32>) -> tensor<1x1x2x2xf32> {
  %r = nn.reshape %x : tensor<1x4xf32> -> tensor<1x1x2x2xf32>
  %p = nn.max_pool %r {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 1000000, 1000000>, pads = array<i64: 999999, 999999, 999999, 999999>, strides = array<i64: 1000000, 1000000>} : tensor<1x1x2x2xf32> -> tensor<1x1x2x2xf32>
  return %p : tensor<1x1x2x2xf32>
}
