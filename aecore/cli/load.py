"""`python -m aecore bench load`: the app under a class's load, measured. A benchmark, not a test.

It starts the app on a free localhost port (its own AECORE_HOME, so nothing is cached), then for
``--seconds``:
- ``--trainers`` learners in Chromium (Playwright) each press Train on settings of their own (different
  seeds, 100 epochs: the trainings go on for the whole measured window), so some train and the others queue,
  and keep their page open;
- ``--browsers`` more learners in Chromium move between pages through the sidebar and time each page from the
  click to its main content on screen (its title drawn and the script done): the browser-side time;
- the other sessions are websocket clients that move between pages as a browser tab does (one
  connection each, a page every 0.5-2 s) and time each page from the request to the script's end;
- ``--hogs`` CPU-bound processes (``while True: pass``) beside it all, as on a server that is never quiet;
- ``--answerers`` class members answer a step the teacher holds, within ``--answer-window`` s (aecore.cli.answer).

It reports page render times (p50/p95), exceptions on the pages, the server's and the workers' memory
(RSS, sampled each second), "fragment does not exist" lines in the server's log, and the time from
pressing Train to the first reconstructions for the learner at the head of the queue. ``--soak N`` then
opens and closes N sessions one after another and gives the server's RSS at the start, middle and end.

    python -m aecore bench load --sessions 40 --trainers 5 --seconds 90
    python -m aecore bench load --sessions 40 --trainers 5 --browsers 3 --hogs 1
    python -m aecore bench load --sessions 0 --trainers 0 --soak 200
    python -m aecore bench load --sessions 0 --trainers 0 --answerers 30 --seconds 30
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from aecore.cli import answer, wire

PAGES = ["", "builder", "train", "denoise", "latent", "similar", "pca", "stacked", "sparse", "anomaly", "vae",
         "sizes"]
MAX_SESSIONS, MAX_SECONDS, MAX_SOAK = 100, 900, 1000
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (the training workers of the server)."""
    kids, out = {}, []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            kids.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    todo = list(kids.get(pid, []))
    while todo:
        child = todo.pop()
        out.append(child)
        todo += kids.get(child, [])
    return out


class Server:
    """The app in a subprocess on a free port, its log in a file."""

    def __init__(self, extra_env: dict | None = None):
        self.port = _free_port()
        self.home = tempfile.mkdtemp(prefix="aecore-load-")
        self.log_path = Path(self.home) / "server.log"
        env = {**os.environ, "AECORE_HOME": self.home, **(extra_env or {})}
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"

    def wait(self, timeout: float = 90) -> None:
        end = time.time() + timeout
        while time.time() < end:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("the app did not start; see " + str(self.log_path))

    def memory(self) -> dict:
        workers = _children(self.proc.pid)
        return {"server_mb": _rss_mb(self.proc.pid), "workers_mb": sum(_rss_mb(p) for p in workers),
                "workers": len(workers)}

    def log_lines(self, needle: str) -> int:
        return sum(needle in line for line in self.log_path.read_text(errors="replace").splitlines())

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


# ---- websocket sessions -------------------------------------------------------------------------------------

async def _render(ws, page: str, timeout: float = 120) -> tuple[float, int]:
    """Ask for ``page`` on an open session; (seconds to the script's end, exceptions shown on it)."""
    start = time.perf_counter()
    await ws.send(wire.back_msg(page_name=page).SerializeToString())
    errors = 0
    while True:
        forward = wire.forward_msg(await asyncio.wait_for(ws.recv(), timeout))
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element" and \
                forward.delta.new_element.WhichOneof("type") == "exception":
            errors += 1
        if kind == "script_finished":
            return time.perf_counter() - start, errors


async def _tab(url: str, until: float, times: list, errors: list, seed: int, by_page: dict) -> None:
    rng = random.Random(seed)
    async with wire.connect(url) as ws:
        while time.time() < until:
            page = rng.choice(PAGES)
            seconds, bad = await _render(ws, page)
            times.append(seconds)
            by_page.setdefault(page or "welcome", []).append(seconds)
            errors.append(bad)
            await asyncio.sleep(rng.uniform(0.5, 2.0))


async def _tabs(url: str, n: int, seconds: float, times: list, errors: list, by_page: dict) -> None:
    until = time.time() + seconds
    results = await asyncio.gather(*[_tab(url, until, times, errors, i, by_page) for i in range(n)],
                                   return_exceptions=True)
    errors += [1 for r in results if isinstance(r, Exception)]


