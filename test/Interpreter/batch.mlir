// A leading batch dimension N where the argument has 1 runs N samples; each
// output holds the samples stacked along axis 0. No kernel needed.
//
// x-3x4.npy is batched (3 samples); y-1x4.npy matches its argument, so every
// sample reads it. The constant result does not depend on the sample and is
// repeated.
// RUN: nn-interp %s --input %S/Inputs/x-3x4.npy --input %S/Inputs/y-1x4.npy --print | FileCheck %s
// With two threads, samples 1 and 2 run on two evaluators of their own
// (sample 0 first, on the caller's): the same outputs, in sample order.
// RUN: nn-interp %s --input %S/Inputs/x-3x4.npy --input %S/Inputs/y-1x4.npy --print --threads 2 | FileCheck %s
// CHECK:      output 0: 3x4xf32
// CHECK-NEXT: {{^}}{{\[\[}}-1, 2, -3, 4],{{$}}
// CHECK-NEXT: {{^}} [0.5, -0.5, 1, -1],{{$}}
// CHECK-NEXT: {{^}} [10, -10, 0, 0.25]]{{$}}
// CHECK-NEXT: output 1: 3x4xf32
// CHECK-NEXT: {{^}}{{\[\[}}1, 2, 3, 4],{{$}}
// CHECK-NEXT: {{^}} [1, 2, 3, 4],{{$}}
// CHECK-NEXT: {{^}} [1, 2, 3, 4]]{{$}}
// CHECK-NEXT: output 2: 3x2xf32
// CHECK-NEXT: {{^}}{{\[\[}}7, 8],{{$}}
// CHECK-NEXT: {{^}} [7, 8],{{$}}
// CHECK-NEXT: {{^}} [7, 8]]{{$}}
// A result without the leading 1 gets a new axis: [2] becomes [3, 2].
// CHECK-NEXT: output 3: 3x2xf32
// CHECK-NEXT: {{^}}{{\[\[}}5, 6],{{$}}
// CHECK-NEXT: {{^}} [5, 6],{{$}}
// CHECK-NEXT: {{^}} [5, 6]]{{$}}

// Both inputs batched.
// RUN: nn-interp %s --input %S/Inputs/x-3x4.npy --input %S/Inputs/x-3x4.npy --print | FileCheck %s --check-prefix=BOTH
// BOTH: output 1: 3x4xf32
// BOTH-NEXT: {{^}}{{\[\[}}-1, 2, -3, 4],{{$}}

// The outputs as files, and the trace: the constants are written once, as
// they are the same in every sample.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-interp %s --input %S/Inputs/x-3x4.npy --input %S/Inputs/y-1x4.npy --output %t/o0.npy --output %t/o1.npy --output %t/o2.npy --output %t/o3.npy --trace %t/trace
// RUN: FileCheck %s --check-prefix=O0 < %t/o0.npy
// O0: 'shape': (3, 4), }
// RUN: FileCheck %s --check-prefix=O3 < %t/o3.npy
// O3: 'shape': (3, 2), }
// RUN: FileCheck %s --check-prefix=TRACE-C < %t/trace/c.npy
// TRACE-C: 'shape': (1, 2), }
// RUN: FileCheck %s --check-prefix=TRACE-V < %t/trace/v.npy
// TRACE-V: 'shape': (2,), }

func.func @main(%x: tensor<1x4xf32>, %y: tensor<1x4xf32>)
    -> (tensor<1x4xf32>, tensor<1x4xf32>, tensor<1x2xf32>, tensor<2xf32>) {
  %c = nn.constant dense<[[7.0, 8.0]]> : tensor<1x2xf32> loc("c")
  %v = nn.constant dense<[5.0, 6.0]> : tensor<2xf32> loc("v")
  return %x, %y, %c, %v : tensor<1x4xf32>, tensor<1x4xf32>, tensor<1x2xf32>, tensor<2xf32>
}
