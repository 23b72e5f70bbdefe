#!/usr/bin/env bash
# The back end's cost on three networks: the MLP of test/Models/hls
# (16-64-32-32-5), LeNet-5 (28x28) and ResNet-18 (3x224x224, torchvision,
# random weights) from export_models.py. Per network, quantized with
# ap_fixed<16,6>:
#   - lowering (nn-opt --nn-lower-to-hls): wall time and peak RSS;
#   - emission (nn-translate --emit-hls-project): wall time, peak RSS and the
#     size of the firmware;
#   - C-simulation build (the project's Makefile, g++ -O2): time, peak RSS;
#   - C simulation throughput: N samples through the csim binary.
# Not a ctest. Needs python3-torch/python3-torchvision for LeNet-5 and
# ResNet-18 (exported once into BUILD_DIR/benchmark-models).
#
# Usage: test/Benchmarks/hls_benchmark.sh [BUILD_DIR [MODEL...]]
#   MODEL: mlp, lenet5, resnet18 (default: all three); lenet5-16, the
#   16x16 LeNet-5 of test/Models/hls (no torchvision needed)
#   NN_BENCH_IO_TYPE=stream: lower with --nn-lower-to-hls="io-type=stream"
#   (io_stream, docs/Lowering.md) and print the FIFO report's summary
#   NN_BENCH_ACCUM: the accumulator option (default auto = lossless; ResNet-18
#   uses ap_fixed<32,12> when auto is too wide, see below)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
shift || true
models=${*:-mlp lenet5 resnet18}
bin=$build/bin
exported=$build/benchmark-models
work=$build/hls-benchmark${NN_BENCH_IO_TYPE:+-$NN_BENCH_IO_TYPE}
lower=--nn-lower-to-hls${NN_BENCH_IO_TYPE:+=io-type=$NN_BENCH_IO_TYPE}
mkdir -p "$work"

npy_payload() {  # the data of a .npy file (v1 header: 10 bytes + HEADER_LEN)
  local n
  n=$(od -An -tu2 -j8 -N2 "$1" | tr -d ' ')
  tail -c +$((11 + n)) "$1"
}

timed() {  # timed LOG CMD...: runs CMD, prints "<s> s <KB> KB" from GNU time
  local log=$1
  shift
  /usr/bin/time -f '%e s %M KB' -o "$log.time" "$@" > "$log" 2>&1
  local rc=$?
  tail -n1 "$log.time"
  return $rc
}

# gen_npy FILE N SHAPE: N samples of SHAPE (comma-separated), float32 in
# [-2, 2), from an LCG.
gen_npy() {
  python3 - "$@" <<'PY'
import array, struct, sys
path, n, shape = sys.argv[1], int(sys.argv[2]), [int(d) for d in sys.argv[3].split(",")]
shape = [n] + shape
count = 1
for d in shape:
    count *= d
vals = array.array("f")
s = 4242
for _ in range(count):
    s = (s * 1103515245 + 12345) % 2**31
    vals.append((s / 2**31) * 4.0 - 2.0)
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s,), }" % ", ".join(map(str, shape))
header += " " * (-(10 + len(header) + 1) % 64) + "\n"
with open(path, "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
    vals.tofile(f)
PY
}

