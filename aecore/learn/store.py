"""Trained models on disk, keyed by their config's hash: a restart does not retrain.

    <AECORE_HOME>/models/<key>/config.json   the TrainConfig, its key and the format
                              history.json  losses and timings
                              weights.pt    the state_dict only, read with torch.load(weights_only=True)

Writing goes to a temporary folder renamed into place, so a crash leaves no half-written model. A
file that does not read back exactly (corrupt, tampered, another format, a pickle with code in it)
is ignored with a warning and the model is trained again; nothing in it is ever executed.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import warnings
from pathlib import Path

import torch

from aecore.learn import data
from aecore.learn.families import build_model

_LOCK = threading.Lock()


def models_dir() -> Path:
    return data.home() / "models"


def path_for(config) -> Path:
    return models_dir() / config.key()


def save(result) -> Path:
    """Write a finished (not stopped) run. Returns its folder."""
    from aecore.learn.config import FORMAT
    final = path_for(result.config)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=final.parent))
    try:
        (tmp / "config.json").write_text(json.dumps(
            {"format": FORMAT, "key": result.config.key(), "config": result.config.to_dict()}, indent=1))
        (tmp / "history.json").write_text(json.dumps(
            {"history": result.history, "device": result.device, "images": result.images,
             "seconds": result.seconds}, indent=1))
        state = {k: v.detach().cpu() for k, v in result.model.state_dict().items()}
        torch.save(state, tmp / "weights.pt")
        with _LOCK:
            if final.exists():
                shutil.rmtree(final)
            os.replace(tmp, final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def load(config, device: str = "cpu"):
    """The saved run of exactly this config as a TrainResult, or None (never saved, or not readable)."""
    from aecore.learn.config import FORMAT, plan
    from aecore.learn.train import TrainResult
    folder = path_for(config)
    if not (folder / "weights.pt").exists():
        return None
    try:
        meta = json.loads((folder / "config.json").read_text())
        if meta.get("format") != FORMAT or meta.get("key") != config.key() or meta.get("config") != config.to_dict():
            raise ValueError("its config does not match")
        info = json.loads((folder / "history.json").read_text())
        state = torch.load(folder / "weights.pt", map_location="cpu", weights_only=True)
        if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
            raise ValueError("it is not a state_dict")
        p = plan(config)
        model = build_model(p.summary, config.family)
        model.load_state_dict(state, strict=True)
        model.to(device).eval()
        return TrainResult(config, p, model, info["history"], info.get("device", "?"), int(info.get("images", 0)),
                           float(info.get("seconds", 0.0)), from_cache="disk")
    except Exception as e:  # noqa: BLE001 - any doubt: do not use it, train again
        warnings.warn(f"ignoring the saved model in {folder}: {type(e).__name__}: {str(e)[:200]}", stacklevel=2)
        return None


def saved(limit: int = 50) -> list:
    """The configs of the saved runs, newest first (at most ``limit``); unreadable folders are skipped."""
    from aecore.learn.config import FORMAT, TrainConfig
    root = models_dir()
    if not root.exists():
        return []
    folders = sorted((f for f in root.iterdir() if (f / "weights.pt").exists() and (f / "config.json").exists()),
                     key=lambda f: f.stat().st_mtime, reverse=True)
    out = []
    for folder in folders:
        try:
            meta = json.loads((folder / "config.json").read_text())
            config = TrainConfig.from_dict(meta["config"])
            if meta.get("format") == FORMAT and config.key() == meta.get("key") == folder.name:
                out.append(config)
        except (ValueError, KeyError, TypeError, OSError):
            continue
        if len(out) >= limit:
            break
    return out
