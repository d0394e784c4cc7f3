"""Real Chromium (Debian's) driving the real app: a session-wide streamlit server and helpers."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import CLOSED_PORT, ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "artifacts" / "screens"


def free_port() -> int:
    """A port nobody listens on now. Another process may take it before the server binds it: ``start_app``
    then starts again on another port, so the race costs a retry, never a failed test."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        return urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok"
    except OSError:
        return False


def start_app(home: Path, env: dict | None = None, tries: int = 5):
    """`streamlit run app.py` on a free localhost port: (process, url, log file). A server that exits before it
    answers (its port was taken meanwhile) is started again on another port."""
    env = {**os.environ, "AECORE_HOME": str(home), "PYTHONUNBUFFERED": "1", "AECORE_DATA_MIRROR": CLOSED_PORT,
           **(env or {})}
    for _ in range(tries):
        port = free_port()
        log = open(home / "server.log", "w")
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
                                 "true", "--server.port", str(port), "--server.address", "127.0.0.1"],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        give_up = time.monotonic() + 120  # a server that neither answers nor exits: a hang, said below
        while proc.poll() is None and not _healthy(url) and time.monotonic() < give_up:
            time.sleep(0.2)  # polling a server that is starting (it answers within seconds), not a fixed wait
        if proc.poll() is None and _healthy(url):
            return proc, url, log
        proc.kill()
        log.close()
    raise RuntimeError("streamlit did not start: " + (home / "server.log").read_text()[-2000:])


_WARM: dict[str, tuple] = {}  # a server's url: (the shared store, its home), for warm_cache before each page


def warm_cache(shared: str, home: Path) -> None:
    """The server has the models this run's other tests have trained (conftest.trained_home), as a class server
    starts with the cache its Class view warmed; all but lesson 1's model, which the lesson walk trains in the
    browser (the 'train what is missing' flow, from the button to the verdict). Called before each page opens,
    so a model the other test process saved meanwhile is there too (a file is copied once). Run alone, the
    browser tests find nothing there and train everything."""
    from aecore.app.guided import DATASETS, configs
    (walked,) = configs("shapes", DATASETS["shapes"], "cpu")
    (home / "models").mkdir(parents=True, exist_ok=True)
    for f in (Path(shared) / "models").glob("*.zip"):
        mine = home / "models" / f.name
        if f.stem != walked.key() and not f.name.startswith(".") and not mine.exists():
            shutil.copy(f, home / "models" / f".tmp-{f.name}")
            os.replace(home / "models" / f".tmp-{f.name}", mine)  # whole or not at all, as the store writes


@pytest.fixture(scope="session")
def server(tmp_path_factory, trained_home):
    """`streamlit run app.py` on localhost, with its own data and model folders (the models warmed: warm_cache)."""
    home = tmp_path_factory.mktemp("app-home")
    warm_cache(trained_home, home)
    proc, url, log = start_app(home)
    _WARM[url] = (trained_home, home)
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian's chromium is missing: apt-get install -y chromium (see .ci/run)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, server: str, path: str, heading: str, height: int = 1600):
    """A new tab on one page of the app, settled; returns (page, errors) where errors collects the page's
    JavaScript exceptions (a test ends with ``assert not errors``)."""
    if server in _WARM:
        warm_cache(*_WARM[server])
    page = browser.new_page(viewport={"width": 1500, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + path)
    page.get_by_role("heading", name=heading).wait_for(timeout=120_000)
    settle(page)
    return page, errors


# The app is idle: Streamlit's own flag on its root says no script runs (its e2e tests read the same attribute),
# no "Running..." widget and no skeleton of a page still being drawn.
IDLE = ("() => !!document.querySelector('[data-testid=\"stApp\"][data-test-script-state=\"notRunning\"]')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')")
# Resolves once nothing in the page has changed for ms milliseconds (a MutationObserver): a condition on the
# page, so it ends as soon as the page is still, however fast or slow the machine is.
STILL = """ms => new Promise(resolve => {
    let timer;
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, ms); });
    function done() { observer.disconnect(); resolve(true); }
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    timer = setTimeout(done, ms);
    setTimeout(done, 20000);  // a page that never stops changing (a live view): go on; the IDLE check follows
})"""


def settle(page, timeout_ms: int = 120_000, still_ms: int = 500) -> None:
    """Wait until the script run an action started is over and the page has stopped changing: the page still
    for ``still_ms`` (a click's rerun starts well within it, and changes the page when it does), then idle,
    then still again (what the run drew has landed). No fixed wait."""
    page.evaluate(STILL, still_ms)
    page.wait_for_function(IDLE, timeout=timeout_ms)
    page.evaluate(STILL, still_ms)


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def copied_link(page) -> str:
    """The link the 'Copy a link to this' box offers."""
    page.get_by_role("button", name="Copy a link to this").click()
    code = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode'] code").first
    code.wait_for(timeout=30_000)
    link = code.inner_text().strip()
    page.keyboard.press("Escape")
    return link