async def _crowd(url: str, n: int, seconds: float, times: list, errors: list, by_page: dict, plan,
                 answered: dict) -> None:
    """The websocket tabs and the class's answerers (aecore.cli.answer), side by side."""
    await asyncio.gather(*([_tabs(url, n, seconds, times, errors, by_page)] if n > 0 else []),
                         *([answer.answer(url, plan, seconds, answered)] if plan else []))


async def _soak(url: str, cycles: int, server: Server) -> list:
    rss = [server.memory()["server_mb"]]
    for i in range(cycles):
        async with wire.connect(url) as ws:
            await _render(ws, PAGES[i % len(PAGES)])
        if i + 1 in (cycles // 2, cycles):
            rss.append(server.memory()["server_mb"])
    return rss


# ---- learners who train, in Chromium ---------------------------------------------------------------------------

def _chromium(playwright):
    """Debian's Chromium (or $CHROMIUM), headless, as the bench's learners use it."""
    return playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                      args=["--headless", "--no-sandbox", "--disable-gpu",
                                            "--disable-background-networking", "--no-first-run"])


def _trainers(url: str, n: int, seconds: float, out: dict, read_s: float = 10.0) -> None:
    """``n`` Chromium tabs open the Train page, read it for ``read_s`` seconds (as learners do; the server
    starts its training workers meanwhile), press Train (seeds 1..n) and stay on the page; out['first_picture_s']
    is the time from the first one's press to its first reconstructions."""
    from playwright.sync_api import sync_playwright  # deferred: a development extra (requirements-dev.txt)
    with sync_playwright() as p:
        browser = _chromium(p)
        pages = []
        for i in range(n):
            page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
            page.goto(f"{url}/train?data=digits&model=s0-keras-conv&epochs=100&seed={i + 1}", timeout=120_000)
            page.get_by_role("button", name="Train").wait_for(timeout=120_000)
            pages.append(page)
        pages[0].wait_for_timeout(read_s * 1000)
        start = time.perf_counter()
        for page in pages:
            page.get_by_role("button", name="Train").click()
        try:
            pages[0].get_by_text("bottom: the autoencoder's reconstructions").first.wait_for(timeout=300_000)
            out["first_picture_s"] = round(time.perf_counter() - start, 2)
        except Exception as e:  # noqa: BLE001 - reported, not raised: the other figures still count
            out["first_picture_s"] = f"not seen ({type(e).__name__})"
        end = time.time() + seconds
        while time.time() < end:
            pages[0].wait_for_timeout(1000)
        browser.close()


# The page is on screen: a title in the main area that is not the last page's, and no script running.
_SHOWN = ("last => { const h = document.querySelector('[data-testid=\"stMain\"] h1');"
          " const app = document.querySelector('[data-testid=\"stApp\"]');"
          " return !!h && h.innerText !== last && app && app.dataset.testScriptState === 'notRunning'"
          " && !document.querySelector('[data-testid=\"stSkeleton\"]'); }")


def _browsers(url: str, n: int, seconds: float, times: list, errors: list) -> None:
    """``n`` Chromium tabs that go from page to page through the sidebar, in turn, for ``seconds``; each
    page's time from the click to its content on screen (``_SHOWN``) goes to ``times``."""
    from playwright.sync_api import sync_playwright  # deferred: a development extra (requirements-dev.txt)
    rng = random.Random(11)
    with sync_playwright() as p:
        browser = _chromium(p)
        tabs, at = [], {}
        for _ in range(n):
            page = browser.new_context(viewport={"width": 1300, "height": 900}).new_page()
            page.on("pageerror", lambda e: errors.append(str(e)[:200]))
            page.goto(url + "/", timeout=120_000)
            page.wait_for_function(_SHOWN, arg="", timeout=120_000)
            tabs.append(page)
        end = time.time() + seconds
        while time.time() < end:
            for page in tabs:
                last = page.locator("[data-testid='stMain'] h1").first.inner_text()
                at[id(page)] = go = rng.choice([p for p in PAGES[1:] if p != at.get(id(page))])  # another page
                link = page.locator(f"[data-testid='stSidebarNav'] a[href$='/{go}']").first
                start = time.perf_counter()
                try:
                    link.click(timeout=60_000)
                    page.wait_for_function(_SHOWN, arg=last, timeout=120_000)
                    times.append(time.perf_counter() - start)
                except Exception as e:  # noqa: BLE001 - a page that never showed is counted, not raised
                    errors.append(f"{type(e).__name__}: {str(e)[:120]}")
        browser.close()


