"""Latent codes and exact similarity search over them.

    codes = embed(model, plan, images)              # (N, D) float32, batched on the model's device
    index = KeyIndex(codes)
    idx, dist = index.nearest(codes[7], k=10)       # the 10 closest (Euclidean), ties by lower index
    idx, dist = index.farthest(codes[7], k=10, metric="cosine")

Exact: every key is ranked in float64 (a norm expansion, one matrix-vector product); the keys near the
k-th distance are then measured again directly, so rounding can never reorder them, and equal
distances go to the lower index. Checked against a float64 NumPy brute force in the tests.
"""
from __future__ import annotations

import torch

from aecore.learn.train import from_model, to_model

METRICS = ("euclidean", "cosine")


@torch.inference_mode()
def embed(model, plan, images_uint8: torch.Tensor, batch: int = 512) -> torch.Tensor:
    """The code (the bottleneck's output, flattened) of each image, as float32 on the CPU."""
    model.eval()
    dev = next(model.parameters()).device
    out = []
    for i in range(0, len(images_uint8), batch):
        x01 = images_uint8[i:i + batch].to(dev).float() / 255            # (b, C, H, W) uint8 -> float in [0, 1]
        out.append(model.encode(to_model(x01, plan)).flatten(1).float().cpu())  # (b, *latent) -> (b, D)
    return torch.cat(out) if out else torch.zeros((0, 0))                # (N, D)


@torch.inference_mode()
def decode(model, plan, codes: torch.Tensor) -> torch.Tensor:
    """Codes (N, D) -> uint8 images (N, C, H, W)."""
    model.eval()
    dev = next(model.parameters()).device
    z = codes.to(dev).reshape((len(codes),) + tuple(model.latent_shape))  # (N, D) -> (N, *latent)
    # (N, *latent) -> the model's output -> uint8 (N, C, H, W)
    return (from_model(model.decode(z), plan) * 255).round().to(torch.uint8).cpu()


class KeyIndex:
    """Keys prepared once (float64 copies, norms) so each query is one matrix-vector product."""

    def __init__(self, keys: torch.Tensor):
        if keys.ndim != 2:
            raise ValueError("keys must be (N, D)")
        self.keys = keys.detach().to(torch.float64).cpu()
        self.sq = (self.keys * self.keys).sum(1)  # (N, D) -> (N,)
        self.norm = self.sq.sqrt()

    def __len__(self) -> int:
        return len(self.keys)

    def _exact(self, q: torch.Tensor, rows: torch.Tensor, metric: str) -> torch.Tensor:
        sub = self.keys[rows]                      # (N, D) -> (R, D): the candidates
        if metric == "euclidean":
            return ((sub - q) ** 2).sum(1).sqrt()  # (R, D) - (D,) -> (R,)
        qn = float(q.norm())
        sims = (sub @ q) / (self.norm[rows] * qn)  # (R, D) @ (D,) -> (R,)
        sims = torch.where((self.norm[rows] == 0) | (qn == 0), torch.zeros_like(sims), sims)
        return 1 - sims

    def _approx(self, q: torch.Tensor, metric: str) -> tuple[torch.Tensor, float]:
        """Every key's distance, fast; and how far rounding could have moved it."""
        dots = self.keys @ q  # (N, D) @ (D,) -> (N,)
        if metric == "euclidean":
            qq = float(q @ q)
            d2 = (self.sq - 2 * dots + qq).clamp_min(0)
            return d2, 1e-9 * (float(self.sq.max()) + qq + 1.0)  # squared: same order as the distance
        qn = float(q.norm())
        denom = self.norm * qn
        sims = torch.where(denom > 0, dots / denom.clamp_min(1e-300), torch.zeros_like(dots))
        return 1 - sims, 1e-9

    def search(self, query, k: int, metric: str = "euclidean", largest: bool = False,
               exclude: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """(indices, distances) of the k nearest (or, with ``largest``, farthest) keys."""
        if metric not in METRICS:
            raise ValueError(f"metric must be one of {METRICS}, not {metric!r}")
        if not isinstance(k, int) or k < 1:
            raise ValueError("k must be a whole number >= 1")
        q = torch.as_tensor(query).detach().to(torch.float64).cpu().reshape(-1)  # any shape -> (D,)
        if q.shape[0] != self.keys.shape[1]:
            raise ValueError(f"the query has {q.shape[0]} numbers, the keys {self.keys.shape[1]}")
        approx, tol = self._approx(q, metric)
        drop = exclude is not None and 0 <= exclude < len(approx)
        if drop:
            approx[exclude] = float("-inf") if largest else float("inf")
        k = min(k, len(approx) - drop)
        if k == 0:
            return torch.zeros(0, dtype=torch.long), torch.zeros(0, dtype=torch.float64)
        boundary = float(torch.topk(approx, k, largest=largest).values[-1])
        near = approx >= boundary - tol if largest else approx <= boundary + tol
        if drop:
            near[exclude] = False
        rows = near.nonzero().flatten()  # (N,) mask -> (R,) indices
        exact = self._exact(q, rows, metric)
        # sort by distance (descending when farthest), then by index: two stable sorts
        order = torch.sort(rows, stable=True).indices
        rows, exact = rows[order], exact[order]
        order = torch.sort(exact, stable=True, descending=largest).indices[:k]
        return rows[order], exact[order]

    def nearest(self, query, k: int = 10, metric: str = "euclidean", exclude: int | None = None):
        return self.search(query, k, metric, largest=False, exclude=exclude)

    def farthest(self, query, k: int = 10, metric: str = "euclidean", exclude: int | None = None):
        return self.search(query, k, metric, largest=True, exclude=exclude)


def interpolate(a: torch.Tensor, b: torch.Tensor, steps: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(t, codes): ``steps`` points on the straight line (1 − t)·a + t·b between two codes."""
    t = torch.linspace(0, 1, steps)[:, None]                  # (steps, 1)
    return t.flatten(), (1 - t) * a.float() + t * b.float()  # (steps,), (steps, 1) · (D,) -> (steps, D)


def other_class(labels: torch.Tensor, i: int = 0) -> int:
    """The first image whose label differs from image i's (a walk between two classes), else the next one."""
    different = torch.nonzero(labels != labels[i]).flatten()  # (N,) -> (M,) indices
    return int(different[0]) if len(different) else min(i + 1, len(labels) - 1)
