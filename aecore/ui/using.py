"""The pages that use a trained model: which model (a lesson's, or the one this learner trained), training
what is missing, the codes of a split, rows of images, the learner's own upload."""
from __future__ import annotations

import random

import streamlit as st
import torch
import torch.nn.functional as F

from aecore.app import defaults, pages
from aecore.learn import data
from aecore.learn.train import fixed_pick, prepare
from aecore.shapes import presets
from aecore.ui import state, viz
from aecore.ui.common import bound, callback, class_labels, dataset_label, dataset_name, device_info, plain, shown, t
from aecore.ui.models import cached_model, find_training, rebuild, start_training, unavailable
from aecore.ui.runview import progress_bar, stop_button
from aecore.use import checkerboard, search
from aecore.use.upload import MAX_BYTES, UploadError, display_name, invert_if_light, read_image


def model_source(page: str):
    """Which trained model a page uses: a lesson's model on a dataset (the default config for this machine:
    aecore.app.defaults), or the one this learner trained on the Train page. Returns its TrainConfig."""
    session = state.get()
    default_model = pages.default_model(page)
    use = session.page(page)
    trained = session.train.config if _trained(session) else None
    options = (["trained"] if trained is not None else []) + list(presets.PRESETS)
    if use.model == "trained" and trained is None:
        use.model = default_model
    if shown("model"):
        cols = st.columns(2)
        bound(cols[0].selectbox, t("use.model"), key=page + ".model", obj=use, attr="model", options=options,
              default=default_model, format_func=lambda m: t("use.trained", what=describe(trained))
              if m == "trained" else t("preset." + m))
        if use.model == "trained":
            cols[1].selectbox(t("train.dataset"), [trained.dataset], format_func=dataset_label, disabled=True,
                              key=page + ".dataset_fixed")
        else:
            bound(cols[1].selectbox, t("train.dataset"), key=page + ".dataset", obj=use, attr="dataset",
                  options=list(data.REGISTRY), format_func=dataset_label)
    if use.model == "trained":
        return trained
    params = defaults.smaller(use.model, device_info().kind)
    if params:
        lesson = presets.defaults(use.model)
        st.caption(t("use.smaller", ours=", ".join(f"{t('param.' + k)} {v}" for k, v in params.items()),
                     lesson=", ".join(f"{t('param.' + k)} {lesson[k]}" for k in params)))
    return defaults.config(use.model, use.dataset, device_info().kind)


def _trained(session) -> bool:
    """The learner's last Train run, when it finished (or was kept) and is in the cache."""
    config = session.train.config
    return config is not None and cached_model(config) is not None


def describe(config) -> str:
    if config is None:
        return ""
    way = checkerboard.lab_way(config)  # the checkerboard lab's decoders are custom stacks, not the learner's
    what = t("preset." + config.model).split(" · ")[0] if config.model != "custom" else \
        t("checker.way_" + way) if way else t("train.model_custom")
    sizes = [f"{t('param.' + k)} {v}" for k, v in config.model_params if k in ("base", "latent")]
    if sizes:  # the sizes this model really has (a CPU trains lesson 2's model smaller than the lesson's)
        what += f" ({', '.join(sizes)})"
    noise = f" · {t('noise.' + config.noise)} {config.noise_level:g}" if config.noise != "none" else ""
    stopped = " · " + t("use.stopped_at", steps=config.stop_at) if config.stop_at else ""
    return t("use.describe", model=what, data=dataset_name(config.dataset), n=config.epochs,
             noise=noise) + stopped


