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

// -----

func.func @sub_type(%a: !nn.ufixed<8, 4>, %b: !nn.ufixed<8, 4>) -> !nn.ufixed<9, 5> {
  // expected-error @+1 {{'nn.fx.sub' op result type '!nn.ufixed<9, 5>' differs from the exact difference type '!nn.fixed<9, 5>'}}
  %d = nn.fx.sub %a, %b : (!nn.ufixed<8, 4>, !nn.ufixed<8, 4>) -> !nn.ufixed<9, 5>
  return %d : !nn.ufixed<9, 5>
}

// -----

func.func @max_types(%a: !nn.fixed<8, 4>, %b: !nn.fixed<8, 3>) -> !nn.fixed<8, 4> {
  // expected-error @+1 {{'nn.fx.max' op failed to verify that all of {lhs, rhs, result} have same type}}
  %m = "nn.fx.max"(%a, %b) : (!nn.fixed<8, 4>, !nn.fixed<8, 3>) -> !nn.fixed<8, 4>
  return %m : !nn.fixed<8, 4>
}

// -----

func.func @to_index_fraction(%x: !nn.ufixed<8, 4>) -> index {
  // expected-error @+1 {{'nn.fx.to_index' op input type '!nn.ufixed<8, 4>' must be unsigned, without fraction bits and with at most 31 integer bits}}
  %i = nn.fx.to_index %x : !nn.ufixed<8, 4>
  return %i : index
}

// -----

func.func @to_index_signed(%x: !nn.fixed<8, 8>) -> index {
  // expected-error @+1 {{'nn.fx.to_index' op input type '!nn.fixed<8, 8>' must be unsigned, without fraction bits and with at most 31 integer bits}}
  %i = nn.fx.to_index %x : !nn.fixed<8, 8>
  return %i : index
}

// -----

func.func @to_index_wide(%x: !nn.ufixed<32, 32>) -> index {
  // expected-error @+1 {{'nn.fx.to_index' op input type '!nn.ufixed<32, 32>' must be unsigned, without fraction bits and with at most 31 integer bits}}
  %i = nn.fx.to_index %x : !nn.ufixed<32, 32>
  return %i : index
}

// -----

func.func @ilog2_signed(%x: !nn.fixed<8, 4>) -> index {
  // expected-error @+1 {{'nn.fx.ilog2' op input type '!nn.fixed<8, 4>' must be unsigned and at most 64 bits wide}}
  %e = nn.fx.ilog2 %x : !nn.fixed<8, 4>
  return %e : index
}

// -----

func.func @div_pow2_range(%x: !nn.ufixed<8, 4>, %e: index) -> !nn.ufixed<8, 1> {
  // expected-error @+1 {{'nn.fx.div_pow2' op exponent range [3, 2] must be non-empty, within [-1024, 1024], with at most 128 values}}
  %y = nn.fx.div_pow2 %x, %e {min_exp = 3 : i64, max_exp = 2 : i64} : (!nn.ufixed<8, 4>, index) -> !nn.ufixed<8, 1>
  return %y : !nn.ufixed<8, 1>
}

// -----

func.func @div_pow2_wide_range(%x: !nn.ufixed<8, 4>, %e: index) -> !nn.ufixed<8, 1> {
  // expected-error @+1 {{'nn.fx.div_pow2' op exponent range [0, 128] must be non-empty, within [-1024, 1024], with at most 128 values}}
  %y = nn.fx.div_pow2 %x, %e {min_exp = 0 : i64, max_exp = 128 : i64} : (!nn.ufixed<8, 4>, index) -> !nn.ufixed<8, 1>
  return %y : !nn.ufixed<8, 1>
}

// -----

func.func @div_pow2_result(%x: !nn.ufixed<8, 4>, %e: index) -> !nn.ufixed<65, 1> {
  // expected-error @+1 {{'nn.fx.div_pow2' op result type '!nn.ufixed<65, 1>' has more than 64 bits}}
  %y = nn.fx.div_pow2 %x, %e {min_exp = 0 : i64, max_exp = 2 : i64} : (!nn.ufixed<8, 4>, index) -> !nn.ufixed<65, 1>
  return %y : !nn.ufixed<65, 1>
}

// -----


func.func @div_int_wide(%s: !nn.fixed<18, 8>, %n: index) -> !nn.fixed<65, 8> {
  // expected-error @+1 {{'nn.fx.div_int' op result type '!nn.fixed<65, 8>' has more than 64 bits}}
  %a = nn.fx.div_int %s, %n : (!nn.fixed<18, 8>, index) -> !nn.fixed<65, 8>
  return %a : !nn.fixed<65, 8>
}

// -----


func.func @div_int_zero(%s: !nn.fixed<18, 8>) -> !nn.fixed<16, 6> {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{'nn.fx.div_int' op count must be positive, got 0}}
  %a = nn.fx.div_int %s, %c0 : (!nn.fixed<18, 8>, index) -> !nn.fixed<16, 6>
  return %a : !nn.fixed<16, 6>
}

// -----

// 8 bits but 40 integer bits (values up to 2^40): too large for an int.
func.func @to_index_large_values(%x: !nn.ufixed<8, 40>) -> index {
  // expected-error @+1 {{'nn.fx.to_index' op input type '!nn.ufixed<8, 40>' must be unsigned, without fraction bits and with at most 31 integer bits}}
  %i = nn.fx.to_index %x : !nn.ufixed<8, 40>
  return %i : index
}

// -----

func.func @div_pow2_far_exponent(%x: !nn.ufixed<8, 4>, %e: index) -> !nn.ufixed<8, 1> {
  // expected-error @+1 {{'nn.fx.div_pow2' op exponent range [-2000, -1990] must be non-empty, within [-1024, 1024], with at most 128 values}}
  %y = nn.fx.div_pow2 %x, %e {min_exp = -2000 : i64, max_exp = -1990 : i64} : (!nn.ufixed<8, 4>, index) -> !nn.ufixed<8, 1>
  return %y : !nn.ufixed<8, 1>
}

// -----

// The bounds are checked before the range's length: max_exp - min_exp
// overflowed int64 here (UBSan: signed overflow in the verifier).
func.func @div_pow2_extreme_range(%x: !nn.ufixed<8, 4>, %e: index) -> !nn.ufixed<8, 1> {
  // expected-error @+1 {{'nn.fx.div_pow2' op exponent range [-9223372036854775808, 9223372036854775807] must be non-empty, within [-1024, 1024], with at most 128 values}}
  %y = nn.fx.div_pow2 %x, %e {min_exp = -9223372036854775808 : i64, max_exp = 9223372036854775807 : i64} : (!nn.ufixed<8, 4>, index) -> !nn.ufixed<8, 1>
  return %y : !nn.ufixed<8, 1>
}
