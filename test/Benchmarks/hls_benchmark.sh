#!/usr/bin/env bash
# The back end's cost on five networks: the jet MLP of test/Models/hls
# (16-64-32-32-5 with its softmax), the Fashion-MNIST MLP 784-128-64-10,
# LeNet-5 (28x28), ResNet-18 and MobileNet-v2 (3x224x224, torchvision,
# random weights), the last four from export_models.py. Per network, quantized with
# ap_fixed<16,6>:
#   - the cost model's estimate (nn-opt --nn-estimate, same IO type): its
#     total row (DSP, LUT, FF, BRAM_18K, latency, II);
#   - lowering (nn-opt --nn-lower-to-hls): wall time and peak RSS;
#   - emission (nn-translate --emit-hls-project): wall time, peak RSS and the
#     size of the firmware;
#   - C-simulation build (the project's Makefile, g++ -O2): time, peak RSS;
#   - C simulation throughput: N samples through the csim binary (io_stream:
#     one thread per process over FIFOs bounded by their depths, with the
#     FIFO report's sums of depths and of peak occupancies), in
#     samples/s and multiply-accumulates/s (the MAC counts below are the
#     networks' conv and dense MACs, counted by hand);
#   - nn-interp throughput on the fixed-point nn IR with 1 and 2 threads
#     (same samples; its output must equal the C simulation's bit for bit)
#     and on the loop IR (fewer samples: it is the slow reference).
# Not a ctest. Needs python3-torch/python3-torchvision for LeNet-5 and
# ResNet-18 (exported once into BUILD_DIR/benchmark-models).
#
# Usage: test/Benchmarks/hls_benchmark.sh [BUILD_DIR [MODEL...]]
#   MODEL: mlp, fashion_mlp, lenet5, resnet18, mobilenet_v2 (default: all
#   five); lenet5-16,
#   the 16x16 LeNet-5 of test/Models/hls (no torchvision needed)
#   NN_BENCH_IO_TYPE=stream: lower with --nn-lower-to-hls="io-type=stream"
#   (io_stream, docs/Lowering.md) and print the FIFO report's summary
#   NN_BENCH_WORK: where projects and data go (default BUILD_DIR/hls-benchmark,
#   with -stream appended for io_stream)
#   NN_BENCH_MODELS: where export_models.py writes (default
#   BUILD_DIR/benchmark-models)
#   NN_BENCH_ACCUM: the accumulator option (default auto = lossless; ResNet-18
#   uses ap_fixed<32,12> when auto is too wide, see below)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
shift || true
models=${*:-mlp fashion_mlp lenet5 resnet18 mobilenet_v2}
bin=$build/bin
exported=${NN_BENCH_MODELS:-$build/benchmark-models}
work=${NN_BENCH_WORK:-$build/hls-benchmark${NN_BENCH_IO_TYPE:+-$NN_BENCH_IO_TYPE}}
lower=--nn-lower-to-hls${NN_BENCH_IO_TYPE:+=io-type=$NN_BENCH_IO_TYPE}
# The C simulation compiles with the runtime headers that build staged.
runtime=$build/share/nn/runtime/include
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

# rate N SECONDS: N / SECONDS with three significant digits.
rate() {
  awk -v n="$1" -v t="$2" \
    'BEGIN { if (t > 0) printf "%.3g", n / t; else printf ">%d", n / 0.01 }'
}

