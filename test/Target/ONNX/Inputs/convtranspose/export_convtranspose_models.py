#!/usr/bin/python3
"""Writes the models of ../../conv-transpose-torch.test: nn.ConvTranspose2d
and nn.ConvTranspose1d as PyTorch (Debian python3-torch 1.13) exports them
with a dynamic batch axis, at opset 13 and 17:
  deconv2d: ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1)
            on [N, 2, 4, 4] -> [N, 3, 8, 8], ReLU, ConvTranspose2d(3, 2,
            (2, 3), stride=(1, 2), bias=False) -> [N, 2, 9, 17]
  deconv1d: ConvTranspose1d(2, 2, 4, stride=3, padding=2, dilation=2)
            on [N, 2, 5] -> [N, 2, 15]
Files:
  NAME-opsetK.onnx  the exported model
  NAME-input.npy    8 input samples (float32, seeded)
  NAME-output.npy   PyTorch's output on them, computed here at export
  /usr/bin/python3 export_convtranspose_models.py [OUT_DIR]
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_export import write_case  # noqa: E402


OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.abspath(__file__))


class Deconv2d(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.up = torch.nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1,
                                           output_padding=1)
        self.up2 = torch.nn.ConvTranspose2d(3, 2, (2, 3), stride=(1, 2),
                                            bias=False)

    def forward(self, x):
        return self.up2(torch.relu(self.up(x)))


class Deconv1d(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.up = torch.nn.ConvTranspose1d(2, 2, 4, stride=3, padding=2,
                                           dilation=2)

    def forward(self, x):
        return self.up(x)


for name, ctor, shape in (("deconv2d", Deconv2d, (8, 2, 4, 4)),
                          ("deconv1d", Deconv1d, (8, 2, 5))):
    torch.manual_seed(2026)
    model = ctor().eval()
    write_case(OUT, name, model, torch.randn(*shape))
