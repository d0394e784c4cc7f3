"""The autoencoder classroom: router only. Page setup, the shared sidebar, navigation, then the page."""
import streamlit as st

from aecore import ui

st.set_page_config(page_title="Autoencoder classroom", page_icon="🧠", layout="wide")
PAGES = [
    st.Page("pages/home.py", title=ui.t("nav.home"), icon="🏠", default=True),
    st.Page("pages/builder.py", title=ui.t("nav.builder"), icon="🧱"),
    st.Page("pages/train.py", title=ui.t("nav.train"), icon="🏋️"),
    st.Page("pages/denoise.py", title=ui.t("nav.denoise"), icon="🧽"),
    st.Page("pages/latent.py", title=ui.t("nav.latent"), icon="🌌"),
    st.Page("pages/similar.py", title=ui.t("nav.similar"), icon="🔎"),
]
page = st.navigation(PAGES)
ui.state.start(page.url_path or "home", ui.device_kind())  # a shared link's settings, before the sidebar shows them
ui.sidebar()
page.run()
