#!/usr/bin/python3
"""Writes the dynamic-shape idiom models of ../../shape-folding-torch.test:
small CNNs as hls4ml users export them from PyTorch (Debian python3-torch
1.13), with a dynamic batch axis, at opset 13 and 17. For each model NAME:
  NAME-opsetK.onnx  the exported model
  NAME-input.npy    4 input samples (float32, seeded)
  NAME-output.npy   PyTorch's output on them, computed here at export time
The idioms: x.view(x.size(0), -1) (Shape/Gather/Unsqueeze/Concat/Reshape),
torch.flatten(x, 1), nn.ZeroPad2d (F.pad's pad computation:
ConstantOfShape/Concat/Reshape/Slice/Transpose/Cast at opset 13),
nn.Upsample and F.interpolate to sizes computed from the shape (Resize's
sizes from Shape/Slice/Cast/Concat).
  /usr/bin/python3 export_shape_models.py [OUT_DIR]
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_export import write_case  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.abspath(__file__))


class ViewCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 3)
        self.pool = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(2 * 2 * 2, 3)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        return self.fc(x.view(x.size(0), -1))


class FlattenCnn(ViewCnn):
    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        return self.fc(torch.flatten(x, 1))


class PadCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.pad = torch.nn.ZeroPad2d((1, 2, 0, 1))
        self.conv = torch.nn.Conv2d(1, 2, 3)
        self.fc = torch.nn.Linear(2 * 5 * 7, 3)

    def forward(self, x):
        x = torch.relu(self.conv(self.pad(x)))
        return self.fc(x.view(x.size(0), -1))


class UpsampleCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.up = torch.nn.Upsample(scale_factor=2, mode="nearest")
        self.conv = torch.nn.Conv2d(1, 2, 3, stride=2)
        self.fc = torch.nn.Linear(2 * 10 * 10, 3)

    def forward(self, x):
        y = self.conv(self.up(x))
        # Resize to sizes computed from the shape, then view.
        y = torch.nn.functional.interpolate(
            y, size=(y.size(2) * 2, y.size(3) * 2))
        return self.fc(y.reshape(y.size(0), -1))


MODELS = {"view_cnn": ViewCnn, "flatten_cnn": FlattenCnn, "pad_cnn": PadCnn,
          "upsample_cnn": UpsampleCnn}
SHAPE = (1, 6, 6)

for name, ctor in MODELS.items():
    torch.manual_seed(2026)
    model = ctor().eval()
    write_case(OUT, name, model, torch.randn(4, *SHAPE))
