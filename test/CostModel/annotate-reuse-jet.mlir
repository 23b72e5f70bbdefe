// The issue's acceptance on the jet-tagging MLP (16-64-32-32-5, the quick
// start's model) for a 1,000-DSP budget: the chosen reuse factors fit the
// estimate, lower without any layer falling back to the rolled structure
// (no warning at all), and the loop IR and the emitted project's g++ C
// simulation compute the same bits as the nn IR on the 16 bundled inputs.
// RUN: nn-translate --import-onnx %S/../../python-free-examples/jet_tagging_mlp.onnx | nn-opt --canonicalize --nn-quantize="default-precision=ap_fixed<16,6>" -o %t.fixed.mlir
// RUN: nn-opt %t.fixed.mlir --nn-annotate-reuse="budget=dsp:1000" -o %t.annotated.mlir | FileCheck %s
// CHECK: nn-annotate-reuse: @{{.*}}, objective latency, budget dsp 1000
// CHECK: fits: dsp {{[0-9]{1,3}$}}
// RUN: nn-opt %t.annotated.mlir --nn-estimate -o /dev/null | FileCheck %s --check-prefix=EST
// EST: total {{[0-9]{1,3} }}
// RUN: nn-opt %t.annotated.mlir --nn-lower-to-hls -o %t.loops.mlir 2>&1 | FileCheck %s --allow-empty --check-prefix=LOWER --implicit-check-not=warning
// LOWER-NOT: rolled
// RUN: nn-interp %t.annotated.mlir --input %S/../../python-free-examples/jet_tagging_inputs.npy --output %t.nn.npy
// RUN: nn-interp %t.loops.mlir --input %S/../../python-free-examples/jet_tagging_inputs.npy --output %t.loops.npy
// RUN: cmp %t.nn.npy %t.loops.npy
// RUN: rm -rf %t.prj && nn-translate --emit-hls-project=%t.prj %t.loops.mlir > /dev/null
// RUN: make -s -C %t.prj NN_RUNTIME_INCLUDE=%S/../../runtime/include
// RUN: %t.prj/myproject_csim --input %S/../../python-free-examples/jet_tagging_inputs.npy --output %t.csim.npy
// RUN: cmp %t.nn.npy %t.csim.npy
