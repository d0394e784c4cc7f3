"""The guided lessons' step components (what each step draws; what it trains and computes: aecore.app.guided).

A component is ``draw(ctx, reveal) -> facts``. Before the learner commits to an answer it is drawn with
``reveal=False`` and shows only what does not give the answer away; afterwards with ``reveal=True`` it
shows everything and returns the facts the verdict and its explanation are made from (the truth and the
numbers on the screen). A step that needs trained models calls ``ready``, which offers to train them and
stops the page until they are there. Each is built from the tool pages' own pieces (the shape table, the
image rows, the plots) and trains the tool pages' own configs, so a lesson and a tool share one cache.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from aecore.app import guided, state
from aecore.app.guided import (
    DENOISE_IMAGES,
    NEIGHBOURS,
    NOISE_TEST,
    SHAPE_ROWS,
    code_row,
    configs,
    denoise_facts,
    same_everywhere,
    up_row,
)
from aecore.learn import data
from aecore.learn.config import plan
from aecore.shapes import presets
from aecore.shapes.layers import summarize
from aecore.ui import checkerboard, drawpad, viz
from aecore.ui import lessons as L
from aecore.ui.builder import shape_banner, shape_table
from aecore.ui.common import callback, dataset_name, device_info, page_link, shown, t
from aecore.ui.using import codes, images_row, ready
from aecore.use import course, quality, search


@dataclass
class Ctx:
    lesson: str
    step: course.Step
    progress: state.LessonProgress
    session: state.Session

    @property
    def dataset(self) -> str:
        """The images the lesson uses: the learner's choice when it is on this machine, else the default."""
        return guided.lesson_dataset(self.lesson, self.progress.values.get("dataset"))

    @property
    def step_dataset(self) -> str:
        """The images this step uses: the lesson's, or its stand-in where offline images cannot show it."""
        return guided.step_dataset(self.lesson, self.step.id, self.dataset)

    @property
    def kind(self) -> str:
        return device_info().kind


# ---- the components ------------------------------------------------------------------------------------------

def c_hourglass(ctx, reveal):
    summary = summarize(*presets.make("s0-keras-conv"))
    st.plotly_chart(viz.hourglass(summary), key=f"guide.{ctx.lesson}.hourglass")
    return {}


def c_table_to(ctx, reveal):
    row = SHAPE_ROWS[ctx.step.id]
    summary = summarize(*presets.make("s0-keras-conv"))
    shape_table(summary, hide_from=row + 1 if reveal else row)
    h, w, c = summary.rows[row].output_shape
    return {"truth": summary.rows[row].output_shape, "h": h, "w": w, "c": c}


def c_what_if_same(ctx, reveal):
    if not reveal:
        shape_table(summarize(*presets.make("s0-keras-conv")))
        return {}
    summary = summarize(*same_everywhere())
    shape_table(summary)
    shape_banner(summary)
    return {"truth": summary.output_shape}


def ready_models(ctx, items):
    return ready(items, "guide." + ctx.lesson)


def _rebuilt_rows(result, n: int = 8):
    x, y = L.rebuilt(result.config.key(), n, result)
    images_row(x, [""] * len(x))
    images_row(y, [""] * len(y))
    st.caption(t("course.rebuilt_caption"))


def _loss_chart(ctx, result):
    h = result.history
    st.plotly_chart(viz.curves({t("course.loss_train"): h["train_loss"], t("course.loss_test"): h["test_loss"]},
                               t("course.loss_title"), t("viz.epoch"), t("viz.loss")),
                    key=f"guide.{ctx.lesson}.{ctx.step.id}.loss")


def c_train_rebuild(ctx, reveal):
    if not reveal:
        return {}
    (result,) = ready_models(ctx, [(t("preset.s0-keras-conv"), configs("shapes", ctx.dataset, ctx.kind)[0])])
    _loss_chart(ctx, result)
    _rebuilt_rows(result)
    a, b = result.history["train_loss"][-1], result.history["test_loss"][-1]
    return {"truth": course.closer(a, b), "a": a, "b": b, "params": f"{L.unique_params(result.model):,}"}


