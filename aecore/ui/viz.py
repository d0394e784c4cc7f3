"""Plotly figures as pure functions: data in, ``go.Figure`` out (no streamlit, no state)."""
from __future__ import annotations

from math import prod

import numpy as np
import plotly.graph_objects as go
import torch
import torch.nn.functional as F

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
    from torchvision.utils import make_grid  # deferred: torchvision, +1.3 s on importing aecore.ui, for grids only
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
    Each point carries its image number (customdata) so a click in 2-D can select it (plotly selects nothing
    in 3-D)."""
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
        else:  # a selection dims the other points, not to nothing
            fig.add_trace(go.Scattergl(x=points[rows, 0], y=points[rows, 1], **common,
                                       unselected=dict(marker=dict(opacity=0.35))))
    if selected is not None and 0 <= selected < len(points):
        p = points[selected]
        mark = dict(mode="markers", name=t("viz.selected"), customdata=[selected], hoverinfo="skip",
                    marker=dict(size=14 if not three else 8, color="rgba(0,0,0,0)", line=dict(color="black", width=3)),
                    **({} if three else dict(unselected=dict(marker=dict(opacity=1)))))
        fig.add_trace(go.Scatter3d(x=[p[0]], y=[p[1]], z=[p[2]], **mark) if three else
                      go.Scattergl(x=[p[0]], y=[p[1]], **mark))
    # 2-D: no dragmode of ours, so Streamlit's on_select picks 'pan' with clickmode 'event+select' (a click
    # selects a point); with dragmode 'select' it sets clickmode 'event', and a click selected nothing
    layout = dict(height=560, margin=dict(l=0, r=0, t=30, b=0), legend=dict(itemsizing="constant"))
    if three:
        layout["dragmode"] = "pan"
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


# ---- the lessons' models ---------------------------------------------------------------------------------

def _layout(fig: go.Figure, title: str, x: str, y: str, height: int = 320, legend: str = "top", **kw) -> go.Figure:
    """The lesson figures' common look; the legend inside the plot (top or bottom right), clear of the title;
    a log axis labelled at powers of ten only."""
    place = dict(y=0.98, yanchor="top") if legend == "top" else dict(y=0.02, yanchor="bottom")
    fig.update_layout(title=dict(text=title, font=dict(size=15)), xaxis=dict(title=x), yaxis=dict(title=y),
                      height=height, margin=dict(l=10, r=10, t=50, b=10),
                      legend=dict(x=0.99, xanchor="right", bgcolor="rgba(255,255,255,0.75)", **place), **kw)
    if kw.get("yaxis_type") == "log":
        fig.update_yaxes(dtick=1, exponentformat="power")
    return fig


def curves(series: dict, title: str, x_title: str, y_title: str, log_y: bool = False, xs: dict | None = None,
           dashed: tuple = (), bands: tuple = ()) -> go.Figure:
    """Several loss curves overlaid: {label: [values]}, x = 1, 2, ... unless ``xs`` gives them. ``bands``:
    ((x0, x1, label), ...) shaded spans named at their top (e.g. the phases of layer-wise training)."""
    fig = go.Figure()
    for i, (x0, x1, label) in enumerate(bands):
        fig.add_vrect(x0=x0, x1=x1, fillcolor=PALETTE[i % len(PALETTE)], opacity=0.08, line_width=0,
                      annotation_text=label, annotation_position="top left", annotation_font_size=11)
    for i, (label, ys) in enumerate(series.items()):
        x = (xs or {}).get(label) or list(range(1, len(ys) + 1))
        fig.add_trace(go.Scatter(x=x, y=ys, mode="lines+markers" if len(ys) < 40 else "lines", name=label,
                                 line=dict(color=PALETTE[i % len(PALETTE)], dash="dot" if label in dashed else None),
                                 marker=dict(size=5)))
    return _layout(fig, title, x_title, y_title, yaxis_type="log" if log_y else None)


def error_by_size(pca: dict, linear: dict, nonlinear: dict, labels: dict) -> go.Figure:
    """Test error against the code size k: PCA's curve (the linear optimum) and the autoencoders' points."""
    fig = go.Figure()
    ks = sorted(pca)
    fig.add_trace(go.Scatter(x=ks, y=[pca[k] for k in ks], mode="lines+markers", name=labels["pca"],
                             line=dict(color=COLORS["input"], dash="dot")))
    for key, points, color, symbol in (("linear", linear, COLORS["layer"], "circle"),
                                       ("nonlinear", nonlinear, COLORS["bottleneck"], "diamond")):
        ks2 = sorted(points)
        fig.add_trace(go.Scatter(x=ks2, y=[points[k] for k in ks2], mode="markers+lines", name=labels[key],
                                 marker=dict(color=color, size=10, symbol=symbol), line=dict(color=color)))
    fig = _layout(fig, labels["title"], labels["x"], labels["y"], yaxis_type="log")
    fig.update_xaxes(type="log", tickvals=ks, ticktext=[str(k) for k in ks])
    return fig


def angle_bars(angles, title: str, x_title: str, y_title: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=[str(i + 1) for i in range(len(angles))], y=list(angles), marker_color=COLORS["layer"],
                           text=[f"{a:.1f}°" for a in angles], textposition="outside", cliponaxis=False))
    return _layout(fig, title, x_title, y_title, height=280)


def histogram(groups: dict, threshold: float | None, title: str, x_title: str, y_title: str) -> go.Figure:
    """Overlaid histograms (as shares of each group) of reconstruction errors, and the threshold."""
    fig = go.Figure()
    for i, (label, values) in enumerate(groups.items()):
        fig.add_trace(go.Histogram(x=list(values), name=label, histnorm="probability", opacity=0.6, nbinsx=40,
                                   marker_color=[COLORS["layer"], COLORS["error"]][i % 2]))
    if threshold is not None:
        fig.add_vline(x=threshold, line=dict(color="black", dash="dash", width=2))
    return _layout(fig, title, x_title, y_title, barmode="overlay")


def roc_curve(fpr, tpr, auc: float, point: tuple | None, title: str, x_title: str, y_title: str) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(fpr), y=list(tpr), mode="lines", name=f"AUC {auc:.3f}",
                             line=dict(color=COLORS["bottleneck"], width=3)))
    fig.add_trace(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", name=t("viz.chance"),
                             line=dict(color=COLORS["hidden"], dash="dot")))
    if point is not None:
        fig.add_trace(go.Scatter(x=[point[0]], y=[point[1]], mode="markers", name="●", showlegend=False,
                                 marker=dict(color="black", size=12)))
    return _layout(fig, title, x_title, y_title, legend="bottom", xaxis_range=[0, 1], yaxis_range=[0, 1.02])


def class_bars(names: list, values: list, current: int, title: str, x_title: str, y_title: str) -> go.Figure:
    """One bar per class (e.g. the AUC with that class as the normal one), the current class darker."""
    colors = [COLORS["bottleneck"] if i == current else COLORS["hidden"] for i in range(len(names))]
    fig = go.Figure(go.Bar(x=[str(n) for n in names], y=list(values), marker_color=colors,
                           text=[f"{v:.3f}" for v in values], textposition="outside"))
    low = min(values) if values else 0.0
    return _layout(fig, title, x_title, y_title, yaxis_range=[max(0.0, low - 0.05), 1.01], showlegend=False)


def unit_bars(series: dict, rho: float | None, title: str, x_title: str, y_title: str) -> go.Figure:
    """Each code unit's mean activation, units sorted from most to least active, one trace per model."""
    fig = go.Figure()
    for i, (label, values) in enumerate(series.items()):
        v = np.sort(np.asarray(values))[::-1]
        fig.add_trace(go.Bar(x=list(range(1, len(v) + 1)), y=list(v), name=label, opacity=0.75,
                             marker_color=[COLORS["input"], COLORS["bottleneck"]][i % 2]))
    if rho is not None:
        fig.add_hline(y=rho, line=dict(color="black", dash="dash", width=2), annotation_text=f"ρ = {rho:g}")
    return _layout(fig, title, x_title, y_title, barmode="overlay")


def codes_2d(points, labels, classes, title: str, ring: bool = True) -> go.Figure:
    """A 2-number code as points coloured by class, with the circle holding 95% of N(0, I) (radius 2.45)."""
    fig = latent_scatter(points, labels, classes, None, ("z₁", "z₂"))
    if ring:
        a = np.linspace(0, 2 * np.pi, 100)
        r = 2.4477  # sqrt of the chi-square(2) 95% quantile
        fig.add_trace(go.Scatter(x=r * np.cos(a), y=r * np.sin(a), mode="lines", name="N(0, I) 95%",
                                 line=dict(color="black", dash="dash"), hoverinfo="skip"))
    fig.update_layout(title=dict(text=title, font=dict(size=14)), height=420, dragmode="pan",
                      yaxis=dict(scaleanchor="x"))
    return fig
