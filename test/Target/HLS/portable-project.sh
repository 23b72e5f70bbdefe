#!/usr/bin/env bash
# An emitted HLS project builds anywhere (docs/Lowering.md, "The project"):
# emitted by the build tree's nn-translate and by an installed one
# (cmake --install), then moved to a fresh directory, its Makefile builds
# the C simulation with only the project's own files: no path into the nn
# source, build or install tree remains in it, g++ reads no header from
# them (-H), and the simulation equals nn-interp bit for bit (cmp).
# Usage: portable-project.sh <nn build dir> <nn source dir>
set -euo pipefail
build=$(realpath "$1") src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/nn-portable.XXXXXX")
trap 'rm -rf "$work"' EXIT
inputs=$src/test/Target/HLS/Inputs
model=$inputs/hostile-names.mlir

"$build/bin/nn-opt" "$model" --nn-lower-to-hls -o "$work/loops.mlir"
"$build/bin/nn-interp" "$model" --input "$inputs/names-x-1x4.npy" \
  --input "$inputs/names-z-1x3.npy" --output "$work/nn0.npy" \
  --output "$work/nn1.npy"

# check <nn-translate> <label> <tree>...: emit, move, build, run, compare.
check() {
  local translate=$1 label=$2
  shift 2
  local emitted=$work/$label/emitted moved=$work/elsewhere-$label/moved
  mkdir -p "$work/$label" "$work/elsewhere-$label"
  "$translate" --emit-hls-project="$emitted" "$work/loops.mlir" >/dev/null
  mv "$emitted" "$moved"
  rmdir "$work/$label"
  for tree in "$@" "$work/$label"; do
    if grep -rnF "$tree" "$moved"; then
      echo "$label: the project names '$tree'" >&2
      exit 1
    fi
  done
  # A clean environment: nothing points back at nn.
  env -i PATH=/usr/bin:/bin HOME="$work" \
    make -s -C "$moved" CXXFLAGS=-H 2>"$work/$label.headers"
  for tree in "$@"; do
    if grep -F "$tree" "$work/$label.headers"; then
      echo "$label: the C simulation read a header from '$tree'" >&2
      exit 1
    fi
  done
  grep -q "csim/include/ap_fixed.h" "$work/$label.headers"
  grep -q "csim/tb/nn_csim/npy.h" "$work/$label.headers"
  "$moved/main_v_csim" --input "$inputs/names-x-1x4.npy" \
    --input "$inputs/names-z-1x3.npy" --output "$work/$label-cs0.npy" \
    --output "$work/$label-cs1.npy"
  cmp "$work/nn0.npy" "$work/$label-cs0.npy"
  cmp "$work/nn1.npy" "$work/$label-cs1.npy"
  echo "$label: moved project built and matches nn-interp"
}

check "$build/bin/nn-translate" build-tree "$src" "$build"

# The install tree alone: the installed nn-translate finds the installed
# headers (<prefix>/share/nn/runtime/include) relative to itself.
cmake --install "$build" --prefix "$work/prefix" >/dev/null
check "$work/prefix/bin/nn-translate" install-tree "$src" "$build" "$work/prefix"
echo "portable-project: OK"
