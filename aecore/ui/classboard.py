"""The teacher's class (in the Class view, behind the token): start a class and show its code, link and QR code on
the projector; the live board of the lesson the class is on (how many answered, what they answered, % right, the
first vote beside the revote); holding a step for peer instruction; the concept checks' learning gain as a table
and CSV; ending the class, which deletes its data."""
from __future__ import annotations

import io

import plotly.graph_objects as go
import segno
import streamlit as st

from aecore.app import classroom
from aecore.app.classdb import ClassError, class_gain
from aecore.ui.classroom import database, message
from aecore.ui.common import callback, plain, t
from aecore.use import checks, course

P = "board."
MODE_ICONS = {"open": "▶️", "vote": "🗳️", "discuss": "💬", "revote": "🔁", "reveal": "💡"}
COLOURS = {True: "#2ca02c", False: "#d62728", None: "#9e9e9e"}
VOTE_COLOURS = {1: "#4c78a8", 2: "#f58518"}  # held: one colour per vote, nothing that says right or wrong
BOARD_S = 2.0  # the board reads its one aggregate query this often


def show() -> None:
    db = database()
    if db is None:
        st.error(t("class.db_down", reason=""), icon=":material/cloud_off:")
        return
    info = _current(db)
    if info is None:
        _start(db)
        return
    _header(db, info)
    lessons = list(course.ORDER)
    lesson = info.lesson if info.lesson in lessons else lessons[0]
    st.selectbox(t("room.lesson"), lessons, index=lessons.index(lesson), key=P + "lesson",
                 format_func=lambda name: t("course.nav." + name), on_change=callback(_set_lesson, db, info.code))
    _controls(db, info.code, lesson)
    _board(info.code, lesson)
    _gain(db, info.code, lesson)


def _current(db):
    code = st.session_state.get(P + "code")
    if not code:
        return None
    try:
        return db.find(code)
    except ClassError as e:
        st.warning(message(e), icon=":material/event_busy:")
        st.session_state[P + "code"] = None
        return None


# ---- starting, showing, ending -----------------------------------------------------------------------------

def _start(db) -> None:
    st.subheader("🏫 " + t("room.start_title"))
    st.caption(t("room.start_text"))
    with st.form(P + "start"):
        st.text_input(t("room.class_name"), key=P + "title", max_chars=80)
        left, right = st.columns(2)
        left.number_input(t("room.hours"), 1, 168, 12, key=P + "hours")
        right.number_input(t("room.max_learners"), 1, 1000, 200, key=P + "max")
        st.form_submit_button(t("room.start"), type="primary", icon=":material/play_arrow:",
                              on_click=callback(_started, db))
    if st.session_state.get(P + "error"):
        st.error(st.session_state.pop(P + "error"), icon=":material/error:")
    try:
        live = db.live()
    except ClassError as e:
        st.error(message(e))
        return
    if live:
        st.markdown("**" + t("room.resume") + "**")
        for c in live[:10]:
            st.button(f"{c.code} · {plain(c.title) or '—'}", key=P + "resume." + c.code,
                      on_click=callback(st.session_state.__setitem__, P + "code", c.code))


def _started(db) -> None:
    try:
        info = db.start(st.session_state.get(P + "title") or "", st.session_state.get(P + "hours") or 12,
                        st.session_state.get(P + "max") or 200)
    except ClassError as e:
        st.session_state[P + "error"] = message(e)
        return
    st.session_state[P + "code"] = info.code


def _header(db, info) -> None:
    left, right = st.columns([3, 2])
    with left:
        st.caption(t("room.code_caption", title=plain(info.title) or "—"))
        st.markdown(f"<div style='font-size:6rem;font-weight:800;letter-spacing:.25em;line-height:1'>{info.code}"
                    "</div>", unsafe_allow_html=True)  # the code's letters are the database's alphabet only
        here = (st.context.url or "").split("?")[0]
        host = st.text_input(t("room.host"), key=P + "host", help=t("room.host_help"),
                             placeholder=classroom.join_link(here, info.code).split("/?")[0])
        try:
            link = classroom.join_link(here, info.code, host)
        except ValueError:  # e.g. "[fe80::1" (urlsplit refuses it): said, and this page's own address is used
            st.warning(t("room.bad_host", host=plain(host)), icon=":material/warning:")
            link = classroom.join_link(here, info.code)
        st.code(link, language=None)
        if classroom.is_local(link):
            st.warning(t("room.localhost"), icon=":material/warning:")
        _learners(info.code)
    with right:
        st.image(_qr(link), caption=t("room.qr_caption"), width=320)
    with st.expander(t("room.end_title"), icon=":material/delete_forever:"):
        st.caption(t("room.end_text"))
        sure = st.checkbox(t("room.end_sure"), key=P + "end_sure")
        st.button(t("room.end"), key=P + "end", type="primary", disabled=not sure,
                  on_click=callback(_end, db, info.code))


