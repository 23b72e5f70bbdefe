"""Debian's dataset-fashion-mnist as the training scripts and the pruning
benchmark read it (one home for the file format and the normalization).
Needs NumPy only."""
import gzip
import os

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860, 0.3530


def read_idx(name):
    """An IDX file of DATA (e.g. "t10k-images-idx3-ubyte.gz") as uint8."""
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def normalize(images):
    """[N, 28, 28] uint8 -> [N, 1, 28, 28] float32, as in training."""
    return ((images.astype(np.float32) / 255.0 - MEAN) / STD)[:, None, :, :]
