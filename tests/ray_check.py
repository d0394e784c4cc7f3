"""The Ray engine under the same queue, run in a process of its own by tests/test_workers.py (it starts Ray's
processes; a Ray failure must fail that test, not end pytest). This process plays the web server: it never
imports ray; its RunManager talks to Ray through its bridge process (aecore.learn.raybridge).
Prints one JSON line: what happened."""
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aecore.learn import store  # noqa: E402
from aecore.learn.config import TrainConfig  # noqa: E402
from aecore.learn.pool import RunManager  # noqa: E402

QUICK = TrainConfig(epochs=2, batch_size=64, lr=3e-3, max_train=512)
LONG = TrainConfig(epochs=60, batch_size=16, lr=1e-3, max_train=1000)


def wait(predicate, seconds: float) -> bool:
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def main() -> dict:
    m = RunManager(workers=1, threads=1)
    out = {"kind": m.kind, "server_imports_ray": False}
    try:
        # joining, a run to the end into the store
        h = m.submit(QUICK, watcher="a")
        out["joined"] = m.submit(QUICK, watcher="b").folder == h.folder
        wait(lambda: not h.running, 240)
        out["phase"] = h.phase
        out["epochs"] = len(h.snapshot().train_loss)
        out["stored"] = store.load(QUICK) is not None
        # Stop reaches the Ray task through the run's files and keeps what was learned
        long = m.submit(LONG)
        wait(lambda: long.snapshot().phase == "training", 120)
        long.stop()
        wait(lambda: not long.running, 60)
        out["long_phase"] = long.phase
        out["long_steps"] = long.result.checkpoint.done_steps if long.result is not None else 0
        # Ray ends its driver (the bridge) mid-run: the run ends in words, this process lives, the next run trains
        lost = m.submit(replace(LONG, seed=1))
        wait(lambda: lost.snapshot().phase == "training", 120)
        m._ray.proc.kill()
        wait(lambda: not lost.running, 60)
        out["lost"] = lost.files.status().get("error_kind")
        again = m.submit(replace(QUICK, seed=1))
        wait(lambda: not again.running, 240)
        out["again_phase"] = again.phase
        bridge = m._ray
    finally:
        m.shutdown()
    out["bridge_ended"] = bridge.proc.poll() is not None
    # a cluster that does not answer: the run ends in words after AECORE_RAY_CONNECT_S, never stays queued
    os.environ.update(AECORE_RAY_ADDRESS="127.0.0.1:9", AECORE_RAY_CONNECT_S="8")
    far = RunManager(workers=1, threads=1)
    try:
        t0 = time.time()
        h = far.submit(replace(QUICK, seed=2))
        wait(lambda: not h.running, 60)
        out["unreachable"] = h.files.status().get("error_kind")
        out["unreachable_s"] = round(time.time() - t0, 1)
        out["unreachable_message"] = h.files.status().get("message")
    finally:
        far.shutdown()
    out["server_imports_ray"] = "ray" in sys.modules
    return out


if __name__ == "__main__":
    print(json.dumps(main()))
