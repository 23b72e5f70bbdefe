// Every verifier message of the scalar fixed-point ops (NNScalarOps.cpp).
// RUN: nn-opt %s -split-input-file -verify-diagnostics

func.func @constant_range() -> !nn.fixed<8, 4> {
  // expected-error @+1 {{'nn.fx.constant' op raw value 128 is outside the range of '!nn.fixed<8, 4>'}}
  %c = nn.fx.constant 128 : !nn.fixed<8, 4>
  return %c : !nn.fixed<8, 4>
}

// -----

func.func @constant_unsigned_range() -> !nn.ufixed<8, 4> {
  // expected-error @+1 {{'nn.fx.constant' op raw value -1 is outside the range of '!nn.ufixed<8, 4>'}}
  %c = nn.fx.constant -1 : !nn.ufixed<8, 4>
  return %c : !nn.ufixed<8, 4>
}

// -----

func.func @constant_wide() -> !nn.fixed<65, 4> {
  // expected-error @+1 {{'nn.fx.constant' op result type '!nn.fixed<65, 4>' has more than 64 bits}}
  %c = nn.fx.constant 1 : !nn.fixed<65, 4>
  return %c : !nn.fixed<65, 4>
}

// -----

func.func @mul_type(%a: !nn.fixed<16, 6>, %b: !nn.fixed<8, 2>) -> !nn.fixed<16, 6> {
  // expected-error @+1 {{'nn.fx.mul' op result type '!nn.fixed<16, 6>' differs from the exact product type '!nn.fixed<24, 8>'}}
  %p = nn.fx.mul %a, %b : (!nn.fixed<16, 6>, !nn.fixed<8, 2>) -> !nn.fixed<16, 6>
  return %p : !nn.fixed<16, 6>
}

// -----

func.func @mul_modes(%a: !nn.fixed<16, 6>, %b: !nn.fixed<8, 2>) -> !nn.fixed<24, 8, RND, SAT> {
  // expected-error @+1 {{'nn.fx.mul' op result type '!nn.fixed<24, 8, RND, SAT>' differs from the exact product type '!nn.fixed<24, 8>'}}
  %p = nn.fx.mul %a, %b : (!nn.fixed<16, 6>, !nn.fixed<8, 2>) -> !nn.fixed<24, 8, RND, SAT>
  return %p : !nn.fixed<24, 8, RND, SAT>
}

// -----

func.func @add_type(%a: !nn.fixed<16, 6>, %b: !nn.fixed<16, 6>) -> !nn.fixed<16, 6> {
  // expected-error @+1 {{'nn.fx.add' op result type '!nn.fixed<16, 6>' differs from the exact sum type '!nn.fixed<17, 7>'}}
  %s = nn.fx.add %a, %b : (!nn.fixed<16, 6>, !nn.fixed<16, 6>) -> !nn.fixed<16, 6>
  return %s : !nn.fixed<16, 6>
}

// -----

func.func @cast_wide(%a: !nn.fixed<16, 6>) -> !nn.fixed<65, 6> {
  // expected-error @+1 {{'nn.fx.cast' op result type '!nn.fixed<65, 6>' has more than 64 bits}}
  %c = nn.fx.cast %a : !nn.fixed<16, 6> -> !nn.fixed<65, 6>
  return %c : !nn.fixed<65, 6>
}

// -----

func.func @rom_shape() {
  // expected-error @+1 {{'nn.fx.rom' op value shape [3] differs from the result shape [2]}}
  %w = nn.fx.rom dense<[1, 2, 3]> : tensor<3xi8> -> memref<2x!nn.fixed<8, 4>>
  return
}

// -----

func.func @rom_raw_type() {
  // expected-error @+1 {{'nn.fx.rom' op value elements must be the raw integers i8 of '!nn.fixed<8, 4>', got 'i16'}}
  %w = nn.fx.rom dense<[1, 2]> : tensor<2xi16> -> memref<2x!nn.fixed<8, 4>>
  return
}
