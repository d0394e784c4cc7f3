"""A training as a run that another process can follow: its files, what the worker does, what a page reads.

One folder a run, ``<AECORE_HOME>/runs/<run id>/``, written by the worker that trains it and read by the
web server's pages (small files, each written whole and renamed into place, so a reader never sees half):

    job.json         what to train: the config, the language, the run it continues (written by the server)
    status.json      where it stands: phase, epoch, step, losses, speed, message (a few hundred bytes)
    pictures.npz     the grid's images, uint8, rewritten only when they change (no pickle)
    stop             present = the learner pressed Stop (or nobody waits for the run any more); its text says
                     who: ``stop``, or ``server`` (the worker's server went away: the run stops and keeps a
                     checkpoint, and a restarted server offers Continue)
    checkpoint.pt    a stopped run: what Continue starts from (tensors only, read with weights_only=True)
    owner.lock       locked by the process that trains the run, for as long as it does (the lock goes with the
                     process, kill -9 included): a folder whose lock is held is never deleted or reused

A finished model goes to the store (``aecore.learn.store``) like any other, so every page finds it there.
"""
from __future__ import annotations

import errno
import fcntl
import io
import json
import math
import os
import shutil
import tempfile
import time
import traceback
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch

from aecore.learn import data, store
from aecore.learn.disk import WRITE_ERRORS, cannot_write
from aecore.learn.config import ConfigError, TrainConfig
from aecore.learn.train import Checkpoint, Progress, Stopped, TrainResult, run
from aecore.text import t, using

FINAL = ("done", "stopped", "error")
STOP_CHECK_S = 0.1  # how often the loop looks for the stop file
PICTURES = ("originals", "inputs", "outputs")
OWNER = "owner.lock"


def runs_dir() -> Path:
    return data.home() / "runs"


def run_id(config: TrainConfig, resume_from: str | None = None, done_steps: int = 0) -> str:
    """The same settings are the same run (a second learner joins it); continuing a stopped run is another."""
    return config.key() + (f"-c{done_steps}" if resume_from else "")


def last_stopped(config: TrainConfig, root: Path | None = None) -> RunFiles | None:
    """The newest stopped run of exactly these settings that Continue can start from (its own run, or one that
    continued it, or a fresh one beside it: ``<key>``, ``<key>-c…``, ``<key>-n…``), or None. A reloaded tab
    finds it, and a restarted server the runs its going stopped."""
    root = Path(root or runs_dir())
    key, found = config.key(), []
    try:
        folders = [f for f in root.iterdir() if f.name == key or f.name.startswith(key + "-")]
    except OSError:
        return None
    for folder in folders:
        files = RunFiles(folder.name, root)
        try:
            when = (folder / "checkpoint.pt").stat().st_mtime
        except OSError:
            continue
        if files.status().get("phase") == "stopped" and not files.owned():
            found.append((when, folder.name, files))
    return max(found, key=lambda f: f[:2])[2] if found else None


@dataclass
class Job:
    id: str
    config: dict
    lang: str = "en"
    resume_from: str | None = None    # the stopped run this one continues
    max_seconds: float = 0.0          # 0: no limit; else the run stops there and keeps what it learned
    device: str | None = None
    created: float = field(default_factory=time.time)


