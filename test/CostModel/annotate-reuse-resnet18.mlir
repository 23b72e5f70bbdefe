// The issue's acceptance on ResNet-18 (3 x 224 x 224, torchvision's
// topology from test/Benchmarks/resnet18_nn.py, splat weights) for the
// xcvu13p at 80% of its 12288 DSPs: the annotation fits that budget, and
// the lowering then rolls no layer (unannotated, all 21 dense/conv layers
// fall back: more than 4096 products at R = 1).
// RUN: %python %S/../Benchmarks/resnet18_nn.py > %t.mlir
// RUN: nn-opt %t.mlir --nn-quantize="default-precision=ap_fixed<16,6>" -o %t.fixed.mlir
// RUN: nn-opt %t.fixed.mlir --nn-annotate-reuse="budget=dsp:9830" -o %t.annotated.mlir | FileCheck %s
// CHECK: nn-annotate-reuse: @resnet18, objective latency, budget dsp 9830
// CHECK: fits: dsp {{[0-9]{1,4}$}}
// RUN: nn-opt %t.annotated.mlir --nn-estimate -o /dev/null | FileCheck %s --check-prefix=EST
// EST: utilisation {{[0-7][0-9]\.[0-9]%|80\.0%}}
// RUN: nn-opt %t.annotated.mlir --nn-lower-to-hls -o /dev/null 2>&1 | FileCheck %s --allow-empty --check-prefix=LOWER
// LOWER-NOT: instead
// RUN: nn-opt %t.fixed.mlir --nn-lower-to-hls -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFORE
// BEFORE: layer 'conv1' has 9408 multiplications, more than 4096 (max-unroll-mults): not fully unrolled, a pipelined loop instead
