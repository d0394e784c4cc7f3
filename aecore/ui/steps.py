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
from aecore.learn.config import plan
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
# The datasets the source lessons used (seeds/000-004), in the order a lesson prefers them. A lesson uses the
# first one that is in the data folder; until one is, its offline set above stands in. A lesson page never
# downloads: the Class view's warm button (or the Train page) does.
SOURCES = {"shapes": ("mnist",), "conv": ("cifar10", "pathmnist"), "code3d": ("fashion-mnist",),
           "pca": ("mnist",), "stacked": ("mnist",)}
SHAPE_ROWS = {"conv": 0, "pool": 1, "odd": 4, "trim": 9}   # lesson 1: the row each shape question hides
# Lesson 2's denoising: σ on pixels in [0, 1], the same in training and test. Measured on digits (2 CPU cores,
# 10 epochs): plain 17.9 dB / SSIM 0.76, denoising 21.4 dB / 0.86 at σ = 0.5; at 0.2/0.3 the two differ by
# under 0.2 dB on the tissue tiles, whose narrow code blurs the noise away with the texture.
NOISE_TRAIN, NOISE_TEST, NEIGHBOURS, K_PCA, DENOISE_IMAGES = 0.5, 0.5, 8, 16, 64
# Steps whose effect the lesson's offline images cannot show: on an offline set they use these instead
# (a downloaded set, e.g. CIFAR-10 or PathMNIST, is used as it is). The tissue tiles' classes are read from
# how brown a tile is, so "the neighbours share the class" would hold by construction: digits' labels are not
# a pixel statistic.
STEP_DATA = {("conv", "noise"): "digits", ("conv", "similar"): "digits"}


@dataclass
class Ctx:
    lesson: str
    step: course.Step
    progress: state.LessonProgress
    session: state.Session

    @property
    def dataset(self) -> str:
        """The images the lesson uses: the learner's choice when it is on this machine, else the default."""
        name = self.progress.values.get("dataset")
        return name if name in data.REGISTRY and data.is_local(name) else default_dataset(self.lesson)

    @property
    def step_dataset(self) -> str:
        """The images this step uses: the lesson's, or its stand-in where offline images cannot show it."""
        return step_dataset(self.lesson, self.step.id, self.dataset)

    @property
    def kind(self) -> str:
        return device_info().kind


def default_dataset(lesson: str) -> str:
    """The source lesson's own dataset when it is in the data folder (the first of them), else the offline set."""
    return next((name for name in SOURCES[lesson] if data.is_local(name)), DATASETS[lesson])


def dataset_options(lesson: str) -> list[str]:
    """A lesson's dataset menu: the source's datasets (present or not), its offline stand-in, then every other
    set of the right channels that needs no download."""
    first = [*SOURCES[lesson], DATASETS[lesson]]
    return first + [name for name, info in data.REGISTRY.items() if name not in first and data.is_local(name)
                    and (lesson != "conv" or info.channels == 3)]


def step_dataset(lesson: str, step_id: str, dataset: str) -> str:
    stand_in = STEP_DATA.get((lesson, step_id))
    return stand_in if stand_in and data.REGISTRY[dataset].source == "offline" else dataset


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
        plain = use_config("s1-uva-conv", step_dataset("conv", "noise", dataset))
        return [use_config("s1-uva-conv", dataset), plain, replace(plain, noise="gaussian", noise_level=NOISE_TRAIN)]
    if lesson == "code3d":
        return [use_config("s2-mlp3", dataset)]
    if lesson == "pca":
        return [recipes.linear(dataset, K_PCA, kind), recipes.deep(dataset, K_PCA, kind)]
    greedy = recipes.stacked(dataset, "greedy", device_kind=kind)
    return [recipes.stacked(dataset, "ae", device_kind=kind), recipes.stacked(dataset, "tied", device_kind=kind),
            greedy, recipes.end_to_end_for(greedy)]


# ---- the components ------------------------------------------------------------------------------------------

def c_hourglass(ctx, reveal):
    from aecore.ui import viz
    summary = summarize(*presets.make("s0-keras-conv"))
    st.plotly_chart(viz.hourglass(summary), key=f"guide.{ctx.lesson}.hourglass")
    return {}


def c_table_to(ctx, reveal):
    row = SHAPE_ROWS[ctx.step.id]
    summary = summarize(*presets.make("s0-keras-conv"))
    shape_table(summary, hide_from=row + 1 if reveal else row)
    h, w, c = summary.rows[row].output_shape
    return {"truth": summary.rows[row].output_shape, "h": h, "w": w, "c": c}


def same_everywhere():
    """Lesson 1's model with the trimming 'valid' convolution made 'same' (the step's 'what if')."""
    stack, shape, dialect = presets.make("s0-keras-conv")
    stack = [dict(spec) for spec in stack]
    stack[SHAPE_ROWS["trim"]]["padding"] = "same"
    return stack, shape, dialect


def c_what_if_same(ctx, reveal):
    if not reveal:
        shape_table(summarize(*presets.make("s0-keras-conv")))
        return {}
    summary = summarize(*same_everywhere())
    shape_table(summary)
    shape_banner(summary)
    return {"truth": summary.output_shape}


