"""Plotly figures as pure functions: data in, ``go.Figure`` out (no streamlit, no state)."""
from __future__ import annotations

from math import prod

import plotly.graph_objects as go

from aecore.i18n import t
from aecore.layers import Summary
from aecore.rules import fmt_shape

COLORS = {"input": "#7f8c8d", "layer": "#4c78a8", "bottleneck": "#f58518", "error": "#e45756",
          "hidden": "#d0d0d0", "warning": "#eeca3b"}


def hourglass(summary: Summary, lang: str = "en", hide_from: int | None = None) -> go.Figure:
    """How many numbers each layer holds: an autoencoder narrows to its code, then widens again.

    Bars on a log scale, the bottleneck in orange, a failing layer in red, and rows from
    ``hide_from`` on grey with '?' (the predict-the-shape exercise must not give the answer away).
    """
    names, sizes, colors, texts, hovers = [t("viz.input", lang)], [prod(summary.input_shape)], [COLORS["input"]], \
        [fmt_shape(summary.input_shape)], [t("viz.hover_input", lang, shape=fmt_shape(summary.input_shape))]
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
        hovers.append(t("viz.hover_row", lang, type=row.type, shape=fmt_shape(row.output_shape), n=f"{row.size:,}",
                        p=f"{row.params:,}"))
    if not summary.ok:
        i = summary.error_index
        kind = summary_type(summary)
        names.append(f"{i} {kind}")
        sizes.append(1)
        colors.append(COLORS["error"])
        texts.append("✗")
        hovers.append(t("viz.hover_error", lang))
    fig = go.Figure(go.Bar(x=names, y=sizes, marker_color=colors, text=texts, textposition="outside",
                           hovertext=hovers, hoverinfo="text", cliponaxis=False))
    fig.update_layout(
        title=dict(text=t("viz.hourglass_title", lang), font=dict(size=15)),
        yaxis=dict(type="log", title=t("viz.values", lang), showgrid=True, dtick=1, tickformat="~s"),
        xaxis=dict(tickangle=-40, type="category"), margin=dict(l=10, r=10, t=50, b=10), height=330,
        showlegend=False, bargap=0.25, uniformtext=dict(minsize=9, mode="show"),
    )
    return fig


def summary_type(summary: Summary) -> str:
    """The failing layer's type name, read back from its message prefix."""
    msg = summary.error or ""
    start, end = msg.find("("), msg.find(")")
    return msg[start + 1:end] if 0 <= start < end else "?"


def loss_curve(train: list, test: list, epochs: int, running: tuple | None = None, lang: str = "en",
               loss_name: str = "") -> go.Figure:
    """Training and test loss per epoch; ``running`` = (epoch + fraction done, loss so far) for the live point."""
    fig = go.Figure()
    xs = list(range(1, len(train) + 1))
    fig.add_trace(go.Scatter(x=xs, y=train, mode="lines+markers", name=t("viz.train_loss", lang),
                             line=dict(color=COLORS["layer"])))
    fig.add_trace(go.Scatter(x=xs[:len(test)], y=test, mode="lines+markers", name=t("viz.test_loss", lang),
                             line=dict(color=COLORS["bottleneck"], dash="dot")))
    if running is not None and running[1] is not None:
        fig.add_trace(go.Scatter(x=[running[0]], y=[running[1]], mode="markers", name=t("viz.now", lang),
                                 marker=dict(color=COLORS["layer"], size=11, symbol="circle-open")))
    fig.update_layout(
        title=dict(text=t("viz.loss_title", lang, loss=loss_name), font=dict(size=15)),
        xaxis=dict(title=t("viz.epoch", lang), range=[0, max(epochs, 1) + 0.5], dtick=max(1, epochs // 10)),
        yaxis=dict(title=t("viz.loss", lang), rangemode="tozero"), height=300, margin=dict(l=10, r=10, t=50, b=10),
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
