"""The PyTorch dialect against torch itself: random stacks, each layer made by torch.nn and run."""
import random
import warnings

import pytest
import torch
from torch import nn

from aecore.shapes.layers import summarize


def torch_oracle(stack, input_shape):
    """(rows of (shape, params), failing index) from real torch modules on one zero image, eval mode.

    One image, because torch checks a transposed convolution's output size only then: with a batch
    of 2 it returns a 0-sized tensor where a batch of 1 raises 'Output size is too small'.
    """
    x = torch.zeros((1,) + tuple(input_shape))
    rows = []
    for i, spec in enumerate(stack):
        kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in spec.items() if k != "type"}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                layer = getattr(nn, spec["type"])(**kwargs).eval()
                x = layer(x)
        except Exception:  # noqa: BLE001 - any failure marks the layer
            return rows, i
        rows.append((tuple(x.shape[1:]), sum(p.numel() for p in layer.parameters())))
    return rows, None


def rand_layer(r, shape):
    image = len(shape) == 3
    c = shape[0]
    pick = r.random()
    ch = c if r.random() < 0.9 else c + 1
    if image and pick < 0.3:
        d = {"type": "Conv2d", "in_channels": ch, "out_channels": r.randint(1, 6), "kernel_size": r.choice([1, 2, 3, 5, [3, 1]])}
        d["stride"] = r.choice([1, 1, 2, 3, [1, 2]])
        d["padding"] = r.choice([0, 1, 2, "same", "valid", [1, 0]])
        if r.random() < 0.1:
            d["dilation"] = 2
        return d
    if image and pick < 0.45:
        d = {"type": "ConvTranspose2d", "in_channels": ch, "out_channels": r.randint(1, 6),
             "kernel_size": r.choice([1, 2, 3, 4]), "stride": r.choice([1, 2, 3])}
        d["padding"] = r.choice([0, 1, 2])
        d["output_padding"] = r.choice([0, 0, 1, 2])
        return d
    if image and pick < 0.6:
        d = {"type": r.choice(["MaxPool2d", "AvgPool2d"]), "kernel_size": r.choice([1, 2, 3, 4])}
        if r.random() < 0.5:
            d["stride"] = r.choice([1, 2, 3])
        d["padding"] = r.choice([0, 0, 1, 2])
        d["ceil_mode"] = r.random() < 0.3
        return d
    if image and pick < 0.7:
        return r.choice([{"type": "Upsample", "scale_factor": r.choice([2, 1.5, 0.5, 3])},
                         {"type": "Upsample", "size": r.choice([4, [5, 7]])},
                         {"type": "BatchNorm2d", "num_features": ch},
                         {"type": "ZeroPad2d", "padding": r.choice([1, [1, 0, 2, -1], -2])}])
    if pick < 0.8:
        return {"type": "Flatten"}
    if pick < 0.9:
        n = shape[-1] if r.random() < 0.9 else shape[-1] + 1
        return {"type": "Linear", "in_features": n, "out_features": r.choice([3, 12, 16, 64, 128])}
    if pick < 0.95 and len(shape) == 1 and shape[0] % 16 == 0:
        return {"type": "Unflatten", "dim": 1, "unflattened_size": r.choice([[-1, 4, 4], [shape[0] // 16, 4, 4], [4, -1, 2]])}
    return r.choice([{"type": "ReLU"}, {"type": "GELU"}, {"type": "Sigmoid"}, {"type": "Tanh"}, {"type": "ELU"},
                     {"type": "LeakyReLU", "negative_slope": 0.1}, {"type": "Dropout", "p": 0.2}, {"type": "Identity"}])


def rand_case(r):
    shape = r.choice([(1, 28, 28), (3, 32, 32), (2, r.randint(1, 12), r.randint(1, 12)), (784,), (48,)])
    stack = []
    for _ in range(r.randint(1, 8)):
        s = summarize(stack, shape, "pytorch")
        stack.append(rand_layer(r, s.output_shape if s.ok else shape))
        if not summarize(stack, shape, "pytorch").ok:
            break
    return stack, shape


CASES = [rand_case(random.Random(i)) for i in range(400)]


@pytest.mark.parametrize("i", range(0, 400, 50))
def test_random_stacks_match_torch(i):
    for stack, shape in CASES[i:i + 50]:
        s = summarize(stack, shape, "pytorch")
        rows, fail = torch_oracle(stack, shape)
        assert [(r.output_shape, r.params) for r in s.rows] == rows, (stack, shape, s.error)
        assert s.error_index == fail, (stack, shape, s.error)


def test_the_cases_cover_failures_and_deep_stacks():
    fails = sum(torch_oracle(st, sh)[1] is not None for st, sh in CASES)
    assert 40 < fails < 360
    assert max(len(st) for st, _ in CASES) >= 6


def test_pytorch_shapes_are_channels_first():
    s = summarize([{"type": "Conv2d", "in_channels": 1, "out_channels": 16, "kernel_size": 3, "padding": 1,
                    "stride": 2}], (1, 28, 28), "pytorch")
    assert s.rows[0].output_shape == (16, 14, 14)
    assert s.rows[0].why.startswith("⌊(28 + 2·1 − 3)/2⌋ + 1 = 14")


def test_in_channels_mismatch_is_explained():
    s = summarize([{"type": "Conv2d", "in_channels": 3, "out_channels": 4, "kernel_size": 3}], (1, 28, 28), "pytorch")
    assert s.error == "Layer 0 (Conv2d): in_channels=3, but the input has 1 channels."
