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
