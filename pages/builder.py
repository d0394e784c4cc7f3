"""Layer Builder: build an autoencoder layer by layer and watch every shape change as you type."""
import streamlit as st

from aecore import ui
from aecore.app.state import EMPTY, Quiz
from aecore.shapes import editing, presets
from aecore.shapes.lower import LowerError, lower
from aecore.shapes.parse import ParseError, guess_input_shape, read_code
from aecore.ui.builder import both_frameworks, current_summary, layer_editor, paste_way, shape_banner, shape_table

session = ui.page_setup("builder")
b = session.builder
t, P = ui.t, "builder."


def start_from(name):
    if name != "mine":
        b.load_choice(name)


def read_pasted():
    b.paste_notes, b.paste_way = [], ()
    try:
        parsed = read_code(b.code, {k: v for k, v in b.code_vars.items() if v is not None})
    except ParseError as e:
        b.paste_error, b.paste_way = str(e), e.way
        if e.name:  # ask for the missing value, then the learner reads again
            b.code_vars.setdefault(e.name, None)
        return
    b.paste_error = None
    shape = guess_input_shape(parsed)
    b.load(parsed.stack, shape, parsed.dialect, "pasted")
    guessed = [] if parsed.input_shape else [t("builder.input_guessed", shape=", ".join(map(str, shape)))]
    b.paste_notes = parsed.notes + guessed + [t("builder.read_ok", n=len(parsed.stack), dialect=parsed.dialect)]


def quiz_new(summary):
    b.quiz.seed += 1
    b.quiz.row = editing.quiz_pick(summary, b.quiz.seed, b.quiz.row)
    b.quiz.answer, b.quiz.result = "", None


def quiz_check(summary):
    b.quiz.result = editing.check_answer(summary, b.quiz.row, b.quiz.answer)


def mine_label(origin: str, n: int) -> str:
    """The learner's own stack in the Start-from box: where it came from."""
    if origin in presets.PRESETS:
        return t("builder.mine_edited", what=t("preset." + origin).split(" · ")[0])
    return t("builder.mine_" + (origin if origin in ("pasted", "link") else "empty"), n=n)


def to_train():
    session.train.model = b.unchanged_preset() or "custom"
    session.train.note = "from_builder"


st.title(t("builder.title"))
st.caption(t("builder.intro"))

top = st.columns([3, 2, 2], vertical_alignment="bottom")
mine = b.origin in ("pasted", "link") or b.edited
choices = (["mine"] if mine else []) + list(presets.PRESETS) + list(EMPTY)
picked = {"start": "mine" if mine else b.origin}
if ui.shown("presets"):
    ui.bound(top[0].selectbox, t("builder.start_from"), key=P + "preset", obj=picked, attr="start", options=choices,
             on_change=start_from,
             format_func=lambda n: mine_label(b.origin, len(b.layers)) if n == "mine" else t("preset." + n))
if ui.shown("input"):
    ui.bound(top[1].text_input, t("builder.input_shape"), key=P + "input", obj=b, attr="input_text",
             on_change=lambda _: setattr(b, "edited", True),
             help=t("builder.input_help_keras" if b.dialect == "keras" else "builder.input_help_torch"))
if ui.shown("torch"):
    ui.bound(top[2].toggle, t("builder.torch_view"), key=P + "torch", obj=b, attr="torch_view",
             help=t("builder.torch_view_help"))
if b.previous is not None:
    st.button(t("builder.undo", what=mine_label(b.previous.origin, len(b.previous.layers))),
              key=P + "undo", icon=":material/undo:", on_click=ui.callback(b.undo), type="tertiary")

if ui.shown("paste"):
    with st.expander(t("builder.paste_title"), expanded=bool(b.paste_error or b.paste_notes)):
        ui.bound(st.text_area, t("builder.paste_label"), key=P + "code", obj=b, attr="code", height=180,
                 placeholder=t("builder.paste_placeholder"))
        for name in list(b.code_vars):
            if b.code_vars[name] is None:
                b.code_vars[name] = 32
            ui.bound(st.number_input, t("builder.var", name=name), key=P + "var." + name, obj=b.code_vars,
                     attr=name, min_value=1, max_value=100_000, step=1)
        st.button(t("builder.read"), key=P + "read", on_click=ui.callback(read_pasted), type="primary")
        if b.paste_error:
            st.error(ui.plain(b.paste_error) + "  \n" + t("builder.paste_kept"))
            paste_way(b)
        for note in b.paste_notes:
            st.info(ui.plain(note))

