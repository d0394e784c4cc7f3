"""Shared AppTest helpers: a page run must raise nothing, and each test starts with empty streamlit caches."""
import pytest
import streamlit as st


def ok(at):
    """The AppTest after a run, asserting its script raised no exception."""
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def clean_caches():
    """Empty st.cache_data and st.cache_resource: a test sees no model or figure from an earlier one."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def session(at):
    """The app's one session-state object (aecore.app.state.Session) of an AppTest."""
    return at.session_state["aecore.session"]


def read(element) -> str:
    """What a learner reads in an element's markdown: the backslash escapes of ui.plain() taken out."""
    import re
    return re.sub(r"\\([\\`*_~\[\]<>$|#:])", r"\1", element.value)
