#!/usr/bin/env bash
# The cost model's speed (issue 11: "estimation of ResNet-18 takes well
# under a second"): ResNet-18 (3x224x224, written by resnet18_nn.py, no
# torchvision needed) quantized with ap_fixed<16,6>, then, best of 5 runs
# each, the wall time of nn-opt --nn-estimate and of
# --nn-annotate-reuse="budget=dsp:9830" (80% of the xcvu13p's DSPs),
# parsing and printing included. Not a ctest; prints figures.
#
# Usage: test/Benchmarks/estimate_benchmark.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
bin=$build/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/resnet18_nn.py" > "$work/r18.mlir"
"$bin/nn-opt" "$work/r18.mlir" --nn-quantize="default-precision=ap_fixed<16,6>" \
  -o "$work/r18-fixed.mlir"
best() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
times = []
for _ in range(5):
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print("%.3f s" % min(times))
PY
}
echo "ResNet-18, $(grep -c ' = nn\.' "$work/r18-fixed.mlir") nn ops:"
echo "  parse + print only:          $(best "$bin/nn-opt" "$work/r18-fixed.mlir" -o /dev/null)"
echo "  --nn-estimate:               $(best "$bin/nn-opt" "$work/r18-fixed.mlir" --nn-estimate -o /dev/null)"
echo "  --nn-annotate-reuse (80% DSP): $(best "$bin/nn-opt" "$work/r18-fixed.mlir" --nn-annotate-reuse=budget=dsp:9830 -o /dev/null)"
