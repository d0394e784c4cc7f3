"""Making new images from codes (lessons 3 and 4): why a plain autoencoder is not a generative model and a
VAE is. Decode codes drawn at random from N(0, I) — the VAE was trained to make exactly those codes
meaningful; the plain autoencoder never was, so most of them fall where it has never been.

    prior_samples(model, plan, 16, seed=0)       # uint8 images decoded from z ~ N(0, I)
    matched_samples(model, plan, codes, 16)      # from a Gaussian fitted to the model's own codes
    grid(model, plan, 8)                         # a 2-D code: the whole map, quantiles of N(0, 1)
"""
from __future__ import annotations

import numpy as np
import torch
from scipy.stats import norm

from aecore.learn.train import to_model
from aecore.use.course import closer  # the lessons' one "which is lower" rule
from aecore.use.search import decode


def prior_draws(d: int, n: int, seed: int = 0) -> torch.Tensor:
    """n codes of d numbers from N(0, I), the same for every model given the seed."""
    return torch.randn(n, d, generator=torch.Generator().manual_seed(seed))  # (n, d)


def prior_samples(model, plan, n: int, seed: int = 0) -> torch.Tensor:
    d = int(np.prod(model.latent_shape))
    return decode(model, plan, prior_draws(d, n, seed))


def matched_samples(model, plan, codes: torch.Tensor, n: int, seed: int = 0) -> torch.Tensor:
    """Codes drawn from a Gaussian with the mean and spread of the model's own codes, unit by unit: the
    fairest way to sample a plain autoencoder, and still it lands in the holes between its images."""
    mean, std = codes.float().mean(0), codes.float().std(0)                     # (N, D) -> (D,), (D,)
    return decode(model, plan, mean + std * prior_draws(codes.shape[1], n, seed))  # (D,) · (n, D) -> (n, D)


def grid(model, plan, n: int = 8, span: float = 0.95) -> torch.Tensor:
    """For a 2-number code: an n × n map of decoded codes at the quantiles of N(0, 1) (rows: z₂, columns: z₁)."""
    q = norm.ppf(np.linspace(1 - span, span, n))
    z = torch.tensor([[a, b] for b in q[::-1] for a in q], dtype=torch.float32)  # (n·n, 2)
    return decode(model, plan, z)


def nearest_distance(samples: torch.Tensor, train: torch.Tensor, chunk: int = 256) -> torch.Tensor:
    """Per sample, the mean squared difference per pixel (pixels in [0, 1]) to its nearest training image:
    how close a decoded random code comes to a real image. uint8 (N, C, H, W) and (M, C, H, W) -> (N,)."""
    s = samples.float().div(255).flatten(1)                         # (N, C·H·W)
    t = train.float().div(255).flatten(1)                           # (M, C·H·W)
    best = torch.full((len(s),), float("inf"))                      # (N,)
    for i in range(0, len(t), chunk):
        d = torch.cdist(s, t[i:i + chunk]).pow(2) / s.shape[1]      # (N, chunk)
        best = torch.minimum(best, d.min(1).values)                 # (N, chunk) -> (N,)
    return best


def code_sigma(model, plan, x: torch.Tensor) -> float | None:
    """A VAE's mean encoder σ over images ``x`` (uint8 (N, C, H, W)); None for a model without one."""
    if getattr(model, "family", "") != "vae":
        return None
    with torch.inference_mode():
        h = model.base.encode(to_model(x.float().div(255), plan))  # (N, C, H, W) -> (N, *latent)
        _, logvar = model.heads(h)                                 # (N, *latent) -> (N, D)
    return float((0.5 * logvar).exp().mean())                     # (N, D) -> one number


def realism(vae_d: float, plain_d: float, tol: float = 0.10) -> str:
    """Whose random codes decode closer to real images: "vae", "plain", or "same" within ``tol`` (relative)."""
    return closer(vae_d, plain_d, ("vae", "plain", "same"), tol)
