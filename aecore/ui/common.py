"""What every page shares: its first line, the language, the sidebar, widgets bound to the session state,
plain-text messages, links to other pages, and the shareable link of the page."""
from __future__ import annotations

import copy
import logging
import os
import re
import sys

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from aecore import text
from aecore.app import links, pages
from aecore.learn import data
from aecore.learn.devices import detect
from aecore.ui import learner, state

try:  # Streamlit's private flag for its legacy pages/ mode (page_setup)
    from streamlit.runtime.pages_manager import PagesManager
except ImportError:  # pragma: no cover - a future streamlit without the legacy mode
    PagesManager = None

# A page's script thread gives up the GIL at every element it sends (Streamlit wakes its event loop with a
# write to a socket per message) and then waits for it back: up to the switch interval (5 ms by default) while
# other sessions' scripts run. A page of 100 elements waited ~0.5 s on a busy server (py-spy of `bench load`).
sys.setswitchinterval(float(os.environ.get("AECORE_SWITCH_INTERVAL_S", "0.001")))

_NAV: dict = {}  # language -> {group title: [st.Page]}


def navigation() -> dict:
    """The sidebar's pages by group, in this run's language. st.Page resolves its file's real path (a system
    call per folder, ~8 % of a busy server's time), so they are made once per language and copied each run:
    Streamlit marks the one page a run may call on the object, so no two runs share one."""
    made = _NAV.get(lang())
    if made is None:
        made = _NAV[lang()] = {t("nav." + group): [st.Page(p.file, title=t(p.title), icon=p.icon, default=p.default)
                                                   for p in pages.in_group(group)] for group in pages.GROUPS}
    return {group: [copy.copy(page) for page in group_pages] for group, group_pages in made.items()}


# ---- language ------------------------------------------------------------------------------------------

def lang() -> str:
    session = state.peek()
    if session is None or session.link_pending:  # before a link is read (app.py's page titles): its language
        return text.valid_lang(st.query_params.get("lang", session.lang if session is not None else "en"))
    return session.lang


def t(key: str, **values) -> str:
    """The text in this session's language (and the language of everything the core says from here on)."""
    text.set_lang(lang())
    return text.t(key, **values)


def class_labels(classes) -> tuple[str, ...]:
    """A dataset's class names in this session's language (``classname.<name>`` in the catalogs; a name
    without a text of its own, such as a digit, stays as it is). Made per run, never cached: the data's own
    names are what the caches hold."""
    out = []
    for name in classes:
        key = "classname." + re.sub(r"[^a-z0-9]+", "_", str(name).lower()).strip("_")
        out.append(t(key) if key in text.CATALOG else str(name))
    return tuple(out)


def dataset_name(name: str) -> str:
    """The short name a learner knows a dataset by: 'Digits', 'Stained tissue', 'PathMNIST'."""
    return plain(data.display_name(name))


def dataset_label(name: str) -> str:
    info = data.REGISTRY[name]
    if info.source == "medmnist":
        return t("dataset.medmnist", title=dataset_name(name), mb=int(info.download_mb), n=info.channels)
    label = t("dataset." + name)
    if info.source != "offline":
        label += " · " + (t("dataset.local") if data.is_local(name) else t("dataset.download", mb=int(info.download_mb)))
    return label


def callback(fn, *args, **kwargs):
    """A widget callback that runs in the session's language: callbacks run before the page's script,
    possibly on a fresh thread, where the language has not been set yet."""
    def run():
        text.set_lang(lang())
        return fn(*args, **kwargs)
    return run


_MARKDOWN = re.compile(r"([\\`*_~\[\]<>$|#:])")


def plain(message: str) -> str:
    """Text that is not meant as markdown, made safe to show with st.error / st.info / st.markdown: a ``~``
    in '1~4' is not a strikethrough, a file name's ``*`` not emphasis, a ``:red[...]`` not a colour."""
    return _MARKDOWN.sub(r"\\\1", str(message))


# ---- devices --------------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def device_info():
    return detect()  # once per server


def device_kind() -> str:
    return device_info().kind


# ---- a link Streamlit did not read ---------------------------------------------------------------------------
# Streamlit drops a whole query string past its limits (1,000 values, 512 Ki characters) with nothing but a line
# in the server's log (streamlit 1.67: runtime/state/query_params.sanitize_query_string, called by the session's
# AppSession before the script runs). This filter on that line notes whose link it was, from the AppSession in
# the call, so the page can say so instead of opening as if no link had been given. (The filter is set when the
# app's code is first loaded, by the first page run after a server starts: that run's own link goes unseen.)
DROPPED: dict[str, tuple[str, int]] = {}  # a session id: ("link.dropped_values" or "link.dropped_chars", how many)


