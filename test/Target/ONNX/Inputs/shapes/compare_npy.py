"""Compares two float32 or float64 .npy files (C order) element by element with ONNX's
backend-test tolerance, |actual - expected| <= atol + rtol * |expected|
(rtol 1e-3, atol 1e-5). Pure Python (struct), so the suite needs no numpy.
  python3 compare_npy.py [--exact] ACTUAL EXPECTED
With --exact every element must be equal (bit-exact fixed-point results
against their definition). Prints the shapes and the largest error; exits 1
on a mismatch."""
import ast
import struct
import sys


def load(path):
    data = open(path, "rb").read()
    if data[:6] != b"\x93NUMPY":
        sys.exit(f"{path}: not a .npy file")
    major = data[6]
    size_len = 2 if major == 1 else 4
    header_len = int.from_bytes(data[8:8 + size_len], "little")
    start = 8 + size_len
    header = ast.literal_eval(data[start:start + header_len].decode())
    # nn-interp writes fixed-point results as float64 (every value exact).
    code = {"<f4": "f", "<f8": "d"}.get(header["descr"])
    if code is None or header["fortran_order"]:
        sys.exit(f"{path}: expected little-endian float32 or float64 in C order")
    body = data[start + header_len:]
    size = struct.calcsize(code)
    return tuple(header["shape"]), struct.unpack(f"<{len(body) // size}{code}", body)


args = sys.argv[1:]
exact = args[:1] == ["--exact"]
if exact:
    args = args[1:]
atol, rtol = (0.0, 0.0) if exact else (1e-5, 1e-3)
actual_shape, actual = load(args[0])
expected_shape, expected = load(args[1])
print(f"shapes {actual_shape} {expected_shape}")
if actual_shape != expected_shape:
    sys.exit("shape mismatch")
worst = max((abs(a - e) for a, e in zip(actual, expected)), default=0.0)
bad = [i for i, (a, e) in enumerate(zip(actual, expected))
       if not abs(a - e) <= atol + rtol * abs(e)]
print(f"max abs error {worst:.3g}")
if bad:
    sys.exit(f"{len(bad)} elements differ beyond tolerance, first at {bad[0]}")
print("match")
