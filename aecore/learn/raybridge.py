"""The server's one connection to Ray: ``python -m aecore.learn.raybridge``, started by the RunManager when
AECORE_RAY_ADDRESS is set (never by hand).

Why a process of its own, not a thread of the web server: ``ray.init`` starts (``local``) Ray's GCS and raylet
with PR_SET_PDEATHSIG, a signal sent when the *thread* that started them ends (a page's script thread, a
dispatcher that returns when the queue empties), and Ray's driver ends its whole process when it loses the
cluster's GCS ("Failed to connect to GCS ... The program will terminate"). Here ``ray.init`` and every other
``ray.*`` call run on this process's main thread, which lives until the process ends; and when Ray ends this
process, the server only loses this connection: its runs end with a sentence, the next run starts a new one.

Protocol, one JSON object a line. In (stdin): ``{"folder", "home", "threads", "device"}`` starts a run. Out
(stdout): ``ready {"cpus", "node_cpus", "nodes"}`` once connected; ``unreachable {"why"}`` when ``ray.init``
failed (then it exits); ``finished {"folder", "phase", "node", "host", "pid"}`` or ``finished {"folder",
"lost"}`` (the task, its worker or its node died) when a run has ended. Everything else goes to stderr.

When the server goes (stdin closes, or this process is re-parented after a kill -9), the runs are asked to stop
as Stop does (they keep a checkpoint and say the server went), waited for at most GRACE_S, and the process
exits: a ``local`` cluster ends with it, a remote one drops the tasks it owned.
"""
from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from aecore.learn import child

ROOT = Path(__file__).resolve().parents[2]
TICK_S = 0.2     # how often finished runs are collected
WATCH_S = 0.5    # how often the bridge looks whether its server is still there
GRACE_S = 20.0   # how long runs may take to stop and write their checkpoints once the server has gone


class Bridge:
    """The server's side: the bridge process, the runs given to it, what it said. A bridge still connecting
    after AECORE_RAY_CONNECT_S (45 s) is given up: its runs end with a sentence, as those of a bridge Ray ended."""

    def __init__(self):
        self.address = os.environ.get("AECORE_RAY_ADDRESS") or "local"
        self.connect_s = float(os.environ.get("AECORE_RAY_CONNECT_S", "45"))
        self._told = False
        self.proc = subprocess.Popen([sys.executable, "-m", "aecore.learn.raybridge"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1, cwd=str(ROOT))
        self.started = time.monotonic()
        self.ready: dict | None = None    # {"cpus", "node_cpus", "nodes"} once connected
        self.unreachable: str | None = None  # why not, once it is known
        self._ended: dict[str, dict] = {}    # folder -> what the bridge said when its run ended
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True, name="aecore-ray-reader").start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            word, _, rest = line.partition(" ")
            try:
                said = json.loads(rest)
            except ValueError:
                continue
            with self._lock:
                if word == "ready":
                    self.ready = said
                elif word == "unreachable":
                    self.unreachable = said.get("why") or "?"
                elif word == "finished" and said.get("folder"):
                    self._ended[said["folder"]] = said

    def usable(self) -> bool:
        """Connected or connecting in time, and alive: worth giving a run to."""
        self.check()
        return self.unreachable is None and self.proc.poll() is None

    def check(self) -> None:
        """A bridge still connecting after AECORE_RAY_CONNECT_S is given up (and ended); why is said once, in the
        server's log."""
        if self.ready is None and self.unreachable is None and time.monotonic() - self.started > self.connect_s:
            self.unreachable = f"no answer within {self.connect_s:.0f} s"
            self.proc.kill()
        if self.unreachable is not None and not self._told:
            self._told = True
            print(f"aecore: the Ray cluster at {self.address} could not be reached: {self.unreachable}",
                  file=sys.stderr, flush=True)

    def slots(self, threads: int) -> int | None:
        """How many runs of ``threads`` CPUs the cluster trains at once, once connected (else None): its CPUs over
        each run's (AECORE_MAX_TRAININGS, where set, decides: it is not held to this machine's cores)."""
        if not self.ready:
            return None
        env = os.environ.get("AECORE_MAX_TRAININGS", "")
        each = max(1, min(threads, self.ready.get("node_cpus") or 1))
        return int(env) if env.isdigit() and int(env) >= 1 else max(1, self.ready.get("cpus", 0) // each)

    def give(self, folder: str, home: str, threads: int, device: str | None) -> None:
        try:
            self.proc.stdin.write(json.dumps({"folder": folder, "home": home, "threads": threads,
                                              "device": device}) + "\n")
            self.proc.stdin.flush()
        except (OSError, ValueError):
            pass  # the bridge is gone: ended() says so

    def ended(self, folder: str) -> tuple[str, dict] | None:
        """None while the run goes on; else (the text key of a failure, or "", its values)."""
        with self._lock:
            said = self._ended.pop(folder, None)
        if said is not None:
            return ("train.ray_lost", {}) if said.get("lost") else ("", {})
        self.check()
        gone = self.proc.poll() is not None
        if self.unreachable is not None or gone and self.ready is None:  # never connected
            return "train.ray_unreachable", {"address": self.address}
        if gone:  # Ray ended the bridge (the cluster was lost), or it was killed
            time.sleep(TICK_S)  # its last lines may still be on their way
            with self._lock:
                said = self._ended.pop(folder, None)
            return ("", {}) if said is not None and not said.get("lost") else ("train.ray_lost", {})
        return None

    def close(self) -> None:
        child.close(self.proc, 30)  # the runs are asked to stop and keep a checkpoint; a local cluster shuts down


def train(folder: str, home: str, threads: int, device: str | None) -> dict:
    """One run, as a Ray task on some node: the same ``work`` as a local worker process (the run's folder must be
    on a filesystem the nodes share, AECORE_HOME on NFS). Returns where it trained."""
    import ray  # deferred: only on a Ray worker
    import torch  # deferred: only on a Ray worker; the bridge itself never loads torch

    from aecore.learn.runs import RunFiles, work  # deferred: as torch
    os.environ["AECORE_HOME"] = home
    torch.set_num_threads(max(1, threads))
    phase = work(RunFiles(Path(folder).name, Path(folder).parent), device)
    return {"folder": folder, "phase": phase, "node": ray.get_runtime_context().get_node_id(),
            "host": socket.gethostname(), "pid": os.getpid()}


def _read(stream, inbox: queue.Queue) -> None:
    for line in stream:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict) and message.get("folder"):
            inbox.put(message)
    inbox.put(None)  # stdin closed: the server is closing


