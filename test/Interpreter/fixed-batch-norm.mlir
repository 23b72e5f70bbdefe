// A fixed-point nn.batch_norm (hand-written: canonicalization folds batch
// norms into convs and denses, and nn-quantize writes the others as an
// nn.mul and an nn.add) has no reference meaning: an error at the layer.
// RUN: %python -c "import struct, sys; h = \"{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }\"; h += ' ' * (117 - len(h)) + '\\n'; open(sys.argv[1], 'wb').write(b'\\x93NUMPY\\x01\\x00' + struct.pack('<H', len(h)) + h.encode() + struct.pack('<2f', 1.25, 0.75))" %t.x.npy
// RUN: not nn-interp %s --input %t.x.npy --print 2>&1 | FileCheck %s
// CHECK: error: loc("bn"): the interpreter does not evaluate a fixed-point nn.batch_norm: batch norms are folded into the preceding conv or dense by canonicalization, or quantized by nn-quantize into an nn.mul and an nn.add
func.func @fixed_bn(%x: tensor<1x2x!nn.fixed<8, 3>> loc("x")) -> tensor<1x2x!nn.fixed<8, 3>> {
  %c = nn.constant dense<[32, 16]> : tensor<2xi8> -> tensor<2x!nn.fixed<8, 3>> loc("bn.c")
  %y = nn.batch_norm %x, %c, %c, %c, %c : (tensor<1x2x!nn.fixed<8, 3>>, tensor<2x!nn.fixed<8, 3>>, tensor<2x!nn.fixed<8, 3>>, tensor<2x!nn.fixed<8, 3>>, tensor<2x!nn.fixed<8, 3>>) -> tensor<1x2x!nn.fixed<8, 3>> loc("bn")
  return %y : tensor<1x2x!nn.fixed<8, 3>>
}
