#!/usr/bin/env bash
# --nn-annotate-reuse on the real ResNet-18 (torchvision, random weights,
# ap_fixed<16,6>, accum ap_fixed<32,12>) for the xcvu13p at 80% of its
# 12288 DSPs: the annotation's fit, the estimate, the lowering's warnings
# (none may say a layer is rolled "instead"), emission, the C-simulation
# build, and C simulation == nn-interp on the nn IR, bit for bit, on one
# image. Not a ctest (needs python3-torchvision; about 4 minutes on two
# cores, most of it g++ on the 11M weights). docs/CostModel.md quotes it.
# Usage: test/Benchmarks/annotate_resnet18.sh [BUILD_DIR [WORK_DIR]]
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "${1:-$src/build}" && pwd)/bin
d=${2:-$(dirname "$bin")/annotate-resnet18}
mkdir -p $d
[ -f $d/models/resnet18.onnx ] || /usr/bin/python3 $src/test/Benchmarks/export_models.py $d/models > $d/export.log 2>&1
$bin/nn-translate --import-onnx $d/models/resnet18.onnx | $bin/nn-opt --canonicalize -o $d/folded.mlir
$bin/nn-opt $d/folded.mlir --nn-quantize="default-precision=ap_fixed<16,6> accum=ap_fixed<32,12>" -o $d/fixed.mlir
/usr/bin/time -f '%e s' $bin/nn-opt $d/fixed.mlir --nn-annotate-reuse="budget=dsp:9830" -o $d/annotated.mlir > $d/annotate.log 2>&1
grep -E "fits|budget" $d/annotate.log | head -3
$bin/nn-opt $d/annotated.mlir --nn-estimate="attach=true" -o $d/est.mlir | tail -4
$bin/nn-opt $d/est.mlir --nn-lower-to-hls -o $d/loops.mlir 2> $d/lower.log
echo "lowering warnings: $(grep -c warning $d/lower.log || true), rolled layers: $(grep -c instead $d/lower.log || true)"
rm -rf $d/prj && $bin/nn-translate --emit-hls-project=$d/prj $d/loops.mlir > /dev/null
/usr/bin/time -f 'csim build %e s %M KB' make -s -C $d/prj NN_RUNTIME_INCLUDE=$src/runtime/include 2>&1 | tail -1
python3 - $d/x.npy <<'PY'
import struct, sys, random
random.seed(1)
n = 3*224*224
hdr = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 224, 224), }"
hdr += ' ' * ((64 - (10 + len(hdr) + 1) % 64) % 64) + '\n'
with open(sys.argv[1], 'wb') as f:
    f.write(b'\x93NUMPY\x01\x00' + struct.pack('<H', len(hdr)) + hdr.encode())
    f.write(struct.pack('<%df' % n, *[random.uniform(-2, 2) for _ in range(n)]))
PY
/usr/bin/time -f 'csim %e s' $d/prj/myproject_csim --input $d/x.npy --output $d/csim.npy
/usr/bin/time -f 'nn-interp %e s' $bin/nn-interp $d/annotated.mlir --input $d/x.npy --output $d/ref.npy
payload() { n=$(od -An -tu2 -j8 -N2 "$1" | tr -d ' '); tail -c +$((11 + n)) "$1"; }
if cmp -s <(payload $d/csim.npy) <(payload $d/ref.npy); then echo "C simulation == nn-interp: bit for bit"; else echo "C simulation != nn-interp"; exit 1; fi
