// Calibration runs one network: a module of two functions is an error.
// RUN: not nn-opt %s --nn-quantize="calibrate=%S/Inputs/calibrate-x-3x2.npy" 2>&1 | FileCheck %s
// CHECK: error: calibrate: the module must hold exactly one function with a body (the network), found 2

func.func @a(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  return %x : tensor<1x2xf32>
}
func.func @b(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  return %x : tensor<1x2xf32>
}
