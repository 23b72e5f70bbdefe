#!/usr/bin/env python3
# Writes the small input files of the nn-interp lit tests (run once from this
# directory: python3 make-inputs.py). Plain Python, no NumPy: the .npy
# headers follow numpy.lib.format and the .pb files are hand-encoded
# onnx.TensorProto messages.
import struct


def npy(name, shape, values, descr="<f4", fortran=False, version=1,
        data_bytes=None, header=None):
    if header is None:
        dims = ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "")
        header = "{'descr': '%s', 'fortran_order': %s, 'shape': (%s), }" % (
            descr, "True" if fortran else "False", dims)
    prefix = 10 if version == 1 else 12
    pad = -(prefix + len(header) + 1) % 64
    header = (header + " " * pad + "\n").encode("latin1")
    out = b"\x93NUMPY" + bytes([version, 0])
    out += struct.pack("<H" if version == 1 else "<I", len(header)) + header
    if data_bytes is None:
        fmt = {"<f4": "<f", ">f4": ">f", "<f8": "<d", "<i8": "<q",
               "<i4": "<i", "|u1": "B", ">i2": ">h", "<f2": "<e"}[descr]
        data_bytes = b"".join(struct.pack(fmt, v) for v in values)
    open(name, "wb").write(out + data_bytes)


def varint(n):
    out = b""
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def field(number, wire, payload):
    key = varint(number << 3 | wire)
    if wire == 0:
        return key + varint(payload)
    return key + varint(len(payload)) + payload


def tensor_proto(name, dims, data_type, raw=None, floats=None, int64s=None):
    # TensorProto: dims = 1, data_type = 2, float_data = 4 (packed),
    # int64_data = 7 (packed), name = 8, raw_data = 9.
    out = b"".join(field(1, 0, d) for d in dims) + field(2, 0, data_type)
    if floats is not None:
        out += field(4, 2, b"".join(struct.pack("<f", v) for v in floats))
    if int64s is not None:
        out += field(7, 2, b"".join(varint(v) for v in int64s))
    out += field(8, 2, b"x")
    if raw is not None:
        out += field(9, 2, raw)
    open(name, "wb").write(out)


x = [-1.5, 0.0, 2.25, -0.5]
npy("x-1x4.npy", [1, 4], x)
npy("x-1x2.npy", [1, 2], [0.5, -1.5])
npy("y-1x4.npy", [1, 4], [1.0, 2.0, 3.0, 4.0])
npy("x-3x4.npy", [3, 4], [-1, 2, -3, 4, 0.5, -0.5, 1, -1, 10, -10, 0, 0.25])
npy("x-2x4.npy", [2, 4], [1, 2, 3, 4, 5, 6, 7, 8])
npy("x-0x4.npy", [0, 4], [])
npy("x-2x2.npy", [2, 2], [1, 2, 3, 4])
npy("x-1x4-f8.npy", [1, 4], [0.1, 1e40, -2.0, 3.0], descr="<f8")
npy("x-1x4-be.npy", [1, 4], x, descr=">f4")
npy("x-1x4-v2.npy", [1, 4], x, version=2)
npy("x-1x4-i8.npy", [1, 4], [1, 2, 3, 4], descr="<i8")
# Embedding indices (loops-embedding.mlir): out of range on both sides.
npy("idx-1x4-i4.npy", [1, 4], [-3, 0, 9, 100000], descr="<i4")
npy("idx-1x4-u1.npy", [1, 4], [255, 3, 1, 0], descr="|u1")
npy("idx-1x4-be-i2.npy", [1, 4], [-1, 2, 4, 5], descr=">i2")
npy("x-1x4-f2.npy", [1, 4], x, descr="<f2")
npy("x-1x4-fortran.npy", [1, 4], x, fortran=True)
npy("x-1x4-truncated.npy", [1, 4], None, data_bytes=struct.pack("<3f", 1, 2, 3))
npy("x-1x4-bad-header.npy", None, x, header="{'descr': '<f4', 'shape': [1, 4]}")
open("not-a-tensor.txt", "w").write("1 2 3 4\n")
tensor_proto("x-1x4.pb", [1, 4], 1, raw=struct.pack("<4f", *x))
tensor_proto("x-1x4-double.pb", [1, 4], 11, raw=struct.pack("<4d", *x))
tensor_proto("x-1x4-float-data.pb", [1, 4], 1, floats=[1.0, -2.0, 3.0, -4.0])
tensor_proto("x-1x4-int64.pb", [1, 4], 7, int64s=[1, 2, 3, 4])
tensor_proto("idx-1x4-int32.pb", [1, 4], 6, raw=struct.pack("<4i", -1, 0, 2, 70))
tensor_proto("x-1x4-uint8.pb", [1, 4], 2, raw=bytes([1, 2, 3, 4]))
tensor_proto("x-1x4-short.pb", [1, 4], 1, raw=struct.pack("<3f", 1, 2, 3))
# raw_data announces 16 bytes but the file ends after 3: no valid protobuf.
open("x-corrupt.pb", "wb").write(b"\x08\x01\x08\x04\x10\x01\x4a\x10abc")
# nn-interp --compare-float (compare-float.mlir): three samples of the
# two-feature network, and their labels.
npy("compare-x-3x2.npy", [3, 2], [1.03, 2, -3, 0.5, 0, 2.51])
npy("compare-labels-3.npy", [3], [0, 1, 1])
# batch-chunks.mlir: seven samples of eight features (values up to +-40, some
# beyond !nn.fixed<16, 6>'s range of +-32, so saturation shows), from an LCG.
seed, chunk_x = 7, []
for _ in range(7 * 8):
    seed = (seed * 1103515245 + 12345) % 2**31
    chunk_x.append(round((seed / 2**31) * 80.0 - 40.0, 3))
npy("x-7x8.npy", [7, 8], chunk_x)
