"""`bench load --answerers N`: a class's students answering one held step at once, over Streamlit's websocket.

Before the measured window the bench starts a class in the server's database (SQLite in its AECORE_HOME), joins N
random learner ids and holds ``shapes/conv`` for a vote, as the teacher's board does. Each answerer is then one
websocket session with its own ``aecore_learner`` cookie that behaves as a browser tab does:

- it opens ``lesson_shapes?step=2`` (``rerun_script.page_name`` and ``.query_string``, as a tab's first load) and
  reads the answer form's widget ids from the page's deltas (the text input and the submit button of FORM);
- at a random moment of the answer window (``--answer-window`` s from when every answerer has its page) it submits
  its answer (right RIGHT, or one of WRONG) the way the frontend sends a form: a ``rerun_script`` whose
  ``widget_states`` hold the text input's ``string_value`` and the submit button's ``trigger_value``;
- all the while it reruns each fragment the server announced with an ``auto_rerun`` ForwardMsg (the held step's
  database poll, ``run_every=2``) as the frontend's timer does: ``rerun_script.fragment_id`` with ``is_auto_rerun``,
  every ``interval`` s from the announcement; a full run's ``new_session`` (no fragment ids in its metadata) drops
  the timers and a ``stop_auto_rerun`` drops the named ones, as in the frontend. One difference: a tab sends its
  next request only once the last one's script has finished (one run in flight), so a poll whose time came during
  a longer run is sent at its end, and the answer waits for a poll in flight.

Every later request carries the page's script hash and query string as last told by the server (``new_session`` /
``navigation``, ``page_info_changed``), as the frontend's do. Reported: answers sent and recorded (read back from
the database: each learner who sent has its one round-1 row), the time from the last answer sent to the board
(``ClassDB.board``) showing them all, the answerers' render times (first page, the answer, the polls) and the
exceptions drawn on their pages.
"""
from __future__ import annotations

import asyncio
import random
import secrets
import time
from dataclasses import dataclass, field

from aecore.cli import wire

COOKIE = "aecore_learner"        # aecore.ui.learner.COOKIE (the ui module imports streamlit: not imported here)
PAGE, QUERY = "lesson_shapes", "step=2"
QUESTION, FORM = "shapes/conv", "course.shapes.conv.form"
RIGHT = "28, 28, 16"
WRONG = ("28, 28, 1", "26, 26, 16", "14, 14, 16", "28, 28, 32")
MAX_ANSWERERS = 200


# ---- the messages (pure: tests/test_bench_answer.py) ---------------------------------------------------------

def form_ids(elements, form: str = FORM) -> tuple[str, str] | None:
    """(text input id, submit button id) of ``form`` among a run's new elements (``Element`` protos), or None."""
    text = button = None
    for e in elements:
        kind = e.WhichOneof("type")
        if kind == "text_input" and e.text_input.form_id == form and text is None:
            text = e.text_input.id
        elif kind == "button" and e.button.form_id == form and e.button.is_form_submitter and button is None:
            button = e.button.id
    return (text, button) if text and button else None


def submit_msg(text_id: str, button_id: str, answer: str, page_hash: str, query: str):
    """The BackMsg a browser sends when the form is submitted: the typed value and the button's trigger."""
    msg = wire.back_msg(page_script_hash=page_hash, query_string=query)
    typed = msg.rerun_script.widget_states.widgets.add()
    typed.id, typed.string_value = text_id, answer
    pressed = msg.rerun_script.widget_states.widgets.add()
    pressed.id, pressed.trigger_value = button_id, True
    return msg


def poll_msg(fragment_id: str, page_hash: str, query: str):
    """The BackMsg of a fragment's auto-rerun timer (the frontend's ``sendUpdateWidgetsMessage(id, true)``)."""
    return wire.back_msg(page_script_hash=page_hash, query_string=query, fragment_id=fragment_id, is_auto_rerun=True)


def first_msg(page: str = PAGE, query: str = QUERY):
    """A tab's first load of ``/<page>?<query>``."""
    return wire.back_msg(page_name=page, query_string=query)


