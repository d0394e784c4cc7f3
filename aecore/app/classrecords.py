"""What the class database keeps and gives back (aecore.app.classdb): its records and errors, the rules for the
values that come from outside (codes, nicknames, ids), and the arithmetic of learning gains. Pure Python."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone

ALPHABET = "34679ACDEFGHJKMNPQRTWXY"  # class codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V
CODE_LEN = 4
MODES = ("open", "vote", "discuss", "revote", "reveal")
LEARNER = re.compile(r"[A-Za-z0-9_-]{8,64}")
NICK_LEN, TITLE_LEN, LESSON_LEN, ANSWER_LEN, QUESTION_LEN = 24, 80, 64, 64, 128


class ClassError(Exception):
    """A class action that cannot be done; ``key`` is a text key, ``values`` fill its sentence."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values

    def __str__(self) -> str:
        return f"{self.key} {self.values}" if self.values else self.key


@dataclass(frozen=True)
class ClassInfo:
    id: int
    code: str
    title: str
    created: datetime      # UTC
    expires: datetime      # UTC
    max_learners: int
    lesson: str            # the lesson the class is on, "" if none


@dataclass(frozen=True)
class StepState:
    mode: str = "open"     # one of MODES
    round: int = 1         # 1: the first vote (or the only one), 2: the revote


@dataclass(frozen=True)
class Tally:
    question: str
    round: int
    answered: int          # learners who answered
    right: int             # learners who answered right
    answers: list          # (answer, count, right: True / False / None = not known yet), most common first
    pending: int = 0       # learners whose answer's verdict is not known yet (a held step before the reveal)


@dataclass(frozen=True)
class Gain:
    question: str
    pre_pct: float         # % right before (round 1), among the n learners who answered both rounds
    post_pct: float        # % right after (round 2)
    n: int
    g: float | None        # (post - pre) / (100 - pre); None when pre is 100 % or n is 0


# ---- values from outside ---------------------------------------------------------------------------------

def utc(now: datetime | None) -> datetime:
    """``now`` (or the time) as a naive UTC datetime, as stored."""
    now = now or datetime.now(timezone.utc)
    return now.astimezone(timezone.utc).replace(tzinfo=None) if now.tzinfo else now


def aware(t: datetime) -> datetime:
    return t.replace(tzinfo=timezone.utc)


def clean(text, n: int) -> str:
    """Typed text made safe to store and show: NFC, no control or format characters, spaces collapsed, at most
    ``n`` characters. Markup stays text (escaping is the page's job)."""
    text = unicodedata.normalize("NFC", str(text)[: n * 8])
    kept = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch)[0] != "C")
    return " ".join(kept.split())[:n].strip()


def code_of(text) -> str:
    """A class code as typed, read leniently: case, spaces and dashes do not matter."""
    return "".join(ch for ch in str(text)[:32].upper() if ch.isalnum())


def checked(value, name: str, ok: bool):
    if not ok:
        raise ClassError("class.bad_value", name=name)
    return value


def valid_learner(learner_id) -> str:
    return checked(learner_id, "learner_id", isinstance(learner_id, str) and LEARNER.fullmatch(learner_id))


def valid_question(q) -> str:
    return checked(q, "question", isinstance(q, str) and 0 < len(q) <= QUESTION_LEN and q.isprintable())


def number(value, name: str, low: float, high: float) -> float:
    """A number from outside, clamped to [low, high]."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        value = float("nan")
    return min(max(checked(value, name, value == value), low), high)


def gain_of(question: str, n: int, pre: float, post: float) -> Gain:
    return Gain(question, pre, post, n, None if n == 0 or pre >= 100 else (post - pre) / (100 - pre))


def class_gain(gains: list[Gain]) -> Gain:
    """The class's gain over a lesson, from class averages (Hake's <g>): pre % and post % over every answer pair of
    all the lesson's questions (each question weighted by its n), then g = (post - pre) / (100 - pre). Its
    question is "(all)" and its n counts answer pairs (learners x questions), not learners."""
    n = sum(x.n for x in gains)
    pre = sum(x.pre_pct * x.n for x in gains) / n if n else 0.0
    post = sum(x.post_pct * x.n for x in gains) / n if n else 0.0
    return gain_of("(all)", n, pre, post)


def lesson_of(question: str) -> str:
    """The lesson a question belongs to: "shapes/conv" and "check/shapes/stride" -> "shapes"."""
    parts = question.split("/")
    return clean(parts[1] if parts[0] == "check" and len(parts) > 2 else parts[0] if len(parts) > 1 else "",
                 LESSON_LEN)


def rows_of(rows, question, rnd, right):
    """The board's grouped rows of one question and round whose verdict is ``right`` (True, False or None)."""
    return [(a, n, r) for q, x, a, r, n in rows if q == question and x == rnd and r is right]