summary, problem = current_summary(b)
if summary is None:
    st.error(ui.plain(problem))
    st.stop()
quiz = b.quiz.row
if quiz is not None and quiz >= len(summary.rows):
    b.quiz = Quiz(seed=b.quiz.seed)
    quiz = None

left, right = st.columns([5, 6], gap="medium")
if ui.shown("editor"):
    with left:
        st.subheader(t("builder.layers"))
        for position, layer in enumerate(list(b.layers)):
            layer_editor(b, layer, position, summary, hide=quiz is not None and position >= quiz)
        add = st.columns([3, 1], vertical_alignment="bottom")
        ui.bound(add[0].selectbox, t("builder.add_type"), key=P + "add_type", obj=b, attr="add_type",
                 options=editing.layer_types(summary.dialect))
        add[1].button(t("builder.add"), key=P + "add", on_click=ui.callback(
            lambda: b.add(b.add_type, summary.output_shape if summary.ok else None)))
else:
    right = st.container()

with right:
    shape_banner(summary)
    st.plotly_chart(ui.viz.hourglass(summary, hide_from=quiz), key=P + "chart")
    torch_ops = None
    if b.torch_view and summary.ok and ui.shown("torch"):
        try:
            torch_ops = [" → ".join(op.code() for op in ops) for ops in lower(summary)]
        except LowerError as e:
            st.warning(ui.plain(str(e)))
    shape_table(summary, hide_from=quiz, torch_ops=torch_ops)
    m = st.columns(3)
    m[0].metric(t("builder.total"), f"{summary.total_params:,}" if summary.ok else "—")
    m[1].metric(t("builder.trainable"), f"{summary.trainable_params:,}" if summary.ok else "—")
    m[2].metric(t("builder.n_layers"), len(b.layers))

    if ui.shown("quiz"):
        with st.container(border=True):
            st.markdown("#### " + t("quiz.title"))
            if quiz is None:
                st.caption(t("quiz.intro"))
                st.button(t("quiz.start"), key=P + "quiz_start", on_click=ui.callback(quiz_new, summary),
                          disabled=not editing.quiz_candidates(summary))
            else:
                before = summary.rows[quiz - 1].output_shape if quiz else summary.input_shape
                st.markdown(t("quiz.question", i=quiz, shape=", ".join(map(str, before)),
                              call=editing.layer_call(b.stack()[quiz])))
                ui.bound(st.text_input, t("quiz.answer"), key=P + "quiz_answer", obj=b.quiz, attr="answer",
                         placeholder="14, 14, 16")
                q = st.columns(3)
                q[0].button(t("quiz.check"), key=P + "quiz_check", on_click=ui.callback(quiz_check, summary),
                            type="primary")
                q[1].button(t("quiz.another"), key=P + "quiz_next", on_click=ui.callback(quiz_new, summary))
                q[2].button(t("quiz.stop"), key=P + "quiz_stop",
                            on_click=ui.callback(lambda: setattr(b, "quiz", Quiz(seed=b.quiz.seed))))
                if b.quiz.result:
                    (st.success if b.quiz.result[0] else st.error)(ui.plain(b.quiz.result[1]))

    actions = st.columns(2, vertical_alignment="center")
    if summary.ok and summary.same_as_input:
        with actions[0]:
            if st.button(t("builder.to_train"), key=P + "to_train", icon="🏋️", type="primary",
                         on_click=ui.callback(to_train)):
                ui.go("train", t("builder.to_train"))
    with actions[1]:
        ui.share_box("builder")

if b.torch_view and summary.ok and ui.shown("torch") and quiz is None:  # full width; its shapes would answer a quiz
    both_frameworks(summary, b.stack())
