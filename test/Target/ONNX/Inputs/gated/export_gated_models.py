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

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_export import write_case  # noqa: E402


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
write_case(OUT, "gated_mlp", model, x)
