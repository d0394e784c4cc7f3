"""Shared AppTest helpers: a page run must raise nothing, and each test starts with empty streamlit caches."""
import time

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


def train_missing(at, page: str, waiting, timeout: float = 600, join_s: float = 300):
    """While ``waiting(at)`` (the page still shows that it needs models): press the page's 'train what is missing'
    button (``<page>.go``), wait for its training, run the page again. The AppTest, once the page has them."""
    deadline = time.time() + timeout
    while waiting(at):
        assert time.time() < deadline
        use = session(at).use.get(page)
        job = use.job if use is not None else None
        if job is not None and job.running:
            job.join(join_s)
        elif any(b.key == f"{page}.go" for b in at.button):
            at.button(key=f"{page}.go").click()
        ok(at.run())
    return at


def session(at):
    """The app's one session-state object (aecore.app.state.Session) of an AppTest."""
    return at.session_state["aecore.session"]


def read(element) -> str:
    """What a learner reads in an element's markdown: the backslash escapes of ui.plain() taken out."""
    import re
    return re.sub(r"\\([\\`*_~\[\]<>$|#:])", r"\1", element.value)
