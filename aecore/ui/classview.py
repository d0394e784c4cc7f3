"""The teacher's class view: who is connected, what trains and waits, which models are ready, and a button
that trains what a lesson needs before class. Open only with the token the teacher set on the server
(AECORE_CLASS_TOKEN, or ``class_token`` in .streamlit/secrets.toml); without one it is off."""
from __future__ import annotations

import hmac
import os

import streamlit as st

from aecore.ui.common import device_info, page_setup, t
from aecore.use import course


def server_token() -> str | None:
    token = os.environ.get("AECORE_CLASS_TOKEN")
    if not token:
        try:
            token = st.secrets.get("class_token")
        except Exception:  # noqa: BLE001 - no secrets file: no token
            token = None
    return str(token) if token else None


def allowed(given: str | None, token: str | None) -> bool:
    """Constant-time comparison; no token on the server means nobody gets in."""
    return bool(token) and isinstance(given, str) and hmac.compare_digest(given.encode(), token.encode())


def _sessions() -> int | None:
    from streamlit import runtime
    try:
        return runtime.get_instance()._session_mgr.num_active_sessions()
    except Exception:  # noqa: BLE001 - not in a server (a test), or a streamlit without it
        return None


def show() -> None:
    from_url = st.query_params.get("token")  # read before the page's address is rewritten (it drops it)
    page_setup("class_view")
    st.title(t("class.title"))
    token = server_token()
    if token is None:
        st.info(t("class.no_token"), icon=":material/lock:")
        return
    given = from_url or st.session_state.get("class.token") or st.session_state.get("class.given")
    if allowed(given, token):
        st.session_state["class.given"] = given  # this session stays in after the address loses the token
    else:
        st.caption(t("class.ask"))
        st.text_input(t("class.token"), type="password", key="class.token")
        if given:
            st.error(t("class.refused"), icon=":material/block:")
        return
    _view()


@st.fragment(run_every=5.0)
def _view() -> None:
    from aecore.learn import store
    from aecore.ui.training import manager
    from aecore.ui.using import label_of
    m = manager()
    o = m.overview()
    keys = store.keys()
    n = _sessions()
    cols = st.columns(4)
    cols[0].metric(t("class.sessions"), "?" if n is None else n)
    cols[1].metric(t("class.training"), len(o["training"]))
    cols[2].metric(t("class.queued"), len(o["queued"]))
    cols[3].metric(t("class.cached"), len(keys))
    st.caption(t("class.workers", workers=o["workers"], slots=o["slots"], kind=o["kind"], n=o["threads"]))
    for title, items in ((t("class.training"), o["training"]), (t("class.queued"), o["queued"])):
        st.markdown(f"**{title}**")
        st.markdown("\n".join(f"- {label_of(c)}" for c in items) or t("class.none"))
    st.subheader(t("class.warm_title"))
    st.caption(t("class.warm_text"))
    from aecore.ui.steps import DATASETS, configs
    for lesson in course.ORDER:
        needed = configs(lesson, DATASETS[lesson], device_info().kind)
        missing = [c for c in needed if c.key() not in keys]
        row = st.columns([3, 2, 2])
        row[0].markdown(f"**{t('course.nav.' + lesson)}**")
        row[1].caption(t("class.warm_state", ready=len(needed) - len(missing), n=len(needed)))
        if missing and row[2].button(t("class.warm_go", n=len(missing)), key=f"class.warm.{lesson}",
                                     icon=":material/local_fire_department:"):
            for config in missing:
                m.submit(config, keep=True)  # kept: it trains even with no student waiting yet
            st.toast(t("class.warm_queued", n=len(missing)))
    st.subheader(t("class.links"))
    st.caption(t("class.links_text"))
    base = (st.context.url or "http://localhost:8501/").split("?")[0].rsplit("/", 1)[0]
    st.code("\n".join(f"{base}/lesson_{lesson}?step=1&lang=ko&hide=tool,dataset" for lesson in course.ORDER),
            language=None)
