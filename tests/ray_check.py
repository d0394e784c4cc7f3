"""The Ray engine under the same queue, run in a process of its own by tests/test_workers.py: Ray's driver
owns signal handlers and background processes, and a Ray failure must fail that test, not end pytest.
Prints one JSON line: what happened."""
import json
import sys
import time
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
    import ray
    m = RunManager(workers=1, threads=1)
    out = {"kind": m.kind}
    try:
        h = m.submit(QUICK, watcher="a")
        out["joined"] = m.submit(QUICK, watcher="b").folder == h.folder
        wait(lambda: not h.running, 240)
        out["phase"] = h.phase
        out["epochs"] = len(h.snapshot().train_loss)
        out["stored"] = store.load(QUICK) is not None
        long = m.submit(LONG)
        wait(lambda: long.snapshot().phase == "training", 120)
        long.stop()
        wait(lambda: not long.running, 60)
        out["long_phase"] = long.phase
        out["long_steps"] = long.result.checkpoint.done_steps if long.result is not None else 0
    finally:
        m.shutdown()
        ray.shutdown()
    return out


if __name__ == "__main__":
    print(json.dumps(main()))
