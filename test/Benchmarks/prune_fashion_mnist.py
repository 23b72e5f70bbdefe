#!/usr/bin/python3
"""--nn-prune's accuracy-vs-budget curve on Fashion-MNIST (issue 12).

    /usr/bin/python3 test/Benchmarks/prune_fashion_mnist.py [BUILD_DIR] [MODEL...]

MODEL is a network of test/Models/fashion_mnist (default: fashion_cnn
fashion_mlp; each .onnx there). Each is imported, canonicalized and typed
in ap_fixed<16,6> with lossless accumulators; its unpruned DSP estimate is
D (--nn-estimate). For budgets of 90/75/50/25% of D and each importance
measure, --nn-prune runs post-training (calibration and reconstruction on
5000 training images, never on test images) and the pruned network is
evaluated by nn-interp (bit-accurate) on the 10,000 test images of
Debian's dataset-fashion-mnist; the pruned network's own estimate is
printed next to its budget. Not a ctest (minutes); prints a table.

Environment: PRUNE_IMPORTANCE lists the importance measures (default
"reconstruction activation magnitude sensitivity"), PRUNE_CALIBRATION the
number of calibration images (default 5000), PRUNE_OPTIONS adds
--nn-prune options to every run (e.g. "reconstruct=false": bias
correction alone), PRUNE_GRANULARITY the granularities, one curve each
(default "neuron,filter"; "pattern" zeroes the weights of whole
multipliers, docs/Pruning.md).
Needs NumPy and /usr/share/datasets/fashion-mnist.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
CALIBRATION = int(os.environ.get("PRUNE_CALIBRATION", "5000"))
EXTRA = os.environ.get("PRUNE_OPTIONS", "")
IMPORTANCES = os.environ.get("PRUNE_IMPORTANCE", "reconstruction activation magnitude sensitivity").split()
GRANULARITIES = os.environ.get("PRUNE_GRANULARITY", "neuron,filter").split()
FRACTIONS = [0.90, 0.75, 0.50, 0.25]
sys.path.insert(0, os.path.join(SRC, "test", "Models", "fashion_mnist"))
from fashion_data import normalize, read_idx  # noqa: E402


def run(*args, capture=False):
    result = subprocess.run(args, check=True, text=True,
                            stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    return result.stdout


def dsps(bin_dir, mlir, work):
    report = os.path.join(work, "est.json")
    run(os.path.join(bin_dir, "nn-opt"), mlir, "--nn-estimate=report=" + report,
        "-o", os.devnull, capture=True)
    with open(report) as f:
        return json.load(f)["total"]["dsp"]


def accuracy(bin_dir, mlir, images, labels, work):
    out = os.path.join(work, "out.npy")
    run(os.path.join(bin_dir, "nn-interp"), mlir, "--input", images, "--output", out)
    logits = np.load(out).reshape(len(labels), -1)
    return float((logits.argmax(axis=1) == labels).mean())


def main():
    build = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(SRC, "build")
    models = sys.argv[2:] or ["fashion_cnn", "fashion_mlp"]
    bin_dir = os.path.join(build, "bin")
    work = tempfile.mkdtemp(prefix="prune-bench-")
    test_images = os.path.join(work, "test.npy")
    calib = os.path.join(work, "calib.npy")
    np.save(test_images, normalize(read_idx("t10k-images-idx3-ubyte.gz")))
    np.save(calib, normalize(read_idx("train-images-idx3-ubyte.gz")[:CALIBRATION]))
    labels = read_idx("t10k-labels-idx1-ubyte.gz").astype(np.int64)
    for model in models:
        onnx = os.path.join(SRC, "test", "Models", "fashion_mnist", model + ".onnx")
        if not os.path.exists(onnx):
            print("%s: no %s, skipped" % (model, onnx))
            continue
        folded = os.path.join(work, model + "-folded.mlir")
        fixed = os.path.join(work, model + "-fixed.mlir")
        imported = run(os.path.join(bin_dir, "nn-translate"), "--import-onnx", onnx,
                       capture=True)
        with open(folded + ".in", "w") as f:
            f.write(imported)
        run(os.path.join(bin_dir, "nn-opt"), folded + ".in", "--canonicalize", "-o", folded)
        run(os.path.join(bin_dir, "nn-opt"), folded,
            "--nn-quantize=default-precision=ap_fixed<16,6> accum=auto", "-o", fixed)
        full = dsps(bin_dir, fixed, work)
        base = accuracy(bin_dir, fixed, test_images, labels, work)
        print("%s: unpruned %d DSPs (estimate), accuracy %.2f%% on 10000 test images"
              % (model, full, 100 * base))
        print("%-14s %-14s %6s %7s %10s %9s %8s" % (
            "granularity", "importance", "budget", "budget", "estimate", "accuracy", "drop"))
        for granularity in GRANULARITIES:
            for importance in IMPORTANCES:
                for fraction in FRACTIONS:
                    budget = int(fraction * full)
                    pruned = os.path.join(work, "%s-%s-%s-%d.mlir" % (
                        model, granularity, importance, budget))
                    start = time.time()
                    options = "budget=dsp:%d granularity=%s importance=%s calibrate=%s %s" % (
                        budget, granularity, importance, calib, EXTRA)
                    try:
                        run(os.path.join(bin_dir, "nn-opt"), fixed, "--nn-prune=" + options,
                            "-o", pruned, capture=True)
                    except subprocess.CalledProcessError:
                        print("%-14s %-14s %5d%% %7d  nn-prune failed" % (
                            granularity, importance, 100 * fraction, budget))
                        continue
                    est = dsps(bin_dir, pruned, work)
                    acc = accuracy(bin_dir, pruned, test_images, labels, work)
                    print("%-14s %-14s %5d%% %7d %10d %8.2f%% %7.2f  [%.0f s]" % (
                        granularity, importance, 100 * fraction, budget, est, 100 * acc,
                        100 * (base - acc), time.time() - start))
                    sys.stdout.flush()


if __name__ == "__main__":
    main()
