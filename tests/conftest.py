"""Shared test helpers: paths, the golden files, and bounds on work that hold on any machine (peak memory, a
guard against a hang) in place of timings, which depend on the machine and what else runs on it."""
import json
import logging
import os
import signal
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"

CLOSED_PORT = "http://127.0.0.1:9/"  # the discard port: nothing listens there, a connection is refused at once
SNAPSHOTS_WRITTEN = pytest.StashKey[list]()  # the files `--update` rewrote, listed at the end of the run


def pytest_addoption(parser):
    parser.addoption("--update", action="store_true",
                     help="rewrite tests/snapshots/ from the current output instead of comparing (review the diff)")


def pytest_configure(config):
    config.stash[SNAPSHOTS_WRITTEN] = []


def pytest_terminal_summary(terminalreporter, config):
    written = config.stash.get(SNAPSHOTS_WRITTEN, [])
    if written:
        terminalreporter.write_sep("-", f"--update rewrote {len(written)} snapshot(s); review with git diff")
        for path in written:
            terminalreporter.write_line(path)


@pytest.fixture(scope="session")
def trained_home(tmp_path_factory) -> str:
    """One model store for the whole run, for the tests that need the lessons' models to exist and do not test
    how they come to be trained: each configuration is trained once per run, by the first test that needs it (a
    page's worker, or ``train_once``), and found in the store by the others, as a class finds a warm cache."""
    return str(tmp_path_factory.mktemp("trained-home"))


def train_once(config, home: str):
    """The trained model of ``config`` from the run's shared store (``trained_home``): trained here on the CPU
    and kept there the first time, loaded from there after."""
    from aecore.learn import store
    from aecore.learn.train import run
    before = os.environ.get("AECORE_HOME")
    os.environ["AECORE_HOME"] = home
    try:
        result = store.load(config, device="cpu")
        if result is None:
            result = run(config, device="cpu")
            store.save(result)
        return result
    finally:
        if before is None:
            os.environ.pop("AECORE_HOME", None)
        else:
            os.environ["AECORE_HOME"] = before


@contextmanager
def peak_memory():
    """Measure the block's peak Python memory: ``with peak_memory() as mb: ...`` then ``mb()`` in MB."""
    tracemalloc.start()
    peak = []
    try:
        yield lambda: peak[0]
    finally:
        peak.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()


@contextmanager
def no_hang(seconds: int = 120):
    """Fail (instead of running on) when the block has not ended after ``seconds``: a guard against a hang, far
    above any machine's time for the work, never a speed requirement."""
    def hung(signum, frame):
        raise AssertionError(f"still running after {seconds} s: a hang")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# AppTest runs pages outside a server: streamlit logs "missing ScriptRunContext" for every cached call.
logging.getLogger("streamlit").setLevel(logging.ERROR)


@pytest.fixture(scope="session")
def keras_tables():
    return json.loads((GOLDEN / "keras_tables.json").read_text())


@pytest.fixture(autouse=True)
def own_home(tmp_path_factory, monkeypatch):
    """Each test gets an empty model/data cache folder (the offline sets need none), and every dataset download
    goes to a closed port (refused at once), so no test depends on whether this machine has a network."""
    monkeypatch.setenv("AECORE_HOME", str(tmp_path_factory.mktemp("aecore-home")))
    monkeypatch.setenv("AECORE_DATA_MIRROR", CLOSED_PORT)


# The real-browser fixtures (a streamlit server, Debian's Chromium), one of each per test session.
from browser import browser, server  # noqa: E402,F401
