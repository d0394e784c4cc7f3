"""Trainings out of the web server: a queue in the server, a few worker processes that train, one run each.

    manager = RunManager.shared()
    handle = manager.submit(config, watcher=session_id)   # queued, or joined if these settings already train
    handle.snapshot(); handle.stop(); handle.result        # what a page reads (aecore.learn.handle)

The server only queues, dispatches and watches; the workers (spawned processes, each with its own torch
thread budget so that workers × threads ≤ the cores the web server leaves free) train and write their
run's files (``aecore.learn.runs``). So the pages stay quick while a model trains, a training's random
numbers are its own (same settings and seed → same result, whatever else runs), and a worker that crashes
or is killed costs its run only: the slot is freed, a new worker starts, the learner reads what happened.

Where a class outgrows one machine, AECORE_RAY_ADDRESS (a Ray cluster's address, or ``local``) sends the
runs to Ray instead of local processes: the same queue, files, Stop and results (``pip install -r
requirements-ray.txt``; the runs' folder, AECORE_HOME, and this checkout must be at the same paths on the
nodes). The server talks to Ray through one process of its own (``aecore.learn.raybridge``), never in-process.

The rule for runs nobody waits for: a run is watched by the browser sessions that started or joined it.
When none of them has been connected for ``ABANDON_S`` seconds (the tab was closed, the learner left),
the run is stopped, or taken out of the queue. Reloading the tab, or coming back within that time, finds
the run again: it is keyed by its settings.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from aecore.learn import child, data
from aecore.learn.devices import detect
from aecore.learn.handle import RunHandle
from aecore.learn.raybridge import Bridge
from aecore.learn.runs import FINAL, Job, RunFiles, cannot_write, last_stopped, run_id, runs_dir, work

ABANDON_S = float(os.environ.get("AECORE_ABANDON_S", "60"))
TICK_S = 0.2


class _ProcessWorker:
    """A worker process (``python -m aecore.learn.worker``): told a run per line on its stdin, it answers on
    its stdout when the run has ended. A process of its own, not a fork: no copy of the server's state."""

    def __init__(self, threads: int, device: str | None):
        env = {**os.environ, "AECORE_WORKER_THREADS": str(threads), "OMP_NUM_THREADS": str(threads)}
        if device:
            env["AECORE_WORKER_DEVICE"] = device
        self.proc = subprocess.Popen([sys.executable, "-m", "aecore.learn.worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, text=True, bufsize=1,
                                     cwd=str(Path(__file__).resolve().parents[2]))
        self.run: str | None = None
        self._done: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True, name="aecore-worker-reader").start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("finished "):
                self._done.put(line[len("finished "):].strip())

    def alive(self) -> bool:
        return self.proc.poll() is None

    def give(self, folder: str, home: str) -> None:
        self.run = folder
        self.proc.stdin.write(json.dumps({"folder": folder, "home": home}) + "\n")
        self.proc.stdin.flush()

    def finished(self) -> list[str]:
        out = []
        while not self._done.empty():
            out.append(self._done.get())
            self.run = None
        return out

    def close(self) -> None:
        child.close(self.proc, 3)

    def kill(self) -> None:  # tests: a worker that dies mid-run
        self.proc.kill()


class _ThreadWorker:
    """The same worker in a thread of this process (AECORE_WORKERS=thread): for debugging only; a thread
    shares torch's random generator and threads with the server."""

    def __init__(self, threads: int, device: str | None):
        self.inbox, self.outbox, self.run = queue.Queue(), queue.Queue(), None
        self.device = device
        self.thread = threading.Thread(target=self._loop, daemon=True, name="aecore-train-thread")
        self.thread.start()

    def _loop(self) -> None:
        while True:
            message = self.inbox.get()
            if message is None:
                return
            folder, _home = message
            self.outbox.put((folder, work(RunFiles(Path(folder).name, Path(folder).parent), self.device)))

    def alive(self) -> bool:
        return self.thread.is_alive()

    def give(self, folder: str, home: str) -> None:
        self.run = folder
        self.inbox.put((folder, home))

    def finished(self) -> list[str]:
        out = []
        while not self.outbox.empty():
            out.append(self.outbox.get()[0])
            self.run = None
        return out

    def close(self) -> None:
        self.inbox.put(None)


