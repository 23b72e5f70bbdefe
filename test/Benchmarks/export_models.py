#!/usr/bin/python3
"""Exports the benchmark models to ONNX with PyTorch (Debian python3-torch and
python3-torchvision), with random weights: the benchmarks measure the
compiler, not accuracy. Not part of the build; run by run_import_benchmark.sh.

Usage: /usr/bin/python3 export_models.py OUT_DIR
"""
import os
import sys

import torch
import torchvision


class LeNet5(torch.nn.Module):
    """LeNet-5 with batch norm, max and average pooling (28x28 input)."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 6, 5, padding=2)
        self.bn1 = torch.nn.BatchNorm2d(6)
        self.pool1 = torch.nn.MaxPool2d(2)
        self.conv2 = torch.nn.Conv2d(6, 16, 5)
        self.bn2 = torch.nn.BatchNorm2d(16)
        self.pool2 = torch.nn.AvgPool2d(2)
        self.fc1 = torch.nn.Linear(16 * 5 * 5, 120)
        self.fc2 = torch.nn.Linear(120, 84)
        self.fc3 = torch.nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(torch.relu(self.bn1(self.conv1(x))))
        x = self.pool2(torch.relu(self.bn2(self.conv2(x))))
        x = torch.flatten(x, 1)
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return self.fc3(x)


class FashionMlp(torch.nn.Module):
    """The Fashion-MNIST MLP 784-128-64-10 with ReLU (hls4ml's tutorial
    size), on flattened 28x28 images."""

    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(784, 128)
        self.fc2 = torch.nn.Linear(128, 64)
        self.fc3 = torch.nn.Linear(64, 10)

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return self.fc3(x)


def export(model, shape, path):
    torch.manual_seed(0)
    model.eval()
    torch.onnx.export(model, torch.randn(*shape), path, opset_version=17,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"},
                                    "output": {0: "batch"}})
    print(f"wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB)")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    export(LeNet5(), (1, 1, 28, 28), os.path.join(out, "lenet5.onnx"))
    export(FashionMlp(), (1, 784), os.path.join(out, "fashion_mlp.onnx"))
    export(torchvision.models.resnet18(weights=None), (1, 3, 224, 224),
           os.path.join(out, "resnet18.onnx"))
    export(torchvision.models.mobilenet_v2(weights=None), (1, 3, 224, 224),
           os.path.join(out, "mobilenet_v2.onnx"))


if __name__ == "__main__":
    main()
