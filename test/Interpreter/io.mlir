// nn-interp's file formats, without any kernel: the function returns its
// argument, so the output is the input converted to the argument's type.

// .npy float32 little endian, version 1 and 2 headers, big endian, and an
// ONNX TensorProto with raw_data (FLOAT and DOUBLE) all read the same four values.
// RUN: nn-interp %s --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=X
// RUN: nn-interp %s --input %S/Inputs/x-1x4-v2.npy --print | FileCheck %s --check-prefix=X
// RUN: nn-interp %s --input %S/Inputs/x-1x4-be.npy --print | FileCheck %s --check-prefix=X
// RUN: nn-interp %s --input %S/Inputs/x-1x4.pb --print | FileCheck %s --check-prefix=X
// RUN: nn-interp %s --input %S/Inputs/x-1x4-double.pb --print | FileCheck %s --check-prefix=X
// X:      output 0: 1x4xf32
// X-NEXT: {{^}}{{\[\[}}-1.5, 0, 2.25, -0.5]]{{$}}

// A TensorProto storing its values in float_data.
// RUN: nn-interp %s --input %S/Inputs/x-1x4-float-data.pb --print | FileCheck %s --check-prefix=FLOAT-DATA
// FLOAT-DATA: {{^}}{{\[\[}}1, -2, 3, -4]]{{$}}

// float64 ('<f8') values are rounded to float32: 0.1 becomes the float
// nearest to 0.1 (printed in its shortest form, 0.1), 1e40 overflows to inf.
// RUN: nn-interp %s --input %S/Inputs/x-1x4-f8.npy --print | FileCheck %s --check-prefix=F8
// F8: {{^}}{{\[\[}}0.1, inf, -2, 3]]{{$}}

// The written .npy: a version 1.0 header padded to 128 bytes, then 4 floats.
// It is byte for byte the file make-inputs.py wrote, and reads back.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-interp %s --input %S/Inputs/x-1x4.npy --output %t/out.npy
// RUN: cmp %t/out.npy %S/Inputs/x-1x4.npy
// RUN: FileCheck %s --check-prefix=HEADER < %t/out.npy
// HEADER: NUMPY{{.*}}{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }
// RUN: wc -c < %t/out.npy | FileCheck %s --check-prefix=SIZE
// SIZE: 144
// RUN: nn-interp %s --input %t/out.npy --print | FileCheck %s --check-prefix=X

// --output and --print together; --threads is accepted.
// RUN: nn-interp %s --input %S/Inputs/x-1x4.pb --output %t/out2.npy --print --threads 1 | FileCheck %s --check-prefix=X
// RUN: cmp %t/out2.npy %S/Inputs/x-1x4.npy

func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  return %x : tensor<1x4xf32>
}
