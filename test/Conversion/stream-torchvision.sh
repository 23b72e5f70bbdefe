#!/usr/bin/env bash
# ResNet-18 and MobileNet-v2 (torchvision, 3x224x224, random weights,
# exported by test/Benchmarks/export_models.py) in io_stream form under two
# configurations, a16 (ap_fixed<16,6>, accumulators ap_fixed<32,12>, reuse
# factor 1) and mixed (Inputs/torchvision-mixed.json: 8-bit conv weights,
# rounded saturating results, unsigned activations, reuse factor 2 for the
# convs and 4 for the classifier): the C simulation (one thread per DATAFLOW process over
# FIFOs bounded by their computed depths, docs/Lowering.md) must complete
# (no deadlock) and equal nn-interp on the nn IR bit for bit. Prints the sum
# of the FIFO depths against the whole tensors and the simulated peaks.
# The ctest stream-torchvision (label long); skipped (77) without
# python3-torch / python3-torchvision.
#
# Usage: stream-torchvision.sh BUILD_DIR SOURCE_DIR [MODEL...]
set -euo pipefail
build=$1
src=$2
shift 2
models=${*:-resnet18 mobilenet_v2}
bin=$build/bin
work=$build/test/stream-torchvision
exported=$build/benchmark-models
mkdir -p "$work"
if ! /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  echo "python3-torch / python3-torchvision not installed: skipped"
  exit 77
fi
for m in $models; do
  [ -f "$exported/$m.onnx" ] ||
    /usr/bin/python3 "$src/test/Benchmarks/export_models.py" "$exported"
done
# One sample in [-2, 2) from an LCG, as hls_benchmark.sh.
python3 - "$work/x.npy" <<'PY'
import array, struct, sys
shape = [1, 3, 224, 224]
vals = array.array("f")
s = 4242
for _ in range(3 * 224 * 224):
    s = (s * 1103515245 + 12345) % 2**31
    vals.append((s / 2**31) * 4.0 - 2.0)
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 224, 224), }"
header += " " * (-(10 + len(header) + 1) % 64) + "\n"
with open(sys.argv[1], "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
    vals.tofile(f)
PY
for m in $models; do
for config in a16 mixed; do
  d=$work/$m-$config
  rm -rf "$d"
  mkdir -p "$d"
  echo "== $m ($config)"
  "$bin/nn-translate" --import-onnx "$exported/$m.onnx" |
    "$bin/nn-opt" --canonicalize -o "$d/folded.mlir"
  if [ "$config" = a16 ]; then
    # ResNet-18's lossless accumulators exceed 64 bits: an explicit one.
    quantize="default-precision=ap_fixed<16,6> accum=ap_fixed<32,12>"
  else
    quantize="config=$src/test/Conversion/Inputs/torchvision-mixed.json"
  fi
  "$bin/nn-opt" "$d/folded.mlir" --nn-quantize="$quantize" -o "$d/fixed.mlir"
  if [ "$config" = mixed ] && ! grep -q "nn.reuse_factor = 2" "$d/fixed.mlir"; then
    echo "  FAILED: the mixed configuration set no reuse factor 2"
    exit 1
  fi
  "$bin/nn-opt" "$d/fixed.mlir" --nn-lower-to-hls="io-type=stream" \
    -o "$d/loops.mlir" 2> "$d/lower.log"
  "$bin/nn-translate" --emit-hls-project --hls-project-dir="$d/prj" \
    "$d/loops.mlir"
  echo "  schedule: $(tail -n1 "$d/prj/fifo_depths.txt")"
  env -u CXXFLAGS make -s -C "$d/prj" \
    NN_RUNTIME_INCLUDE="$build/share/nn/runtime/include" \
    NN_SUPPORT_INCLUDE="$build/share/nn/runtime/include" 2> "$d/make.log"
  top=$(basename "$(ls "$d"/prj/firmware/*.cpp)" .cpp)
  NN_FIFO_REPORT="$d/peaks.txt" "$d/prj/${top}_csim" --input "$work/x.npy" \
    --output "$d/csim.npy" 2> "$d/csim.err"
  if grep -q hls::stream "$d/csim.err"; then
    echo "  FAILED: the C simulation left data in a stream:"
    cat "$d/csim.err"
    exit 1
  fi
  echo "  C simulation (bounded FIFOs): $(tail -n1 "$d/peaks.txt")"
  "$bin/nn-interp" "$d/fixed.mlir" --input "$work/x.npy" --output "$d/nn.npy"
  cmp "$d/nn.npy" "$d/csim.npy"
  echo "  C simulation == nn-interp (nn IR) bit for bit"
done
done
