"""A server-wide cap on trainings that run at once; the others wait in order and see their place.

One server may serve a class of 60: two trainings on one GPU are fine, twenty are not. A learner over
the cap sees "queued, 3rd in line", never an error.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from typing import Callable


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
        from aecore.learn.train import Stopped
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
