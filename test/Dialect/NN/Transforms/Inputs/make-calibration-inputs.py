#!/usr/bin/env python3
# Writes the .npy files of the nn-quantize calibration tests (run once from
# this directory: python3 make-calibration-inputs.py). Plain Python, no
# NumPy: the header follows numpy.lib.format (version 1.0, float32, C order).
import struct


def npy(name, shape, values):
    dims = ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "")
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % dims
    header += " " * (-(10 + len(header) + 1) % 64) + "\n"
    data = b"".join(struct.pack("<f", v) for v in values)
    open(name, "wb").write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header))
                           + header.encode("latin1") + data)


# Three samples of a [1, 2] input (nn-quantize-calibrate.mlir).
npy("calibrate-x-3x2.npy", [3, 2], [1, 2, -3, 0.5, 2, -1])
# One sample whose largest value is a power of two: 2 needs I = 3.
npy("calibrate-pow2-1x2.npy", [1, 2], [2, -1.5])
# All zero: nothing to calibrate on.
npy("calibrate-zero-1x2.npy", [1, 2], [0, 0])
# The wrong shape for a [1, 2] input.
npy("calibrate-x-2x3.npy", [2, 3], [1, 2, 3, 4, 5, 6])