def _hogs(n: int) -> list:
    """``n`` processes that keep a core busy (another user's work on a shared server)."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


TOUR = ["", "lesson_shapes", "lesson_conv", "lesson_code3d", "lesson_pca", "lesson_stacked", "builder", "train",
        "denoise", "latent", "similar", "pca", "stacked", "sparse", "anomaly", "vae", "sizes", "class_view"]
CLOUD_ENV = {"STREAMLIT_SERVER_RUN_ON_SAVE": "true", "STREAMLIT_RUNNER_FAST_RERUNS": "true",
             "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "false", "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "auto"}


def _tour(url: str, out: dict, train_wait_s: float = 240) -> None:
    """One learner in Chromium visits every page; where a page offers to train what it needs, presses it
    and waits (at most ``train_wait_s`` per page) for the page to show its result. out: pages, trained."""
    from playwright.sync_api import sync_playwright  # deferred: a development extra (requirements-dev.txt)
    out.update(pages=0, trained=0, errors=[])
    with sync_playwright() as p:
        browser = _chromium(p)
        page = browser.new_context(viewport={"width": 1300, "height": 1000}).new_page()
        page.on("pageerror", lambda e: out["errors"].append(str(e)[:200]))
        for path in TOUR:
            page.goto(f"{url}/{path}", timeout=120_000)
            page.wait_for_timeout(3000)
            for name in ("Train what is missing", "Train"):
                button = page.get_by_role("button", name=name, exact=True)
                if button.count():
                    button.first.click()
                    out["trained"] += 1
                    try:
                        page.get_by_role("button", name=name, exact=True).first.wait_for(state="detached",
                                                                                         timeout=train_wait_s * 1000)
                    except Exception:  # noqa: BLE001 - a slow page is reported by the memory, not raised
                        pass
                    break
            page.wait_for_timeout(1000)
            out["pages"] += 1
        browser.close()


def _show(report: dict, as_json: bool) -> None:
    print(json.dumps(report, indent=1) if as_json else "\n".join(f"{k:>26}: {v}" for k, v in report.items()))


def _percentile(values: list, q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 3)


def cmd_bench_load(args) -> int:
    sessions = max(0, min(args.sessions, MAX_SESSIONS))
    trainers = max(0, min(args.trainers, sessions or args.trainers, 10))
    seconds, cycles = max(5, min(args.seconds, MAX_SECONDS)), max(0, min(args.soak, MAX_SOAK))
    answerers, window = max(0, min(args.answerers, answer.MAX_ANSWERERS)), max(1.0, min(args.answer_window, 120))
    env = {**({"AECORE_MAX_TRAININGS": "1"} if args.one_slot else {}), **(CLOUD_ENV if args.cloud else {}),
           **({"AECORE_DB": ""} if answerers else {})}  # the class database: SQLite in the server's AECORE_HOME
    if args.cloud and args.workers:
        env["AECORE_WORKERS"] = args.workers
    server = Server(env)
    report: dict = {"sessions": sessions, "trainers": trainers, "seconds": seconds, "cores": os.cpu_count()}
    try:
        server.wait()
        samples, stop = [], threading.Event()

        def sample():
            while not stop.is_set():
                samples.append(server.memory())
                stop.wait(0.5)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        if args.cloud:  # Community Cloud: its forced settings, one session through every page
            tour: dict = {}
            start = time.perf_counter()
            _tour(server.url, tour)
            stop.set()
            sampler.join()
            both = [s["server_mb"] + s["workers_mb"] for s in samples]
            report = {"mode": "cloud", "settings": CLOUD_ENV, "workers": env.get("AECORE_WORKERS", "process"),
                      "pages": tour["pages"], "trainings_pressed": tour["trained"],
                      "page_errors": len(tour["errors"]), "tour_s": round(time.perf_counter() - start, 1),
                      "server_rss_max_mb": round(max((s["server_mb"] for s in samples), default=0), 1),
                      "workers_rss_max_mb": round(max((s["workers_mb"] for s in samples), default=0), 1),
                      "together_rss_max_mb": round(max(both, default=0), 1),
                      "tracebacks_in_log": server.log_lines("Traceback")}
            _show(report, args.json)
            return 0
        train_out: dict = {}
        trainer = threading.Thread(target=_trainers, args=(server.url, trainers, seconds + 20, train_out),
                                   daemon=True)
        if trainers:
            trainer.start()
            time.sleep(20)  # the trainers read the page for 10 s, then press Train: the window starts training
        plan, answered = answer.prepare(server.home, answerers, window) if answerers else None, {}
        hogs = _hogs(max(0, min(args.hogs, 8)))
        report["hogs"] = len(hogs)
        times, errors, shown, page_errors, by_page = [], [], [], [], {}
        watcher = threading.Thread(target=_browsers, args=(server.url, args.browsers, seconds, shown, page_errors),
                                   daemon=True)
        if args.browsers:
            watcher.start()
        try:
            asyncio.run(_crowd(server.url, sessions - trainers, seconds, times, errors, by_page, plan, answered))
            if args.browsers:
                watcher.join(seconds + 240)
        finally:
            for hog in hogs:
                hog.kill()
        if trainers:
            trainer.join(seconds + 360)
        stop.set()
        sampler.join()
        if args.browsers:
            report.update({"browser_pages": len(shown), "browser_p50_s": _percentile(shown, 0.5),
                           "browser_p95_s": _percentile(shown, 0.95),
                           "browser_max_s": round(max(shown), 3) if shown else None,
                           "browser_errors": len(page_errors), "browser_first_error": (page_errors or [""])[0]})
        report.update({
            "page_renders": len(times), "render_p50_s": _percentile(times, 0.5),
            "render_p95_s": _percentile(times, 0.95), "render_max_s": round(max(times), 3) if times else None,
            "mean_render_s": round(statistics.mean(times), 3) if times else None,
            "slowest_pages_p95_s": dict(sorted(((k, _percentile(v, 0.95)) for k, v in by_page.items()),
                                               key=lambda kv: -kv[1])[:4]),
            "exceptions": sum(errors), "first_reconstructions_s": train_out.get("first_picture_s"),
            "server_rss_max_mb": round(max((s["server_mb"] for s in samples), default=0), 1),
            "workers_rss_max_mb": round(max((s["workers_mb"] for s in samples), default=0), 1),
            "fragment_missing_lines": server.log_lines("does not exist anymore"),
            "tracebacks_in_log": server.log_lines("Traceback"),
        })
        if plan:
            report.update(answer.report(plan, answered, _percentile))
        if cycles:
            report["soak_cycles"] = cycles
            report["soak_server_rss_mb"] = [round(v, 1) for v in asyncio.run(_soak(server.url, cycles, server))]
    finally:
        server.stop()
    _show(report, args.json)
    return 0


def add_commands(what) -> None:
    bl = what.add_parser("load", help="the app under a class: page render times, memory, the queue")
    bl.add_argument("--sessions", type=int, default=40, help=f"sessions in all (at most {MAX_SESSIONS})")
    bl.add_argument("--trainers", type=int, default=5, help="of those, learners who press Train (at most 10)")
    bl.add_argument("--seconds", type=int, default=90, help=f"how long the crowd stays (at most {MAX_SECONDS})")
    bl.add_argument("--browsers", type=int, default=0,
                    help="more learners in Chromium who time each page on screen (the browser-side time)")
    bl.add_argument("--hogs", type=int, default=0, help="CPU-bound processes beside the app (at most 8)")
    bl.add_argument("--soak", type=int, default=0, help=f"then open/close cycles (at most {MAX_SOAK})")
    bl.add_argument("--answerers", type=int, default=0, help="more sessions, class members who answer a held step "
                    f"(shapes/conv, a vote) at once (at most {answer.MAX_ANSWERERS}; aecore.cli.answer)")
    bl.add_argument("--answer-window", type=float, default=10.0, help="the answerers answer within this many seconds")
    bl.add_argument("--one-slot", action="store_true", help="one training at a time (AECORE_MAX_TRAININGS=1)")
    bl.add_argument("--cloud", action="store_true",
                    help="Community Cloud's forced settings; one session through every page; peak memory")
    bl.add_argument("--workers", choices=("process", "thread"), default="",
                    help="with --cloud: where trainings run (AECORE_WORKERS)")
    bl.add_argument("--json", action="store_true")
    bl.set_defaults(func=cmd_bench_load)
