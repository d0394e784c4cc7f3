"""A class in the browser: joining (a link or the code on Home), the learner's seat in the sidebar, the lessons'
answers recorded in the class database, a step the teacher holds (vote, discuss, revote, reveal) as the student
sees it, and the concept checks before and after a lesson. The teacher's side is aecore.ui.classboard.

A learner outside any class sees none of this: their verdicts come at once, as always. The database down: the
lessons go on and the learner is told once that answers are not being recorded.
"""
from __future__ import annotations

import os
import time
from datetime import date

import streamlit as st

from aecore.app import classdb, classroom
from aecore.app.classdb import ClassError
from aecore.shapes.rules import fmt_shape
from aecore.ui import state
from aecore.ui.common import answer_input, callback, plain, t
from aecore.ui.learner import learner_id
from aecore.use import checks

_DOWN = "class.down"        # session_state: the database could not be reached (said once per session)
_VOTE = "class.vote"        # session_state: (question, round, answer) committed, to be recorded with its truth
POLL_S = 2.0                # a held step's page asks the database for the teacher's move this often


_FAILED: dict = {}          # database URL -> when it last could not be reached (the server's sessions wait it out)
RETRY_S = 30.0              # how long a database that could not be reached is not asked again


def database():
    """The class database, or None when it cannot be reached (the learner is told once, in their language).
    A failure is remembered for RETRY_S, so sixty pages do not each wait for a host that does not answer."""
    url = os.environ.get("AECORE_DB") or ""
    if time.monotonic() - _FAILED.get(url, -RETRY_S) < RETRY_S:
        _down(ClassError("class.db_down", reason=""))
        return None
    try:
        return classdb.connect()
    except ClassError as e:
        _FAILED[url] = time.monotonic()
        _down(e)
        return None


def _down(e: ClassError) -> None:
    if not st.session_state.get(_DOWN):
        st.session_state[_DOWN] = True
        st.toast(message(e), icon=":material/cloud_off:")


def message(e: ClassError) -> str:
    values = {k: str(v) for k, v in e.values.items()}
    if e.key == "class.db_down":
        values["reason"] = f" ({values['reason']})" if values.get("reason") else ""
    return t(e.key, **values)


def seat(session):
    """(code, nickname) of this learner's class, looked up once per session (so a reload finds it)."""
    if not session.class_looked:
        session.class_looked = True
        found = _call("seat", learner_id())
        if found is not None:
            session.class_seat = (found[0].code, found[1])
    return session.class_seat


# ---- joining --------------------------------------------------------------------------------------------------

def join_box(session) -> None:
    """Home: the code (from the link, or typed) and a nickname; once in, who and where."""
    here = seat(session)
    with st.container(border=True):
        st.markdown("#### 🏫 " + t("room.join_title"))
        if here is not None:
            st.success(t("room.in_class", code=here[0], name=plain(here[1]) or t("room.anonymous")),
                       icon=":material/groups:")
            if not session.class_join or session.class_join == here[0]:
                return
            st.caption(t("room.join_other", code=session.class_join))  # a link to another class: offered
        st.caption(t("room.join_text"))
        with st.form("home.join", border=False):
            left, right = st.columns(2)
            left.text_input(t("room.code"), value=session.class_join, max_chars=12, key="home.join_code",
                            placeholder="K7Q2")
            right.text_input(t("room.nickname"), max_chars=24, key="home.join_nick", help=t("room.nickname_help"))
            st.form_submit_button(t("room.join"), type="primary", icon=":material/login:",
                                  on_click=callback(_join, session))
        if st.session_state.get("home.join_error"):
            st.error(st.session_state["home.join_error"], icon=":material/error:")


def _join(session) -> None:
    st.session_state["home.join_error"] = None
    code, nick = st.session_state.get("home.join_code") or "", st.session_state.get("home.join_nick") or ""
    if not code.strip():
        st.session_state["home.join_error"] = t("room.no_code")
        return
    db = database()
    if db is None:
        st.session_state["home.join_error"] = t("class.db_down", reason="")
        return
    try:
        info = db.find(code)
        name = db.join(info.code, learner_id(), nick)
    except ClassError as e:
        st.session_state["home.join_error"] = message(e)
        return
    session.class_seat, session.class_join = (info.code, name), ""


