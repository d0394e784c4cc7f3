"""The lesson pages' computations, cached per trained model (a rerun redraws, it does not recompute), and
the small widgets they share: the dataset box and the side-by-side rows of images."""
from __future__ import annotations

import streamlit as st
import torch

from aecore.learn import data, store
from aecore.learn.families import TiedLinear
from aecore.learn.train import fixed_pick, prepare
from aecore.ui.common import bound, class_labels, dataset_label, t
from aecore.ui.models import cached_model, rebuild, unavailable
from aecore.use import anomaly, course, generate, pca, plane, search, sparse
from aecore.use.compare import SIZE_PARAM


def dataset_box(container, use, page: str) -> str:
    """The images a lesson page works on (a view of the page's state)."""
    return bound(container.selectbox, t("train.dataset"), key=page + ".dataset", obj=use, attr="dataset",
                 options=list(data.REGISTRY), format_func=dataset_label)


@st.cache_resource(show_spinner=False, max_entries=8)
def split(dataset: str, plan_key: str, _plan, only_class: int = -1, cap: int = 10_000, seed: int = 0):
    """(train uint8, test uint8, test labels, classes) in the model's channels and size; the training images
    are the run's own pick (``train.fixed_pick`` through ``prepare``)."""
    images = data.load(dataset)
    train_x = images.train_x if only_class < 0 else images.train_x[images.train_y == only_class]
    return (prepare(train_x, _plan, cap=cap, seed=seed), prepare(images.test_x, _plan), images.test_y.numpy(),
            images.classes)


def _split(result):
    c = result.config
    return split(c.dataset, c.key(), result.plan, c.only_class, c.max_train, c.seed)


@st.cache_data(max_entries=16, show_spinner=False)
def pca_compare(key: str, _result) -> dict:
    train_x, test_x, _, _ = _split(_result)
    return pca.compare(_result, train_x, test_x)


@st.cache_data(max_entries=16, show_spinner=False)
def pca_curve(key: str, ks: tuple, _result) -> dict:
    train_x, test_x, _, _ = _split(_result)
    return pca.pca_curve(train_x, test_x, list(ks))


@st.cache_data(max_entries=64, show_spinner=False)
def test_error(key: str, _result) -> float:
    """MSE per pixel on the test images, of the raw outputs: never clipped (PCA's are not: ``pca.ae_outputs``)."""
    _, test_x, _, _ = _split(_result)
    return pca.ae_error(_result.model, _result.plan, test_x)


@st.cache_data(max_entries=16, show_spinner=False)
def anomaly_scores(key: str, _result):
    _, test_x, test_y, classes = _split(_result)
    return anomaly.scores(_result, test_x, test_y, _result.config.only_class), classes


@st.cache_data(max_entries=64, show_spinner=False)
def anomaly_auc(key: str, _result) -> float:
    """The AUC of one normal class's model (a number: the bar chart of every class)."""
    s, _ = anomaly_scores(key, _result)
    return float(anomaly.roc(s.anomaly, s.error)["auc"])


@st.cache_data(max_entries=16, show_spinner=False)
def sparse_units(key: str, _result):
    _, test_x, _, _ = _split(_result)
    u = sparse.units(_result, test_x)
    return u, sparse.atoms(_result, u.mean)


NEAREST_SAMPLES = 64  # random codes measured for "how close to a real image" (the first n are shown)


@st.cache_data(max_entries=16, show_spinner=False)
def generated(key: str, n: int, _result) -> dict:
    """What a model makes from random codes: N(0, I) draws, draws matched to its codes, the 2-D map."""
    train_x, test_x, test_y, classes = _split(_result)
    codes = search.embed(_result.model, _result.plan, test_x)
    measured = generate.prior_samples(_result.model, _result.plan, NEAREST_SAMPLES, seed=0)  # the same codes for both
    out = {"prior": measured[:n], "matched": generate.matched_samples(_result.model, _result.plan, codes, n, seed=0),
           "codes": codes, "labels": test_y, "classes": classes, "mean": codes.mean(0), "std": codes.std(0),
           "var": float(codes.var(0).mean()), "sigma": generate.code_sigma(_result.model, _result.plan, test_x),
           "nearest": float(generate.nearest_distance(measured, train_x).mean())}
    if codes.shape[1] == 2:
        out["grid"] = generate.grid(_result.model, _result.plan, 10)
    return out


PLANE_N, PLANE_DOTS = 25, 1500  # a 25 × 25 grid decoded once; at most 1,500 training codes drawn as dots


