#!/usr/bin/env bash
# Quick start on a fresh Debian 12 machine, as root: installs what the build
# needs from Debian, builds nn into ./build, and runs the bundled example
# (parse, verify and canonicalize a jet-tagging MLP with batch norm).
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

echo "== nn-opt --canonicalize python-free-examples/jet_tagging_mlp.mlir"
build/bin/nn-opt --canonicalize python-free-examples/jet_tagging_mlp.mlir
