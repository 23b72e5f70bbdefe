#!/usr/bin/python3
"""Trains the Fashion-MNIST MLP of the pruning benchmark
(test/Benchmarks/prune_fashion_mnist.py; not part of the build, run by hand).

    /usr/bin/python3 test/Models/fashion_mnist/train_mlp.py [OUTDIR]

784-128-64-10 with ReLU (flatten of the [N,1,28,28] image first), trained
as train.py trains the CNN (same data, normalization, seeds, Adam, batch
128) for 3 epochs. Needs Debian's python3-torch and dataset-fashion-mnist.
Writes fashion_mlp.onnx (opset 13, input "input" [N,1,28,28], output
"logits" [N,10]) to OUTDIR (default: this directory).
"""
import os
import sys

import torch
import torch.nn as tnn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fashion_train import load, seed, train  # noqa: E402

EPOCHS = 3


class Mlp(tnn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = tnn.Linear(784, 128)
        self.fc2 = tnn.Linear(128, 64)
        self.fc3 = tnn.Linear(64, 10)

    def forward(self, x):
        x = torch.flatten(x, 1)
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    seed(deterministic=False)
    data = load()
    model = Mlp()
    train(model, data, lr=1e-3, epochs=EPOCHS)
    x_test = data[2]
    torch.onnx.export(model, x_test[:1], os.path.join(out, "fashion_mlp.onnx"),
                      input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}},
                      opset_version=13)


if __name__ == "__main__":
    main()
