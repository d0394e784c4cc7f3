"""The guided lessons outside the page: which images each lesson uses, the models its steps train (the tool
pages' own configs, so a lesson and a tool share one cache), the numbers a step's verdict is made from, and
what "open in the tool" puts into a tool's state. The steps themselves are data in ``aecore.use.course``;
drawing them is ``aecore.ui.steps``'."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from aecore.app import defaults, pages
from aecore.learn import data
from aecore.shapes import presets
from aecore.use import course
from aecore.use import lessons as recipes

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


# ---- which images ----------------------------------------------------------------------------------------------

def default_dataset(lesson: str) -> str:
    """The source lesson's own dataset when it is in the data folder (the first of them), else the offline set."""
    return next((name for name in SOURCES[lesson] if data.is_local(name)), DATASETS[lesson])


def lesson_dataset(lesson: str, chosen) -> str:
    """The images a lesson uses: the learner's choice when it is on this machine, else the default."""
    return chosen if chosen in data.REGISTRY and data.is_local(chosen) else default_dataset(lesson)


def dataset_options(lesson: str) -> list[str]:
    """A lesson's dataset menu: the source's datasets (present or not), its offline stand-in, then every other
    set of the right channels that needs no download."""
    first = [*SOURCES[lesson], DATASETS[lesson]]
    return first + [name for name, info in data.REGISTRY.items() if name not in first and data.is_local(name)
                    and (lesson != "conv" or info.channels == 3)]


def step_dataset(lesson: str, step_id: str, dataset: str) -> str:
    """The images one step uses: the lesson's, or its stand-in where offline images cannot show the effect."""
    stand_in = STEP_DATA.get((lesson, step_id))
    return stand_in if stand_in and data.REGISTRY[dataset].source == "offline" else dataset


# ---- the models a lesson trains -----------------------------------------------------------------------------------

def configs(lesson: str, dataset: str, kind: str) -> list:
    """Every model a lesson's steps train, in the order its steps use them (the teacher's warm button queues
    these)."""
    if lesson == "shapes":
        return [defaults.config("s0-keras-conv", dataset, kind)]
    if lesson == "conv":
        plain = defaults.config("s1-uva-conv", step_dataset("conv", "noise", dataset), kind)
        return [defaults.config("s1-uva-conv", dataset, kind), plain,
                replace(plain, noise="gaussian", noise_level=NOISE_TRAIN)]
    if lesson == "code3d":
        return [defaults.config("s2-mlp3", dataset, kind)]
    if lesson == "pca":
        return [recipes.linear(dataset, K_PCA, kind), recipes.deep(dataset, K_PCA, kind)]
    greedy = recipes.stacked(dataset, "greedy", device_kind=kind)
    return [recipes.stacked(dataset, "ae", device_kind=kind), recipes.stacked(dataset, "tied", device_kind=kind),
            greedy, recipes.end_to_end_for(greedy)]


def same_everywhere():
    """Lesson 1's model with the trimming 'valid' convolution made 'same' (the step's 'what if')."""
    stack, shape, dialect = presets.make("s0-keras-conv")
    stack = [dict(spec) for spec in stack]
    stack[SHAPE_ROWS["trim"]]["padding"] = "same"
    return stack, shape, dialect


# ---- the numbers of a verdict ----------------------------------------------------------------------------------------

def code_row(summary) -> int:
    """The narrowest layer: the code."""
    return summary.bottleneck if summary.bottleneck is not None else 0


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


def denoise_facts(out: dict) -> dict:
    """The numbers of the denoising step's verdict, from quality.compare's output."""
    mean = {name: (float(np.mean(out[name]["psnr"])), float(np.mean(out[name]["ssim"]))) for name in out}
    (pp, ps), (dp, ds), np_ = mean["plain"], mean["dae"], mean["noisy"][0]
    return {"truth": course.psnr_gain(pp, dp), "pp": f"{pp:.1f}", "ps": f"{ps:.2f}", "dp": f"{dp:.1f}",
            "ds": f"{ds:.2f}", "np": f"{np_:.1f}", "gain": f"{dp - pp:+.1f}"}


# ---- to the full tool ----------------------------------------------------------------------------------------------

def open_in_tool(session, lesson: str, step: course.Step, dataset: str, kind: str) -> str:
    """Put the step's model and data into the tool page's state; returns the tool's page (aecore.app.pages)."""
    tool = step.tool
    if tool == "builder":
        b = session.builder
        if lesson == "shapes" and step.id == "fix":
            b.load(*same_everywhere(), "pasted")
            b.origin = "link"
        else:  # the lesson's model on its images, as the table showed it
            config = configs(lesson, dataset, kind)[0]
            info = data.REGISTRY[config.dataset]
            params = presets.fit_to(config.model, info.channels, info.side, **dict(config.model_params))
            b.load(*presets.make(config.model, **params), config.model)
    elif tool == "train":
        config = configs(lesson, dataset, kind)[0]
        tr = session.train
        tr.dataset, tr.model = config.dataset, config.model
        s = tr.settings_for(config.dataset, config.model, kind)
        s.epochs, s.batch_size, s.lr, s.max_train = config.epochs, config.batch_size, config.lr, config.max_train
        s.params.update(dict(config.model_params))
    elif tool in ("denoise", "similar", "latent"):
        # the page's own model (aecore.app.pages), but lesson 2 denoises with its own conv model
        model = "s1-uva-conv" if (tool, lesson) == ("denoise", "conv") else pages.default_model(tool)
        use = session.page(tool)
        use.model, use.dataset = model, dataset
        if tool == "denoise":
            use.values.update(train_kind="gaussian", train_level=NOISE_TRAIN, test_kind="gaussian",
                              test_level=NOISE_TEST)
    else:
        session.page(tool).dataset = dataset
    return tool
