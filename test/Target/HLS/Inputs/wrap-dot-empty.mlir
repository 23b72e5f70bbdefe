// An empty multiply-accumulate loop (emit-hls-wrap-dot.mlir): nothing to
// sum, so the emitter prints the loop alone.
func.func @empty(%x: memref<1x4x!nn.fixed<8, 4>>, %y: memref<1x!nn.fixed<24, 16>> {nn.hls.output}) {
  %zero = nn.fx.constant 0 : !nn.fixed<24, 16>
  %acc = affine.for %k = 0 to 0 iter_args(%s = %zero) -> (!nn.fixed<24, 16>) {
    %u = affine.load %x[0, %k] : memref<1x4x!nn.fixed<8, 4>>
    %v = affine.load %x[0, %k] : memref<1x4x!nn.fixed<8, 4>>
    %p = nn.fx.mul %u, %v : (!nn.fixed<8, 4>, !nn.fixed<8, 4>) -> !nn.fixed<16, 8>
    %t = nn.fx.add %s, %p : (!nn.fixed<24, 16>, !nn.fixed<16, 8>) -> !nn.fixed<25, 17>
    %n = nn.fx.cast %t : !nn.fixed<25, 17> -> !nn.fixed<24, 16>
    affine.yield %n : !nn.fixed<24, 16>
  }
  affine.store %acc, %y[0] : memref<1x!nn.fixed<24, 16>>
  return
}