def _watch(parent: int, inbox: queue.Queue) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_S)  # a watcher's beat, not a wait for a result
    inbox.put(None)  # re-parented: the server is gone


def _env() -> dict:
    """What every Ray task sees: this checkout on its path, the server's AECORE_* settings."""
    keep = {k: v for k, v in os.environ.items() if k.startswith("AECORE_") and k != "AECORE_RAY_ADDRESS"}
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**keep, "PYTHONPATH": path}


def main() -> int:
    protocol = sys.stdout
    sys.stdout = sys.stderr  # a stray print (Ray prints) must not break the protocol

    def say(word: str, what: dict) -> None:
        try:
            protocol.write(f"{word} {json.dumps(what)}\n")
            protocol.flush()
        except OSError:  # the server is gone (killed): nobody to tell; end as the watch thread would
            os.dup2(os.open(os.devnull, os.O_WRONLY), protocol.fileno())  # what is still buffered goes nowhere
            inbox.put(None)

    inbox: queue.Queue = queue.Queue()
    threading.Thread(target=_read, args=(sys.stdin, inbox), daemon=True, name="aecore-ray-inbox").start()
    threading.Thread(target=_watch, args=(os.getppid(), inbox), daemon=True, name="aecore-ray-watch").start()
    address = os.environ.get("AECORE_RAY_ADDRESS", "local")
    try:
        import ray  # deferred: an optional extra (requirements-ray.txt), only for AECORE_RAY_ADDRESS
        ray.init(address=None if address == "local" else address, runtime_env={"env_vars": _env()},
                 include_dashboard=False, log_to_driver=False)
        nodes = [n for n in ray.nodes() if n.get("Alive")]
        cpus = [int(n.get("Resources", {}).get("CPU", 0)) for n in nodes]
    except Exception as e:  # noqa: BLE001 - whatever Ray raises, the server is told and the runs end in words
        say("unreachable", {"why": f"{type(e).__name__}: {e}"[:500]})
        return 2
    node_cpus = max(cpus, default=0)
    say("ready", {"cpus": sum(cpus), "node_cpus": node_cpus, "nodes": len(nodes)})
    task = ray.remote(max_retries=0)(train)  # a lost node ends its run (in words), it does not train it again
    running: dict = {}  # ObjectRef -> folder
    leaving = None      # when the server went: the deadline for the runs to stop
    while True:
        try:
            message = inbox.get(timeout=0 if running or leaving else TICK_S)
        except queue.Empty:
            message = False
        if message is None and leaving is None:
            leaving = time.monotonic() + GRACE_S
            for folder in running.values():
                try:
                    (Path(folder) / "stop").write_text("server")
                except OSError:
                    pass  # the folder is gone or cannot be written: nothing to keep
        elif message and leaving is None:
            cpus_each = max(1, min(int(message.get("threads") or 1), node_cpus or 1))
            ref = task.options(num_cpus=cpus_each).remote(message["folder"], message.get("home") or "",
                                                          cpus_each, message.get("device"))
            running[ref] = message["folder"]
        if running:
            done, _ = ray.wait(list(running), num_returns=len(running), timeout=TICK_S)
            for ref in done:
                folder = running.pop(ref)
                try:
                    said = ray.get(ref)
                    print(f"aecore: {Path(folder).name} {said['phase']} on node {said['node'][:12]} "
                          f"({said['host']}, pid {said['pid']})", file=sys.stderr, flush=True)
                except Exception as e:  # noqa: BLE001 - the task, its worker or its node died
                    said = {"folder": folder, "lost": f"{type(e).__name__}: {e}"[:500]}
                    print(f"aecore: {Path(folder).name} lost: {said['lost']}", file=sys.stderr, flush=True)
                say("finished", said)
        if leaving is not None and (not running or time.monotonic() > leaving):
            break
    ray.shutdown()
    return 0


if __name__ == "__main__":
    from aecore.learn import raybridge  # the module by its name, so that Ray sends ``train`` by name, not by value
    sys.exit(raybridge.main())
