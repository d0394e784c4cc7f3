"""A training worker: ``python -m aecore.learn.worker``, started by the server's RunManager (never by hand).

It reads one run a line on stdin (``{"folder": ..., "home": ...}``), trains it (``aecore.learn.runs.work``)
and writes ``finished <folder>`` on stdout; everything else it prints goes to stderr. Its torch thread
budget comes from AECORE_WORKER_THREADS. When the server goes, the worker ends: between runs stdin closes; in
the middle of a run (the server killed with -9) a watcher sees that its parent process is gone, stops the run
as Stop does (it keeps a checkpoint, and says the server went: a restarted server offers Continue) and exits,
at the latest GRACE_S later, so no orphan trains on into a run folder a restarted server may use again. (The
parent's pid, not PR_SET_PDEATHSIG: that signal fires when the spawning *thread* ends, which a page's script
thread does.)
"""
from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

WATCH_S = 0.5  # how often the worker looks whether its server is still there
GRACE_S = 20.0  # how long a run may take to stop and write its checkpoint once the server has gone
NOW: dict = {"folder": None, "ended": threading.Event()}  # the run this worker trains, and when it ends


def die_with(parent: int) -> None:
    """Exit when the process that started this worker is gone (it is then re-parented: getppid changes), after
    stopping the run it trains (the run's loop reads the stop file within runs.STOP_CHECK_S and saves)."""
    while True:
        time.sleep(WATCH_S)  # a watcher's beat, not a wait for a result
        if os.getppid() != parent:
            break
    folder = NOW["folder"]
    if folder is not None:  # main() has imported the run files' code before it named a folder
        from aecore.learn.runs import RunFiles  # deferred: imported by main() after stdout is swapped
        try:
            RunFiles(folder.name, folder.parent).request_stop("server")
            NOW["ended"].wait(GRACE_S)
        except OSError:
            pass  # the folder is gone or cannot be written: nothing to keep
    os._exit(3)  # a stopped run's files are written atomically: nothing half-written is left


NICE = 10  # the web server's pages before the trainings: a class clicks while models train (AECORE_WORKER_NICE)


def main() -> int:
    threading.Thread(target=die_with, args=(os.getppid(),), daemon=True, name="aecore-die-with-server").start()
    try:  # a page a learner waits for goes first; a training takes what the pages leave (all of it when idle)
        os.nice(max(0, min(19, int(os.environ.get("AECORE_WORKER_NICE", NICE)))))
    except (OSError, ValueError):
        pass
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
        NOW["ended"].clear()  # before the folder is named: a watcher that sees the folder waits for this run
        NOW["folder"] = folder
        work(RunFiles(folder.name, folder.parent), device)
        NOW["folder"] = None
        NOW["ended"].set()
        protocol.write(f"finished {folder}\n")
        protocol.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
