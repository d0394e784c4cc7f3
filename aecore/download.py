"""Fetch one file with progress, safely: into ``<dest>.part``, checked, then renamed.

A download that fails or does not match its md5 leaves nothing behind, so a half-written file is
never mistaken for a good one.
"""
from __future__ import annotations

import hashlib
import os
import urllib.request
from pathlib import Path
from typing import Callable

Progress = Callable[[int, "int | None", str], None]  # (bytes so far, total or None, label)
CHUNK = 1 << 20


class DownloadError(OSError):
    pass


def md5sum(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def fetch(urls: list[str] | str, dest: Path, md5: str | None = None, progress: Progress | None = None,
          label: str = "", timeout: float = 20.0) -> Path:
    """Download the first URL that works to ``dest``. Raises DownloadError with every reason."""
    dest = Path(dest)
    if dest.exists() and (md5 is None or md5sum(dest) == md5):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    reasons = []
    for url in [urls] if isinstance(urls, str) else urls:
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
                raise DownloadError(f"got {done} of {total} bytes")
            if md5 is not None and md5sum(part) != md5:
                raise DownloadError("the file's checksum does not match")
            os.replace(part, dest)
            return dest
        except (OSError, ValueError) as e:  # URLError, timeouts, refused connections, bad URLs
            reasons.append(f"{url}: {getattr(e, 'reason', e)}")
        finally:
            if part.exists():
                part.unlink()
    raise DownloadError("; ".join(reasons) or "no URL to try")
