"""Page rerun times with cached models (script time, AppTest), a measure for notes, not a test:

    AECORE_HOME=~/.cache/aecore PYTHONPATH=. python tools/measure_reruns.py pca stacked vae

A page that needs a model trains it first (with its own button), then five reruns are timed.
"""
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
for name in sys.argv[1:]:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=600)
    at.run()
    if any(b.key == f"{name}.go" for b in at.button):
        at.button(key=f"{name}.go").click().run()
        s = at.session_state["aecore.session"]
        while s.use[name].job is not None and (s.use[name].job.running or s.use[name].auto):
            s.use[name].job.join(600); at.run()
    times = []
    for _ in range(5):
        t0 = time.perf_counter(); at.run(); times.append(1000 * (time.perf_counter() - t0))
    print(f"{name}: rerun median {statistics.median(times):.0f} ms (max {max(times):.0f}) exceptions={len(at.exception)}", flush=True)
