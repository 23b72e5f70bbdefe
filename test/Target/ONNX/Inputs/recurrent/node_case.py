"""Turns one ONNX backend node test (Debian libonnx-testdata) whose weights
are graph inputs into a model nn imports: every input but the first becomes
an initializer holding its test_data_set_0 values, and the expected output
is written as .npy. Pure Python (the .pb TensorProto wire format read by
hand), so the suite needs neither onnx nor numpy.
  python3 node_case.py TEST_DIR "NODE" INPUTS OUTPUT MODEL.onnxtext EXPECTED.npy
NODE is the node in ONNX text syntax, INPUTS the comma-separated names of
the node test's inputs in order (the first stays a graph input), OUTPUT
the name of the one output the test checks."""
import struct
import sys


def varint(data, pos):
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def read_tensor(path):
    """dims and float values of a float32 TensorProto."""
    data = open(path, "rb").read()
    dims, floats, raw, pos = [], [], None, 0
    while pos < len(data):
        key, pos = varint(data, pos)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = varint(data, pos)
            if field == 1:
                dims.append(value)
            elif field == 2 and value != 1:
                sys.exit(f"{path}: not a float32 tensor")
        elif wire == 2:
            size, pos = varint(data, pos)
            body = data[pos:pos + size]
            pos += size
            if field == 1:  # packed dims
                p = 0
                while p < len(body):
                    value, p = varint(body, p)
                    dims.append(value)
            elif field == 4:
                floats.extend(struct.unpack(f"<{size // 4}f", body))
            elif field == 9:
                raw = body
        elif wire == 5:
            if field == 4:
                floats.append(struct.unpack("<f", data[pos:pos + 4])[0])
            pos += 4
        elif wire == 1:
            pos += 8
        else:
            sys.exit(f"{path}: unexpected wire type {wire}")
    if raw is not None:
        floats = list(struct.unpack(f"<{len(raw) // 4}f", raw))
    return dims, floats


def shape(dims):
    return "[" + ",".join(str(d) for d in dims) + "]"


def main():
    test, node, inputs, output, model, expected = sys.argv[1:7]
    names = inputs.split(",")
    case = f"{test}/test_data_set_0"
    x_dims, _ = read_tensor(f"{case}/input_0.pb")
    y_dims, y = read_tensor(f"{case}/output_0.pb")
    inits = []
    for i, name in enumerate(names[1:], start=1):
        dims, values = read_tensor(f"{case}/input_{i}.pb")
        inits.append(f"float{shape(dims)} {name} = "
                     "{" + ", ".join(repr(v) for v in values) + "}")
    with open(model, "w") as f:
        f.write('<ir_version: 8, opset_import: ["" : 17]>\n')
        f.write(f"case (float{shape(x_dims)} {names[0]}) => "
                f"(float{shape(y_dims)} {output})\n")
        f.write("<" + ", ".join(inits) + ">\n{\n  " + node + "\n}\n")
    header = repr({"descr": "<f4", "fortran_order": False,
                   "shape": tuple(y_dims)}).encode()
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
    with open(expected, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header)
        f.write(struct.pack(f"<{len(y)}f", *y))


main()
