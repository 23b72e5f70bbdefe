// The project carries the C-simulation headers it needs (csim/include: the
// ap types for g++; csim/tb: the testbench's .npy reader, which Vitis sees
// too), found next to nn-translate (build or install tree), and its
// Makefile and build_prj.tcl name no path outside the project.
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-translate --emit-hls-project=%t/prj %s
// RUN: cd %t/prj && env LC_ALL=C find csim -type f | env LC_ALL=C sort | FileCheck %s --check-prefix=CARRIED
// CARRIED:      csim/include/ap_fixed.h
// CARRIED-NEXT: csim/include/ap_int.h
// CARRIED-NEXT: csim/include/hls_stream.h
// CARRIED-NEXT: csim/include/nn/Support/FixedPoint.h
// CARRIED-NEXT: csim/include/nn_csim/ap_types.h
// CARRIED-NEXT: csim/tb/nn/Support/Npy.h
// CARRIED-NEXT: csim/tb/nn_csim/npy.h
// CARRIED-NOT:  {{.}}
// The copies are the sources' (the build tree stages them unchanged).
// RUN: cmp %t/prj/csim/include/ap_fixed.h %nn_src_root/runtime/include/ap_fixed.h
// RUN: cmp %t/prj/csim/include/nn/Support/FixedPoint.h %nn_src_root/include/nn/Support/FixedPoint.h
// RUN: cmp %t/prj/csim/tb/nn/Support/Npy.h %nn_src_root/include/nn/Support/Npy.h
// RUN: FileCheck %s --check-prefix=MAKE < %t/prj/Makefile
// MAKE: NN_RUNTIME_INCLUDE ?= csim/include
// MAKE: NN_SUPPORT_INCLUDE ?= csim/include
// MAKE: -I$(NN_RUNTIME_INCLUDE) -I$(NN_SUPPORT_INCLUDE) -Icsim/tb
// RUN: not grep -rn "^/\| /\|=/" %t/prj/Makefile %t/prj/build_prj.tcl

// An explicit directory that lacks a header: named, nothing written.
// RUN: mkdir -p %t/partial && cp %nn_src_root/runtime/include/ap_int.h %t/partial/
// RUN: not nn-translate --emit-hls-project=%t/prj2 --hls-runtime-include=%t/partial %s 2>&1 | FileCheck %s --check-prefix=PARTIAL
// PARTIAL: error: nn's C-simulation header 'ap_fixed.h' is missing from '{{.*}}partial' (--hls-runtime-include)
// RUN: not test -e %t/prj2

// An nn-translate away from any nn tree finds no headers and says where it
// looked and what to do.
// RUN: mkdir -p %t/lone/bin && cp %nn_tools_dir/nn-translate %t/lone/bin/
// RUN: not %t/lone/bin/nn-translate --emit-hls-project=%t/prj3 %s 2>&1 | FileCheck %s --check-prefix=LONE
// LONE: error: cannot find nn's C-simulation headers (ap_fixed.h, nn_csim/npy.h, ...) for the project: looked in '{{.*}}lone/share/nn/runtime/include'; build the target nn-runtime-headers, install nn (cmake --install), or pass --hls-runtime-include=DIR
// RUN: not test -e %t/prj3
// With the option it works from anywhere.
// RUN: %t/lone/bin/nn-translate --emit-hls-project=%t/prj4 --hls-runtime-include=%nn_tools_dir/../share/nn/runtime/include %s
// RUN: test -f %t/prj4/csim/tb/nn_csim/npy.h

func.func @tiny(%x: memref<2x!nn.fixed<8, 3>> loc("x"), %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output} loc("y")) {
  affine.for %i = 0 to 2 {
    %v = affine.load %x[%i] : memref<2x!nn.fixed<8, 3>>
    affine.store %v, %y[%i] : memref<2x!nn.fixed<8, 3>>
  }
  return
}
