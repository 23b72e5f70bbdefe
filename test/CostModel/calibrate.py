#!/usr/bin/env python3
"""Calibration of the cost model against published hls4ml syntheses.

    calibrate.py BIN_DIR SYNTH_DIR WORK_DIR

For every record of SYNTH_DIR/records.jsonl whose network nn can express,
writes the float nn IR (the record's layers, channels first) and an hls4ml
configuration (the record's precision, reuse factor, strategy, part and
clock), runs `nn-opt --nn-quantize=config=... --nn-estimate=report=...` and
prints the estimate next to the report; then the error summary (median and
worst ratio per resource, latency). Exit status: 0 when every expressible
record was built and estimated, 1 when one failed (nn-opt crashed or
refused it), 77 when SYNTH_DIR is missing (ctest SKIP_RETURN_CODE).

The records' trained weights are not published; the weights used here are
drawn with a fixed seed from the record's initializer (docs/CostModel.md,
"Calibration"): lecun_uniform U(+-sqrt(3/n_in)), Keras' RandomNormal
(stddev 0.05) for "normal", RandomUniform(lo, hi) as named, glorot_uniform
for trained layers; a layer's recorded zero count (n_zeros_weights) or
pruning fraction is applied by zeroing that many weights.
"""

import json
import math
import os
import random
import re
import statistics
import subprocess
import sys

SKIP = 77


def fixed(text, default):
    """'ap_fixed<16,6>' / 'fixed<6,1,TRN,WRAP>' / 'ufixed<6,0,...>' -> the
    hls4ml spelling, else `default`."""
    m = re.search(r"(ap_)?(u?)fixed<\s*(\d+)\s*,\s*(-?\d+)", text or "")
    if not m:
        return default
    return "ap_%sfixed<%s,%s>" % (m.group(2), m.group(3), m.group(4))


def precision_of(record):
    """Model precision and per-role precisions of a record."""
    p = record["precision"]
    default = fixed(p.get("default", ""), "ap_fixed<16,6>")
    roles = {}
    if "weight,bias" in p:
        roles["weight"] = roles["bias"] = fixed(p["weight,bias"], default)
    if "relu results" in p:
        roles["relu"] = fixed(p["relu results"], default)
    if "auto" in p.get("other results/accum", "") or "auto" in p.get(
            "weight/bias/result/accum", ""):
        roles["accum"] = "auto"
    if "conv0 weight/bias" in p:
        roles["conv0"] = fixed(p["conv0 weight/bias"], default)
        roles["weight"] = roles["bias"] = fixed(
            p["other conv/dense weight/bias"], default)
        roles["result"] = fixed(p["conv/dense results"], default)
        roles["relu"] = fixed(p["relu/pool outputs"], default)
        roles["input"] = fixed(p["input"], default)
    return default, roles