@st.cache_data(max_entries=16, show_spinner=False)
def _qr(link: str) -> bytes:
    """The join link's QR code as PNG bytes, made once per link (the teacher's page reruns at every click)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


@st.fragment(run_every=BOARD_S)
def _learners(code: str) -> None:
    """The students in the class, as they join (the teacher watches the projector, not the buttons)."""
    db = database()
    try:
        n = db.learners(code) if db is not None else "?"
    except ClassError:
        n = "?"
    st.metric(t("room.learners"), n)


def _end(db, code: str) -> None:
    try:
        db.end(code)
    except ClassError as e:
        st.session_state[P + "error"] = message(e)
        return
    st.session_state[P + "code"] = None
    st.toast(t("room.ended_teacher", code=code), icon=":material/delete:")


def _set_lesson(db, code: str) -> None:
    try:
        db.set_lesson(code, st.session_state[P + "lesson"])
    except ClassError as e:
        st.session_state[P + "error"] = message(e)


# ---- holding a step -------------------------------------------------------------------------------------------

def _step_label(lesson: str, question: str) -> str:
    step_id = question.split("/", 1)[1]
    i = [s.id for s in course.LESSONS[lesson]].index(step_id)
    return f"{t('course.step_of', i=i + 1, n=len(course.LESSONS[lesson]))} · {t(f'course.{lesson}.{step_id}.title')}"


def _controls(db, code: str, lesson: str) -> None:
    """One step at a time: which step, and the class's move on it (outside the board's polling fragment, so a
    click is never lost in a rerun of the fragment)."""
    questions = classroom.step_questions(lesson)
    with st.container(border=True):
        st.markdown("**" + t("room.hold_title") + "**")
        st.caption(t("room.hold_text"))
        question = st.selectbox(t("room.hold_step"), questions, key=P + "step." + lesson,
                                format_func=lambda q: _step_label(lesson, q))
        try:
            mode = db.step_state(code, question).mode
        except ClassError as e:
            st.error(message(e))
            return
        key = f"{P}mode.{question}"
        st.session_state[key] = mode  # the database's state is the truth (another tab may have moved it)
        st.segmented_control(t("room.mode"), list(MODE_ICONS), key=key, label_visibility="collapsed",
                             format_func=lambda m: f"{MODE_ICONS[m]} {t('room.mode_' + m)}",
                             on_change=callback(_move, db, code, question, key))
        st.caption(t("room.mode_help_" + mode))
    if st.session_state.get(P + "error"):
        st.error(st.session_state.pop(P + "error"), icon=":material/error:")


def _move(db, code: str, question: str, key: str) -> None:
    mode = st.session_state.get(key)
    if mode is None:  # a click on the chosen segment unselects it: the state stays
        return
    try:
        db.set_step_state(code, question, mode)
    except ClassError as e:
        st.session_state[P + "error"] = message(e)


# ---- the board ------------------------------------------------------------------------------------------------

def answer_label(lesson: str, question: str, answer: str) -> str:
    """A stored answer as the board shows it: a shape as typed canonically, a choice by its words."""
    if question.startswith("check/"):
        _, les, name = question.split("/")
        asked = checks.ask(les, name)
        return checks.text(asked, "opt_" + answer) if asked.kind == "choice" and answer in asked.options else answer
    step_id = question.split("/", 1)[1]
    step = classroom.step_of(lesson, step_id)
    if step.question.kind == "choice" and answer in step.question.options:
        return t(f"course.{lesson}.{step_id}.opt_{answer}")
    return answer


def _figure(lesson: str, question: str, tallies: list, secret: bool):
    """The answers in bars, one colour per vote while the step is held (``secret``: the board is on the projector
    and a green bar would tell the class the answer), green / red / grey (right, wrong, not known yet) after."""
    fig = go.Figure()
    for tally in tallies:
        top = tally.answers[:5][::-1]
        colours = [VOTE_COLOURS[tally.round]] * len(top) if secret else [COLOURS[r] for _, _, r in top]
        fig.add_bar(y=[answer_label(lesson, question, a) for a, _, _ in top],
                    x=[100 * n / tally.answered for _, n, _ in top], orientation="h",
                    marker_color=colours, name=t("room.vote_n", n=tally.round),
                    text=[f"{100 * n / tally.answered:.0f} % ({n})" for _, n, _ in top], textposition="auto",
                    textfont_size=18)
    fig.update_layout(barmode="group", height=90 + 46 * max((min(len(x.answers), 5) for x in tallies), default=1)
                      * len(tallies), margin=dict(l=10, r=10, t=10, b=30), showlegend=len(tallies) > 1,
                      xaxis=dict(range=[0, 105], ticksuffix=" %"), yaxis=dict(tickfont_size=20), font_size=16)
    return fig


@st.fragment(run_every=BOARD_S)
def _board(code: str, lesson: str) -> None:
    """The live board: a few small queries every 2 s, drawn big for a projector. While a step is held, which
    answer is right stays off the screen (the class sees the projector): it shows at the reveal."""
    db = database()
    questions = classroom.step_questions(lesson)
    try:
        tallies, states, n = db.board(code, questions), db.step_states(code), db.learners(code)
        twice = {q: db.gain(code, [q])[0] for q in questions if len(tallies[q]) > 1}  # who voted in both rounds
    except (ClassError, AttributeError) as e:
        if isinstance(e, ClassError) and e.key in ("class.unknown", "class.expired"):  # ended in another tab
            st.session_state[P + "code"] = None
            st.rerun(scope="app")
        st.warning(t("class.db_down", reason=""), icon=":material/cloud_off:")
        return
    st.subheader("📊 " + t("room.board_title", lesson=t("course.nav." + lesson)))
    for q in questions:
        mode = states.get(q).mode if q in states else "open"
        secret = mode in classroom.HELD
        rounds = tallies[q]
        with st.container(border=True):
            st.markdown(f"#### {MODE_ICONS[mode]} {_step_label(lesson, q)}")
            cols = st.columns(4)
            cols[0].metric(t("room.answered"), " → ".join(f"{x.answered}" for x in rounds[:2]) + f" / {n}"
                           if rounds else f"0 / {n}")
            if secret:
                cols[1].caption(t("room.secret"))
            for i, tally in enumerate([] if secret else rounds[:2]):
                share = classroom.pct(tally.right, tally.answered - tally.pending)
                both = twice.get(q)
                delta = f"{both.post_pct - both.pre_pct:+.0f} %" if i and both is not None and both.n else None
                cols[1 + i].metric(t("room.right_n", n=tally.round), "—" if share is None else f"{share:.0f} %",
                                   delta=delta)
                if i and both is not None and both.n:
                    cols[1 + i].caption(t("room.delta_of", n=both.n))
                if tally.pending:
                    cols[1 + i].caption(t("room.pending", n=tally.pending))
            if rounds:
                st.plotly_chart(_figure(lesson, q, rounds, secret), key=f"{P}chart.{q}",
                                config={"displayModeBar": False})
                if not secret:
                    _misreads(lesson, q, rounds[-1])
            else:
                st.caption(t("room.no_answers"))


def _misreads(lesson: str, question: str, tally) -> None:
    """Under a shape question's chart: the common wrong shapes and the rule each points at."""
    lines = []
    for answer, n, right in tally.answers[:5]:
        hint = None if right else classroom.misread(lesson, question.split("/", 1)[1], answer)
        if hint is not None:
            lines.append(f"- **{answer}** — {100 * n / tally.answered:.0f} %: {t(hint[0], **hint[1])}")
    if lines:
        st.markdown("\n".join(lines))


