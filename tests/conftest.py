"""Shared test helpers: paths and the golden files."""
import json
import logging
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"

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


# AppTest runs pages outside a server: streamlit logs "missing ScriptRunContext" for every cached call.
logging.getLogger("streamlit").setLevel(logging.ERROR)


@pytest.fixture(scope="session")
def keras_tables():
    return json.loads((GOLDEN / "keras_tables.json").read_text())


@pytest.fixture(autouse=True)
def own_home(tmp_path_factory, monkeypatch):
    """Each test gets an empty model/data cache folder (the offline sets need none)."""
    monkeypatch.setenv("AECORE_HOME", str(tmp_path_factory.mktemp("aecore-home")))


# The real-browser fixtures (a streamlit server, Debian's Chromium), one of each per test session.
from browser import browser, server  # noqa: E402,F401
