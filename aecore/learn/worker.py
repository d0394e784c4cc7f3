"""A training worker: ``python -m aecore.learn.worker``, started by the server's RunManager (never by hand).

It reads one run a line on stdin (``{"folder": ..., "home": ...}``), trains it (``aecore.learn.runs.work``)
and writes ``finished <folder>`` on stdout; everything else it prints goes to stderr. Its torch thread
budget comes from AECORE_WORKER_THREADS. When the server goes, stdin closes and the worker ends.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main() -> int:
    protocol = sys.stdout
    sys.stdout = sys.stderr  # a stray print must not break the protocol
    import torch  # deferred: after stdout is swapped, so a print while importing cannot break the protocol

    from aecore.learn import data, train  # noqa: F401  # deferred: as torch; imported now, while nobody waits
    from aecore.learn.runs import RunFiles, work  # deferred: as torch, after stdout is swapped
    torch.set_num_threads(max(1, int(os.environ.get("AECORE_WORKER_THREADS", "1"))))
    try:
        data.load(data.DEFAULT)  # the offline default set, in memory before the first run asks for it
    except data.DatasetUnavailable:
        pass
    device = os.environ.get("AECORE_WORKER_DEVICE") or None
    for line in sys.stdin:
        try:
            message = json.loads(line)
            folder = Path(message["folder"])
        except (ValueError, KeyError, TypeError):
            continue
        os.environ["AECORE_HOME"] = message.get("home") or os.environ.get("AECORE_HOME", "")
        work(RunFiles(folder.name, folder.parent), device)
        protocol.write(f"finished {folder}\n")
        protocol.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
