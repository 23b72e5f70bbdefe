#!/usr/bin/env bash
# Quick start on a fresh Debian 12 machine, as root: installs what the build
# needs from Debian, builds nn into ./build, and runs the main job on the
# bundled example, a jet-tagging MLP exported by PyTorch: import it,
# canonicalize it (each batch norm folds into its dense layer), type it in
# ap_fixed<16,6>, lower it to loops, emit the Vitis HLS project, build its C
# simulation with g++ and check it against the reference interpreter, bit
# for bit, on 16 bundled inputs.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  $(grep -v '^#' cmake/debian-packages.txt) >/dev/null

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit
cmake --build build

example=python-free-examples/jet_tagging_mlp
inputs=python-free-examples/jet_tagging_inputs.npy
echo "== nn-translate --import-onnx $example.onnx -o build/jet_tagging_mlp.mlir"
build/bin/nn-translate --import-onnx "$example.onnx" -o build/jet_tagging_mlp.mlir
echo "== nn-opt --canonicalize build/jet_tagging_mlp.mlir (weights elided)"
build/bin/nn-opt --canonicalize build/jet_tagging_mlp.mlir \
  --mlir-elide-elementsattrs-if-larger=4 --mlir-elide-resource-strings-if-larger=16
echo "== nn-opt --canonicalize --nn-quantize=\"default-precision=ap_fixed<16,6> accum=auto\" -o build/jet_tagging_fixed.mlir"
build/bin/nn-opt build/jet_tagging_mlp.mlir --canonicalize \
  --nn-quantize="default-precision=ap_fixed<16,6> accum=auto" \
  --mlir-print-debuginfo -o build/jet_tagging_fixed.mlir
echo "== nn-opt --nn-lower-to-hls -o build/jet_tagging_loops.mlir"
build/bin/nn-opt build/jet_tagging_fixed.mlir --nn-lower-to-hls \
  --mlir-print-debuginfo -o build/jet_tagging_loops.mlir
echo "== nn-translate --emit-hls-project=build/jet_tagging_hls"
rm -rf build/jet_tagging_hls
build/bin/nn-translate --emit-hls-project=build/jet_tagging_hls \
  build/jet_tagging_loops.mlir
echo "== make -C build/jet_tagging_hls (g++ C simulation, -std=c++14 -Werror)"
make -s -C build/jet_tagging_hls
csim=$(ls build/jet_tagging_hls/*_csim)
echo "== $csim --input $inputs --output build/jet_tagging_csim.npy"
"$csim" --input "$inputs" --output build/jet_tagging_csim.npy
echo "== nn-interp build/jet_tagging_fixed.mlir --input $inputs --output build/jet_tagging_ref.npy"
build/bin/nn-interp build/jet_tagging_fixed.mlir --input "$inputs" \
  --output build/jet_tagging_ref.npy
payload() {  # the data of a .npy file (10 bytes + HEADER_LEN of header)
  tail -c +$((11 + $(od -An -tu2 -j8 -N2 "$1" | tr -d ' '))) "$1"
}
if cmp -s <(payload build/jet_tagging_csim.npy) \
          <(payload build/jet_tagging_ref.npy); then
  echo "== C simulation == reference interpreter: all 16 x 5 outputs, bit for bit"
else
  echo "== C simulation differs from the reference interpreter" >&2
  exit 1
fi
echo "== the Vitis HLS project: build/jet_tagging_hls (vitis_hls -f build_prj.tcl)"
