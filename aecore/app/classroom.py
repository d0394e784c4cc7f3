"""What the app knows about a class but does not draw: the ids of a lesson's questions, what a student sees of a
step the teacher holds for peer instruction, which round an answer belongs to, the join link and its host, and
the board's numbers as the teacher reads them. Pure Python; the database is aecore.app.classdb, the widgets
aecore.ui.classroom.

Peer instruction, step by step (the teacher moves the class; a student's page follows within 2 s):

    open     no hold: answers get their verdict at once (round 1), as for a learner outside any class
    vote     students answer (round 1) and see "wait for the discussion", not the verdict
    discuss  no answering; the class talks it over with a neighbour
    revote   students answer again, keeping or changing their answer (round 2); still no verdict
    reveal   every student sees the verdict and the result; the board shows vote 1 beside vote 2
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from aecore.app.guided import SHAPE_ROWS
from aecore.shapes import presets
from aecore.shapes.layers import summarize
from aecore.shapes.rules import fmt_shape
from aecore.use import checks, course

HELD = ("vote", "discuss", "revote")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]")


def step_question(lesson: str, step_id: str) -> str:
    return f"{lesson}/{step_id}"


def step_questions(lesson: str) -> list[str]:
    """The lesson's step questions in order (the board's rows)."""
    return [step_question(lesson, s.id) for s in course.LESSONS[lesson] if s.question is not None]


def check_questions(lesson: str) -> list[str]:
    """The lesson's concept-check questions (asked before and after: rounds 1 and 2)."""
    return [f"check/{lesson}/{name}" for name in checks.CHECKS.get(lesson, ())]


@dataclass(frozen=True)
class Seen:
    """What a class member's page shows of a step with a question."""
    show: str               # "ask" (the answer form), "wait" (answer in; the verdict later), "discuss", "verdict"
    round: int = 1          # the round an answer given now belongs to (0: none is recorded now)


def student_view(mode: str, rounds: set, committed: bool) -> Seen:
    """``rounds``: the rounds this learner's answers are stored in; ``committed``: an answer is on the page."""
    if mode == "vote":
        return Seen("wait", 0) if 1 in rounds else Seen("ask", 1)
    if mode == "discuss":
        return Seen("discuss", 0)
    if mode == "revote":
        return Seen("wait", 0) if 2 in rounds else Seen("ask", 2)
    if mode == "reveal":  # late answers after the reveal are not the class's vote: shown, not recorded
        return Seen("verdict", 0) if committed else Seen("ask", 0)
    return Seen("verdict", 1) if committed else Seen("ask", 1)


def join_link(page_url: str, code: str, host: str = "") -> str:
    """The address a student opens to join: this server's address (or ``host`` the teacher typed, with or
    without a port and scheme) with ``?join=CODE``."""
    parts = urlsplit(page_url or "http://localhost:8501/")
    scheme, netloc = parts.scheme or "http", parts.netloc
    host = (host or "").strip().rstrip("/")
    if host:
        given = urlsplit(host if "://" in host else f"{scheme}://{host}")
        scheme, netloc = given.scheme, given.netloc
    return urlunsplit((scheme, netloc, "/", f"join={code}", ""))


def is_local(link: str) -> bool:
    """True when the address only works on the teacher's own machine (students' phones cannot reach it)."""
    return (urlsplit(link).hostname or "") in {h.strip("[]") for h in LOCAL_HOSTS}


def pct(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def verdict_of(asked_kind: str, answer: str, truth, options: tuple = ()) -> bool:
    """Whether a stored answer (as text) is right against the truth the page computed."""
    if asked_kind == "shape":
        return course.check_shape(answer, truth).right
    return course.check_choice(answer, truth, options).right


def canonical(kind: str, answer) -> str:
    """An answer as the class's database keeps it: a shape in one spelling ("14x14x16" and "(14, 14, 16)" are one
    bar on the board), a choice by its option name (never its words, which depend on the reader's language)."""
    if kind == "shape":
        try:
            return fmt_shape(course.read_shape(str(answer)))
        except course.ShapeError:
            return str(answer)[:64]
    return str(answer)


def step_of(lesson: str, step_id: str) -> course.Step:
    return next(s for s in course.LESSONS[lesson] if s.id == step_id)


def step_kind(lesson: str, step_id: str) -> str:
    return step_of(lesson, step_id).question.kind


@lru_cache(maxsize=1)
def _lesson1_rows() -> tuple:
    """Lesson 1's table (a fixed model): made once, not for every wrong answer of every 2 s board poll."""
    return tuple(summarize(*presets.make("s0-keras-conv")).rows)


def misread(lesson: str, step_id: str, answer: str) -> tuple | None:
    """For a wrong shape in lesson 1's table: which rule the answer points at, as (text key, values), or None.
    The shape that went into the layer (as if it changed nothing), another row's output, or the right size
    give or take one (rounding the other way)."""
    if lesson != "shapes" or step_id not in SHAPE_ROWS:
        return None
    try:
        shape = course.read_shape(answer)
    except course.ShapeError:
        return None
    rows = _lesson1_rows()
    asked = rows[SHAPE_ROWS[step_id]]
    if shape == tuple(asked.output_shape):
        return None
    if shape == tuple(asked.input_shape):
        return "room.misread_input", {"layer": asked.type}
    for row in rows:
        if shape == tuple(row.output_shape):
            return "room.misread_row", {"i": row.index, "layer": row.type}  # the table's "#"
    truth = tuple(asked.output_shape)
    one_off = all(abs(a - b) == 1 for a, b in zip(shape[:-1], truth[:-1]))
    if len(shape) == len(truth) and shape[-1] == truth[-1] and one_off:
        return "room.misread_round", {}
    return None
