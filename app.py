"""The autoencoder classroom: router only. Page setup, the shared sidebar, navigation, then the page."""
import streamlit as st

from aecore import ui

st.set_page_config(page_title="Autoencoder classroom", page_icon="🧠", layout="wide")
page = st.navigation(ui.navigation(), expanded=True)  # every page in sight: none behind "View more"
ui.start_session(page.url_path or "home", ui.device_kind())  # a shared link's settings, before the sidebar shows them
ui.sidebar()
ui.classroom.sidebar_seat()  # a learner in a class: which, as whom, and Leave
page.run()