# MACs per sample (conv and dense multiply-accumulates):
#   mlp: 16*64 + 64*32 + 32*32 + 32*5 = 4,256
#   fashion_mlp: 784*128 + 128*64 + 64*10 = 109,184
#   lenet5: conv1 6*28*28*25 + conv2 16*10*10*150 + 400*120 + 120*84 + 84*10
#           = 416,520
#   resnet18: 1,814,073,344 (torchvision's 1.81 GMACs at 224x224)
#   mobilenet_v2: not counted
# loop_samples: how many go through the loop interpreter.
for m in $models; do
  case $m in
    mlp) onnx=$src/test/Models/hls/mlp.onnx; shape=16; samples=100000
      macs=4256; loop_samples=2000 ;;
    fashion_mlp) onnx=$exported/fashion_mlp.onnx; shape=784; samples=5000
      macs=109184; loop_samples=100 ;;
    lenet5) onnx=$exported/lenet5.onnx; shape=1,28,28; samples=1000
      macs=416520; loop_samples=20 ;;
    lenet5-16) onnx=$src/test/Models/hls/lenet5.onnx; shape=1,16,16
      samples=1000; macs=0; loop_samples=20 ;;  # MACs not counted
    resnet18) onnx=$exported/resnet18.onnx; shape=3,224,224; samples=1
      macs=1814073344; loop_samples=1 ;;
    mobilenet_v2) onnx=$exported/mobilenet_v2.onnx; shape=3,224,224
      samples=1; macs=0; loop_samples=1 ;;
    *) echo "unknown model $m (mlp, fashion_mlp, lenet5, lenet5-16, resnet18, mobilenet_v2)"; exit 2 ;;
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
  if "$bin/nn-opt" "$d/fixed.mlir" \
      --nn-estimate="io-type=${NN_BENCH_IO_TYPE:-parallel}" \
      -o /dev/null > "$d/estimate.txt" 2> "$d/estimate.log"; then
    echo "  estimate (layer op R strategy structure DSP LUT FF BRAM_18K latency II): $(grep '^total' "$d/estimate.txt" | tr -s ' ')"
  else
    echo "  estimate: FAILED: $(grep -m1 error "$d/estimate.log")"
  fi
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
        NN_RUNTIME_INCLUDE="$runtime" NN_SUPPORT_INCLUDE="$runtime"); then
    echo "  C-simulation build: FAILED ($r): $(grep -m1 error "$d/make.log")"
    continue
  fi
  echo "  C-simulation build (make, g++ -O2): $r"
  gen_npy "$d/x.npy" "$samples" "$shape"
  if ! r=$(timed "$d/csim.log" env NN_FIFO_REPORT="$d/fifo_peaks.txt" \
        "$d/prj/${top}_csim" --input "$d/x.npy" --output "$d/y.npy"); then
    echo "  C simulation: FAILED ($r): $(head -n1 "$d/csim.log")"
    continue
  fi
  t=${r%% s*}
  macs_rate=""
  if [ "$macs" -gt 0 ]; then  # lenet5-16: not counted
    macs_rate=", $(rate $((samples * macs)) "$t") MACs/s"
  fi
  echo "  C simulation: $samples samples in $r: $(rate "$samples" "$t") samples/s$macs_rate"
  if [ -f "$d/fifo_peaks.txt" ]; then
    echo "  FIFOs in C simulation (bounded, one thread per process): $(tail -n1 "$d/fifo_peaks.txt")"
  fi
  # The same samples through the reference interpreter on the nn IR, with 1
  # and 2 threads: each must agree with the C simulation bit for bit (the
  # .npy payloads after the header).
  for threads in 1 2; do
    if ! r=$(timed "$d/interp$threads.log" "$bin/nn-interp" "$d/fixed.mlir" \
          --threads "$threads" --input "$d/x.npy" --output "$d/ref$threads.npy"); then
      echo "  nn-interp (nn IR, $threads thread(s)): FAILED ($r): $(head -n1 "$d/interp$threads.log")"
      continue
    fi
    if cmp -s <(npy_payload "$d/y.npy") <(npy_payload "$d/ref$threads.npy"); then
      same="== C simulation bit for bit"
    else
      same="!= C SIMULATION (see $d/interp$threads.log)"
    fi
    echo "  nn-interp (nn IR, $threads thread(s)): $samples samples in $r: $(rate "$samples" "${r%% s*}") samples/s, $same"
  done
  # The loop interpreter, on the first loop_samples samples.
  gen_npy "$d/x_loop.npy" "$loop_samples" "$shape"
  "$d/prj/${top}_csim" --input "$d/x_loop.npy" --output "$d/y_loop.npy" > /dev/null 2>&1
  if ! r=$(timed "$d/loopinterp.log" "$bin/nn-interp" "$d/loops.mlir" \
        --input "$d/x_loop.npy" --output "$d/ref_loop.npy"); then
    echo "  nn-interp (loop IR): FAILED ($r): $(head -n1 "$d/loopinterp.log")"
    continue
  fi
  if cmp -s <(npy_payload "$d/y_loop.npy") <(npy_payload "$d/ref_loop.npy"); then
    same="== C simulation bit for bit"
  else
    same="!= C SIMULATION (see $d/loopinterp.log)"
  fi
  echo "  nn-interp (loop IR, 1 thread): $loop_samples samples in $r: $(rate "$loop_samples" "${r%% s*}") samples/s, $same"
done
