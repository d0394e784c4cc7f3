"""The run's views: its progress and Stop button, the live numbers, loss curve and picture grid, the view of a
run stopped by hand (continue or keep), and the doctor's verdict with its cure."""
from __future__ import annotations

import io

import streamlit as st
from PIL import Image

from aecore.text import using
from aecore.ui import viz
from aecore.ui.common import callback, lang, t
from aecore.ui.models import keep


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


def progress_bar(job, snap=None) -> None:
    """The run's progress (drawn by a page's polling fragment; its Stop button is not: ``stop_button``)."""
    snap = snap or job.snapshot()
    done = (snap.epoch - 1 + snap.step / max(snap.steps, 1)) / max(snap.epochs, 1) if snap.phase == "training" else 0
    st.progress(min(max(done, 0.0), 1.0), text=progress_text(snap))


def stop_button(job, key: str) -> None:
    """The run's Stop button, drawn outside the fragment that polls the run. Inside it (rerun every second) a
    click in Chromium was sent to the server and never reached the button's callback, on every try of a walk
    through the page (Streamlit 1.67; not reproduced by the browser test's server, cause not found): Stop never
    stopped the run. Outside it, the click reruns the page and the callback runs."""
    st.button(t("train.stop"), key=key, on_click=callback(job.stop), icon=":material/stop:")


@st.cache_data(max_entries=64, show_spinner=False)
def _curve(train: tuple, test: tuple, epochs: int, language: str, loss_name: str):
    with using(language):
        return viz.loss_curve(list(train), list(test), epochs, None, loss_name)


@st.cache_data(max_entries=64, show_spinner=False)
def _picture(key: str, version: int, _rows) -> bytes | None:
    """The grid as PNG bytes, made once per (run, version): polling re-sends, never re-draws."""
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
    why = t("train.stopped_server") if job.status().get("ended_by") == "server" else ""  # a restart, not a learner
    st.warning(" ".join(x for x in (why, where, t("train.stopped_at")) if x), icon=":material/stop_circle:")

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
