"""The seeded training the Fashion-MNIST models share (train.py for the
CNN, train_mlp.py for the MLP): seeds, the data set as tensors, and Adam on
batches of 128 in a seeded order, printing each epoch's loss and test
accuracy. Needs Debian's python3-torch and dataset-fashion-mnist."""
import random

import numpy as np
import torch
import torch.nn as tnn

from fashion_data import normalize, read_idx


def seed(deterministic):
    """Seeds every generator, 2 threads; `deterministic`: torch's
    deterministic algorithms (train.py asks for them)."""
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    if deterministic:
        torch.use_deterministic_algorithms(True)


def load():
    """(x_train, y_train, x_test, y_test): normalized images, int64 labels."""
    def images(name):
        return torch.from_numpy(normalize(read_idx(name)))

    def labels(name):
        return torch.from_numpy(read_idx(name).astype(np.int64))

    return (images("train-images-idx3-ubyte.gz"),
            labels("train-labels-idx1-ubyte.gz"),
            images("t10k-images-idx3-ubyte.gz"),
            labels("t10k-labels-idx1-ubyte.gz"))


def train(model, data, lr, epochs):
    """Trains `model` in place on `data` (load()) with Adam at `lr`."""
    x_train, y_train, x_test, y_test = data
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = tnn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(0)
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(x_train), generator=generator)
        total = 0.0
        for i in range(0, len(order), 128):
            idx = order[i:i + 128]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        model.eval()
        with torch.no_grad():
            acc = (model(x_test).argmax(1) == y_test).float().mean().item()
        print(f"epoch {epoch + 1}: loss {total / len(order):.4f}, "
              f"test accuracy {acc:.4f}")