def answers_for(n: int, seed: int = 19) -> list[str]:
    """``n`` answers, about half right, the wrong ones of several kinds, in a random order."""
    out = [RIGHT if i % 2 == 0 else WRONG[(i // 2) % len(WRONG)] for i in range(n)]
    random.Random(seed).shuffle(out)
    return out


@dataclass
class Tab:
    """What a browser tab knows of its page, updated from each ForwardMsg (``absorb``)."""
    query: str = QUERY
    page_hash: str = ""
    timers: dict = field(default_factory=dict)     # fragment id -> [interval s, next time]
    elements: list = field(default_factory=list)   # the last full run's new elements
    exceptions: int = 0
    waiting: bool = False                          # the held step's "wait" notice was drawn

    def absorb(self, forward, now: float) -> bool:
        """Take one ForwardMsg in; True when it ends the run asked for (a script_finished, not for a rerun)."""
        kind = forward.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = forward.new_session.page_script_hash or self.page_hash
            if not forward.metadata.run.fragment_ids:  # a full run: the frontend's cleanupAutoReruns()
                self.timers.clear()
                self.elements = []
        elif kind == "navigation" and forward.navigation.page_script_hash:
            self.page_hash = forward.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = forward.page_info_changed.query_string
        elif kind == "auto_rerun" and forward.auto_rerun.fragment_id:
            fid, interval = forward.auto_rerun.fragment_id, forward.auto_rerun.interval
            if self.timers.get(fid, [None])[0] != interval:  # the same fragment and interval: the timer goes on
                self.timers[fid] = [interval, now + interval]
        elif kind == "stop_auto_rerun":
            for fid in forward.stop_auto_rerun.fragment_ids:
                self.timers.pop(fid, None)
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            self.elements.append(element)
            which = element.WhichOneof("type")
            self.exceptions += which == "exception"
            self.waiting |= which == "alert" and "hourglass_top" in element.alert.icon
        elif kind == "script_finished":
            return forward.script_finished != forward.FINISHED_EARLY_FOR_RERUN
        return False


# ---- the class and the answerers -----------------------------------------------------------------------------

@dataclass
class Plan:
    url: str                 # the class database
    code: str
    learners: list
    answers: list
    window: float            # seconds in which they all answer


def prepare(home: str, n: int, window: float = 10.0, seed: int = 19) -> Plan:
    """A class in the server's database, ``n`` learners joined, shapes/conv held for a vote."""
    from aecore.app import classdb  # deferred: SQLAlchemy only for --answerers
    url = f"sqlite:///{home}/class.db"
    db = classdb.connect(url)
    info = db.start(title="bench load", max_learners=max(n, 1))
    learners = [secrets.token_urlsafe(16) for _ in range(n)]  # as aecore.use.learners.new_id
    for i, lid in enumerate(learners):
        db.join(info.code, lid, f"bench {i + 1}")
    db.set_step_state(info.code, QUESTION, "vote")
    return Plan(url, info.code, learners, answers_for(n, seed), window)


@dataclass
class Answerer:
    learner: str
    answer: str
    tab: Tab = field(default_factory=Tab)
    ws: object = None
    ids: tuple | None = None
    sent_at: float | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)   # sent, or never will be


async def _run(a: Answerer, msg, out: dict, timeout: float, poll: bool = False) -> None:
    """Send one rerun request and read until its script has finished; its time goes to out."""
    start = time.perf_counter()
    await a.ws.send(msg.SerializeToString())
    while True:
        forward = wire.forward_msg(await asyncio.wait_for(a.ws.recv(), timeout))
        if a.tab.absorb(forward, time.time()):
            break
    seconds = time.perf_counter() - start
    out["times"].append(seconds)
    if poll:
        out["polls"].append(seconds)


async def _open(url: str, a: Answerer, out: dict) -> None:
    a.ws = await wire.connect(url, cookie=f"{COOKIE}={a.learner}")
    await _run(a, first_msg(), out, 120)
    a.ids = form_ids(a.tab.elements)
    if a.ids is None:
        raise RuntimeError("no answer form on the page")


async def _live(a: Answerer, at: float, until: float, out: dict) -> None:
    """Answer at ``at``, keep the page's fragments polling until ``until``."""
    try:
        while True:
            now = time.time()
            if a.sent_at is None and now >= at:
                a.sent_at = time.time()
                a.done.set()
                await _run(a, submit_msg(*a.ids, a.answer, a.tab.page_hash, a.tab.query), out, 120)
                out["waiting"] += a.tab.waiting
                continue
            fid = min(a.tab.timers, key=lambda f: a.tab.timers[f][1], default=None)
            due = a.tab.timers[fid][1] if fid is not None else float("inf")
            wake = min(due, at if a.sent_at is None else float("inf"))
            if wake >= until:
                await asyncio.sleep(max(0.0, until - now))
                return
            await asyncio.sleep(max(0.0, wake - now))
            if fid is not None and wake == due and fid in a.tab.timers:
                interval, due = a.tab.timers[fid]
                a.tab.timers[fid][1] = max(due + interval, time.time())  # setInterval's next tick
                try:
                    await _run(a, poll_msg(fid, a.tab.page_hash, a.tab.query), out, 60, poll=True)
                except asyncio.TimeoutError:  # the fragment was gone (the server answers nothing): the tab goes on
                    out["errors"].append("a poll got no answer in 60 s")
    finally:
        a.done.set()


async def _board(plan: Plan, crowd: list, until: float, out: dict) -> None:
    """Once every answerer has sent (or failed): the time from the last answer sent to the board showing them all."""
    from aecore.app import classdb  # deferred: SQLAlchemy only for --answerers
    db = classdb.connect(plan.url)
    await asyncio.gather(*(a.done.wait() for a in crowd))
    sent = [a.sent_at for a in crowd if a.sent_at is not None]
    while sent and time.time() < max(until, sent[-1]) + 60:
        tallies = await asyncio.to_thread(db.board, plan.code, [QUESTION])
        if sum(t.answered for t in tallies[QUESTION] if t.round == 1) >= len(sent):
            out["board_s"] = round(time.time() - max(sent), 3)
            return
        await asyncio.sleep(0.05)


async def answer(url: str, plan: Plan, seconds: float, out: dict) -> None:
    """The answerers: open their pages, answer within ``plan.window`` s, poll until ``seconds`` have passed."""
    window = plan.window
    out.update(times=[], polls=[], errors=[], waiting=0, board_s=None, crowd=[])
    crowd = out["crowd"] = [Answerer(lid, ans) for lid, ans in zip(plan.learners, plan.answers)]
    opened = await asyncio.gather(*(_open(url, a, out) for a in crowd), return_exceptions=True)
    for a, result in zip(crowd, opened):
        if isinstance(result, BaseException):
            out["errors"].append(f"{type(result).__name__}: {str(result)[:120]}")
            a.done.set()
    start, rng = time.time(), random.Random(7)
    until = start + max(seconds, window + 5)
    live = [a for a, result in zip(crowd, opened) if not isinstance(result, BaseException)]
    results = await asyncio.gather(_board(plan, crowd, until, out),
                                   *(_live(a, start + rng.uniform(0, window), until, out) for a in live),
                                   return_exceptions=True)
    out["errors"] += [f"{type(r).__name__}: {str(r)[:120]}" for r in results if isinstance(r, BaseException)]
    for a in crowd:
        if a.ws is not None:
            await a.ws.close()


def report(plan: Plan, out: dict, percentile) -> dict:
    """The answerers' figures, read back from the database."""
    from aecore.app import classdb  # deferred: SQLAlchemy only for --answerers
    db = classdb.connect(plan.url)
    crowd, times, polls = out["crowd"], out["times"], out["polls"]
    sent = [a for a in crowd if a.sent_at is not None]
    tally = next((t for t in db.board(plan.code, [QUESTION])[QUESTION] if t.round == 1), None)
    mine = {a.learner: db.mine(plan.code, a.learner, QUESTION) for a in crowd}
    return {
        "answerers": len(crowd), "answer_window_s": plan.window, "answers_sent": len(sent),
        "answers_recorded": tally.answered if tally else 0,
        "answers_missing": sum(1 not in mine[a.learner] for a in sent),
        "answers_unsent_recorded": sum(1 in mine[a.learner] for a in crowd if a.sent_at is None),
        "answers_right_sent": sum(a.answer == RIGHT for a in sent),
        "answers_right_recorded": tally.right if tally else 0,
        "answers_on_board_s": out["board_s"], "answer_wait_shown": out["waiting"],
        "answer_renders": len(times), "answer_render_p50_s": percentile(times, 0.5),
        "answer_render_p95_s": percentile(times, 0.95), "answer_render_max_s": round(max(times), 3) if times else None,
        "answer_polls": len(polls), "answer_poll_p95_s": percentile(polls, 0.95),
        "answer_exceptions": sum(a.tab.exceptions for a in crowd), "answer_errors": len(out["errors"]),
        "answer_first_error": (out["errors"] or [""])[0],
    }
