// Every error of nn-interp: one message naming the input (position and
// file), the output, the op or the model; a non-zero exit (`not` also fails
// on a crash). No kernel needed.
// RUN: rm -rf %t && mkdir -p %t

// The model.
// RUN: not nn-interp %s --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=MANY-FUNCS
// MANY-FUNCS: nn-interp: error: the model has 6 functions (two, one, no_kernel, int_arg, fixed_wide, partial); choose one with --entry
// RUN: not nn-interp %s --entry nope --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=NO-ENTRY
// NO-ENTRY: nn-interp: error: the model has no function named 'nope'
// RUN: not nn-interp %t/missing.mlir --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=NO-MODEL
// NO-MODEL: nn-interp: error: the model '{{.*}}missing.mlir' cannot be read: No such file or directory
// RUN: not nn-interp %S/Inputs/bad-syntax.mlir --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=BAD-MODEL
// BAD-MODEL: bad-syntax.mlir:2:{{[0-9]+}}: error: 'nn.relu' op
// RUN: not nn-interp %S/Inputs/no-function.mlir --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=NO-FUNC
// NO-FUNC: nn-interp: error: the model has no function with a body
// RUN: not nn-interp %S/../Target/ONNX/Inputs/corrupt.onnx --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=BAD-ONNX
// BAD-ONNX: corrupt.onnx:0:0: error:

// Input count.
// RUN: not nn-interp %s --entry two --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: nn-interp: error: the function 'two' takes 2 inputs but 1 was given: input 1, of type tensor<1x4xf32>, is missing
// RUN: not nn-interp %s --entry one --print 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: nn-interp: error: the function 'one' takes 1 input but 0 were given: input 0, of type tensor<1x4xf32>, is missing
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4.npy --input %S/Inputs/y-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=EXTRA
// EXTRA: nn-interp: error: the function 'one' takes 1 input but 2 were given: input 1 ({{.*}}y-1x4.npy) is extra

// Shapes and batches.
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-2x2.npy --print 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: nn-interp: error: input 0 ({{.*}}x-2x2.npy): shape [2, 2] (float32) does not match the function's argument 0 of type tensor<1x4xf32>
// RUN: not nn-interp %s --entry two --input %S/Inputs/y-1x4.npy --input %S/Inputs/x-1x4-f8.npy --input %S/Inputs/x-2x2.npy --print 2>&1 | FileCheck %s --check-prefix=EXTRA2
// EXTRA2: nn-interp: error: the function 'two' takes 2 inputs but 3 were given: input 2 ({{.*}}x-2x2.npy) is extra
// RUN: not nn-interp %s --entry two --input %S/Inputs/x-3x4.npy --input %S/Inputs/x-2x4.npy --print 2>&1 | FileCheck %s --check-prefix=BATCHES
// BATCHES: nn-interp: error: input 1 ({{.*}}x-2x4.npy) holds a batch of 2 samples but input 0 ({{.*}}x-3x4.npy) holds 3
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-0x4.npy --print 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: nn-interp: error: input 0 ({{.*}}x-0x4.npy): shape [0, 4] holds an empty batch (no samples)
// RUN: not nn-interp %s --entry int_arg --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=ARG-TYPE
// ARG-TYPE: nn-interp: error: input 0 ({{.*}}x-1x4.npy): the function's argument 0 has type tensor<1x4xi32>, which nn-interp cannot feed (statically shaped tensors of f32 or !nn.fixed of up to 64 bits)
// RUN: not nn-interp %s --entry fixed_wide --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=WIDE
// WIDE: nn-interp: error: input 0 ({{.*}}x-1x4.npy): the function's argument 0 has type tensor<1x4x!nn.fixed<70, 6>>, which nn-interp cannot feed

// Unreadable and corrupt .npy files.
// RUN: not nn-interp %s --entry one --input %t/missing.npy --print 2>&1 | FileCheck %s --check-prefix=NO-FILE
// NO-FILE: nn-interp: error: input 0 ({{.*}}missing.npy): cannot be read: No such file or directory
// RUN: not nn-interp %s --entry one --input %S/Inputs --print 2>&1 | FileCheck %s --check-prefix=DIR
// DIR: nn-interp: error: input 0 ({{.*}}Inputs): is a directory, not a regular file
// RUN: not nn-interp %s --entry two --input %S/Inputs/x-1x4.npy --input %S/Inputs/x-1x4-f2.npy --print 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: nn-interp: error: input 1 ({{.*}}x-1x4-f2.npy): dtype '<f2' is not supported; nn-interp reads float32 ('<f4'), float64 ('<f8') and integer ('|i1', '<i2', '<i4', '<i8', unsigned 'u') arrays
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4-fortran.npy --print 2>&1 | FileCheck %s --check-prefix=FORTRAN
// FORTRAN: nn-interp: error: input 0 ({{.*}}x-1x4-fortran.npy): the array is stored in Fortran order (fortran_order: True); only C order is supported (save np.ascontiguousarray(a) instead)
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4-truncated.npy --print 2>&1 | FileCheck %s --check-prefix=TRUNCATED
// TRUNCATED: nn-interp: error: input 0 ({{.*}}x-1x4-truncated.npy): the .npy header describes 4 elements (16 bytes) but the file holds 12 bytes of data
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4-bad-header.npy --print 2>&1 | FileCheck %s --check-prefix=BAD-HEADER
// BAD-HEADER: nn-interp: error: input 0 ({{.*}}x-1x4-bad-header.npy): malformed .npy header (expected a string, True, False or a tuple at offset 26)
// RUN: not nn-interp %s --entry one --input %S/Inputs/not-a-tensor.txt --print 2>&1 | FileCheck %s --check-prefix=FORMAT
// FORMAT: nn-interp: error: input 0 ({{.*}}not-a-tensor.txt): unknown tensor file format: expected a .npy file or an ONNX TensorProto named *.pb
// A file named .npy without the magic string.
// RUN: cp %S/Inputs/not-a-tensor.txt %t/fake.npy
// RUN: not nn-interp %s --entry one --input %t/fake.npy --print 2>&1 | FileCheck %s --check-prefix=FAKE
// FAKE: nn-interp: error: input 0 ({{.*}}fake.npy): not a .npy file (no \x93NUMPY magic string)
// RUN: head -c 40 %S/Inputs/x-1x4.npy > %t/cut.npy
// RUN: not nn-interp %s --entry one --input %t/cut.npy --print 2>&1 | FileCheck %s --check-prefix=CUT
// CUT: nn-interp: error: input 0 ({{.*}}cut.npy): truncated .npy header

