#!/usr/bin/env bash
# Exports LeNet-5 and ResNet-18 with PyTorch (random weights) and prints the
# import time and peak memory of each. Needs python3-torch and
# python3-torchvision from Debian (apt-get install python3-torchvision).
# Usage: test/Benchmarks/run_import_benchmark.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
models=$build/benchmark-models
[ -f "$models/resnet18.onnx" ] || /usr/bin/python3 "$here/export_models.py" "$models"
for model in lenet5 resnet18; do
  "$build/bin/nn-import-benchmark" "$models/$model.onnx" 3
done
