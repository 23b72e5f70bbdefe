#!/usr/bin/env bash
# The build links libMLIR.so/libLLVM.so only: no static libMLIR*.a on any
# link line, and the tools load the shared libraries.
# Usage: check-shared-mlir.sh <nn build dir>
set -euo pipefail
build=$1
if grep -oE '[^ ]*libMLIR[A-Za-z0-9_]*\.a' "$build/build.ninja" | sort -u | grep .; then
  echo "static MLIR archives appear on link lines above" >&2
  exit 1
fi
for tool in nn-opt nn-translate; do
  # Capture first: grep -q closing the pipe early would fail ldd (pipefail).
  libs=$(ldd "$build/bin/$tool")
  grep -q 'libMLIR\.so' <<<"$libs" || { echo "$tool does not load libMLIR.so" >&2; exit 1; }
done
echo "shared-mlir-only: OK"