def sidebar_seat() -> None:
    """The sidebar's line for a learner in a class, with Leave."""
    session = state.get()
    here = seat(session)
    if here is None:
        return
    with st.sidebar:
        st.caption(t("room.side", code=here[0], name=plain(here[1]) or t("room.anonymous")))
        if st.session_state.get(_DOWN):
            st.caption(":orange[" + t("room.not_recorded") + "]")
        st.button(t("room.leave"), key="side.class_leave", icon=":material/logout:", type="tertiary",
                  on_click=callback(_leave, session))


def _leave(session) -> None:
    here, session.class_seat = session.class_seat, None
    db = database()
    if here is not None and db is not None:
        try:
            db.leave(here[0], learner_id())
        except ClassError as e:
            _down(e)


# ---- a lesson step's answer ----------------------------------------------------------------------------------

def _call(fn, *args, **kw):
    """A database call for a learner's page: its result, or None when the database is down (said once)."""
    db = database()
    if db is None:
        return None
    try:
        done = getattr(db, fn)(*args, **kw)
    except ClassError as e:
        if e.key in ("class.unknown", "class.expired"):  # the teacher ended the class, or it ran out
            st.session_state["class.ended"] = True
        elif e.key == "class.not_joined":  # left in another tab: out of the class here too (Home offers it again)
            state.get().class_seat = None
            st.toast(message(e), icon=":material/logout:")
        elif e.key in ("class.db_down", "class.db_newer"):
            _down(e)
        else:  # too fast, a bad value: said as what it is
            st.toast(message(e), icon=":material/error:")
        return None
    st.session_state[_DOWN] = False  # reachable again: the sidebar stops saying otherwise
    return done


def step_state(session, lesson: str, step_id: str):
    """The teacher's move on this step for a learner in a class (None outside any class or when unreachable)."""
    here = seat(session)
    if here is None:
        return None
    move = _call("step_state", here[0], classroom.step_question(lesson, step_id))
    if st.session_state.pop("class.ended", False):
        session.class_seat = None
        st.toast(t("room.ended"), icon=":material/door_open:")
    return move


def record(session, lesson: str, step_id: str, round_: int, answer, right) -> None:
    """Store an answer for the class (once per round: a resend or a second try changes nothing)."""
    here = seat(session)
    if here is not None and round_:
        _call("record", here[0], learner_id(), classroom.step_question(lesson, step_id), round_,
              classroom.canonical(classroom.step_kind(lesson, step_id), answer), right)


def _mine(here, lesson: str, step_id: str) -> dict | None:
    """This learner's stored answers to a step (round -> (answer, right)); None when unreachable."""
    return _call("mine", here[0], learner_id(), classroom.step_question(lesson, step_id))


def rounds(session, lesson: str, step_id: str) -> dict:
    here = seat(session)
    return (_mine(here, lesson, step_id) or {}) if here else {}


def settle(session, lesson: str, step_id: str, verdict_of) -> None:
    """Wherever a verdict is drawn (no hold, or after the reveal, whenever the learner comes back to the step):
    give this learner's pending answers theirs (``verdict_of(answer) -> bool``). A step is not asked again in
    this session once nothing of it is pending."""
    done = st.session_state.setdefault("class.settled", set())
    here = seat(session)
    key = (here[0] if here else "", lesson, step_id)
    if key in done or here is None:
        return
    mine = _mine(here, lesson, step_id)
    if mine is None:
        return
    for r, (answer, right) in mine.items():
        if right is None and _call("settle", here[0], learner_id(), classroom.step_question(lesson, step_id), r,
                                   verdict_of(answer)) is None:
            return  # unreachable: tried again on the next run
    done.add(key)


def unsettle(session, lesson: str, step_id: str) -> None:
    """A new hold of the step (a revote after a reveal): its answers may be pending again."""
    here = seat(session)
    st.session_state.setdefault("class.settled", set()).discard((here[0] if here else "", lesson, step_id))


