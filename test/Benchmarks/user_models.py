#!/usr/bin/python3
"""The user-model survey of issue 13: small PyTorch models of the kinds
hls4ml users deploy, each exported at opset 13 and 17 with a dynamic batch
axis (as the tutorials do) and run through nn's whole chain:

  import   nn-translate --import-onnx, then nn-opt --canonicalize
  float    nn-interp (float32) on 4 random samples against PyTorch, within
           ONNX's backend-test tolerance (rtol 1e-3, atol 1e-5); not for
           quantized models (QUANTIZED: nn's float network does not round
           at their quantizers)
  then test/Conversion/e2e-matrix.sh (configuration a16:
  --nn-quantize="default-precision=ap_fixed<16,6> accum=auto") on 16 samples:
  quantize, nn-interp on nn IR, lowering, nn IR == loop IR, firmware,
  C simulation == nn IR (bit for bit).

It prints one line per model x opset: the stage it stops at and the first
line of the diagnostic, or "ok" (docs/ONNXImport.md quotes the table).
Not a ctest: it takes many minutes (one g++ C simulation per model).

Usage (Debian python3-torch, numpy; a built tree):
  /usr/bin/python3 test/Benchmarks/user_models.py BUILD_DIR [NAME...]
      [--opsets 13,17] [--no-matrix] [--keep DIR] [--markdown]
NAME... restricts the models (a prefix matches: "mlp_" is every MLP).
To keep rebuilding while it runs, point it at a copy of the build's bin/
and lib/ with LD_LIBRARY_PATH=COPY/lib (the tools' RUNPATH names the build).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MATRIX = os.path.join(SRC, "test", "Conversion", "e2e-matrix.sh")


# --- the models ------------------------------------------------------------
# Each entry: name -> (constructor, input shape without the batch). Weights
# are seeded; batch norms get random statistics so that they matter.

def bn_random(bn):
    with torch.no_grad():
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.2, 0.2)
    return bn


class Mlp(nn.Module):
    """16-32-16-5 with one activation module after each hidden layer."""

    def __init__(self, act):
        super().__init__()
        self.fc1, self.act1 = nn.Linear(16, 32), act()
        self.fc2, self.act2 = nn.Linear(32, 16), act()
        self.fc3 = nn.Linear(16, 5)

    def forward(self, x):
        return self.fc3(self.act2(self.fc2(self.act1(self.fc1(x)))))


class JetMlp(nn.Module):
    """hls4ml's jet-tagging MLP: Linear, BatchNorm1d, ReLU, softmax."""

    def __init__(self):
        super().__init__()
        self.fc1, self.bn1 = nn.Linear(16, 32), bn_random(nn.BatchNorm1d(32))
        self.fc2, self.bn2 = nn.Linear(32, 16), bn_random(nn.BatchNorm1d(16))
        self.fc3 = nn.Linear(16, 5)

    def forward(self, x):
        x = torch.relu(self.bn1(self.fc1(x)))
        x = torch.relu(self.bn2(self.fc2(x)))
        return torch.softmax(self.fc3(x), dim=1)


class MatmulMlp(nn.Module):
    """Parameters used with @ and +, as hand-written layers do (MatMul + Add
    at every opset, no Gemm)."""

    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(16, 12) * 0.3)
        self.b1 = nn.Parameter(torch.randn(12) * 0.1)
        self.w2 = nn.Parameter(torch.randn(12, 4) * 0.3)
        self.b2 = nn.Parameter(torch.randn(4) * 0.1)

    def forward(self, x):
        return torch.relu(x @ self.w1 + self.b1) @ self.w2 + self.b2


class Cnn(nn.Module):
    """Conv, ReLU, MaxPool, a flattening idiom, Linear."""

    def __init__(self, flatten):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(4 * 4 * 4, 5)
        self.flatten_kind = flatten
        self.flat = nn.Flatten()

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        if self.flatten_kind == "view":
            x = x.view(x.size(0), -1)
        elif self.flatten_kind == "reshape":
            x = x.reshape(x.shape[0], -1)
        elif self.flatten_kind == "torch_flatten":
            x = torch.flatten(x, 1)
        else:
            x = self.flat(x)
        return self.fc(x)


class ZeroPadCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.pad = nn.ZeroPad2d((1, 2, 0, 1))
        self.conv = nn.Conv2d(1, 2, 3)
        self.fc = nn.Linear(2 * 5 * 7, 4)  # 6x6 padded to 7x9, conv 3x3

    def forward(self, x):
        x = torch.relu(self.conv(self.pad(x)))
        return self.fc(x.view(x.size(0), -1))


class BnInput(nn.Module):
    """Batch norm on the inputs (no conv/dense before it)."""

    def __init__(self):
        super().__init__()
        self.bn = bn_random(nn.BatchNorm1d(16))
        self.fc = nn.Linear(16, 5)

    def forward(self, x):
        return self.fc(self.bn(x))


class BnAfterPool(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.bn = bn_random(nn.BatchNorm2d(4))
        self.fc = nn.Linear(64, 5)

    def forward(self, x):
        x = self.bn(self.pool(torch.relu(self.conv(x))))
        return self.fc(torch.flatten(x, 1))


class BnAfterAdd(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(2, 2, 3, padding=1)
        self.c2 = nn.Conv2d(2, 2, 3, padding=1)
        self.bn = bn_random(nn.BatchNorm2d(2))

    def forward(self, x):
        y = torch.relu(self.c1(x))
        return self.bn(self.c2(y) + x)


class Conv1dNet(nn.Module):
    def __init__(self, pool):
        super().__init__()
        self.conv1 = nn.Conv1d(4, 8, 3, padding=1)
        self.conv2 = nn.Conv1d(8, 8, 3)
        self.pool = nn.MaxPool1d(2) if pool else nn.Identity()
        n = 8 * ((32 - 2) // 2 if pool else 30)
        self.fc = nn.Linear(n, 3)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


class Separable(nn.Module):
    """Depthwise then pointwise convolution (MobileNet's block)."""

    def __init__(self):
        super().__init__()
        self.dw = nn.Conv2d(4, 4, 3, padding=1, groups=4)
        self.pw = nn.Conv2d(4, 8, 1)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        x = torch.relu(self.pw(torch.relu(self.dw(x))))
        return self.fc(torch.flatten(self.gap(x), 1))


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 3, 3, padding=1)
        self.b1 = bn_random(nn.BatchNorm2d(3))
        self.c2 = nn.Conv2d(3, 3, 3, padding=1)
        self.b2 = bn_random(nn.BatchNorm2d(3))

    def forward(self, x):
        y = torch.relu(self.b1(self.c1(x)))
        return torch.relu(self.b2(self.c2(y)) + x)


class ConcatBranches(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(16, 8)
        self.b = nn.Linear(16, 6)
        self.fc = nn.Linear(14, 3)

    def forward(self, x):
        return self.fc(torch.cat([torch.relu(self.a(x)), torch.tanh(self.b(x))], 1))


class ConcatChannels(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(2, 3, 3, padding=1)
        self.b = nn.Conv2d(2, 2, 1)

    def forward(self, x):
        return torch.cat([self.a(x), self.b(x)], dim=1)


class Upsample(nn.Module):
    def __init__(self, mode):
        super().__init__()
        self.conv = nn.Conv2d(2, 2, 3, padding=1)
        kw = {} if mode == "nearest" else {"align_corners": mode == "bilinear_ac"}
        self.up = nn.Upsample(scale_factor=2, mode=mode.split("_")[0], **kw)

    def forward(self, x):
        return self.up(torch.relu(self.conv(x)))


class LayerNormMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(16, 16)
        self.ln = nn.LayerNorm(16)
        self.fc2 = nn.Linear(16, 4)

    def forward(self, x):
        return self.fc2(self.ln(torch.relu(self.fc1(x))))


class ConvT(nn.Module):
    def __init__(self, dims):
        super().__init__()
        cls = nn.ConvTranspose1d if dims == 1 else nn.ConvTranspose2d
        self.up = cls(2, 3, 3, stride=2, padding=1, output_padding=1)

    def forward(self, x):
        return torch.relu(self.up(x))


class EmbeddingNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4)
        self.fc = nn.Linear(4 * 6, 3)

    def forward(self, idx):
        return self.fc(torch.flatten(self.emb(idx), 1))


class Recurrent(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.rnn = getattr(nn, kind)(4, 8, batch_first=True)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.fc(y[:, -1])


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.mha = nn.MultiheadAttention(8, 2, batch_first=True)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        y, _ = self.mha(x, x, x, need_weights=False)
        return self.fc(y.mean(1))


class Pools(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.kind = kind
        self.pool = {"avg": nn.AvgPool2d(2), "max": nn.MaxPool2d(2),
                     "gap": nn.AdaptiveAvgPool2d(1),
                     "gmp": nn.AdaptiveMaxPool2d(1)}[kind]
        n = 4 if kind in ("gap", "gmp") else 64
        self.fc = nn.Linear(n, 3)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(torch.relu(self.conv(x))), 1))


class MeanNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).mean(dim=(2, 3)))


class DropoutMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.drop, self.fc2 = nn.Linear(16, 32), nn.Dropout(0.2), nn.Linear(32, 5)

    def forward(self, x):
        return self.fc2(self.drop(torch.relu(self.fc1(x))))


class FakeQuantMlp(nn.Module):
    """QAT as written by hand: fake quantization with power-of-two scales
    (PyTorch exports QuantizeLinear/DequantizeLinear pairs)."""

    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(16, 16), nn.Linear(16, 5)

    def forward(self, x):
        fq = torch.fake_quantize_per_tensor_affine
        x = fq(x, 2 ** -4, 0, -128, 127)
        w = fq(self.fc1.weight, 2 ** -7, 0, -128, 127)
        x = fq(torch.relu(F.linear(x, w, self.fc1.bias)), 2 ** -4, 0, 0, 255)
        return self.fc2(x)


class EagerQuant(nn.Module):
    """torch.ao.quantization's eager mode (QuantStub/DeQuantStub)."""

    def __init__(self):
        super().__init__()
        self.quant = torch.ao.quantization.QuantStub()
        self.fc1, self.relu, self.fc2 = nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 5)
        self.dequant = torch.ao.quantization.DeQuantStub()

    def forward(self, x):
        return self.dequant(self.fc2(self.relu(self.fc1(self.quant(x)))))


