#!/usr/bin/env bash
# How g++ copes with the weights of a large network written as the HLS
# emitter writes them today: one translation unit holding
#   static const fixed_16_6_t w[N] = {0.5, -0.25, ...};
# (ap_fixed<16,6> from the double literals, runtime/include headers), against
# the same N values as plain `static const double`, as raw `short` integers,
# as `ap_int<16>` raws, and as ap_fixed built by nn's constexpr raw
# constructor (`fixedraw`, nn's csim headers only). N defaults to 2,000,000 (ResNet-18 has about
# 11.7 million weights). Prints the source size, then per variant the g++
# wall and user time, peak RSS and object size (flags of the emitted
# Makefile: -std=c++14 -O2 -Wall -Wextra -Werror, plus -c).
# Not a ctest.
#
# Usage: test/Benchmarks/large_weights_compile.sh [N [WORK_DIR [VARIANT...]]]
#   VARIANT: fixed double short apint fixedraw (default: all)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
n=${1:-2000000}
work=${2:-/tmp/nn-large-weights}
shift 2 2>/dev/null || shift $#
variants=${*:-fixed double short apint fixedraw}
mkdir -p "$work"

python3 - "$n" "$work" <<'PY'
import sys
n, work = int(sys.argv[1]), sys.argv[2]
s = 777
raws = []
for _ in range(n):
    s = (s * 1103515245 + 12345) % 2**31
    raws.append((s >> 8) % 65536 - 32768)
def body(lits):
    out = []
    for i in range(0, n, 8):
        out.append("    " + ", ".join(lits[i:i + 8]) + ("," if i + 8 < n else ""))
    return "\n".join(out)
dec = ["%.17g" % (r / 1024.0) for r in raws]
ints = [str(r) for r in raws]
use = """
// Keep the table alive: a reduction the optimizer cannot fold away.
%s sum_weights(int stride) {
  %s acc = 0;
  for (int i = 0; i < %d; i += stride)
    acc += %s;
  return acc;
}
"""
variants = {
    "fixed": ('#include "ap_fixed.h"\ntypedef ap_fixed<16, 6> fixed_16_6_t;\n'
              "static const fixed_16_6_t w[%d] = {\n%s\n};\n" % (n, body(dec))
              + use % ("double", "double", n, "w[i].to_double()")),
    "double": ("static const double w[%d] = {\n%s\n};\n" % (n, body(dec))
               + use % ("double", "double", n, "w[i]")),
    "short": ("static const short w[%d] = {\n%s\n};\n" % (n, body(ints))
              + use % ("double", "double", n, "w[i] / 1024.0")),
    # nn's csim headers only (not Vitis): the constexpr raw constructor, so
    # the table is constant-initialized.
    "fixedraw": ('#include "ap_fixed.h"\ntypedef ap_fixed<16, 6> fixed_16_6_t;\n'
                 "#define R(x) fixed_16_6_t(nn_csim::raw_tag(), x)\n"
                 "static const fixed_16_6_t w[%d] = {\n%s\n};\n"
                 % (n, body(["R(%s)" % v for v in ints]))
                 + use % ("double", "double", n, "w[i].to_double()")),
    "apint": ('#include "ap_int.h"\n'
              "static const ap_int<16> w[%d] = {\n%s\n};\n" % (n, body(ints))
              + use % ("double", "double", n, "w[i].to_double() / 1024.0")),
}
for name, text in variants.items():
    open("%s/w_%s.cpp" % (work, name), "w").write(text)
PY

for v in $variants; do
  f=$work/w_$v.cpp
  printf '%-7s source %6.1f MB: ' "$v" "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { print b / 1e6 }')"
  if /usr/bin/time -f '%e s wall, %U s user, %M KB peak RSS' -o "$work/$v.time" \
      g++ -std=c++14 -O2 -Wall -Wextra -Werror -I"$src/runtime/include" \
      -I"$src/include" -c "$f" -o "$work/w_$v.o" > "$work/$v.log" 2>&1; then
    echo "$(cat "$work/$v.time"), object $(stat -c %s "$work/w_$v.o") bytes"
  else
    echo "FAILED: $(tail -n1 "$work/$v.time"): $(grep -m1 -i error "$work/$v.log")"
  fi
done
