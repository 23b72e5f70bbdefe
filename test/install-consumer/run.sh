#!/usr/bin/env bash
# Installs the build tree into a fresh prefix, builds the consumer against
# that prefix alone (find_package(NN CONFIG)), and runs it.
# Usage: run.sh <nn build dir> <nn source dir>
set -euo pipefail
build=$1 src=$2
work=$build/install-consumer
rm -rf "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$src/test/install-consumer" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build"
out=$("$work/build/nn-consumer")
echo "$out"
grep -q 'nn.dense' <<<"$out"
grep -q '!nn.fixed<24, 10, RND, SAT>' <<<"$out"
# The consumer must resolve nn from the install prefix, not the build tree.
libs=$(ldd "$work/build/nn-consumer")
grep -q "$work/prefix/lib/libNNDialect.so" <<<"$libs"
# And never the static MLIR archives.
if grep -q 'libMLIR[A-Za-z]*\.a' "$work/build/build.ninja"; then
  echo "consumer links a static libMLIR*.a" >&2
  exit 1
fi
# The C-simulation runtime is one self-contained include directory: build the
# runtime's firmware test against the installed copy alone.
runtime=$work/prefix/share/nn/runtime/include
c++ -std=c++14 -Wall -Wextra -Werror -I "$runtime" \
  "$src/unittests/Runtime/firmware/firmware.cpp" -o "$work/firmware"
"$work/firmware" | diff - "$src/unittests/Runtime/firmware/firmware.expected"
echo "install-consumer: OK"
