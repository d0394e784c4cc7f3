"""The guided lessons' pages: the step list, one step at a time, "predict, then check", and the hand-over
to the full tool. The steps are data (``aecore.use.course``); each names a component of
``aecore.ui.steps``, drawn from the same pieces the tool pages use.
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from aecore.app import classroom as classroom_rules
from aecore.app import pages
from aecore.app.guided import (
    DATASETS,
    K_PCA,
    NEIGHBOURS,
    NOISE_TEST,
    NOISE_TRAIN,
    SHAPE_ROWS,
    SOURCES,
    configs,
    dataset_options,
    up_row,
)
from aecore.learn import data
from aecore.learn.config import plan
from aecore.shapes import presets
from aecore.shapes.rules import fmt_shape
from aecore.text import CATALOG
from aecore.ui import classroom, state, steps, steps_models
from aecore.ui.common import (answer_input, bound, callback, dataset_label, dataset_name, go, page_link, page_setup,
                              plain, share_box, shown, t)
from aecore.ui.steps import Ctx, code_of, open_in_tool, stand_in_note
from aecore.use import course

COMPONENTS = {**steps.COMPONENTS, **steps_models.COMPONENTS}  # every step's component, by name

# ---- the texts of a step ---------------------------------------------------------------------------------------

def _values(ctx) -> dict:
    """What a step's body and question are filled with before anything is computed."""
    puzzle = presets.puzzle()
    values = {"chain": puzzle["chain"], "row": SHAPE_ROWS.get(ctx.step.id, puzzle["trim_row"]),
              "data": dataset_name(ctx.dataset), "train": NOISE_TRAIN, "test": NOISE_TEST, "k": NEIGHBOURS
              if ctx.step.id == "similar" else K_PCA, "n": _code_size(ctx) if ctx.step.id == "similar" else 8,
              "cls": "…", "data_note": stand_in_note(ctx)}
    if ctx.lesson == "conv" and ctx.step.id == "up":
        values.update(up_row(code_of(ctx)[0])[1])
    return values


def _code_size(ctx) -> int:
    """The code size of the similar-images step's model (on the step's own images)."""
    summary = plan(configs(ctx.lesson, ctx.dataset, ctx.kind)[1]).summary
    return int(np.prod(summary.rows[summary.bottleneck].output_shape))


def answer_label(ctx, answer) -> str:
    if ctx.step.question.kind == "shape":
        return fmt_shape(answer) if isinstance(answer, tuple) else str(answer)
    return t(f"course.{ctx.lesson}.{ctx.step.id}.opt_{answer}")


def why_key(ctx, truth) -> str:
    base = f"course.{ctx.lesson}.{ctx.step.id}"
    if ctx.step.question.kind == "shape" or f"{base}.why" in CATALOG:
        return base + ".why"
    return f"{base}.why_{truth}"


# ---- the page ------------------------------------------------------------------------------------------------

def show(lesson: str) -> None:
    """A whole lesson page: title, the step list, the current step, and the way on."""
    page = "lesson_" + lesson
    session = page_setup(page)
    progress = session.lesson(lesson)
    steps = course.LESSONS[lesson]
    progress.step = min(max(progress.step, 0), len(steps) - 1)
    target = st.session_state.pop("guide.go", None)
    if target:
        go(target, t("tool." + target))
    st.title(t(f"course.{lesson}.title"))
    st.caption(t(f"course.{lesson}.intro"))
    if shown("steps"):
        _step_list(lesson, progress, steps)
    step = steps[progress.step]
    ctx = Ctx(lesson, step, progress, session)
    values = _values(ctx)
    st.subheader(f"{t('course.step_of', i=progress.step + 1, n=len(steps))} · "
                 f"{t(f'course.{lesson}.{step.id}.title')}")
    _nav(lesson, progress, steps, "top")
    if lesson != "shapes" or step.id in ("train", "checker"):  # lesson 1's other steps use no images
        _dataset_box(ctx, shown("dataset"))
    if progress.step == 0 and (classroom.warm_up(session, lesson) or classroom.concept_check(session, lesson, 1)):
        # a class: first a few questions from before (spaced retrieval), then the check before the lesson
        share_box(page)
        return
    st.markdown(t(_body_key(ctx), **values))
    held = False
    if step.question is None:
        COMPONENTS[step.component](ctx, True)
    else:
        held = _question(ctx, values)
    if shown("tool") and step.tool and not held:  # a held vote: the tool would show the answer
        st.button(t("course.open_tool") + " · " + t("tool." + step.tool), key=f"guide.{lesson}.tool",
                  icon=":material/open_in_new:", help=t("course.open_tool_help"),
                  on_click=callback(open_in_tool, ctx.session, lesson, step, ctx.step_dataset))
    _nav(lesson, progress, steps, "bottom")
    share_box(page)


