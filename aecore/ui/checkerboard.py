"""The checkerboard lab's pieces, shared by its page (pages/checkerboard.py) and lesson 1's last step: the three
decoders' layers, the overlap heatmaps, the trained reconstructions with their errors, the untrained responses,
and the numbers the question is checked against (computed in aecore.use.checkerboard, cached per model).

    results = ready(items(dataset, kind), page)   # the three trained models (trains what is missing)
    f = reveal(results, page_key)                 # draws everything; the facts and sentences behind it
"""
from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import streamlit as st
import torch

from aecore.ui import lessons as L
from aecore.ui.common import t
from aecore.ui.using import images_row
from aecore.use import checkerboard as cb

SHOWN = 8      # test images in the rows
MEASURED = 512  # test images the trained share is measured on (all of them on the offline sets)
ERROR_GAIN = 4  # the error rows: reconstruction − image, ×4, around mid-grey


# ---- figures (pure) ----------------------------------------------------------------------------------------------

def heatmap(values, title: str, text: bool = False, diverging: bool = False, height: int = 300) -> go.Figure:
    """A small image as a heatmap, first row on top; ``text``: each cell's value written in it."""
    z = np.asarray(values, dtype=np.float64)
    limit = float(np.abs(z).max()) or 1.0
    fig = go.Figure(go.Heatmap(z=z, colorscale="RdBu" if diverging else "Viridis", zmid=0 if diverging else None,
                               zmin=None if diverging else 0, zmax=limit if not diverging else None,
                               text=z.astype(int).astype(str) if text else None,
                               texttemplate="%{text}" if text else None, showscale=not text,
                               hovertemplate="row %{y}, column %{x}: %{z:.4g}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", scaleanchor="x", showticklabels=False)
    fig.update_xaxes(showticklabels=False)
    fig.update_layout(title=title, height=height, margin=dict(l=10, r=10, t=40, b=10))
    return fig


# ---- the models and their numbers ------------------------------------------------------------------------------

def items(dataset: str, kind: str) -> list:
    """[(label, config)] of the three decoders, for ``ready``."""
    return [(t("checker.way_" + way), cfg) for way, cfg in zip(cb.WAYS, cb.configs(dataset, kind))]


@st.cache_data(max_entries=16, show_spinner=False)
def untrained(key: str, _config) -> np.ndarray:
    return cb.untrained_response(_config)


@st.cache_data(max_entries=16, show_spinner=False)
def trained_share(key: str, _result) -> tuple[float, int]:
    """(the share of the test errors' energy at the stride's frequency, how many test images)."""
    x, y = L.rebuilt(key, MEASURED, _result)
    return cb.nyquist_share((y.double() - x.double()).numpy() / 255), len(x)


def facts(results: list) -> dict:
    """The numbers behind the page's sentences and the question's truth (no words: they are made per reader)."""
    keys = [r.config.key() for r in results]
    trained = {way: trained_share(k, r) for way, k, r in zip(cb.WAYS, keys, results)}
    before = {way: cb.nyquist_share(untrained(k, r.config)) for way, k, r in zip(cb.WAYS, keys, results)}
    shares = {way: trained[way][0] for way in cb.WAYS}
    side = results[0].plan.height
    return {"trained": shares, "untrained": before, "n": trained["k3"][1], "truth": cb.grid_truth(shares),
            "truth_untrained": cb.grid_truth(before), "flat": 3 / (side * side - 1), "side": side}


def pct(share: float) -> str:
    return f"{100 * share:.2f} %"


def ratio_lines(shares: dict) -> list[str]:
    """One sentence per transposed convolution: its share, and how many times the Upsample decoder's."""
    up = shares["up"]
    out = []
    for way in ("k3", "k4"):
        r = shares[way] / up if up > 0 else float("inf")
        key = "checker.ratio_twice" if shares[way] >= cb.GRID * up else "checker.ratio_less"
        out.append(t(key, way=t("checker.way_" + way), share=pct(shares[way]), ratio=f"{r:.1f}", up=pct(up)))
    return out


def verdict(f: dict) -> str:
    """The trained models' numbers in words, in this run's language."""
    return t("checker.trained_lead", n=f["n"]) + " " + " ".join(ratio_lines(f["trained"]))


# ---- what the page and the step draw ----------------------------------------------------------------------------

def decoders(dataset: str, kind: str) -> None:
    """The three decoders' layers (the encoder is the same), as PyTorch code."""
    cols = st.columns(3)
    for col, way, cfg in zip(cols, cb.WAYS, cb.configs(dataset, kind)):
        layers = [spec for spec in json.loads(cfg.stack)][4:]  # the encoder's four rows left out
        with col:
            st.markdown(f"**{t('checker.way_' + way)}**")
            st.code("\n".join(_code(spec) for spec in layers), language="python", wrap_lines=True)


def _code(spec: dict) -> str:
    """One layer as PyTorch writes it, the channels without their names: nn.Conv2d(32, 16, kernel_size=3, …)."""
    channels = [str(spec[k]) for k in ("in_channels", "out_channels") if k in spec]
    rest = [f"{k}={v}" for k, v in spec.items() if k not in ("type", "in_channels", "out_channels")]
    return f"nn.{spec['type']}({', '.join(channels + rest)})"


def overlap(n: int, key: str) -> None:
    st.markdown("##### " + t("checker.overlap_title"))
    cols = st.columns(2)
    patterns = {}
    for col, way in zip(cols, ("k3", "k4")):
        counts = cb.overlap(cb.KERNELS[way], n=n)
        patterns[way] = ", ".join(map(str, cb.overlap_pattern(counts)))
        col.plotly_chart(heatmap(counts, t("checker.overlap_fig", way=t("checker.way_" + way)), text=True),
                         key=f"{key}.overlap.{way}")
    st.caption(t("checker.overlap_caption", n=n, k3=patterns["k3"], k4=patterns["k4"]))


def _error_row(x, y):
    e = (y.float() - x.float()) * ERROR_GAIN + 128  # (N, C, H, W), 0 at mid-grey
    return e.round().clamp(0, 255).to(torch.uint8)


def reveal(results: list, key: str) -> dict:
    """Everything the answer is checked against: overlaps, the trained rows and numbers, the untrained responses."""
    f = facts(results)
    overlap(f["side"] // 4, key)
    st.markdown("##### " + t("checker.rebuilt_title"))
    x, _ = L.rebuilt(results[0].config.key(), SHOWN, results[0])
    st.markdown(f"**{t('checker.row_images')}**")
    images_row(x, [""] * len(x))
    for way, r in zip(cb.WAYS, results):
        xi, y = L.rebuilt(r.config.key(), SHOWN, r)
        st.markdown(f"**{t('checker.way_' + way)}**")
        images_row(y, [""] * len(y))
        images_row(_error_row(xi, y), [""] * len(y))
    st.caption(t("checker.rebuilt_caption", gain=ERROR_GAIN))
    _metrics(f["trained"])
    st.caption(t("checker.share_caption", n=f["n"], flat=pct(f["flat"])))
    st.markdown(verdict(f))
    st.markdown("##### " + t("checker.untrained_title"))
    cols = st.columns(3)
    for col, way, r in zip(cols, cb.WAYS, results):
        response = untrained(r.config.key(), r.config)
        col.plotly_chart(heatmap(response[0], t("checker.way_" + way), diverging=True, height=280),
                         key=f"{key}.untrained.{way}")
    _metrics(f["untrained"])
    st.caption(t("checker.untrained_caption"))
    st.markdown(t("checker.untrained_lead") + " " + " ".join(ratio_lines(f["untrained"])))
    return {**f, "verdict": verdict(f)}


def _metrics(shares: dict) -> None:
    cols = st.columns(3)
    for col, way in zip(cols, cb.WAYS):
        delta = None if way == "up" else t("checker.times_up", ratio=f"{shares[way] / shares['up']:.1f}")
        col.metric(t("checker.way_" + way), pct(shares[way]), delta, delta_color="off", delta_arrow="off")
