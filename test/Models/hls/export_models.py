#!/usr/bin/python3
"""Exports the small networks of the HLS acceptance matrix
(test/Conversion/e2e-matrix.sh) to ONNX with PyTorch (Debian python3-torch):
random seeded weights, batch-norm statistics randomized so that folding them
changes the weights. Not part of the build; the .onnx files are committed.

Usage:
  /usr/bin/python3 export_models.py [OUT_DIR [NAME...]] write the models
  /usr/bin/python3 export_models.py --check BUILD_DIR  compare nn-interp's
      float32 run of each committed model with PyTorch on the matrix inputs

OUT_DIR defaults to this script's directory.
"""
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def randomize_bn(bn):
    with torch.no_grad():
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.2, 0.2)


class Mlp(torch.nn.Module):
    """16-64-32-32-5, batch norm and ReLU after each hidden layer, softmax:
    the jet-tagging MLP of hls4ml's tutorials (and of
    python-free-examples/jet_tagging_mlp.onnx)."""

    def __init__(self):
        super().__init__()
        widths = [16, 64, 32, 32, 5]
        for i in range(4):
            setattr(self, f"fc{i + 1}",
                    torch.nn.Linear(widths[i], widths[i + 1]))
        for i in range(3):
            bn = torch.nn.BatchNorm1d(widths[i + 1])
            randomize_bn(bn)
            setattr(self, f"bn{i + 1}", bn)
        self.softmax = torch.nn.Softmax(dim=1)

    def forward(self, x):
        x = torch.relu(self.bn1(self.fc1(x)))
        x = torch.relu(self.bn2(self.fc2(x)))
        x = torch.relu(self.bn3(self.fc3(x)))
        return self.softmax(self.fc4(x))


class ConvResidual(torch.nn.Module):
    """[N,3,8,8]: conv 3x3 (3->4, pad 1) - relu - conv 3x3 (4->3, pad 1) -
    add the input - relu - flatten - dense 192->10."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 4, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(4, 3, 3, padding=1)
        self.fc = torch.nn.Linear(3 * 8 * 8, 10)

    def forward(self, x):
        y = self.conv2(torch.relu(self.conv1(x)))
        y = torch.relu(y + x)
        return self.fc(torch.flatten(y, 1))


class LeNet5(torch.nn.Module):
    """LeNet-5 on a 16x16 input: conv 5x5 (1->6, pad 2) - bn - relu -
    max pool 2 - conv 5x5 (6->16) - bn - relu - avg pool 2 - flatten -
    dense 64->120 - relu - dense 120->84 - relu - dense 84->10."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 6, 5, padding=2)
        self.bn1 = torch.nn.BatchNorm2d(6)
        self.pool1 = torch.nn.MaxPool2d(2)
        self.conv2 = torch.nn.Conv2d(6, 16, 5)
        self.bn2 = torch.nn.BatchNorm2d(16)
        self.pool2 = torch.nn.AvgPool2d(2)
        self.fc1 = torch.nn.Linear(16 * 2 * 2, 120)
        self.fc2 = torch.nn.Linear(120, 84)
        self.fc3 = torch.nn.Linear(84, 10)
        randomize_bn(self.bn1)
        randomize_bn(self.bn2)

    def forward(self, x):
        x = self.pool1(torch.relu(self.bn1(self.conv1(x))))
        x = self.pool2(torch.relu(self.bn2(self.conv2(x))))
        x = torch.flatten(x, 1)
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return self.fc3(x)


