// --nn-estimate="attach=true" records the estimate on the module; it
// survives the lowering and --emit-hls-project writes it into the project:
// estimate.json (the report's text) and the table in README.md. Without
// attach the project has neither file.
// RUN: rm -rf %t.prj %t.plain
// RUN: nn-opt %s --nn-estimate="attach=true report=%t.json" --nn-lower-to-hls -o %t.loops.mlir > /dev/null
// RUN: nn-translate --emit-hls-project=%t.prj %t.loops.mlir
// RUN: diff %t.json %t.prj/estimate.json
// RUN: FileCheck %s < %t.prj/README.md
// CHECK: # pipe
// CHECK: ## Estimate
// CHECK: nn-estimate: part xcvu13p-flga2577-2-e, clock 5 ns
// CHECK: d nn.dense 1 latency unrolled 1 20 0 0 0 1
// CHECK: total 1 180 48 1 1 1
// RUN: nn-opt %s --nn-lower-to-hls -o %t.plain.mlir
// RUN: nn-translate --emit-hls-project=%t.plain %t.plain.mlir
// RUN: not ls %t.plain/estimate.json
// RUN: not ls %t.plain/README.md
func.func @pipe(%x: tensor<1x1x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> {
  %w = nn.constant dense<[[1000], [3]]> : tensor<2x1xi16> -> tensor<2x1x!nn.fixed<16, 6>>
  %h = nn.dense %x, %w : (tensor<1x1x!nn.fixed<16, 6>>, tensor<2x1x!nn.fixed<16, 6>>) -> tensor<1x2x!nn.fixed<16, 6>> loc("d")
  %y = nn.sigmoid %h : tensor<1x2x!nn.fixed<16, 6>> -> tensor<1x2x!nn.fixed<16, 6>> loc("s")
  return %y : tensor<1x2x!nn.fixed<16, 6>>
}
