#!/bin/sh
# The back end's acceptance matrix: every network of test/Models/hls/ under
# two configurations,
#   a16:   --nn-quantize="default-precision=ap_fixed<16,6> accum=auto"
#   mixed: --nn-quantize="config=test/Models/hls/<model>.json" (hls4ml-style
#          per-layer precisions, lossy accumulators, reuse factors > 1),
# each imported, canonicalized, quantized, lowered (--nn-lower-to-hls),
# emitted as an HLS project and compiled (g++ C simulation, the project's
# Makefile: -std=c++14 -Wall -Wextra -Werror). On 16 deterministic inputs per
# model the three executions must agree bit for bit:
#   nn-interp on nn IR == nn-interp on loop IR == the C simulation,
# and the emitted firmware must not use dynamic memory or the STL.
# One ok/FAIL line per model x configuration x check; exits 1 on any FAIL.
# A network the lowering cannot handle yet FAILs (it is not skipped).
#
# Usage: e2e-matrix.sh BUILD_DIR SOURCE_DIR [MODEL...]
#   MODEL... (or NN_MATRIX_MODELS="mlp lenet5") restricts the models;
#   NN_MATRIX_CONFIGS="a16" restricts the configurations; sm-latency,
#   sm-stable, sm-legacy, sm-argmax and sm-skip are the mixed configuration
#   with the softmax implementation / Skip of
#   test/Models/hls/softmax/<model>-<impl>.json (ctest lowering-e2e-softmax);
#   prune-a16 and prune-mixed are a16 and mixed followed by
#   --nn-prune="ratio=0.5" (half the DSPs; ctest lowering-e2e-prune);
#   prune-rec is mixed pruned by importance=reconstruction, calibrated on
#   the test inputs; prune-pattern and prune-pattern-mixed are a16 and mixed
#   pruned by granularity=pattern to half the DSPs (weights zeroed per
#   multiplier), whose loop IR must also hold no product by a constant
#   zero (check no-zero-mul).
#   NN_MATRIX_IO_TYPE=stream lowers with --nn-lower-to-hls="io-type=stream"
#   (ctest lowering-e2e-stream); the C simulation must then also leave no
#   data in, and never read an empty, hls::stream (hls_stream.h says so on
#   stderr).
#   NN_MATRIX_MODELS_DIR replaces test/Models/hls/ (the user-model survey,
#   test/Benchmarks/user_models.py); a model there not listed in inputs_of
#   gives its inputs in MODEL.inputs, one "name shape" line per input.
set -u
build=$(cd "$1" && pwd) || exit 2
src=$(cd "$2" && pwd) || exit 2
shift 2
bin=$build/bin
models_dir=${NN_MATRIX_MODELS_DIR:-$src/test/Models/hls}
all_models="mlp conv_residual lenet5 conv1d concat2 bn_standalone gated layernorm upsample embedding"
models=${*:-${NN_MATRIX_MODELS:-$all_models}}
configs=${NN_MATRIX_CONFIGS:-a16 mixed}
lower=--nn-lower-to-hls
if [ -n "${NN_MATRIX_IO_TYPE:-}" ]; then
  lower="--nn-lower-to-hls=io-type=$NN_MATRIX_IO_TYPE"
fi
# NN_MATRIX_WORK: the scratch directory (one per ctest, they may run in
# parallel).
work=${NN_MATRIX_WORK:-$build/test/Conversion/e2e-matrix}
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
status=0
fail() { echo "FAIL: $*"; status=1; }
# The checks of one model x configuration, in order; a step that fails
# fails the checks that depend on it (each check prints one line).
checks="loop-IR firmware csim"
check_name() {
  case $1 in
    loop-IR) echo "nn IR == loop IR (bit for bit)" ;;
    firmware) echo "firmware without dynamic memory, STL or I/O" ;;
    csim) echo "C simulation == nn IR (bit for bit)" ;;
  esac
}
# fail_from ID CHECK STEP REASON: FAIL lines for CHECK (with the reason) and
# the checks after it (not run).
fail_from() {
  on=0
  for k in $checks; do
    if [ "$k" = "$2" ]; then
      on=1
      fail "$1: $(check_name "$k"): $3 failed: $4"
    elif [ $on = 1 ]; then
      fail "$1: $(check_name "$k"): not run ($3 failed)"
    fi
  done
}
# The first error line of a log, for FAIL lines.
why() { grep -m1 -i 'error' "$1" || head -n1 "$1"; }