class Conv1d(torch.nn.Module):
    """[N,4,32]: conv1d k3 (4->8, pad 1) - relu - conv1d k3 (8->8) - bn -
    relu - max pool 2 - flatten - dense 120->5."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv1d(4, 8, 3, padding=1)
        self.conv2 = torch.nn.Conv1d(8, 8, 3)
        self.bn2 = torch.nn.BatchNorm1d(8)
        self.pool = torch.nn.MaxPool1d(2)
        self.fc = torch.nn.Linear(8 * 15, 5)
        randomize_bn(self.bn2)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = self.pool(torch.relu(self.bn2(self.conv2(x))))
        return self.fc(torch.flatten(x, 1))


class Concat2(torch.nn.Module):
    """Two inputs [N,8] and [N,6]: dense 8->8 - relu and dense 6->4 - relu,
    concatenated on the feature axis, dense 12->3."""

    def __init__(self):
        super().__init__()
        self.a = torch.nn.Linear(8, 8)
        self.b = torch.nn.Linear(6, 4)
        self.head = torch.nn.Linear(12, 3)

    def forward(self, a, b):
        y = torch.cat([torch.relu(self.a(a)), torch.relu(self.b(b))], dim=1)
        return self.head(y)


class BnStandalone(torch.nn.Module):
    """[N,3,8,8]: batch norms that no conv or dense absorbs: bn0 on the
    input, bn1 after a max pool, bn2 after a residual add, bn3 (1-D) after
    the flatten. conv 3x3 (3->4, pad 1) - relu - max pool 2 - bn1 -
    conv 3x3 (4->4, pad 1) + bn1's output - bn2 - relu - flatten - bn3 -
    dense 64->5."""

    def __init__(self):
        super().__init__()
        self.bn0 = torch.nn.BatchNorm2d(3)
        self.conv1 = torch.nn.Conv2d(3, 4, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.bn1 = torch.nn.BatchNorm2d(4)
        self.conv2 = torch.nn.Conv2d(4, 4, 3, padding=1)
        self.bn2 = torch.nn.BatchNorm2d(4)
        self.bn3 = torch.nn.BatchNorm1d(64)
        self.fc = torch.nn.Linear(64, 5)
        for bn in (self.bn0, self.bn1, self.bn2, self.bn3):
            randomize_bn(bn)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(self.bn0(x))))
        x = self.bn1(x)
        x = torch.relu(self.bn2(self.conv2(x) + x))
        return self.fc(self.bn3(torch.flatten(x, 1)))


class GatedActivations(torch.nn.Module):
    """16-32-32-16-5 with the gated activations PyTorch exports as
    subgraphs at opset 13, each imported as one layer: GELU (erf form),
    GELU (tanh form), Hardswish (Mul(x, HardSigmoid(x))); then Softsign
    (one ONNX node, a table activation)."""

    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(16, 32)
        self.gelu = torch.nn.GELU()
        self.fc2 = torch.nn.Linear(32, 32)
        self.gelu_tanh = torch.nn.GELU(approximate="tanh")
        self.fc3 = torch.nn.Linear(32, 16)
        self.hswish = torch.nn.Hardswish()
        self.softsign = torch.nn.Softsign()
        self.fc4 = torch.nn.Linear(16, 5)

    def forward(self, x):
        x = self.gelu(self.fc1(x))
        x = self.gelu_tanh(self.fc2(x))
        x = self.softsign(self.hswish(self.fc3(x)))
        return self.fc4(x)


class LayerNorms(torch.nn.Module):
    """Two nn.LayerNorm as PyTorch exports them at opset 13 (the
    ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add subgraph, imported
    as one layer): over the 8 features of each of 4 tokens, then, after
    flatten and a dense 32->16 with ReLU, over the 16 features; dense
    16->5. Scales and biases randomized (PyTorch's are ones and zeros)."""

    def __init__(self):
        super().__init__()
        self.norm1 = torch.nn.LayerNorm(8)
        self.fc1 = torch.nn.Linear(32, 16)
        self.norm2 = torch.nn.LayerNorm(16)
        self.fc2 = torch.nn.Linear(16, 5)
        with torch.no_grad():
            for norm in (self.norm1, self.norm2):
                norm.weight.uniform_(0.5, 1.5)
                norm.bias.uniform_(-0.5, 0.5)

    def forward(self, x):
        x = torch.flatten(self.norm1(x), 1)
        x = self.norm2(torch.relu(self.fc1(x)))
        return self.fc2(x)


class Upsample(torch.nn.Module):
    """Two upsamplings, each imported as a dense layer on the flattened
    input: ConvTranspose2d 2->4, kernel 3, stride 2, padding 1,
    output_padding 1 ([N,2,4,4] -> [N,4,8,8]), ReLU, conv 3x3 4->2 pad 1,
    plus the input upsampled bilinearly by 2 (pytorch_half_pixel), flatten,
    dense 128->5."""

    def __init__(self):
        super().__init__()
        self.up = torch.nn.ConvTranspose2d(2, 4, 3, stride=2, padding=1,
                                           output_padding=1)
        self.conv = torch.nn.Conv2d(4, 2, 3, padding=1)
        self.fc = torch.nn.Linear(128, 5)

    def forward(self, x):
        y = self.conv(torch.relu(self.up(x)))
        y = y + torch.nn.functional.interpolate(x, scale_factor=2,
                                                mode="bilinear")
        return self.fc(torch.flatten(y, 1))


class Embedding(torch.nn.Module):
    """nn.Embedding(16, 4) over 6 int64 tokens (exported as Gather of the
    table by the integer input), flatten, dense 24->8, ReLU, dense 8->3."""

    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Embedding(16, 4)
        self.fc1 = torch.nn.Linear(24, 8)
        self.fc2 = torch.nn.Linear(8, 3)

    def forward(self, tokens):
        x = torch.flatten(self.emb(tokens), 1)
        return self.fc2(torch.relu(self.fc1(x)))


# Inputs of these models are int64 indices in [0, INT_INPUT_ROWS) (the
# matrix feeds [-4, 20): rows out of range are clamped, which PyTorch
# refuses, so the float check stays in range).
INT_INPUTS = {"embedding": 16}

# name -> (constructor, input names and shapes (batch 1), opset).
MODELS = {
    "mlp": (Mlp, [("jets", (1, 16))], 13),
    "conv_residual": (ConvResidual, [("image", (1, 3, 8, 8))], 17),
    "lenet5": (LeNet5, [("digit", (1, 1, 16, 16))], 17),
    "conv1d": (Conv1d, [("signal", (1, 4, 32))], 15),
    "concat2": (Concat2, [("tracks", (1, 8)), ("calo", (1, 6))], 14),
    "bn_standalone": (BnStandalone, [("image", (1, 3, 8, 8))], 13),
    "gated": (GatedActivations, [("features", (1, 16))], 13),
    "layernorm": (LayerNorms, [("tokens", (1, 4, 8))], 13),
    "upsample": (Upsample, [("image", (1, 2, 4, 4))], 13),
    "embedding": (Embedding, [("tokens", (1, 6))], 13),
}


def export(name, out_dir):
    ctor, inputs, opset = MODELS[name]
    torch.manual_seed(2026)
    model = ctor().eval()
    if name in INT_INPUTS:
        args = tuple(torch.randint(0, INT_INPUTS[name], shape)
                     for _, shape in inputs)
    else:
        args = tuple(torch.randn(*shape) for _, shape in inputs)
    path = os.path.join(out_dir, name + ".onnx")
    names = [n for n, _ in inputs]
    axes = {n: {0: "batch"} for n in names}
    axes["output"] = {0: "batch"}
    torch.onnx.export(model, args, path, opset_version=opset,
                      input_names=names, output_names=["output"],
                      dynamic_axes=axes,
                      # keep BatchNormalization nodes (EVAL would fold
                      # them into the convolutions): nn-opt --canonicalize
                      # folds them
                      training=torch.onnx.TrainingMode.PRESERVE)
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
    return model


def lcg_inputs(shape, seed, lo, hi):
    """The matrix's deterministic inputs: e2e-matrix.sh's LCG, float32."""
    n = int(np.prod(shape))
    vals = []
    s = seed
    for _ in range(n):
        s = (s * 1103515245 + 12345) % 2**31
        vals.append((s / 2**31) * (hi - lo) + lo)
    return np.array(vals, dtype=np.float32).reshape(shape)


def check(build):
    """nn-interp (float32, on the imported and canonicalized model) against
    PyTorch on 16 samples per input, like the matrix's (seed 12345 + 1000 *
    input index, range [-5, 5))."""
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (ctor, inputs, _) in MODELS.items():
            torch.manual_seed(2026)
            model = ctor().eval()  # same seed, same weights as the export
            xs = [lcg_inputs((16,) + shape[1:], 12345 + 1000 * i, -5.0, 5.0)
                  for i, (_, shape) in enumerate(inputs)]
            if name in INT_INPUTS:
                rows = INT_INPUTS[name]
                xs = [lcg_inputs((16,) + shape[1:], 12345 + 1000 * i, 0, rows)
                      .astype(np.int64)
                      for i, (_, shape) in enumerate(inputs)]
            with torch.no_grad():
                ref = model(*[torch.from_numpy(x) for x in xs]).numpy()
            folded = os.path.join(tmp, name + ".mlir")
            imp = subprocess.run(
                [os.path.join(build, "bin", "nn-translate"), "--import-onnx",
                 os.path.join(HERE, name + ".onnx")],
                check=True, capture_output=True)
            subprocess.run([os.path.join(build, "bin", "nn-opt"),
                            "--canonicalize", "-o", folded],
                           input=imp.stdout, check=True)
            cmd = [os.path.join(build, "bin", "nn-interp"), folded]
            for i, x in enumerate(xs):
                p = os.path.join(tmp, f"{name}-x{i}.npy")
                np.save(p, x)
                cmd += ["--input", p]
            out = os.path.join(tmp, name + "-y.npy")
            subprocess.run(cmd + ["--output", out], check=True)
            got = np.load(out)
            err = float(np.max(np.abs(got - ref)))
            ok = got.shape == ref.shape and err < 1e-4
            bad += not ok
            print(f"{'ok' if ok else 'FAIL'}: {name}: nn-interp (float32) vs "
                  f"PyTorch, shape {got.shape}, max abs error {err:.2e}")
    return 1 if bad else 0


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2]))
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    os.makedirs(out, exist_ok=True)
    for name in sys.argv[2:] or MODELS:
        export(name, out)


if __name__ == "__main__":
    main()
