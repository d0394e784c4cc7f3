"""A trained model as one file a learner can take home and bring back, and the store's own format.

    <key>.zip   config.json   {"format", "key", "config"}: the TrainConfig, which says how to build the model
                history.json  losses and timings
                weights.pt    the state_dict only: tensors, read with torch.load(weights_only=True)

Nothing in a file is ever run: no pickle of code is read (weights_only), the zip's members are exactly
those three and each is size-checked before it is read (no zip bomb), the config goes through the same
checks and budgets as a training (``config.plan``), the weights must fit the model exactly (strict keys,
same shapes) and be finite. Every refusal is a ``ModelFileError`` with a sentence for the learner.
"""
from __future__ import annotations

import io
import json
import math
import zipfile

import torch

from aecore.learn.config import FORMAT, ConfigError, TrainConfig, plan
from aecore.learn.families import build_model
from aecore.learn.train import TrainResult
from aecore.text import t

MAX_FILE_MB = 100
MEMBERS = ("config.json", "history.json", "weights.pt")
MAX_JSON = 1 << 20


class ModelFileError(ValueError):
    """The file cannot be used; the message says why, for the learner."""


def pack(result) -> bytes:
    """The zip of a finished run (``TrainResult``)."""
    buffer = io.BytesIO()
    state = {k: v.detach().cpu().contiguous() for k, v in result.model.state_dict().items()}
    weights = io.BytesIO()
    torch.save(state, weights)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("config.json", json.dumps({"format": FORMAT, "key": result.config.key(),
                                              "config": result.config.to_dict()}, indent=1))
        z.writestr("history.json", json.dumps({"history": result.history, "device": result.device,
                                               "images": result.images, "seconds": result.seconds}, indent=1))
        z.writestr("weights.pt", weights.getvalue())
    return buffer.getvalue()


def _fail(key: str, **values) -> ModelFileError:
    return ModelFileError(t(key, **values))


def _members(blob: bytes) -> dict:
    if len(blob) > MAX_FILE_MB * 2**20:
        raise _fail("file.too_big", mb=MAX_FILE_MB)
    try:
        z = zipfile.ZipFile(io.BytesIO(blob))
        infos = {i.filename: i for i in z.infolist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _fail("file.not_zip") from None
    if sorted(infos) != sorted(MEMBERS):
        raise _fail("file.members", found=", ".join(sorted(infos)[:6]) or "—", expected=", ".join(MEMBERS))
    limits = {"config.json": MAX_JSON, "history.json": MAX_JSON, "weights.pt": MAX_FILE_MB * 2**20}
    for name, info in infos.items():
        if info.file_size > limits[name]:  # the size it claims, checked before a byte is unpacked
            raise _fail("file.too_big", mb=MAX_FILE_MB)
    try:
        out = {name: z.read(name) for name in MEMBERS}
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError):
        raise _fail("file.not_zip") from None
    if any(len(out[name]) > limits[name] for name in MEMBERS):
        raise _fail("file.too_big", mb=MAX_FILE_MB)
    return out


def read_config(blob: bytes):
    """The TrainConfig a file says it holds (format and key checked); nothing else is read."""
    members = _members(blob)
    try:
        meta = json.loads(members["config.json"])
        config = TrainConfig.from_dict(meta["config"])
    except (ValueError, KeyError, TypeError, ConfigError):
        raise _fail("file.config") from None
    if meta.get("format") != FORMAT:
        raise _fail("file.format", got=str(meta.get("format"))[:20], want=FORMAT)
    if meta.get("key") != config.key():
        raise _fail("file.key")
    return config, members


def unpack(blob: bytes, expect=None, device: str = "cpu"):
    """A TrainResult from a file's bytes, or ModelFileError. ``expect``: the config it must hold."""
    config, members = read_config(blob)
    if expect is not None:
        if config.key() != expect.key():
            raise _fail("file.key")
        config = expect  # the same run, written as the caller wrote it (a key ignores what cannot matter)
    try:
        p = plan(config)  # every check and budget a training has
    except ConfigError as e:
        raise ModelFileError(t("file.refused", why=str(e))) from None
    try:
        info = json.loads(members["history.json"])
        history = info["history"]
        if not isinstance(history, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise _fail("file.history") from None
    try:
        state = torch.load(io.BytesIO(members["weights.pt"]), map_location="cpu", weights_only=True)
    except Exception:  # noqa: BLE001 - a pickle with code in it, a truncated file: refused, never run
        raise _fail("file.weights") from None
    if not isinstance(state, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                              for k, v in state.items()):
        raise _fail("file.weights")
    if not all(bool(torch.isfinite(v).all()) for v in state.values() if v.is_floating_point()):
        raise _fail("file.nan")
    model = build_model(p.summary, config.family)
    expected = model.state_dict()
    if set(state) != set(expected):
        missing, extra = sorted(set(expected) - set(state)), sorted(set(state) - set(expected))
        raise _fail("file.keys", missing=", ".join(missing[:3]) or "—", extra=", ".join(extra[:3]) or "—")
    for name, tensor in state.items():
        if tuple(tensor.shape) != tuple(expected[name].shape):
            raise _fail("file.shape", name=name, got=tuple(tensor.shape), want=tuple(expected[name].shape))
    model.load_state_dict(state, strict=True)
    model.to(device).eval()
    seconds = info.get("seconds", 0.0)
    return TrainResult(config, p, model, history, str(info.get("device", "?"))[:10], int(info.get("images", 0)),
                       float(seconds) if isinstance(seconds, (int, float)) and math.isfinite(seconds) else 0.0,
                       from_cache="file")
