"""Trained models for the pages: memory (bounded, shared by every session) -> disk -> train in the server's
workers; a job per session, a cap per server; a model file taken home and brought back; the computations the
pages show of a finished model (its test rows, the doctor's verdict), once per model; datasets loaded ahead."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import replace

import streamlit as st
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from aecore.learn import data, store
from aecore.learn.disk import cannot_write
from aecore.learn.doctor import examine
from aecore.learn.modelfile import MAX_FILE_MB, ModelFileError, pack
from aecore.learn.notebook import notebook_bytes
from aecore.learn.pool import RunManager
from aecore.learn.train import prepare, reconstruct
from aecore.ui.common import callback, dataset_name, device_info, lang, plain, t


class _Models:
    """The last few trained models, shared by every session (read-only: eval mode)."""

    def __init__(self, size: int):
        self.size, self._items, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: str, result) -> None:
        with self._lock:
            self._items[key] = result
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


@st.cache_resource(show_spinner=False)
def _models() -> _Models:
    return _Models(int(os.environ.get("AECORE_MODEL_CACHE", "6")))


def manager():
    """The server's one queue of trainings (their workers are processes of their own)."""
    m = RunManager.shared()
    if m.liveness is None:
        m.liveness = _connected
        m.warm()  # the workers start while the first learner reads the form
    return m


def session_id() -> str | None:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def _connected(watchers: set) -> bool:
    """Is any of these browser sessions still connected? (Outside a server: yes, nobody is reaped.)"""
    if not runtime.exists():
        return True
    server = runtime.get_instance()
    return any(server.is_active_session(w) for w in watchers)


def cached_model(config):
    """The trained model for exactly this config, from memory or disk, else None. Never trains."""
    models = _models()
    hit = models.get(config.key())
    if hit is not None:
        return replace(hit, from_cache="memory")
    hit = store.load(config, device=device_info().kind)
    if hit is not None:
        models.put(config.key(), hit)
    return hit


def keep(result) -> None:
    """Save a finished run and share it (memory and disk): the same settings come back at once."""
    store.save(result)
    _models().put(result.config.key(), result)


def start_training(config, old=None, resume=None):
    """Queue a training of ``config`` in the server's workers, or join the one already running with the same
    settings. ``old``: this session's previous run, left (stopped if nobody else waits for it). ``resume``:
    the stopped run to continue from. Returns the run's handle (kept in the session state)."""
    m, me = manager(), session_id()
    if old is not None and old.running and old.folder != getattr(resume, "folder", None) and old.config != config:
        m.leave(old.folder, me)
    if resume is not None:
        done = resume.result.checkpoint.done_steps if resume.result is not None else 0
        return m.submit(config, lang(), me, resume_from=resume.id, done_steps=done)
    return m.submit(config, lang(), me)


def find_training(config, stopped: bool = False):
    """The training of exactly these settings that is queued or running (a reloaded tab finds it), or None; with
    ``stopped``, else the newest stopped run of them that can be continued."""
    return manager().find(config, session_id(), stopped=stopped)


@st.cache_data(max_entries=8, show_spinner=False)
def _packed(key: str, _result) -> bytes:
    return pack(_result)


@st.cache_data(max_entries=8, show_spinner=False)
def _notebook(key: str, language: str, _config) -> bytes:  # the key and the language: the cache key
    return notebook_bytes(_config)


def model_files(tr, result, on_loaded) -> None:
    """Take the model home (one .zip: settings, history, weights) and bring one back (checked like a saved
    one; refused files change nothing). ``on_loaded(result)`` shows a model brought back."""
    with st.expander(t("file.title"), icon=":material/inventory_2:", expanded=tr.file_note is not None):
        if result is not None:
            c, name = result.config, f"aecore-{result.config.model}-{result.config.dataset}-{result.config.key()[:8]}"
            with st.container(horizontal=True):  # the model file, and its settings as a notebook beside it
                st.download_button(t("file.download"), data=_packed(c.key() + result.from_cache, result),
                                   file_name=name + ".zip", mime="application/zip", icon=":material/download:",
                                   key="train.download", on_click="ignore")
                st.download_button(t("file.notebook"), data=_notebook(c.key(), lang(), c),
                                   help=t("file.notebook_help"), file_name=name + ".ipynb",
                                   mime="application/x-ipynb+json", icon=":material/description:",
                                   key="train.notebook", on_click="ignore")
        st.file_uploader(t("file.upload", mb=MAX_FILE_MB), type=["zip"], key="train.upload",
                         max_upload_size=MAX_FILE_MB, on_change=callback(_brought_back, tr, on_loaded))
        if tr.file_note is not None:
            kind, text = tr.file_note
            (st.success if kind == "ok" else st.error)(plain(text))


def _brought_back(tr, on_loaded) -> None:
    file = st.session_state.get("train.upload")
    if file is None:
        tr.file_note = None
        return
    try:
        result = store.put_file(file.getvalue())
    except ModelFileError as e:
        tr.file_note = ("error", str(e) + " " + t("file.kept"))
        return
    except OSError as e:  # the file is good, the store cannot take it (a full or read-only disk): said in words
        tr.file_note = ("error", str(cannot_write("disk.what_model", store.url(), e)))
        return
    _models().put(result.config.key(), result)
    tr.file_note = ("ok", t("file.loaded", what=result.config.model, n=len(result.history.get("train_loss", []))))
    on_loaded(result)


@st.cache_resource(show_spinner=False, max_entries=3)
def _prefetched(name: str):
    return data.load(name)


def prefetch(name: str) -> None:
    """Load a local dataset while the learner reads the form, so Train starts at once. Never downloads."""
    if data.is_local(name):
        try:
            _prefetched(name)
        except data.DatasetUnavailable:
            pass  # said again, clearly, when training starts


def unavailable(error, on_switch) -> None:
    """A dataset that could not be had: what happened in a learner's words, and a button per offline set
    that switches to it (``on_switch(name)``)."""
    st.error(plain(str(error)), icon=":material/cloud_off:")
    cols = st.columns(len(data.OFFLINE))
    for col, name in zip(cols, data.OFFLINE):
        col.button(t("data.use_offline", name=dataset_name(name)), key=f"offline.{name}",
                   on_click=callback(on_switch, name), icon=":material/offline_pin:")


def rebuild(result, x):
    """What the model rebuilds from images ``x`` (uint8, as a split or ``using.codes`` gives them)."""
    return reconstruct(result.model, result.plan, x)[1]


def test_rows(result, n: int = 8) -> tuple:
    """A finished run's picture rows: ``n`` test images, what the model was given (None without noise) and what
    it rebuilt."""
    c = result.config
    sample = prepare(data.load(c.dataset).test_x, result.plan, cap=max(256, c.max_train // 4), seed=c.seed)[:n]
    inputs, outputs = reconstruct(result.model, result.plan, sample, c.noise, c.noise_level, c.seed)
    return sample, inputs if c.noise != "none" else None, outputs


@st.cache_data(max_entries=32, show_spinner=False)
def _diagnosis(key: str, _result):
    return examine(_result)


def diagnosis(result):
    """The doctor's verdict on a finished run (once per model)."""
    return _diagnosis(result.config.key() + result.from_cache, result)