def eager_quantized(qat):
    """PyTorch's default eager QAT (fbgemm qconfig: quint8 activations with
    zero points, per-channel qint8 weights) or post-training static
    quantization, calibrated on seeded data, converted."""
    # Not fused with fc1: PyTorch 1.13 cannot export quantized::linear_relu.
    m = EagerQuant()
    if qat:
        m.train()
        m.qconfig = torch.ao.quantization.get_default_qat_qconfig("fbgemm")
        torch.ao.quantization.prepare_qat(m, inplace=True)
    else:
        m.eval()
        m.qconfig = torch.ao.quantization.get_default_qconfig("fbgemm")
        torch.ao.quantization.prepare(m, inplace=True)
    g = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for _ in range(8):
            m(torch.randn(32, 16, generator=g) * 2)
    m.eval()
    return torch.ao.quantization.convert(m)


def acts():
    return {
        "relu": nn.ReLU, "leakyrelu": lambda: nn.LeakyReLU(0.1), "elu": nn.ELU,
        "selu": nn.SELU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh,
        "softplus": nn.Softplus, "softsign": nn.Softsign, "prelu": nn.PReLU,
        "relu6": nn.ReLU6, "hardtanh": nn.Hardtanh, "hardsigmoid": nn.Hardsigmoid,
        "hardswish": nn.Hardswish, "silu": nn.SiLU, "gelu": nn.GELU,
        "gelu_tanh": lambda: nn.GELU(approximate="tanh"),
    }


MODELS = {}
for _n, _a in acts().items():
    MODELS["mlp_" + _n] = (lambda a=_a: Mlp(a), (16,))