def same_pads(layer, spatial, out_sp, window, stride):
    """Keras' padding: "same" splits the missing rows and columns (the
    extra one at the end), "valid" pads nothing."""
    pads_b, pads_e = [], []
    for s in range(len(spatial)):
        total = max((out_sp[s] - 1) * stride[s] + window[s] - spatial[s], 0)
        if layer.get("padding") != "same":
            total = 0
        pads_b.append(total // 2)
        pads_e.append(total - total // 2)
    return pads_b, pads_e


class Builder:
    """Float nn IR of one record, layer by layer, channels first."""

    def __init__(self, record, rng):
        self.rng = rng
        self.lines = []
        self.config_layers = {}
        self.count = 0
        shape = record["model"]["input_shape"]
        # channels_last (H, W, C) -> (1, C, H, W); a vector stays (1, N).
        self.shape = [1] + ([shape[-1]] + shape[:-1] if len(shape) > 1 else shape)
        self.value = "%x"
        self.args = '%%x: %s loc("x")' % self.type(self.shape)
        self.input_shape = list(self.shape)

    @staticmethod
    def type(shape):
        return "tensor<%sxf32>" % "x".join(str(d) for d in shape)

    def name(self, layer, kind):
        self.count += 1
        return layer.get("name") or "%s%d" % (kind, self.count)

    def weights(self, n, n_in, n_out, layer, pruned):
        init = layer.get("init", "")
        if "RandomUniform" in init:
            lo, hi = [float(v) for v in re.findall(r"[-\d.]+", init)[:2]]
            values = [self.rng.uniform(lo, hi) for _ in range(n)]
        elif "normal" in init:
            values = [self.rng.gauss(0.0, 0.05) for _ in range(n)]
        elif "lecun" in init:
            lim = math.sqrt(3.0 / n_in)
            values = [self.rng.uniform(-lim, lim) for _ in range(n)]
        else:  # trained: glorot_uniform's spread
            lim = math.sqrt(6.0 / (n_in + n_out))
            values = [self.rng.uniform(-lim, lim) for _ in range(n)]
        zeros = layer.get("n_zeros_weights", int(n * pruned))
        for i in self.rng.sample(range(n), min(n, zeros)):
            values[i] = 0.0
        return values

    def constant(self, values, shape, name):
        v = "%%%s_%d" % (re.sub(r"\W", "_", name), len(self.lines))
        body = ", ".join("%.9e" % x for x in values)
        self.lines.append(
            '  %s = nn.constant dense<[%s]> : tensor<%dxf32> -> %s loc("%s")'
            % (v + "_flat", body, len(values), self.type([len(values)]), name))
        self.lines.append(
            '  %s = nn.reshape %s_flat : %s -> %s loc("%s_r")'
            % (v, v, self.type([len(values)]), self.type(shape), name))
        return v

    def op(self, text, out_shape, name):
        v = "%%v%d" % len(self.lines)
        self.lines.append('  %s = %s -> %s loc("%s")' %
                          (v, text, self.type(out_shape), name))
        self.value, self.shape = v, out_shape
        return v

    def activation(self, act, name):
        t = self.type(self.shape)
        if act in (None, "linear"):
            return None
        ops = {"relu": "nn.relu", "sigmoid": "nn.sigmoid", "elu": "nn.elu",
               "softmax": "nn.softmax", "tanh": "nn.tanh"}
        if act == "leaky_relu":
            self.op("nn.leaky_relu %s {alpha = 1.0 : f32} : %s" % (self.value, t),
                    self.shape, name)
        elif act == "prelu":
            slope = self.constant([0.0] * self.shape[-1], [self.shape[-1]],
                                  name + "_alpha")
            self.op("nn.prelu %s, %s : (%s, %s)" % (
                self.value, slope, t, self.type([self.shape[-1]])),
                self.shape, name)
        elif act in ops:
            self.op("%s %s : %s" % (ops[act], self.value, t), self.shape, name)
        else:
            raise ValueError("activation %s" % act)
        return name

    def dense(self, layer, pruned):
        n_in, n_out = layer["n_in"], layer["n_out"]
        name = self.name(layer, "dense")
        if len(self.shape) > 2:
            flat = math.prod(self.shape[1:])
            self.op("nn.flatten %s {axis = 1 : i64} : %s" % (
                self.value, self.type(self.shape)), [1, flat], name + "_flatten")
        w = self.constant(self.weights(n_in * n_out, n_in, n_out, layer, pruned),
                          [n_out, n_in], name + "_w")
        b = self.constant([0.0] * n_out, [n_out], name + "_b")
        self.op("nn.dense %s, %s, %s : (%s, %s, %s)" % (
            self.value, w, b, self.type(self.shape), self.type([n_out, n_in]),
            self.type([n_out])), [1, n_out], name)
        return name

    def conv(self, layer, pruned, depthwise=False):
        c = self.shape[1]
        spatial = self.shape[2:]
        kernel = layer["kernel"] if isinstance(layer["kernel"], list) else [layer["kernel"]]
        stride = layer["stride"] if isinstance(layer["stride"], list) else [layer["stride"]]
        m = c if depthwise else layer["filters"]
        cg = 1 if depthwise else c
        out_sp = [o for o in (layer["out"][:-1])]
        pads_b, pads_e = same_pads(layer, spatial, out_sp, kernel, stride)
        name = self.name(layer, "conv")
        n_in = cg * math.prod(kernel)
        wshape = [m, cg] + kernel
        w = self.constant(self.weights(m * n_in, n_in, m, layer, pruned),
                          wshape, name + "_w")
        operands, types = [self.value, w], [self.type(self.shape), self.type(wshape)]
        if layer.get("use_bias", True):
            operands.append(self.constant([0.0] * m, [m], name + "_b"))
            types.append(self.type([m]))
        arr = lambda xs: "array<i64: %s>" % ", ".join(str(x) for x in xs)
        attrs = "dilations = %s, %spads = %s, strides = %s" % (
            arr([1] * len(spatial)), "group = %d : i64, " % c if depthwise else "",
            arr(pads_b + pads_e), arr(stride))
        self.op("nn.conv %s {%s} : (%s)" % (", ".join(operands), attrs,
                                             ", ".join(types)),
                [1, m] + out_sp, name)
        return name

    def pool(self, layer, kind):
        pool = layer["pool"] if isinstance(layer["pool"], list) else [layer["pool"]]
        stride = layer["stride"] if isinstance(layer["stride"], list) else [layer["stride"]]
        spatial = self.shape[2:]
        out_sp = layer["out"][:-1]
        pads_b, pads_e = same_pads(layer, spatial, out_sp, pool, stride)
        name = self.name(layer, "pool")
        arr = lambda xs: "array<i64: %s>" % ", ".join(str(x) for x in xs)
        if kind == "max":
            attrs = "dilations = %s, kernel_shape = %s, pads = %s, strides = %s" % (
                arr([1] * len(spatial)), arr(pool), arr(pads_b + pads_e), arr(stride))
            text = "nn.max_pool %s {%s} : %s" % (self.value, attrs, self.type(self.shape))
        else:
            attrs = "count_include_pad = false, kernel_shape = %s, pads = %s, strides = %s" % (
                arr(pool), arr(pads_b + pads_e), arr(stride))
            text = "nn.avg_pool %s {%s} : %s" % (self.value, attrs, self.type(self.shape))
        self.op(text, [1, self.shape[1]] + out_sp, name)
        return name

    def module(self, func="top"):
        return "func.func @%s(%s) -> %s {\n%s\n  return %s : %s\n}\n" % (
            func, self.args, self.type(self.shape), "\n".join(self.lines),
            self.value, self.type(self.shape))


def build(record, rng):
    """(mlir text, config dict) of a record, or raises ValueError(reason)."""
    if "Mul_LUT" in str(record["strategy"]):
        raise ValueError("hand-modified hls4ml code (a Mul_LUT pragma on "
                         "the products): no configuration expresses it")
    default, roles = precision_of(record)
    pruned = 0.75 if "75% sparsity" in (record.get("weights") or "") else 0.0
    b = Builder(record, rng)
    reuse_default = record["reuse_factor"] if isinstance(record["reuse_factor"], int) else 1
    strategy = "Resource" if "Resource" in str(record["strategy"]) else "Latency"
    layer_cfg = {}
    for i, layer in enumerate(record["model"]["layers"]):
        t = layer["type"]
        # A per-layer reuse factor is a LayerName entry (must be valid); the
        # record's global one is the Model's, adjusted to the closest valid
        # value where hls4ml accepted an invalid one (as nn-quantize does).
        rf = layer.get("reuse_factor")
        if t.startswith("Dense"):
            name = b.dense(layer, pruned)
            cfg = {"Strategy": strategy, "Precision": {}}
            if rf is not None:
                cfg["ReuseFactor"] = rf
            for role in ("weight", "bias", "accum", "result"):
                if role in roles:
                    cfg["Precision"][role] = roles[role]
            layer_cfg[name] = cfg
            act = layer.get("activation")
            if act and "separate" not in act and act != "linear":
                a = b.activation(act, name + "_" + act)
                if act == "relu" and "relu" in roles:
                    layer_cfg[a] = {"Precision": {"result": roles["relu"]}}
        elif t.startswith("Conv2D") or t.startswith("DepthwiseConv"):
            name = b.conv(layer, pruned, depthwise=t.startswith("Depthwise"))
            cfg = {"Strategy": strategy, "Precision": {}}
            if rf is not None:
                cfg["ReuseFactor"] = rf
            for role in ("weight", "bias", "accum", "result"):
                if role in roles:
                    cfg["Precision"][role] = roles[role]
            if "conv0" in roles and i == 0:
                cfg["Precision"]["weight"] = cfg["Precision"]["bias"] = roles["conv0"]
            layer_cfg[name] = cfg
            act = layer.get("activation", "linear")
            if act.startswith("relu"):
                a = b.activation("relu", name + "_relu")
                if "relu" in roles:
                    layer_cfg[a] = {"Precision": {"result": roles["relu"]}}
        elif "Pooling" in t:
            name = b.pool(layer, "max" if t.startswith("Max") else "avg")
            if "relu" in roles:
                layer_cfg[name] = {"Precision": {"result": roles["relu"]}}
        elif t == "Activation" or t.startswith("Activation(") or "ReLU" in t or t.startswith("ELU"):
            b.activation(layer["activation"], "act%d" % i)
        else:
            raise ValueError("layer type %s" % t)
    config = {"Model": {"Precision": default, "ReuseFactor": reuse_default,
                        "Strategy": strategy},
              "LayerName": layer_cfg, "Part": record["part"].split(" ")[0],
              "ClockPeriod": record.get("clock_ns") or 5.0}
    if "input" in roles:
        config["LayerName"]["x"] = {"Precision": {"result": roles["input"]}}
    return b.module(), config


def ratio(est, rep):
    if rep is None:
        return None
    if rep == 0:
        return 1.0 if est == 0 else None
    return est / rep


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    bindir, synth, work = sys.argv[1:]
    records_path = os.path.join(synth, "records.jsonl")
    if not os.path.exists(records_path):
        print("SKIPPED: %s not found: the calibration records live in "
              "../shared/synth beside the repository" % records_path)
        return SKIP
    os.makedirs(work, exist_ok=True)
    records = [json.loads(l) for l in open(records_path) if l.strip()]
    rng = random.Random(0)
    rows, failures, skipped = [], [], []
    for n, record in enumerate(records):
        rid = record["id"]
        try:
            mlir, config = build(record, rng)
        except ValueError as reason:
            skipped.append((rid, str(reason)))
            continue
        base = os.path.join(work, "r%02d" % n)
        open(base + ".mlir", "w").write(mlir)
        json.dump(config, open(base + ".json", "w"), indent=1)
        cmd = [os.path.join(bindir, "nn-opt"), base + ".mlir", "--canonicalize",
               "--nn-quantize=config=%s.json" % base,
               "--nn-estimate=report=%s.est.json" % base, "-o", os.devnull]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            failures.append((rid, " ".join(cmd), proc.stderr[:600]))
            continue
        est = json.load(open(base + ".est.json"))["total"]
        rep = record["results"]
        rows.append((rid, record, est, rep))

    keys = [("dsp", "dsp"), ("lut", "lut"), ("ff", "ff"), ("bram_18k", "bram_18k"),
            ("latency_cycles", "latency_cycles_worst")]
    print("%-88s %-6s" % ("record", "io") + "".join(
        " %17s" % k for k, _ in keys) + "   (estimate/report)")
    errors = {k: [] for k, _ in keys}
    errors_parallel = {k: [] for k, _ in keys}
    for rid, record, est, rep in rows:
        cells = []
        for k, rk in keys:
            e, r = est[k], rep.get(rk)
            cells.append(" %17s" % ("%d/%s" % (e, "-" if r is None else r)))
            q = ratio(e, r)
            if q is not None:
                # Symmetric error: |log ratio|, quoted as a factor; latency
                # within 3 cycles counts as exact.
                if k == "latency_cycles" and abs(e - r) <= 3:
                    q = 1.0
                err = abs(q - 1.0) if q > 0 else 1.0
                errors[k].append((err, rid))
                if record["io_type"] == "io_parallel":
                    errors_parallel[k].append((err, rid))
        print("%-88s %-6s%s" % (rid, record["io_type"].replace("io_", ""),
                                "".join(cells)))
    for title, table in (("all records", errors), ("io_parallel records", errors_parallel)):
        print("\nerror |estimate/report - 1| over %s (latency: within 3 cycles = 0):" % title)
        for k, _ in keys:
            vals = sorted(table[k])
            if not vals:
                continue
            med = statistics.median(v for v, _ in vals)
            print("  %-15s n=%-3d median %5.0f%%  worst %6.0f%% (%s)" % (
                k, len(vals), 100 * med, 100 * vals[-1][0], vals[-1][1]))
    print("\n%d records estimated, %d not expressible in nn:" % (len(rows), len(skipped)))
    for rid, reason in skipped:
        print("  %s: %s" % (rid, reason))
    for rid, cmd, err in failures:
        print("FAILED %s\n  %s\n%s" % (rid, cmd, err))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
