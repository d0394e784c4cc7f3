"""How long each model a guided lesson needs takes to train on this machine (CPU, one torch thread, as a
worker trains): python tools/time_lessons.py  (AECORE_HOME: where they are saved; saved ones are skipped)."""
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("AECORE_HOME", "/tmp/aecore-lesson-times")

import torch  # noqa: E402

from aecore.learn import store  # noqa: E402
from aecore.learn.train import run  # noqa: E402
from aecore.ui import steps  # noqa: E402

torch.set_num_threads(1)
for lesson in steps.course.ORDER:
    for config in steps.configs(lesson, steps.DATASETS[lesson], "cpu"):
        if store.load(config) is not None:
            print(f"{lesson:8} {config.model:14} {config.family:7} saved already")
            continue
        start = time.perf_counter()
        store.save(run(config, device="cpu"))
        print(f"{lesson:8} {config.model:14} {config.family:7} noise={config.noise:9} epochs={config.epochs:4} "
              f"{time.perf_counter() - start:6.1f} s", flush=True)