class _RayWorker:
    """A slot whose runs go to the Ray cluster through the manager's bridge: the same queue, the same run files,
    the same Stop (a file the run reads); Ray chooses the machine."""

    def __init__(self, threads: int, device: str | None, bridge: Callable[[], Bridge]):
        self.threads, self.device, self._bridge = threads, device, bridge
        self.run: str | None = None
        self._via: Bridge | None = None

    def alive(self) -> bool:
        return True  # a lost bridge, task or node ends the run in finished()

    def give(self, folder: str, home: str) -> None:
        self.run, self._via = folder, self._bridge()
        self._via.give(folder, home, self.threads, self.device)

    def finished(self) -> list[str]:
        if self.run is None:
            return []
        ended = self._via.ended(self.run)
        if ended is None:
            return []
        folder, self.run, self._via = self.run, None, None
        key, values = ended
        if key:  # a finished run has said how it ended; one Ray lost, or never started, is told here
            RunFiles(Path(folder).name, Path(folder).parent).fail(key, **values)
        return [folder]

    def close(self) -> None:
        pass  # the bridge is the manager's: RunManager.shutdown closes it


@dataclass
class _Run:
    files: RunFiles
    config: object
    watchers: set = field(default_factory=set)
    keep: bool = False          # the teacher's warm-up: runs with nobody watching
    seen: float = field(default_factory=time.monotonic)  # when a watcher was last connected
    worker: object = None


