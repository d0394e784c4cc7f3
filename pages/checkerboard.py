"""The UpSampling half of lesson 1's puzzle: one decoder built three ways, predict which leaves a checkerboard,
then check on trained models (and on their untrained responses)."""
import streamlit as st

from aecore import ui
from aecore.ui import checkerboard as C
from aecore.ui import lessons as L
from aecore.use import checkerboard as cb

session = ui.page_setup("checkerboard")
t, P, Q = ui.t, "checker.", "course.shapes.checker."  # the question is lesson 1's last step's own
use = session.page("checkerboard")
v = use.values


def commit() -> None:
    picked = st.session_state.get(P + "picked")
    v["error"] = None if picked else t("course.pick_one")
    if picked:
        v["answer"] = picked


def forget() -> None:
    v.pop("answer", None)


st.title(t("checker.title"))
st.caption(t("checker.intro"))
dataset = L.dataset_box(st.columns(3)[0], use, "checkerboard")
kind = ui.device_kind()
st.markdown("##### " + t("checker.decoders"))
C.decoders(dataset, kind)
answer = v.get("answer") if v.get("answer") in cb.OPTIONS else None
if answer is None:
    with st.form(key=P + "form", border=True):
        st.markdown(f"**{t('course.predict')}** · " + t(Q + "ask"))
        labels = {o: t(Q + "opt_" + o) for o in cb.OPTIONS}  # made now, in this run's language
        st.radio(t("course.predict"), cb.OPTIONS, index=None, key=P + "picked", format_func=labels.get,
                 label_visibility="collapsed")
        st.form_submit_button(t("course.commit"), type="primary", help=t("course.predict_help"),
                              on_click=ui.callback(commit))
    if v.get("error"):
        st.error(ui.plain(v["error"]), icon=":material/error:")
    st.stop()

st.markdown(t("course.your_answer", answer=t(Q + "opt_" + answer)))
verdict_box = st.container()
results = ui.ready(C.items(dataset, kind), "checkerboard")
facts = C.reveal(results, "checker")
right = answer == facts["truth"]
with verdict_box:
    say = st.success if right else st.error
    say(t("course.right" if right else "course.wrong", truth=t(Q + "opt_" + facts["truth"])),
        icon=":material/check_circle:" if right else ":material/cancel:")
    st.markdown(t(Q + "why", verdict=facts["verdict"]))
    st.button(t("course.again"), key=P + "again", icon=":material/replay:", on_click=ui.callback(forget))
