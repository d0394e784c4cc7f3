"""Datasets downloaded in the background of the web server (the teacher's warm button), one thread per dataset.

    f = fetches.start("mnist", then=queue_models)   # a second call while it runs joins it
    f.state, f.done, f.total, f.error               # what a page reads: "running" | "done" | "failed"

A thread, not a training worker: the workers are the class's training slots (one on a small CPU), and a
download of 12-206 MB would hold one for minutes while the students' trainings wait; a download waits on
the network and the disk, not on Python (urllib releases the GIL while it reads), so a thread costs the
pages nothing. It only fetches the files (``data.download``), never reads them into the server's memory;
the workers read them when they train. ``data``'s file lock keeps a training that asks for the same files
meanwhile from fetching a second copy: it waits and finds them there.
"""
from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from aecore.learn import data
from aecore.text import t, using


@dataclass
class Fetch:
    name: str                       # the dataset's registry name
    state: str = "running"          # "running" | "done" | "failed"
    done: int = 0                   # bytes of the current file so far
    total: int | None = None        # that file's size, when the server says it
    label: str = ""                 # which file
    error: str = ""                 # a learner's message (names the dataset), when failed
    then: list = field(default_factory=list)  # called in the thread once the files are there
    thread: threading.Thread | None = None


_FETCHES: dict[str, Fetch] = {}
_LOCK = threading.Lock()


def get(name: str) -> Fetch | None:
    with _LOCK:
        return _FETCHES.get(name)


def start(name: str, then: Callable[[], None] | None = None, lang: str = "en", root=None) -> Fetch:
    """Download ``name``'s files in a background thread (or join the download already running); ``then()``
    runs in that thread when the files are there. Messages are written in ``lang``."""
    with _LOCK:
        f = _FETCHES.get(name)
        if f is None or f.state != "running":
            f = _FETCHES[name] = Fetch(name)
            f.thread = threading.Thread(target=_run, args=(f, lang, root), daemon=True, name=f"aecore-fetch-{name}")
            start_now = True
        else:
            start_now = False
        if then is not None:
            f.then.append(then)
    if start_now:
        f.thread.start()
    return f


def _run(f: Fetch, lang: str, root) -> None:
    def progress(done: int, total: int | None, label: str) -> None:
        f.done, f.total, f.label = done, total, label
    with using(lang):
        try:
            data.download(f.name, root, progress)
        except data.DatasetUnavailable as e:
            f.error, f.state = str(e), "failed"
            return
        except Exception as e:  # noqa: BLE001 - a thread must say what happened, never die silently
            print(f"aecore: fetching {f.name} failed: {type(e).__name__}: {e}", file=sys.stderr)
            f.error = t("data.download_failed", name=data.display_name(f.name), reason=t("data.why_other"),
                        offline=", ".join(data.display_name(n) for n in data.OFFLINE))
            f.state = "failed"
            return
    with _LOCK:
        f.state, then = "done", list(f.then)
    for fn in then:
        try:
            fn()
        except Exception:  # noqa: BLE001 - one failing follow-up must not stop the others
            traceback.print_exc()
