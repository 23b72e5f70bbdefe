// Hostile names (Inputs/hostile-names.mlir) reach every kind of emitted
// identifier: the emitted project compiles with g++ -Wall -Wextra -Werror,
// writes only inside its directory, and its C simulation computes what
// nn-interp computes. The identifiers follow the rule of
// nn/Support/CIdentifier.h (docs/Lowering.md, "Names"), written by hand:
// "main" -> main_v (reserved), "errno" -> errno_v (reserved), "output_0"
// twice (an input, then the lowering's first output) -> output_0 and
// output_0_1 (unique), "while" -> while_v, "NULL" -> NULL_v (no lowercase:
// a possible macro), "__Y" -> n_Y (no leading '_'), the 5000-character name
// -> 55 characters, '_' and 8 hex digits of its hash.
// RUN: nn-opt %S/Inputs/hostile-names.mlir --nn-lower-to-hls -o %t.loops.mlir
// RUN: nn-translate --emit-hls %t.loops.mlir | FileCheck %s
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: nn-translate --emit-hls-project --hls-project-dir=%t.dir/prj %t.loops.mlir
// RUN: env LC_ALL=C ls -A %t.dir %t.dir/prj %t.dir/prj/firmware | FileCheck %s --check-prefix=FILES
// RUN: make -s -C %t.dir/prj
// RUN: nn-interp %S/Inputs/hostile-names.mlir --input %S/Inputs/names-x-1x4.npy --input %S/Inputs/names-z-1x3.npy --output %t.nn0.npy --output %t.nn1.npy
// RUN: %t.dir/prj/main_v_csim --input %S/Inputs/names-x-1x4.npy --input %S/Inputs/names-z-1x3.npy --output %t.cs0.npy --output %t.cs1.npy
// RUN: cmp %t.nn0.npy %t.cs0.npy
// RUN: cmp %t.nn1.npy %t.cs1.npy
// The testbench reads inputs with nn-interp's reader (nn_csim/npy.h): a
// truncated file and a FIFO are refused by name, the FIFO without waiting.
// RUN: head -c 100 %S/Inputs/names-x-1x4.npy > %t.short.npy
// RUN: not %t.dir/prj/main_v_csim --input %t.short.npy --input %S/Inputs/names-z-1x3.npy --output %t.cs0.npy --output %t.cs1.npy 2>&1 | FileCheck %s --check-prefix=SHORT
// SHORT: input 0 ({{.*}}short.npy): {{.*}}bytes
// RUN: rm -f %t.fifo && mkfifo %t.fifo
// RUN: not %t.dir/prj/main_v_csim --input %S/Inputs/names-x-1x4.npy --input %t.fifo --output %t.cs0.npy --output %t.cs1.npy 2>&1 | FileCheck %s --check-prefix=FIFO
// FIFO: input 1 ({{.*}}.fifo): is a FIFO, not a regular file
// Inputs with different numbers of samples (2 and 3) are refused: the
// testbench read past the shorter one.
// RUN: %python -c "import struct, sys; h = \"{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3), }\"; h += ' ' * (117 - len(h)) + '\\n'; open(sys.argv[1], 'wb').write(b'\\x93NUMPY\\x01\\x00' + struct.pack('<H', len(h)) + h.encode() + struct.pack('<9f', *range(9)))" %t.z3.npy
// RUN: not %t.dir/prj/main_v_csim --input %nn_src_root/test/Interpreter/Inputs/x-2x4.npy --input %t.z3.npy --output %t.cs0.npy --output %t.cs1.npy 2>&1 | FileCheck %s --check-prefix=BATCH
// BATCH: input 1: 3 samples, an earlier input 2
// The values themselves, by hand: output 1 = relu(dense(x)) + z with
// x = [1.5, -2.25, 0.75, 3], rounding each accumulation step to 2^-7 (RND)
// and the dense's result to 2^-6: [2.515625 - 1, 0.09375 + 0.5, 0 + 2.125].
// RUN: nn-interp %S/Inputs/hostile-names.mlir --input %S/Inputs/names-x-1x4.npy --input %S/Inputs/names-z-1x3.npy --print | FileCheck %s --check-prefix=VALUES
// VALUES: output 1: 1x3x!nn.fixed<12, 5>
// VALUES-NEXT: {{\[\[}}1.515625, 0.59375, 2.125]]

// CHECK: // The top function ('main'): inputs, then outputs (out-parameters).
// CHECK-NEXT: void main_v(
// CHECK-NEXT: const fixed_8_3_t output_0[1][4],
// CHECK-NEXT: const fixed_8_3_t errno_v[1][3],
// CHECK-NEXT: fixed_16_6_t output_0_1[1][2],
// CHECK-NEXT: fixed_12_5_t output_1[1][3]) {
// CHECK: // output output_0_1 ('output_0'): [1, 2] ap_fixed<16,6>
// CHECK: fixed_10_4_rnd_sat_t while_v[1][3];
// CHECK: while_row0: for
// CHECK: Loooooooooooooooooooooooooooooooooooooooooooooooooooooo_{{[0-9a-f]+}}: for
// CHECK: n_Y_i0: for
// CHECK: // NULL_v: [1, 3] ap_fixed<12,5>
// No reserved name is declared or used raw anywhere.
// RUN: nn-translate --emit-hls %t.loops.mlir | FileCheck %s --check-prefix=RAW
// RAW-NOT: {{[^_A-Za-z0-9](errno|main|while|NULL|in|input_0_1)[[( ]}}

// Only the project's files, all inside the directory.
// FILES: dir:
// FILES-NEXT: prj
// FILES-EMPTY:
// FILES-NEXT: prj:
// FILES-NEXT: .nn-hls-project
// FILES-NEXT: Makefile
// FILES-NEXT: build_prj.tcl
// FILES-NEXT: csim
// FILES-NEXT: firmware
// FILES-NEXT: main_v_test.cpp
// FILES-EMPTY:
// FILES-NEXT: firmware:
// FILES-NEXT: main_v.cpp
// FILES-NEXT: main_v.h
// FILES-NOT: {{.}}
