"""Train: pick the data and a model, train on this machine's GPU or CPU, watch loss and reconstructions."""
import json

import streamlit as st

from aecore import data, presets, ui
from aecore.train import ConfigError, TrainConfig, plan, prepare, reconstruct, suggested

ui.page_setup()
t, P = ui.t, "train."
BATCHES, RATES, SPARSITY = [16, 32, 64, 128, 256, 512, 1024], [1e-4, 3e-4, 1e-3, 3e-3, 1e-2], [0.0, 1e-4, 1e-3, 1e-2, 1e-1]

st.title(t("train.title"))
st.caption(t("train.intro"))

top = st.columns(2)
dataset = ui.choice(top[0].selectbox, t("train.dataset"), list(data.REGISTRY), P + "dataset",
                    format_func=ui.dataset_label)
ui.prefetch(dataset)
builder = st.session_state.get("builder.model")
models = list(presets.PRESETS) + ["custom"]
model = ui.choice(top[1].selectbox, t("train.model"), models, P + "model",
                  format_func=lambda m: t("train.model_custom") if m == "custom" else t("preset." + m))
extra = {}
if model == "custom":
    if not builder or not builder["stack"]:
        st.info(t("train.no_custom"))
        ui.page_link("pages/builder.py", t("train.to_builder"), "🧱")
        st.stop()
    extra = dict(stack=json.dumps(builder["stack"]), dialect=builder["dialect"],
                 input_shape=tuple(builder["input_shape"]))

quick = suggested(dataset, ui.device_info().kind, model)
with st.form(P + "form"):
    c = st.columns(4)
    epochs = c[0].slider(t("train.epochs"), 1, 100, quick["epochs"], key=P + "epochs")
    batch = c[1].select_slider(t("train.batch"), BATCHES, value=quick["batch_size"], key=P + "batch")
    lr = c[2].select_slider(t("train.lr"), RATES, value=quick["lr"], key=P + "lr", format_func=lambda v: f"{v:g}")
    loss = ui.choice(c[3].radio, t("train.loss"), ["auto", "bce", "mse"], P + "loss", horizontal=True,
                     format_func=lambda v: t("train.loss_" + v))
    with st.expander(t("train.denoise_title")):
        d = st.columns(3)
        noise = ui.choice(d[0].selectbox, t("train.noise"), ["none", "gaussian", "salt_pepper", "masking"],
                          P + "noise", format_func=lambda v: t("noise." + v))
        level = d[1].slider(t("train.noise_level"), 0.0, 1.0, 0.2, 0.05, key=P + "level", help=t("train.level_help"))
        sparsity = d[2].select_slider(t("train.sparsity"), SPARSITY, 0.0, key=P + "sparsity",
                                      format_func=lambda v: f"{v:g}", help=t("train.sparsity_help"))
    with st.expander(t("train.advanced")):
        a = st.columns(3)
        seed = a[0].number_input(t("train.seed"), 0, 2**31 - 1, 0, key=P + "seed")
        max_train = a[1].number_input(t("train.max_train"), 16, 1_000_000, quick.get("max_train", 20_000), step=1000,
                                      key=P + "max_train",
                                      help=t("train.max_train_help"))
        params = {}
        if model != "custom":
            for i, (name, spec) in enumerate(p for p in presets.PRESETS[model].params.items()
                                             if p[0] not in ("channels", "side")):
                col = a[2] if i == 0 else st.columns(3)[i % 3]
                params[name] = (col.checkbox(name, spec.default, key=P + f"p.{model}.{name}")
                                if isinstance(spec.default, bool) else
                                int(col.number_input(name, spec.low, spec.high, spec.default, key=P + f"p.{model}.{name}")))
    submitted = st.form_submit_button(t("train.go"), type="primary", icon=":material/play_arrow:")

config = TrainConfig(dataset=dataset, model=model, model_params=tuple(sorted(params.items())) if model != "custom"
                     else (), loss=loss, lr=float(lr), epochs=int(epochs), batch_size=int(batch), seed=int(seed),
                     noise=noise, noise_level=float(level) if noise != "none" else 0.0, sparsity=float(sparsity),
                     max_train=int(max_train), **extra)
if submitted:
    try:
        plan(config, ui.lang())
    except ConfigError as e:
        st.error(str(e), icon=":material/error:")
        if model == "custom":
            ui.page_link("pages/builder.py", t("train.to_builder"), "🧱")
        st.stop()
    st.session_state[P + "config"] = config
    if ui.cached_model(config) is None:
        ui.start_training(config)

current = st.session_state.get(P + "config")
job = st.session_state.get(P + "job")
if current is None:
    st.info(t("train.ready"), icon=":material/info:")
    st.stop()


@st.fragment(run_every=1.0)
def live(job):
    snap = job.snapshot()
    if not job.running:
        st.rerun()
    done = (snap.epoch - 1 + snap.step / max(snap.steps, 1)) / max(snap.epochs, 1) if snap.phase == "training" else 0
    st.progress(min(max(done, 0.0), 1.0), text=ui.progress_text(snap))
    st.button(t("train.stop"), key=P + "stop", on_click=job.stop, icon=":material/stop:")
    rows = [snap.originals, snap.inputs if job.config.noise != "none" else None, snap.outputs]
    ui.training_view(job.config.key() + str(id(job)), snap.version, {"train_loss": snap.train_loss,
                     "test_loss": snap.test_loss}, snap.epochs, "", rows if snap.outputs is not None else
                     [snap.originals], ui.grid_labels(job.config, snap.outputs),
                     stats=ui.run_stats(snap.device, snap.images, snap.epoch_s, snap.images_per_s, snap.running_loss))


if job is not None and job.config == current and job.running:
    live(job)
else:
    result = job.result if job is not None and job.config == current and job.result is not None else None
    result = result or ui.cached_model(current)
    if result is not None:
        p = result.plan
        sample = prepare(data.load(current.dataset).test_x, p, cap=max(256, current.max_train // 4), seed=current.seed)[:8]
        inputs, outputs = reconstruct(result.model, p, sample, current.noise, current.noise_level, current.seed)
        note = {"memory": "train.from_memory", "disk": "train.from_disk"}.get(result.from_cache, "train.finished")
        st.success(t(note, s=f"{result.seconds:.1f}"), icon=":material/check_circle:")
        ui.training_view(current.key() + result.from_cache, -1, result.history, current.epochs, p.loss.upper(),
                         [sample, inputs if current.noise != "none" else None, outputs],
                         ui.grid_labels(current, outputs),
                         stats=ui.run_stats(result.device, result.images, result.history["epoch_s"], None))
    elif job is not None and job.config == current and job.error:
        st.error(job.error, icon=":material/error:")
    elif job is not None and job.config == current:
        st.warning(t("train.phase_stopped"), icon=":material/stop_circle:")
    else:
        st.info(t("train.ready"), icon=":material/info:")
