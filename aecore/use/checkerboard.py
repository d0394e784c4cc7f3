"""The UpSampling half of lesson 1's puzzle: one decoder built three ways, and the checkerboard a transposed
convolution leaves when its kernel size is not a multiple of its stride (Odena, Dumoulin & Olah 2016,
"Deconvolution and checkerboard artifacts").

    configs("digits")                    # the same encoder; decoders k3 / k4 / up, in the PyTorch dialect
    overlap(3, 2, 4)                     # how many kernel taps land on each output pixel (float64)
    nyquist_share(errors)                # the share of the energy at the stride's frequency (DC left out)
    untrained_response(config)           # the run's own initial decoder, fed a constant code
"""
from __future__ import annotations

import json

import numpy as np
import torch
import torch.nn.functional as F

from aecore.learn import data
from aecore.learn.config import TrainConfig, plan
from aecore.learn.families import build_model
from aecore.learn.train import reconstruct
from aecore.use import lessons as recipes

WAYS = ("k3", "k4", "up")  # ConvTranspose2d(k=3, op=1) · ConvTranspose2d(k=4) · Upsample + Conv2d(k=3)
KERNELS = {"k3": 3, "k4": 4}
STRIDE = 2
BASE = 16        # channels of the first conv (the second has twice as many)
EPOCHS = 10      # on digits: measured ≤ 12 s per model on 2 CPU cores, one torch thread
GRID = 2.0       # "shows a grid": a share at least this many times the Upsample decoder's (the 2×)
OPTIONS = ("k3", "k4", "k3_k4", "none")  # the question: which transposed convolutions show a grid pattern


def _up(way: str, i: int, o: int, last: bool) -> list[dict]:
    """One ×2 step of the decoder, in PyTorch's layer names; then ReLU (Sigmoid after the last)."""
    if way == "k3":
        layers = [{"type": "ConvTranspose2d", "in_channels": i, "out_channels": o, "kernel_size": 3,
                   "stride": STRIDE, "padding": 1, "output_padding": 1}]  # n -> (n-1)*2 - 2 + 3 + 1 = 2n
    elif way == "k4":
        layers = [{"type": "ConvTranspose2d", "in_channels": i, "out_channels": o, "kernel_size": 4,
                   "stride": STRIDE, "padding": 1}]                        # n -> (n-1)*2 - 2 + 4 = 2n
    elif way == "up":
        layers = [{"type": "Upsample", "scale_factor": 2},                 # n -> 2n (each pixel repeated)
                  {"type": "Conv2d", "in_channels": i, "out_channels": o, "kernel_size": 3, "padding": 1}]
    else:
        raise ValueError(f"unknown decoder {way!r}; known: {', '.join(WAYS)}")
    return layers + [{"type": "Sigmoid" if last else "ReLU"}]


def stack(way: str, channels: int = 1) -> list[dict]:
    """Encoder: two Conv2d(k=3, stride 2, padding 1) + ReLU, (C, n, n) -> (32, n/4, n/4); the decoder back
    to (C, n, n) by ``way``."""
    def down(i, o):
        return [{"type": "Conv2d", "in_channels": i, "out_channels": o, "kernel_size": 3, "stride": STRIDE,
                 "padding": 1}, {"type": "ReLU"}]
    return [*down(channels, BASE), *down(BASE, 2 * BASE), *_up(way, 2 * BASE, BASE, False),
            *_up(way, BASE, channels, True)]


def config(way: str, dataset: str = "digits", device_kind: str = "cpu") -> TrainConfig:
    info = data.REGISTRY[dataset]
    return TrainConfig(dataset=dataset, model="custom", stack=json.dumps(stack(way, info.channels)),
                       dialect="pytorch", input_shape=(info.channels, info.side, info.side),
                       epochs=_epochs(dataset, device_kind),
                       batch_size=32, lr=3e-3, loss="mse", max_train=recipes._max_train(device_kind))


def _epochs(dataset: str, device_kind: str) -> int:
    """About as many steps as ``EPOCHS`` on digits (at least 2). A downloadable set that is not here yet counts as
    its cap of images (the page never downloads: the training's worker does, with progress)."""
    if data.REGISTRY[dataset].source == "offline" or data.is_local(dataset):
        return recipes._epochs(dataset, EPOCHS, device_kind, low=2)
    return max(2, round(EPOCHS * recipes.DIGITS_TRAIN / recipes._max_train(device_kind)))


