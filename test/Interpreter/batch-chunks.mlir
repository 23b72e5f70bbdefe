// A batch runs op by op over chunks of samples (lib/Interpreter/BatchRun.cpp):
// each op once per chunk, on tensors whose leading dimension is the chunk.
// Each sample's outputs must be those of the sample run alone, bit for bit.
// --trace keeps the sample-by-sample evaluator (its callback sees every op
// of every sample in order), so its outputs are the reference here.
//
// The function covers each way a chunk runs an op: dense through the int32
// dot products (16-bit raws; a second one with a bias of more fraction bits
// than the products), the 128-bit sum (48-bit weights: 64-bit products) and
// a lossy accumulator (cast after every step); relu and softmax on the whole
// chunk; reshapes; broadcasting adds with a constant and between two batched
// operands; transpose and concat one sample at a time on slices; a relu of a
// constant, computed once and repeated in every sample.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-interp %s --input %S/Inputs/x-7x8.npy --trace %t/trace --output %t/ref0.npy --output %t/ref1.npy --output %t/ref2.npy --output %t/ref3.npy --output %t/ref4.npy --output %t/ref5.npy --output %t/ref6.npy
// RUN: nn-interp %s --input %S/Inputs/x-7x8.npy --output %t/a0.npy --output %t/a1.npy --output %t/a2.npy --output %t/a3.npy --output %t/a4.npy --output %t/a5.npy --output %t/a6.npy
// RUN: cmp %t/ref0.npy %t/a0.npy
// RUN: cmp %t/ref1.npy %t/a1.npy
// RUN: cmp %t/ref2.npy %t/a2.npy
// RUN: cmp %t/ref3.npy %t/a3.npy
// RUN: cmp %t/ref4.npy %t/a4.npy
// RUN: cmp %t/ref5.npy %t/a5.npy
// RUN: cmp %t/ref6.npy %t/a6.npy
//
// Chunks of two samples (samples 1-2, 3-4, 5-6 after sample 0): the memory
// budget holds two samples of the largest value, 64 raws of 8 bytes.
// RUN: nn-interp %s --input %S/Inputs/x-7x8.npy --max-memory 1K --output %t/b0.npy --output %t/b1.npy --output %t/b2.npy --output %t/b3.npy --output %t/b4.npy --output %t/b5.npy --output %t/b6.npy
// RUN: cmp %t/ref0.npy %t/b0.npy
// RUN: cmp %t/ref1.npy %t/b1.npy
// RUN: cmp %t/ref2.npy %t/b2.npy
// RUN: cmp %t/ref3.npy %t/b3.npy
// RUN: cmp %t/ref4.npy %t/b4.npy
// RUN: cmp %t/ref5.npy %t/b5.npy
// RUN: cmp %t/ref6.npy %t/b6.npy
//
// Two threads: the same outputs (this batch is too small to start a second
// thread; hls_benchmark.sh compares two threads with the C simulation).
// RUN: nn-interp %s --input %S/Inputs/x-7x8.npy --threads 2 --output %t/c0.npy --output %t/c1.npy --output %t/c2.npy --output %t/c3.npy --output %t/c4.npy --output %t/c5.npy --output %t/c6.npy
// RUN: cmp %t/ref0.npy %t/c0.npy
// RUN: cmp %t/ref1.npy %t/c1.npy
// RUN: cmp %t/ref2.npy %t/c2.npy
// RUN: cmp %t/ref3.npy %t/c3.npy
// RUN: cmp %t/ref4.npy %t/c4.npy
// RUN: cmp %t/ref5.npy %t/c5.npy
// RUN: cmp %t/ref6.npy %t/c6.npy
//
// The relu of the constant [-1, 0, 5] (raws [-1024, 0, 5120], 10 fraction
// bits) in every one of the seven samples.
// RUN: nn-interp %s --input %S/Inputs/x-7x8.npy --print | FileCheck %s
// CHECK:      output 5: 7x3x!nn.fixed<16, 6>
// CHECK-NEXT: {{^}}{{\[\[}}0, 0, 5],{{$}}
// CHECK-COUNT-5: {{^}} [0, 0, 5],{{$}}
// CHECK-NEXT: {{^}} [0, 0, 5]]{{$}}

