#!/usr/bin/python3
"""Writes jet_tagging_mlp.onnx, the bundled example: the 16-64-32-32-5 MLP
hls4ml's tutorials start from, with batch norm after each hidden layer, as
PyTorch exports it (opset 13). Weights and batch-norm statistics are seeded
random numbers, not a trained network. The example runs without Python; this
script only records how the file was made (Debian python3-torch).

Usage: /usr/bin/python3 export_jet_tagging_mlp.py [OUT.onnx]
"""
import sys

import torch


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "jet_tagging_mlp.onnx"
    torch.manual_seed(2026)
    layers = []
    widths = [16, 64, 32, 32]
    for i in range(3):
        bn = torch.nn.BatchNorm1d(widths[i + 1])
        with torch.no_grad():
            bn.running_mean.uniform_(-0.5, 0.5)
            bn.running_var.uniform_(0.5, 2.0)
            bn.weight.uniform_(0.5, 1.5)
            bn.bias.uniform_(-0.2, 0.2)
        layers += [torch.nn.Linear(widths[i], widths[i + 1]), bn,
                   torch.nn.ReLU()]
    layers += [torch.nn.Linear(32, 5), torch.nn.Softmax(dim=1)]
    model = torch.nn.Sequential(*layers).eval()
    torch.onnx.export(model, torch.randn(1, 16), out, opset_version=13,
                      input_names=["jets"], output_names=["classes"],
                      dynamic_axes={"jets": {0: "batch"},
                                    "classes": {0: "batch"}})


if __name__ == "__main__":
    main()