def configs(dataset: str = "digits", device_kind: str = "cpu") -> list[TrainConfig]:
    return [config(way, dataset, device_kind) for way in WAYS]


def lab_way(cfg: TrainConfig) -> str | None:
    """The decoder of one of the lab's own models (its stack, in PyTorch's dialect), or None for any other."""
    if cfg is None or cfg.model != "custom" or cfg.dialect != "pytorch" or not cfg.input_shape:
        return None
    return next((way for way in WAYS if cfg.stack == json.dumps(stack(way, cfg.input_shape[0]))), None)


def way_of(cfg: TrainConfig) -> str:
    """Which decoder a config trains (read back from its stack)."""
    types = [spec["type"] for spec in json.loads(cfg.stack)]
    if "Upsample" in types:
        return "up"
    k = next(spec["kernel_size"] for spec in json.loads(cfg.stack) if spec["type"] == "ConvTranspose2d")
    return {3: "k3", 4: "k4"}[k]


# ---- the overlap of a transposed convolution ------------------------------------------------------------------

def overlap(kernel: int, stride: int = STRIDE, n: int = 4, padding: int = 1, output_padding: int | None = None):
    """How many kernel taps land on each output pixel: the transposed convolution of an all-ones (n, n) input
    with an all-ones kernel, in float64. (2n, 2n) for the page's two layers."""
    if output_padding is None:
        output_padding = 1 if kernel == 3 else 0
    x = torch.ones(1, 1, n, n, dtype=torch.float64)
    w = torch.ones(1, 1, kernel, kernel, dtype=torch.float64)
    out = F.conv_transpose2d(x, w, stride=stride, padding=padding, output_padding=output_padding)
    return out[0, 0].numpy()  # (1, 1, n, n) -> (out, out)


def overlap_pattern(counts) -> tuple[int, ...]:
    """The distinct counts inside the picture (a one-pixel border left out): (1, 2, 4) or (4,)."""
    inner = np.asarray(counts)[1:-1, 1:-1]
    return tuple(int(v) for v in np.unique(inner))


# ---- the checkerboard's energy ------------------------------------------------------------------------------

def nyquist_share(images) -> float:
    """The share of the energy at the stride's frequency: the (π, π), (π, 0) and (0, π) bins of each image's
    2-D FFT over all bins but the mean's (each image's own mean left out), summed over images. ``images``:
    (H, W), (N, H, W) or (N, C, H, W) with even H and W."""
    x = np.asarray(images, dtype=np.float64)
    x = x.reshape(-1, *x.shape[-2:])
    h, w = x.shape[-2:]
    power = np.abs(np.fft.fft2(x - x.mean(axis=(-2, -1), keepdims=True))) ** 2  # (N, H, W)
    total = power.sum()
    at = power[:, h // 2, w // 2].sum() + power[:, h // 2, 0].sum() + power[:, 0, w // 2].sum()
    return float(at / total) if total > 0 else 0.0


@torch.no_grad()
def untrained_response(cfg: TrainConfig) -> np.ndarray:
    """The run's own initial model (the same seed and build as ``train.run``) fed a constant code of ones at
    its code row; what its decoder draws before the last Sigmoid, (C, H, W) float64."""
    p = plan(cfg)
    torch.manual_seed(cfg.seed)
    model = build_model(p.summary, cfg.family).eval()
    z = torch.ones(1, *model.latent_shape)  # (1, 32, n/4, n/4)
    _, out = model.run_from(z, model.bottleneck + 1, logits=True)
    return out[0].double().numpy()


def errors(model, plan_, x_uint8) -> np.ndarray:
    """Reconstruction minus image on pixels in [0, 1], (N, C, H, W) float64."""
    _, out = reconstruct(model, plan_, x_uint8)
    return (out.double() - x_uint8.double()).numpy() / 255


def grid_truth(shares: dict) -> str:
    """Which decoders show a grid pattern: those whose share is at least ``GRID`` × the Upsample decoder's,
    in the question's words (``OPTIONS``)."""
    up = shares["up"]
    grid = {w for w in ("k3", "k4") if shares[w] >= GRID * up}
    return "k3_k4" if grid == {"k3", "k4"} else (grid.pop() if grid else "none")