for m in $models; do
  case $m in
    mlp) onnx=$src/test/Models/hls/mlp.onnx; shape=16; samples=10000 ;;
    lenet5) onnx=$exported/lenet5.onnx; shape=1,28,28; samples=200 ;;
    lenet5-16) onnx=$src/test/Models/hls/lenet5.onnx; shape=1,16,16; samples=1000 ;;
    resnet18) onnx=$exported/resnet18.onnx; shape=3,224,224; samples=2 ;;
    *) echo "unknown model $m (mlp, lenet5, resnet18)"; exit 2 ;;
  esac
  if [ ! -f "$onnx" ]; then
    /usr/bin/python3 "$here/export_models.py" "$exported" || exit 1
  fi
  accum=${NN_BENCH_ACCUM:-auto}
  d=$work/$m
  rm -rf "$d"
  mkdir -p "$d"
  echo "== $m ($onnx, input [N,$shape])"
  "$bin/nn-translate" --import-onnx "$onnx" --mlir-print-debuginfo \
    | "$bin/nn-opt" --canonicalize --mlir-print-debuginfo -o "$d/folded.mlir" \
    || { echo "  import: FAILED"; continue; }
  if ! "$bin/nn-opt" "$d/folded.mlir" --mlir-print-debuginfo \
      --nn-quantize="default-precision=ap_fixed<16,6> accum=$accum" \
      -o "$d/fixed.mlir" > "$d/quantize.log" 2>&1; then
    echo "  quantize (accum=$accum): FAILED: $(grep -m1 error "$d/quantize.log")"
    continue
  fi
  # Lossless accumulators wider than 64 bits cannot be lowered: take an
  # explicit one then (and say so).
  if [ "$accum" = auto ] && grep -q 'accum_type = !nn.fixed<\(6[5-9]\|[7-9][0-9]\|[1-9][0-9][0-9]\)' "$d/fixed.mlir"; then
    accum='ap_fixed<32,12>'
    echo "  accum=auto gives accumulators wider than 64 bits: using accum=$accum"
    "$bin/nn-opt" "$d/folded.mlir" --mlir-print-debuginfo \
      --nn-quantize="default-precision=ap_fixed<16,6> accum=$accum" \
      -o "$d/fixed.mlir" || continue
  fi
  echo "  quantized: ap_fixed<16,6>, accum=$accum"
  if ! r=$(timed "$d/lower.log" "$bin/nn-opt" "$d/fixed.mlir" \
        --mlir-print-debuginfo "$lower" -o "$d/loops.mlir"); then
    echo "  lowering: FAILED ($r): $(grep -m1 error "$d/lower.log")"
    continue
  fi
  echo "  lowering (nn-opt $lower): $r, loop IR $(stat -c %s "$d/loops.mlir") bytes"
  if ! r=$(timed "$d/emit.log" "$bin/nn-translate" --emit-hls-project \
        --hls-project-dir="$d/prj" "$d/loops.mlir"); then
    echo "  emission: FAILED ($r): $(grep -m1 error "$d/emit.log")"
    continue
  fi
  top=$(basename "$(ls "$d"/prj/firmware/*.cpp)" .cpp)
  if [ -f "$d/prj/fifo_depths.txt" ]; then
    echo "  FIFOs: $(tail -n1 "$d/prj/fifo_depths.txt")"
  fi
  echo "  emission (nn-translate --emit-hls-project): $r, firmware/$top.cpp $(stat -c %s "$d/prj/firmware/$top.cpp") bytes"
  if ! r=$(timed "$d/make.log" env -u CXXFLAGS make -C "$d/prj" \
        NN_RUNTIME_INCLUDE="$src/runtime/include"); then
    echo "  C-simulation build: FAILED ($r): $(grep -m1 error "$d/make.log")"
    continue
  fi
  echo "  C-simulation build (make, g++ -O2): $r"
  gen_npy "$d/x.npy" "$samples" "$shape"
  if ! r=$(timed "$d/csim.log" "$d/prj/${top}_csim" --input "$d/x.npy" \
        --output "$d/y.npy"); then
    echo "  C simulation: FAILED ($r): $(head -n1 "$d/csim.log")"
    continue
  fi
  echo "  C simulation: $samples samples in $r: $(awk -v n="$samples" -v t="${r%% s*}" \
    'BEGIN { if (t > 0) printf "%.3g", n / t; else printf ">%d", n / 0.01 }') inferences/s"
  # The same samples through the reference interpreter on the nn IR: the C
  # simulation must agree bit for bit (the .npy payloads after the header).
  if "$bin/nn-interp" "$d/fixed.mlir" --input "$d/x.npy" --output "$d/ref.npy"        > "$d/interp.log" 2>&1 &&
     cmp -s <(npy_payload "$d/y.npy") <(npy_payload "$d/ref.npy"); then
    echo "  C simulation == nn-interp on the nn IR: bit for bit"
  else
    echo "  C simulation == nn-interp on the nn IR: NO (see $d/interp.log)"
  fi
done