def held(session, lesson: str, step_id: str, mode: str, committed, ask, hidden, verdict_of, label) -> bool:
    """Draw a step the teacher holds; False when it is not held (the page goes on as usual).

    ``hidden()`` draws the step's component without its result and returns its facts ("truth" among them when
    it is known before the result is drawn: a shape); ``ask(facts, then)`` draws the answer form and calls
    ``then(answer)`` on commit; ``verdict_of(answer, truth)`` says whether an answer is right; ``label(answer)``
    its words (an option's, never its name)."""
    if mode not in classroom.HELD:
        return False
    unsettle(session, lesson, step_id)
    mine = rounds(session, lesson, step_id)
    seen = classroom.student_view(mode, set(mine), committed is not None)
    facts = hidden()
    pending = st.session_state.pop(_VOTE, None)
    if pending is not None and pending[:2] == ((lesson, step_id), seen.round):  # committed in the last run
        truth = facts.get("truth")
        right = None if truth is None else verdict_of(pending[2], truth)
        record(session, lesson, step_id, seen.round, pending[2], right)
        mine = rounds(session, lesson, step_id)
        seen = classroom.student_view(mode, set(mine), True)
    if seen.show == "ask":
        if seen.round == 2:
            first = mine.get(1, (committed or "—",))[0]
            st.info(t("room.revote", answer=plain(label(first))), icon=":material/how_to_vote:")
        ask(facts, lambda answer, r=seen.round: _pend((lesson, step_id), r, answer))
    elif seen.show == "wait":
        latest = mine.get(2, mine.get(1, (committed,)))[0]
        st.markdown(t("course.your_answer", answer=plain(label(latest))))
        st.info(t("room.wait_vote" if mode == "vote" else "room.wait_reveal"), icon=":material/hourglass_top:")
    else:
        st.info(t("room.discuss"), icon=":material/forum:")
    _follow(session, lesson, step_id, mode)
    return True


def _pend(step: tuple, round_: int, answer) -> None:
    st.session_state[_VOTE] = (step, round_, answer)


@st.fragment(run_every=POLL_S)
def _follow(session, lesson: str, step_id: str, mode: str) -> None:
    """While held: one small query every 2 s; the teacher's next move reruns the page."""
    now = step_state(session, lesson, step_id)
    if (now is not None and now.mode != mode) or (now is None and session.class_seat is None):
        st.rerun(scope="app")  # the teacher's next move, or the class ended (the page's verdicts come at once)


def watch(session, lesson: str, step_id: str, mode: str) -> None:
    """On an unanswered step of a class member: the page follows the teacher's move (a vote may start)."""
    if seat(session) is not None:
        _follow(session, lesson, step_id, mode)


# ---- concept checks ---------------------------------------------------------------------------------------------

def concept_check(session, lesson: str, round_: int) -> bool:
    """The lesson's concept check for a class member: before (round 1) its first step, after (round 2) its last.
    True when it is drawn (still to answer), False when answered (or not in a class)."""
    here = seat(session)
    if here is None or not checks.CHECKS.get(lesson):
        return False
    done = st.session_state.setdefault("class.checks", {})
    if (here[0], lesson, round_) in done:
        return False
    asked = [checks.ask(lesson, name) for name in checks.CHECKS[lesson]]
    stored = _call("rounds_of", here[0], learner_id(), [a.id for a in asked])
    if stored is None:  # unreachable: the lesson goes on
        return False
    if round_ == 2 and not all(1 in stored[a.id] for a in asked):  # no check before: no gain to measure
        return False
    if all(round_ in stored[a.id] for a in asked):
        done[(here[0], lesson, round_)] = sum(bool(stored[a.id][round_][1]) for a in asked)
        return False
    key = f"check.{lesson}.{round_}"
    with st.container(border=True):
        st.markdown(f"### 🧭 {t('check.title')}")
        st.caption(t("check.intro_pre" if round_ == 1 else "check.intro_post", n=len(asked)))
        with st.form(key, border=False):
            for i, a in enumerate(asked):
                st.markdown(f"**{i + 1}.** " + checks.text(a))
                _check_input(a, f"{key}.{a.id}")
            st.form_submit_button(t("room.check_send"), type="primary", on_click=callback(
                _send_check, session, key, asked, round_))
        if st.session_state.get(key + ".error"):
            st.error(st.session_state[key + ".error"], icon=":material/error:")
    return True


def _check_input(asked, key: str) -> None:
    answer_input(asked.kind, asked.options, {o: checks.text(asked, "opt_" + o) for o in asked.options}, key)


