// Model-level defaults from pass options alone (no configuration file), and
// the type spellings they accept.
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize | FileCheck %s --check-prefix=DEFAULT
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="default-precision=ap_fixed<8,3,AP_RND,AP_SAT> accum=ap_fixed<24,12> default-reuse=2 default-strategy=Resource" | FileCheck %s --check-prefix=RND
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="default-precision=ap_int<8>" | FileCheck %s --check-prefix=INT
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="default-precision=fixed<10,2,RND_CONV,SAT_SYM>" | FileCheck %s --check-prefix=HLS4ML
// RUN: nn-opt --mlir-print-debuginfo=false %s --nn-quantize="default-precision=ap_ufixed<8,1,AP_TRN_ZERO,AP_SAT> default-strategy=latency default-reuse=4" | FileCheck %s --check-prefix=UFIXED

// Weight w = [[0.3, -0.3], [1.5, -2.75]], bias b = [0.5, -0.0625], K = 2, M = 2.
//
// Run DEFAULT - ap_fixed<16,6> everywhere (F = 10, x1024, TRN = floor), accum
// ap_fixed<16,6> (hls4ml: the default precision), reuse 1, latency.
//   0.3 -> 307.2 -> 307; -0.3 -> -307.2 -> -308; 1.5 -> 1536; -2.75 -> -2816
//   0.5 -> 512; -0.0625 -> -64
// Without a configuration's ProjectName, the project takes hls4ml's
// default name (not the function's); a name already recorded stays.
// DEFAULT: module attributes {nn.hls.project_name = "myproject"}
// RUN: sed -e '1i module attributes {nn.hls.project_name = "tagger"} {' -e '/^{-#/i }' %s | nn-opt --mlir-print-debuginfo=false --nn-quantize | FileCheck %s --check-prefix=KEPT
// KEPT: module attributes {nn.hls.project_name = "tagger"}
// DEFAULT-LABEL: func.func @dense(
// DEFAULT-SAME:      %[[X:.*]]: tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>>
// DEFAULT:         %[[W:.*]] = nn.constant dense<{{\[\[}}307, -308], [1536, -2816]]> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
// DEFAULT:         %[[B:.*]] = nn.constant dense<[512, -64]> : tensor<2xi16> -> tensor<2x!nn.fixed<16, 6>>
// DEFAULT:         %[[Y:.*]] = nn.dense %[[X]], %[[W]], %[[B]] {nn.accum_type = !nn.fixed<16, 6>, nn.reuse_factor = 1 : i64, nn.strategy = "latency"} : (tensor<1x2x!nn.fixed<16, 6>>, tensor<2x2x!nn.fixed<16, 6>>, tensor<2x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>>
// DEFAULT:         return %[[Y]] : tensor<1x2x!nn.fixed<16, 6>>
//
// Run RND - ap_fixed<8,3,AP_RND,AP_SAT> (F = 5, x32, to nearest with ties up,
// clamp to [-128, 127]); accum from the option; reuse 2 with the resource
// strategy: n_in = 2, n_out = 2, N = 4; R = 2: min(2, 2) = 2 multipliers'
// worth, ceil(4/2) = 2, 2 % 2 == 0, R % n_in == 0, 4 % 2 == 0 -> valid.
//   0.3 -> 9.6 -> 10; -0.3 -> -9.6 -> -10; 1.5 -> 48; -2.75 -> -88
//   0.5 -> 16; -0.0625 -> -2
// RND-LABEL: func.func @dense(
// RND-SAME:      tensor<1x2x!nn.fixed<8, 3, RND, SAT>>) -> tensor<1x2x!nn.fixed<8, 3, RND, SAT>>
// RND:         nn.constant dense<{{\[\[}}10, -10], [48, -88]]> : tensor<2x2xi8> -> tensor<2x2x!nn.fixed<8, 3, RND, SAT>>
// RND:         nn.constant dense<[16, -2]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 3, RND, SAT>>
// RND:         nn.dense {{.*}} {nn.accum_type = !nn.fixed<24, 12>, nn.reuse_factor = 2 : i64, nn.strategy = "resource"}
//
// Run INT - ap_int<8> = ap_fixed<8,8> (F = 0, TRN): 0.3 -> 0; -0.3 -> -1;
// 1.5 -> 1; -2.75 -> -3; 0.5 -> 0; -0.0625 -> -1
// INT-LABEL: func.func @dense(
// INT-SAME:      tensor<1x2x!nn.fixed<8, 8>>) -> tensor<1x2x!nn.fixed<8, 8>>
// INT:         nn.constant dense<{{\[\[}}0, -1], [1, -3]]> : tensor<2x2xi8> -> tensor<2x2x!nn.fixed<8, 8>>
// INT:         nn.constant dense<[0, -1]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 8>>
//
// Run HLS4ML - hls4ml's short spelling, modes without AP_: ap_fixed<10,2,
// AP_RND_CONV,AP_SAT_SYM> (F = 8, x256, ties to even, clamp to +-511):
//   0.3 -> 76.8 -> 77; -0.3 -> -77; 1.5 -> 384; -2.75 -> -704 -> -511
//   0.5 -> 128; -0.0625 -> -16
// HLS4ML-LABEL: func.func @dense(
// HLS4ML:         nn.constant dense<{{\[\[}}77, -77], [384, -511]]> : tensor<2x2xi10> -> tensor<2x2x!nn.fixed<10, 2, RND_CONV, SAT_SYM>>
// HLS4ML:         nn.constant dense<[128, -16]> : tensor<2xi10> -> tensor<2x!nn.fixed<10, 2, RND_CONV, SAT_SYM>>
//
// Run UFIXED - ap_ufixed<8,1,AP_TRN_ZERO,AP_SAT> (F = 7, x128, toward zero, clamp
// to [0, 255]): 0.3 -> 38.4 -> 38; -0.3 -> -38.4 -> 0 (saturates);
// 1.5 -> 192; -2.75 -> 0; 0.5 -> 64; -0.0625 -> 0. Reuse 4 = N: valid.
// Raws are iW bit patterns, printed as signed: 192 = 0xC0 prints as -64.
// UFIXED-LABEL: func.func @dense(
// UFIXED:         nn.constant dense<{{\[\[}}38, 0], [-64, 0]]> : tensor<2x2xi8> -> tensor<2x2x!nn.ufixed<8, 1, TRN_ZERO, SAT>>
// UFIXED:         nn.constant dense<[64, 0]> : tensor<2xi8> -> tensor<2x!nn.ufixed<8, 1, TRN_ZERO, SAT>>
// UFIXED:         nn.dense {{.*}} {nn.accum_type = !nn.ufixed<8, 1, TRN_ZERO, SAT>, nn.reuse_factor = 4 : i64, nn.strategy = "latency"}
func.func @dense(%x: tensor<1x2xf32> loc("x")) -> tensor<1x2xf32> {
  %w = nn.constant dense<[[0.3, -0.3], [1.5, -2.75]]> : tensor<2x2xf32> loc("fc.weight")
  %b = nn.constant dense<[0.5, -0.0625]> : tensor<2xf32> loc("fc.bias")
  %y = nn.dense %x, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32> loc("fc")
  return %y : tensor<1x2xf32>
}

