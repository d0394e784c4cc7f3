"""A 2-number code plane decoded once on a grid, for a picture under the pointer with no server call per move
(the VAE page), and how far each grid point lies from where the model has been: the off-manifold meter.

    g = plane_grid(train_codes, n=25)            # the grid over the range the training codes cover
    images = search.decode(model, plan, g.points)  # (n·n, C, H, W) uint8, row by row from the top
    gap = gap_ratio(g.points, train_codes)       # distance to the nearest training code / the codes' usual gap
    density = prior_density(g.points)            # N(0, I) density relative to its peak at 0
    url = sprite(images, g.n)                    # one PNG (data URL): tile (r, c) is grid point r·n + c

Every number the browser shows is computed here, in float64, and looked up there by the grid cell.
"""
from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image
from torchvision.utils import make_grid

EXACT = "donot_use_mm_for_euclid_dist"  # differences, not the norm expansion: a code's distance to itself is 0


@dataclass(frozen=True)
class Grid:
    n: int              # n × n points
    xs: np.ndarray      # (n,) z₁ of the columns, left to right
    ys: np.ndarray      # (n,) z₂ of the rows, top (largest) to bottom
    points: torch.Tensor  # (n·n, 2) float32: row r, column c at index r·n + c


def plane_grid(codes, n: int = 25, margin: float = 0.08) -> Grid:
    """An n × n grid over the box the codes cover (each side widened by ``margin`` of its length), so the
    pointer can leave the codes and see what lies around them."""
    if not 2 <= int(n) <= 64:
        raise ValueError("n must be between 2 and 64")
    c = np.asarray(codes, dtype=np.float64)
    if c.ndim != 2 or c.shape[1] != 2 or not len(c):
        raise ValueError("codes must be (N, 2) with N ≥ 1")
    lo, hi = c.min(0), c.max(0)
    pad = np.maximum(hi - lo, 1e-6) * margin
    lo, hi = lo - pad, hi + pad
    xs, ys = np.linspace(lo[0], hi[0], n), np.linspace(hi[1], lo[1], n)
    gx, gy = np.meshgrid(xs, ys)                                   # (n, n) each: rows are z₂, columns z₁
    points = torch.tensor(np.stack([gx.ravel(), gy.ravel()], 1), dtype=torch.float32)  # (n·n, 2)
    return Grid(int(n), xs, ys, points)


def nearest_distance(points, codes, chunk: int = 2048) -> np.ndarray:
    """Per point, the Euclidean distance to the nearest code (float64). (P, D), (N, D) -> (P,)."""
    p = torch.as_tensor(np.asarray(points), dtype=torch.float64)
    c = torch.as_tensor(np.asarray(codes), dtype=torch.float64)
    best = torch.full((len(p),), float("inf"), dtype=torch.float64)
    for i in range(0, len(c), chunk):
        d = torch.cdist(p, c[i:i + chunk], compute_mode=EXACT)                 # (P, chunk)
        best = torch.minimum(best, d.min(1).values)                            # (P, chunk) -> (P,)
    return best.numpy()


def typical_gap(codes, chunk: int = 1024) -> float:
    """The median, over the codes, of each code's distance to its nearest other code: how far apart the
    model's codes usually lie (a duplicate code counts as distance 0)."""
    c = torch.as_tensor(np.asarray(codes), dtype=torch.float64)
    if len(c) < 2:
        raise ValueError("need at least two codes")
    best = torch.empty(len(c), dtype=torch.float64)
    for i in range(0, len(c), chunk):
        d = torch.cdist(c[i:i + chunk], c, compute_mode=EXACT)                    # (chunk, N)
        d[torch.arange(len(d)), torch.arange(i, i + len(d))] = float("inf")       # not itself
        best[i:i + len(d)] = d.min(1).values
    return float(np.median(best.numpy()))  # torch.median would take the lower of the two middle values


def gap_ratio(points, codes) -> np.ndarray:
    """Per point, its distance to the nearest code in units of the codes' typical gap (``typical_gap``):
    about 1 among the codes, much more in the holes and outside, where the decoder was never trained."""
    return nearest_distance(points, codes) / max(typical_gap(codes), 1e-12)


def prior_density(points) -> np.ndarray:
    """Per point z, the N(0, I) density relative to its peak: exp(−‖z‖²/2) (the density divided by (2π)^(−D/2))."""
    z = np.asarray(points, dtype=np.float64)
    return np.exp(-0.5 * (z * z).sum(1))


GAP_CUTS = (1.5, 3.0)  # ≤ 1.5× the codes' usual gap: among them; ≤ 3×: between them; beyond: far from every code
GAP_FULL = 6.0         # the gap meter is full at 6× the usual gap
RING = math.sqrt(-2 * math.log(0.05))  # 2.45: N(0, I) in 2-D puts 95% of its codes within this radius
DENSITY_CUTS = (math.exp(-4.5), math.exp(-2))  # ‖z‖ = 3 and ‖z‖ = 2, as relative densities


def gap_levels(gap) -> np.ndarray:
    """0 among the codes, 1 between them, 2 far from every code (``GAP_CUTS``)."""
    return np.digitize(np.asarray(gap), GAP_CUTS, right=True)


def density_levels(density) -> np.ndarray:
    """0 where the prior is dense (‖z‖ ≤ 2), 1 on its edge (‖z‖ ≤ 3), 2 where it almost never draws a code."""
    return 2 - np.digitize(np.asarray(density), DENSITY_CUTS, right=False)


def sprite(images: torch.Tensor, n: int) -> str:
    """n·n uint8 images (C, H, W) -> one PNG as a data URL, n tiles a row with no gaps (tile r·n + c at
    x = c·W, y = r·H)."""
    if len(images) != n * n:
        raise ValueError(f"expected {n * n} images, got {len(images)}")
    sheet = make_grid(images, nrow=n, padding=0)                     # (n·n, C, H, W) -> (3, n·H, n·W)
    if images.shape[1] == 1:
        sheet = sheet[:1]                                            # make_grid repeats one channel to three
    array = sheet.permute(1, 2, 0).numpy()                           # (C, n·H, n·W) -> (n·H, n·W, C)
    buf = io.BytesIO()
    Image.fromarray(array[..., 0] if array.shape[2] == 1 else array).save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