def ready(items: list, page: str) -> list:
    """The trained models for ``items`` ([(label, config)]) from the caches. When one is missing it draws
    what is missing, a button to train it, and the training's progress (one model after another), and
    stops the page's script there: what follows a call needs every model."""
    results = [cached_model(config) for _, config in items]
    use = state.get().use.get(page) or state.get().page(page)
    if all(r is not None for r in results):
        use.auto = False
        return results
    job = use.job
    if job is None:  # a reloaded tab: the training this page started may still run
        missing = next(config for (_, config), r in zip(items, results) if r is None)
        job = use.job = find_training(missing)
    running = job is not None and job.running
    with st.container(border=True):
        st.markdown("#### " + t("use.need_title"))
        for (label, config), result in zip(items, results):
            status = t("use.state_ready") if result is not None else (
                t("use.state_training") if running and job.config == config else t("use.state_missing"))
            st.markdown(f"- **{label}** · {describe(config)} · {status}")
        if running:
            stop_button(job, f"{page}.stop.{job.id}")
            _live_small(job)
        else:
            if job is not None and job.error:
                use.auto = False
                if isinstance(job.failure, data.DatasetUnavailable):
                    unavailable(job.failure, lambda name: _switch_dataset(use, name))
                else:
                    st.error(plain(job.error), icon=":material/error:")
            elif job is not None and job.phase == "stopped":  # the learner's Stop: nothing starts until asked
                use.auto = False
                st.warning(t("use.stopped"), icon=":material/stop_circle:")
            elif use.auto:
                missing = next(config for (_, config), r in zip(items, results) if r is None)
                try:
                    use.job = start_training(missing)
                except OSError as e:  # a full or read-only disk: said in words, and no more tries
                    use.auto = False
                    st.error(plain(str(e)), icon=":material/sd_card_alert:")
                else:
                    st.rerun()
            st.button(t("use.train_missing"), key=page + ".go", type="primary", icon=":material/play_arrow:",
                      on_click=callback(_auto, use))
    st.stop()


def _auto(use) -> None:
    use.auto, use.job = True, None


def train_all(items: list, page: str, slot: str, label: str) -> list:
    """Like ``ready`` but never stops the page: the cached results (None where missing), and below the
    caller's content a line that says how many are ready, a button that trains the missing ones one after
    another (queued like any training), and the progress of the one in training."""
    results = [cached_model(config) for _, config in items]
    use = state.get().page(page)
    job = use.jobs.get(slot)
    missing = [config for (_, config), r in zip(items, results) if r is None]
    if not missing:
        use.autos.discard(slot)
        return results
    if job is None:
        job = find_training(missing[0])
        if job is not None:
            use.jobs[slot] = job
    running = job is not None and job.running
    with st.container(border=True):
        st.caption(t("use.batch_state", ready=len(items) - len(missing), n=len(items), what=label))
        if running:
            stop_button(job, f"{page}.{slot}.stop.{job.id}")
            _live_small(job)
        elif job is not None and job.error:
            use.autos.discard(slot)
            st.error(plain(job.error), icon=":material/error:")
        elif job is not None and job.phase == "stopped":  # the learner's Stop: nothing starts until asked
            use.autos.discard(slot)
            st.warning(t("use.stopped"), icon=":material/stop_circle:")
        elif slot in use.autos:
            try:
                use.jobs[slot] = start_training(missing[0])
            except OSError as e:  # a full or read-only disk: said in words, and no more tries
                use.autos.discard(slot)
                st.error(plain(str(e)), icon=":material/sd_card_alert:")
                return results
            st.rerun()
        if not running:
            st.button(t("use.batch_go", n=len(missing)), key=f"{page}.{slot}.go", icon=":material/play_arrow:",
                      on_click=callback(_auto_slot, use, slot))
    return results


def _auto_slot(use, slot: str) -> None:
    use.autos.add(slot)
    use.jobs.pop(slot, None)


def _switch_dataset(use, name: str) -> None:
    use.dataset, use.job, use.auto = name, None, False
    if use.model == "trained":
        use.model = "s0-keras-conv"


@st.fragment(run_every=1.0)
def _live_small(job) -> None:
    if not job.running:
        st.rerun()
    progress_bar(job)


def label_of(config) -> str:
    """A short name for a run in a list: its model, data, family and the settings that set it apart."""
    return describe(config) + (f" · {t('family.' + config.family)}" if config.family != "ae" else "")


