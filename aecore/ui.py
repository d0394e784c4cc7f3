"""The one aecore module that imports streamlit: session language, shared widgets, cached wrappers.

Pages call these; they stay thin (read widgets -> call aecore -> draw). Widget keys are prefixed
with the page ("builder.", "train.", ...); every page also runs alone (tests do).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from aecore import editing, i18n
from aecore.layers import Summary, parse_shape, summarize
from aecore.rules import LayerError, fmt_shape

LANG_KEY = "app.lang"


# ---- language -------------------------------------------------------------------------------------

def lang() -> str:
    value = st.session_state.get(LANG_KEY, "en")
    return value if value in i18n.LANGS else "en"


def t(key: str, **values) -> str:
    return i18n.t(key, lang(), **values)


# ---- page setup -----------------------------------------------------------------------------------

def page_setup() -> None:
    """The first line of every page.

    On a fresh server Streamlit runs the first page requested on its own (its legacy ``pages/`` mode)
    until some session has run app.py's ``st.navigation``: a teacher's link to /builder would open
    without the sidebar or the wide layout. Hand over to app.py, which routes the same URL.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # pragma: no cover - a future streamlit without the legacy mode
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_link(path: str, label: str, icon: str | None = None) -> None:
    """A link to another page; when this page runs on its own (no navigation: tests, a direct script
    run) a plain link to the page's URL, never an exception."""
    from streamlit.errors import StreamlitAPIException
    try:
        st.page_link(path, label=label, icon=icon)
    except StreamlitAPIException:
        slug = path.rsplit("/", 1)[-1].removesuffix(".py")
        st.markdown(f"{icon + ' ' if icon else ''}[{label}](/{slug})")


def choice(widget, label: str, options: list, key: str, format_func=str, default=None, on_change=None, **kw):
    """A radio or selectbox (``widget``: st.radio, a column's selectbox, ...) whose option labels follow the
    language. Streamlit matches a choice by its label, so a new language would silently drop it; the value
    is kept in its own session key and the widget is made anew per language with it selected. English uses
    ``key`` itself. ``on_change(value)`` gets the new value."""
    options = list(options)
    store = key + ".value"
    value = st.session_state.get(store, default)
    if value not in options:
        value = default if default in options else options[0]
    widget_key = key if lang() == "en" else f"{key}.{lang()}"
    callback = None
    if on_change is not None:
        def callback():
            st.session_state[store] = st.session_state[widget_key]
            on_change(st.session_state[widget_key])
    chosen = widget(label, options, index=options.index(value), key=widget_key, format_func=format_func,
                    on_change=callback, **kw)
    st.session_state[store] = chosen
    return chosen


# ---- sidebar --------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def device_info():
    from aecore.devices import detect  # imports torch: once per server, cached
    return detect()


def sidebar() -> None:
    with st.sidebar:
        st.selectbox("🌐 Language · 언어", i18n.LANGS, format_func=i18n.LANG_NAMES.get, key=LANG_KEY)
        info = device_info()
        icon = {"cuda": "⚡", "mps": "🍎", "cpu": "🧮"}[info.kind]
        memory = f" · {info.memory_gb} GB" if info.memory_gb else ""
        st.caption(t("side.device", icon=icon, kind=info.kind.upper(), name=info.name, memory=memory))
        if info.kind == "cpu":
            st.caption(t("side.cpu_hint"))


# ---- the shape table --------------------------------------------------------------------------------

def shape_table(summary: Summary, hide_from: int | None = None, torch_ops: list[str] | None = None) -> None:
    """The live table: failing row in red with its message, the bottleneck marked, warnings in amber."""
    from aecore.lower import torch_shape

    first_shape = summary.input_shape if torch_ops is None else torch_shape(summary.input_shape, summary.dialect)
    rows = [{"#": "", t("table.layer"): t("table.input"), t("table.shape"): fmt_shape(first_shape),
             t("table.params"): ""}]
    styles = [""]
    for r in summary.rows:
        hidden = hide_from is not None and r.index >= hide_from
        mark = " ◆ " + t("table.bottleneck") if r.index == summary.bottleneck and not hidden else ""
        shape = "?" if hidden else fmt_shape(r.output_shape)
        row = {"#": str(r.index), t("table.layer"): r.type + mark, t("table.shape"): shape,
               t("table.params"): f"{r.params:,}", t("table.why"): "" if hidden else (r.why + (
                   "  ⚠ " + r.warning if r.warning else ""))}
        if torch_ops is not None:  # the PyTorch view: torch's (C, H, W) and the ops, instead of Keras's why
            row[t("table.shape")] = "?" if hidden else fmt_shape(torch_shape(r.output_shape, summary.dialect))
            del row[t("table.why")]
            row[t("table.torch_ops")] = torch_ops[r.index] if r.index < len(torch_ops) else ""
        rows.append(row)
        styles.append("background-color: #fff4e0" if mark else "background-color: #fff8d6" if r.warning else "")
    if not summary.ok:
        rows.append({"#": str(summary.error_index), t("table.layer"): "✗", t("table.shape"): "—",
                     t("table.params"): "", t("table.why"): summary.error})
        styles.append("background-color: #fde2e1; color: #8a1c1c; font-weight: 600")
    frame = pd.DataFrame(rows).fillna("")
    styled = frame.style.apply(lambda _: [styles[i] for i in range(len(frame))], axis=0)
    st.table(styled.hide(axis="index"))  # static HTML: long 'why' texts wrap instead of being cut


