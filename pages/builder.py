"""Layer Builder: build an autoencoder layer by layer and watch every shape change as you type."""
import streamlit as st

from aecore import editing, presets, ui, viz
from aecore.lower import LowerError, lower, pytorch_code
from aecore.parse import ParseError, guess_input_shape, read_code

ui.page_setup()
t, P = ui.t, "builder."
EMPTY = {"empty-keras": ("keras", (28, 28, 1)), "empty-pytorch": ("pytorch", (1, 28, 28))}


def load_choice(name):
    if name in EMPTY:
        dialect, shape = EMPTY[name]
        ui.load_stack([], shape, dialect)
    else:
        ui.load_stack(*presets.make(name))


def read_pasted():
    names = st.session_state.get(P + "names", {})
    values = {n: st.session_state[P + "var." + n] for n in names if P + "var." + n in st.session_state}
    st.session_state.pop(P + "paste_notes", None)
    try:
        parsed = read_code(st.session_state.get(P + "code", ""), values, ui.lang())
    except ParseError as e:
        st.session_state[P + "paste_error"] = str(e)
        if e.name:  # ask for the missing value, then the learner reads again
            st.session_state[P + "names"] = {**names, e.name: None}
        return
    st.session_state.pop(P + "paste_error", None)
    ui.load_stack(parsed.stack, guess_input_shape(parsed), parsed.dialect)
    st.session_state[P + "paste_notes"] = parsed.notes + [t("builder.read_ok", n=len(parsed.stack),
                                                            dialect=parsed.dialect)]


def quiz_new(summary):
    current = st.session_state.get(P + "quiz_row")
    st.session_state[P + "quiz_seed"] = st.session_state.get(P + "quiz_seed", 0) + 1
    st.session_state[P + "quiz_row"] = editing.quiz_pick(summary, st.session_state[P + "quiz_seed"], current)
    st.session_state[P + "quiz_answer"] = ""
    st.session_state.pop(P + "quiz_result", None)


def quiz_check(summary):
    st.session_state[P + "quiz_result"] = editing.check_answer(
        summary, st.session_state[P + "quiz_row"], st.session_state.get(P + "quiz_answer", ""), ui.lang())


def quiz_stop():
    for k in ("quiz_row", "quiz_result"):
        st.session_state.pop(P + k, None)


if P + "layers" not in st.session_state:
    ui.load_stack(*presets.make("s0-keras-conv"))
    st.session_state[P + "preset.value"] = "s0-keras-conv"

st.title(t("builder.title"))
st.caption(t("builder.intro"))

top = st.columns([3, 2, 2], vertical_alignment="bottom")
choices = list(presets.PRESETS) + list(EMPTY)
ui.choice(top[0].selectbox, t("builder.start_from"), choices, P + "preset", on_change=load_choice,
          format_func=lambda n: t("preset." + n))
dialect = st.session_state.get(P + "dialect", "keras")
top[1].text_input(t("builder.input_shape"), key=P + "input",
                  help=t("builder.input_help_keras" if dialect == "keras" else "builder.input_help_torch"))
top[2].toggle(t("builder.torch_view"), key=P + "torch", help=t("builder.torch_view_help"))

with st.expander(t("builder.paste_title"), expanded=bool(st.session_state.get(P + "paste_error"))):
    st.text_area(t("builder.paste_label"), key=P + "code", height=180, placeholder=t("builder.paste_placeholder"))
    for name in st.session_state.get(P + "names", {}):
        st.number_input(t("builder.var", name=name), key=P + "var." + name, min_value=1, max_value=100_000,
                        value=st.session_state.get(P + "var." + name, 32), step=1)
    st.button(t("builder.read"), key=P + "read", on_click=read_pasted, type="primary")
    if st.session_state.get(P + "paste_error"):
        st.error(st.session_state[P + "paste_error"])
    for note in st.session_state.get(P + "paste_notes", []):
        st.info(note)

summary, problem = ui.current_summary()
if summary is None:
    st.error(problem)
    st.stop()
st.session_state[P + "model"] = {"stack": [dict(s) for s in ui.current_stack()[0]],
                                 "input_shape": summary.input_shape, "dialect": summary.dialect, "ok": summary.ok}
quiz = st.session_state.get(P + "quiz_row")
if quiz is not None and quiz >= len(summary.rows):
    quiz_stop()
    quiz = None

left, right = st.columns([5, 6], gap="medium")
with left:
    st.subheader(t("builder.layers"))
    for position, uid in enumerate(st.session_state.get(P + "layers", [])):
        ui.layer_editor(uid, position, summary.dialect, summary, hide=quiz is not None and position >= quiz)
    add = st.columns([3, 1], vertical_alignment="bottom")
    add[0].selectbox(t("builder.add_type"), editing.layer_types(summary.dialect), key=P + "add_type")
    add[1].button(t("builder.add"), key=P + "add", on_click=ui.add_layer,
                  args=(st.session_state.get(P + "add_type") or editing.layer_types(summary.dialect)[0],
                        summary.output_shape if summary.ok else None))

with right:
    ui.shape_banner(summary)
    st.plotly_chart(viz.hourglass(summary, ui.lang(), hide_from=quiz), key=P + "chart")
    torch_ops = None
    if st.session_state.get(P + "torch") and summary.ok:
        try:
            torch_ops = [" → ".join(op.code() for op in ops) for ops in lower(summary, ui.lang())]
        except LowerError as e:
            st.warning(str(e))
    ui.shape_table(summary, hide_from=quiz, torch_ops=torch_ops)
    m = st.columns(3)
    m[0].metric(t("builder.total"), f"{summary.total_params:,}")
    m[1].metric(t("builder.trainable"), f"{summary.trainable_params:,}")
    m[2].metric(t("builder.n_layers"), len(summary.rows))

    with st.container(border=True):
        st.markdown("#### " + t("quiz.title"))
        if quiz is None:
            st.caption(t("quiz.intro"))
            st.button(t("quiz.start"), key=P + "quiz_start", on_click=quiz_new, args=(summary,),
                      disabled=not editing.quiz_candidates(summary))
        else:
            before = summary.rows[quiz - 1].output_shape if quiz else summary.input_shape
            st.markdown(t("quiz.question", i=quiz, shape=", ".join(map(str, before)),
                          call=editing.layer_call(ui.current_stack()[0][quiz])))
            st.text_input(t("quiz.answer"), key=P + "quiz_answer", placeholder="14, 14, 16")
            b = st.columns(3)
            b[0].button(t("quiz.check"), key=P + "quiz_check", on_click=quiz_check, args=(summary,), type="primary")
            b[1].button(t("quiz.another"), key=P + "quiz_next", on_click=quiz_new, args=(summary,))
            b[2].button(t("quiz.stop"), key=P + "quiz_stop", on_click=quiz_stop)
            result = st.session_state.get(P + "quiz_result")
            if result:
                (st.success if result[0] else st.error)(result[1])

    if st.session_state.get(P + "torch") and summary.ok:
        try:
            st.code(pytorch_code(summary, ui.lang()), language="python")
        except LowerError as e:
            st.info(str(e))
    if summary.ok and summary.same_as_input:
        ui.page_link("pages/train.py", t("builder.to_train"), "🏋️")
