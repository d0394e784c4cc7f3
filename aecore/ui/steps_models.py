"""The guided lessons' step components of lessons 4 and 5 (the linear autoencoder and PCA; stacked and tied):
two trained models side by side and the numbers their questions are checked against. The shared pieces
(``Ctx``, ``configs``, ``ready``) are in ``aecore.ui.steps``."""
from __future__ import annotations

import numpy as np
import streamlit as st

from aecore.app.guided import K_PCA, configs
from aecore.learn.config import plan
from aecore.learn.families import build_model
from aecore.ui import lessons as L
from aecore.ui.common import t
from aecore.ui.steps import code_table, ready_models
from aecore.ui.using import images_row
from aecore.use import course


def _two(label_a: str, a: float, label_b: str, b: float, names: tuple = ("a", "b", "same"), digits: int = 4,
         **more) -> dict:
    """Two errors side by side (``digits`` significant digits: enough for the ratio the text quotes to be
    read off them), and the facts a 'which is lower' question is checked against."""
    m = st.columns(2)
    m[0].metric(label_a, f"{a:.{digits}g}")
    m[1].metric(label_b, f"{b:.{digits}g}")
    return {"truth": course.closer(a, b, names), "a": a, "b": b, **more}


def _pca(ctx):
    linear_cfg, deep_cfg = configs("pca", ctx.dataset, ctx.kind)
    linear, deep = ready_models(ctx, [(t("pca.linear"), linear_cfg), (t("pca.deep"), deep_cfg)])
    return L.pca_compare(linear_cfg.key(), linear), L.test_error(deep_cfg.key(), deep)


def c_pca_numbers(ctx, reveal):
    if not reveal:
        return {"k": K_PCA}
    r, _ = _pca(ctx)
    a, b = r["pca_error"], r["ae_error"]
    return _two(t("course.pca_error", k=K_PCA), a, t("course.ae_error"), b, ("pca", "ae", "same"), digits=6,
                k=K_PCA, ratio=b / a)


def c_pca_pictures(ctx, reveal):
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
    summary, facts = code_table(ctx, reveal)
    return {**facts, "params": f"{summary.total_params:,}"}


@st.cache_data(max_entries=8, show_spinner=False)
def _tied_counts(plain_key: str, _plain, _tied) -> tuple:
    """Weights of the two models, built (not trained): counting needs no training."""
    a = build_model(plan(_plain).summary, "ae")
    b = build_model(plan(_tied).summary, "tied")
    return L.unique_params(a), L.unique_params(b), L.tie_facts(b)  # numbers only: the words are made per reader


def c_tied_params(ctx, reveal):
    if not reveal:
        return {}
    plain_cfg, tied_cfg = configs("stacked", ctx.dataset, ctx.kind)[:2]
    n_plain, n_tied, tie = _tied_counts(plain_cfg.key(), plain_cfg, tied_cfg)
    m = st.columns(2)
    m[0].metric(t("course.params_plain"), f"{n_plain:,}")
    m[1].metric(t("course.params_tied"), f"{n_tied:,}", f"{100 * (n_tied / n_plain - 1):.1f}%", delta_color="off")
    return {"truth": course.saving(n_plain, n_tied), "plain": f"{n_plain:,}", "tied": f"{n_tied:,}",
            "cut": 1 - n_tied / n_plain, "report": L.tie_report(tie)}


def _two_errors(ctx, pair: slice, labels: tuple) -> tuple:
    """(error a, error b, result a, result b) of two of the lesson's models."""
    chosen = configs("stacked", ctx.dataset, ctx.kind)[pair]
    a_model, b_model = ready_models(ctx, list(zip(labels, chosen)))
    return L.test_error(chosen[0].key(), a_model), L.test_error(chosen[1].key(), b_model), a_model, b_model


def c_tied_error(ctx, reveal):
    if not reveal:
        return {}
    a, b, plain, _ = _two_errors(ctx, slice(0, 2), (t("stacked.plain"), t("stacked.tied")))
    return _two(t("course.error_plain"), a, t("course.error_tied"), b, epochs=plain.config.epochs)


def c_greedy(ctx, reveal):
    if not reveal:
        return {}
    a, b, greedy, e2e = _two_errors(ctx, slice(2, 4), (t("stacked.greedy"), t("stacked.e2e")))
    facts = _two(t("course.error_greedy"), a, t("course.error_e2e"), b)
    m = st.columns(2)
    m[0].metric(t("course.time_greedy"), f"{L.train_seconds(greedy):.1f} s")
    m[1].metric(t("course.time_e2e"), f"{L.train_seconds(e2e):.1f} s")
    plain = configs("stacked", ctx.dataset, ctx.kind)[0]
    return {**facts, "time_note": L.time_note(greedy, e2e),
            "epochs_note": t("course.stacked.greedy.epochs_note", e=e2e.config.epochs, e3=plain.epochs)}


COMPONENTS = {
    "pca_numbers": c_pca_numbers, "pca_pictures": c_pca_pictures, "pca_deep": c_pca_deep,
    "stacked_table": c_stacked_table, "tied_params": c_tied_params, "tied_error": c_tied_error, "greedy": c_greedy,
}
