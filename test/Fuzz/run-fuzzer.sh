#!/usr/bin/env bash
# The ctest of one fuzz target (label 'fuzz'): replays the committed crash
# reproducers of test/Fuzz/regressions/<target>/, then fuzzes for a bounded
# number of executions from the seed corpus (make-seeds.sh), with a fixed
# seed so that a CI failure reproduces. Fails on any crash, leak, timeout or
# sanitizer report; the input that caused it is written to <work>/crash-*
# (and so on) and named in the output.
# Usage: run-fuzzer.sh <fuzzer> <target> <nn source dir> <onnx test data dir>
#                      <work dir> <runs> [extra libFuzzer flags...]
set -euo pipefail
fuzzer=$1 target=$2 src=$3 testdata=$4 work=$5 runs=$6
shift 6
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
"$here/make-seeds.sh" "$target" "$src" "$testdata" "$work/seeds"

flags=(-timeout=25 -rss_limit_mb=2560 -artifact_prefix="$work/")
dict=$here/$target.dict
[ -f "$dict" ] && flags+=(-dict="$dict")

# Every committed reproducer must now run cleanly (libFuzzer runs each file
# given by name once).
regressions=()
for f in "$here/regressions/$target"/*; do
  [ -f "$f" ] && [ "$(basename "$f")" != .keep ] && regressions+=("$f")
done
if [ ${#regressions[@]} -gt 0 ]; then
  echo "== replaying ${#regressions[@]} regression inputs of $target"
  "$fuzzer" "${flags[@]}" "${regressions[@]}"
fi

# New inputs go to a scratch corpus (first directory), never into the seeds.
rm -rf "$work/corpus"
mkdir -p "$work/corpus"
echo "== $fuzzer -runs=$runs -seed=1 ${flags[*]} $* $work/corpus $work/seeds"
"$fuzzer" -runs="$runs" -seed=1 "${flags[@]}" "$@" "$work/corpus" "$work/seeds"
