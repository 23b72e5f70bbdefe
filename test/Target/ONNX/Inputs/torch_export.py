"""What the PyTorch export scripts of the subdirectories share (Debian
python3-torch): a model's inputs and PyTorch's outputs on them saved as
.npy, and the model exported at opset 13 and 17 with a dynamic batch axis,
as hls4ml users export (tutorials' dynamic_axes)."""
import os

import numpy as np
import torch


def write_case(out, name, model, x, opsets=(13, 17)):
    """NAME-input.npy (x), NAME-output.npy (model(x)) and, per opset,
    NAME-opsetK.onnx exported on the first sample of x."""
    with torch.no_grad():
        y = model(x)
    np.save(os.path.join(out, f"{name}-input.npy"), x.numpy())
    np.save(os.path.join(out, f"{name}-output.npy"), y.numpy())
    for opset in opsets:
        path = os.path.join(out, f"{name}-opset{opset}.onnx")
        torch.onnx.export(model, x[:1], path, opset_version=opset,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"},
                                        "output": {0: "batch"}})
        print(f"wrote {path} ({os.path.getsize(path)} bytes)")