@st.cache_data(max_entries=8, show_spinner=False)
def plane_numbers(key: str, _result) -> dict:
    """A 2-number code's plane for the pointer (aecore.use.plane): the grid decoded as one PNG, the training
    codes with their classes, and per grid point its distance to the nearest training code in units of the
    codes' usual gap; for a VAE also its N(0, I) density relative to the peak. Numbers only, JSON-ready."""
    c, model, p = _result.config, _result.model, _result.plan
    train_x, _, _, classes = _split(_result)
    images = data.load(c.dataset)
    y = images.train_y if c.only_class < 0 else images.train_y[images.train_y == c.only_class]
    pick = fixed_pick(len(y), c.max_train, c.seed)  # the split's own pick (lessons.split -> prepare)
    y = (y if pick is None else y[pick]).numpy()
    codes = search.embed(model, p, train_x)                       # (N, 2)
    g = plane.plane_grid(codes, PLANE_N)
    gap = plane.gap_ratio(g.points, codes).round(3)               # (n·n,); the levels read what is shown
    out = {"n": g.n, "xs": g.xs.round(4).tolist(), "ys": g.ys.round(4).tolist(), "tile": list(train_x.shape[2:]),
           "sprite": plane.sprite(search.decode(model, p, g.points), g.n), "start": [g.n // 2, g.n // 2],
           "dots": [[round(float(a), 3), round(float(b), 3), int(k)] for (a, b), k in
                    zip(codes[:PLANE_DOTS].tolist(), y[:PLANE_DOTS])],
           "gap": gap.tolist(), "gap_level": plane.gap_levels(gap).tolist(), "gap_full": plane.GAP_FULL,
           "density": None, "density_level": None, "ring": None, "classes": list(classes)}
    if c.family == "vae":
        density = plane.prior_density(g.points).round(4)
        out.update(density=density.tolist(), density_level=plane.density_levels(density).tolist(),
                   ring=plane.RING)
    return out


@st.cache_data(max_entries=32, show_spinner=False)
def rebuilt(key: str, n: int, _result):
    """The first n test images of the run's set and the model's reconstructions of them."""
    _, test_x, _, _ = _split(_result)
    x = test_x[:n]
    return x, rebuild(_result, x)


def unique_params(model) -> int:
    """Parameters counted once (a tied weight is one tensor, whatever uses it)."""
    return sum(p.numel() for p in {id(p): p for p in model.parameters()}.values())


def phase_bands(phases: list) -> tuple:
    """The spans of a layer-wise run's phases on its epoch axis, named, for ``viz.curves(bands=...)``."""
    out, start = [], 0.5
    for phase in phases:
        end = start + len(phase["train_loss"])
        name = t("stacked.phase_pair", k=phase["pair"]) if phase["name"] == "pair" else t("stacked.phase_fine")
        out.append((start, end, name))
        start = end
    return tuple(out)


def train_seconds(result) -> float:
    """Seconds spent training (the epochs' own times, evaluation left out), from the run's history."""
    return float(sum(result.history.get("epoch_s", [])))


def time_note(greedy, e2e) -> str:
    """The source lesson's "layer-wise is much faster", measured: both runs' training time, in words."""
    a, b = train_seconds(greedy), train_seconds(e2e)
    verdict = course.closer(a, b, ("faster", "slower", "same"), tol=0.1)
    return t("stacked.time_" + verdict, a=f"{a:.1f}", b=f"{b:.1f}", ratio=f"{b / max(a, 1e-9):.1f}")


def tie_facts(model) -> tuple[int, bool]:
    """How the tie is real: how many decoder layers hold no weight of their own, and whether each one's
    weight is the very tensor of its encoder mirror (same memory), not a copy. Numbers, so they may be cached."""
    tied = [m for m in model.modules() if isinstance(m, TiedLinear)]
    return len(tied), all(m.weight.data_ptr() == m.encoder[0].weight.data_ptr() for m in tied)


def tie_report(facts: tuple[int, bool]) -> str:
    """``tie_facts`` in words, in this run's language (never cached: a cached sentence keeps its first
    reader's language)."""
    n, same = facts
    return t("stacked.tie_report" if same else "stacked.tie_report_copy", n=n)


def class_names(dataset: str, use) -> tuple:
    """The dataset's class names; when it cannot be had, says so with a way to an offline set and stops."""
    try:
        return class_labels(data.load(dataset).classes)
    except data.DatasetUnavailable as e:
        unavailable(e, lambda name: setattr(use, "dataset", name))
        st.stop()


@st.cache_data(max_entries=32, show_spinner=False)
def rebuilt_of(key: str, rows: tuple, _result):
    """Chosen test images (by number) and the model's reconstructions of them."""
    _, test_x, _, _ = _split(_result)
    x = test_x[list(rows)]
    return x, rebuild(_result, x)


def labels_tensor(labels):
    return torch.as_tensor(labels)


def size_of(config) -> int:
    return int(dict(config.model_params)[SIZE_PARAM[config.model]])


def known_runs(session) -> dict:
    """Runs a learner can compare, by key -> config: this session's last Train run (when it is kept), then
    every run saved on this server, newest first. Listed from their settings; only the two chosen load."""
    out = {}
    last = session.train.config
    if last is not None and cached_model(last) is not None:
        out[last.key()] = last
    for config in store.saved(40):
        out.setdefault(config.key(), config)
    return out
