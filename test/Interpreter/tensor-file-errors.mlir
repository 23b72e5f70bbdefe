// Malformed .npy and TensorProto inputs, each written here by printf: every
// one is refused with a message naming the input and what is wrong, before
// anything is allocated from the sizes it declares. The .npy rules are
// nn/Support/Npy.h's, which the C-simulation testbench shares.
// RUN: rm -rf %t && mkdir -p %t

// The valid file these are variations of: version 1.0, '<f4', shape (1, 4),
// 16 bytes of zeros.
// RUN: printf "\x93NUMPY\x01\x00\x3b\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/ok.npy
// RUN: nn-interp %s --input %t/ok.npy --print | FileCheck %s --check-prefix=OK
// OK: {{^}}{{\[\[}}0, 0, 0, 0]]{{$}}

// Versions: only 1.0, 2.0 and 3.0 exist.
// RUN: printf "\x93NUMPY\x01\x01\x3b\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/v11.npy
// RUN: not nn-interp %s --input %t/v11.npy --print 2>&1 | FileCheck %s --check-prefix=V11
// V11: nn-interp: error: input 0 ({{.*}}v11.npy): .npy format version 1.1 is not supported (1.0, 2.0 and 3.0 are)
// RUN: printf "\x93NUMPY\x04\x00\x3b\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/v4.npy
// RUN: not nn-interp %s --input %t/v4.npy --print 2>&1 | FileCheck %s --check-prefix=V4
// V4: nn-interp: error: input 0 ({{.*}}v4.npy): .npy format version 4.0 is not supported

// A header length beyond the end of the file.
// RUN: printf "\x93NUMPY\x01\x00\xff\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/long-header.npy
// RUN: not nn-interp %s --input %t/long-header.npy --print 2>&1 | FileCheck %s --check-prefix=LONG-HEADER
// LONG-HEADER: nn-interp: error: input 0 ({{.*}}long-header.npy): truncated .npy header: it declares 255 bytes, the file holds 75 after the prefix

// dtypes: '|' is for 1-byte types only; the message names the dtype.
// RUN: printf "\x93NUMPY\x01\x00\x3b\x00{'descr': '|f4', 'fortran_order': False, 'shape': (1, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/bar.npy
// RUN: not nn-interp %s --input %t/bar.npy --print 2>&1 | FileCheck %s --check-prefix=BAR
// BAR: nn-interp: error: input 0 ({{.*}}bar.npy): dtype '|f4' is not supported; nn-interp reads float32 ('<f4'), float64 ('<f8') and integer ('|i1', '<i2', '<i4', '<i8', unsigned 'u') arrays

// The dict: exactly descr, fortran_order and shape, each once.
// RUN: printf "\x93NUMPY\x01\x00\x45\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), 'x': 'y', }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/extra-key.npy
// RUN: not nn-interp %s --input %t/extra-key.npy --print 2>&1 | FileCheck %s --check-prefix=EXTRA-KEY
// EXTRA-KEY: nn-interp: error: input 0 ({{.*}}extra-key.npy): malformed .npy header (unknown key 'x')
// RUN: printf "\x93NUMPY\x01\x00\x4b\x00{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/twice.npy
// RUN: not nn-interp %s --input %t/twice.npy --print 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: nn-interp: error: input 0 ({{.*}}twice.npy): malformed .npy header (duplicate key 'descr' at offset {{[0-9]+}})

// Shapes: negative, beyond int64, an element count that overflows, and one
// beyond the memory budget (8 GiB / 8 bytes a value = 2^30 elements).
// RUN: printf "\x93NUMPY\x01\x00\x3c\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, -4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/negative.npy
// RUN: not nn-interp %s --input %t/negative.npy --print 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// NEGATIVE: nn-interp: error: input 0 ({{.*}}negative.npy): malformed .npy header (expected a non-negative integer in the shape at offset {{[0-9]+}})
// RUN: printf "\x93NUMPY\x01\x00\x4e\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 99999999999999999999), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/long-dim.npy
// RUN: not nn-interp %s --input %t/long-dim.npy --print 2>&1 | FileCheck %s --check-prefix=LONG-DIM
// LONG-DIM: nn-interp: error: input 0 ({{.*}}long-dim.npy): malformed .npy header (expected a non-negative integer in the shape
// RUN: printf "\x93NUMPY\x01\x00\x50\x00{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/overflow.npy
// RUN: not nn-interp %s --input %t/overflow.npy --print 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: printf "\x93NUMPY\x01\x00\x45\x00{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/budget.npy
// RUN: not nn-interp %s --input %t/budget.npy --print 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: nn-interp: error: input 0 ({{.*}}.npy): the .npy header's shape holds more elements than the limit of 1073741824

// Payload: a byte too many is refused like a byte too few.
// RUN: printf "\x93NUMPY\x01\x00\x3b\x00{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" > %t/long.npy
// RUN: not nn-interp %s --input %t/long.npy --print 2>&1 | FileCheck %s --check-prefix=LONG
// LONG: nn-interp: error: input 0 ({{.*}}long.npy): the .npy header describes 4 elements (16 bytes) but the file holds 17 bytes of data

// TensorProto (.pb): field 1 dims (varint), field 2 data_type (1: FLOAT).
// A negative dimension (-1 as a 10-byte varint).
// RUN: printf '\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x10\x01' > %t/negative.pb
// RUN: not nn-interp %s --input %t/negative.pb --print 2>&1 | FileCheck %s --check-prefix=PB-NEGATIVE
// PB-NEGATIVE: nn-interp: error: input 0 ({{.*}}negative.pb): the TensorProto has a negative dimension -1
// Three dimensions of 2^40: 2^120 elements.
// RUN: printf '\x08\x80\x80\x80\x80\x80\x20\x08\x80\x80\x80\x80\x80\x20\x08\x80\x80\x80\x80\x80\x20\x10\x01' > %t/overflow.pb
// RUN: not nn-interp %s --input %t/overflow.pb --print 2>&1 | FileCheck %s --check-prefix=PB-OVERFLOW
// PB-OVERFLOW: nn-interp: error: input 0 ({{.*}}overflow.pb): the TensorProto's shape has more elements than fit in 64 bits
// Two dimensions of 2^20: 2^40 elements, over the budget, refused before
// the payload (absent) is looked at.
// RUN: printf '\x08\x80\x80\x40\x08\x80\x80\x40\x10\x01' > %t/budget.pb
// RUN: not nn-interp %s --input %t/budget.pb --print 2>&1 | FileCheck %s --check-prefix=PB-BUDGET
// PB-BUDGET: nn-interp: error: input 0 ({{.*}}budget.pb): the TensorProto of 1099511627776 elements needs 8796093022208 bytes, more than the interpreter's memory budget of 8589934592 bytes (nn-interp --max-memory)

func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  return %x : tensor<1x4xf32>
}
