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
import random
import sys

import numpy as np
import torch
import torch.nn as tnn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fashion_data import normalize, read_idx  # noqa: E402

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
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    x_train = torch.from_numpy(normalize(read_idx("train-images-idx3-ubyte.gz")))
    y_train = torch.from_numpy(read_idx("train-labels-idx1-ubyte.gz").astype(np.int64))
    x_test = torch.from_numpy(normalize(read_idx("t10k-images-idx3-ubyte.gz")))
    y_test = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte.gz").astype(np.int64))
    model = Mlp()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = tnn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(0)
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(x_train), generator=generator)
        for i in range(0, len(order), 128):
            idx = order[i:i + 128]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            acc = (model(x_test).argmax(1) == y_test).float().mean().item()
        print("epoch %d: test accuracy %.4f" % (epoch + 1, acc))
    torch.onnx.export(model, x_test[:1], os.path.join(out, "fashion_mlp.onnx"),
                      input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}},
                      opset_version=13)


if __name__ == "__main__":
    main()
