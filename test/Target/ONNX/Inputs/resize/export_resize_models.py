#!/usr/bin/python3
"""Writes the models of ../../resize-linear-torch.test: linear and bilinear
upsampling as PyTorch (Debian python3-torch 1.13) exports them with a
dynamic batch axis, at opset 13 and 17 (Resize in mode linear):
  bilinear:  on [N, 2, 3, 4], F.interpolate(x, scale_factor=2,
             mode="bilinear") (pytorch_half_pixel, [N, 2, 6, 8]) and
             F.interpolate(x, size=(6, 7), mode="bilinear",
             align_corners=True) (align_corners), concatenated along the
             width: [N, 2, 6, 15]
  linear1d:  F.interpolate(x, scale_factor=3, mode="linear") on [N, 2, 5]
Files:
  NAME-opsetK.onnx  the exported model
  NAME-input.npy    8 input samples (float32, seeded)
  NAME-output.npy   PyTorch's output on them, computed here at export
  /usr/bin/python3 export_resize_models.py [OUT_DIR]
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_export import write_case  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.abspath(__file__))


class Bilinear(torch.nn.Module):
    def forward(self, x):
        half = F.interpolate(x, scale_factor=2, mode="bilinear")
        corners = F.interpolate(x, size=(6, 7), mode="bilinear",
                                align_corners=True)
        return torch.cat([half, corners], 3)


class Linear1d(torch.nn.Module):
    def forward(self, x):
        return F.interpolate(x, scale_factor=3, mode="linear")


for name, ctor, shape in (("bilinear", Bilinear, (8, 2, 3, 4)),
                          ("linear1d", Linear1d, (8, 2, 5))):
    torch.manual_seed(2026)
    model = ctor().eval()
    write_case(OUT, name, model, torch.randn(*shape))
