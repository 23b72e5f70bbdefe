#!/bin/sh
# End to end: the jet-tagging MLP (python-free-examples, cut before its
# softmax) quantized with ap_fixed<16,6> and lossless accumulators, at reuse
# factors 1 and 4, then lowered to loops. Checks bit for bit, on 16 inputs:
#   nn-interp on nn IR == nn-interp on loop IR == the emitted C++ (g++ C
#   simulation with runtime/include).
# Usage: e2e-mlp.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
bin=$build/bin
work=$build/test/Conversion/e2e-mlp
rm -rf "$work"
mkdir -p "$work"
cd "$work"

# 16 deterministic inputs in [-4, 4) (float32 .npy, no NumPy needed).
python3 - <<'PY'
import struct
vals = []
s = 12345
for i in range(16 * 16):
    s = (s * 1103515245 + 12345) % 2**31
    vals.append((s / 2**31) * 8.0 - 4.0)
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (16, 16), }"
header += " " * (-(10 + len(header) + 1) % 64) + "\n"
with open("x.npy", "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
    f.write(b"".join(struct.pack("<f", v) for v in vals))
PY

"$bin/nn-translate" --import-onnx "$src/python-free-examples/jet_tagging_mlp.onnx" \
  | "$bin/nn-opt" --canonicalize -o folded.mlir
# Cut the network before its softmax: return the softmax's operand.
python3 - <<'PY'
import re
text = open("folded.mlir").read()
m = re.search(r"(%\w+) = nn\.softmax (%\w+)[^\n]*\n", text)
assert m, "no softmax"
text = text.replace(m.group(0), "")
text = re.sub(r"return " + re.escape(m.group(1)) + r"\b", "return " + m.group(2), text)
open("cut.mlir", "w").write(text)
PY

status=0
for reuse in 1 4; do
  "$bin/nn-opt" cut.mlir \
    --nn-quantize="default-precision=ap_fixed<16,6> accum=auto default-reuse=$reuse" \
    -o fixed-r$reuse.mlir
  "$bin/nn-opt" fixed-r$reuse.mlir --nn-lower-to-hls -o loops-r$reuse.mlir
  "$bin/nn-interp" fixed-r$reuse.mlir --input x.npy --output nn-r$reuse.npy
  "$bin/nn-interp" loops-r$reuse.mlir --input x.npy --output loops-r$reuse.npy
  if ! cmp nn-r$reuse.npy loops-r$reuse.npy; then
    echo "FAIL: R=$reuse: the loop IR differs from the nn IR"
    status=1
  else
    echo "ok: R=$reuse: nn IR == loop IR (bit for bit)"
  fi
  "$bin/nn-translate" --emit-hls-project --hls-project-dir=prj-r$reuse \
    loops-r$reuse.mlir > /dev/null
  make -s -C prj-r$reuse NN_RUNTIME_INCLUDE="$src/runtime/include"
  top=$(ls prj-r$reuse/firmware/*.cpp | head -1 | xargs basename | sed 's/\.cpp$//')
  "prj-r$reuse/${top}_csim" --input x.npy --output csim-r$reuse.npy
  # The testbench writes the same .npy file as nn-interp, byte for byte.
  if cmp nn-r$reuse.npy csim-r$reuse.npy; then
    echo "ok: R=$reuse: C simulation == nn IR (bit for bit)"
  else
    echo "FAIL: R=$reuse: the C simulation differs from the nn IR"
    status=1
  fi
done
exit $status
