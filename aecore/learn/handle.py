"""What a page holds for a run: ``RunHandle`` reads the run's files (``aecore.learn.runs``), asks the manager
(``aecore.learn.pool``) for its place in the queue, and turns the end of the run into a ``TrainResult``.

Reading is cheap and never blocks on the training: a small JSON file each poll, the pictures only when their
version changes.
"""
from __future__ import annotations

import time
from dataclasses import replace

from aecore.learn import data, store
from aecore.learn.config import TrainConfig, plan
from aecore.learn.families import build_model
from aecore.learn.runs import FINAL, RunFiles
from aecore.learn.train import Progress, TrainResult
from aecore.text import t


class RunHandle:
    def __init__(self, manager, files: RunFiles, config):
        self.manager, self.files, self.config = manager, files, config
        self.id, self.folder = files.id, str(files.folder)
        self._pictures, self._version, self._result = {}, -1, None

    def __repr__(self) -> str:
        return f"RunHandle({self.id})"

    # ---- while it runs ------------------------------------------------------------------------------------------
    def status(self) -> dict:
        return self.files.status()

    @property
    def phase(self) -> str:
        status = self.status()
        phase = status.get("phase", "queued")
        if phase not in FINAL and not self.manager.active(self.folder):
            return "lost"  # the server restarted, or the run was dropped: nobody trains it any more
        return phase

    @property
    def running(self) -> bool:
        return self.phase not in FINAL + ("lost",)

    def stop(self) -> None:
        self.manager.stop(self.folder)

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the run has ended (or ``timeout`` seconds); True if it has."""
        end = None if timeout is None else time.monotonic() + timeout
        while self.running:
            if end is not None and time.monotonic() > end:
                return False
            time.sleep(0.1)
        return True

    def snapshot(self) -> Progress:
        """The run as ``Progress``: a page draws it as it drew an in-process training."""
        s = self.status()
        p = Progress(phase=s.get("phase", "queued"), epoch=s.get("epoch", 0), epochs=s.get("epochs", 0),
                     step=s.get("step", 0), steps=s.get("steps", 0), train_loss=s.get("train_loss", []),
                     test_loss=s.get("test_loss", []), epoch_s=s.get("epoch_s", []),
                     running_loss=s.get("running_loss"), images_per_s=s.get("images_per_s"),
                     device=s.get("device", ""), images=s.get("images", 0), message=s.get("message", ""),
                     download=tuple(s["download"]) if s.get("download") else None, started=s.get("started", 0.0),
                     version=s.get("version", 0))
        if p.phase == "queued":
            p.queue_position = max(1, self.manager.position(self.folder))
        if p.version != self._version and p.phase not in ("queued", "data"):
            pictures = self.files.pictures()
            if pictures:
                self._pictures, self._version = pictures, p.version
        for name, value in self._pictures.items():
            setattr(p, name, value)
        return p

    # ---- when it has ended ------------------------------------------------------------------------------------
    @property
    def error(self) -> str | None:
        phase = self.phase
        if phase == "lost":
            return t("train.lost")
        if phase != "error":
            return None
        return self.status().get("message") or t("train.crashed", error="?")

    @property
    def failure(self) -> Exception | None:
        """The learner-facing error itself: a DatasetUnavailable gets its page's offline buttons."""
        status = self.status()
        if status.get("phase") == "error" and status.get("error_kind") == "dataset":
            return data.DatasetUnavailable(status.get("message", ""), dataset=status.get("dataset", ""))
        return None

    @property
    def kept_config(self):
        """When the time budget ended the run: the config of the model it kept (its ``stop_at``)."""
        kept = self.status().get("kept_config")
        return TrainConfig.from_dict(kept) if kept else None

    @property
    def result(self) -> TrainResult | None:
        """A finished run's model (from the store), or a stopped run with its checkpoint; else None."""
        if self._result is not None:
            return self._result
        phase = self.phase
        if phase == "done":
            loaded = store.load(self.kept_config or self.config)
            self._result = replace(loaded, from_cache="") if loaded is not None else None  # trained by this run
        elif phase == "stopped":
            self._result = self._stopped()
        return self._result

    def _stopped(self) -> TrainResult | None:
        saved = self.files.checkpoint()
        if saved is None:
            return None
        checkpoint, history = saved
        p = plan(self.config)
        model = build_model(p.summary, self.config.family)
        model.load_state_dict(checkpoint.model)
        model.eval()
        s = self.status()
        return TrainResult(self.config, p, model, history, s.get("device", "cpu"), s.get("images", 0),
                           checkpoint.seconds, stopped=True, checkpoint=checkpoint)