def default_workers(device_kind: str) -> tuple[int, int]:
    """(workers, torch threads each): on a CPU the server keeps a core and the workers share the rest
    (AECORE_MAX_TRAININGS sets the workers); on a GPU two workers share the device."""
    cores = os.cpu_count() or 2
    env = os.environ.get("AECORE_MAX_TRAININGS", "")
    if device_kind in ("cuda", "mps"):
        workers = int(env) if env.isdigit() and int(env) >= 1 else 2
        return workers, max(1, (cores - 1) // workers)
    free = max(1, cores - 1)
    workers = min(int(env), free) if env.isdigit() and int(env) >= 1 else 1
    return workers, max(1, free // workers)


class RunManager:
    """The queue and the workers; thread-safe; one per server (``shared()``)."""
    _shared: RunManager | None = None
    _shared_lock = threading.Lock()

    def __init__(self, workers: int = 1, threads: int = 1, device: str | None = None, kind: str | None = None):
        self.size, self.threads, self.device = max(1, workers), max(1, threads), device
        self.kind = kind or ("ray" if os.environ.get("AECORE_RAY_ADDRESS") else
                             os.environ.get("AECORE_WORKERS", "process"))
        self.liveness: Callable[[set], bool] | None = None  # (watchers) -> is one of them still connected?
        self._lock = threading.RLock()
        self._queue: list[str] = []                # folders, in order
        self._runs: dict[str, _Run] = {}           # folder -> run, queued or training
        self._workers: list = []
        self._thread: threading.Thread | None = None
        self._closed = False
        self._ray: Bridge | None = None            # the connection to Ray (kind "ray"), started on first use
        self.fit_ray = False                       # size the slots by the Ray cluster's CPUs (shared())

    @classmethod
    def shared(cls) -> RunManager:
        with cls._shared_lock:
            if cls._shared is None or cls._shared._closed:
                kind = detect().kind
                workers, threads = default_workers(kind)
                cls._shared = cls(workers, threads)
                cls._shared.fit_ray = True
            return cls._shared

    # ---- what pages call --------------------------------------------------------------------------------------
    def submit(self, config, lang: str = "en", watcher: str | None = None, resume_from: str | None = None,
               done_steps: int = 0, keep: bool = False, max_seconds: float | None = None):
        """Queue a run of ``config`` (or join the one already queued or training) and return its handle."""
        root = runs_dir()
        files = RunFiles(run_id(config, resume_from, done_steps), root)
        folder = str(files.folder)
        with self._lock:
            run = self._existing(folder, config, any_id=resume_from is None)
            if run is not None:
                files, folder = run.files, str(run.files.folder)
            if run is None and (files.owned() or (files.folder / "checkpoint.pt").exists()):
                # a live process trains there, or a stopped run keeps its checkpoint (maybe the one Continue reads)
                files = RunFiles(f"{files.id}-n{time.time_ns() % 10**12}", root)
            if run is None:
                limit = float(os.environ.get("AECORE_MAX_RUN_S", "900")) if max_seconds is None else max_seconds
                job = Job(files.id, config.to_dict(), lang, resume_from, limit)
                try:
                    try:
                        files.create(job)
                    except FileExistsError:  # taken by a live process since the check above: another folder
                        files = RunFiles(f"{files.id}-n{time.time_ns() % 10**12}", root)
                        files.create(replace(job, id=files.id))
                except OSError as e:  # a full or read-only disk: nothing is queued, and the page says why
                    shutil.rmtree(files.folder, ignore_errors=True)
                    raise cannot_write("disk.what_run", files.folder.parent, e) from None
                folder, run = str(files.folder), _Run(files, config, keep=keep)
                self._runs[folder] = run
                self._queue.append(folder)
                self._start()
            if watcher:
                run.watchers.add(watcher)
            run.keep = run.keep or keep
        return RunHandle(self, files, config)

    def find(self, config, watcher: str | None = None, stopped: bool = False):
        """The run of these settings that is queued or training (the first, or one continuing a stopped one), or
        None: a reloaded tab finds it. With ``stopped``, else their newest stopped run (runs.last_stopped)."""
        with self._lock:
            run = self._existing(str(RunFiles(run_id(config), runs_dir()).folder), config, any_id=True)
            if run is None:
                files = last_stopped(config) if stopped else None
                return RunHandle(self, files, config) if files is not None else None
            files = run.files
            if watcher:
                run.watchers.add(watcher)
        return RunHandle(self, files, config)

    def _existing(self, folder: str, config, any_id: bool):
        """The listed run to join (lock held): the one in ``folder`` while it lives; else, with ``any_id``, a live
        run of the same settings under another id (one continuing a stopped run); else the one in ``folder`` that
        has just ended (joined as it is: its result is kept); else None."""
        exact = self._runs.get(folder)
        return self._live(exact) or (self._same_settings(config) if any_id else None) or exact

    @staticmethod
    def _live(run):
        """The run, unless it has ended and the dispatcher has not taken it off the list yet (then None)."""
        return run if run is not None and run.files.status().get("phase") not in FINAL else None

    def _same_settings(self, config):
        """A live run of these settings under another id (one that continues a stopped run), or None."""
        key = config.key()
        return next((r for r in self._runs.values() if r.config.key() == key and self._live(r) is not None), None)

    def active(self, folder: str) -> bool:
        with self._lock:
            return folder in self._runs

    def position(self, folder: str) -> int:
        """1 = the next to train; 0 = training (or not queued)."""
        with self._lock:
            return self._queue.index(folder) + 1 if folder in self._queue else 0

    def stop(self, folder: str) -> None:
        with self._lock:
            run = self._runs.get(folder)
            if run is None:
                return
            if folder in self._queue:  # not started: leave the line at once
                self._queue.remove(folder)
                del self._runs[folder]
                status = run.files.status()
                run.files.publish({**status, "phase": "stopped", "never_started": True})
                return
        RunFiles(Path(folder).name, Path(folder).parent).request_stop()

    def warm(self) -> None:
        """Start the workers now (torch's import and the offline images take a few seconds), so the first
        learner to press Train does not wait for them; on Ray, connect now)."""
        with self._lock:
            while not self._closed and len(self._workers) < self.size:
                self._workers.append(self._new_worker())
            if self.kind == "ray" and not self._closed:
                self._ray_bridge()

    def leave(self, folder: str, watcher: str | None) -> None:
        """A learner moves on from a run (another setting, another model): with nobody else waiting for it,
        it stops (or leaves the queue)."""
        with self._lock:
            run = self._runs.get(folder)
            if run is None or watcher not in run.watchers:
                return
            run.watchers.discard(watcher)
            if run.watchers or run.keep:
                return
        self.stop(folder)

    def overview(self) -> dict:
        """For the teacher's class view: what trains, what waits, the workers."""
        with self._lock:
            training = [r.config for f, r in self._runs.items() if f not in self._queue]
            queued = [self._runs[f].config for f in self._queue]
            return {"training": training, "queued": queued, "workers": len(self._workers), "slots": self.size,
                    "threads": self.threads, "kind": self.kind}

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
            for w in self._workers:
                w.close()
            self._workers = []
            bridge, self._ray = self._ray, None
        if bridge is not None:
            bridge.close()

    # ---- the dispatcher ---------------------------------------------------------------------------------------
    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._loop, daemon=True, name="aecore-dispatch")
            self._thread.start()

    def _new_worker(self):
        if self.kind == "ray":
            return _RayWorker(self.threads, self.device, self._ray_bridge)
        cls = _ThreadWorker if self.kind == "thread" else _ProcessWorker
        return cls(self.threads, self.device)

    def _ray_bridge(self) -> Bridge:
        """The connection to Ray: started on first use, and again once Ray has lost it (or never answered)."""
        with self._lock:
            if self._ray is None or not self._ray.usable():
                self._ray = Bridge()
            return self._ray

    def _loop(self) -> None:
        while not self._closed:
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - the dispatcher must outlive any one problem
                traceback.print_exc()
            with self._lock:
                if not self._runs:
                    self._thread = None
                    return
            time.sleep(TICK_S)

    def tick(self) -> None:
        """One round: collect finished runs, replace dead workers, drop abandoned runs, hand out queued ones."""
        with self._lock:
            for w in list(self._workers):
                for folder in w.finished():
                    self._runs.pop(folder, None)
                if not w.alive():
                    self._workers.remove(w)
                    if w.run is not None:  # died mid-run: the learner is told, the slot is free
                        run = self._runs.pop(w.run, None)
                        if run is not None:
                            run.files.fail("train.worker_died")
            self._reap()
            if self.fit_ray and self._ray is not None:  # on Ray the slots are the cluster's, once connected
                self.size = self._ray.slots(self.threads) or self.size
            idle = [w for w in self._workers if w.run is None]
            while self._queue and (idle or len(self._workers) < self.size):
                if not idle:
                    w = self._new_worker()
                    self._workers.append(w)
                    idle.append(w)
                folder = self._queue.pop(0)
                run = self._runs[folder]
                run.worker = w = idle.pop(0)
                w.give(folder, str(data.home()))

    def _reap(self) -> None:
        """Runs whose watchers are all gone for ABANDON_S: stopped, or taken out of the queue."""
        if self.liveness is None:
            return
        now = time.monotonic()
        for folder, run in list(self._runs.items()):
            if run.keep or not run.watchers:
                continue
            if self.liveness(run.watchers):
                run.seen = now
                continue
            if now - run.seen < ABANDON_S:
                continue
            if folder in self._queue:
                self._queue.remove(folder)
                del self._runs[folder]
                run.files.fail("train.abandoned", s=int(ABANDON_S))
            else:
                run.files.request_stop()
                run.keep = True  # asked once; it ends on its own
