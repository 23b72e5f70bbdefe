#!/usr/bin/python3
"""Writes the models of ../../gated-torch.test: a small MLP with the gated
activations PyTorch exports as subgraphs or ops depending on the opset
(Debian python3-torch 1.13), with a dynamic batch axis, at opset 13 and 17:
nn.GELU() (Div/Erf/Add/Mul/Mul at both), nn.GELU(approximate='tanh') (the
Mul/Add/Tanh chain of its formula) and nn.Hardswish (Mul(x, HardSigmoid(x))
at opset 13, the HardSwish op at 17). Files:
  gated_mlp-opsetK.onnx  the exported model
  gated_mlp-input.npy    8 input samples (float32, seeded, scaled by 3 so
                         that they reach both saturated sides of HardSwish)
  gated_mlp-output.npy   PyTorch's output on them, computed here at export
  /usr/bin/python3 export_gated_models.py [OUT_DIR]
"""
import os
import sys

import numpy as np
import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.abspath(__file__))


class GatedMlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(6, 8)
        self.gelu = torch.nn.GELU()
        self.fc2 = torch.nn.Linear(8, 8)
        self.gelu_tanh = torch.nn.GELU(approximate="tanh")
        self.fc3 = torch.nn.Linear(8, 8)
        self.hswish = torch.nn.Hardswish()
        self.fc4 = torch.nn.Linear(8, 3)

    def forward(self, x):
        x = self.gelu(self.fc1(x))
        x = self.gelu_tanh(self.fc2(x))
        return self.fc4(self.hswish(self.fc3(x)))


torch.manual_seed(2026)
model = GatedMlp().eval()
x = 3 * torch.randn(8, 6)
with torch.no_grad():
    y = model(x)
np.save(os.path.join(OUT, "gated_mlp-input.npy"), x.numpy())
np.save(os.path.join(OUT, "gated_mlp-output.npy"), y.numpy())
for opset in (13, 17):
    path = os.path.join(OUT, f"gated_mlp-opset{opset}.onnx")
    torch.onnx.export(model, x[:1], path, opset_version=opset,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"},
                                    "output": {0: "batch"}})
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
