"""Fetch one file with progress, safely: into a temporary file of its own, checked, then renamed.

A download that fails or does not match its md5 leaves nothing behind, so a half-written file is
never mistaken for a good one. Two learners (threads or processes) asking for the same file: the second
waits for the first (``file_lock``) and then finds the file there; nobody renames another's part file.

A school whose server cannot reach the public hosts sets ``AECORE_DATA_MIRROR`` to a folder URL laid out like the
app's own data folder (``<AECORE_HOME>/data``: ``MNIST/raw/…gz``, ``FashionMNIST/raw/…gz``,
``cifar-10-python.tar.gz``, ``pathmnist.npz``; any web server over a copy of that folder): every file is then
fetched from there, still checked against its md5. The tests point it at a closed port, so no test depends on
whether this machine has a network.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import socket
import sys
import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from aecore.learn.disk import WRITE_ERRORS, cannot_write

Progress = Callable[[int, "int | None", str], None]  # (bytes so far, total or None, label)
CHUNK = 1 << 20


class DownloadError(OSError):
    """Every URL failed. ``kind`` is the likeliest reason in a learner's terms: 'offline' (no name lookup:
    no network), 'refused', 'timeout', 'http' (with ``code``), 'checksum', 'short', or 'other'."""

    def __init__(self, message: str, kind: str = "other", code: int | None = None):
        super().__init__(message)
        self.kind, self.code = kind, code


def _kind(e: BaseException) -> tuple[str, int | None]:
    """What went wrong with one URL, from the exception (urllib wraps the socket's in ``reason``)."""
    if isinstance(e, DownloadError):
        return e.kind, e.code
    if isinstance(e, urllib.error.HTTPError):
        return "http", e.code
    reason = getattr(e, "reason", e)
    if isinstance(reason, socket.gaierror):
        return "offline", None
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return "timeout", None
    if isinstance(reason, (ConnectionRefusedError, ConnectionResetError)):
        return "refused", None
    return "other", None


@contextmanager
def file_lock(path: Path):
    """An exclusive lock on ``path`` (created if missing), across threads and processes (flock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def temp_beside(dest: Path) -> Path:
    """A new, empty temporary file next to ``dest`` (its own name: no two writers share one)."""
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    return Path(name)


def md5sum(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def fetch(urls: list[str] | str, dest: Path, md5: str | None = None, progress: Progress | None = None,
          label: str = "", timeout: float = 20.0, root: Path | None = None) -> Path:
    """Download the first URL that works to ``dest``. Raises DownloadError with every reason. ``root``: the data
    folder ``dest`` lies in, whose layout a mirror has (its path below ``root`` names the file there)."""
    dest = Path(dest)
    with file_lock(dest.with_name(f".{dest.name}.lock")):
        where = dest.relative_to(root).as_posix() if root is not None else dest.name
        return _fetch(mirrored(urls, where), dest, md5, progress, label, timeout)


def mirrored(urls: list[str] | str, where: str) -> list[str]:
    """The URLs to try: the file at ``where`` (its path in the data folder) on AECORE_DATA_MIRROR when that is
    set, else the URLs as given."""
    mirror = os.environ.get("AECORE_DATA_MIRROR", "").strip()
    if not mirror:
        return [urls] if isinstance(urls, str) else list(urls)
    return [mirror.rstrip("/") + "/" + where.lstrip("/")]


def _fetch(urls, dest: Path, md5, progress, label, timeout) -> Path:
    if dest.exists() and (md5 is None or md5sum(dest) == md5):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    reasons = []
    for url in [urls] if isinstance(urls, str) else urls:
        part = temp_beside(dest)
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response, open(part, "wb") as out:
                total = response.length
                done = 0
                while True:
                    block = response.read(CHUNK)
                    if not block:
                        break
                    out.write(block)
                    done += len(block)
                    if progress:
                        progress(done, total, label or dest.name)
            if total is not None and done != total:
                raise DownloadError(f"got {done} of {total} bytes", "short")
            if md5 is not None and md5sum(part) != md5:
                raise DownloadError("the file's checksum does not match", "checksum")
            os.replace(part, dest)
            return dest
        except (OSError, ValueError) as e:  # URLError, timeouts, refused connections, bad URLs
            if getattr(e, "errno", None) in WRITE_ERRORS:  # this machine's disk, not the network: no other URL helps
                raise cannot_write("disk.what_data", dest.parent, e) from None
            reasons.append((url, e))
        finally:
            if part.exists():
                part.unlink()
    # the details for the server's log; the learner is told the kind in words (aecore.learn.data)
    detail = "; ".join(f"{url}: {getattr(e, 'reason', e)}" for url, e in reasons) or "no URL to try"
    print(f"aecore: download of {label or dest.name} failed: {detail}", file=sys.stderr)
    kinds = [_kind(e) for _, e in reasons] or [("other", None)]
    order = ("checksum", "short", "http", "timeout", "refused", "offline", "other")  # the most telling first
    kind, code = min(kinds, key=lambda k: order.index(k[0]))
    raise DownloadError(detail, kind, code)