MODELS.update({
    "mlp_softmax_jet": (JetMlp, (16,)),
    "mlp_matmul_add": (MatmulMlp, (16,)),
    "mlp_dropout": (DropoutMlp, (16,)),
    "cnn_view": (lambda: Cnn("view"), (1, 8, 8)),
    "cnn_reshape": (lambda: Cnn("reshape"), (1, 8, 8)),
    "cnn_torch_flatten": (lambda: Cnn("torch_flatten"), (1, 8, 8)),
    "cnn_nn_flatten": (lambda: Cnn("module"), (1, 8, 8)),
    "cnn_zeropad2d": (ZeroPadCnn, (1, 6, 6)),
    "cnn_avgpool": (lambda: Pools("avg"), (1, 8, 8)),
    "cnn_globalavgpool": (lambda: Pools("gap"), (1, 8, 8)),
    "cnn_globalmaxpool": (lambda: Pools("gmp"), (1, 8, 8)),
    "cnn_mean": (MeanNet, (1, 8, 8)),
    "bn_input": (BnInput, (16,)),
    "bn_after_pool": (BnAfterPool, (1, 8, 8)),
    "bn_after_add": (BnAfterAdd, (2, 6, 6)),
    "conv1d": (lambda: Conv1dNet(False), (4, 32)),
    "conv1d_pool": (lambda: Conv1dNet(True), (4, 32)),
    "depthwise_pointwise": (Separable, (4, 8, 8)),
    "residual": (Residual, (3, 6, 6)),
    "concat_dense": (ConcatBranches, (16,)),
    "concat_conv": (ConcatChannels, (2, 6, 6)),
    "upsample_nearest": (lambda: Upsample("nearest"), (2, 4, 4)),
    "upsample_bilinear": (lambda: Upsample("bilinear"), (2, 4, 4)),
    "upsample_bilinear_ac": (lambda: Upsample("bilinear_ac"), (2, 4, 4)),
    "layernorm": (LayerNormMlp, (16,)),
    "convtranspose1d": (lambda: ConvT(1), (2, 8)),
    "convtranspose2d": (lambda: ConvT(2), (2, 4, 4)),
    "embedding": (EmbeddingNet, ("int64", 6)),
    "rnn": (lambda: Recurrent("RNN"), (6, 4)),
    "gru": (lambda: Recurrent("GRU"), (6, 4)),
    "lstm": (lambda: Recurrent("LSTM"), (6, 4)),
    "attention": (Attention, (5, 8)),
    "qat_fakequant": (FakeQuantMlp, (16,)),
    "qat_eager": (lambda: eager_quantized(True), (16,)),
    "ptq_eager": (lambda: eager_quantized(False), (16,)),
})
# Quantized models: nn's float network is the network before quantization
# (it does not round at the quantizers, docs/ONNXImport.md), so it is not
# compared with PyTorch's quantized output; the matrix runs them with the
# precisions their quantizers record.
QUANTIZED = {"qat_fakequant", "qat_eager", "ptq_eager"}


# --- the chain -------------------------------------------------------------

def sample(shape, n, seed):
    """n samples: integer indices for an ("int64", L) input, else normal."""
    g = np.random.default_rng(seed)
    if shape[0] == "int64":
        return g.integers(0, 10, size=(n,) + tuple(shape[1:])).astype(np.int64)
    return g.standard_normal((n,) + tuple(shape)).astype(np.float32)