def ready_models(ctx, items):
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
                               t("course.loss_title"), t("viz.epoch"), t("viz.loss")),
                    key=f"guide.{ctx.lesson}.{ctx.step.id}.loss")


def c_train_rebuild(ctx, reveal):
    if not reveal:
        return {}
    (result,) = ready_models(ctx, [(t("preset.s0-keras-conv"), configs("shapes", ctx.dataset, ctx.kind)[0])])
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
    summary = plan(configs(ctx.lesson, ctx.dataset, ctx.kind)[0]).summary
    return summary, _code_row(summary)


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


def up_row(summary):
    """Lesson 2's first transposed convolution: (its row, its numbers for the output-size formula)."""
    r = next(r for r in summary.rows if r.type == "ConvTranspose2d")
    cfg = dict(r.cfg)
    k, s, p = (_first(cfg.get(name, d)) for name, d in (("kernel_size", 3), ("stride", 1), ("padding", 0)))
    op = _first(cfg.get("output_padding", 0))
    n, out = r.input_shape[1], r.output_shape[1]
    return r, {"row": r.index, "n": n, "k": k, "s": s, "p": p, "op": op, "out": out,
               "other": out + 1 if op == 0 else out - 1, "down": -(-out // s)}


def _first(v) -> int:
    return int(v[0] if isinstance(v, (list, tuple)) else v)


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
    from aecore.ui.using import codes, images_row
    from aecore.use import quality
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


def denoise_facts(out: dict) -> dict:
    """The numbers of the denoising step's verdict, from quality.compare's output."""
    mean = {name: (float(np.mean(out[name]["psnr"])), float(np.mean(out[name]["ssim"]))) for name in out}
    (pp, ps), (dp, ds), np_ = mean["plain"], mean["dae"], mean["noisy"][0]
    return {"truth": course.psnr_gain(pp, dp), "pp": f"{pp:.1f}", "ps": f"{ps:.2f}", "dp": f"{dp:.1f}",
            "ds": f"{ds:.2f}", "np": f"{np_:.1f}", "gain": f"{dp - pp:+.1f}"}


def stand_in_note(ctx) -> str:
    """A sentence when the step uses other images than the lesson (why), else nothing."""
    if ctx.step_dataset == ctx.dataset:
        return ""
    from aecore.ui.training import dataset_name
    return t(f"course.{ctx.lesson}.{ctx.step.id}.stand_in", data=dataset_name(ctx.step_dataset),
             lesson_data=dataset_name(ctx.dataset))


def c_neighbours(ctx, reveal):
    from aecore.ui.using import codes, images_row
    from aecore.use import search
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
    from aecore.ui import viz
    from aecore.ui.using import codes
    (result,) = ready_models(ctx, [(t("preset.s2-mlp3"), configs("code3d", ctx.dataset, ctx.kind)[0])])
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


COMPONENTS = {  # lessons 1-3 (lessons 4 and 5: aecore/ui/steps_models.py)
    "hourglass": c_hourglass, "table_to": c_table_to, "what_if_same": c_what_if_same,
    "train_rebuild": c_train_rebuild, "conv_table": c_conv_table, "conv_up": c_conv_up, "conv_rebuild": c_conv_rebuild,
    "denoise_rows": c_denoise_rows, "neighbours": c_neighbours, "medical": c_medical, "mlp_table": c_mlp_table,
    "mlp_rebuild": c_mlp_rebuild, "space3d": c_space3d, "uses": c_uses,
}


# ---- to the full tool --------------------------------------------------------------------------------------------

def open_in_tool(session, lesson: str, step: course.Step, dataset: str) -> None:
    """Put the step's model and data into the tool page's state and go there."""
    tool = step.tool
    if tool == "builder":
        b = session.builder
        if lesson == "shapes" and step.id == "fix":
            b.load(*same_everywhere(), "pasted")
            b.origin = "link"
        else:  # the lesson's model on its images, as the table showed it
            config = configs(lesson, dataset, device_info().kind)[0]
            info = data.REGISTRY[config.dataset]
            params = presets.fit_to(config.model, info.channels, info.side, **dict(config.model_params))
            b.load(*presets.make(config.model, **params), config.model)
    elif tool == "train":
        config = configs(lesson, dataset, device_info().kind)[0]
        tr = session.train
        tr.dataset, tr.model = config.dataset, config.model
        s = tr.settings_for(config.dataset, config.model, device_info().kind)
        s.epochs, s.batch_size, s.lr, s.max_train = config.epochs, config.batch_size, config.lr, config.max_train
        s.params.update(dict(config.model_params))
    elif tool in ("denoise", "similar", "latent"):
        model = {"denoise": "s1-uva-conv" if lesson == "conv" else "s0-keras-conv", "similar": "s1-uva-conv",
                 "latent": "s2-mlp3"}[tool]
        use = session.page(tool, model)
        use.model, use.dataset = model, dataset
        if tool == "denoise":
            use.values.update(train_kind="gaussian", train_level=NOISE_TRAIN, test_kind="gaussian",
                              test_level=NOISE_TEST)
    else:
        session.page(tool, "").dataset = dataset
    st.session_state["guide.go"] = tool