// A dense_resource weight stays a blob, now of raw iW integers stored in
// 1, 2, 4 or 8 little-endian bytes each; the printed blob starts with its
// alignment (= the element size) as 4 bytes. f32 input [0.5, -0.25, 1, -1].
// ap_fixed<16,6>: 0.5 -> 512 = 0x0200, -0.25 -> -256 = 0xFF00, 1.0 -> 1024 =
// 0x0400, -1.0 -> 0xFC00: little-endian 00 02, 00 FF, 00 04, 00 FC, alignment 2.
// DEFAULT-LABEL: func.func @blob(
// DEFAULT:         nn.constant dense_resource<fc2.weight_q> : tensor<2x2xi16> -> tensor<2x2x!nn.fixed<16, 6>>
// DEFAULT:         fc2.weight_q: "0x02000000000200FF000400FC"
// ap_fixed<8,3,AP_RND,AP_SAT> (x32): 16 = 0x10, -8 = 0xF8, 32 = 0x20, -32 = 0xE0.
// RND-LABEL: func.func @blob(
// RND:         nn.constant dense_resource<fc2.weight_q> : tensor<2x2xi8> -> tensor<2x2x!nn.fixed<8, 3, RND, SAT>>
// RND:         fc2.weight_q: "0x0100000010F820E0"
// ap_fixed<10,2,...> (x256) in 2 bytes each: 128 = 0x0080, -64 = 0xFFC0,
// 256 = 0x0100, -256 = 0xFF00.
// HLS4ML-LABEL: func.func @blob(
// HLS4ML:         nn.constant dense_resource<fc2.weight_q> : tensor<2x2xi10> -> tensor<2x2x!nn.fixed<10, 2, RND_CONV, SAT_SYM>>
// HLS4ML:         fc2.weight_q: "0x020000008000C0FF000100FF"
func.func @blob(%x: tensor<1x2xf32> loc("x2")) -> tensor<1x2xf32> {
  %w = nn.constant dense_resource<fc2.weight> : tensor<2x2xf32> loc("fc2.weight")
  %y = nn.dense %x, %w : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32> loc("fc2")
  return %y : tensor<1x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      fc2.weight: "0x040000000000003F000080BE0000803F000080BF"
    }
  }
#-}
