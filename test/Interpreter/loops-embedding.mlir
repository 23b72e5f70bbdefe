// An embedding in float and fixed point, fed integer .npy and .pb files
// (int32, int64, big-endian int16, uint8) with indices out of range on both
// sides, which read the nearest row (nn/Support/Embedding.h): --nn-quantize
// types the indices ufixed<3, 3, TRN, SAT> (5 rows), and nn IR, its loop IR
// and the emitted C++ (g++ C simulation) agree bit for bit. Expected rows
// by hand (row r is [r + 0.5, -r]).
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-opt %S/../Conversion/Inputs/embedding.mlir --nn-quantize="default-precision=ap_fixed<16,6> report=%t/report.json" -o %t/q.mlir
// RUN: FileCheck %s --check-prefix=IR < %t/q.mlir
// RUN: FileCheck %s --check-prefix=REPORT < %t/report.json
// RUN: nn-opt %t/q.mlir --nn-lower-to-hls -o %t/loops.mlir
// RUN: nn-translate --emit-hls-project=%t/prj %t/loops.mlir
// RUN: make -s -C %t/prj NN_RUNTIME_INCLUDE=%nn_src_root/runtime/include NN_SUPPORT_INCLUDE=%nn_src_root/include
// RUN: nn-interp %t/q.mlir --input %S/Inputs/idx-1x4-i4.npy --output %t/nn-idx-1x4-i4.npy
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/idx-1x4-i4.npy --output %t/lp-idx-1x4-i4.npy
// RUN: %t/prj/myproject_csim --input %S/Inputs/idx-1x4-i4.npy --output %t/cs-idx-1x4-i4.npy
// RUN: cmp %t/nn-idx-1x4-i4.npy %t/lp-idx-1x4-i4.npy
// RUN: cmp %t/nn-idx-1x4-i4.npy %t/cs-idx-1x4-i4.npy
// RUN: nn-interp %t/q.mlir --input %S/Inputs/x-1x4-i8.npy --output %t/nn-x-1x4-i8.npy
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/x-1x4-i8.npy --output %t/lp-x-1x4-i8.npy
// RUN: %t/prj/myproject_csim --input %S/Inputs/x-1x4-i8.npy --output %t/cs-x-1x4-i8.npy
// RUN: cmp %t/nn-x-1x4-i8.npy %t/lp-x-1x4-i8.npy
// RUN: cmp %t/nn-x-1x4-i8.npy %t/cs-x-1x4-i8.npy
// RUN: nn-interp %t/q.mlir --input %S/Inputs/idx-1x4-u1.npy --output %t/nn-idx-1x4-u1.npy
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/idx-1x4-u1.npy --output %t/lp-idx-1x4-u1.npy
// RUN: %t/prj/myproject_csim --input %S/Inputs/idx-1x4-u1.npy --output %t/cs-idx-1x4-u1.npy
// RUN: cmp %t/nn-idx-1x4-u1.npy %t/lp-idx-1x4-u1.npy
// RUN: cmp %t/nn-idx-1x4-u1.npy %t/cs-idx-1x4-u1.npy
// RUN: nn-interp %t/q.mlir --input %S/Inputs/idx-1x4-be-i2.npy --output %t/nn-idx-1x4-be-i2.npy
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/idx-1x4-be-i2.npy --output %t/lp-idx-1x4-be-i2.npy
// RUN: %t/prj/myproject_csim --input %S/Inputs/idx-1x4-be-i2.npy --output %t/cs-idx-1x4-be-i2.npy
// RUN: cmp %t/nn-idx-1x4-be-i2.npy %t/lp-idx-1x4-be-i2.npy
// RUN: cmp %t/nn-idx-1x4-be-i2.npy %t/cs-idx-1x4-be-i2.npy
// RUN: nn-interp %t/q.mlir --input %S/Inputs/x-1x4.npy --output %t/nn-x-1x4.npy
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/x-1x4.npy --output %t/lp-x-1x4.npy
// RUN: %t/prj/myproject_csim --input %S/Inputs/x-1x4.npy --output %t/cs-x-1x4.npy
// RUN: cmp %t/nn-x-1x4.npy %t/lp-x-1x4.npy
// RUN: cmp %t/nn-x-1x4.npy %t/cs-x-1x4.npy