def _step_list(lesson, progress, steps) -> None:
    done, right, n = course.progress(lesson, progress.answers, progress.right)
    with st.expander(t("course.steps") + " · " + t("course.progress", done=done, n=n, right=right), expanded=False):
        for i, s in enumerate(steps):
            mark = "▶" if i == progress.step else " "
            if s.question is None:
                state_ = ""
            elif s.id in progress.right:
                state_ = "✅ " + t("course.mark_right") if progress.right[s.id] else "❌ " + t("course.mark_wrong")
            elif s.id in progress.answers:
                state_ = "⏳ " + t("course.mark_waiting")
            else:
                state_ = "❓ " + t("course.mark_open")
            st.button(f"{mark} {i + 1}. {t(f'course.{lesson}.{s.id}.title')}" + (f" · {state_}" if state_ else ""),
                      key=f"guide.{lesson}.goto.{i}", type="tertiary", on_click=callback(_goto, progress, i))


def _goto(progress, i: int) -> None:
    progress.step, progress.error = i, None


def _nav(lesson, progress, steps, where: str) -> None:
    cols = st.columns([1, 1, 4])
    cols[0].button(t("course.prev"), key=f"guide.{lesson}.prev.{where}", icon=":material/arrow_back:",
                   disabled=progress.step == 0, on_click=callback(_goto, progress, progress.step - 1))
    last = progress.step == len(steps) - 1
    cols[1].button(t("course.next"), key=f"guide.{lesson}.next.{where}", icon=":material/arrow_forward:",
                   disabled=last, type="primary", on_click=callback(_goto, progress, progress.step + 1))
    if last and where == "bottom":
        done, right, n = course.progress(lesson, progress.answers, progress.right)
        if done == n:  # a green "end" only when every question was answered
            st.success(t("course.finish", done=done, n=n, right=right), icon=":material/school:")
            if not classroom.concept_check(state.get(), lesson, 2):  # a class: the same check after the lesson
                classroom.check_result(state.get(), lesson)
        else:
            st.info(t("course.finish_open", done=done, n=n), icon=":material/checklist:")
        i = course.ORDER.index(lesson)
        if i + 1 < len(course.ORDER):
            following = course.ORDER[i + 1]
            page_link(pages.lesson_page(following).slug,
                      t("course.next_lesson", name=t("course.nav." + following)), "➡️")


def _body_key(ctx) -> str:
    """A step's text; ``.body_source`` where it has one and the lesson's images are not its offline set."""
    base = f"course.{ctx.lesson}.{ctx.step.id}"
    return base + ".body_source" if ctx.dataset != DATASETS[ctx.lesson] and base + ".body_source" in CATALOG \
        else base + ".body"


def _dataset_box(ctx, menu: bool) -> None:
    """The lesson's images: a menu (the source's datasets first), and a sentence that says which are in use and
    whose they are. A dataset that is not on this machine is never fetched from here: choosing one keeps the
    images in use and says how to get it."""
    lesson, values = ctx.lesson, ctx.progress.values
    absent = st.session_state.pop(f"guide.{lesson}.absent", None)
    if values.get("dataset") not in (None, ctx.dataset):  # a link or an old record names a set not here
        name = values.pop("dataset")
        absent = absent or (name if name in data.REGISTRY else None)
    # Menu hidden: the lesson follows its default (a class gets the source's images once the teacher's download
    # is in) until the learner answers about these images; then they stay.
    if not menu and "dataset" not in values and set(ctx.progress.answers) - {*SHAPE_ROWS, "fix"}:
        values["dataset"] = ctx.dataset
    if menu:
        options = dataset_options(lesson)
        labels = {name: _option_label(lesson, name) for name in options}
        bound(st.selectbox, t("train.dataset"), key=f"guide.{lesson}.dataset", obj=values, attr="dataset",
              default=ctx.dataset, options=options, format_func=labels.get,
              on_change=lambda name, before=ctx.dataset: _chose(ctx.progress, lesson, before, name))
    st.caption(data_sentence(lesson, ctx.dataset))
    if absent:
        st.info(t("course.data_absent_note", data=dataset_name(absent), offline=dataset_name(ctx.dataset)),
                icon=":material/cloud_download:")


def _option_label(lesson: str, name: str) -> str:
    if name in SOURCES[lesson]:
        return t("course.data_option", data=dataset_name(name), mark=t(
            "course.data_mark_own" if data.is_local(name) else "course.data_mark_absent"))
    if name == DATASETS[lesson]:
        return t("course.data_option", data=dataset_name(name), mark=t("course.data_mark_stand_in"))
    return dataset_label(name)


def data_sentence(lesson: str, name: str) -> str:
    """Which images the lesson uses, and whether they are the source lesson's own or a stand-in."""
    source = ", ".join(dataset_name(n) for n in SOURCES[lesson])
    if name in SOURCES[lesson]:
        return t("course.data_own", data=dataset_name(name))
    key = "course.data_stand_in" if name == DATASETS[lesson] else "course.data_other"
    return t(key, data=dataset_name(name), source=source)


def _chose(progress, lesson: str, before: str, name: str) -> None:
    """The menu's choice: a set not on this machine is not used (nor fetched); another one is, with answers
    about results forgotten."""
    if not data.is_local(name):
        progress.values["dataset"] = before
        st.session_state[f"guide.{lesson}.absent"] = name
        return
    _new_data(progress)


