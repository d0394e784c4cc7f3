"""The autoencoder classroom: router only. Page setup, the shared sidebar, navigation, then the page."""
import streamlit as st

from aecore import ui

st.set_page_config(page_title="Autoencoder classroom", page_icon="🧠", layout="wide")
PAGES = [
    st.Page("pages/home.py", title=ui.t("nav.home"), icon="🏠", default=True),
    st.Page("pages/builder.py", title=ui.t("nav.builder"), icon="🧱"),
    st.Page("pages/train.py", title=ui.t("nav.train"), icon="🏋️"),
]
page = st.navigation(PAGES)
ui.sidebar()
page.run()