// Unreadable and corrupt TensorProto files.
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4-uint8.pb --print 2>&1 | FileCheck %s --check-prefix=PB-TYPE
// PB-TYPE: nn-interp: error: input 0 ({{.*}}x-1x4-uint8.pb): element type UINT8 is not supported; nn-interp reads FLOAT, DOUBLE, INT32 and INT64 tensors
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4-short.pb --print 2>&1 | FileCheck %s --check-prefix=PB-SHORT
// PB-SHORT: nn-interp: error: input 0 ({{.*}}x-1x4-short.pb): the TensorProto's shape has 4 elements (16 bytes) but raw_data holds 12 bytes
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-corrupt.pb --print 2>&1 | FileCheck %s --check-prefix=PB-CORRUPT
// PB-CORRUPT: nn-interp: error: input 0 ({{.*}}x-corrupt.pb): not a valid ONNX TensorProto (the protobuf does not parse)

// Outputs.
// RUN: not nn-interp %s --entry two --input %S/Inputs/x-1x4.npy --input %S/Inputs/y-1x4.npy --output %t/a.npy 2>&1 | FileCheck %s --check-prefix=OUT-COUNT
// OUT-COUNT: nn-interp: error: the function 'two' has 2 results but 1 --output was given
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4.npy 2>&1 | FileCheck %s --check-prefix=NOTHING
// NOTHING: nn-interp: error: nothing to do: give one --output per function result (1), --print or --trace
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4.npy --output %t/no/such/dir/out.npy 2>&1 | FileCheck %s --check-prefix=OUT-WRITE
// OUT-WRITE: nn-interp: error: output 0 ({{.*}}out.npy): cannot write the file: No such file or directory
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4.npy --trace %S/Inputs/x-1x4.npy/trace 2>&1 | FileCheck %s --check-prefix=TRACE-DIR
// TRACE-DIR: nn-interp: error: cannot create the trace directory '{{.*}}x-1x4.npy/trace': Not a directory

// --threads takes a non-negative integer.
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4.npy --print --threads x 2>&1 | FileCheck %s --check-prefix=THREADS
// THREADS: nn-interp: error: --threads expects a non-negative integer, got 'x'
// RUN: not nn-interp %s --entry one --input %S/Inputs/x-1x4.npy --print --threads 2>&1 | FileCheck %s --check-prefix=THREADS-VALUE
// THREADS-VALUE: nn-interp: error: --threads needs a value

// When an op fails, the trace still holds the results computed before it.
// RUN: not nn-interp %s --entry partial --input %S/Inputs/x-1x4.npy --trace %t/partial 2>&1 | FileCheck %s --check-prefix=PARTIAL
// PARTIAL: error: loc("failing"): the interpreter has no kernel for 'arith.mulf'{{$}}
// PARTIAL-NOT: note
// RUN: ls %t/partial | FileCheck %s --check-prefix=PARTIAL-TRACE
// PARTIAL-TRACE: {{^}}before.npy{{$}}
// RUN: ls %t/partial | count 1

// An op without a kernel: the message comes from the interpreter, at the op.
// RUN: not nn-interp %s --entry no_kernel --input %S/Inputs/x-1x4.npy --print 2>&1 | FileCheck %s --check-prefix=NO-KERNEL
// NO-KERNEL: errors.mlir:[[@LINE+9]]:8: error: the interpreter has no kernel for 'arith.addf'

func.func @two(%x: tensor<1x4xf32>, %y: tensor<1x4xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>) {
  return %x, %y : tensor<1x4xf32>, tensor<1x4xf32>
}
func.func @one(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  return %x : tensor<1x4xf32>
}
func.func @no_kernel(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %0 = arith.addf %x, %x : tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}
func.func @int_arg(%x: tensor<1x4xi32>) -> tensor<1x4xi32> {
  return %x : tensor<1x4xi32>
}
func.func @fixed_wide(%x: tensor<1x4x!nn.fixed<70, 6>>) -> tensor<1x4x!nn.fixed<70, 6>> {
  return %x : tensor<1x4x!nn.fixed<70, 6>>
}
func.func @partial(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %c = nn.constant dense<1.0> : tensor<1x4xf32> loc("before")
  %0 = arith.mulf %x, %c : tensor<1x4xf32> loc("failing")
  return %0 : tensor<1x4xf32>
}
