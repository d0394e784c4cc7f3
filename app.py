"""The autoencoder classroom: router only. Page setup, the shared sidebar, navigation, then the page."""
import streamlit as st

from aecore import ui
from aecore.app import pages

st.set_page_config(page_title="Autoencoder classroom", page_icon="🧠", layout="wide")
NAVIGATION = {ui.t("nav." + group): [st.Page(p.file, title=ui.t(p.title), icon=p.icon, default=p.default)
                                     for p in pages.in_group(group)] for group in pages.GROUPS}
page = st.navigation(NAVIGATION, expanded=True)  # every page in sight: a lesson or tool is never behind "View more"
ui.start_session(page.url_path or "home", ui.device_kind())  # a shared link's settings, before the sidebar shows them
ui.sidebar()
page.run()