// The float network, and the fixed one on each file.
// RUN: nn-interp %S/../Conversion/Inputs/embedding.mlir --input %S/Inputs/idx-1x4-i4.npy --print | FileCheck %s --check-prefix=CLAMP
// RUN: nn-interp %t/q.mlir --input %S/Inputs/idx-1x4-i4.npy --print | FileCheck %s --check-prefix=CLAMP
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/idx-1x4-int32.pb --print | FileCheck %s --check-prefix=PB
// RUN: nn-interp %S/../Conversion/Inputs/embedding.mlir --input %S/Inputs/idx-1x4-int32.pb --print | FileCheck %s --check-prefix=PB
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/x-1x4-i8.npy --print | FileCheck %s --check-prefix=I64
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/idx-1x4-u1.npy --print | FileCheck %s --check-prefix=U8
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/idx-1x4-be-i2.npy --print | FileCheck %s --check-prefix=I16
// RUN: nn-interp %S/../Conversion/Inputs/embedding.mlir --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=FLOOR
// RUN: nn-interp %t/loops.mlir --input %S/Inputs/x-1x4.npy --print | FileCheck %s --check-prefix=FLOOR

// IR: func.func @embedding(%{{.*}}: tensor<1x4x!nn.ufixed<3, 3, TRN, SAT>>
// IR: nn.embedding {{.*}} : (tensor<1x4x!nn.ufixed<3, 3, TRN, SAT>>, tensor<5x2x!nn.fixed<16, 6>>) -> tensor<1x4x2x!nn.fixed<16, 6>>
// REPORT: "name": "tokens"
// REPORT: "value": "ap_ufixed<3,3,AP_TRN,AP_SAT>"
// REPORT-NEXT: "source": "embedding indices

// [-3, 0, 9, 100000]: rows 0, 0, 4, 4.
// CLAMP: output 0:
// CLAMP-NEXT: {{^}}{{\[\[\[}}0.5, 0],
// CLAMP-NEXT: {{^}}  [0.5, 0],
// CLAMP-NEXT: {{^}}  [4.5, -4],
// CLAMP-NEXT: {{^}}  [4.5, -4]]]
// [-1, 0, 2, 70] (int32 raw_data): rows 0, 0, 2, 4.
// PB: output 0:
// PB-NEXT: {{^}}{{\[\[\[}}0.5, 0],
// PB-NEXT: {{^}}  [0.5, 0],
// PB-NEXT: {{^}}  [2.5, -2],
// PB-NEXT: {{^}}  [4.5, -4]]]
// [1, 2, 3, 4] (int64): rows 1 to 4.
// I64: output 0:
// I64-NEXT: {{^}}{{\[\[\[}}1.5, -1],
// I64-NEXT: {{^}}  [2.5, -2],
// I64-NEXT: {{^}}  [3.5, -3],
// I64-NEXT: {{^}}  [4.5, -4]]]
// [255, 3, 1, 0] (uint8): rows 4, 3, 1, 0.
// U8: output 0:
// U8-NEXT: {{^}}{{\[\[\[}}4.5, -4],
// U8-NEXT: {{^}}  [3.5, -3],
// U8-NEXT: {{^}}  [1.5, -1],
// U8-NEXT: {{^}}  [0.5, 0]]]
// [-1, 2, 4, 5] (big-endian int16): rows 0, 2, 4, 4.
// I16: output 0:
// I16-NEXT: {{^}}{{\[\[\[}}0.5, 0],
// I16-NEXT: {{^}}  [2.5, -2],
// I16-NEXT: {{^}}  [4.5, -4],
// I16-NEXT: {{^}}  [4.5, -4]]]
// [-1.5, 0, 2.25, -0.5] (float32): floor, then clamp: rows 0, 0, 2, 0.
// FLOOR: output 0:
// FLOOR-NEXT: {{^}}{{\[\[\[}}0.5, 0],
// FLOOR-NEXT: {{^}}  [0.5, 0],
// FLOOR-NEXT: {{^}}  [2.5, -2],
// FLOOR-NEXT: {{^}}  [0.5, 0]]]
