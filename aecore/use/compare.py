"""Code size and runs side by side: what a bigger bottleneck buys, and how two runs differ.

    sweep_configs(base, "latent", [2, 8, 32])    # the same run at several code sizes
    settings_diff(a, b)                          # [(setting, a's value, b's value)] where they differ
"""
from __future__ import annotations

from dataclasses import replace

SIZE_PARAM = {"s1-uva-conv": "latent", "s3-dense": "latent", "s4-stacked": "coding"}  # the code's size


def sweep_configs(base, sizes: list[int]) -> list:
    """``base`` at each code size (the preset's size parameter), smallest first."""
    name = SIZE_PARAM[base.model]
    params = dict(base.model_params)
    return [replace(base, model_params=tuple(sorted({**params, name: int(k)}.items()))) for k in sorted(set(sizes))]


def settings_diff(a, b) -> list[tuple[str, object, object]]:
    """The settings two configs differ in, as (name, a's value, b's value); model parameters one by one."""
    from aecore.learn.config import LATER_FIELDS  # deferred: importing aecore.use.compare stays free of torch
    da, db = {**LATER_FIELDS, **a.canonical().to_dict()}, {**LATER_FIELDS, **b.canonical().to_dict()}
    pa, pb = dict(map(tuple, da.pop("model_params", []))), dict(map(tuple, db.pop("model_params", [])))
    rows = [(k, da.get(k), db.get(k)) for k in sorted(set(da) | set(db)) if da.get(k) != db.get(k)]
    rows += [(k, pa.get(k), pb.get(k)) for k in sorted(set(pa) | set(pb)) if pa.get(k) != pb.get(k)]
    return rows


def test_error(result, test_x) -> float:
    """Mean squared error per pixel on the given test images (comparable across losses and models)."""
    from aecore.use.anomaly import errors  # deferred: importing aecore.use.compare stays free of torch
    return float(errors(result.model, result.plan, test_x).mean())
