"""Compares two float32 .npy files (C order) element by element with ONNX's
backend-test tolerance, |actual - expected| <= atol + rtol * |expected|
(rtol 1e-3, atol 1e-5). Pure Python (struct), so the suite needs no numpy.
  python3 compare_npy.py ACTUAL EXPECTED
Prints the shapes and the largest error; exits 1 on a mismatch."""
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
    if header["descr"] != "<f4" or header["fortran_order"]:
        sys.exit(f"{path}: expected little-endian float32 in C order")
    body = data[start + header_len:]
    return tuple(header["shape"]), struct.unpack(f"<{len(body) // 4}f", body)


actual_shape, actual = load(sys.argv[1])
expected_shape, expected = load(sys.argv[2])
print(f"shapes {actual_shape} {expected_shape}")
if actual_shape != expected_shape:
    sys.exit("shape mismatch")
worst = max((abs(a - e) for a, e in zip(actual, expected)), default=0.0)
bad = [i for i, (a, e) in enumerate(zip(actual, expected))
       if not abs(a - e) <= 1e-5 + 1e-3 * abs(e)]
print(f"max abs error {worst:.3g}")
if bad:
    sys.exit(f"{len(bad)} elements differ beyond tolerance, first at {bad[0]}")
print("match")