def _write(path: Path, payload: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class RunFiles:
    """One run's folder, for both sides."""

    def __init__(self, run: str, root: Path | None = None):
        self.id = run
        self.folder = Path(root or runs_dir()) / run

    # ---- the server's side --------------------------------------------------------------------------------
    def create(self, job: Job) -> None:
        if self.owned():  # a live process trains here (another server's worker, an orphan on its way out)
            raise FileExistsError(errno.EEXIST, "a live process trains in this run's folder", str(self.folder))
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        _write(self.folder / "job.json", json.dumps(asdict(job)).encode())
        self.publish({"phase": "queued", "epochs": job.config.get("epochs", 0)})

    def job(self) -> Job:
        return Job(**json.loads((self.folder / "job.json").read_text()))

    def status(self) -> dict:
        try:
            return json.loads((self.folder / "status.json").read_text())
        except (OSError, ValueError):
            return {}

    def pictures(self) -> dict:
        try:
            with np.load(self.folder / "pictures.npz", allow_pickle=False) as z:
                return {k: torch.from_numpy(z[k]) for k in z.files}
        except (OSError, ValueError):
            return {}

    def request_stop(self, who: str = "stop") -> None:
        if self.folder.exists():
            _write(self.folder / "stop", who.encode())

    def stopped_by(self) -> str:
        """Who asked the run to stop: ``stop`` (a learner, or nobody waiting), ``server`` (its server went away),
        or "" (nobody)."""
        try:
            return (self.folder / "stop").read_text().strip() or "stop"
        except OSError:
            return ""

    def owned(self) -> bool:
        """Whether a live process trains in this folder now (it holds the folder's lock: ``owning``)."""
        try:
            f = open(self.folder / OWNER, "rb")
        except OSError:
            return False
        with f:
            try:  # shared: two probes at once do not take each other for an owner
                fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            except OSError:  # a filesystem without flock (some NFS, CIFS): nobody can be seen owning it
                return False
            fcntl.flock(f, fcntl.LOCK_UN)
            return False

    @contextmanager
    def owning(self):
        """The worker's side: hold the folder's lock while the run trains (released when the process ends)."""
        with open(self.folder / OWNER, "ab") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX)
            except OSError:  # a filesystem without flock: train unlocked rather than not at all
                yield
                return
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def checkpoint(self) -> tuple[Checkpoint, dict] | None:
        """(the Checkpoint, the history so far) of a stopped run, or None."""
        try:
            saved = torch.load(self.folder / "checkpoint.pt", map_location="cpu", weights_only=True)
            return Checkpoint(**saved["checkpoint"]), saved["history"]
        except (OSError, KeyError, TypeError, RuntimeError, ValueError):
            return None

    def fail(self, key: str, **values) -> None:
        """Mark the run as failed (its worker died, nobody waits for it) unless it already ended."""
        if self.status().get("phase") not in FINAL:
            job = self.job()
            with using(job.lang):
                self.publish({**self.status(), "phase": "error", "message": t(key, **values), "error_kind": key})

    # ---- the worker's side --------------------------------------------------------------------------------
    def publish(self, status: dict, pictures: dict | None = None) -> None:
        if pictures:
            buffer = _npz({k: v.numpy() for k, v in pictures.items() if v is not None})
            _write(self.folder / "pictures.npz", buffer)
        _write(self.folder / "status.json", json.dumps(status).encode())

    def stop_requested(self) -> bool:
        return (self.folder / "stop").exists()

    def save_checkpoint(self, checkpoint: Checkpoint, history: dict) -> None:
        buffer = _torch_bytes({"checkpoint": asdict(checkpoint), "history": history})
        _write(self.folder / "checkpoint.pt", buffer)


def _npz(arrays: dict) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _torch_bytes(obj) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


class StopFlag:
    """What the training loop asks ``is_set()``: the stop file (looked at every STOP_CHECK_S), or the run's
    time budget spent (then ``timed_out``)."""

    def __init__(self, files: RunFiles, max_seconds: float = 0.0):
        self.files, self.deadline = files, (time.monotonic() + max_seconds) if max_seconds else math.inf
        self._next, self._set, self.timed_out = 0.0, False, False

    def is_set(self) -> bool:
        if self._set:
            return True
        now = time.monotonic()
        if now >= self.deadline:
            self._set = self.timed_out = True
        elif now >= self._next:
            self._next = now + STOP_CHECK_S
            self._set = self.files.stop_requested()
        return self._set


def status_of(p: Progress) -> dict:
    return {"phase": p.phase, "epoch": p.epoch, "epochs": p.epochs, "step": p.step, "steps": p.steps,
            "train_loss": p.train_loss, "test_loss": p.test_loss, "epoch_s": p.epoch_s,
            "running_loss": p.running_loss, "images_per_s": p.images_per_s, "device": p.device, "images": p.images,
            "message": p.message, "download": list(p.download) if p.download else None, "started": p.started,
            "version": p.version, "pid": os.getpid()}


