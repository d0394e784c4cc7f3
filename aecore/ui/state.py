"""This session's one state object (aecore.app.state.Session), kept in Streamlit's session state."""
from __future__ import annotations

import streamlit as st

from aecore.app.state import Session

KEY = "aecore.session"  # the one session_state entry that is not a widget


def get() -> Session:
    """This session's state (made on first use)."""
    session = st.session_state.get(KEY)
    if session is None:
        session = st.session_state[KEY] = Session()
    return session


def peek() -> Session | None:
    """The state if this session has one yet (never makes it)."""
    return st.session_state.get(KEY)
