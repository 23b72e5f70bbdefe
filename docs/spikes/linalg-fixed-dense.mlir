// Spike for issue 10 (docs/Decisions.md, "Structured form: spike"): the
// dense layer fc1 of test/Conversion/Inputs/small-mlp.mlir written as three
// linalg.generic ops on tensors of !nn.fixed whose bodies are nn.fx ops in
// the lowering's cast order (bias init, the k reduction, the result cast),
// with its weight already a rom (nn.fx.rom + expand_shape + to_tensor).
// Not a test: nn-opt registers neither linalg nor bufferization. Run with a
// tool that registers nn plus all upstream dialects, extensions and passes:
//   TOOL linalg-fixed-dense.mlir \
//     --one-shot-bufferize="bufferize-function-boundaries allow-unknown-ops function-boundary-type-conversion=identity-layout-map" \
//     --canonicalize --buffer-results-to-out-params="hoist-static-allocs modify-public-functions" \
//     --canonicalize --convert-linalg-to-affine-loops --mlir-print-debuginfo
#bias = affine_map<(r, m) -> (m)>
#id2 = affine_map<(r, m) -> (r, m)>
#x = affine_map<(r, m, k) -> (r, k)>
#w = affine_map<(r, m, k) -> (m, k)>
#o = affine_map<(r, m, k) -> (r, m)>
func.func @fc1(%x: tensor<1x4x!nn.fixed<8, 3>> loc("x")) -> tensor<1x3x!nn.fixed<10, 4, RND, SAT>> {
  %w1m = nn.fx.rom dense<[16, -32, 5, 7, 1, 2, 3, 4, -64, 63, -1, 0]> : tensor<12xi8> -> memref<12x!nn.fixed<8, 2>> loc("fc1_w")
  %w1r = memref.expand_shape %w1m [[0, 1]] output_shape [3, 4] : memref<12x!nn.fixed<8, 2>> into memref<3x4x!nn.fixed<8, 2>>
  %w1 = bufferization.to_tensor %w1r restrict : memref<3x4x!nn.fixed<8, 2>> to tensor<3x4x!nn.fixed<8, 2>>
  %b1 = nn.constant dense<[20, -3, 100]> : tensor<3xi8> -> tensor<3x!nn.fixed<8, 3>> loc("fc1_b")
  %e = tensor.empty() : tensor<1x3x!nn.fixed<12, 5, RND, SAT>> loc("fc1_acc")
  %init = linalg.generic {indexing_maps = [#bias, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%b1 : tensor<3x!nn.fixed<8, 3>>) outs(%e : tensor<1x3x!nn.fixed<12, 5, RND, SAT>>) {
  ^bb0(%b: !nn.fixed<8, 3>, %o: !nn.fixed<12, 5, RND, SAT>):
    %c = nn.fx.cast %b : !nn.fixed<8, 3> -> !nn.fixed<12, 5, RND, SAT>
    linalg.yield %c : !nn.fixed<12, 5, RND, SAT>
  } -> tensor<1x3x!nn.fixed<12, 5, RND, SAT>> loc("fc1_bias")
  %acc = linalg.generic {indexing_maps = [#x, #w, #o], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w1 : tensor<1x4x!nn.fixed<8, 3>>, tensor<3x4x!nn.fixed<8, 2>>) outs(%init : tensor<1x3x!nn.fixed<12, 5, RND, SAT>>) {
  ^bb0(%xi: !nn.fixed<8, 3>, %wi: !nn.fixed<8, 2>, %a: !nn.fixed<12, 5, RND, SAT>):
    %p = nn.fx.mul %wi, %xi : (!nn.fixed<8, 2>, !nn.fixed<8, 3>) -> !nn.fixed<16, 5>
    %pc = nn.fx.cast %p : !nn.fixed<16, 5> -> !nn.fixed<12, 5, RND, SAT>
    %s = nn.fx.add %a, %pc : (!nn.fixed<12, 5, RND, SAT>, !nn.fixed<12, 5, RND, SAT>) -> !nn.fixed<13, 6>
    %n = nn.fx.cast %s : !nn.fixed<13, 6> -> !nn.fixed<12, 5, RND, SAT>
    linalg.yield %n : !nn.fixed<12, 5, RND, SAT>
  } -> tensor<1x3x!nn.fixed<12, 5, RND, SAT>> loc("fc1")
  %e2 = tensor.empty() : tensor<1x3x!nn.fixed<10, 4, RND, SAT>>
  %y = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%acc : tensor<1x3x!nn.fixed<12, 5, RND, SAT>>) outs(%e2 : tensor<1x3x!nn.fixed<10, 4, RND, SAT>>) {
  ^bb0(%a: !nn.fixed<12, 5, RND, SAT>, %o: !nn.fixed<10, 4, RND, SAT>):
    %c = nn.fx.cast %a : !nn.fixed<12, 5, RND, SAT> -> !nn.fixed<10, 4, RND, SAT>
    linalg.yield %c : !nn.fixed<10, 4, RND, SAT>
  } -> tensor<1x3x!nn.fixed<10, 4, RND, SAT>> loc("fc1_out")
  return %y : tensor<1x3x!nn.fixed<10, 4, RND, SAT>>
}