def code_of(ctx) -> tuple:
    """(summary, row of the code) of the lesson's first model on the lesson's images."""
    summary = plan(configs(ctx.lesson, ctx.dataset, ctx.kind)[0]).summary
    return summary, code_row(summary)


def code_table(ctx, reveal) -> tuple:
    """The lesson's model's table, its code row and the decoder hidden until the answer, then the whole table;
    (summary, facts: truth and row)."""
    summary, row = code_of(ctx)
    shape_table(summary, hide_from=None if reveal else row)
    return summary, {"truth": summary.rows[row].output_shape, "row": row}


def c_conv_table(ctx, reveal):
    summary, facts = code_table(ctx, reveal)
    pixels = int(np.prod(summary.input_shape))
    n = int(np.prod(facts["truth"]))
    return {**facts, "n": n, "pixels": pixels, "ratio": f"{pixels / n:.0f}"}


def c_conv_up(ctx, reveal):
    summary, _ = code_of(ctx)
    r, facts = up_row(summary)
    shape_table(summary, hide_from=None if reveal else r.index)
    return {**facts, "truth": r.output_shape, "c": r.output_shape[0]}


def c_conv_rebuild(ctx, reveal):
    (result,) = ready_models(ctx, [(t("preset.s1-uva-conv"), configs("conv", ctx.dataset, ctx.kind)[0])])
    _rebuilt_rows(result)
    return {}


def c_denoise_rows(ctx, reveal):
    if not reveal:
        return {"data_note": stand_in_note(ctx)}
    _, plain_cfg, dae_cfg = configs("conv", ctx.dataset, ctx.kind)
    plain_m, dae = ready_models(ctx, [(t("course.row_plain"), plain_cfg), (t("course.row_dae"), dae_cfg)])
    images, labels, _, _, _ = codes(plain_m, "test")
    clean = images[data.pick_diverse(labels.numpy(), DENOISE_IMAGES, 0)]  # the first 8 are one per class
    out = quality.compare({"plain": plain_m.model, "dae": dae.model}, plain_m.plan, clean, "gaussian", NOISE_TEST, 0)
    m = st.columns(3)
    for col, name in zip(m, ("noisy", "plain", "dae")):
        label = "course.row_" + name
        col.metric(t(label), f"{np.mean(out[name]['psnr']):.1f} dB", f"SSIM {np.mean(out[name]['ssim']):.2f}",
                   delta_color="off", delta_arrow="off")
    for title, row in ((t("course.row_clean"), clean), (t("course.row_noisy"), out["noisy"]["images"]),
                       (t("course.row_plain"), out["plain"]["images"]), (t("course.row_dae"), out["dae"]["images"])):
        st.markdown(f"**{title}**")
        images_row(row[:8], [""] * 8)
    st.caption(t("course.conv.noise.caption", n=len(clean)))
    facts = denoise_facts(out)
    return {**facts, "n": len(clean), "data_note": stand_in_note(ctx)}


def stand_in_note(ctx) -> str:
    """A sentence when the step uses other images than the lesson (why), else nothing."""
    if ctx.step_dataset == ctx.dataset:
        return ""
    return t(f"course.{ctx.lesson}.{ctx.step.id}.stand_in", data=dataset_name(ctx.step_dataset),
             lesson_data=dataset_name(ctx.dataset))


def c_neighbours(ctx, reveal):
    (result,) = ready_models(ctx, [(t("preset.s1-uva-conv"), configs("conv", ctx.dataset, ctx.kind)[1])])
    images, labels, test_codes, _, classes = codes(result, "test")
    v = ctx.progress.values
    i = int(v.get("query", 0)) % len(images)
    st.button(t("course.other_image"), key=f"guide.{ctx.lesson}.other", icon=":material/shuffle:",
              on_click=callback(_other_query, ctx.progress, len(images)))
    st.markdown(f"**{t('course.query')}** · {classes[int(labels[i])]}")
    images_row(images[i:i + 1], [classes[int(labels[i])]], zoom=4)
    facts = {"k": NEIGHBOURS, "cls": classes[int(labels[i])], "n": int(test_codes.shape[1]),
             "data_note": stand_in_note(ctx)}
    if not reveal:
        return facts
    rows, _ = search.KeyIndex(test_codes).nearest(test_codes[i], NEIGHBOURS, exclude=i)
    same = int(sum(int(labels[r]) == int(labels[i]) for r in rows))
    st.markdown(f"**{t('course.nearest')}**")
    images_row(images[rows], [("✓ " if int(labels[r]) == int(labels[i]) else "") + classes[int(labels[r])]
                              for r in rows])
    return {**facts, "same": same, "truth": course.neighbours_share(same, NEIGHBOURS)}


