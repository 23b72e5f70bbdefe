// Round trip of the activations: custom form, then generic form back to
// custom. Default-valued attributes are elided when printed; an explicit
// default prints like an absent one.
// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s --mlir-print-op-generic | nn-opt | FileCheck %s

// CHECK-LABEL: func.func @relu
func.func @relu(%x: tensor<1x16xf32>, %q: tensor<2x4x!nn.fixed<16, 6>>) -> (tensor<1x16xf32>, tensor<2x4x!nn.ufixed<8, 3, RND, SAT>>) {
  // CHECK: nn.relu %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %0 = nn.relu %x : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.relu %{{[a-z0-9_]+}} : tensor<2x4x!nn.fixed<16, 6>> -> tensor<2x4x!nn.ufixed<8, 3, RND, SAT>>
  %1 = nn.relu %q : tensor<2x4x!nn.fixed<16, 6>> -> tensor<2x4x!nn.ufixed<8, 3, RND, SAT>>
  return %0, %1 : tensor<1x16xf32>, tensor<2x4x!nn.ufixed<8, 3, RND, SAT>>
}

// CHECK-LABEL: func.func @leaky_relu
func.func @leaky_relu(%x: tensor<1x16xf32>, %q: tensor<1x16x!nn.fixed<16, 6>>) -> (tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.fixed<18, 6>>) {
  // CHECK: nn.leaky_relu %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %0 = nn.leaky_relu %x : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.leaky_relu %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %1 = nn.leaky_relu %x {alpha = 0.01 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // ONNX puts no bound on alpha.
  // CHECK: nn.leaky_relu %{{[a-z0-9_]+}} {alpha = -2.500000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  %2 = nn.leaky_relu %x {alpha = -2.5 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.leaky_relu %{{[a-z0-9_]+}} {alpha = 1.250000e-01 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<18, 6>>
  %3 = nn.leaky_relu %q {alpha = 0.125 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<18, 6>>
  return %0, %1, %2, %3 : tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.fixed<18, 6>>
}

// CHECK-LABEL: func.func @elu
func.func @elu(%x: tensor<2x3xf32>, %q: tensor<2x3x!nn.fixed<8, 3>>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3x!nn.fixed<8, 3>>) {
  // CHECK: nn.elu %{{[a-z0-9_]+}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %0 = nn.elu %x : tensor<2x3xf32> -> tensor<2x3xf32>
  // CHECK: nn.elu %{{[a-z0-9_]+}} {alpha = 5.000000e-01 : f32} : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = nn.elu %x {alpha = 0.5 : f32} : tensor<2x3xf32> -> tensor<2x3xf32>
  // CHECK: nn.elu %{{[a-z0-9_]+}} : tensor<2x3x!nn.fixed<8, 3>> -> tensor<2x3x!nn.fixed<8, 3>>
  %2 = nn.elu %q : tensor<2x3x!nn.fixed<8, 3>> -> tensor<2x3x!nn.fixed<8, 3>>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3x!nn.fixed<8, 3>>
}

// CHECK-LABEL: func.func @selu
func.func @selu(%x: tensor<4xf32>, %q: tensor<4x!nn.fixed<12, 4>>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x!nn.fixed<12, 4>>) {
  // CHECK: nn.selu %{{[a-z0-9_]+}} : tensor<4xf32> -> tensor<4xf32>
  %0 = nn.selu %x : tensor<4xf32> -> tensor<4xf32>
  // The defaults are the f32 values of the ONNX constants, so spelling them
  // out gives the default op.
  // CHECK: nn.selu %{{[a-z0-9_]+}} : tensor<4xf32> -> tensor<4xf32>
  %1 = nn.selu %x {alpha = 1.67326319217681884765625 : f32, gamma = 1.05070102214813232421875 : f32} : tensor<4xf32> -> tensor<4xf32>
  // CHECK: nn.selu %{{[a-z0-9_]+}} {alpha = 2.000000e+00 : f32} : tensor<4xf32> -> tensor<4xf32>
  %2 = nn.selu %x {alpha = 2.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  // CHECK: nn.selu %{{[a-z0-9_]+}} {alpha = 2.000000e+00 : f32, gamma = 1.500000e+00 : f32} : tensor<4xf32> -> tensor<4xf32>
  %3 = nn.selu %x {gamma = 1.5 : f32, alpha = 2.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  // CHECK: nn.selu %{{[a-z0-9_]+}} {gamma = 1.000000e+00 : f32} : tensor<4x!nn.fixed<12, 4>> -> tensor<4x!nn.fixed<12, 4>>
  %4 = nn.selu %q {gamma = 1.0 : f32} : tensor<4x!nn.fixed<12, 4>> -> tensor<4x!nn.fixed<12, 4>>
  return %0, %1, %2, %3, %4 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4x!nn.fixed<12, 4>>
}

// CHECK-LABEL: func.func @thresholded_relu
func.func @thresholded_relu(%x: tensor<1x8xf32>, %q: tensor<1x8x!nn.fixed<10, 4>>) -> (tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8x!nn.fixed<10, 4>>) {
  // CHECK: nn.thresholded_relu %{{[a-z0-9_]+}} : tensor<1x8xf32> -> tensor<1x8xf32>
  %0 = nn.thresholded_relu %x : tensor<1x8xf32> -> tensor<1x8xf32>
  // A negative threshold is legal in ONNX.
  // CHECK: nn.thresholded_relu %{{[a-z0-9_]+}} {alpha = -1.000000e+00 : f32} : tensor<1x8xf32> -> tensor<1x8xf32>
  %1 = nn.thresholded_relu %x {alpha = -1.0 : f32} : tensor<1x8xf32> -> tensor<1x8xf32>
  // CHECK: nn.thresholded_relu %{{[a-z0-9_]+}} {alpha = 2.000000e+00 : f32} : tensor<1x8x!nn.fixed<10, 4>> -> tensor<1x8x!nn.fixed<10, 4>>
  %2 = nn.thresholded_relu %q {alpha = 2.0 : f32} : tensor<1x8x!nn.fixed<10, 4>> -> tensor<1x8x!nn.fixed<10, 4>>
  return %0, %1, %2 : tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8x!nn.fixed<10, 4>>
}

// CHECK-LABEL: func.func @prelu
func.func @prelu(%x: tensor<1x8x4x4xf32>, %s: tensor<8x1x1xf32>, %s1: tensor<1xf32>,
                 %s0: tensor<f32>, %sf: tensor<1x8x4x4xf32>,
                 %q: tensor<2x3x!nn.fixed<16, 6>>, %qs: tensor<3x!nn.fixed<8, 1>>)
    -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<2x3x!nn.fixed<20, 6>>) {
  // PyTorch's nn.PReLU(C) on NCHW: slope [C, 1, 1].
  // CHECK: nn.prelu %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %0 = nn.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  // One shared slope.
  // CHECK: nn.prelu %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x4x4xf32>, tensor<1xf32>) -> tensor<1x8x4x4xf32>
  %1 = nn.prelu %x, %s1 : (tensor<1x8x4x4xf32>, tensor<1xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: nn.prelu %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  %2 = nn.prelu %x, %s0 : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  // CHECK: nn.prelu %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %3 = nn.prelu %x, %sf : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: nn.prelu %{{[a-z0-9_]+}}, %{{[a-z0-9_]+}} : (tensor<2x3x!nn.fixed<16, 6>>, tensor<3x!nn.fixed<8, 1>>) -> tensor<2x3x!nn.fixed<20, 6>>
  %4 = nn.prelu %q, %qs : (tensor<2x3x!nn.fixed<16, 6>>, tensor<3x!nn.fixed<8, 1>>) -> tensor<2x3x!nn.fixed<20, 6>>
  return %0, %1, %2, %3, %4 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<2x3x!nn.fixed<20, 6>>
}

// CHECK-LABEL: func.func @clip
func.func @clip(%x: tensor<1x16xf32>, %q: tensor<1x16x!nn.fixed<16, 6>>) -> (tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.ufixed<8, 3>>) {
  // ReLU6.
  // CHECK: nn.clip %{{[a-z0-9_]+}} {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  %0 = nn.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.clip %{{[a-z0-9_]+}} {min = -1.000000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  %1 = nn.clip %x {min = -1.0 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.clip %{{[a-z0-9_]+}} {max = 1.000000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  %2 = nn.clip %x {max = 1.0 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // No bound at all: the identity.
  // CHECK: nn.clip %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %3 = nn.clip %x : tensor<1x16xf32> -> tensor<1x16xf32>
  // ONNX defines min > max (every element becomes max), so it verifies.
  // CHECK: nn.clip %{{[a-z0-9_]+}} {max = 1.000000e+00 : f32, min = 2.000000e+00 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  %4 = nn.clip %x {min = 2.0 : f32, max = 1.0 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.clip %{{[a-z0-9_]+}} {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<8, 3>>
  %5 = nn.clip %q {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<8, 3>>
  return %0, %1, %2, %3, %4, %5 : tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.ufixed<8, 3>>
}

// CHECK-LABEL: func.func @no_attributes
func.func @no_attributes(%x: tensor<1x16xf32>, %h: tensor<1x16xf16>, %q: tensor<1x16x!nn.fixed<16, 6>>)
    -> (tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf16>,
        tensor<1x16x!nn.ufixed<8, 0, RND>>, tensor<1x16x!nn.fixed<8, 1, RND, SAT>>,
        tensor<1x16x!nn.ufixed<10, 6>>, tensor<1x16x!nn.fixed<10, 1>>) {
  // CHECK: nn.sigmoid %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %0 = nn.sigmoid %x : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.tanh %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %1 = nn.tanh %x : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.softplus %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %2 = nn.softplus %x : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.softsign %{{[a-z0-9_]+}} : tensor<1x16xf16> -> tensor<1x16xf16>
  %3 = nn.softsign %h : tensor<1x16xf16> -> tensor<1x16xf16>
  // CHECK: nn.sigmoid %{{[a-z0-9_]+}} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<8, 0, RND>>
  %4 = nn.sigmoid %q : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<8, 0, RND>>
  // CHECK: nn.tanh %{{[a-z0-9_]+}} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<8, 1, RND, SAT>>
  %5 = nn.tanh %q : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<8, 1, RND, SAT>>
  // CHECK: nn.softplus %{{[a-z0-9_]+}} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<10, 6>>
  %6 = nn.softplus %q : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<10, 6>>
  // CHECK: nn.softsign %{{[a-z0-9_]+}} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<10, 1>>
  %7 = nn.softsign %q : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<10, 1>>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf16>,
      tensor<1x16x!nn.ufixed<8, 0, RND>>, tensor<1x16x!nn.fixed<8, 1, RND, SAT>>,
      tensor<1x16x!nn.ufixed<10, 6>>, tensor<1x16x!nn.fixed<10, 1>>
}

// CHECK-LABEL: func.func @hard_sigmoid
func.func @hard_sigmoid(%x: tensor<1x16xf32>, %q: tensor<1x16x!nn.fixed<16, 6>>) -> (tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.ufixed<8, 1>>) {
  // CHECK: nn.hard_sigmoid %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %0 = nn.hard_sigmoid %x : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.hard_sigmoid %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %1 = nn.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.hard_sigmoid %{{[a-z0-9_]+}} {alpha = 0.166666672 : f32, beta = 2.500000e-01 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  %2 = nn.hard_sigmoid %x {alpha = 0.166666672 : f32, beta = 0.25 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.hard_sigmoid %{{[a-z0-9_]+}} {beta = 0.000000e+00 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<8, 1>>
  %3 = nn.hard_sigmoid %q {beta = 0.0 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.ufixed<8, 1>>
  return %0, %1, %2, %3 : tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.ufixed<8, 1>>
}

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: tensor<2x3x4xf32>, %q: tensor<1x10x!nn.fixed<16, 6>>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<1x10x!nn.ufixed<16, 0>>) {
  // CHECK: nn.softmax %{{[a-z0-9_]+}} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %0 = nn.softmax %x : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // CHECK: nn.softmax %{{[a-z0-9_]+}} {axis = 0 : i64} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %1 = nn.softmax %x {axis = 0} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // The bounds of [-rank, rank).
  // CHECK: nn.softmax %{{[a-z0-9_]+}} {axis = 2 : i64} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %2 = nn.softmax %x {axis = 2} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // CHECK: nn.softmax %{{[a-z0-9_]+}} {axis = -3 : i64} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %3 = nn.softmax %x {axis = -3} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // CHECK: nn.softmax %{{[a-z0-9_]+}} {axis = 1 : i64} : tensor<1x10x!nn.fixed<16, 6>> -> tensor<1x10x!nn.ufixed<16, 0>>
  %4 = nn.softmax %q {axis = 1} : tensor<1x10x!nn.fixed<16, 6>> -> tensor<1x10x!nn.ufixed<16, 0>>
  // The implementation and its types (hls4ml's Implementation, exp_table,
  // inv_table, accum) round-trip.
  // CHECK: nn.softmax %{{[a-z0-9_]+}} {accum_type = !nn.ufixed<20, 10>, axis = 1 : i64, exp_table_type = !nn.ufixed<18, 8, RND, SAT>, implementation = "latency", inv_table_type = !nn.ufixed<18, 1, RND, SAT>} : tensor<1x10x!nn.fixed<16, 6>> -> tensor<1x10x!nn.ufixed<16, 0>>
  %5 = nn.softmax %q {axis = 1, implementation = "latency", exp_table_type = !nn.ufixed<18, 8, RND, SAT>, inv_table_type = !nn.ufixed<18, 1, RND, SAT>, accum_type = !nn.ufixed<20, 10>} : tensor<1x10x!nn.fixed<16, 6>> -> tensor<1x10x!nn.ufixed<16, 0>>
  return %0, %1, %2, %3, %4 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<1x10x!nn.ufixed<16, 0>>
}

// CHECK-LABEL: func.func @gated
func.func @gated(%x: tensor<1x16xf32>, %q: tensor<1x16x!nn.fixed<16, 6>>) -> (tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.fixed<16, 6>>) {
  // CHECK: nn.gelu %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %0 = nn.gelu %x {approximate = "none"} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.gelu %{{[a-z0-9_]+}} {approximate = "tanh"} : tensor<1x16xf32> -> tensor<1x16xf32>
  %1 = nn.gelu %x {approximate = "tanh"} : tensor<1x16xf32> -> tensor<1x16xf32>
  // The default alpha is the f32 of 1/6 (ONNX HardSwish's).
  // CHECK: nn.hard_swish %{{[a-z0-9_]+}} : tensor<1x16xf32> -> tensor<1x16xf32>
  %2 = nn.hard_swish %x {alpha = 0.166666672 : f32, beta = 0.5 : f32} : tensor<1x16xf32> -> tensor<1x16xf32>
  // CHECK: nn.hard_swish %{{[a-z0-9_]+}} {alpha = 2.000000e-01 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<16, 6>>
  %3 = nn.hard_swish %q {alpha = 0.2 : f32} : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<16, 6>>
  return %0, %1, %2, %3 : tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x16x!nn.fixed<16, 6>>
}

// CHECK-LABEL: func.func @rsqrt
func.func @rsqrt(%x: tensor<1x4x1xf32>, %q: tensor<1x4x1x!nn.fixed<16, 6>>) -> (tensor<1x4x1xf32>, tensor<1x4x1x!nn.ufixed<18, 8>>) {
  // CHECK: nn.rsqrt %{{[a-z0-9_]+}} {epsilon = 9.99999974E-6 : f32} : tensor<1x4x1xf32> -> tensor<1x4x1xf32>
  %0 = nn.rsqrt %x {epsilon = 1.0e-05 : f32} : tensor<1x4x1xf32> -> tensor<1x4x1xf32>
  // CHECK: nn.rsqrt %{{[a-z0-9_]+}} {nn.table_size = 256 : i64} : tensor<1x4x1x!nn.fixed<16, 6>> -> tensor<1x4x1x!nn.ufixed<18, 8>>
  %1 = nn.rsqrt %q {nn.table_size = 256 : i64} : tensor<1x4x1x!nn.fixed<16, 6>> -> tensor<1x4x1x!nn.ufixed<18, 8>>
  return %0, %1 : tensor<1x4x1xf32>, tensor<1x4x1x!nn.ufixed<18, 8>>
}
