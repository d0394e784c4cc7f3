"""The teacher's class view: who is connected, what trains and waits, which models are ready, and a button
that gets what a lesson needs before class (its source's dataset downloaded, its models trained). Open only
with the token the teacher set on the server (AECORE_CLASS_TOKEN, or ``class_token`` in
.streamlit/secrets.toml); without one it is off."""
from __future__ import annotations

import hmac
import os
from functools import partial

import streamlit as st
from streamlit import runtime

from aecore.app import pages
from aecore.app.guided import DATASETS, SOURCES, configs, default_dataset
from aecore.learn import data, fetches, store
from aecore.ui import classboard
from aecore.ui.common import dataset_name, device_info, lang, page_setup, plain, t
from aecore.ui.models import manager
from aecore.ui.runview import progress_text
from aecore.ui.using import label_of
from aecore.use import checkerboard, course


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
    room, server = st.tabs([t("room.tab_class"), t("room.tab_server")])
    with room:
        classboard.show()
    with server:
        _view()


@st.fragment(run_every=5.0)
def _view() -> None:
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
    for lesson in course.ORDER:
        _warm_row(m, keys, lesson, device_info().kind)
    st.subheader(t("class.links"))
    st.caption(t("class.links_text"))
    base = (st.context.url or "http://localhost:8501/").split("?")[0].rsplit("/", 1)[0]
    st.code("\n".join(f"{base}/{p.slug}?step=1&lang=ko&hide=tool,dataset" for p in pages.in_group("lessons")),
            language=None)


# ---- warming a lesson: its source's dataset downloaded, its models queued -------------------------------------

def _warm_row(m, keys: set, lesson: str, kind: str) -> None:
    """One lesson: how many of its models are ready, its source's datasets (here, downloading, or not here and
    why), and the button that gets what is missing."""
    sets = (DATASETS[lesson], default_dataset(lesson))
    lab = [c for name in sets for c in checkerboard.configs(name, kind)] if lesson == "shapes" else []
    needed = _unique([c for name in sets for c in configs(lesson, name, kind)] + lab)  # lab: lesson 1's last step
    missing = [c for c in needed if c.key() not in keys]
    absent = [name for name in SOURCES[lesson] if not data.is_local(name)]
    running = [f for f in map(fetches.get, absent) if f is not None and f.state == "running"]
    failed = [f for f in map(fetches.get, absent) if f is not None and f.state == "failed"]
    row = st.columns([3, 2, 2])
    row[0].markdown(f"**{t('course.nav.' + lesson)}**")
    row[0].caption(" · ".join(t("class.data_here" if name not in absent else "class.data_absent",
                                data=dataset_name(name)) for name in SOURCES[lesson]))
    row[1].caption(t("class.warm_state", ready=len(needed) - len(missing), n=len(needed)))
    label = (t("class.warm_fetch", data=", ".join(dataset_name(n) for n in absent), n=len(missing)) if absent
             else t("class.warm_go", n=len(missing)))
    if (missing or absent) and not running and row[2].button(label, key=f"class.warm.{lesson}",
                                                             icon=":material/local_fire_department:"):
        _warm(m, lesson, kind, missing, absent)
        running = [f for f in map(fetches.get, absent) if f is not None and f.state == "running"]
        failed = []
    for f in running:
        done = f.done / f.total if f.total else 0.0
        st.progress(min(max(done, 0.0), 1.0), text=progress_text(_Snap(f)))
    for f in failed:
        keeps = t("class.warm_offline", data=dataset_name(f.name), lesson=t("course.nav." + lesson),
                  offline=dataset_name(DATASETS[lesson]))
        st.warning(plain(f.error) + " " + keeps, icon=":material/cloud_off:")


class _Snap:
    """A download's progress in the shape the Train page's progress text reads."""
    phase = "data"

    def __init__(self, f):
        self.download = (f.done, f.total, f.label or f.name)


def _unique(configs: list) -> list:
    return list({c.key(): c for c in configs}.values())


def _warm(m, lesson: str, kind: str, missing: list, absent: list) -> None:
    """Queue the lesson's missing models now; download its source's datasets that are not here in a background
    thread (``aecore.learn.fetches``: not in a training worker, whose slot the class needs), and once one has
    arrived, queue the lesson's models on the images it then uses."""
    for config in missing:
        m.submit(config, keep=True)  # kept: it trains even with no student waiting yet
    for name in absent:  # made now, in this script's thread (configs reads the device through streamlit's cache)
        fetches.start(name, then=partial(_queue_source, m, lesson, name, configs(lesson, name, kind)), lang=lang())
    names = ", ".join(dataset_name(name) for name in absent)
    st.toast(t("class.warm_queued", n=len(missing)) + (" " + t("class.warm_fetching", data=names) if absent else ""))


def _queue_source(m, lesson: str, name: str, configs: list) -> None:
    """In the download's thread, once ``name`` is here: if the lesson now uses it, queue its models on it."""
    if default_dataset(lesson) != name:  # e.g. lesson 2 prefers CIFAR-10, which arrived first
        return
    keys = store.keys()
    for config in configs:
        if config.key() not in keys:
            m.submit(config, keep=True)