def shape_banner(summary: Summary) -> None:
    if not summary.ok:
        st.error(t("builder.banner_error", i=summary.error_index), icon=":material/error:")
    elif not summary.rows:
        st.info(t("builder.banner_empty"))
    elif summary.same_as_input:
        st.success(t("builder.banner_same", shape=fmt_shape(summary.output_shape)), icon=":material/check_circle:")
    else:
        st.warning(t("builder.banner_differs", out=fmt_shape(summary.output_shape),
                     inp=fmt_shape(summary.input_shape)), icon=":material/warning:")


# ---- the layer editor (state: builder.layers = [uid...], builder.<uid>.<keyword> = text) ----------

P = "builder."


def _key(uid: int, kw: str) -> str:
    return f"{P}{uid}.{kw}"


def _set_layer(uid: int, spec: dict, dialect: str) -> None:
    """Write one layer's values into its widgets' state (only before those widgets are drawn)."""
    kind = spec["type"]
    st.session_state[_key(uid, "type")] = kind
    main, more = editing.fields(dialect, kind)
    for kw in main + more:
        value = spec.get(kw)
        if (dialect, kw) in editing.CHOICES:
            options = editing.CHOICES[(dialect, kw)]
            st.session_state[_key(uid, kw)] = value if value in options else (
                editing.default_of(dialect, kind, kw) if editing.default_of(dialect, kind, kw) in options else options[0])
        else:
            st.session_state[_key(uid, kw)] = editing.to_text(value)


def load_stack(stack: list[dict], input_shape: tuple, dialect: str) -> None:
    """Replace the builder's stack (a callback: runs before the widgets are drawn)."""
    start = st.session_state.get(P + "next_uid", 0)
    uids = list(range(start, start + len(stack)))
    st.session_state[P + "next_uid"] = start + len(stack)
    st.session_state[P + "layers"] = uids
    st.session_state[P + "dialect"] = dialect
    st.session_state[P + "input"] = ", ".join(str(d) for d in input_shape)
    for uid, spec in zip(uids, stack):
        _set_layer(uid, spec, dialect)
    st.session_state.pop(P + "quiz_row", None)


def current_stack() -> tuple[list[dict], str]:
    """The stack the widgets hold now, and the dialect."""
    dialect = st.session_state.get(P + "dialect", "keras")
    stack = []
    for uid in st.session_state.get(P + "layers", []):
        kind = st.session_state.get(_key(uid, "type"))
        if kind not in editing.layer_types(dialect):
            continue
        spec = {"type": kind}
        main, more = editing.fields(dialect, kind)
        for kw in main + more:
            raw = st.session_state.get(_key(uid, kw))
            value = raw if (dialect, kw) in editing.CHOICES else editing.from_text(raw)
            if value is not None and value != editing.default_of(dialect, kind, kw):
                spec[kw] = value
        stack.append(spec)
    return stack, dialect


def current_summary() -> tuple[Summary | None, str | None]:
    """(summary, None), or (None, message) when the input shape itself is unreadable."""
    stack, dialect = current_stack()
    try:
        shape = parse_shape(st.session_state.get(P + "input", ""), lang())
    except LayerError as e:
        return None, str(e)
    return summarize(stack, shape, dialect, lang()), None


def _move(uid: int, step: int) -> None:
    layers = st.session_state[P + "layers"]
    i = layers.index(uid)
    j = min(max(i + step, 0), len(layers) - 1)
    layers[i], layers[j] = layers[j], layers[i]