def _new_data(progress) -> None:
    """Other images: the answers about results no longer describe what the page will show."""
    kept = {*SHAPE_ROWS, "fix"}  # lesson 1's shape questions: about a fixed model, not about the images
    progress.answers = {k: v for k, v in progress.answers.items() if k in kept}
    progress.right = {k: v for k, v in progress.right.items() if k in progress.answers}


def _verdict_of(step):
    return lambda answer, truth: classroom_rules.verdict_of(step.question.kind, answer, truth, step.question.options)


def _question(ctx, values: dict) -> bool:
    """The step's question and its result; True while the teacher holds the step (no result on the page)."""
    step, progress = ctx.step, ctx.progress
    committed = progress.answers.get(step.id)
    base = f"course.{ctx.lesson}.{step.id}"
    state = classroom.step_state(ctx.session, ctx.lesson, step.id)  # the teacher's move, for a learner in a class
    mode = state.mode if state is not None else "open"
    if classroom.held(ctx.session, ctx.lesson, step.id, mode, committed,
                      ask=lambda facts, then: _ask(ctx, {**values, **facts}, then),
                      hidden=lambda: COMPONENTS[step.component](ctx, False), verdict_of=_verdict_of(step),
                      label=lambda answer: _shown_answer(ctx, answer) if step.question.kind == "shape"
                      or answer in step.question.options else str(answer)):
        return True
    if committed is None:
        facts = COMPONENTS[step.component](ctx, False)
        _ask(ctx, {**values, **facts})
        if state is not None:
            classroom.watch(ctx.session, ctx.lesson, step.id, mode)  # a vote the teacher starts reaches this page
        return False
    asked = st.container()      # filled once the facts are known (the question may name one of them)
    st.markdown(t("course.your_answer", answer=plain(str(_shown_answer(ctx, committed)))))
    verdict_box = st.container()  # the verdict, once the result below is there (a model may train first)
    st.markdown("##### " + t("course.result"))
    facts = COMPONENTS[step.component](ctx, True)
    values = {**values, **facts}
    asked.markdown(t(base + ".ask", **values))
    truth = facts["truth"]
    if step.question.kind == "shape":
        verdict = course.check_shape(committed, truth)
        shown_truth = fmt_shape(truth)
    else:
        verdict = course.check_choice(committed, truth, step.question.options)
        shown_truth = answer_label(ctx, truth)
    if progress.right.get(step.id) != verdict.right:  # new: the step list above must count it now
        progress.right[step.id] = verdict.right
        classroom.record(ctx.session, ctx.lesson, step.id, classroom_rules.student_view(mode, set(), True).round,
                         committed, verdict.right)  # for a learner in a class: the class's vote (no hold: round 1)
        st.rerun()
    if state is not None:  # a verdict on the page: this learner's answers still pending get theirs
        classroom.settle(ctx.session, ctx.lesson, step.id, lambda answer: _verdict_of(step)(answer, truth))
    with verdict_box:
        say = st.success if verdict.right else st.error
        say(t("course.right" if verdict.right else "course.wrong", truth=shown_truth),
            icon=":material/check_circle:" if verdict.right else ":material/cancel:")
        st.markdown(t(why_key(ctx, truth), **{**values, "truth": shown_truth}))
        st.button(t("course.again"), key=f"{base}.again", icon=":material/replay:",
                  on_click=callback(_forget, progress, step.id))
    return False


def _shown_answer(ctx, committed) -> str:
    if ctx.step.question.kind == "shape":  # one spelling, as the class's board keeps it
        return classroom_rules.canonical("shape", committed)
    return answer_label(ctx, committed)


def _forget(progress, step_id: str) -> None:
    progress.answers.pop(step_id, None)
    progress.right.pop(step_id, None)


def _ask(ctx, values: dict, then=None) -> None:
    step, progress = ctx.step, ctx.progress
    base = f"course.{ctx.lesson}.{step.id}"
    with st.form(key=f"{base}.form", border=True):
        st.markdown(f"**{t('course.predict')}** · " + t(base + ".ask", **values))
        q = step.question
        labels = {o: t(f"{base}.opt_{o}") for o in q.options}  # made now, in this run's language
        answer_input(q.kind, q.options, labels, f"{base}.typed" if q.kind == "shape" else f"{base}.picked")
        st.form_submit_button(t("course.commit"), type="primary", help=t("course.predict_help"),
                              on_click=callback(_commit, progress, step, base, then))
    if progress.error:
        st.error(plain(progress.error), icon=":material/error:")


def _commit(progress, step, base: str, then=None) -> None:
    progress.error = None
    if step.question.kind == "shape":
        typed = st.session_state.get(f"{base}.typed") or ""
        verdict = course.check_shape(typed, ())
        if verdict.problem:
            progress.error = verdict.problem
            return
        progress.answers[step.id] = typed
    else:
        picked = st.session_state.get(f"{base}.picked")
        if picked is None:
            progress.error = t("course.pick_one")
            return
        progress.answers[step.id] = picked
    if then is not None:  # a class's vote: recorded by the page's next run, with the truth it draws
        then(progress.answers[step.id])
