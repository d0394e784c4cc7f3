"""Trained models for the pages: memory (bounded, shared by every session) -> disk -> train; a job per
session, a cap per server; the live view of a run; the doctor's verdict; dataset names."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict

import streamlit as st

from aecore.learn import data
from aecore.ui.common import callback, device_info, lang, plain, t


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
    from aecore.learn.pool import RunManager
    m = RunManager.shared()
    if m.liveness is None:
        m.liveness = _connected
        m.warm()  # the workers start while the first learner reads the form
    return m


def session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def _connected(watchers: set) -> bool:
    """Is any of these browser sessions still connected? (Outside a server: yes, nobody is reaped.)"""
    from streamlit import runtime
    if not runtime.exists():
        return True
    server = runtime.get_instance()
    return any(server.is_active_session(w) for w in watchers)


def cached_model(config):
    """The trained model for exactly this config, from memory or disk, else None. Never trains."""
    from dataclasses import replace

    from aecore.learn import store
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
    from aecore.learn import store
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


def find_training(config):
    """The training of exactly these settings that is queued or running (a reloaded tab finds it), or None."""
    return manager().find(config, session_id())


@st.cache_data(max_entries=8, show_spinner=False)
def _packed(key: str, _result) -> bytes:
    from aecore.learn.modelfile import pack
    return pack(_result)


def model_files(tr, result, on_loaded) -> None:
    """Take the model home (one .zip: settings, history, weights) and bring one back (checked like a saved
    one; refused files change nothing). ``on_loaded(result)`` shows a model brought back."""
    from aecore.learn.modelfile import MAX_FILE_MB
    with st.expander(t("file.title"), icon=":material/inventory_2:", expanded=tr.file_note is not None):
        if result is not None:
            c = result.config
            st.download_button(t("file.download"), data=_packed(c.key() + result.from_cache, result),
                               file_name=f"aecore-{c.model}-{c.dataset}-{c.key()[:8]}.zip", mime="application/zip",
                               icon=":material/download:", key="train.download", on_click="ignore")
        st.file_uploader(t("file.upload", mb=MAX_FILE_MB), type=["zip"], key="train.upload",
                         max_upload_size=MAX_FILE_MB, on_change=callback(_brought_back, tr, on_loaded))
        if tr.file_note is not None:
            kind, text = tr.file_note
            (st.success if kind == "ok" else st.error)(plain(text))


def _brought_back(tr, on_loaded) -> None:
    from aecore.learn import store
    from aecore.learn.modelfile import ModelFileError
    file = st.session_state.get("train.upload")
    if file is None:
        tr.file_note = None
        return
    try:
        result = store.put_file(file.getvalue())
    except ModelFileError as e:
        tr.file_note = ("error", str(e) + " " + t("file.kept"))
        return
    _models().put(result.config.key(), result)
    tr.file_note = ("ok", t("file.loaded", what=result.config.model, n=len(result.history.get("train_loss", []))))
    on_loaded(result)


def quick(dataset: str, model: str) -> dict:
    """The quick settings of a model on a dataset for this machine (what the Train form starts from)."""
    from aecore.learn.config import suggested
    return suggested(dataset, device_info().kind, model)


def form_config(session):
    """The TrainConfig the Train form stands for now (the Builder's stack when the model is 'custom').
    Raises LayerError when the Builder's input shape is unreadable."""
    import json

    from aecore.learn.config import TrainConfig
    from aecore.shapes.layers import parse_shape
    tr, b = session.train, session.builder
    s = tr.settings_for(tr.dataset, tr.model, device_info().kind)
    extra = {}
    if tr.model == "custom":
        extra = dict(stack=json.dumps(b.stack()), dialect=b.dialect, input_shape=parse_shape(b.input_text))
    return TrainConfig(dataset=tr.dataset, model=tr.model,
                       model_params=tuple(sorted(s.params.items())) if tr.model != "custom" else (),
                       loss=s.loss, lr=float(s.lr), epochs=int(s.epochs), batch_size=int(s.batch_size), seed=int(s.seed),
                       noise=s.noise, noise_level=float(s.noise_level) if s.noise != "none" else 0.0,
                       sparsity=float(s.sparsity), max_train=int(s.max_train), **extra)


def progress_text(snap) -> str:
    if snap.phase == "queued":
        return t("train.queued", n=snap.queue_position)
    if snap.phase == "data":
        if snap.download:
            done, total, label = snap.download
            size = f"{done / 2**20:.1f} / {total / 2**20:.1f} MB" if total else f"{done / 2**20:.1f} MB"
            return t("train.downloading", label=label, size=size)
        return t("train.loading")
    if snap.phase == "training":
        return t("train.epoch_of", e=snap.epoch, n=snap.epochs, s=snap.step, steps=snap.steps)
    return t("train.phase_" + snap.phase)


def progress_bar(job, key: str, snap=None) -> None:
    """The run's progress and its Stop button."""
    snap = snap or job.snapshot()
    done = (snap.epoch - 1 + snap.step / max(snap.steps, 1)) / max(snap.epochs, 1) if snap.phase == "training" else 0
    st.progress(min(max(done, 0.0), 1.0), text=progress_text(snap))
    st.button(t("train.stop"), key=key, on_click=callback(job.stop), icon=":material/stop:")


@st.cache_data(max_entries=64, show_spinner=False)
def _curve(train: tuple, test: tuple, epochs: int, language: str, loss_name: str):
    from aecore.text import using
    from aecore.ui import viz
    with using(language):
        return viz.loss_curve(list(train), list(test), epochs, None, loss_name)


@st.cache_data(max_entries=64, show_spinner=False)
def _picture(key: str, version: int, _rows) -> bytes | None:
    """The grid as PNG bytes, made once per (run, version): polling re-sends, never re-draws."""
    import io

    from PIL import Image

    from aecore.ui import viz
    grid = viz.image_grid(_rows)
    if grid is None:
        return None
    buffer = io.BytesIO()
    Image.fromarray(grid).save(buffer, format="PNG")
    return buffer.getvalue()


def training_view(key: str, version: int, history: dict, epochs: int, loss_name: str, images_rows, labels,
                  stats: dict | None = None) -> None:
    """Numbers, the loss curve and the grid of originals / inputs / reconstructions.

    Drawn from caches keyed by (run, version), so a page polling every second costs the server almost
    nothing between epochs, and the browser re-plots nothing that did not change.
    """
    if stats:
        st.caption(" · ".join(f"{label}: **{value}**" for label, value in stats.items()))
    left, right = st.columns([5, 6])
    picture = _picture(key, version, images_rows)
    if picture is not None:
        left.image(picture, caption=" · ".join(labels), width="stretch")
    if history.get("train_loss"):  # no empty chart: the picture comes first, plotly only once there is a curve
        right.plotly_chart(_curve(tuple(history["train_loss"]), tuple(history.get("test_loss", [])), epochs,
                                  lang(), loss_name), key="train.chart")
    else:
        right.caption(t("train.curve_soon"))


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


def unavailable(error, on_switch) -> None:
    """A dataset that could not be had: what happened in a learner's words, and a button per offline set
    that switches to it (``on_switch(name)``)."""
    st.error(plain(str(error)), icon=":material/cloud_off:")
    cols = st.columns(len(data.OFFLINE))
    for col, name in zip(cols, data.OFFLINE):
        col.button(t("data.use_offline", name=dataset_name(name)), key=f"offline.{name}",
                   on_click=callback(on_switch, name), icon=":material/offline_pin:")


def grid_labels(config, outputs) -> list[str]:
    labels = [t("grid.originals")]
    if outputs is not None:
        labels += ([t("grid.noisy", kind=t("noise." + config.noise))] if config.noise != "none" else [])
        labels.append(t("grid.reconstructions"))
    return labels


def run_stats(device: str, images: int, epoch_s: list, images_per_s: float | None,
              running_loss: float | None = None) -> dict:
    per_epoch = sum(epoch_s) / len(epoch_s) if epoch_s else None
    speed = images_per_s if images_per_s else (images / per_epoch if per_epoch else None)
    stats = {t("stat.device"): device.upper() or "—", t("stat.images"): f"{images:,}" if images else "—",
             t("stat.epoch_s"): f"{per_epoch:.2f} s" if per_epoch else "—",
             t("stat.speed"): f"{speed:,.0f}" if speed else "—"}
    if running_loss is not None:
        stats[t("stat.running")] = f"{running_loss:.4f}"
    return stats


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


@st.cache_data(max_entries=32, show_spinner=False)
def _diagnosis(key: str, _result):
    from aecore.learn.doctor import diagnose
    from aecore.learn.train import prepare
    c, p = _result.config, _result.plan
    images = data.load(c.dataset)
    train_x = prepare(images.train_x, p, cap=c.max_train, seed=c.seed)
    test_x = prepare(images.test_x, p, cap=256, seed=c.seed)
    return diagnose(_result, train_x, test_x)


def diagnosis(result):
    """The doctor's verdict on a finished run (once per model)."""
    return _diagnosis(result.config.key() + result.from_cache, result)


def doctor(d, on_apply) -> None:
    """The doctor's verdict when a run did not learn the images: what it means and what to try, with a
    button that puts the suggested settings in the form (``on_apply(patch)``)."""
    if d.verdict == "ok":
        return
    with st.container(border=True):
        st.markdown(f"#### 🩺 {t('doctor.title_' + d.verdict)}")
        explain = "doctor.explain_worse" if d.verdict == "collapsed" and d.ratio > 1.05 else "doctor.explain_" + d.verdict
        st.markdown(t(explain, error=f"{d.error:.4f}", baseline=f"{d.baseline:.4f}", ratio=f"{d.ratio:.2f}",
                      spread=f"{100 * d.spread:.0f}"))
        st.markdown(t("doctor.causes"))
        for cause in d.causes:
            st.markdown("- " + t(cause.key, **cause.values))
        patch = d.patch()
        if patch:
            shown = ", ".join(f"{t('doctor.setting_' + k)} {v:g}" if isinstance(v, float) else
                              f"{t('doctor.setting_' + k)} {v}" for k, v in patch.items())
            st.button(t("doctor.apply", what=shown), key="train.doctor_apply", on_click=callback(on_apply, patch),
                      icon=":material/healing:", type="primary")


def stopped_view(job, on_continue, on_keep) -> None:
    """A run stopped by hand: where it stopped, that nothing was kept, and the two ways on: continue from
    exactly there (the result equals a run never stopped), or keep the model as it is now."""
    result, ck = job.result, job.result.checkpoint
    snap = job.snapshot()
    done = len(result.history["train_loss"])
    where = t("train.stopped_in", e=ck.epoch + 1, epochs=result.config.epochs, s=ck.step, steps=ck.steps, n=done) \
        if ck.step else t("train.stopped_after", done=done, n=result.config.epochs)
    st.warning(where + " " + t("train.stopped_at"), icon=":material/stop_circle:")

    def kept():
        k = result.kept()
        keep(k)
        on_keep(k)
    cols = st.columns(2)
    cols[0].button(t("train.continue", n=result.config.epochs - ck.epoch), key="train.continue", type="primary",
                   icon=":material/play_arrow:", on_click=callback(on_continue), width="stretch")
    if ck.done_steps:  # a model that took no step is the untrained one: nothing to keep
        cols[1].button(t("train.keep"), key="train.keep", icon=":material/save:", on_click=callback(kept),
                       width="stretch", help=t("train.keep_help"))
    rows = [snap.originals, snap.inputs if result.config.noise != "none" else None, snap.outputs]
    training_view(result.config.key() + "stopped" + str(id(job)), snap.version, result.history, result.config.epochs,
                  result.plan.loss.upper(), rows, grid_labels(result.config, snap.outputs),
                  stats=run_stats(result.device, result.images, result.history["epoch_s"], None))
