// NEEDS KERNELS: nn.relu, nn.add, nn.dense. These come from the kernel
// branches; before they are merged this test fails with "the interpreter has
// no kernel for 'nn.relu'". Expected values computed by hand below.
//
// x = x-1x4.npy = [-1.5, 0, 2.25, -0.5], y = y-1x4.npy = [1, 2, 3, 4]
// relu1 = [0, 0, 2.25, 0]
// add1  = relu1 + y = [1, 2, 5.25, 4]
// fc    = add1 * W^T + b, W = [[1, 0.5, -1, 2], [0, 1, 1, -0.5]], b = [0.25, -1]
//   fc[0] = 1*1 + 2*0.5 + 5.25*(-1) + 4*2 + 0.25 = 1 + 1 - 5.25 + 8 + 0.25 = 5
//   fc[1] = 1*0 + 2*1 + 5.25*1 + 4*(-0.5) - 1  = 2 + 5.25 - 2 - 1      = 4.25
// RUN: nn-interp %s --entry main --input %S/Inputs/x-1x4.npy --input %S/Inputs/y-1x4.npy --print | FileCheck %s
// CHECK:      output 0: 1x4xf32
// CHECK-NEXT: {{^}}{{\[\[}}0, 0, 2.25, 0]]{{$}}
// CHECK-NEXT: output 1: 1x4xf32
// CHECK-NEXT: {{^}}{{\[\[}}1, 2, 5.25, 4]]{{$}}
// CHECK-NEXT: output 2: 1x2xf32
// CHECK-NEXT: {{^}}{{\[\[}}5, 4.25]]{{$}}
//
// Batch: x = x-3x4.npy, three samples, each with y = [1, 2, 3, 4].
//   sample 0: x = [-1, 2, -3, 4]      relu [0, 2, 0, 4]       add [1, 4, 3, 8]
//     fc = [1 + 2 - 3 + 16 + 0.25, 4 + 3 - 4 - 1]             = [16.25, 2]
//   sample 1: x = [0.5, -0.5, 1, -1]  relu [0.5, 0, 1, 0]     add [1.5, 2, 4, 4]
//     fc = [1.5 + 1 - 4 + 8 + 0.25, 2 + 4 - 2 - 1]            = [6.75, 3]
//   sample 2: x = [10, -10, 0, 0.25]  relu [10, 0, 0, 0.25]   add [11, 2, 3, 4.25]
//     fc = [11 + 1 - 3 + 8.5 + 0.25, 2 + 3 - 2.125 - 1]       = [17.75, 1.875]
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-interp %s --entry main --input %S/Inputs/x-3x4.npy --input %S/Inputs/y-1x4.npy --output %t/relu.npy --output %t/add.npy --output %t/fc.npy --trace %t/trace --print | FileCheck %s --check-prefix=BATCH
// BATCH:      output 0: 3x4xf32
// BATCH-NEXT: {{^}}{{\[\[}}0, 2, 0, 4],{{$}}
// BATCH-NEXT: {{^}} [0.5, 0, 1, 0],{{$}}
// BATCH-NEXT: {{^}} [10, 0, 0, 0.25]]{{$}}
// BATCH-NEXT: output 1: 3x4xf32
// BATCH-NEXT: {{^}}{{\[\[}}1, 4, 3, 8],{{$}}
// BATCH-NEXT: {{^}} [1.5, 2, 4, 4],{{$}}
// BATCH-NEXT: {{^}} [11, 2, 3, 4.25]]{{$}}
// BATCH-NEXT: output 2: 3x2xf32
// BATCH-NEXT: {{^}}{{\[\[}}16.25, 2],{{$}}
// BATCH-NEXT: {{^}} [6.75, 3],{{$}}
// BATCH-NEXT: {{^}} [17.75, 1.875]]{{$}}
//
// The trace: one file per op, named after its location; the samples of the
// activations stacked, the weights once.
// RUN: ls %t/trace | FileCheck %s --check-prefix=TRACE
// TRACE-DAG: {{^}}add1.npy{{$}}
// TRACE-DAG: {{^}}fc.npy{{$}}
// TRACE-DAG: {{^}}fc.bias.npy{{$}}
// TRACE-DAG: {{^}}fc.weight.npy{{$}}
// TRACE-DAG: {{^}}relu1.npy{{$}}
// RUN: ls %t/trace | count 5
// RUN: nn-interp %s --entry show --input %t/trace/add1.npy --print | FileCheck %s --check-prefix=ADD1
// ADD1:      output 0: 3x4xf32
// ADD1-NEXT: {{^}}{{\[\[}}1, 4, 3, 8],{{$}}
// RUN: FileCheck %s --check-prefix=WEIGHT < %t/trace/fc.weight.npy
// WEIGHT: 'shape': (2, 4), }
// RUN: nn-interp %s --entry show2 --input %t/fc.npy --print | FileCheck %s --check-prefix=FC
// FC:      output 0: 3x2xf32
// FC-NEXT: {{^}}{{\[\[}}16.25, 2],{{$}}
//
// Fixed point: x-1x4-f8.npy = [0.1, 1e40, -2, 3] quantized to
// !nn.fixed<8, 4, RND, SAT> gives [0.125, 7.9375, -2, 3] (see fixed.mlir);
// relu into !nn.fixed<8, 4> keeps the non-negative values (all exact in the
// result format): [0.125, 7.9375, 0, 3].
// RUN: nn-interp %s --entry fixed_relu --input %S/Inputs/x-1x4-f8.npy --print | FileCheck %s --check-prefix=FIXED
// FIXED:      output 0: 1x4x!nn.fixed<8, 4>
// FIXED-NEXT: {{^}}{{\[\[}}0.125, 7.9375, 0, 3]]{{$}}

func.func @main(%x: tensor<1x4xf32>, %y: tensor<1x4xf32>)
    -> (tensor<1x4xf32>, tensor<1x4xf32>, tensor<1x2xf32>) {
  %r = nn.relu %x : tensor<1x4xf32> -> tensor<1x4xf32> loc("relu1")
  %s = nn.add %r, %y : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32> loc("add1")
  %w = nn.constant dense<[[1.0, 0.5, -1.0, 2.0], [0.0, 1.0, 1.0, -0.5]]> : tensor<2x4xf32> loc("fc.weight")
  %b = nn.constant dense<[0.25, -1.0]> : tensor<2xf32> loc("fc.bias")
  %d = nn.dense %s, %w, %b : (tensor<1x4xf32>, tensor<2x4xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("fc")
  return %r, %s, %d : tensor<1x4xf32>, tensor<1x4xf32>, tensor<1x2xf32>
}

func.func @fixed_relu(%x: tensor<1x4x!nn.fixed<8, 4, RND, SAT>>) -> tensor<1x4x!nn.fixed<8, 4>> {
  %r = nn.relu %x : tensor<1x4x!nn.fixed<8, 4, RND, SAT>> -> tensor<1x4x!nn.fixed<8, 4>>
  return %r : tensor<1x4x!nn.fixed<8, 4>>
}

func.func @show(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  return %x : tensor<1x4xf32>
}

func.func @show2(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  return %x : tensor<1x2xf32>
}
