// Every diagnostic of the !nn.fixed parser and verifier.
// RUN: nn-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{fixed-point width must be in [1, 1024], got 0}}
func.func private @zero_width(tensor<2x!nn.fixed<0, 0>>)

// -----

// expected-error @+1 {{fixed-point width must be in [1, 1024], got 1025}}
func.func private @too_wide(tensor<2x!nn.fixed<1025, 0>>)

// -----

// expected-error @+1 {{fixed-point width must be in [1, 1024], got 4294967297}}
func.func private @wraps_to_one(tensor<2x!nn.fixed<4294967297, 0>>)

// -----

// expected-error @+1 {{fixed-point integer width must be in [-1024, 1024], got -1025}}
func.func private @int_too_small(tensor<2x!nn.fixed<8, -1025>>)

// -----

// expected-error @+1 {{fixed-point integer width must be in [-1024, 1024], got 2000}}
func.func private @int_too_large(tensor<2x!nn.ufixed<8, 2000>>)

// -----

// expected-error @+1 {{overflow mode SAT_SYM needs a signed type}}
func.func private @unsigned_sat_sym(tensor<2x!nn.ufixed<8, 2, TRN, SAT_SYM>>)

// -----

// expected-error @+1 {{overflow mode WRAP_SM needs a signed type}}
func.func private @unsigned_wrap_sm(tensor<2x!nn.ufixed<8, 2, RND, WRAP_SM>>)

// -----

// expected-error @+1 {{unknown rounding mode 'AP_RND'; expected TRN, TRN_ZERO, RND, RND_ZERO, RND_MIN_INF, RND_INF or RND_CONV}}
func.func private @ap_prefix(tensor<2x!nn.fixed<8, 2, AP_RND>>)

// -----

// expected-error @+1 {{unknown overflow mode 'SATURATE'; expected WRAP, SAT, SAT_ZERO, SAT_SYM or WRAP_SM}}
func.func private @bad_overflow(tensor<2x!nn.fixed<8, 2, RND, SATURATE>>)

// -----

// expected-error @+1 {{unknown nn type 'int'; expected 'fixed' or 'ufixed'}}
func.func private @bad_mnemonic(tensor<2x!nn.int<8>>)