def first_line(text):
    """The first line that says what went wrong (an error before the notes
    and the warnings), shortened."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    for l in lines:
        if "error" in l.lower():
            return shorten(l)
    return shorten(lines[0]) if lines else "(no output)"


def shorten(line):
    line = re.sub(r"^\S*?/([^/\s]+:\d+:\d+:)", r"\1", line)  # drop directories
    return line if len(line) <= 160 else line[:157] + "..."


def run(cmd, **kw):
    """The tool's result; a tool that cannot start (a build in progress)
    is reported as a failed run, not a crash of the survey."""
    try:
        return subprocess.run(cmd, capture_output=True, text=True, **kw)
    except OSError as e:
        return subprocess.CompletedProcess(cmd, 126, "", f"error: {e}")


def export(name, ctor, shape, opset, path):
    torch.manual_seed(2026)
    model = ctor().eval()
    x = torch.from_numpy(sample(shape, 1, 1))
    ax = {0: "N"}
    torch.onnx.export(model, (x,), path, opset_version=opset,
                      input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": ax, "y": ax})
    return model


def float_check(bin_, d, model, shape, folded):
    """nn-interp's float32 run of the imported model against PyTorch on 4
    samples; None when they agree, else (stage, reason)."""
    xs = sample(shape, 4, 2)
    with torch.no_grad():
        ref = model(torch.from_numpy(xs)).numpy()
    xin, yout = os.path.join(d, "x.npy"), os.path.join(d, "y.npy")
    np.save(xin, xs)
    fl = run([os.path.join(bin_, "nn-interp"), folded, "--input", xin,
              "--output", yout])
    if fl.returncode:
        return "float interp", first_line(fl.stderr)
    got = np.load(yout)
    if got.shape != ref.shape:
        return "float vs torch", f"shape {got.shape} != PyTorch's {ref.shape}"
    if not np.allclose(got, ref, rtol=1e-3, atol=1e-5):
        err = float(np.max(np.abs(got.astype(np.float64) - ref)))
        return "float vs torch", f"max |nn - torch| = {err:.3g}"
    return None


def survey_one(build, work, name, opset, use_matrix):
    """The stage where NAME stops at OPSET and its first diagnostic line."""
    ctor, shape = MODELS[name]
    bin_ = os.path.join(build, "bin")
    d = os.path.join(work, f"{name}-op{opset}")
    os.makedirs(d, exist_ok=True)
    onnx_path = os.path.join(d, "model.onnx")
    try:
        model = export(name, ctor, shape, opset, onnx_path)
    except Exception as e:  # PyTorch cannot export it: not nn's stop
        return "export", shorten(f"{type(e).__name__}: {e}".splitlines()[0])
    imp = run([os.path.join(bin_, "nn-translate"), "--import-onnx", onnx_path,
               "--mlir-print-debuginfo"])
    if imp.returncode:
        return "import", first_line(imp.stderr)
    folded = os.path.join(d, "folded.mlir")
    can = run([os.path.join(bin_, "nn-opt"), "--canonicalize", "-o", folded],
              input=imp.stdout)
    if can.returncode:
        return "canonicalize", first_line(can.stderr)

    if name not in QUANTIZED:
        stop = float_check(bin_, d, model, shape, folded)
        if stop:
            return stop
    if not use_matrix:
        return "ok (float)", ""

    # The back end: e2e-matrix.sh on this one model, configuration a16.
    hls = os.path.join(d, "hls")
    os.makedirs(hls, exist_ok=True)
    os.replace(onnx_path, os.path.join(hls, "m.onnx"))
    with open(os.path.join(hls, "m.inputs"), "w") as f:
        f.write("x " + ",".join(str(s) for s in shape) + "\n")
    env = dict(os.environ, NN_MATRIX_MODELS_DIR=hls, NN_MATRIX_CONFIGS="a16",
               NN_MATRIX_WORK=os.path.join(d, "matrix"))
    mx = run(["sh", MATRIX, build, SRC, "m"], env=env)
    fails = [l for l in mx.stdout.splitlines() if l.startswith("FAIL")]
    if not fails:
        return "ok", ""
    # "FAIL: m/a16: <check>: <step> failed: <reason>"
    m = re.match(r"FAIL: m/a16: ([^:]*): (.*)", fails[0])
    check, rest = (m.group(1), m.group(2)) if m else ("matrix", fails[0])
    step = re.match(r"(.*?) failed: (.*)", rest)
    if step:
        return step.group(1), shorten(step.group(2))
    return check, shorten(rest)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("names", nargs="*")
    ap.add_argument("--opsets", default="13,17")
    ap.add_argument("--no-matrix", action="store_true",
                    help="stop after the float check (no quantization, C simulation)")
    ap.add_argument("--keep", help="work directory to keep (default: a temporary one)")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    names = [n for n in MODELS
             if not a.names or any(n == p or n.startswith(p) for p in a.names)]
    if not names:
        sys.exit("no model matches; known: " + " ".join(MODELS))
    opsets = [int(o) for o in a.opsets.split(",")]
    work = a.keep or tempfile.mkdtemp(prefix="nn-user-models-")
    os.makedirs(work, exist_ok=True)
    if a.markdown:
        print("| model | opset | stops at | first diagnostic line |")
        print("|---|---|---|---|")
    done = {}
    for name in names:
        for opset in opsets:
            stage, why = survey_one(build, work, name, opset, not a.no_matrix)
            done[(name, opset)] = stage
            if a.markdown:
                why = why.replace("|", "\\|")
                print(f"| {name} | {opset} | {stage} | {'`' + why + '`' if why else ''} |",
                      flush=True)
            else:
                print(f"{name:24} {opset:2}  {stage:18} {why}", flush=True)
    ok = sum(1 for s in done.values() if s.startswith("ok"))
    print(f"\n{ok} of {len(done)} model x opset runs end to end "
          f"({len(names)} models; work directory {work})")


if __name__ == "__main__":
    main()