def _remove(uid: int) -> None:
    st.session_state[P + "layers"].remove(uid)


def _retype(uid: int, dialect: str, shape: tuple | None) -> None:
    _set_layer(uid, editing.new_layer(dialect, st.session_state[_key(uid, "type")], shape), dialect)


def add_layer(kind: str, shape: tuple | None) -> None:
    dialect = st.session_state.get(P + "dialect", "keras")
    uid = st.session_state.get(P + "next_uid", 0)
    st.session_state[P + "next_uid"] = uid + 1
    st.session_state.setdefault(P + "layers", []).append(uid)
    _set_layer(uid, editing.new_layer(dialect, kind, shape), dialect)


def layer_editor(uid: int, position: int, dialect: str, summary: Summary, hide: bool) -> None:
    """One layer: its type, its keywords, move/remove, and what comes out of it."""
    kind = st.session_state.get(_key(uid, "type"))
    rows = {r.index: r for r in summary.rows}
    shape_in = rows[position - 1].output_shape if position - 1 in rows else summary.input_shape
    with st.container(border=True):
        head = st.columns([4, 5], vertical_alignment="bottom")
        head[0].selectbox(t("builder.type_n", i=position), editing.layer_types(dialect), key=_key(uid, "type"),
                          on_change=_retype, args=(uid, dialect, shape_in))
        right = head[1].container(horizontal=True, vertical_alignment="center", gap="small")
        if position in rows and not hide:
            row = rows[position]
            right.markdown(f"→ **`{fmt_shape(row.output_shape)}`**"
                           + (" ◆" if position == summary.bottleneck else "") + (" ⚠" if row.warning else ""),
                           width="stretch")
        elif summary.error_index == position:
            right.markdown(f":red[**✗ {t('builder.fails_here')}**]", width="stretch")
        elif hide:
            right.markdown("→ **`?`**", width="stretch")
        with right:
            st.button("", icon=":material/arrow_upward:", key=_key(uid, "up"), on_click=_move, args=(uid, -1),
                      help=t("builder.up"), type="tertiary")
            st.button("", icon=":material/arrow_downward:", key=_key(uid, "down"), on_click=_move, args=(uid, 1),
                      help=t("builder.down"), type="tertiary")
            st.button("", icon=":material/delete:", key=_key(uid, "del"), on_click=_remove, args=(uid,),
                      help=t("builder.remove"), type="tertiary")
        main, more = editing.fields(dialect, kind)
        _fields(uid, dialect, kind, main)
        if more:
            with st.expander(t("builder.more")):
                _fields(uid, dialect, kind, more)
        if summary.error_index == position:
            st.error(summary.error)


def _fields(uid: int, dialect: str, kind: str, keywords: list[str]) -> None:
    if not keywords:
        return
    cols = st.columns(min(len(keywords), 3))
    for i, kw in enumerate(keywords):
        col = cols[i % len(cols)]
        default = editing.default_of(dialect, kind, kw)
        label = kw + (" *" if kw in editing.required(dialect, kind) else "")
        if (dialect, kw) in editing.CHOICES:
            col.selectbox(label, editing.CHOICES[(dialect, kw)], key=_key(uid, kw),
                          format_func=lambda v: "None" if v is None else str(v))
        else:
            hint = t("builder.default", v=editing.to_text(default) or "None") if default is not editing.REQUIRED \
                else t("builder.required")
            col.text_input(label, key=_key(uid, kw), placeholder=hint)


# ---- trained models: memory (bounded) -> disk -> train; one training per session, a cap per server ----

class _Models:
    """The last few trained models, shared by every session (read-only: eval mode)."""

    def __init__(self, size: int):
        import threading
        from collections import OrderedDict
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
    import os
    return _Models(int(os.environ.get("AECORE_MODEL_CACHE", "6")))


@st.cache_resource(show_spinner=False)
def scheduler():
    from aecore.jobs import Scheduler, default_slots
    return Scheduler(default_slots(device_info().kind))


def cached_model(config):
    """The trained model for exactly this config, from memory or disk, else None. Never trains."""
    from dataclasses import replace

    from aecore import store
    models = _models()
    hit = models.get(config.key())
    if hit is not None:
        return replace(hit, from_cache="memory")
    hit = store.load(config, device=device_info().kind, lang=lang())
    if hit is not None:
        models.put(config.key(), hit)
    return hit


