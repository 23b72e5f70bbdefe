#!/usr/bin/python3
"""Throughput of the nn reference interpreter against PyTorch (not a ctest).

Exports the benchmark models with export_models.py's definitions (random
weights), runs PyTorch (torch.set_num_threads(N), inference mode) and
nn-interp-benchmark (import, canonicalize, evaluate with N threads) on the
same input, checks that the outputs agree, and prints inferences per second
of both and their ratio for each thread count.

Needs the Debian python3-torch and python3-torchvision, so run it with
/usr/bin/python3:

  /usr/bin/python3 test/Benchmarks/interp_benchmark.py \
      --build build [--models lenet5 resnet18] [--threads 1 2] [--seconds 5]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_models  # noqa: E402  (LeNet5 and export())

MODELS = {
    "lenet5": (lambda: export_models.LeNet5(), (1, 1, 28, 28)),
    "resnet18": (lambda: torchvision.models.resnet18(weights=None),
                 (1, 3, 224, 224)),
}


def time_torch(model, x, threads, seconds):
    torch.set_num_threads(threads)
    with torch.no_grad():
        for _ in range(3):
            model(x)
        runs = 0
        start = time.perf_counter()
        while True:
            model(x)
            runs += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return runs / elapsed


def time_interpreter(binary, onnx_path, threads, seconds, input_path,
                     output_path):
    text = subprocess.run(
        [binary, onnx_path, str(threads), str(seconds), input_path,
         output_path],
        check=True, capture_output=True, text=True).stdout
    match = re.search(r"([0-9.]+) inferences/s", text)
    if not match:
        raise RuntimeError(f"unexpected output of {binary}: {text}")
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build",
                        help="the CMake build directory")
    parser.add_argument("--models", nargs="+", default=list(MODELS),
                        choices=list(MODELS))
    parser.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    binary = os.path.join(args.build, "bin", "nn-interp-benchmark")
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: build the nn-interp-benchmark target")

    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name in args.models:
            make, shape = MODELS[name]
            torch.manual_seed(0)
            model = make()
            onnx_path = os.path.join(tmp, name + ".onnx")
            export_models.export(model, shape, onnx_path)  # also model.eval()
            torch.manual_seed(1)
            x = torch.randn(*shape)
            input_path = os.path.join(tmp, name + ".in.bin")
            output_path = os.path.join(tmp, name + ".out.bin")
            x.numpy().astype("<f4").tofile(input_path)
            with torch.no_grad():
                expected = model(x).numpy().ravel()
            for threads in args.threads:
                ours = time_interpreter(binary, onnx_path, threads,
                                        args.seconds, input_path, output_path)
                got = np.fromfile(output_path, dtype="<f4")
                diff = float(np.max(np.abs(got - expected)))
                scale = float(np.max(np.abs(expected)))
                theirs = time_torch(model, x, threads, args.seconds)
                rows.append((name, threads, ours, theirs, diff, scale))
                print(f"{name} threads={threads}: nn interpreter "
                      f"{ours:.2f}/s, PyTorch {theirs:.2f}/s, PyTorch is "
                      f"{theirs / ours:.2f}x faster; max |output diff| "
                      f"{diff:.2e} (max |output| {scale:.2e})", flush=True)
        print()
        print(f"{'model':10} {'threads':>7} {'nn inf/s':>10} "
              f"{'torch inf/s':>12} {'torch/nn':>9} {'max diff':>9}")
        for name, threads, ours, theirs, diff, _ in rows:
            print(f"{name:10} {threads:7d} {ours:10.2f} {theirs:12.2f} "
                  f"{theirs / ours:9.2f} {diff:9.1e}")


if __name__ == "__main__":
    main()
