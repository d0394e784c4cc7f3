"""What a model may cost before anything is built: layers, channels, units, kernels, and the memory a
training would take (weights with their gradients and Adam's two moments, plus the activations kept for
the backward pass, for the chosen batch). Checked in ``config.plan``, so every training and every model
file brought back is refused here, with a reason and what to change, before a byte is allocated.

The limits fit a shared server (a class of 40, or Community Cloud's 2.7 GB); a teacher's own machine can
raise them: AECORE_MAX_MEMORY_MB, AECORE_MAX_PARAMS.
"""
from __future__ import annotations

import os

MAX_LAYERS = 64
MAX_CHANNELS = 1024      # a convolution's filters / out_channels
MAX_UNITS = 65_536       # a Dense / Linear layer's outputs
MAX_KERNEL = 15          # a side of a kernel or a pool window
BYTES = 4                # float32


def max_memory_mb() -> int:
    return int(os.environ.get("AECORE_MAX_MEMORY_MB", "1500"))


def max_params() -> int:
    return int(os.environ.get("AECORE_MAX_PARAMS", "20000000"))


def memory_mb(summary, batch_size: int) -> float:
    """An estimate of a training's memory: weights × 4 (the weights, their gradients, Adam's m and v) and
    every layer's output × 2 (kept for the backward pass, and its gradient), for one batch."""
    weights = summary.total_params * 4
    activations = sum(row.size for row in summary.rows) * batch_size * 2
    return (weights + activations) * BYTES / 2**20


def problem(summary, batch_size: int) -> tuple[str, dict] | None:
    """(text key, values) of the first limit the model passes, or None."""
    rows = summary.rows
    if len(rows) > MAX_LAYERS:
        return "budget.layers", {"n": len(rows), "max": MAX_LAYERS}
    for row in rows:
        cfg = dict(row.cfg or {})
        channels = cfg.get("filters", cfg.get("out_channels"))
        if isinstance(channels, int) and channels > MAX_CHANNELS:
            return "budget.channels", {"i": row.index, "name": row.type, "n": channels, "max": MAX_CHANNELS}
        units = cfg.get("units", cfg.get("out_features"))
        if isinstance(units, int) and units > MAX_UNITS:
            return "budget.units", {"i": row.index, "name": row.type, "n": units, "max": MAX_UNITS}
        for kw in ("kernel_size", "pool_size"):
            k = cfg.get(kw)
            sides = k if isinstance(k, (list, tuple)) else [k]
            if any(isinstance(s, int) and s > MAX_KERNEL for s in sides):
                return "budget.kernel", {"i": row.index, "name": row.type, "kw": kw, "k": k, "max": MAX_KERNEL}
    if summary.total_params > max_params():
        return "budget.params", {"n": f"{summary.total_params:,}", "max": f"{max_params():,}"}
    mb = memory_mb(summary, batch_size)
    if mb > max_memory_mb():
        return "budget.memory", {"mb": f"{mb:,.0f}", "batch": batch_size, "max": f"{max_memory_mb():,}"}
    return None
