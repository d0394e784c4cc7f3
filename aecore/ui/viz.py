"""Plotly figures as pure functions: data in, ``go.Figure`` out (no streamlit, no state)."""
from __future__ import annotations

from math import prod

import plotly.graph_objects as go

from aecore.shapes.layers import Summary
from aecore.shapes.rules import fmt_shape
from aecore.text import t

COLORS = {"input": "#7f8c8d", "layer": "#4c78a8", "bottleneck": "#f58518", "error": "#e45756",
          "hidden": "#d0d0d0", "warning": "#eeca3b"}


def hourglass(summary: Summary, hide_from: int | None = None) -> go.Figure:
    """How many numbers each layer holds: an autoencoder narrows to its code, then widens again.

    Bars on a log scale, the bottleneck in orange, a failing layer in red, and rows from
    ``hide_from`` on grey with '?' (the predict-the-shape exercise must not give the answer away).
    """
    names, sizes, colors, texts, hovers = [t("viz.input")], [prod(summary.input_shape)], [COLORS["input"]], \
        [fmt_shape(summary.input_shape)], [t("viz.hover_input", shape=fmt_shape(summary.input_shape))]
    for row in summary.rows:
        names.append(f"{row.index} {row.type}")
        hidden = hide_from is not None and row.index >= hide_from
        if hidden:
            sizes.append(1)
            colors.append(COLORS["hidden"])
            texts.append("?")
            hovers.append("?")
            continue
        sizes.append(max(row.size, 1))
        color = COLORS["bottleneck"] if row.index == summary.bottleneck else COLORS["layer"]
        colors.append(COLORS["warning"] if row.warning else color)
        texts.append(fmt_shape(row.output_shape))
        hovers.append(t("viz.hover_row", type=row.type, shape=fmt_shape(row.output_shape), n=f"{row.size:,}",
                        p=f"{row.params:,}"))
    if not summary.ok:
        i = summary.error_index
        kind = summary_type(summary)
        names.append(f"{i} {kind}")
        sizes.append(1)
        colors.append(COLORS["error"])
        texts.append("✗")
        hovers.append(t("viz.hover_error"))
    fig = go.Figure(go.Bar(x=names, y=sizes, marker_color=colors, text=texts, textposition="outside",
                           hovertext=hovers, hoverinfo="text", cliponaxis=False))
    fig.update_layout(
        title=dict(text=t("viz.hourglass_title"), font=dict(size=15)),
        yaxis=dict(type="log", title=t("viz.values"), showgrid=True, dtick=1, tickformat="~s"),
        xaxis=dict(tickangle=-40, type="category"), margin=dict(l=10, r=10, t=50, b=10), height=330,
        showlegend=False, bargap=0.25, uniformtext=dict(minsize=9, mode="show"),
    )
    return fig


def summary_type(summary: Summary) -> str:
    """The failing layer's type name, read back from its message prefix."""
    msg = summary.error or ""
    start, end = msg.find("("), msg.find(")")
    return msg[start + 1:end] if 0 <= start < end else "?"


