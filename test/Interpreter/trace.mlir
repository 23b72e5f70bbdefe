// --trace DIR writes every op's result to DIR/<layer name>.npy. No kernel
// needed: the ops are constants.
//
// Names: the op's NameLoc name with characters outside [A-Za-z0-9._-]
// replaced by '_'; the last name of a fused location; <op name>_<index>
// (the op's position in the body) for an op without a name; a name already
// taken gets _<index> appended.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-interp %s --entry main --input %S/Inputs/x-1x4.npy --trace %t/trace
// RUN: ls %t/trace | FileCheck %s
// CHECK-DAG: {{^}}conv1_weight_0.npy{{$}}
// CHECK-DAG: {{^}}nn.constant_1.npy{{$}}
// CHECK-DAG: {{^}}conv1_weight_0_2.npy{{$}}
// CHECK-DAG: {{^}}second.npy{{$}}
// CHECK-DAG: {{^}}fc.bias.npy{{$}}
// RUN: ls %t/trace | count 5
//
// Each file holds its op's result.
// RUN: nn-interp %s --entry show --input %t/trace/conv1_weight_0.npy --print | FileCheck %s --check-prefix=A
// A: {{^}}{{\[\[}}1, 2]]{{$}}
// RUN: nn-interp %s --entry show --input %t/trace/nn.constant_1.npy --print | FileCheck %s --check-prefix=B
// B: {{^}}{{\[\[}}3, 4]]{{$}}
// RUN: nn-interp %s --entry show --input %t/trace/conv1_weight_0_2.npy --print | FileCheck %s --check-prefix=C
// C: {{^}}{{\[\[}}5, 6]]{{$}}
// RUN: nn-interp %s --entry show --input %t/trace/second.npy --print | FileCheck %s --check-prefix=D
// D: {{^}}{{\[\[}}7, 8]]{{$}}
//
// The trace directory is created, with its parents; --trace alone (no
// --output) is enough to run.
// RUN: nn-interp %s --entry main --input %S/Inputs/x-1x4.npy --trace %t/a/b/c
// RUN: ls %t/a/b/c | count 5

func.func @main(%x: tensor<1x4xf32>)
    -> (tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<2xf32>) {
  %a = nn.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32> loc("conv1/weight:0")
  %b = nn.constant dense<[[3.0, 4.0]]> : tensor<1x2xf32>
  %c = nn.constant dense<[[5.0, 6.0]]> : tensor<1x2xf32> loc("conv1/weight:0")
  %d = nn.constant dense<[[7.0, 8.0]]> : tensor<1x2xf32> loc(fused["first", "second"])
  %e = nn.constant dense<[0.5, 0.25]> : tensor<2xf32> loc("fc.bias")
  return %a, %b, %c, %d, %e : tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<2xf32>
}

func.func @show(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  return %x : tensor<1x2xf32>
}
