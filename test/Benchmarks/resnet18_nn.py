#!/usr/bin/env python3
"""Writes ResNet-18 (3x224x224, torchvision's topology, batch norm folded
away) as float nn IR with splat weights, for the cost-model benchmark
(test/Benchmarks/estimate_benchmark.sh): no torchvision needed. The weights
are one value per tensor (the estimate's time and the structure do not
depend on them; the DSP count does: every product is a multiplier)."""
import sys

lines = []
count = [0]


def t(shape):
    return "tensor<%sxf32>" % "x".join(str(d) for d in shape)


def fresh():
    count[0] += 1
    return "%%v%d" % count[0]


def const(shape, value, name):
    v = fresh()
    lines.append('  %s = nn.constant dense<%s> : %s -> %s loc("%s")' %
                 (v, value, t(shape), t(shape), name))
    return v


def conv(x, shape, m, k, stride, pad, name):
    n, c, h, w = shape
    oh = (h + 2 * pad - k) // stride + 1
    ow = (w + 2 * pad - k) // stride + 1
    wv = const([m, c, k, k], "1.230000e-02", name + ".weight")
    bv = const([m], "1.000000e-02", name + ".bias")
    v = fresh()
    out = [n, m, oh, ow]
    lines.append('  %s = nn.conv %s, %s, %s {dilations = array<i64: 1, 1>, '
                 'pads = array<i64: %d, %d, %d, %d>, strides = array<i64: %d, %d>} '
                 ': (%s, %s, %s) -> %s loc("%s")' % (
                     v, x, wv, bv, pad, pad, pad, pad, stride, stride, t(shape),
                     t([m, c, k, k]), t([m]), t(out), name))
    return v, out


def relu(x, shape, name):
    v = fresh()
    lines.append('  %s = nn.relu %s : %s -> %s loc("%s")' % (v, x, t(shape), t(shape), name))
    return v


def add(a, b, shape, name):
    v = fresh()
    lines.append('  %s = nn.add %s, %s : (%s, %s) -> %s loc("%s")' % (
        v, a, b, t(shape), t(shape), t(shape), name))
    return v


x, shape = "%x", [1, 3, 224, 224]
x, shape = conv(x, shape, 64, 7, 2, 3, "conv1")
x = relu(x, shape, "relu")
v = fresh()
out = [1, 64, 56, 56]
lines.append('  %s = nn.max_pool %s {dilations = array<i64: 1, 1>, kernel_shape = '
             'array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} '
             ': %s -> %s loc("maxpool")' % (v, x, t(shape), t(out)))
x, shape = v, out
for stage, planes in enumerate([64, 128, 256, 512], start=1):
    for block in range(2):
        name = "layer%d.%d" % (stage, block)
        stride = 2 if stage > 1 and block == 0 else 1
        y, yshape = conv(x, shape, planes, 3, stride, 1, name + ".conv1")
        y = relu(y, yshape, name + ".relu1")
        y, yshape = conv(y, yshape, planes, 3, 1, 1, name + ".conv2")
        if stride != 1 or shape[1] != planes:
            x, _ = conv(x, shape, planes, 1, stride, 0, name + ".downsample.0")
        y = add(y, x, yshape, name + ".add")
        x, shape = relu(y, yshape, name + ".relu2"), yshape
v = fresh()
lines.append('  %s = nn.global_avg_pool %s : %s -> %s loc("avgpool")' % (
    v, x, t(shape), t([1, 512, 1, 1])))
f = fresh()
lines.append('  %s = nn.flatten %s {axis = 1 : i64} : %s -> %s loc("flatten")' % (
    f, v, t([1, 512, 1, 1]), t([1, 512])))
wv = const([1000, 512], "1.230000e-02", "fc.weight")
bv = const([1000], "1.000000e-02", "fc.bias")
y = fresh()
lines.append('  %s = nn.dense %s, %s, %s : (%s, %s, %s) -> %s loc("fc")' % (
    y, f, wv, bv, t([1, 512]), t([1000, 512]), t([1000]), t([1, 1000])))
print('func.func @resnet18(%%x: %s loc("input")) -> %s {' % (t([1, 3, 224, 224]), t([1, 1000])))
print("\n".join(lines))
print("  return %s : %s\n}" % (y, t([1, 1000])))