def loss_curve(train: list, test: list, epochs: int, running: tuple | None = None,
               loss_name: str = "") -> go.Figure:
    """Training and test loss per epoch; ``running`` = (epoch + fraction done, loss so far) for the live point."""
    fig = go.Figure()
    xs = list(range(1, len(train) + 1))
    fig.add_trace(go.Scatter(x=xs, y=train, mode="lines+markers", name=t("viz.train_loss"),
                             line=dict(color=COLORS["layer"])))
    fig.add_trace(go.Scatter(x=xs[:len(test)], y=test, mode="lines+markers", name=t("viz.test_loss"),
                             line=dict(color=COLORS["bottleneck"], dash="dot")))
    if running is not None and running[1] is not None:
        fig.add_trace(go.Scatter(x=[running[0]], y=[running[1]], mode="markers", name=t("viz.now"),
                                 marker=dict(color=COLORS["layer"], size=11, symbol="circle-open")))
    fig.update_layout(
        title=dict(text=t("viz.loss_title", loss=loss_name), font=dict(size=15)),
        xaxis=dict(title=t("viz.epoch"), range=[0, max(epochs, 1) + 0.5], dtick=max(1, epochs // 10)),
        yaxis=dict(title=t("viz.loss"), rangemode="tozero"), height=300, margin=dict(l=10, r=10, t=50, b=10),
        legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom"))
    return fig


def image_grid(rows, zoom: int = 3, pad: int = 2):
    """Rows of uint8 images (each (N, C, H, W)) -> one uint8 (H, W, 3) numpy picture, enlarged ``zoom``× with
    sharp pixels, rows stacked in the order given (e.g. originals, noisy inputs, reconstructions)."""
    import torch
    import torch.nn.functional as F
    from torchvision.utils import make_grid
    rows = [r for r in rows if r is not None and len(r)]
    if not rows:
        return None
    n = max(len(r) for r in rows)
    tiles = []
    for r in rows:
        r = r.float() / 255
        if r.shape[1] == 1:
            r = r.expand(-1, 3, -1, -1)
        if len(r) < n:
            r = torch.cat([r, torch.ones((n - len(r),) + tuple(r.shape[1:]))])
        tiles.append(r)
    grid = make_grid(torch.cat(tiles), nrow=n, padding=pad, pad_value=1.0)
    if zoom > 1:
        grid = F.interpolate(grid[None], scale_factor=zoom, mode="nearest")[0]
    return (grid.clamp(0, 1) * 255).round().to(torch.uint8).permute(1, 2, 0).numpy()


PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d",
           "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def psnr_chart(curve: dict, labels: dict, noise_label: str) -> go.Figure:
    """Mean PSNR against the noise level: the noisy input, and each model's reconstruction of it."""
    fig = go.Figure()
    styles = {"noisy": dict(color=COLORS["input"], dash="dot")}
    for i, (key, label) in enumerate(labels.items()):
        fig.add_trace(go.Scatter(x=curve["levels"], y=curve[key], mode="lines+markers", name=label,
                                 line=styles.get(key, dict(color=PALETTE[i % len(PALETTE)]))))
    fig.update_layout(title=dict(text=t("viz.psnr_title", noise=noise_label), font=dict(size=15)),
                      xaxis=dict(title=t("viz.noise_level")), yaxis=dict(title="PSNR (dB)"), height=320,
                      margin=dict(l=10, r=10, t=50, b=10),
                      legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom"))
    return fig


def latent_scatter(points, labels, classes, selected: int | None = None,
                   axis_names: tuple = ("z₁", "z₂", "z₃")) -> go.Figure:
    """The codes as points, one colour per class; WebGL in 2-D (thousands of points), a 3-D scatter in 3-D.
    Each point carries its image number (customdata) so a click can select it."""
    import numpy as np
    points, labels = np.asarray(points), np.asarray(labels)
    three = points.shape[1] >= 3
    fig = go.Figure()
    for c, name in enumerate(classes):
        rows = np.nonzero(labels == c)[0]
        if not len(rows):
            continue
        common = dict(mode="markers", name=str(name), customdata=rows, hovertemplate=f"{name} · #%{{customdata}}"
                      "<extra></extra>", marker=dict(size=3 if three else 5, color=PALETTE[c % len(PALETTE)],
                                                     opacity=0.75))
        if three:
            fig.add_trace(go.Scatter3d(x=points[rows, 0], y=points[rows, 1], z=points[rows, 2], **common))
        else:
            fig.add_trace(go.Scattergl(x=points[rows, 0], y=points[rows, 1], **common))
    if selected is not None and 0 <= selected < len(points):
        p = points[selected]
        mark = dict(mode="markers", name=t("viz.selected"), customdata=[selected], hoverinfo="skip",
                    marker=dict(size=14 if not three else 8, color="rgba(0,0,0,0)", line=dict(color="black", width=3)))
        fig.add_trace(go.Scatter3d(x=[p[0]], y=[p[1]], z=[p[2]], **mark) if three else
                      go.Scattergl(x=[p[0]], y=[p[1]], **mark))
    layout = dict(height=560, margin=dict(l=0, r=0, t=30, b=0), legend=dict(itemsizing="constant"),
                  dragmode="pan" if three else "select")
    if three:
        layout["scene"] = dict(xaxis_title=axis_names[0], yaxis_title=axis_names[1], zaxis_title=axis_names[2])
    else:
        layout.update(xaxis_title=axis_names[0], yaxis_title=axis_names[1])
    fig.update_layout(**layout)
    return fig


def error_map(clean, recon) -> go.Figure:
    """|original − reconstruction| per pixel (averaged over colour channels), 0 to 1."""
    err = (clean.float() - recon.float()).abs().mean(0) / 255
    fig = go.Figure(go.Heatmap(z=err.flip(0).numpy(), colorscale="Reds", zmin=0, zmax=1,
                               colorbar=dict(thickness=10, len=0.9)))
    fig.update_layout(title=dict(text=t("viz.error_title", mse=f"{float((err ** 2).mean()):.4f}"),
                                 font=dict(size=13)), height=260, margin=dict(l=0, r=0, t=40, b=0),
                      xaxis=dict(visible=False, scaleanchor="y"), yaxis=dict(visible=False))
    return fig
