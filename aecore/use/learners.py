"""What a learner did, kept on the server under a random learner id, so that a reload or a restart of the
server loses nothing. No streamlit here: ``aecore.ui.learner`` keeps the id in the browser (a cookie) and
calls this store.

The id is the only key: random (``new_id``), never derived from anything personal, and never put in a
link. A learner's record is one small JSON document,

    {"v": 1, "lessons": {"shapes": {"step": 3, "answers": {"conv": "28, 28, 16"}, "right": {"conv": true},
                                    "values": {"dataset": "digits"}}}}

kept in memory (the most recent ``max_memory`` learners) and in ``<AECORE_HOME>/learners/<id>.json``.
What is read back is input like any other: a file that is too large, not JSON, or not this shape is
ignored, and every field is checked against the lessons (known steps, known options, sizes).

    store = Store(default_root())
    doc = store.load(learner)                      # {} for a new learner, an unreadable file, a bad id
    store.update(learner, base=doc, mine=changed)  # this session's changes on top of the stored record
"""
from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import threading
from collections import OrderedDict
from pathlib import Path

from aecore.learn.data import home
from aecore.use.course import LESSONS

VERSION = 1
MAX_BYTES = 32_000        # one learner's file: a few lessons' answers are ~1 kB
MAX_ANSWER = 200          # characters of one typed answer (the answer box takes 60)
MAX_VALUES = 16           # a lesson's own choices (dataset, query image ...)
MAX_VALUE_TEXT = 100
MAX_MEMORY = 2000         # learners kept in memory
MAX_FILES = 20_000        # learners kept on disk; the oldest files go first
_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_id() -> str:
    """A fresh learner id: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


def valid_id(value) -> bool:
    """Only ids this module could have made are used (they name files)."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def default_root() -> Path:
    return home() / "learners"


# ---- what a record may hold ----------------------------------------------------------------------------

def _scalar(value) -> bool:
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return abs(value) <= 2**31
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str) and len(value) <= MAX_VALUE_TEXT


def clean_lesson(lesson: str, raw) -> dict | None:
    """One lesson's progress with everything that does not fit this lesson left out (None: nothing usable)."""
    if not isinstance(raw, dict):
        return None
    steps = LESSONS[lesson]
    step = raw.get("step", 0)
    step = step if isinstance(step, int) and not isinstance(step, bool) and 0 <= step < len(steps) else 0
    questions = {s.id: s.question for s in steps if s.question is not None}
    answers = {}
    for key, value in (raw.get("answers") if isinstance(raw.get("answers"), dict) else {}).items():
        q = questions.get(key)
        if q is None or not isinstance(value, str):
            continue
        if (q.kind == "shape" and len(value) <= MAX_ANSWER) or (q.kind == "choice" and value in q.options):
            answers[key] = value
    right = {k: v for k, v in (raw.get("right") if isinstance(raw.get("right"), dict) else {}).items()
             if k in answers and isinstance(v, bool)}
    values = {}
    for key, value in (raw.get("values") if isinstance(raw.get("values"), dict) else {}).items():
        if len(values) < MAX_VALUES and isinstance(key, str) and len(key) <= 40 and _scalar(value):
            values[key] = value
    return {"step": step, "answers": answers, "right": right, "values": values}


def clean(raw) -> dict:
    """A record read back (from a file, from anywhere): only known lessons and fields that fit them."""
    if not isinstance(raw, dict) or raw.get("v") != VERSION or not isinstance(raw.get("lessons"), dict):
        return {}
    lessons = {}
    for name, progress in raw["lessons"].items():
        if name in LESSONS:
            kept = clean_lesson(name, progress)
            if kept is not None:
                lessons[name] = kept
    return {"v": VERSION, "lessons": lessons} if lessons else {}


# ---- two tabs of one learner ------------------------------------------------------------------------------

_MISSING = object()


