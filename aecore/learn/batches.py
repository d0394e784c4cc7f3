"""Images on the device as the loop needs them: the fixed pick, the model's size and scale, noise, the loss.

    x = prepare(images.train_x, plan(config), cap=config.max_train)   # uint8 (N, C, H, W) on the model's size
    inp = to_model(corrupt(x01, "gaussian", 0.2), p)                   # (B, C, H, W) in [0, 1] -> model input
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from aecore.learn import data
from aecore.learn.config import Plan, TrainConfig, check


# ---- data on the device ------------------------------------------------------------------------------

def fixed_pick(n: int, cap: int | None, seed: int = 0) -> torch.Tensor | None:
    """Indices of at most ``cap`` of ``n`` items, a seeded random pick (None: keep all). Training and the
    pages use this one pick, so an image number means the same image everywhere."""
    if cap is None or n <= cap:
        return None
    return torch.randperm(n, generator=torch.Generator().manual_seed(seed))[:cap]


def prepare(images: torch.Tensor, p: Plan, cap: int | None = None, seed: int = 0) -> torch.Tensor:
    """uint8 images -> uint8 in the model's channels and size; at most ``cap``, a fixed random pick."""
    pick = fixed_pick(len(images), cap, seed)
    if pick is not None:
        images = images[pick]
    x = data.fit_images(images, channels=p.channels)
    if (x.shape[2], x.shape[3]) != (p.height, p.width):
        x = torch.nn.functional.interpolate(x.float(), size=(p.height, p.width), mode="bilinear", antialias=True,
                                            align_corners=False).round().clamp(0, 255).to(torch.uint8)
    return x.contiguous()


def one_class(images, config: TrainConfig) -> tuple[torch.Tensor, torch.Tensor]:
    """(train, test) images, of one class only when the config says so (an anomaly detector learns what
    normal looks like: one kind of image)."""
    if config.only_class < 0:
        return images.train_x, images.test_x
    k = len(images.classes)
    check(config.only_class < k, "train.no_such_class", data=data.display_name(config.dataset), n=config.only_class,
           k=k, last=k - 1)
    return images.train_x[images.train_y == config.only_class], images.test_x[images.test_y == config.only_class]


def to_model(xb: torch.Tensor, p: Plan) -> torch.Tensor:
    """Pixels in [0, 1] -> the model's input: its scale, and its shape (flat models get flat vectors)."""
    if p.scale == "signed":
        xb = xb * 2 - 1
    return xb.reshape((len(xb),) + tuple(p.model_input))


def from_model(y: torch.Tensor, p: Plan) -> torch.Tensor:
    """The model's output -> images in [0, 1], (B, C, H, W)."""
    y = y.float().reshape(len(y), p.channels, p.height, p.width)
    if p.scale == "signed":
        y = (y + 1) / 2
    return y.clamp(0, 1)


def corrupt(x: torch.Tensor, kind: str, level: float, gen: torch.Generator | None = None) -> torch.Tensor:
    """Noise on pixels in [0, 1]. gaussian: + N(0, σ²), unclipped as in lesson 001; salt_pepper: a share of
    pixels set to 0 or 1; masking: a share of pixels set to 0."""
    if kind == "none" or level <= 0:
        return x
    if kind == "gaussian":
        return x + torch.randn(x.shape, generator=gen, device=x.device, dtype=x.dtype) * level
    hit = torch.rand(x.shape, generator=gen, device=x.device) < level
    if kind == "masking":
        return x.masked_fill(hit, 0.0)
    salt = torch.rand(x.shape, generator=gen, device=x.device) < 0.5
    return torch.where(hit, salt.to(x.dtype), x)


def as_uint8(x01: torch.Tensor) -> torch.Tensor:
    """Pixels in [0, 1] -> uint8 images on the CPU (pictures for a page)."""
    return (x01.clamp(0, 1) * 255).round().to(torch.uint8).cpu()


def image_loss(out: torch.Tensor, x01: torch.Tensor, p: Plan) -> torch.Tensor:
    """The reconstruction loss of a batch: ``out`` the model's output (logits for BCE), ``x01`` the clean
    images in [0, 1], (B, C, H, W); the mean over every pixel."""
    target = to_model(x01, p).reshape(out.shape)                 # (B, C, H, W) -> the model's output shape
    out = out.float()
    if p.loss == "bce":
        return F.binary_cross_entropy_with_logits(out, target)
    return F.mse_loss(out, target)


