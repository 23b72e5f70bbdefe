#!/usr/bin/python3
"""Writes the models of ../../layer-norm-torch.test: nn.LayerNorm as PyTorch
(Debian python3-torch 1.13) exports it with a dynamic batch axis, at opset
13 (the ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add subgraph) and 17
(the LayerNormalization op): over the last axis of [N, 4, 6] tokens after
a dense 6->8, over the last two axes ([4, 8]) after a ReLU, then with
PyTorch's default scale and bias (ones and zeros) before a dense 8->3; the
others' scales and biases are randomized. (PyTorch 1.13 cannot export
elementwise_affine=False at opset 17; layer-norm.onnxtext imports that
subgraph at opset 13.) Files:
  layernorm-opsetK.onnx  the exported model
  layernorm-input.npy    8 input samples (float32, seeded, scaled by 3)
  layernorm-output.npy   PyTorch's output on them, computed here at export
  /usr/bin/python3 export_layernorm_models.py [OUT_DIR]
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_export import write_case  # noqa: E402


OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.abspath(__file__))


class Norms(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(6, 8)
        self.norm1 = torch.nn.LayerNorm(8)
        self.norm2 = torch.nn.LayerNorm([4, 8], eps=1e-3)
        self.norm3 = torch.nn.LayerNorm(8)
        self.fc2 = torch.nn.Linear(8, 3)
        with torch.no_grad():
            for norm in (self.norm1, self.norm2):
                norm.weight.uniform_(0.5, 1.5)
                norm.bias.uniform_(-0.5, 0.5)

    def forward(self, x):
        x = self.norm1(self.fc1(x))
        x = self.norm2(torch.relu(x))
        return self.fc2(self.norm3(x))


torch.manual_seed(2026)
model = Norms().eval()
x = 3 * torch.randn(8, 4, 6)
write_case(OUT, "layernorm", model, x)