def _other_query(progress, n: int) -> None:
    progress.values["query"] = (int(progress.values.get("query", 0)) * 7919 + 101) % n
    progress.answers.pop("similar", None)  # a new image: a new prediction
    progress.right.pop("similar", None)


def c_medical(ctx, reveal):  # the same hand-over as the step's own tool button
    if shown("tool"):
        st.button(t("course.conv.medical.go"), key="guide.conv.pathmnist", icon=":material/biotech:",
                  on_click=callback(open_in_tool, ctx.session, ctx.lesson, ctx.step, "pathmnist"))
    return {}


def c_mlp_table(ctx, reveal):
    return code_table(ctx, reveal)[1]


def c_mlp_rebuild(ctx, reveal):
    (result,) = ready_models(ctx, [(t("preset.s2-mlp3"), configs("code3d", ctx.dataset, ctx.kind)[0])])
    _loss_chart(ctx, result)
    _rebuilt_rows(result)
    return {}


def c_space3d(ctx, reveal):
    if not reveal:
        return {}
    (result,) = ready_models(ctx, [(t("preset.s2-mlp3"), configs("code3d", ctx.dataset, ctx.kind)[0])])
    _, labels, test_codes, _, classes = codes(result, "test")
    points, y = test_codes.numpy()[:1500], labels.numpy()[:1500]
    kept = ctx.session.page("draw." + ctx.lesson).values  # the learner's drawing: a star among the codes
    mine = drawpad.encoded(result, kept.get("drawing"))
    fig = viz.latent_scatter(points, y, classes)
    st.plotly_chart(drawpad.with_point(fig, mine.code) if isinstance(mine, drawpad.Drawn) else fig,
                    key="guide.code3d.scatter")
    drawpad.below(result, kept, f"guide.{ctx.lesson}.draw", mine)
    truth, share, chance = course.grouped(points, y)
    return {"truth": truth, "share": share, "chance": chance}


def c_uses(ctx, reveal):
    cols = st.columns(4)
    for col, (slug, key) in zip(cols, (("latent", "tool.latent"), ("denoise", "tool.denoise"),
                                       ("anomaly", "course.code3d.uses.anomaly"), ("similar", "tool.similar"))):
        with col:
            page_link(slug, t(key))
    return {}


def c_checkerboard(ctx, reveal):
    st.markdown("##### " + t("checker.decoders"))
    checkerboard.decoders(ctx.dataset, ctx.kind)
    if not reveal:
        return {}
    results = ready_models(ctx, checkerboard.items(ctx.dataset, ctx.kind))
    return checkerboard.reveal(results, f"guide.{ctx.lesson}.checker")


COMPONENTS = {  # lessons 1-3 (lessons 4 and 5: aecore/ui/steps_models.py)
    "hourglass": c_hourglass, "table_to": c_table_to, "what_if_same": c_what_if_same,
    "train_rebuild": c_train_rebuild, "conv_table": c_conv_table, "conv_up": c_conv_up, "conv_rebuild": c_conv_rebuild,
    "denoise_rows": c_denoise_rows, "neighbours": c_neighbours, "medical": c_medical, "mlp_table": c_mlp_table,
    "mlp_rebuild": c_mlp_rebuild, "space3d": c_space3d, "uses": c_uses, "checkerboard": c_checkerboard,
}


# ---- to the full tool --------------------------------------------------------------------------------------------

def open_in_tool(session, lesson: str, step: course.Step, dataset: str) -> None:
    """Put the step's model and data into the tool page's state (aecore.app.guided) and go there."""
    st.session_state["guide.go"] = guided.open_in_tool(session, lesson, step, dataset, device_info().kind)
