"""Shared test helpers: paths, the golden files, and bounds on work that hold on any machine (peak memory, a
guard against a hang) in place of timings, which depend on the machine and what else runs on it."""
import http.server
import json
import logging
import os
import signal
import subprocess
import threading
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


def pytest_terminal_summary(terminalreporter, config):
    written = config.stash.get(SNAPSHOTS_WRITTEN, [])
    if written:
        terminalreporter.write_sep("-", f"--update rewrote {len(written)} snapshot(s); review with git diff")
        for path in written:
            terminalreporter.write_line(path)


# The suite runs in two processes (pytest-xdist: ``-n 2 --dist loadfile`` in pyproject.toml), a test file in one
# of them. The files that train the lessons' shared models (trained_home) run together in one process, so that no
# model is trained twice at once; the other process starts on the browser files whose models the lessons do not
# share, and the browser files that show the shared models come after them (their server copies the models in:
# browser.warm_cache). Then the longest of the rest, then the others in the order pytest collects them.
TOGETHER = ("test_app_use", "test_app_lessons", "test_app_models", "test_lesson_claims", "test_families")
FIRST = (*TOGETHER, "test_browser_session", "test_workers", "test_cli", "test_browser_lessons",
         "test_browser_builder", "test_browser_reload", "test_browser_train", "test_browser_use",
         "test_browser_models", "test_app_train", "test_app_builder", "test_links", "test_doctor",
         "test_parse_constructs")
IN_PARALLEL = "PYTEST_XDIST_WORKER" in os.environ
# The app's workers yield to its pages (AECORE_WORKER_NICE, 10); here the other test process would take their CPU
# and every test that waits for a training would wait longer. test_workers checks the default on a worker of its own.
os.environ["AECORE_WORKER_NICE"] = "0"


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(FIRST)))  # stable: a file keeps its own order


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """--dist loadfile, with the TOGETHER files as one unit of work (one process runs them, in FIRST's order)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling  # deferred: pytest-xdist is there only when this hook is called

    class Together(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return "the shared models" if Path(scope).stem in TOGETHER else scope

    return Together(config, log)


def pytest_configure(config):
    config.stash[SNAPSHOTS_WRITTEN] = []
    if IN_PARALLEL:  # two test processes on two cores: one torch thread each (two each would fight for them)
        import torch  # deferred: only a test process that runs beside another needs torch before its tests
        torch.set_num_threads(1)


@pytest.fixture(scope="session")
def trained_home(tmp_path_factory) -> str:
    """One model store for the whole run, for the tests that need the lessons' models to exist and do not test
    how they come to be trained: each configuration is trained once per run, by the first test that needs it (a
    page's worker, or ``train_once``), and found in the store by the others, as a class finds a warm cache.

    Each test process has a home of its own (its runs' folders), and the processes share one models folder, as
    two class servers share one store (AECORE_STORE): a model the other process has saved is found, not
    retrained."""
    home = tmp_path_factory.mktemp("trained-home")
    shared = tmp_path_factory.getbasetemp().parent / "trained-models" if IN_PARALLEL else home / "models"
    shared.mkdir(exist_ok=True)
    if IN_PARALLEL:
        (home / "models").symlink_to(shared, target_is_directory=True)
    return str(home)


def train_once(config, home: str):
    """The trained model of ``config`` from the run's shared store (``trained_home``): trained here on the CPU
    and kept there the first time, loaded from there after (a test process that needs a model the other is
    training waits for it instead of training it twice)."""
    from aecore.learn import store
    from aecore.learn.download import file_lock
    from aecore.learn.train import run
    before = os.environ.get("AECORE_HOME")
    os.environ["AECORE_HOME"] = home
    try:
        with file_lock(Path(home) / "models" / f".lock-{config.key()}"):  # the other test process waits here
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


@pytest.fixture
def http_files(tmp_path):
    """A local HTTP server (loopback only) serving tmp_path/served."""
    served = tmp_path / "served"
    served.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(served), **k)

        def log_message(self, *a):
            pass
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class SmallDisk:
    """A real tmpfs of 1 MB mounted at ``path`` for one test: a disk that fills up, or is remounted read-only, as a
    class server's disk does (as root, chmod does not stop a write: a read-only mount does)."""

    def __init__(self, path: Path):
        self.path = path

    def fill(self) -> "SmallDisk":
        """Write until the disk is full (ENOSPC)."""
        with open(self.path / "filler", "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        return self

    def read_only(self) -> "SmallDisk":
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)
        return self


@pytest.fixture
def small_disk(tmp_path):
    where = tmp_path / "disk"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True,
                          text=True)
    if done.returncode != 0:  # CI runs as root, where it mounts
        pytest.skip(f"a tmpfs cannot be mounted here (it needs root): {done.stderr.strip()}")
    try:
        yield SmallDisk(where)
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


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
# A PostgreSQL server per test process (started by the first test that needs it), a fresh database per test.
from pg import postgres_server, postgres_url  # noqa: E402,F401
