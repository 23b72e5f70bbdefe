#!/usr/bin/python3
"""Writes the models of ../../embedding-torch.test: nn.Embedding(12, 4) as
PyTorch (Debian python3-torch) exports it with a dynamic batch axis at
opset 13 and 17 (Gather of the table by the int64 input), the [N, 5, 4]
rows flattened into a dense 20->3. Files:
  embedding-opsetK.onnx  the exported model
  embedding-input.npy    8 samples of 5 int64 indices in [0, 12) (seeded)
  embedding-output.npy   PyTorch's output on them, computed here at export
  /usr/bin/python3 export_embedding_models.py [OUT_DIR]
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_export import write_case  # noqa: E402


OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.abspath(__file__))


class Embedding(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Embedding(12, 4)
        self.fc = torch.nn.Linear(20, 3)

    def forward(self, idx):
        return self.fc(torch.flatten(self.emb(idx), 1))


torch.manual_seed(2026)
model = Embedding().eval()
x = torch.randint(0, 12, (8, 5), dtype=torch.int64)
write_case(OUT, "embedding", model, x)
