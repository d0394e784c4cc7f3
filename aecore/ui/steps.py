"""The guided lessons' step components, and the models a lesson trains.

A component is ``draw(ctx, reveal) -> facts``. Before the learner commits to an answer it is drawn with
``reveal=False`` and shows only what does not give the answer away; afterwards with ``reveal=True`` it
shows everything and returns the facts the verdict and its explanation are made from (the truth and the
numbers on the screen). A step that needs trained models calls ``ready``, which offers to train them and
stops the page until they are there. Each is built from the tool pages' own pieces (the shape table, the
image rows, the plots) and trains the tool pages' own configs, so a lesson and a tool share one cache.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from aecore.learn import data
from aecore.shapes import presets
from aecore.shapes.layers import summarize
from aecore.ui import state
from aecore.ui.builder import shape_banner, shape_table
from aecore.ui.common import callback, device_info, shown, t
from aecore.use import course
from aecore.use import lessons as recipes

PAGES = {name: f"pages/lesson_{name}.py" for name in course.ORDER}
TOOLS = {"builder": "pages/builder.py", "train": "pages/train.py", "denoise": "pages/denoise.py",
         "similar": "pages/similar.py", "latent": "pages/latent.py", "pca": "pages/pca.py",
         "stacked": "pages/stacked.py"}
DATASETS = {"shapes": "digits", "conv": "ihc", "code3d": "digits", "pca": "digits", "stacked": "digits"}
SHAPE_ROWS = {"conv": 0, "pool": 1, "odd": 4, "trim": 9}   # lesson 1: the row each shape question hides
NOISE_TRAIN, NOISE_TEST, NEIGHBOURS, K_PCA = 0.2, 0.3, 8, 16


@dataclass
class Ctx:
    lesson: str
    step: course.Step
    progress: state.LessonProgress
    session: state.Session

    @property
    def dataset(self) -> str:
        name = self.progress.values.get("dataset", DATASETS[self.lesson])
        return name if name in data.REGISTRY else DATASETS[self.lesson]

    @property
    def kind(self) -> str:
        return device_info().kind


# ---- the configs a lesson trains: the tool pages' own, so the cache is shared -------------------------------

def use_config(model: str, dataset: str, **changes):
    """The model the 'use' pages train by default (quick settings for this machine, smaller on a CPU)."""
    from aecore.learn.config import USE_PARAMS, TrainConfig, suggested
    kind = device_info().kind
    params = USE_PARAMS["cpu" if kind == "cpu" else "gpu"].get(model, {})
    config = TrainConfig(dataset=dataset, model=model, model_params=tuple(sorted(params.items())),
                         **suggested(dataset, kind, model))
    return replace(config, **changes) if changes else config


def configs(lesson: str, dataset: str, kind: str) -> list:
    """Every model a lesson's steps train (the teacher's warm button queues these)."""
    if lesson == "shapes":
        return [use_config("s0-keras-conv", dataset)]
    if lesson == "conv":
        base = use_config("s1-uva-conv", dataset)
        return [base, replace(base, noise="gaussian", noise_level=NOISE_TRAIN)]
    if lesson == "code3d":
        return [use_config("s2-mlp3", dataset)]
    if lesson == "pca":
        return [recipes.linear(dataset, K_PCA, kind), recipes.deep(dataset, K_PCA, kind)]
    greedy = recipes.stacked(dataset, "greedy", device_kind=kind)
    return [recipes.stacked(dataset, "ae", device_kind=kind), recipes.stacked(dataset, "tied", device_kind=kind),
            greedy, recipes.end_to_end_for(greedy)]


def _plan(config):
    from aecore.learn.config import plan
    return plan(config)


# ---- the components ------------------------------------------------------------------------------------------

def _lesson1():
    stack, shape, dialect = presets.make("s0-keras-conv")
    return stack, shape, dialect


def c_hourglass(ctx, reveal):
    from aecore.ui import viz
    stack, shape, dialect = _lesson1()
    summary = summarize(stack, shape, dialect)
    st.plotly_chart(viz.hourglass(summary), key=f"guide.{ctx.lesson}.hourglass")
    return {}


def c_table_to(ctx, reveal):
    row = SHAPE_ROWS[ctx.step.id]
    stack, shape, dialect = _lesson1()
    summary = summarize(stack, shape, dialect)
    shape_table(summary, hide_from=row + 1 if reveal else row)
    h, w, c = summary.rows[row].output_shape
    return {"truth": summary.rows[row].output_shape, "h": h, "w": w, "c": c}


def same_everywhere():
    """Lesson 1's model with the trimming 'valid' convolution made 'same' (the step's 'what if')."""
    stack, shape, dialect = _lesson1()
    stack = [dict(spec) for spec in stack]
    stack[SHAPE_ROWS["trim"]]["padding"] = "same"
    return stack, shape, dialect


def c_what_if_same(ctx, reveal):
    if not reveal:
        shape_table(summarize(*_lesson1()))
        return {}
    summary = summarize(*same_everywhere())
    shape_table(summary)
    shape_banner(summary)
    return {"truth": summary.output_shape}


def _ready(ctx, items):
    from aecore.ui.using import ready
    return ready(items, "guide." + ctx.lesson)


def _rebuilt_rows(result, n: int = 8):
    from aecore.ui import lessons as L
    from aecore.ui.using import images_row
    x, y = L.rebuilt(result.config.key(), n, result)
    images_row(x, [""] * len(x))
    images_row(y, [""] * len(y))
    st.caption(t("course.rebuilt_caption"))


def _loss_chart(ctx, result):
    from aecore.ui import viz
    h = result.history
    st.plotly_chart(viz.curves({t("course.loss_train"): h["train_loss"], t("course.loss_test"): h["test_loss"]},
                               t("course.loss_title"), t("viz.epoch"), t("stacked.test_loss")),
                    key=f"guide.{ctx.lesson}.{ctx.step.id}.loss")


def c_train_rebuild(ctx, reveal):
    if not reveal:
        return {}
    (result,) = _ready(ctx, [(t("preset.s0-keras-conv"), configs("shapes", ctx.dataset, ctx.kind)[0])])
    _loss_chart(ctx, result)
    _rebuilt_rows(result)
    a, b = result.history["train_loss"][-1], result.history["test_loss"][-1]
    from aecore.ui import lessons as L
    return {"truth": course.closer(a, b), "a": a, "b": b, "params": f"{L.unique_params(result.model):,}"}


def _code_row(summary) -> int:
    """The narrowest layer: the code."""
    return summary.bottleneck if summary.bottleneck is not None else 0


def code_of(ctx) -> tuple:
    """(summary, row of the code) of the lesson's first model on the lesson's images."""
    summary = _plan(configs(ctx.lesson, ctx.dataset, ctx.kind)[0]).summary
    return summary, _code_row(summary)


def _code_table(ctx, reveal) -> tuple:
    """The lesson's model's table, its code row hidden until the answer; (summary, facts: truth and row)."""
    summary, row = code_of(ctx)
    shape_table(summary, hide_from=row + 1 if reveal else row)
    return summary, {"truth": summary.rows[row].output_shape, "row": row}


def c_conv_table(ctx, reveal):
    summary, facts = _code_table(ctx, reveal)
    pixels = int(np.prod(summary.input_shape))
    n = int(np.prod(facts["truth"]))
    return {**facts, "n": n, "pixels": pixels, "ratio": f"{pixels / n:.0f}"}


def c_conv_rebuild(ctx, reveal):
    (result,) = _ready(ctx, [(t("preset.s1-uva-conv"), configs("conv", ctx.dataset, ctx.kind)[0])])
    _rebuilt_rows(result)
    return {}


def c_denoise_rows(ctx, reveal):
    if not reveal:
        return {}
    from aecore.ui.using import codes, images_row
    from aecore.use import quality
    base, noisy_cfg = configs("conv", ctx.dataset, ctx.kind)
    plain_m, dae = _ready(ctx, [(t("course.row_plain"), base), (t("course.row_dae"), noisy_cfg)])
    images, labels, _, _, _ = codes(plain_m, "test")
    pick = data.pick_diverse(labels.numpy(), 8, 0)
    clean = images[pick]
    out = quality.compare({"plain": plain_m.model, "dae": dae.model}, plain_m.plan, clean, "gaussian", NOISE_TEST, 0)
    for title, row in ((t("course.row_clean"), clean), (t("course.row_noisy"), out["noisy"]["images"]),
                       (t("course.row_plain"), out["plain"]["images"]), (t("course.row_dae"), out["dae"]["images"])):
        st.markdown(f"**{title}**")
        images_row(row, [""] * len(row))
    a, b = (float(((_unit(out[name]["images"]) - _unit(clean)) ** 2).mean()) for name in ("plain", "dae"))
    return {"truth": course.closer(a, b, ("plain", "dae", "same")), "a": a, "b": b}


def _unit(x):
    import torch
    x = torch.as_tensor(x)
    return x.float() / 255 if x.dtype == torch.uint8 else x.float()


def c_neighbours(ctx, reveal):
    from aecore.ui.using import codes, images_row
    from aecore.use import search
    (result,) = _ready(ctx, [(t("preset.s1-uva-conv"), configs("conv", ctx.dataset, ctx.kind)[0])])
    images, labels, test_codes, _, classes = codes(result, "test")
    v = ctx.progress.values
    i = int(v.get("query", 0)) % len(images)
    st.button(t("course.other_image"), key=f"guide.{ctx.lesson}.other", icon=":material/shuffle:",
              on_click=callback(_other_query, ctx.progress, len(images)))
    st.markdown(f"**{t('course.query')}** · {classes[int(labels[i])]}")
    images_row(images[i:i + 1], [classes[int(labels[i])]], zoom=4)
    facts = {"k": NEIGHBOURS, "cls": classes[int(labels[i])], "n": int(test_codes.shape[1])}
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


def c_medical(ctx, reveal):
    from aecore.ui.guide import open_in_tool  # the same hand-over as the step's own tool button
    if shown("tool"):
        st.button(t("course.conv.medical.go"), key="guide.conv.pathmnist", icon=":material/biotech:",
                  on_click=callback(open_in_tool, ctx.session, ctx.lesson, ctx.step, "pathmnist"))
    return {}


def c_mlp_table(ctx, reveal):
    return _code_table(ctx, reveal)[1]


def c_mlp_rebuild(ctx, reveal):
    (result,) = _ready(ctx, [(t("preset.s2-mlp3"), configs("code3d", ctx.dataset, ctx.kind)[0])])
    _loss_chart(ctx, result)
    _rebuilt_rows(result)
    return {}


def c_space3d(ctx, reveal):
    if not reveal:
        return {}
    from aecore.ui import viz
    from aecore.ui.using import codes
    (result,) = _ready(ctx, [(t("preset.s2-mlp3"), configs("code3d", ctx.dataset, ctx.kind)[0])])
    _, labels, test_codes, _, classes = codes(result, "test")
    points, y = test_codes.numpy()[:1500], labels.numpy()[:1500]
    st.plotly_chart(viz.latent_scatter(points, y, classes), key="guide.code3d.scatter")
    truth, share, chance = course.grouped(points, y)
    return {"truth": truth, "share": share, "chance": chance}


def c_uses(ctx, reveal):
    from aecore.ui.common import page_link
    cols = st.columns(4)
    for col, (path, key, icon) in zip(cols, (("pages/latent.py", "tool.latent", "🌌"),
                                             ("pages/denoise.py", "tool.denoise", "🧽"),
                                             ("pages/anomaly.py", "course.code3d.uses.anomaly", "🚨"),
                                             ("pages/similar.py", "tool.similar", "🔎"))):
        with col:
            page_link(path, t(key), icon)
    return {}


def _two(label_a: str, a: float, label_b: str, b: float, names: tuple = ("a", "b", "same"), **more) -> dict:
    """Two errors side by side, and the facts a 'which is lower' question is checked against."""
    m = st.columns(2)
    m[0].metric(label_a, f"{a:.4g}")
    m[1].metric(label_b, f"{b:.4g}")
    return {"truth": course.closer(a, b, names), "a": a, "b": b, **more}


def _pca(ctx):
    from aecore.ui import lessons as L
    linear_cfg, deep_cfg = configs("pca", ctx.dataset, ctx.kind)
    linear, deep = _ready(ctx, [(t("pca.linear"), linear_cfg), (t("pca.deep"), deep_cfg)])
    return L.pca_compare(linear_cfg.key(), linear), L.test_error(deep_cfg.key(), deep)


def c_pca_numbers(ctx, reveal):
    if not reveal:
        return {"k": K_PCA}
    r, _ = _pca(ctx)
    a, b = r["pca_error"], r["ae_error"]
    return _two(t("course.pca_error", k=K_PCA), a, t("course.ae_error"), b, ("pca", "ae", "same"), k=K_PCA,
                ratio=b / a)


def c_pca_pictures(ctx, reveal):
    from aecore.ui.using import images_row
    r, _ = _pca(ctx)
    n = 8
    st.markdown(f"**{t('course.pca_components')}**")
    images_row(r["components"][:n], [f"PC {i + 1}" for i in range(n)], zoom=2)
    if not reveal:
        return {"n": n}
    st.markdown(f"**{t('course.ae_columns')}**")
    images_row(r["columns"][:n], [f"z{i + 1}" for i in range(n)], zoom=2)
    return {"n": n, "angle": float(np.max(r["angles"])) if len(r["angles"]) else 0.0,
            "truth": course.basis(r["angles"], r["columns"], r["components"])}


def c_pca_deep(ctx, reveal):
    if not reveal:
        return {"k": K_PCA}
    r, deep_error = _pca(ctx)
    a, b = r["pca_error"], deep_error
    return _two(t("course.pca_error", k=K_PCA), a, t("course.deep_error"), b, ("pca", "deep", "same"), k=K_PCA,
                ratio=b / a)


def c_stacked_table(ctx, reveal):
    summary, facts = _code_table(ctx, reveal)
    return {**facts, "params": f"{summary.total_params:,}"}


@st.cache_data(max_entries=8, show_spinner=False)
def _tied_counts(plain_key: str, _plain, _tied) -> tuple:
    """Weights of the two models, built (not trained): counting needs no training."""
    from aecore.learn.families import build_model
    from aecore.ui import lessons as L
    a = build_model(_plan(_plain).summary, "ae")
    b = build_model(_plan(_tied).summary, "tied")
    return L.unique_params(a), L.unique_params(b), L.tie_report(b)


def c_tied_params(ctx, reveal):
    if not reveal:
        return {}
    plain_cfg, tied_cfg = configs("stacked", ctx.dataset, ctx.kind)[:2]
    n_plain, n_tied, report = _tied_counts(plain_cfg.key(), plain_cfg, tied_cfg)
    m = st.columns(2)
    m[0].metric(t("course.params_plain"), f"{n_plain:,}")
    m[1].metric(t("course.params_tied"), f"{n_tied:,}", f"{100 * (n_tied / n_plain - 1):.1f}%", delta_color="off")
    return {"truth": course.saving(n_plain, n_tied), "plain": f"{n_plain:,}", "tied": f"{n_tied:,}",
            "cut": 1 - n_tied / n_plain, "report": report}


def _two_errors(ctx, pair: slice, labels: tuple) -> tuple:
    from aecore.ui import lessons as L
    chosen = configs("stacked", ctx.dataset, ctx.kind)[pair]
    a_model, b_model = _ready(ctx, list(zip(labels, chosen)))
    a, b = L.test_error(chosen[0].key(), a_model), L.test_error(chosen[1].key(), b_model)
    return a, b


def c_tied_error(ctx, reveal):
    if not reveal:
        return {}
    a, b = _two_errors(ctx, slice(0, 2), (t("stacked.plain"), t("stacked.tied")))
    return _two(t("course.error_plain"), a, t("course.error_tied"), b)


def c_greedy(ctx, reveal):
    if not reveal:
        return {}
    a, b = _two_errors(ctx, slice(2, 4), (t("stacked.greedy"), t("stacked.e2e")))
    return _two(t("course.error_greedy"), a, t("course.error_e2e"), b)


COMPONENTS = {
    "hourglass": c_hourglass, "table_to": c_table_to, "what_if_same": c_what_if_same,
    "train_rebuild": c_train_rebuild, "conv_table": c_conv_table, "conv_rebuild": c_conv_rebuild,
    "denoise_rows": c_denoise_rows, "neighbours": c_neighbours, "medical": c_medical, "mlp_table": c_mlp_table,
    "mlp_rebuild": c_mlp_rebuild, "space3d": c_space3d, "uses": c_uses, "pca_numbers": c_pca_numbers,
    "pca_pictures": c_pca_pictures, "pca_deep": c_pca_deep, "stacked_table": c_stacked_table,
    "tied_params": c_tied_params, "tied_error": c_tied_error, "greedy": c_greedy,
}
