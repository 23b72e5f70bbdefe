#!/usr/bin/env bash
# Quick start on a fresh Debian 12 machine, as root: installs what the build
# needs from Debian, builds nn into ./build, and runs the bundled example:
# import a jet-tagging MLP exported by PyTorch, then verify and canonicalize
# it (each batch norm folds into the dense layer before it).
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
echo "== nn-translate --import-onnx $example.onnx -o build/jet_tagging_mlp.mlir"
build/bin/nn-translate --import-onnx "$example.onnx" -o build/jet_tagging_mlp.mlir
echo "== nn-opt --canonicalize build/jet_tagging_mlp.mlir (weights elided)"
build/bin/nn-opt --canonicalize build/jet_tagging_mlp.mlir \
  --mlir-elide-elementsattrs-if-larger=4 --mlir-elide-resource-strings-if-larger=16
