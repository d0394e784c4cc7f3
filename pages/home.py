"""Welcome: what this classroom is and where to start."""
import streamlit as st

from aecore import ui
from aecore.shapes.presets import puzzle

session = ui.page_setup("home")
t = ui.t
st.title(t("home.title"))
st.markdown(t("home.lead"))
ui.page_link("lesson_shapes", t("home.start_lessons"))
ui.classroom.join_box(session)  # a class's code (from its link, or typed) and a nickname
cols = st.columns(3)
for col, key in zip(cols, ("build", "train", "use")):
    with col.container(border=True):
        st.markdown(f"#### {t('home.' + key + '_title')}")
        st.markdown(t("home." + key + "_text"))
st.divider()
st.markdown("### " + t("home.puzzle_title"))
st.markdown(t("home.puzzle_text", **puzzle()))
ui.page_link("builder", t("home.open_builder"))
