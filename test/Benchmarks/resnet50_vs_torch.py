#!/usr/bin/python3
"""ResNet-50 (torchvision, random weights) through nn-interp against PyTorch.

ResNet-50 has more constants (161 weight tensors) than any model of the
test suite: it guards the interpreter's constant cache, which once held
dangling pointers past ~48 constants. Run it with a sanitizer build
(docs/Security.md) to check the interpreter under ASan + UBSan on a large
model. Needs Debian's python3-torch and python3-torchvision; not in ctest
(it takes minutes under ASan).

Usage: /usr/bin/python3 resnet50_vs_torch.py BUILD_DIR [WORK_DIR]

The reference is PyTorch in float64. Over 50 layers float32 rounding alone
puts a few outputs near zero outside ONNX's backend-test tolerance
(|a - e| <= 1e-7 + 1e-3 |e|), for PyTorch's own float32 run as well, so the
script prints both errors and fails when nn-interp's largest error exceeds
PyTorch float32's.
"""
import os
import subprocess
import sys
import time

import numpy as np
import torch
import torchvision


def main():
    build = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else os.path.join(build, "resnet50")
    os.makedirs(work, exist_ok=True)
    model_path = os.path.join(work, "resnet50.onnx")
    torch.manual_seed(0)
    model = torchvision.models.resnet50(weights=None).eval()
    # Batch-norm statistics away from the identity, so that folding and the
    # normalisation itself are exercised.
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.running_mean.uniform_(-0.1, 0.1)
                module.running_var.uniform_(0.5, 1.5)
    x = torch.randn(2, 3, 224, 224)
    torch.onnx.export(model, x[:1], model_path, opset_version=17,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"},
                                    "output": {0: "batch"}})
    with torch.no_grad():
        torch_f32 = model(x).numpy()
        expected = model.double()(x.double()).numpy()
    inputs = os.path.join(work, "input.npy")
    outputs = os.path.join(work, "output.npy")
    np.save(inputs, x.numpy())
    start = time.time()
    subprocess.run([os.path.join(build, "bin", "nn-interp"), model_path,
                    "--input", inputs, "--output", outputs], check=True)
    seconds = time.time() - start
    actual = np.load(outputs)
    bound = 1e-7 + 1e-3 * np.abs(expected)
    errors = {}
    for name, values in (("nn-interp", actual), ("PyTorch float32", torch_f32)):
        diff = np.abs(values - expected)
        errors[name] = diff.max()
        print(f"{name}: max |diff| to float64 {diff.max():.3g}, "
              f"{int(np.count_nonzero(diff > bound))} of {diff.size} outputs "
              f"outside ONNX's tolerance")
    print(f"nn-interp on ResNet-50, 2 samples: {seconds:.1f} s")
    return 1 if errors["nn-interp"] > errors["PyTorch float32"] else 0


if __name__ == "__main__":
    sys.exit(main())
