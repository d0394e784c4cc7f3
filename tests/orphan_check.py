"""A stand-in for the web server (tests/test_workers.py): a RunManager in this process starts a worker on a long
run, prints the worker's pid, then waits to be killed with -9."""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, as pytest's pythonpath gives it

from aecore.learn.config import TrainConfig  # noqa: E402
from aecore.learn.pool import RunManager  # noqa: E402

m = RunManager(workers=1, threads=1)
h = m.submit(TrainConfig(model="s1-uva-conv", epochs=100, batch_size=16))  # minutes of training on a CPU
while h.snapshot().phase != "training":
    time.sleep(0.1)
print(m._workers[0].proc.pid, flush=True)
time.sleep(600)
sys.exit(0)
