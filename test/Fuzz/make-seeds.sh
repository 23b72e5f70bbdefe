#!/usr/bin/env bash
# Writes the seed corpus of one fuzz target, from the test data already in
# the tree and in Debian's libonnx-testdata (nothing is committed twice).
# Usage: make-seeds.sh <target> <nn source dir> <onnx test data dir> <out dir>
#   onnx-import       every model.onnx of the ONNX backend test data, and the
#                     .onnx files of the tree
#   onnx-text-import  every model of the tree's .onnxtext lit tests, one
#                     file per '// -----' section
#   hls-config        the .json configurations of the tree
#   npy               the .npy files of the tree (those under 64 KiB)
set -euo pipefail
target=$1 src=$2 testdata=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
# The tree's own files, without build and install directories.
tree_files() {
  find "$src" \( -path "$src/build*" -o -path "$src/install*" -o -path "$src/.git" \) \
    -prune -o -type f -name "$1" -print
}
n=0
case $target in
  onnx-import)
    if [ -d "$testdata" ]; then
      for f in "$testdata"/*/*/model.onnx; do
        d=${f%/model.onnx}
        cp "$f" "$out/$(basename "$(dirname "$d")")-$(basename "$d").onnx"
        n=$((n + 1))
      done
    fi
    while read -r f; do
      cp "$f" "$out/tree-$(basename "$f")"; n=$((n + 1))
    done < <(tree_files '*.onnx')
    ;;
  onnx-text-import)
    while read -r f; do
      base=$(basename "$f" .onnxtext)
      # Section k of f goes to <base>-<k>.onnxtext (split-input-file's
      # marker), without the lit comment lines: mutating RUN and CHECK lines
      # would only exercise the comment skipper.
      awk -v out="$out/$base" '
        BEGIN { k = 0; file = out "-" k ".onnxtext" }
        /^\/\/ -----/ { close(file); k++; file = out "-" k ".onnxtext"; next }
        /^#/ { next }
        { print > file }' "$f"
      n=$((n + $(ls "$out/$base"-*.onnxtext | wc -l)))
    done < <(tree_files '*.onnxtext')
    ;;
  hls-config)
    while read -r f; do
      cp "$f" "$out/$(basename "$(dirname "$f")")-$(basename "$f")"; n=$((n + 1))
    done < <(tree_files '*.json')
    ;;
  npy)
    while read -r f; do
      [ "$(stat -c %s "$f")" -le 65536 ] || continue
      cp "$f" "$out/$(basename "$(dirname "$f")")-$(basename "$f")"; n=$((n + 1))
    done < <(tree_files '*.npy')
    ;;
  *)
    echo "make-seeds.sh: unknown target '$target'" >&2
    exit 2
    ;;
esac
if [ "$n" -eq 0 ]; then
  echo "make-seeds.sh: no seeds found for $target" >&2
  exit 1
fi
echo "make-seeds.sh: $n seeds for $target in $out"
