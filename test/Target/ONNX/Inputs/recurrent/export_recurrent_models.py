#!/usr/bin/python3
"""Writes the models of ../../recurrent-torch.test: nn.RNN, nn.GRU and
nn.LSTM as PyTorch (Debian python3-torch) exports them with a dynamic batch
axis at opset 13 and 17: a batch_first chain RNN 4->6 (its whole sequence)
-> GRU 6->5 (its whole sequence; PyTorch exports linear_before_reset=1)
-> LSTM 5->8, whose last step y[:, -1] feeds a dense 8->3; and, without
batch_first, a GRU 4->6 whose last step y[-1] feeds a dense 6->2. Files:
  NAME-opsetK.onnx  the exported model (NAME: recurrent, recurrent-seqfirst)
  NAME-input.npy    8 input samples (float32, seeded)
  NAME-output.npy   PyTorch's output on them, computed here at export
  /usr/bin/python3 export_recurrent_models.py [OUT_DIR]
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from torch_export import write_case  # noqa: E402


OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
    os.path.abspath(__file__))


class Chain(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.RNN(4, 6, batch_first=True)
        self.gru = torch.nn.GRU(6, 5, batch_first=True)
        self.lstm = torch.nn.LSTM(5, 8, batch_first=True)
        self.fc = torch.nn.Linear(8, 3)

    def forward(self, x):
        y, _ = self.rnn(x)
        y, _ = self.gru(y)
        y, _ = self.lstm(y)
        return self.fc(y[:, -1])


class SeqFirst(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = torch.nn.GRU(4, 6)
        self.fc = torch.nn.Linear(6, 2)

    def forward(self, x):
        y, _ = self.gru(x.transpose(0, 1))
        return self.fc(y[-1])


torch.manual_seed(2026)
write_case(OUT, "recurrent", Chain().eval(), torch.randn(8, 5, 4))
write_case(OUT, "recurrent-seqfirst", SeqFirst().eval(), torch.randn(8, 5, 4))
