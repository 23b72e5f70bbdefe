// The loop-level directives --nn-lower-to-hls writes (nn.hls.*,
// nn/Dialect/NN/IR/NNAttrNames.h) are verified by the dialect: the HLS
// emitter writes them into pragmas, so only their documented forms, on the
// ops they belong to, pass; an unknown nn.hls.* name is an error.
// RUN: nn-opt %s -split-input-file -verify-diagnostics

// Every directive in its documented form.
func.func @ok(%x: memref<4x!nn.fixed<8, 3>> {nn.hls.array_partition = "complete", nn.hls.name = "x"},
              %y: memref<4x!nn.fixed<8, 3>> {nn.hls.output, nn.hls.array_partition = "cyclic factor=2"})
    attributes {nn.hls.pipeline_ii = 1 : i64} {
  %w = nn.fx.rom dense<[1, 2, 3, 4]> : tensor<4xi8> {nn.hls.array_reshape = "cyclic factor=4", nn.hls.array_partition = "block factor=2", nn.hls.name = "w"} -> memref<4x!nn.fixed<8, 3>>
  %b = memref.alloc() {nn.hls.array_partition = "complete"} : memref<4x!nn.fixed<8, 3>>
  affine.for %i = 0 to 4 {
    %v = affine.load %w[%i] : memref<4x!nn.fixed<8, 3>>
    affine.store %v, %y[%i] : memref<4x!nn.fixed<8, 3>>
  } {nn.hls.pipeline_ii = 2 : i64, nn.hls.unroll = 0 : i64, nn.hls.mul_limit = 3 : i64, nn.hls.name = "loop"}
  affine.for %i = 0 to 4 {
  } {nn.hls.unroll = 2 : i64}
  return
}

// -----

// Text that would leave the pragma.
func.func @partition_text(%x: memref<4x!nn.fixed<8, 3>>) {
  // expected-error @+1 {{attribute 'nn.hls.array_partition' must be "complete", "cyclic factor=N" or "block factor=N" with N > 0, got "complete dim=0)\0A#include </etc/passwd>"}}
  %b = memref.alloc() {nn.hls.array_partition = "complete dim=0)\n#include </etc/passwd>"} : memref<4x!nn.fixed<8, 3>>
  return
}

// -----

func.func @factor_zero(%x: memref<4x!nn.fixed<8, 3>>) {
  // expected-error @+1 {{attribute 'nn.hls.array_partition' must be "complete", "cyclic factor=N" or "block factor=N" with N > 0, got "cyclic factor=0"}}
  %b = memref.alloc() {nn.hls.array_partition = "cyclic factor=0"} : memref<4x!nn.fixed<8, 3>>
  return
}

// -----

func.func @factor_sign(%x: memref<4x!nn.fixed<8, 3>>) {
  // expected-error @+1 {{got "block factor=+2"}}
  %b = memref.alloc() {nn.hls.array_partition = "block factor=+2"} : memref<4x!nn.fixed<8, 3>>
  return
}

// -----

// On a function argument: the same rules, naming the argument.
// expected-error @+1 {{'func.func' op argument 0: attribute 'nn.hls.array_partition' must be "complete", "cyclic factor=N" or "block factor=N" with N > 0, got 4 : i64}}
func.func @arg_partition(%x: memref<4x!nn.fixed<8, 3>> {nn.hls.array_partition = 4}) {
  return
}

// -----

// expected-error @+1 {{'func.func' op argument 0: attribute 'nn.hls.output' must be a unit attribute, got "yes"}}
func.func @arg_output(%x: memref<4x!nn.fixed<8, 3>> {nn.hls.output = "yes"}) {
  return
}

// -----

// expected-error @+1 {{'func.func' op argument 0: attribute 'nn.hls.pipeline_ii' belongs on an affine.for or a func.func}}
func.func @arg_pipeline(%x: memref<4x!nn.fixed<8, 3>> {nn.hls.pipeline_ii = 1 : i64}) {
  return
}

// -----

func.func @reshape_on_alloc() {
  // expected-error @+1 {{attribute 'nn.hls.array_reshape' belongs on an nn.fx.rom}}
  %b = memref.alloc() {nn.hls.array_reshape = "cyclic factor=2"} : memref<4x!nn.fixed<8, 3>>
  return
}

// -----

func.func @output_on_op() {
  // expected-error @+1 {{attribute 'nn.hls.output' belongs on a function argument}}
  %b = memref.alloc() {nn.hls.output} : memref<4x!nn.fixed<8, 3>>
  return
}

// -----

func.func @pipeline_zero() {
  // expected-error @+1 {{attribute 'nn.hls.pipeline_ii' must be a positive i64 integer, got 0 : i64}}
  affine.for %i = 0 to 4 {
  } {nn.hls.pipeline_ii = 0 : i64}
  return
}

// -----

func.func @unroll_negative() {
  // expected-error @+1 {{attribute 'nn.hls.unroll' must be a non-negative i64 integer, got -1 : i64}}
  affine.for %i = 0 to 4 {
  } {nn.hls.unroll = -1 : i64}
  return
}

// -----

// expected-error @+1 {{attribute 'nn.hls.mul_limit' belongs on an affine.for}}
func.func @mul_limit_on_func() attributes {nn.hls.mul_limit = 2 : i64} {
  return
}

// -----

func.func @empty_name() {
  // expected-error @+1 {{attribute 'nn.hls.name' must be a non-empty string, got ""}}
  %b = memref.alloc() {nn.hls.name = ""} : memref<4x!nn.fixed<8, 3>>
  return
}

// -----

func.func @unknown() {
  // expected-error @+1 {{unknown attribute 'nn.hls.interface' (nn's directives: nn/Dialect/NN/IR/NNAttrNames.h)}}
  %b = memref.alloc() {nn.hls.interface = "m_axi"} : memref<4x!nn.fixed<8, 3>>
  return
}
