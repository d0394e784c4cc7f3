"""The autoencoder classroom: router only. Page setup, the shared sidebar, navigation, then the page."""
import streamlit as st

from aecore import ui

st.set_page_config(page_title="Autoencoder classroom", page_icon="🧠", layout="wide")
LESSONS = [("shapes", "🧩"), ("conv", "🎨"), ("code3d", "🌐"), ("pca", "📐"), ("stacked", "🥞")]
PAGES = {
    ui.t("nav.lessons"): [st.Page(f"pages/lesson_{name}.py", title=ui.t("course.nav." + name), icon=icon)
                          for name, icon in LESSONS],
    ui.t("nav.tools"): [
        st.Page("pages/home.py", title=ui.t("nav.home"), icon="🏠", default=True),
        st.Page("pages/builder.py", title=ui.t("nav.builder"), icon="🧱"),
        st.Page("pages/train.py", title=ui.t("nav.train"), icon="🏋️"),
        st.Page("pages/denoise.py", title=ui.t("nav.denoise"), icon="🧽"),
        st.Page("pages/latent.py", title=ui.t("nav.latent"), icon="🌌"),
        st.Page("pages/similar.py", title=ui.t("nav.similar"), icon="🔎"),
    ],
    ui.t("nav.models"): [
        st.Page("pages/pca.py", title=ui.t("nav.pca"), icon="📐"),
        st.Page("pages/stacked.py", title=ui.t("nav.stacked"), icon="🥞"),
        st.Page("pages/sparse.py", title=ui.t("nav.sparse"), icon="✨"),
        st.Page("pages/anomaly.py", title=ui.t("nav.anomaly"), icon="🚨"),
        st.Page("pages/vae.py", title=ui.t("nav.vae"), icon="🎲"),
        st.Page("pages/sizes.py", title=ui.t("nav.sizes"), icon="📏"),
    ],
    ui.t("nav.teacher"): [st.Page("pages/class_view.py", title=ui.t("nav.class"), icon="🧑‍🏫")],
}
page = st.navigation(PAGES, expanded=True)  # every page in sight: a lesson or tool is never behind "View more"
ui.start_session(page.url_path or "home", ui.device_kind())  # a shared link's settings, before the sidebar shows them
ui.sidebar()
page.run()