# ---- the learning gain ------------------------------------------------------------------------------------------

def _gain(db, code: str, lesson: str) -> None:
    questions = classroom.check_questions(lesson)
    if not questions:
        return
    st.subheader("🧭 " + t("room.gain_title"))
    st.caption(t("room.gain_text"))
    try:
        gains = db.gain(code, questions)
        csv = db.gain_csv(code, questions)
        took = db.board(code, questions)  # how many took the check before and after, whether or not both
    except ClassError as e:
        st.error(message(e))
        return
    before = max((x.answered for q in questions for x in took[q] if x.round == 1), default=0)
    after = max((x.answered for q in questions for x in took[q] if x.round == 2), default=0)
    whole = class_gain(gains)  # over every question's answer pairs

    def fmt(x):
        return "n/a" if x is None else f"{x:.2f}"
    rows = [{t("room.gain_q"): checks.text(checks.ask(lesson, q.split("/")[2])).replace("`", "")[:90], "n": g.n,
             t("room.gain_pre"): f"{g.pre_pct:.0f} %" if g.n else "—",
             t("room.gain_post"): f"{g.post_pct:.0f} %" if g.n else "—", "g": fmt(g.g) if g.n else "—"}
            for q, g in zip(questions, gains)]
    cols = st.columns(3)
    cols[0].metric(t("room.gain_pre"), f"{whole.pre_pct:.0f} %" if whole.n else "—")
    cols[1].metric(t("room.gain_post"), f"{whole.post_pct:.0f} %" if whole.n else "—")
    cols[2].metric(t("room.gain_g"), fmt(whole.g) if whole.n else "—")
    st.caption(t("room.gain_so_far", before=before, after=after, n=max((g.n for g in gains), default=0)))
    st.dataframe(rows, hide_index=True, width="stretch")
    st.download_button(t("room.gain_csv"), csv, file_name=f"gain-{code}-{lesson}.csv", mime="text/csv",
                       icon=":material/download:", key=P + "csv")