class _DroppedLink(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if message.startswith("Ignoring query string") and record.args:
            frame = sys._getframe(1)
            while frame is not None:
                owner = frame.f_locals.get("self")
                if type(owner).__name__ == "AppSession":
                    key = "link.dropped_values" if "parameter" in message else "link.dropped_chars"
                    DROPPED[str(owner.id)] = (key, int(record.args[0]))
                    break
                frame = frame.f_back
        return True  # the line is still logged


_QUERY_LOG = logging.getLogger("streamlit.runtime.state.query_params")
if not any(type(f).__name__ == "_DroppedLink" for f in _QUERY_LOG.filters):  # once, however often this is loaded
    _QUERY_LOG.addFilter(_DroppedLink())


def _dropped_link() -> tuple[str, int] | None:
    ctx = get_script_run_ctx()
    return DROPPED.pop(ctx.session_id, None) if ctx is not None else None


# ---- a page's first line ------------------------------------------------------------------------------------

def start_session(page: str, device_kind: str) -> state.Session:
    """The state at the start of a page's run. A session's first page takes this browser's stored lessons
    (a reload loses no answer: aecore.ui.learner), then the URL's settings (a link's step wins); every run
    stores what changed in the lessons since the last (the callbacks of this run included)."""
    session = state.get()
    if session.link_pending:
        session.link_pending = False
        learner.restore(session)
        links.apply(session, {k: st.query_params.get_all(k) for k in st.query_params}, page, device_kind)
        dropped = _dropped_link()
        if dropped is not None:
            session.notices.append((dropped[0], {"n": f"{dropped[1]:,}"}))
    learner.keep(session)
    return session


def page_setup(page: str) -> state.Session:
    """The first line of every page: the session's state (from a link on its first run), its language, the
    notices a link left, and the URL kept in step with the state so that a reload or a copied address
    brings the same lesson back.

    On a fresh server Streamlit runs the first page requested on its own (its legacy ``pages/`` mode, on
    because a ``pages/`` folder sits beside app.py) until some session has run app.py's ``st.navigation``:
    a teacher's link to /builder would open without the sidebar or the wide layout. Hand over to app.py,
    which routes the same URL. Streamlit's private flag is the only signal for it (checked with streamlit
    1.67): no public call tells a page that app.py did not run, or which file is the entry point, and
    AppTest turns the legacy mode on again at every run of app.py (the flag is what tells those runs from
    a page's own AppTest, where it is off).
    """
    if getattr(PagesManager, "uses_pages_directory", None):
        PagesManager.uses_pages_directory = False
        st.rerun()
    session = start_session(page, device_kind())
    text.set_lang(session.lang)
    for key, values in session.notices:
        st.warning(t("link.notice", what=t(key, **values)), icon=":material/link_off:")
    session.notices.clear()
    mirror_url(session, page)
    return session


def mirror_url(session: state.Session, page: str) -> None:
    """Write the page's shareable state into the address bar (only when it changed)."""
    wanted = links.page_params(session, page, device_kind())
    current = {k: st.query_params.get(k) for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def shown(name: str) -> bool:
    """False for a control the teacher's link hides."""
    session = state.peek()
    return session is None or name not in session.hide


def share_box(page: str) -> None:
    """'Copy a link to this': the page with its current state, and which controls the link hides."""
    if not shown("link"):
        return
    session = state.get()
    with st.popover(t("link.button"), icon=":material/link:"):
        st.caption(t("link.intro"))
        hide = st.multiselect(t("link.hide"), pages.hideable(page), key=f"{page}.link_hide",
                              format_func=lambda n: t("hide." + n), help=t("link.hide_help"))
        params = links.page_params(session, page, device_kind())
        params.pop("hide", None)
        if hide:
            params["hide"] = ",".join(hide)
        base = st.context.url or f"http://localhost:8501/{page}"
        base = base.split("?")[0]
        st.code(links.url(base, params), language=None, wrap_lines=True)
        st.caption(t("link.how"))


# ---- widgets bound to the state -------------------------------------------------------------------------------

class _Get:
    """Read and write ``attr`` of a dataclass, or key ``attr`` of a dict."""

    def __init__(self, obj, attr: str):
        self.obj, self.attr = obj, attr

    def get(self, default=None):
        if isinstance(self.obj, dict):
            return self.obj.get(self.attr, default)
        return getattr(self.obj, self.attr)

    def set(self, value) -> None:
        if isinstance(self.obj, dict):
            self.obj[self.attr] = value
        else:
            setattr(self.obj, self.attr, value)


_DRAWN_IN = "aecore.drawn_in"  # widget key -> the language its option labels were last drawn in


def answer_input(kind: str, options: tuple, labels: dict, key: str) -> None:
    """The widget a predict-then-check answer is given in (inside the caller's form): a typed shape, or one of
    ``options`` by its words (``labels``: option -> words, made in this run's language)."""
    if kind == "shape":
        st.text_input(t("course.type_shape"), key=key, max_chars=60)
    else:
        st.radio(t("course.predict"), options, index=None, key=key, format_func=labels.get,
                 label_visibility="collapsed")


def seed(key: str, value, labelled: bool = False) -> None:
    """Put the state's value into a widget's key just before the widget is drawn. A widget whose options are
    shown by label (``labelled``) is set again when the language changed: Streamlit keeps a choice as its
    label, and the new language's labels would not contain the old one."""
    drawn_in = st.session_state.setdefault(_DRAWN_IN, {})
    relabel = labelled and drawn_in.get(key) not in (None, lang())
    if relabel or st.session_state.get(key, object()) != value:
        st.session_state[key] = value
    if labelled:
        drawn_in[key] = lang()


def bound(widget, label: str, *args, key: str, obj, attr: str, default=None, options=None, on_change=None,
          in_form: bool = False, many: bool = False, **kw):
    """``widget`` (st.slider, a column's selectbox, ...) as a view of ``obj.attr`` (or ``obj[attr]``).

    The widget is drawn from the state on every run and writes back on change (inside a form, the form's
    submit writes back: see ``read_form``). ``options``: a value that is not among them becomes ``default``
    (or the first option), so a stale or hostile value never reaches the widget; with ``many`` (a multiselect)
    the value is a list and what is not among the options is dropped. ``on_change(value)`` runs after the
    state has the new value.
    """
    ref = _Get(obj, attr)
    value = ref.get(default)
    if options is not None and many:  # a multiselect: a list of options, each one checked
        options = list(options)
        value = [x for x in (value if isinstance(value, (list, tuple)) else default or []) if x in options]
        ref.set(value)
        args = (options,) + args
    elif options is not None:
        options = list(options)
        if value not in options:
            value = default if default in options else options[0]
        ref.set(value)
        args = (options,) + args
        if "format_func" in kw:  # labels made now, in this run's language: never a late call into the state
            labels = {i: kw["format_func"](o) for i, o in enumerate(options)}
            kw["format_func"] = lambda o: labels[options.index(o)] if o in options else str(o)
    elif value is None and default is not None:
        value = default
        ref.set(value)
    seed(key, value, labelled="format_func" in kw)
    if in_form:
        return widget(label, *args, key=key, **kw)

    def write():
        ref.set(st.session_state[key])
        if on_change is not None:
            on_change(st.session_state[key])
    return widget(label, *args, key=key, on_change=callback(write), **kw)


def read_form(pairs: list[tuple[str, object, str]]) -> None:
    """Copy a submitted form's widget values into the state: [(key, obj, attr), ...]."""
    for key, obj, attr in pairs:
        if key in st.session_state:
            _Get(obj, attr).set(st.session_state[key])


# ---- sidebar and links ---------------------------------------------------------------------------------------------

def sidebar() -> None:
    session = state.get()
    with st.sidebar:
        bound(st.selectbox, "🌐 Language · 언어", key="app.lang", obj=session, attr="lang", options=text.LANGS,
              format_func=text.LANG_NAMES.get)
        info = device_info()
        icon = {"cuda": "⚡", "mps": "🍎", "cpu": "🧮"}[info.kind]
        memory = f" · {info.memory_gb} GB" if info.memory_gb else ""
        st.caption(t("side.device", icon=icon, kind=info.kind.upper(), name=info.name, memory=memory))
        if info.kind == "cpu":
            st.caption(t("side.cpu_hint"))
        learner.remember()  # this browser's learner id, for the next connection (a reload keeps the answers)


def page_link(slug: str, label: str | None = None, icon: str | None = None) -> None:
    """A link to another page (aecore.app.pages: its file, and by default its name and icon); when this page
    runs on its own (no navigation: tests, a direct script run) a plain link to the page's URL, never an
    exception."""
    page = pages.PAGES[slug]
    label, icon = label or t(page.title), icon or page.icon
    try:
        st.page_link(page.file, label=label, icon=icon)
    except StreamlitAPIException:
        st.markdown(f"{icon} [{label}](/{slug})")


def go(slug: str, label: str | None = None, icon: str | None = None) -> None:
    """Open another page now (after a button); where there is no navigation (a page run alone), a link."""
    try:
        st.switch_page(pages.PAGES[slug].file)
    except StreamlitAPIException:
        page_link(slug, label, icon)
