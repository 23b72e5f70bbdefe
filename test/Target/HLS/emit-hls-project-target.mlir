// build_prj.tcl targets the configuration's Part and ClockPeriod, and the
// top function is named after its ProjectName (module attributes
// nn.hls.part, nn.hls.clock_period, nn.hls.project_name that --nn-quantize
// records), through the C-identifier rule: "jet tagger" -> jet_tagger.
// RUN: rm -rf %t && mkdir -p %t
// RUN: split-file %s %t
// RUN: nn-translate --emit-hls-project=%t/prj %t/configured.mlir
// RUN: FileCheck %s --check-prefix=TCL < %t/prj/build_prj.tcl
// TCL: open_project -reset jet_tagger_prj
// TCL-NEXT: set_top jet_tagger
// TCL-NEXT: add_files firmware/jet_tagger.cpp -cflags "-std=c++14"
// TCL-NEXT: add_files -tb jet_tagger_test.cpp -cflags "-std=c++14 -I$nn_prj -I$nn_prj/csim/tb"
// TCL:      set_part {xczu9eg-ffvb1156-2-e}
// TCL-NEXT: create_clock -period 3.3 -name default
// Vitis never sees nn's ap_*.h (csim/include): only the testbench's reader.
// TCL-NOT: csim/include
// RUN: env LC_ALL=C ls %t/prj %t/prj/firmware | FileCheck %s --check-prefix=NAMED
// NAMED: jet_tagger_test.cpp
// NAMED: jet_tagger.cpp
// NAMED-NEXT: jet_tagger.h
// RUN: nn-translate --emit-hls %t/configured.mlir | FileCheck %s --check-prefix=CPP
// CPP: void jet_tagger(

// Without the attributes: hls4ml's defaults (Vivado/Vitis backends), the
// function's own name.
// RUN: nn-translate --emit-hls-project=%t/default %t/default.mlir
// RUN: FileCheck %s --check-prefix=DEFAULT < %t/default/build_prj.tcl
// DEFAULT: set_top tiny
// DEFAULT: set_part {xcvu13p-flga2577-2-e}
// DEFAULT-NEXT: create_clock -period 5 -name default

// Values that cannot reach Tcl: the module's verifier rejects them, before
// anything is written.
// RUN: not nn-translate --emit-hls-project=%t/bad1 %t/bad-part.mlir 2>&1 | FileCheck %s --check-prefix=PART
// PART: bad-part.mlir:1:1: error: 'builtin.module' op attribute 'nn.hls.part' (configuration key Part) must be a part name of letters, digits, '-', '_' and '.', got "xc}; exec rm -rf /"
// RUN: not nn-translate --emit-hls-project=%t/bad2 %t/bad-clock.mlir 2>&1 | FileCheck %s --check-prefix=CLOCK
// CLOCK: bad-clock.mlir:1:1: error: 'builtin.module' op attribute 'nn.hls.clock_period' (configuration key ClockPeriod) must be a positive f64 (ns), got -2.500000e+00 : f64
// RUN: not nn-translate --emit-hls-project=%t/bad3 %t/int-clock.mlir 2>&1 | FileCheck %s --check-prefix=INTCLOCK
// INTCLOCK: error: 'builtin.module' op attribute 'nn.hls.clock_period' (configuration key ClockPeriod) must be a positive f64 (ns), got 5 : i64
// RUN: not test -e %t/bad1
// RUN: not test -e %t/bad2

//--- configured.mlir
module attributes {nn.hls.part = "xczu9eg-ffvb1156-2-e", nn.hls.clock_period = 3.3 : f64, nn.hls.project_name = "jet tagger"} {
func.func @tiny(%x: memref<2x!nn.fixed<8, 3>> loc("x"), %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output} loc("y")) {
  affine.for %i = 0 to 2 {
    %v = affine.load %x[%i] : memref<2x!nn.fixed<8, 3>>
    affine.store %v, %y[%i] : memref<2x!nn.fixed<8, 3>>
  }
  return
}
}
//--- default.mlir
func.func @tiny(%x: memref<2x!nn.fixed<8, 3>> loc("x"), %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output} loc("y")) {
  return
}
//--- bad-part.mlir
module attributes {nn.hls.part = "xc}; exec rm -rf /"} {
func.func @tiny(%x: memref<2x!nn.fixed<8, 3>> loc("x"), %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output} loc("y")) {
  return
}
}
//--- bad-clock.mlir
module attributes {nn.hls.clock_period = -2.5 : f64} {
func.func @tiny(%x: memref<2x!nn.fixed<8, 3>> loc("x"), %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output} loc("y")) {
  return
}
}
//--- int-clock.mlir
module attributes {nn.hls.clock_period = 5} {
func.func @tiny(%x: memref<2x!nn.fixed<8, 3>> loc("x"), %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output} loc("y")) {
  return
}
}
