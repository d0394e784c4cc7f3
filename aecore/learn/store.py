"""Trained models kept by their config's key, so a restart (or another replica) does not retrain.

Each model is one file, ``<store>/<key>.zip`` (``aecore.learn.modelfile``: config, history, weights; never
pickled code). The store is a folder, ``<AECORE_HOME>/models`` by default, or any fsspec URL in
AECORE_STORE (``s3://bucket/aecore``, ``gcs://...``, ``file:///shared/models``), so several servers can
share one. A file is written whole under a temporary name and then moved into place, so a crash leaves no
half-written model; one that does not read back exactly (corrupt, tampered, another format, a pickle with
code in it, NaN weights) is ignored with a warning and the model is trained again.
"""
from __future__ import annotations

import os
import uuid
import warnings
from dataclasses import replace

import fsspec

from aecore.learn import data
from aecore.learn.disk import cannot_write
from aecore.learn.modelfile import ModelFileError, pack, read_config, unpack


def url() -> str:
    return os.environ.get("AECORE_STORE") or str(data.home() / "models")


def _fs():
    fs, root = fsspec.core.url_to_fs(url())
    return fs, root.rstrip("/")


def path_for(config) -> str:
    """Where the model of ``config`` is (a path in the store's filesystem)."""
    _, root = _fs()
    return f"{root}/{config.key()}.zip"


def save(result) -> str:
    """Write a finished (not stopped) run. Returns its path."""
    fs, root = _fs()
    final = f"{root}/{result.config.key()}.zip"
    tmp = f"{root}/.tmp-{uuid.uuid4().hex}.zip"
    try:
        fs.makedirs(root, exist_ok=True)
        fs.pipe_file(tmp, pack(result))
        fs.mv(tmp, final)
    except OSError as e:  # a full or read-only disk: said in words; no half-written file is left
        raise cannot_write("disk.what_model", root, e) from None
    finally:
        try:
            if fs.exists(tmp):
                fs.rm(tmp)
        except OSError:
            pass
    return final


def put_file(blob: bytes):
    """A model file a learner brought back: checked exactly as a saved one, then kept. Returns the
    TrainResult; raises ModelFileError (nothing is kept then)."""
    result = unpack(blob)
    save(result)
    return result


def load(config, device: str = "cpu"):
    """The saved model of exactly this config as a TrainResult, or None (never saved, or not readable)."""
    fs, root = _fs()
    path = f"{root}/{config.key()}.zip"
    try:
        if not fs.exists(path):
            return None
        blob = fs.cat_file(path)
    except OSError:
        return None
    try:
        result = unpack(blob, expect=config, device=device)
    except ModelFileError as e:
        warnings.warn(f"ignoring the saved model in {path}: {e}", stacklevel=2)
        return None
    return replace(result, from_cache="disk")


def keys() -> set:
    """The keys of the saved models: a cheap 'is it there' (each file's last 22 bytes are read, not the file),
    so a file cut short (a copy that ran out of space, a crash in another tool) is not listed as a model."""
    fs, root = _fs()
    try:
        names = [str(e).rsplit("/", 1)[-1] for e in fs.ls(root, detail=False)]
    except (FileNotFoundError, OSError):
        return set()
    return {n[:-4] for n in names if n.endswith(".zip") and not n.startswith(".") and _whole(fs, f"{root}/{n}")}


def _whole(fs, path: str) -> bool:
    """Whether the zip ends with its end-of-central-directory record (the store's files have no comment, so it
    is the last 22 bytes): a file cut short anywhere lacks it."""
    try:
        return fs.cat_file(path, start=-22)[:4] == b"PK\x05\x06"
    except (OSError, ValueError):
        return False


def saved(limit: int = 50) -> list:
    """The configs of the saved models, newest first (at most ``limit``); unreadable files are skipped."""
    fs, root = _fs()
    try:
        entries = [e for e in fs.ls(root, detail=True) if str(e["name"]).endswith(".zip")
                   and not str(e["name"]).rsplit("/", 1)[-1].startswith(".")]
    except (FileNotFoundError, OSError):
        return []
    entries.sort(key=lambda e: float(e.get("mtime") or e.get("created") or 0), reverse=True)
    out = []
    for entry in entries[:limit * 2]:
        try:
            config, _ = read_config(fs.cat_file(entry["name"]))
        except (ModelFileError, OSError):
            continue
        if entry["name"].rsplit("/", 1)[-1] == f"{config.key()}.zip":
            out.append(config)
        if len(out) >= limit:
            break
    return out