def start_training(config, key: str = "train.job"):
    """Start (or queue) a training for this session; a running one of this session is stopped first."""
    from aecore import store
    from aecore.train import TrainJob
    old = st.session_state.get(key)
    if old is not None and old.running:
        old.stop()
    models = _models()  # captured here: the thread must not call streamlit

    def done(result):
        store.save(result)
        models.put(result.config.key(), result)
    import os
    threads = max(1, (os.cpu_count() or 2) - 1) if device_info().kind == "cpu" else None
    job = TrainJob(config, scheduler=scheduler(), lang=lang(), on_done=done, threads=threads).start()
    st.session_state[key] = job
    return job


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


@st.cache_data(max_entries=64, show_spinner=False)
def _curve(train: tuple, test: tuple, epochs: int, language: str, loss_name: str):
    from aecore import viz
    return viz.loss_curve(list(train), list(test), epochs, None, language, loss_name)


@st.cache_data(max_entries=64, show_spinner=False)
def _picture(key: str, version: int, _rows) -> bytes | None:
    """The grid as PNG bytes, made once per (run, version): polling re-sends, never re-draws."""
    import io

    from PIL import Image

    from aecore import viz
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


def dataset_label(name: str) -> str:
    from aecore import data
    info = data.REGISTRY[name]
    if info.source == "medmnist":
        import medmnist
        title = medmnist.INFO[name]["python_class"]
        return t("dataset.medmnist", title=title, mb=int(info.download_mb), c=info.channels)
    label = t("dataset." + name)
    if info.source != "offline":
        label += " · " + (t("dataset.local") if data.is_local(name) else t("dataset.download", mb=int(info.download_mb)))
    return label


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
    from aecore import data
    return data.load(name)


def prefetch(name: str) -> None:
    """Load a local dataset while the learner reads the form, so Train starts at once. Never downloads."""
    from aecore import data
    if data.is_local(name):
        try:
            _prefetched(name)
        except data.DatasetUnavailable:
            pass  # said again, clearly, when training starts


# ---- pages that use a trained model --------------------------------------------------------------------

def model_source(prefix: str, default_model: str):
    """Which trained model a page uses: a lesson's model on a dataset (quick settings for this machine), or
    the one this learner trained on the Train page. Returns its TrainConfig."""
    from aecore import data, presets
    from aecore.train import USE_PARAMS, TrainConfig, suggested
    trained = st.session_state.get("train.config")
    options = (["trained"] if trained is not None else []) + list(presets.PRESETS)
    cols = st.columns(2)
    model = choice(cols[0].selectbox, t("use.model"), options, prefix + "model", default=default_model,
                   format_func=lambda m: t("use.trained", what=describe(trained)) if m == "trained"
                   else t("preset." + m))
    if model == "trained":
        cols[1].selectbox(t("train.dataset"), [trained.dataset], format_func=dataset_label, disabled=True,
                          key=prefix + "dataset_fixed")
        return trained
    dataset = choice(cols[1].selectbox, t("train.dataset"), list(data.REGISTRY), prefix + "dataset",
                     format_func=dataset_label)
    kind = "cpu" if device_info().kind == "cpu" else "gpu"
    params = USE_PARAMS[kind].get(model, {})
    if params:
        lesson = presets.defaults(model)
        st.caption(t("use.smaller", ours=", ".join(f"{k} {v}" for k, v in params.items()),
                     lesson=", ".join(f"{k} {lesson[k]}" for k in params)))
    return TrainConfig(dataset=dataset, model=model, model_params=tuple(sorted(params.items())),
                       **suggested(dataset, device_info().kind, model))


def describe(config) -> str:
    if config is None:
        return ""
    what = t("preset." + config.model).split(" · ")[0] if config.model != "custom" else t("train.model_custom")
    noise = f" · {t('noise.' + config.noise)} {config.noise_level:g}" if config.noise != "none" else ""
    return t("use.describe", model=what, data=config.dataset, epochs=config.epochs, noise=noise)


def _set(key: str, value) -> None:
    st.session_state[key] = value