# The model's inputs, one "name shape" per argument (batch 1 first).
inputs_of() {
  case $1 in
    mlp) echo "jets 16" ;;
    conv_residual) echo "image 3,8,8" ;;
    lenet5) echo "digit 1,16,16" ;;
    conv1d) echo "signal 4,32" ;;
    concat2) echo "tracks 8"; echo "calo 6" ;;
    bn_standalone) echo "image 3,8,8" ;;
    gated) echo "features 16" ;;
    layernorm) echo "tokens 4,8" ;;
    upsample) echo "image 2,4,4" ;;
    embedding) echo "tokens int64,6" ;;
    *) [ -f "$models_dir/$1.inputs" ] && cat "$models_dir/$1.inputs" ;;
  esac
}

# gen_npy FILE SHAPE SEED: 16 samples of SHAPE (comma-separated, without the
# batch) as float32 .npy, values in [-5, 5) from an LCG (no NumPy needed).
# The configurations' input types saturate a little at the edges of that.
# SHAPE "int64,D..." (an embedding's indices): int64 values in [-4, 20),
# which read every row of a small table and are clamped on both sides.
gen_npy() {
  python3 - "$1" "$2" "$3" <<'PY'
import struct, sys
dims = sys.argv[2].split(",")
integer = dims[0] == "int64"
path, shape, seed = sys.argv[1], [16] + [int(d) for d in dims[integer:]], int(sys.argv[3])
n = 1
for d in shape:
    n *= d
vals = []
s = seed
for _ in range(n):
    s = (s * 1103515245 + 12345) % 2**31
    vals.append(int((s / 2**31) * 24.0) - 4 if integer else (s / 2**31) * 10.0 - 5.0)
header = "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }" % (
    "<i8" if integer else "<f4",
    ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else ""))
header += " " * (-(10 + len(header) + 1) % 64) + "\n"
with open(path, "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
    f.write(b"".join(struct.pack("<q" if integer else "<f", v) for v in vals))
PY
}

# same_npy A B: the same dtype, shape and payload (headers may be padded
# differently).
same_npy() {
  python3 - "$1" "$2" <<'PY'
import re, sys
def parse(p):
    b = open(p, "rb").read()
    assert b[:6] == b"\x93NUMPY", p
    n = int.from_bytes(b[8:10], "little")
    h = b[10:10 + n].decode()
    descr = re.search(r"'descr': *'([^']*)'", h).group(1)
    shape = re.search(r"'shape': *\(([^)]*)\)", h).group(1).replace(" ", "").rstrip(",")
    return descr, shape, b[10 + n:]
a, b = parse(sys.argv[1]), parse(sys.argv[2])
if a != b:
    print("  %s: %s [%s], %s: %s [%s], payload %s" % (
        sys.argv[1], a[0], a[1], sys.argv[2], b[0], b[1],
        "equal" if a[2] == b[2] else "differs"))
    sys.exit(1)
PY
}

# forbidden DIR: what an HLS top must not use, in the firmware's code
# (comments and string literals removed).
forbidden() {
  python3 - "$1" <<'PY'
import os, re, sys
bad = [r"\bnew\b", r"\bdelete\b", r"\bmalloc\b", r"\bcalloc\b", r"\brealloc\b",
       r"\bfree\s*\(", r"\bstd::", r"#\s*include\s*<(vector|map|set|list|deque|"
       r"string|memory|iostream|cstdio|stdio\.h|cstdlib|stdlib\.h|functional)>",
       r"\bprintf\b", r"\bcout\b", r"\bthrow\b", r"\btry\b", r"\bvirtual\b",
       r"\bfloat\b", r"\bdouble\b\s+[A-Za-z_]"]
found = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        path = os.path.join(root, name)
        text = open(path).read()
        code = re.sub(r'//[^\n]*|/\*.*?\*/|"(\\.|[^"\\])*"', " ", text, flags=re.S)
        for i, line in enumerate(code.split("\n"), 1):
            for pat in bad:
                if re.search(pat, line):
                    print("  %s:%d: %s" % (path, i, line.strip()[:100]))
                    found = 1
sys.exit(found)
PY
}

