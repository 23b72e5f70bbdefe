#!/usr/bin/python3
"""Writes the inputs and expected outputs of ../../qonnx-trunc.test: QONNX's
Trunc (qonnx.custom_op.general opset 2, as Brevitas exports it) computed in
numpy from its definition in qonnx's documentation (trunc_v2.md), written
here independently of nn:

  y = round_half_even(x / scale + zeropt)
  t = 2 ** round(log2(out_scale / scale))
  y = rounding_mode(clamp(y / t, min_int, max_int))
  y = (y - zeropt / t) * out_scale

min_int/max_int are Quant's range of out_bitwidth bits (signed, narrow).
96 values per case (float32, shape [1, 96]). One case per model of
qonnx-trunc.test (the parameters are repeated there):

  floor   scale 2^-4, in 10 bits, out_scale 2^-1, out 4 bits, FLOOR, signed
  round   scale 2^-2, in 8 bits, out_scale 2^0, out 3 bits, ROUND, unsigned
  narrow  scale 2^-3, in 8 bits, out_scale 2^-3, out 4 bits, FLOOR, signed,
          narrow

  /usr/bin/python3 make_trunc.py
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

CASES = {
    # name: (scale, in_bits, out_scale, out_bits, rounding, signed, narrow)
    "floor": (2.0 ** -4, 10, 2.0 ** -1, 4, "FLOOR", 1, 0),
    "round": (2.0 ** -2, 8, 1.0, 3, "ROUND", 0, 0),
    "narrow": (2.0 ** -3, 8, 2.0 ** -3, 4, "FLOOR", 1, 1),
}


def trunc(x, scale, zeropt, out_scale, out_bits, rounding, signed, narrow):
    y = np.round(x / scale + zeropt)  # numpy rounds half to even
    t = 2.0 ** np.round(np.log2(out_scale / scale))
    y = y / t
    if signed:
        lo, hi = -(2 ** (out_bits - 1)) + narrow, 2 ** (out_bits - 1) - 1
    else:
        lo, hi = 0, 2 ** out_bits - 1 - narrow
    y = np.clip(y, lo, hi)
    y = {"ROUND": np.round, "FLOOR": np.floor, "CEIL": np.ceil}[rounding](y)
    return (y - zeropt / t) * out_scale


def main():
    # Values around every interesting point: ties of the first rounding
    # (odd multiples of scale / 2), multiples of the output step and just
    # beside them, both saturation ends and beyond, negative values.
    rng = np.random.default_rng(1)
    for name, (scale, _, out_scale, out_bits, rounding, signed, narrow) in CASES.items():
        top = out_scale * 2 ** out_bits
        grid = np.arange(-top * 1.25, top * 1.25, scale / 2)
        x = np.concatenate([rng.choice(grid, 48), rng.choice(grid, 24) + scale / 8,
                            rng.uniform(-2 * top, 2 * top, 24)])
        x = x.astype(np.float32)[None, :]
        y = trunc(x.astype(np.float64), scale, 0.0, out_scale, out_bits,
                  rounding, signed, narrow)
        np.save(os.path.join(HERE, f"{name}-x.npy"), x)
        np.save(os.path.join(HERE, f"{name}-y.npy"), y.astype(np.float32))
        print(name, x.shape)


if __name__ == "__main__":
    main()