def ready(items: list, prefix: str) -> list:
    """The trained models for ``items`` ([(label, config)]) from the caches. When one is missing it draws
    what is missing, a button to train it, and the training's progress (one model after another), and
    stops the page's script there: what follows a call needs every model."""
    from aecore.train import TrainJob  # noqa: F401 - the job type held in session state
    results = [cached_model(config) for _, config in items]
    if all(r is not None for r in results):
        st.session_state.pop(prefix + "auto", None)
        return results
    job = st.session_state.get(prefix + "job")
    running = job is not None and job.running
    with st.container(border=True):
        st.markdown("#### " + t("use.need_title"))
        for (label, config), result in zip(items, results):
            state = t("use.state_ready") if result is not None else (
                t("use.state_training") if running and job.config == config else t("use.state_missing"))
            st.markdown(f"- **{label}** · {describe(config)} · {state}")
        if running:
            _live_small(job)
        else:
            if job is not None and job.error:
                st.error(job.error, icon=":material/error:")
                st.session_state.pop(prefix + "auto", None)
            elif st.session_state.get(prefix + "auto"):
                missing = next(config for (_, config), r in zip(items, results) if r is None)
                start_training(missing, key=prefix + "job")
                st.rerun()
            st.button(t("use.train_missing"), key=prefix + "go", type="primary", icon=":material/play_arrow:",
                      on_click=_set, args=(prefix + "auto", True))
    st.stop()


@st.fragment(run_every=1.0)
def _live_small(job) -> None:
    snap = job.snapshot()
    if not job.running:
        st.rerun()
    done = (snap.epoch - 1 + snap.step / max(snap.steps, 1)) / max(snap.epochs, 1) if snap.phase == "training" else 0
    st.progress(min(max(done, 0.0), 1.0), text=progress_text(snap))
    st.button(t("train.stop"), key=f"stop.{id(job)}", on_click=job.stop, icon=":material/stop:")


@st.cache_resource(show_spinner=False, max_entries=6)
def _codes(key: str, split: str, cap: int, _result):
    """(images uint8, labels, codes, KeyIndex) of one split, embedded once per model and split."""
    from aecore import data, search
    from aecore.train import fixed_pick, prepare
    config, p = _result.config, _result.plan
    images = data.load(config.dataset)
    x = images.test_x if split == "test" else images.train_x
    y = images.test_y if split == "test" else images.train_y
    pick = fixed_pick(len(x), cap, config.seed)  # training's own pick, so indices mean the same images
    if pick is not None:
        x, y = x[pick], y[pick]
    x = prepare(x, p)
    codes = search.embed(_result.model, p, x)
    return x, y, codes, search.KeyIndex(codes), images.classes


def codes(result, split: str = "test", cap: int = 3000):
    return _codes(result.config.key(), split, cap, result)


def random_button(container, key: str, target: str, n: int) -> None:
    """A 'Random' button that puts a random image number (0 … n−1) into the widget keyed ``target``."""
    import random
    container.button(t("latent.random"), key=key, icon=":material/casino:",
                     on_click=lambda: _set(target, random.randrange(n)))


def images_row(images, captions: list[str], zoom: int = 3) -> None:
    """Small images side by side, each enlarged with sharp pixels, each with its caption."""
    import torch
    import torch.nn.functional as F
    if images is None or not len(images):
        return
    big = F.interpolate(images.float(), scale_factor=zoom, mode="nearest").round().to(torch.uint8)
    pics = [im.permute(1, 2, 0).numpy() if im.shape[0] == 3 else im[0].numpy() for im in big]
    st.image(pics, caption=captions, width=28 * zoom)


DARK_BACKGROUND = ("digits", "mnist", "fashion-mnist")  # light shapes on black: invert ink-on-paper uploads


def upload_box(prefix: str, result):
    """A file uploader for the learner's own image -> uint8 (1, C, H, W) in the model's input, or None."""
    from aecore.upload import MAX_BYTES, UploadError, display_name, invert_if_light, read_image
    p = result.plan
    file = st.file_uploader(t("upload.label", mb=MAX_BYTES // 2**20), type=None, key=prefix + "upload",
                            help=t("upload.help"))
    if file is None:
        return None
    try:
        x, notes = read_image(file.getvalue(), p.channels, p.height, lang())
    except UploadError as e:
        st.error(t("upload.refused", name=display_name(file.name)) + " " + str(e), icon=":material/block:")
        return None
    if result.config.dataset in DARK_BACKGROUND:
        x = invert_if_light(x, notes, lang())
    st.caption(t("upload.read", name=display_name(file.name), c=p.channels, h=p.height, w=p.width)
               + (" " + " ".join(notes) if notes else ""))
    return x


def picked_number(event) -> int | None:
    """The image number (customdata) of the first point a plotly click, box or lasso selected, if any."""
    points = (event or {}).get("selection", {}).get("points", []) if event is not None else []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)):
            data = data[0] if data else None
        if data is not None:
            return int(data)
    return None
