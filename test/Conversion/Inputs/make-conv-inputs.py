#!/usr/bin/env python3
# Writes the inputs of the conv/pool lowering tests (run once from this
# directory: python3 make-conv-inputs.py): float32 .npy files whose values
# are exact !nn.fixed<8, 3> values (raw / 32), two samples each (nn-interp
# runs a leading N over a port of batch 1). Deterministic, no NumPy.
import struct


def npy(name, shape, values):
    dims = ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "")
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % dims
    header += " " * (-(10 + len(header) + 1) % 64) + "\n"
    with open(name, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)))
        f.write(header.encode("latin1"))
        f.write(b"".join(struct.pack("<f", v) for v in values))


def raws(count, seed):
    out = []
    s = seed
    for _ in range(count):
        s = (s * 1103515245 + 12345) % 2**31
        out.append((s >> 8) % 256 - 128)
    return out


def write(name, shape, seed):
    n = 1
    for d in shape:
        n *= d
    npy(name, shape, [r / 32.0 for r in raws(n, seed)])


write("x-2x2x6x6.npy", (2, 2, 6, 6), 7)
write("x-2x2x5x5.npy", (2, 2, 5, 5), 11)
write("x-2x3x8.npy", (2, 3, 8), 13)
