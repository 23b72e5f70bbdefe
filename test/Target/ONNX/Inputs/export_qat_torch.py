#!/usr/bin/python3
# Writes qat-torch.onnx (../qdq-torch.test): fake-quantized input, weight and
# activation as PyTorch 1.13 exports them (QuantizeLinear/DequantizeLinear
# pairs, opset 13).
#   /usr/bin/python3 export_qat_torch.py qat-torch.onnx
import sys
import torch, torch.nn as nn
torch.manual_seed(0)
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)
        self.conv = nn.Conv2d(1, 2, 3)
    def forward(self, x):
        x = torch.fake_quantize_per_tensor_affine(x, 0.0625, 0, -128, 127)
        y = self.conv(x)
        w = torch.fake_quantize_per_tensor_affine(self.fc.weight, 2**-6, 0, -128, 127)
        y = torch.flatten(torch.relu(y), 1)
        y = torch.fake_quantize_per_tensor_affine(y, 0.125, 0, 0, 255)
        return torch.nn.functional.linear(y, w, self.fc.bias)
m = M().eval()
torch.onnx.export(m, torch.randn(1, 1, 4, 4), sys.argv[1], opset_version=13, input_names=["x"], output_names=["y"])