@st.cache_resource(show_spinner=False, max_entries=6)
def _codes(key: str, split: str, cap: int, _result):
    """(images uint8, labels, codes, KeyIndex) of one split, embedded once per model and split."""
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
    """(images, labels, codes, index, class names in this session's language) of a split."""
    x, y, z, index, classes = _codes(result.config.key(), split, cap, result)
    return x, y, z, index, class_labels(classes)


def random_button(container, key: str, obj, attr: str, n: int) -> None:
    """A 'Random' button that puts a random image number (0 … n−1) into ``obj[attr]``."""

    def pick():
        obj[attr] = random.randrange(n)
    container.button(t("latent.random"), key=key, icon=":material/casino:", on_click=callback(pick))


def images_row(images, captions: list[str], zoom: int = 3) -> None:
    """Small images side by side, each enlarged with sharp pixels, each with its caption."""
    if images is None or not len(images):
        return
    big = F.interpolate(images.float(), scale_factor=zoom, mode="nearest").round().to(torch.uint8)
    pics = [im.permute(1, 2, 0).numpy() if im.shape[0] == 3 else im[0].numpy() for im in big]
    st.image(pics, caption=captions, width=28 * zoom)


NEIGHBOURS = 6  # training images shown beside a picked point


def point_panel(result, x, code, label: str, prefix: str, note: str = "", neighbours: str | None = "latent.neighbours",
                ) -> None:
    """One image (uint8 (1, C, H, W)) and its code: the image (captioned ``label``), what the model rebuilds,
    |x − x̂| per pixel, a ``note`` under them, and (with the text key ``neighbours``) the training images whose codes
    are nearest to its code (exact search: search.KeyIndex). A point picked on the Latent space page, or a drawing."""
    recon = rebuild(result, x)
    cols = st.columns([1, 1, 2])
    with cols[0]:
        images_row(x, [label], zoom=5)
    with cols[1]:
        images_row(recon, [t("latent.reconstruction")], zoom=5)
    cols[2].plotly_chart(viz.error_map(x[0], recon[0]), key=prefix + "error")
    if note:
        st.caption(note)
    if neighbours is None:
        return
    train_x, train_y, _, index, classes = codes(result, "train")
    rows, dist = index.nearest(code, NEIGHBOURS)
    st.markdown(f"**{t(neighbours, k=len(rows))}**")
    captions = [f"#{int(i)} · {classes[int(train_y[i])]} · d={float(d):.2f}" for i, d in zip(rows, dist)]
    images_row(train_x[rows], captions)


DARK_BACKGROUND = ("digits", "mnist", "fashion-mnist")  # light shapes on black: invert ink-on-paper uploads


def upload_box(page: str, result):
    """A file uploader for the learner's own image -> uint8 (1, C, H, W) in the model's input, or None."""
    if not shown("upload"):
        return None
    p = result.plan
    file = st.file_uploader(t("upload.label", mb=MAX_BYTES // 2**20), type=None, key=page + ".upload",
                            help=t("upload.help"), max_upload_size=max(1, MAX_BYTES // 2**20))
    if file is None:
        return None
    try:
        x, notes = read_image(file.getvalue(), p.channels, p.height)
    except UploadError as e:
        st.error(t("upload.refused", name=display_name(file.name)) + " " + plain(str(e)), icon=":material/block:")
        return None
    if result.config.dataset in DARK_BACKGROUND:
        x = invert_if_light(x, notes)
    st.caption(t("upload.read", name=display_name(file.name), n=p.channels, h=p.height, w=p.width)
               + (" " + " ".join(notes) if notes else ""))
    return x


def picked_number(event) -> int | None:
    """The image number (customdata) of the first point a plotly click, box or lasso selected, if any."""
    points = (event or {}).get("selection", {}).get("points", []) if event is not None else []
    for point in points:
        value = point.get("customdata")
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        if value is not None:
            return int(value)
    return None
