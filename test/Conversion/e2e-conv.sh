#!/bin/sh
# End to end for conv and pools: the small networks of
# test/Conversion/Inputs (conv2d.mlir, conv1d.mlir, pools.mlir), lowered at
# the default max-unroll-mults and at 4 (the rolled fallbacks). Checks bit
# for bit, on their 2-sample inputs:
#   nn-interp on nn IR == nn-interp on loop IR == the emitted C++ (g++ C
#   simulation with runtime/include, compiled with -Wall -Wextra -Werror).
# Usage: e2e-conv.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
bin=$build/bin
inputs=$src/test/Conversion/Inputs
work=$build/test/Conversion/e2e-conv
rm -rf "$work"
mkdir -p "$work"
cd "$work"

status=0
for case in conv2d:x-2x2x6x6:2 conv1d:x-2x3x8:4 pools:x-2x2x5x5:7; do
  net=${case%%:*}
  rest=${case#*:}
  x=$inputs/${rest%%:*}.npy
  outs=${rest#*:}
  for limit in 4096 4; do
    tag=$net-$limit
    "$bin/nn-opt" "$inputs/$net.mlir" \
      --nn-lower-to-hls="max-unroll-mults=$limit" -o loops-$tag.mlir 2>/dev/null
    nnargs="" lpargs="" i=0
    while [ $i -lt "$outs" ]; do
      nnargs="$nnargs --output nn-$tag-$i.npy"
      lpargs="$lpargs --output loops-$tag-$i.npy"
      i=$((i + 1))
    done
    "$bin/nn-interp" "$inputs/$net.mlir" --input "$x" $nnargs
    "$bin/nn-interp" loops-$tag.mlir --input "$x" $lpargs
    "$bin/nn-translate" --emit-hls-project --hls-project-dir=prj-$tag \
      loops-$tag.mlir > /dev/null
    # The Makefile's -std=c++14 -Wall -Wextra -Werror stay; -O1 compiles
    # the unrolled test networks faster than its -O2.
    make -s -C prj-$tag NN_RUNTIME_INCLUDE="$src/runtime/include" \
      CXXFLAGS="-O1"
    csargs="" i=0
    while [ $i -lt "$outs" ]; do
      csargs="$csargs --output csim-$tag-$i.npy"
      i=$((i + 1))
    done
    "prj-$tag/${net}_csim" --input "$x" $csargs
    i=0
    while [ $i -lt "$outs" ]; do
      if ! cmp -s nn-$tag-$i.npy loops-$tag-$i.npy; then
        echo "FAIL: $tag output $i: the loop IR differs from the nn IR"
        status=1
      elif ! cmp -s nn-$tag-$i.npy csim-$tag-$i.npy; then
        echo "FAIL: $tag output $i: the C simulation differs from the nn IR"
        status=1
      else
        echo "ok: $tag output $i: nn IR == loop IR == C simulation (bit for bit)"
      fi
      i=$((i + 1))
    done
  done
done
exit $status