func.func @main(%x: tensor<1x8x!nn.fixed<16, 6, RND, SAT>>)
    -> (tensor<1x16x!nn.fixed<16, 6>>, tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x2x!nn.fixed<16, 6, RND, SAT>>,
        tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x!nn.fixed<17, 7>>, tensor<1x3x!nn.fixed<16, 6>>,
        tensor<1x8x8x!nn.fixed<17, 7>>) {
  %w1 = nn.constant dense<[[200, -518, 143, -326, 411, 420, 35, 267], [-7, -252, -208, 121, -337, 195, -205, -443], [278, 241, 457, -411, 43, -382, -598, 141], [392, 579, -480, 273, 465, 290, -527, 345], [-135, -425, 351, 453, 311, -456, 356, -550], [-226, -464, -374, -117, 352, -52, -60, -106], [179, 227, -95, 60, 279, 225, 76, 352], [-362, 189, -591, -183, 94, -538, -323, -319], [-229, 347, 1, -280, 416, 324, 372, 546], [-230, -134, -35, 64, -199, 163, 184, 138], [415, 118, 580, -134, 210, -195, 443, 252], [-177, -27, 211, 95, 499, -84, 329, -155], [-246, -534, -91, 544, -9, 102, 554, -81], [571, 551, -2, -559, 57, 495, 272, 372], [455, 481, 155, -541, 198, 421, 28, 473], [-574, -323, 374, -257, 489, -298, -600, 442]]> : tensor<16x8xi16> -> tensor<16x8x!nn.fixed<16, 6>> loc("w1")
  %b1 = nn.constant dense<[836, -501, 793, 324, 519, -503, -825, -725, -595, 363, 443, -423, -774, 429, -281, 870]> : tensor<16xi16> -> tensor<16x!nn.fixed<16, 6>> loc("b1")
  %w2 = nn.constant dense<[[-24, 28, 55, -62, 51, 13, -2, 3, -69, -75, 16, 64, -23, -95, -19, -13], [54, -42, -9, -91, -7, -24, 67, 40, -59, -52, -36, 91, 74, -39, 15, -41], [34, -64, -60, -65, -38, 72, 70, -25, -85, 8, -91, -77, -53, -16, -76, -48], [-8, 21, 87, 26, 14, 92, 22, 91, -84, 32, -38, -19, 96, -46, -93, 52]]> : tensor<4x16xi8> -> tensor<4x16x!nn.fixed<8, 6>> loc("w2")
  %b2 = nn.constant dense<[10643, 15609, 959, -22857]> : tensor<4xi16> -> tensor<4x!nn.fixed<16, 2>> loc("b2")
  %w3 = nn.constant dense<[[190392069812, -776388114221, -1089180902811, -1025945218485, -858920085477, -862121822296, 886889204683, -286418363801], [-256155622472, 700929111765, 113036422521, -96858029810, -204077483278, -484007783936, 988012042073, -457997343640]]> : tensor<2x8xi48> -> tensor<2x8x!nn.fixed<48, 8>> loc("w3")
  %w4 = nn.constant dense<[[-488, 179, 605, -462, 3, -437, 521, 399], [-23, -210, -439, -877, -841, -209, 533, 606]]> : tensor<2x8xi16> -> tensor<2x8x!nn.fixed<16, 6>> loc("w4")
  %c = nn.constant dense<[-76, 18, 6, -105]> : tensor<4xi8> -> tensor<4x!nn.fixed<8, 3>> loc("c")
  %c3 = nn.constant dense<[[-1024, 0, 5120]]> : tensor<1x3xi16> -> tensor<1x3x!nn.fixed<16, 6>> loc("c3")
  %d1 = nn.dense %x, %w1, %b1 : (tensor<1x8x!nn.fixed<16, 6, RND, SAT>>, tensor<16x8x!nn.fixed<16, 6>>, tensor<16x!nn.fixed<16, 6>>) -> tensor<1x16x!nn.fixed<16, 6>> loc("fc1")
  %r1 = nn.relu %d1 : tensor<1x16x!nn.fixed<16, 6>> -> tensor<1x16x!nn.fixed<16, 6>> loc("relu1")
  %d2 = nn.dense %r1, %w2, %b2 : (tensor<1x16x!nn.fixed<16, 6>>, tensor<4x16x!nn.fixed<8, 6>>, tensor<4x!nn.fixed<16, 2>>) -> tensor<1x4x!nn.fixed<16, 6>> loc("fc2")
  %sm = nn.softmax %d2 {axis = 1 : i64} : tensor<1x4x!nn.fixed<16, 6>> -> tensor<1x4x!nn.fixed<16, 6>> loc("softmax")
  %wide = nn.dense %x, %w3 : (tensor<1x8x!nn.fixed<16, 6, RND, SAT>>, tensor<2x8x!nn.fixed<48, 8>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("wide")
  %step = nn.dense %x, %w4 {nn.accum_type = !nn.fixed<12, 6>} : (tensor<1x8x!nn.fixed<16, 6, RND, SAT>>, tensor<2x8x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("stepwise")
  %cat = nn.concat %wide, %step {axis = 1 : i64} : (tensor<1x2x!nn.fixed<16, 6>>, tensor<1x2x!nn.fixed<16, 6>>) -> tensor<1x4x!nn.fixed<16, 6>> loc("cat")
  %rs = nn.reshape %x : tensor<1x8x!nn.fixed<16, 6, RND, SAT>> -> tensor<1x2x4x!nn.fixed<16, 6, RND, SAT>> loc("rs")
  %t = nn.transpose %rs {perm = array<i64: 0, 2, 1>} : tensor<1x2x4x!nn.fixed<16, 6, RND, SAT>> -> tensor<1x4x2x!nn.fixed<16, 6, RND, SAT>> loc("t")
  %a = nn.add %d2, %c : (tensor<1x4x!nn.fixed<16, 6>>, tensor<4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<17, 7>> loc("add")
  %u = nn.relu %c3 : tensor<1x3x!nn.fixed<16, 6>> -> tensor<1x3x!nn.fixed<16, 6>> loc("relu_const")
  %col = nn.reshape %x : tensor<1x8x!nn.fixed<16, 6, RND, SAT>> -> tensor<1x8x1x!nn.fixed<16, 6, RND, SAT>> loc("col")
  %row = nn.reshape %x : tensor<1x8x!nn.fixed<16, 6, RND, SAT>> -> tensor<1x1x8x!nn.fixed<16, 6, RND, SAT>> loc("row")
  %outer = nn.add %col, %row : (tensor<1x8x1x!nn.fixed<16, 6, RND, SAT>>, tensor<1x1x8x!nn.fixed<16, 6, RND, SAT>>) -> tensor<1x8x8x!nn.fixed<17, 7>> loc("outer")
  return %r1, %sm, %t, %cat, %a, %u, %outer : tensor<1x16x!nn.fixed<16, 6>>, tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x2x!nn.fixed<16, 6, RND, SAT>>, tensor<1x4x!nn.fixed<16, 6>>, tensor<1x4x!nn.fixed<17, 7>>, tensor<1x3x!nn.fixed<16, 6>>, tensor<1x8x8x!nn.fixed<17, 7>>
}