def _send_check(session, key: str, asked: list, round_: int) -> None:
    answers = {a.id: st.session_state.get(f"{key}.{a.id}") for a in asked}
    missing = [i + 1 for i, a in enumerate(asked) if not answers[a.id] or checks.check(a, answers[a.id]).problem]
    if missing:
        st.session_state[key + ".error"] = t("room.check_missing", which=", ".join(map(str, missing)))
        return
    st.session_state[key + ".error"] = None
    here = seat(session)
    for a in asked:
        _call("record", here[0], learner_id(), a.id, round_, classroom.canonical(a.kind, answers[a.id]),
              checks.check(a, answers[a.id]).right)


def check_result(session, lesson: str) -> None:
    """After the post-lesson check: the learner's own before / after, with each question's explanation."""
    here = seat(session)
    if here is None or not checks.CHECKS.get(lesson):
        return
    asked = [checks.ask(lesson, name) for name in checks.CHECKS[lesson]]
    stored = _call("rounds_of", here[0], learner_id(), [a.id for a in asked]) or {}
    if not asked or not all(2 in stored.get(a.id, {}) for a in asked):
        return
    before = sum(bool(stored[a.id].get(1, ("", False))[1]) for a in asked)
    after = sum(bool(stored[a.id][2][1]) for a in asked)
    with st.expander(t("room.check_result", before=before, after=after, n=len(asked)), icon=":material/insights:"):
        for i, a in enumerate(asked):
            mark = "✅" if stored[a.id][2][1] else "❌"
            st.markdown(f"{mark} **{i + 1}.** " + checks.text(a))
            st.caption(plain(checks.text(a, "why")))


# ---- spaced retrieval ----------------------------------------------------------------------------------------

def warm_up(session, lesson: str) -> bool:
    """A returning class member (an earlier day, or another lesson) first gets up to three concept questions
    they answered before, with new numbers where the question can be re-drawn; each answer gets its verdict and
    its explanation at once. Not recorded on the board. True while it is drawn (until done or skipped)."""
    here = seat(session)
    done = st.session_state.setdefault("class.warmed", set())
    if here is None or lesson in done:
        return False
    earlier = st.session_state.get(f"class.warm.{lesson}")
    if earlier is None:
        found = _call("history", learner_id(), limit=50, exclude_lesson=lesson) or []
        seed = 1 + date.today().toordinal() % 997  # new numbers each day, the same ones all that day
        parts = [q.split("/") for q, *_ in found]  # "check/<lesson>/<name>" (a step's is "<lesson>/<step>")
        earlier = [checks.ask(p[1], p[2], seed=seed) for p in parts
                   if len(p) == 3 and p[0] == "check" and p[2] in checks.CHECKS.get(p[1], ())][:3]
        st.session_state[f"class.warm.{lesson}"] = earlier
    if not earlier:
        done.add(lesson)
        return False
    key = f"warm.{lesson}"
    with st.container(border=True):
        st.markdown("### 🔁 " + t("room.warm_title"))
        st.caption(t("room.warm_text", n=len(earlier)))
        for i, a in enumerate(earlier):
            st.markdown(f"**{i + 1}.** " + checks.text(a))
            answer = st.session_state.get(f"{key}.{i}.sent")
            if answer is None:
                with st.form(f"{key}.{i}", border=False):
                    _check_input(a, f"{key}.{i}.typed")
                    st.form_submit_button(t("course.commit"), on_click=callback(_warm_sent, f"{key}.{i}"))
                continue
            verdict = checks.check(a, answer)
            if verdict.problem:
                st.error(plain(verdict.problem))
                st.session_state[f"{key}.{i}.sent"] = None
                continue
            shown = fmt_shape(a.truth) if a.kind == "shape" else checks.text(a, "opt_" + a.truth)  # as steps say it
            (st.success if verdict.right else st.error)(t("course.right" if verdict.right else "course.wrong",
                                                          truth=shown))
            st.caption(plain(checks.text(a, "why")))
        st.button(t("room.warm_done"), key=key + ".done", icon=":material/arrow_forward:",
                  on_click=callback(done.add, lesson))
    return True


def _warm_sent(key: str) -> None:
    st.session_state[key + ".sent"] = st.session_state.get(key + ".typed")
