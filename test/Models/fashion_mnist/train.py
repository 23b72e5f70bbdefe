#!/usr/bin/python3
"""Trains the small Fashion-MNIST CNN whose ONNX export and test samples are
committed next to this script (not part of the build; run by hand).

    /usr/bin/python3 test/Models/fashion_mnist/train.py [OUTDIR]

Needs Debian's python3-torch, python3-onnx and dataset-fashion-mnist
(/usr/share/datasets/fashion-mnist). Writes to OUTDIR (default: this
directory):
  fashion_cnn.onnx   opset 13, input "input" [N,1,28,28], output "logits" [N,10]
  samples.npy        float32 [300,1,28,28]: the first 300 test images,
                     normalized as in training ((x/255 - MEAN) / STD)
  labels.npy         float32 [300]: their labels (class indices)
Everything is seeded; on 2 cores it takes about two minutes.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as tnn

from fashion_train import load, seed, train

NUM_SAMPLES = 300
EPOCHS = 3


class Net(tnn.Module):
    def __init__(self):
        super().__init__()
        self.features = tnn.Sequential(
            tnn.Conv2d(1, 8, 3, padding=1), tnn.BatchNorm2d(8), tnn.ReLU(),
            tnn.MaxPool2d(2),
            tnn.Conv2d(8, 16, 3, padding=1), tnn.BatchNorm2d(16), tnn.ReLU(),
            tnn.MaxPool2d(2))
        self.fc = tnn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    seed(deterministic=True)
    data = load()
    x_test, y_test = data[2], data[3]
    model = Net()
    train(model, data, lr=2e-3, epochs=EPOCHS)

    model.eval()
    samples = x_test[:NUM_SAMPLES].numpy().copy()
    labels = y_test[:NUM_SAMPLES].numpy().copy()
    with torch.no_grad():
        acc = (model(torch.from_numpy(samples)).argmax(1).numpy() == labels).mean()
    print(f"accuracy on the {NUM_SAMPLES} shipped samples: {acc:.4f}")
    np.save(os.path.join(out, "samples.npy"), samples.astype(np.float32))
    # float32, the element types nn-interp reads (class indices are exact)
    np.save(os.path.join(out, "labels.npy"), labels.astype(np.float32))
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28),
                      os.path.join(out, "fashion_cnn.onnx"), opset_version=13,
                      input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}})
    print("wrote", out)


if __name__ == "__main__":
    main()