# zero_muls LOOPS.mlir: lists every nn.fx.mul with an operand that is an
# nn.fx.constant 0 (docs/Lowering.md, "Zero weights"); fails if any.
zero_muls() {
  /usr/bin/python3 - "$1" <<'PY'
import re, sys
# Names are reused across regions: a name is a zero constant from its
# definition as one to its next definition.
zeros, found = set(), 0
for i, line in enumerate(open(sys.argv[1]), 1):
    m = re.match(r"\s*(%[\w.$#-]+) = ", line)
    if m:
        zeros.discard(m.group(1))
        if re.match(r"\s*%[\w.$#-]+ = nn\.fx\.constant 0 :", line):
            zeros.add(m.group(1))
            continue
    m = re.search(r"nn\.fx\.mul (%[\w.$#-]+), (%[\w.$#-]+)", line)
    if m and (m.group(1) in zeros or m.group(2) in zeros):
        print("  line %d: %s" % (i, line.strip()[:100]))
        found = 1
sys.exit(found)
PY
}

# run_config MODEL CONFIG QUANTIZE_OPTIONS [PASS...]: PASS... (e.g.
# --nn-prune=...) run after the quantization.
run_config() {
  m=$1
  c=$2
  id="$m/$c"
  d=$work/$m/$c
  mkdir -p "$d"
  t0=$(now)
  if ! "$bin/nn-opt" "$work/$m/folded.mlir" --mlir-print-debuginfo \
      --nn-quantize="$3 report=$d/report.json" ${4:+"$4"} \
      -o "$d/fixed.mlir" > "$d/quantize.log" 2>&1; then
    fail_from "$id" loop-IR quantize "$(why "$d/quantize.log")"
    return
  fi
  ins=""
  for n in $(inputs_of "$m" | cut -d' ' -f1); do ins="$ins --input $work/$m/$n.npy"; done
  # shellcheck disable=SC2086
  if ! "$bin/nn-interp" "$d/fixed.mlir" $ins --output "$d/nn.npy" \
      > "$d/interp-nn.log" 2>&1; then
    fail_from "$id" loop-IR "nn-interp on nn IR" "$(why "$d/interp-nn.log")"
    return
  fi
  if ! "$bin/nn-opt" "$d/fixed.mlir" --mlir-print-debuginfo "$lower" \
      -o "$d/loops.mlir" > "$d/lower.log" 2>&1; then
    fail_from "$id" loop-IR "lowering (--nn-lower-to-hls)" "$(why "$d/lower.log")"
    return
  fi
  t1=$(now)
  # shellcheck disable=SC2086
  if ! "$bin/nn-interp" "$d/loops.mlir" $ins --output "$d/loops.npy" \
      > "$d/interp-loops.log" 2>&1; then
    fail "$id: $(check_name loop-IR): nn-interp on loop IR: $(why "$d/interp-loops.log")"
  elif same_npy "$d/nn.npy" "$d/loops.npy"; then
    echo "ok: $id: $(check_name loop-IR) [interp $(elapsed "$t1")]"
  else
    fail "$id: $(check_name loop-IR): the outputs differ"
  fi
  case $c in
    prune-pattern*)
      if zero_muls "$d/loops.mlir" > "$d/zero-muls.log"; then
        echo "ok: $id: no-zero-mul"
      else
        fail "$id: no-zero-mul: products by a constant zero in the loop IR"
        cat "$d/zero-muls.log"
      fi ;;
  esac
  t1=$(now)
  if ! "$bin/nn-translate" --emit-hls-project --hls-project-dir="$d/prj" \
      "$d/loops.mlir" > "$d/emit.log" 2>&1; then
    fail_from "$id" firmware "--emit-hls-project" "$(why "$d/emit.log")"
    return
  fi
  if forbidden "$d/prj/firmware" > "$d/forbidden.log"; then
    echo "ok: $id: $(check_name firmware)"
  else
    fail "$id: $(check_name firmware): found"
    cat "$d/forbidden.log"
  fi
  # Exactly the Makefile's own flags (-std=c++14 -O2 -Wall -Wextra
  # -Werror): a CXXFLAGS from the environment would be added to them.
  if ! env -u CXXFLAGS -u CXX make -s -C "$d/prj" \
      NN_RUNTIME_INCLUDE="$src/runtime/include" > "$d/make.log" 2>&1; then
    fail "$id: $(check_name csim): C simulation build (make): $(why "$d/make.log")"
    return
  fi
  tc=$(elapsed "$t1")
  t1=$(now)
  csim=$(ls "$d"/prj/*_csim)
  # shellcheck disable=SC2086
  if ! "$csim" $ins --output "$d/csim.npy" > "$d/csim.log" 2>&1; then
    fail "$id: $(check_name csim): C simulation run: $(why "$d/csim.log")"
  elif grep -q 'hls::stream' "$d/csim.log"; then
    fail "$id: $(check_name csim): $(grep -m1 'hls::stream' "$d/csim.log")"
  elif same_npy "$d/nn.npy" "$d/csim.npy"; then
    echo "ok: $id: $(check_name csim) [emit+compile $tc, run $(elapsed "$t1")]"
  else
    fail "$id: $(check_name csim): the outputs differ"
  fi
  echo "   $id: $(elapsed "$t0")"
}

total=$(now)
for m in $models; do
  if ! inputs_of "$m" > /dev/null; then
    fail "$m: unknown model (known: $all_models)"
    continue
  fi
  mkdir -p "$work/$m"
  i=0
  inputs_of "$m" | while read -r n shape; do
    gen_npy "$work/$m/$n.npy" "$shape" $((12345 + 1000 * i))
    i=$((i + 1))
  done
  if ! { "$bin/nn-translate" --import-onnx "$models_dir/$m.onnx" \
           --mlir-print-debuginfo \
         | "$bin/nn-opt" --canonicalize --mlir-print-debuginfo \
             -o "$work/$m/folded.mlir"; } > "$work/$m/import.log" 2>&1; then
    for c in $configs; do
      fail_from "$m/$c" loop-IR "import + canonicalize" "$(why "$work/$m/import.log")"
    done
    continue
  fi
  for c in $configs; do
    case $c in
      a16) run_config "$m" "$c" "default-precision=ap_fixed<16,6> accum=auto" ;;
      mixed) run_config "$m" "$c" "config=$models_dir/$m.json" ;;
      prune-a16) run_config "$m" "$c" "default-precision=ap_fixed<16,6> accum=auto" \
                   "--nn-prune=ratio=0.5" ;;
      prune-mixed) run_config "$m" "$c" "config=$models_dir/$m.json" \
                     "--nn-prune=ratio=0.5" ;;
      prune-pattern) run_config "$m" "$c" "default-precision=ap_fixed<16,6> accum=auto" \
                       "--nn-prune=ratio=0.5 granularity=pattern" ;;
      prune-pattern-mixed) run_config "$m" "$c" "config=$models_dir/$m.json" \
                             "--nn-prune=ratio=0.5 granularity=pattern" ;;
      # Reconstruction refits the readers' constants (rounded, saturated)
      # from calibration data: the model's own test inputs.
      prune-rec) run_config "$m" "$c" "config=$models_dir/$m.json" \
                   "--nn-prune=ratio=0.5 importance=reconstruction calibrate=$(
                     inputs_of "$m" | cut -d' ' -f1 |
                       sed "s|^|$work/$m/|; s|\$|.npy|" | paste -sd, -)" ;;
      # hls4ml's softmax implementations and Skip on the mixed configuration
      # (test/Models/hls/softmax/<model>-<impl>.json).
      sm-*)
        if [ -f "$models_dir/softmax/$m-${c#sm-}.json" ]; then
          run_config "$m" "$c" "config=$models_dir/softmax/$m-${c#sm-}.json"
        else
          fail "$m/$c: no configuration test/Models/hls/softmax/$m-${c#sm-}.json"
        fi ;;
      *) fail "$m/$c: unknown configuration (known: a16 mixed sm-<impl> prune-a16 prune-mixed prune-rec prune-pattern prune-pattern-mixed)" ;;
    esac
  done
done
echo "matrix: $(elapsed "$total")"
exit $status
