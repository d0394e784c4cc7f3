"""Trainings as jobs: a ``TrainJob`` runs one in a background thread and publishes snapshots a page can
poll; a ``Scheduler`` caps the trainings that run at once on the server, the others wait in order and
see their place.

One server may serve a class of 60: two trainings on one GPU are fine, twenty are not. A learner over
the cap sees "queued, 3rd in line", never an error.
"""
from __future__ import annotations

import contextvars
import os
import threading
import traceback
from contextlib import contextmanager
from dataclasses import replace
from typing import Callable

import torch

from aecore.learn import data
from aecore.learn.config import ConfigError, TrainConfig
from aecore.learn.train import Progress, Stopped, TrainResult, run
from aecore.text import t


class Scheduler:
    def __init__(self, slots: int):
        if slots < 1:
            raise ValueError("slots must be at least 1")
        self.slots = slots
        self._cond = threading.Condition()
        self._queue: list = []
        self._running = 0

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._queue)

    @contextmanager
    def slot(self, ticket, on_wait: Callable[[int], None] | None = None, stop: threading.Event | None = None):
        """Hold a place while the block runs. ``on_wait(position)`` (1 = next) while waiting; if ``stop``
        is set while waiting, leave the line and raise train.Stopped."""
        with self._cond:
            self._queue.append(ticket)
            last = None
            while not (self._queue[0] is ticket and self._running < self.slots):
                position = self._queue.index(ticket) + 1
                if on_wait is not None and position != last:
                    last = position
                    on_wait(position)
                self._cond.wait(timeout=0.25)
                if stop is not None and stop.is_set():
                    self._queue.remove(ticket)
                    self._cond.notify_all()
                    raise Stopped()
            self._queue.pop(0)
            self._running += 1
        try:
            yield
        finally:
            with self._cond:
                self._running -= 1
                self._cond.notify_all()


def default_slots(device_kind: str) -> int:
    """1 on a CPU (two trainings would each run at half speed), 2 on a GPU; AECORE_MAX_TRAININGS overrides."""
    env = os.environ.get("AECORE_MAX_TRAININGS", "")
    if env.isdigit() and int(env) >= 1:
        return int(env)
    return 2 if device_kind in ("cuda", "mps") else 1


class TrainJob:
    """Trains in a background thread that never touches streamlit; the page polls ``snapshot()``."""

    def __init__(self, config: TrainConfig, device: str | None = None, scheduler=None,
                 on_done: Callable[[TrainResult], None] | None = None, threads: int | None = None,
                 resume: TrainResult | None = None):
        self.config = config
        self._threads, self._resume = threads, resume
        self._device, self._scheduler, self._on_done = device, scheduler, on_done
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._progress = Progress(epochs=config.epochs)
        self._snapshot = self._copy()
        self.result: TrainResult | None = None
        self.error: str | None = None
        self.failure: Exception | None = None  # the learner-facing error itself (a DatasetUnavailable, ...)
        # the thread runs in a copy of the starter's context: its messages are in the starter's language
        context = contextvars.copy_context()
        self._thread = threading.Thread(target=context.run, args=(self._run,), name=f"train-{config.key()}",
                                        daemon=True)

    def _copy(self) -> Progress:
        p = self._progress
        return replace(p, train_loss=list(p.train_loss), test_loss=list(p.test_loss), epoch_s=list(p.epoch_s))

    def _publish(self, _event: str = "", _progress: Progress | None = None) -> None:
        with self._lock:
            self._snapshot = self._copy()

    def start(self) -> TrainJob:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def snapshot(self) -> Progress:
        with self._lock:
            return self._snapshot

    def _queued(self, position: int) -> None:
        self._progress.phase, self._progress.queue_position = "queued", position
        self._publish()

    def _run(self) -> None:
        try:
            if self._scheduler is not None:
                with self._scheduler.slot(self, on_wait=self._queued, stop=self._stop):
                    self._train()
            else:
                self._train()
        except Stopped:
            self._progress.phase = "stopped"
        except (ConfigError, data.DatasetUnavailable) as e:
            self._progress.phase, self.error, self.failure = "error", str(e), e
            self._progress.message = self.error
        except Exception as e:  # noqa: BLE001 - a class must never see a traceback: log it, say what happened
            traceback.print_exc()
            self._progress.phase = "error"
            self.error = self._progress.message = t("train.crashed", error=type(e).__name__)
        finally:
            self._publish()

    def _train(self) -> None:
        if self._threads:  # in a web server: leave a core to the server, or every op waits on a busy team
            torch.set_num_threads(self._threads)
        result = run(self.config, self._device, callbacks=(self._publish,), stop=self._stop,
                     progress=self._progress, resume=self._resume)
        self.result = result
        if self._on_done is not None and not result.stopped:
            self._on_done(result)
