// The project settings --nn-quantize records (Part, ClockPeriod,
// ProjectName) are verified: on a builtin.module, of the right kind.
// RUN: nn-opt %s -split-input-file -verify-diagnostics

module attributes {nn.hls.part = "xcvu13p-flga2577-2-e", nn.hls.clock_period = 5.0 : f64, nn.hls.project_name = "myproject"} {}

// -----

// expected-error @+1 {{attribute 'nn.hls.clock_period' (configuration key ClockPeriod) must be a positive f64 (ns), got 5 : i64}}
module attributes {nn.hls.clock_period = 5 : i64} {}

// -----

// expected-error @+1 {{attribute 'nn.hls.clock_period' (configuration key ClockPeriod) must be a positive f64 (ns)}}
module attributes {nn.hls.clock_period = -1.0 : f64} {}

// -----

// expected-error @+1 {{attribute 'nn.hls.part' must be a non-empty string, got 3 : i64}}
module attributes {nn.hls.part = 3} {}

// -----

module {
  // expected-error @+1 {{attribute 'nn.hls.project_name' belongs on a builtin.module}}
  func.func @f() attributes {nn.hls.project_name = "p"} { return }
}

// -----

// The part is written into build_prj.tcl: only part-name characters.
// expected-error @+1 {{attribute 'nn.hls.part' (configuration key Part) must be a part name of letters, digits, '-', '_' and '.', got "xc}; exec rm -rf /"}}
module attributes {nn.hls.part = "xc}; exec rm -rf /"} {
}

// -----

// The estimate recorded by --nn-estimate="attach=true": strings on the module.
module attributes {nn.hls.estimate = "{}", nn.hls.estimate_table = "layer ..."} {}

// -----

// expected-error @+1 {{attribute 'nn.hls.estimate' must be a string, got 3 : i64}}
module attributes {nn.hls.estimate = 3} {}

// -----

module {
  // expected-error @+1 {{attribute 'nn.hls.estimate_table' belongs on a builtin.module}}
  func.func @f() attributes {nn.hls.estimate_table = "t"} { return }
}
