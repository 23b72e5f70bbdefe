#!/usr/bin/python3
"""Writes the QDQ-with-zero-points test data of ../../qdq-zp-torch.test
(Debian python3-torch 1.13, numpy), in this directory:

  zp_mlp.onnx     a dense network fake-quantized with power-of-two scales and
                  nonzero zero points (uint8 activations with zero points 100,
                  7 and 128, int8 per-channel weights with zero points),
                  exported at opset 13 with a dynamic batch axis
  zp_mlp-x.npy    8 input samples
  zp_mlp-y.npy    the quantized graph's outputs, computed here in numpy from
                  QuantizeLinear/DequantizeLinear's definition (float64,
                  round half to even, saturation), not by nn; PyTorch's own
                  output must equal them
  eager_mlp.onnx  PyTorch's default eager-mode QAT (fbgemm: quint8
                  activations with zero points, per-channel qint8 weights,
                  scales not powers of two), converted and exported at opset
                  13: QuantizeLinear -> Cast -> DequantizeLinear
  eager_mlp-x.npy, eager_mlp-y.npy
                  inputs and the outputs of the dequantized network (the
                  integer weights times their scales, no rounding of
                  activations: what nn imports when no ap_fixed type is exact)

  /usr/bin/python3 export_qdq_zp.py
"""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))

# (scale, zero point, qmin, qmax) of each quantizer; weights per channel.
X_Q = (2.0 ** -4, 100, 0, 255)
H_Q = (2.0 ** -3, 7, 0, 255)
Y_Q = (2.0 ** -4, 128, 0, 255)
W1_SCALES = [2.0 ** -6, 2.0 ** -5, 2.0 ** -6, 2.0 ** -4]
W1_ZPS = [3, -5, 0, 10]
B1_Q = (2.0 ** -6, 5, -128, 127)
W2_Q = (2.0 ** -5, -3, -128, 127)
B2_Q = (2.0 ** -5, 0, -128, 127)


class ZpMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(6, 4), nn.Linear(4, 3)

    def forward(self, x):
        fq = torch.fake_quantize_per_tensor_affine
        x = fq(x, *X_Q)
        w1 = torch.fake_quantize_per_channel_affine(
            self.fc1.weight, torch.tensor(W1_SCALES),
            torch.tensor(W1_ZPS, dtype=torch.int32), 0, -128, 127)
        h = fq(F.linear(x, w1, fq(self.fc1.bias, *B1_Q)), *H_Q)
        h = torch.relu(h)
        w2 = fq(self.fc2.weight, *W2_Q)
        return fq(F.linear(h, w2, fq(self.fc2.bias, *B2_Q)), *Y_Q)


def qdq(v, scale, zp, lo, hi):
    """QuantizeLinear then DequantizeLinear, by their definition (ONNX:
    saturate(round(x / scale) + zero_point), then (q - zero_point) * scale;
    np.rint rounds half to even as ONNX does). Scale and zero point may be
    per-channel arrays that broadcast."""
    q = np.clip(np.rint(v / scale) + zp, lo, hi)
    return (q - zp) * scale


def zp_reference(m, x):
    w1 = m.fc1.weight.detach().numpy().astype(np.float64)
    b1 = m.fc1.bias.detach().numpy().astype(np.float64)
    w2 = m.fc2.weight.detach().numpy().astype(np.float64)
    b2 = m.fc2.bias.detach().numpy().astype(np.float64)
    s = np.array(W1_SCALES)[:, None]
    z = np.array(W1_ZPS, dtype=np.float64)[:, None]
    xd = qdq(x.astype(np.float64), *X_Q)
    h = qdq(xd @ qdq(w1, s, z, -128, 127).T + qdq(b1, *B1_Q), *H_Q)
    h = np.maximum(h, 0.0)
    return qdq(h @ qdq(w2, *W2_Q).T + qdq(b2, *B2_Q), *Y_Q)


class Eager(nn.Module):
    def __init__(self):
        super().__init__()
        self.quant = torch.ao.quantization.QuantStub()
        self.fc1, self.relu, self.fc2 = nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 3)
        self.dequant = torch.ao.quantization.DeQuantStub()

    def forward(self, x):
        return self.dequant(self.fc2(self.relu(self.fc1(self.quant(x)))))


def eager_model():
    m = Eager().train()
    m.qconfig = torch.ao.quantization.get_default_qat_qconfig("fbgemm")
    torch.ao.quantization.prepare_qat(m, inplace=True)
    g = torch.Generator().manual_seed(3)
    for _ in range(4):
        m(torch.randn(32, 6, generator=g) * 2)
    m.eval()
    return torch.ao.quantization.convert(m)


def eager_reference(q, x):
    """The network nn imports: every weight dequantized ((int - zero point) *
    scale, per channel), activations in float (the pairs' scales are not
    powers of two). The bias as the export writes it (torch.onnx's
    requantize_bias_helper): int32 = Cast(bias / (weight scale * input
    scale)) in float32, truncating, then DequantizeLinear with that scale."""
    f32 = np.float32
    y = x.astype(np.float64)
    in_scale = f32(q.quant.scale)
    for fc, relu in ((q.fc1, True), (q.fc2, False)):
        w = fc.weight()
        w_scales = w.q_per_channel_scales().numpy().astype(f32)
        wd = ((w.int_repr().numpy().astype(np.float64) -
               w.q_per_channel_zero_points().numpy()[:, None]) *
              w_scales[:, None])
        b_scale = (w_scales * in_scale).astype(f32)
        b_int = np.trunc(fc.bias().detach().numpy().astype(f32) / b_scale)
        y = y @ wd.T + (b_int.astype(f32) * b_scale).astype(f32)
        if relu:
            y = np.maximum(y, 0.0)
        in_scale = f32(fc.scale)
    return y


def save(name, model, x, y):
    torch.onnx.export(model, torch.from_numpy(x[:1]),
                      os.path.join(HERE, name + ".onnx"), opset_version=13,
                      input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "N"}, "y": {0: "N"}})
    np.save(os.path.join(HERE, name + "-x.npy"), x)
    np.save(os.path.join(HERE, name + "-y.npy"), y.astype(np.float32))


def main():
    torch.manual_seed(11)
    m = ZpMlp().eval()
    # Inputs that reach both saturation bounds of the input quantizer
    # ([-6.25, 9.6875]).
    x = (np.random.default_rng(5).standard_normal((8, 6)) * 4).astype(np.float32)
    y = zp_reference(m, x)
    with torch.no_grad():
        torch_y = m(torch.from_numpy(x)).numpy()
    assert np.array_equal(torch_y.astype(np.float64), y), (torch_y, y)
    save("zp_mlp", m, x, y)

    torch.manual_seed(12)
    q = eager_model()
    x = (np.random.default_rng(6).standard_normal((8, 6))).astype(np.float32)
    save("eager_mlp", q, x, eager_reference(q, x))


if __name__ == "__main__":
    main()
