"""Train: pick the data and a model, train on this machine's GPU or CPU, watch loss and reconstructions."""
import streamlit as st

from aecore import ui
from aecore.learn import data
from aecore.learn.config import ConfigError, plan
from aecore.shapes import presets
from aecore.shapes.rules import LayerError

session = ui.page_setup("train")
tr, b = session.train, session.builder
t, P = ui.t, "train."

st.title(t("train.title"))
st.caption(t("train.intro"))
if tr.note:
    st.info(t("train.note_" + tr.note, n=len(b.layers)), icon=":material/login:")
    tr.note = None

top = st.columns(2)
if ui.shown("dataset"):
    ui.bound(top[0].selectbox, t("train.dataset"), key=P + "dataset", obj=tr, attr="dataset",
             options=list(data.REGISTRY), format_func=ui.dataset_label)
if ui.shown("model"):
    ui.bound(top[1].selectbox, t("train.model"), key=P + "model", obj=tr, attr="model",
             options=list(presets.PRESETS) + ["custom"],
             format_func=lambda m: t("train.model_custom") if m == "custom" else t("preset." + m))
ui.prefetch(tr.dataset)
if tr.model == "custom":
    if not b.layers:
        st.info(t("train.no_custom"))
        ui.page_link("builder", t("train.to_builder"))
        st.stop()
    st.caption(t("train.custom_is", n=len(b.layers), shape=b.input_text, dialect=b.dialect))

s = tr.settings_for(tr.dataset, tr.model, ui.device_kind())
ui.form.settle(s, tr.dataset, tr.model)  # a value set past the widgets is made one they offer, and said
fields = ui.form.pairs(s, tr.model)

def submit():
    ui.read_form(fields)
    tr.error = None
    try:
        config = session.form_config(ui.device_kind())
        plan(config)
    except (ConfigError, LayerError) as e:
        tr.error = str(e)
        return
    tr.config = config
    if ui.cached_model(config) is None and not (tr.job is not None and tr.job.running and tr.job.config == config):
        try:
            tr.job = ui.start_training(config, old=tr.job)
        except OSError as e:  # a full or read-only disk: said in words (aecore.learn.runs.cannot_write)
            tr.error = str(e)


def apply_patch(config, patch):
    tr.dataset, tr.model = config.dataset, config.model
    target = tr.settings_for(config.dataset, config.model, ui.device_kind())
    for k, v in patch.items():
        setattr(target, k, v)
    tr.note = "doctor"


def switch_dataset(name):
    tr.dataset, tr.config, tr.job = name, None, None


with st.form(P + "form", border=True):
    if ui.shown("settings"):
        ui.form.group("settings", s, tr.model, 4)
    if ui.shown("denoise"):
        with st.expander(t("train.denoise_title")):
            ui.form.group("denoise", s, tr.model, 3)
    if ui.shown("advanced"):
        with st.expander(t("train.advanced")):
            ui.form.group("advanced", s, tr.model, 3)
    st.form_submit_button(t("train.go"), type="primary", icon=":material/play_arrow:", on_click=ui.callback(submit))

if tr.error:
    st.error(ui.plain(tr.error), icon=":material/error:")
    if tr.model == "custom":
        ui.page_link("builder", t("train.to_builder"))
ui.share_box("train")


def show_file_model(result):
    tr.config, tr.job = result.config, None
    if result.config.model != "custom":
        tr.dataset, tr.model = result.config.dataset, result.config.model


ended = tr.config is not None and (tr.job is None or not tr.job.running)
ui.models.model_files(tr, ui.cached_model(tr.config) if ended else None, show_file_model)

try:
    shown = session.form_config(ui.device_kind())  # the settings the form shows now
except (ConfigError, LayerError):
    shown = None
if tr.job is None:  # a reloaded tab, or a second learner: the training of these settings, if one runs
    found = ui.models.find_training(tr.config or shown) if (tr.config or shown) is not None else None
    if found is not None:
        tr.config, tr.job = found.config, found
    elif tr.config is None and tr.from_link and shown is not None and ui.cached_model(shown) is not None:
        tr.config = shown  # a reload (or a link) of settings already trained: their result
    elif tr.config is None and tr.from_link and shown is not None:
        found = ui.models.find_training(shown, stopped=True)  # a reload of a stopped run: Continue is offered
        if found is not None:
            tr.config, tr.job = found.config, found
    tr.from_link = False
current, job = tr.config, tr.job
if current is None:
    st.info(t("train.ready"), icon=":material/info:")
    st.stop()
if shown is not None and shown != current:
    st.caption(t("train.last_run", what=ui.describe(current)))


@st.fragment(run_every=1.0)
def waiting(job):
    """Queued or loading: a line of status, nothing else to draw, so forty waiting pages cost almost nothing."""
    snap = job.snapshot()
    if snap.phase not in ("queued", "data"):
        st.rerun()
    ui.progress_bar(job, snap)


@st.fragment(run_every=1.0)
def live(job):
    snap = job.snapshot()
    if not job.running:
        st.rerun()
    ui.progress_bar(job, snap)
    rows = [snap.originals, snap.inputs if job.config.noise != "none" else None, snap.outputs]
    ui.training_view(job.id, snap.version, {"train_loss": snap.train_loss, "test_loss": snap.test_loss},
                     snap.epochs, "", rows if snap.outputs is not None else [snap.originals],
                     ui.grid_labels(job.config, snap.outputs),
                     stats=ui.run_stats(snap.device, snap.images, snap.epoch_s, snap.images_per_s, snap.running_loss))


mine = job is not None and job.config == current
if mine and job.running:
    ui.stop_button(job, P + "stop")
    (waiting if job.snapshot().phase in ("queued", "data") else live)(job)
    st.stop()
if mine and job.kept_config is not None:  # the server's time budget ended it: the model it kept
    tr.config = current = job.kept_config
    st.info(job.status().get("message", ""), icon=":material/timer:")
result = job.result if mine and job.result is not None else ui.cached_model(current)
if mine and job.result is not None and job.result.stopped:
    ui.runview.stopped_view(job, on_continue=lambda: setattr(tr, "job", ui.start_training(current, old=job,
                                                                                        resume=job)),
                             on_keep=lambda kept: setattr(tr, "config", kept.config))
elif result is not None:
    p = result.plan
    sample, inputs, outputs = ui.models.test_rows(result)
    note = {"memory": "train.from_memory", "disk": "train.from_disk"}.get(result.from_cache, "train.finished")
    done = t("train.kept_partial" if current.stop_at else note, s=f"{result.seconds:.1f}", steps=current.stop_at)
    verdict = ui.models.diagnosis(result)
    if verdict.verdict == "collapsed":
        st.warning(t("train.not_learned", done=done), icon=":material/sick:")
    else:
        st.success(done, icon=":material/check_circle:")
    ui.doctor(verdict, on_apply=lambda patch: apply_patch(current, patch))
    ui.training_view(current.key() + result.from_cache, -1, result.history, current.epochs, p.loss.upper(),
                     [sample, inputs, outputs], ui.grid_labels(current, outputs),
                     stats=ui.run_stats(result.device, result.images, result.history["epoch_s"], None))
elif mine and job.error:
    if isinstance(job.failure, data.DatasetUnavailable):
        ui.unavailable(job.failure, switch_dataset)
    else:
        st.error(ui.plain(job.error), icon=":material/error:")
elif mine:
    st.warning(t("train.stopped_early"), icon=":material/stop_circle:")
else:
    st.info(t("train.ready"), icon=":material/info:")
