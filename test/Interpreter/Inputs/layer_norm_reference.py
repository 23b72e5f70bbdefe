"""The fixed-point layer norm of docs/Quantization.md ("Layer norm"),
computed independently of nn with exact rationals, for
loops-layer-norm.mlir: x-3x4.npy's rows through
test/Conversion/Inputs/layer-norm.mlir quantized with layer-norm.json.
  python3 layer_norm_reference.py   (prints the expected rows)"""
from fractions import Fraction as F
import math
import struct

X = [[-1, 2, -3, 4], [0.5, -0.5, 1, -1], [10, -10, 0, 0.25]]
SCALE, BIAS = [1.0, 2.0, 0.5, -1.0], [0.0, 0.5, -0.25, 1.0]
EPS = struct.unpack("<f", struct.pack("<f", 1e-5))[0]  # the f32 attribute


def trn(v, frac):  # floor to a multiple of 2^-frac
    return F(math.floor(v * 2**frac), 2**frac)


def rnd(v, frac):  # round half up (AP_RND)
    return F(math.floor(v * 2**frac + F(1, 2)), 2**frac)


def wrap(v, width, iw):  # two's complement wrap (AP_WRAP)
    frac, q = width - iw, v * 2**(width - iw)
    q = (q + 2**(width - 1)) % 2**width - 2**(width - 1)
    return F(q, 2**frac)


def sat(v, width, iw, signed=True):
    frac = width - iw
    lo = -F(2**(width - 1), 2**frac) if signed else F(0)
    hi = F(2**(width - 1 if signed else width) - 1, 2**frac)
    return min(max(v, lo), hi)


def fixed16_6(v):  # the input type ap_fixed<16,6> (TRN, WRAP)
    return wrap(trn(F(v), 10), 16, 6)


def accum(v):  # ap_fixed<20,8> (TRN, WRAP): 12 fraction bits
    return wrap(trn(v, 12), 20, 8)


for row in X:
    x = [fixed16_6(v) for v in row]
    mean = accum(sum(x) / 4)
    d = [v - mean for v in x]                       # exact
    var = accum(sum(v * v for v in d) / 4)          # exact squares
    # the table: 4096 entries over [0, 128) (accum: I - 1 = 7), bin 1/32;
    # entry = 1/sqrt(midpoint + eps) in ap_ufixed<16,6,RND,SAT>
    n, span = 4096, 128
    i = min(max(math.floor(var * n / span), 0), n - 1)
    mid = (i + 0.5) * span / n
    inv = sat(rnd(F(1 / math.sqrt(mid + EPS)), 10), 16, 6, signed=False)
    scale = [trn(F(s), 5) for s in SCALE]           # ap_fixed<8,3>
    bias = [trn(F(b), 5) for b in BIAS]
    y = [sat(rnd(d[k] * inv * scale[k] + bias[k], 8), 12, 4)
         for k in range(4)]
    print([float(v) for v in y], "mean", float(mean), "var", float(var),
          "index", i, "inv", float(inv))