def merge(base, mine, theirs):
    """Three-way merge of nested dicts: what changed from ``base`` to ``mine`` (set, changed or removed
    keys), applied on top of ``theirs``. Two tabs of one learner each keep the other's answers; when both
    changed the same leaf, ``mine`` (the later save) wins."""
    if not (isinstance(mine, dict) and isinstance(theirs, dict)):
        return mine
    base = base if isinstance(base, dict) else {}
    out = dict(theirs)
    for key in set(base) | set(mine):
        b, m, t = base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING)
        if m is _MISSING:
            out.pop(key, None)       # removed here ("Answer again")
        elif isinstance(m, dict) and t is _MISSING:
            out[key] = m             # a whole part the stored record lacks (a new lesson, a lost file)
        elif b is _MISSING or b != m:
            out[key] = merge(b if isinstance(b, dict) else {}, m, t) if isinstance(m, dict) and isinstance(
                t, dict) else m
    return out


# ---- the store -------------------------------------------------------------------------------------------

class Store:
    """Learners' records in memory (bounded, most recent kept) and one JSON file per learner in ``root``
    (None: memory only). Thread-safe: every session of the server shares one."""

    def __init__(self, root: Path | str | None, max_memory: int = MAX_MEMORY, max_files: int = MAX_FILES):
        self.root = Path(root) if root is not None else None
        self.max_memory, self.max_files = max_memory, max_files
        self._memory: OrderedDict[str, dict] = OrderedDict()
        self.unsaved: dict[str, OSError] = {}  # a learner: why their last record could not be written
        self._lock = threading.Lock()
        self._prune()

    def _path(self, learner: str) -> Path:
        return self.root / f"{learner}.json"

    def _read(self, learner: str) -> dict:
        if learner in self._memory:
            self._memory.move_to_end(learner)
            return self._memory[learner]
        doc = {}
        if self.root is not None:
            try:
                path = self._path(learner)
                if path.stat().st_size <= MAX_BYTES:
                    doc = clean(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, UnicodeDecodeError, RecursionError):
                doc = {}     # missing, unreadable or not JSON: a new learner
        self._remember(learner, doc)
        return doc

    def _remember(self, learner: str, doc: dict) -> None:
        self._memory[learner] = doc
        self._memory.move_to_end(learner)
        while len(self._memory) > self.max_memory:
            self._memory.popitem(last=False)

    def load(self, learner: str) -> dict:
        """The learner's record, checked ({} when there is none or it cannot be used)."""
        if not valid_id(learner):
            return {}
        with self._lock:
            return json.loads(json.dumps(self._read(learner)))  # a copy: the caller may change it

    def update(self, learner: str, base: dict, mine: dict) -> dict:
        """Store ``mine`` merged onto the stored record (see ``merge``); returns what was stored."""
        if not valid_id(learner):
            return {}
        with self._lock:
            doc = clean(merge(base, mine, self._read(learner) or {"v": VERSION, "lessons": {}}))
            self._remember(learner, doc)
            self._write(learner, doc)
            return json.loads(json.dumps(doc))

    def _write(self, learner: str, doc: dict) -> None:
        if self.root is None:
            return
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        if len(text.encode()) > MAX_BYTES:
            return          # cannot happen with checked records; never a file that would be refused later
        part = self.root / f".{learner}.{threading.get_ident()}.part"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            part.write_text(text, encoding="utf-8")
            os.replace(part, self._path(learner))
        except OSError as e:  # a full or read-only disk: the record lives on in memory, and the learner is told
            self.unsaved[learner] = OSError(e.errno, e.strerror)  # the cause only, not its traceback's frames
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        else:
            self.unsaved.pop(learner, None)

    def _prune(self) -> None:
        """At most ``max_files`` records on disk: the least recently written go (once, when the store opens)."""
        if self.root is None or not self.root.is_dir():
            return
        try:
            files = list(self.root.glob("*.json"))
            if len(files) > self.max_files:
                files.sort(key=lambda p: p.stat().st_mtime)
                for path in files[: len(files) - self.max_files]:
                    path.unlink(missing_ok=True)
        except OSError:
            pass