def _finite(model) -> bool:
    return all(bool(torch.isfinite(v).all()) for v in model.state_dict().values() if v.is_floating_point())


def work(files: RunFiles, device: str | None = None) -> str:
    """Train the run in ``files`` (in a worker process), publishing as it goes. Returns the final phase.
    Every failure ends as a status a learner can read; nothing is raised. The folder is this process's while it
    trains (RunFiles.owning)."""
    with files.owning():
        return _work(files, device)


def _work(files: RunFiles, device: str | None) -> str:
    job = files.job()
    with using(job.lang):
        config = TrainConfig.from_dict(job.config)
        progress = Progress(epochs=config.epochs)
        stop = StopFlag(files, job.max_seconds)
        shown = {"version": -1}

        def publish(_event: str = "", p: Progress = progress, final: bool = False, **extra) -> None:
            pictures = None
            if p.version != shown["version"] and p.originals is not None:
                shown["version"] = p.version
                pictures = {k: getattr(p, k) for k in PICTURES}
            status = {**status_of(p), **extra}
            if status["phase"] in FINAL and not final:  # the loop has ended, the model is not saved yet
                status["phase"] = "saving"
            files.publish(status, pictures)
        try:
            resume = _resume(job, config, files.folder.parent)
            result = run(config, job.device or device, callbacks=(publish,), stop=stop, progress=progress,
                         resume=resume)
            if not result.stopped and not _finite(result.model):
                raise ConfigError(t("train.diverged", lr=config.lr))
            if result.stopped and stop.timed_out and result.checkpoint is not None and result.checkpoint.done_steps:
                kept = result.kept()  # the time budget: keep what it learned, and say so
                store.save(kept)
                progress.phase, progress.message = "done", t("train.time_budget", s=int(job.max_seconds))
                publish(final=True, kept_config=kept.config.to_dict())
                return "done"
            if result.stopped:
                files.save_checkpoint(result.checkpoint, result.history)
            else:
                store.save(result)
            progress.phase = "stopped" if result.stopped else "done"
        except Stopped:
            progress.phase = "stopped"
        except (ConfigError, data.DatasetUnavailable, ValueError) as e:
            progress.phase, progress.message = "error", str(e)
            kind = "dataset" if isinstance(e, data.DatasetUnavailable) else "config"
            files.publish({**status_of(progress), "error_kind": kind,
                           "dataset": getattr(e, "dataset", "")})
            return "error"
        except OSError as e:  # a full or read-only disk: the model (or a checkpoint) could not be written
            if e.errno not in WRITE_ERRORS:
                raise
            progress.phase, progress.message = "error", str(cannot_write("disk.what_model", store.url(), e))
            try:
                files.publish({**status_of(progress), "error_kind": "disk"})
            except OSError:
                pass  # the status cannot be written either: the page finds the worker idle and says the run was lost
            return "error"
        except torch.cuda.OutOfMemoryError:
            progress.phase = "error"
            progress.message = t("train.oom", batch=config.batch_size)
            torch.cuda.empty_cache()
            files.publish({**status_of(progress), "error_kind": "oom"})
            return "error"
        except Exception as e:  # noqa: BLE001 - a class must never see a traceback: log it, say what happened
            traceback.print_exc()
            progress.phase, progress.message = "error", t("train.crashed", error=type(e).__name__)
            files.publish({**status_of(progress), "error_kind": "crashed"})
            return "error"
        # a run its server's going stopped says so: the restarted server offers Continue with that sentence
        publish(final=True, **({"ended_by": "server"} if progress.phase == "stopped" and
                               files.stopped_by() == "server" else {}))
        return progress.phase


def _resume(job: Job, config: TrainConfig, root: Path) -> TrainResult | None:
    """The stopped run a job continues, as ``run`` takes it."""
    if not job.resume_from:
        return None
    saved = RunFiles(job.resume_from, root).checkpoint()
    if saved is None:
        raise ConfigError(t("train.no_checkpoint"))
    checkpoint, history = saved
    return TrainResult(config, None, None, history, "", 0, checkpoint.seconds, stopped=True, checkpoint=checkpoint)
