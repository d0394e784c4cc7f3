"""Who this browser's learner is, across reloads: a random id in a cookie, their progress on the server.

Streamlit's session state is new after a reload (a new websocket connection). The browser keeps one
thing: a cookie ``aecore_learner`` holding a random id (``aecore.use.learners.new_id``), set by a line
of JavaScript in the sidebar and sent back with the next connection, where ``st.context.cookies`` reads
it. The lessons' progress (step, answers, verdicts, the lessons' own choices) is stored on the server
under that id (``aecore.use.learners.Store``: memory and one JSON file per learner in AECORE_HOME), read
back when a session starts and written whenever it changed. Nothing about the learner is ever in a link
or in the address bar; another browser (or a private window) is another learner.

    learner_id()          # this browser's id (the same one other features use, e.g. class answers)
    restore(session)      # at a session's start: the stored lessons into the session
    keep(session)         # at every run's start: what changed since, into the store
    remember()            # in the sidebar: (re)set the cookie
"""
from __future__ import annotations

import streamlit as st

from aecore.app.state import LessonProgress
from aecore.learn.disk import cannot_write
from aecore.text import t
from aecore.use import learners

COOKIE = "aecore_learner"
MAX_AGE = 365 * 24 * 3600   # seconds the browser keeps the id (renewed on every visit)
_ID = "aecore.learner"           # session_state: this session's learner id
_SYNCED = "aecore.learner.synced"  # session_state: the lessons as last read from or written to the store


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(root: str) -> learners.Store:
    return learners.Store(root)


def store() -> learners.Store:
    """The server's one store (per AECORE_HOME)."""
    return _store(str(learners.default_root()))


def _cookie() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # noqa: BLE001 - no request behind this run (a test harness): no cookie
        return None
    return value if learners.valid_id(value) else None


def learner_id() -> str:
    """This browser's learner id: the cookie's, else a new one (which ``remember`` puts in the cookie)."""
    learner = st.session_state.get(_ID)
    if learner is None:
        learner = st.session_state[_ID] = _cookie() or learners.new_id()
    return learner


def remember() -> None:
    """Write the id into the browser's cookie (a script in the main page, so on the app's own origin)."""
    learner = learner_id()  # checked: [A-Za-z0-9_-] only, safe inside the script
    st.html(f"<script>document.cookie = '{COOKIE}={learner}; Max-Age={MAX_AGE}; Path=/; SameSite=Lax'"
            " + (location.protocol === 'https:' ? '; Secure' : '');</script>", unsafe_allow_javascript=True)


# ---- the lessons' progress --------------------------------------------------------------------------------

def _doc(session) -> dict:
    lessons = {name: {"step": p.step, "answers": dict(p.answers), "right": dict(p.right), "values": dict(p.values)}
               for name, p in session.lessons.items()}
    return {"v": learners.VERSION, "lessons": lessons}


def restore(session) -> None:
    """Put the stored lessons into a new session (before a link's settings, which then win)."""
    doc = store().load(learner_id())
    for name, p in doc.get("lessons", {}).items():
        session.lessons[name] = LessonProgress(step=p["step"], answers=p["answers"], right=p["right"],
                                               values=p["values"])
    st.session_state[_SYNCED] = _doc(session)


def keep(session) -> None:
    """Store what changed in the lessons since the last sync (cheap when nothing did)."""
    mine = _doc(session)
    synced = st.session_state.get(_SYNCED)
    if mine == synced:
        return
    kept = store()
    kept.update(learner_id(), base=synced or {}, mine=mine)
    st.session_state[_SYNCED] = mine  # the base of the next change: only this session's own edits are merged
    unsaved = kept.unsaved.get(learner_id())
    if unsaved is not None:  # said in this reader's language (the store keeps the error, never a sentence)
        st.toast(str(cannot_write("disk.what_progress", kept.root, unsaved)) + " " + t("learner.in_memory"),
                 icon=":material/sd_card_alert:")
