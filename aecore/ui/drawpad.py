"""The drawing pad: a canvas the learner draws a digit on (mouse, pen or finger), sent to Python as a PNG data URL
on "Use this drawing" (aecore.use.drawing says why a PNG and reduces it as the model's dataset made its images);
then the drawing as the model sees it, its reconstruction, its error and its nearest training images.

    d = drawn(result, obj, "similar.pad")    # the pad, then the drawing's panel; the drawing (x, code), or None
                                             # with a sentence on the page
    got = encoded(result, obj.get("drawing"))  # draws nothing: a page can put the point in its plot first,
    fig = mark(fig, got, as_is=True)           # then below(result, obj, key, got) draws the pad and the panel

The drawing is kept in ``obj["drawing"]`` (a page's values in the session object), not only in the component's
own state, and is sent back to the pad so a redrawn page shows it again.
"""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st
import torch
from sklearn.decomposition import PCA

from aecore.ui.common import callback, dataset_name, plain, t
from aecore.ui.using import point_panel
from aecore.use import drawing, search

SIDE = 280  # the canvas's pixels per side: fits a 360 px phone with Streamlit's margins

HTML = f"""
<div class="pad">
  <canvas width="{SIDE}" height="{SIDE}" aria-label="drawing pad"></canvas>
  <div class="row"><button type="button" class="clear"></button><button type="button" class="use"></button></div>
</div>
"""

CSS = f"""
.pad {{ display: flex; flex-direction: column; gap: 0.5rem; width: min({SIDE}px, 100%); }}
canvas {{ width: 100%; aspect-ratio: 1 / 1; touch-action: none; background: #fff; border: 1px solid #bbb;
          border-radius: 0.5rem; cursor: crosshair; display: block; }}
.row {{ display: flex; gap: 0.5rem; }}
button {{ flex: 1; font: inherit; padding: 0.4rem 0.6rem; border-radius: 0.5rem; border: 1px solid #bbb;
          background: #f4f4f6; color: #222; cursor: pointer; min-height: 2.5rem; }}
button.use {{ background: #ff4b4b; border-color: #ff4b4b; color: #fff; }}
"""

# pointer events (mouse, pen and touch alike); touch-action: none keeps a finger from scrolling the page
JS = """
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const canvas = parentElement.querySelector("canvas");
  const ctx = canvas.getContext("2d");
  const clear = parentElement.querySelector("button.clear");
  const use = parentElement.querySelector("button.use");
  clear.textContent = data.clear;
  use.textContent = data.use;
  const brush = canvas.width / 12;
  let down = false, last = null;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  };
  const stroke = (a, b) => {
    ctx.strokeStyle = "#000"; ctx.lineWidth = brush; ctx.lineCap = "round"; ctx.lineJoin = "round";
    ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
    canvas.dataset.inked = "1";
  };
  canvas.onpointerdown = (e) => {
    e.preventDefault(); try { canvas.setPointerCapture(e.pointerId); } catch (_) {} down = true; last = at(e); stroke(last, last);
  };
  canvas.onpointermove = (e) => { if (!down) return; e.preventDefault(); const p = at(e); stroke(last, p); last = p; };
  canvas.onpointerup = canvas.onpointercancel = () => { down = false; };
  clear.onclick = () => {
    ctx.clearRect(0, 0, canvas.width, canvas.height); canvas.dataset.inked = ""; setTriggerValue("cleared", true);
  };
  use.onclick = () => setTriggerValue("drawing", canvas.toDataURL("image/png"));
  if (data.image && !canvas.dataset.inked) {  // a redrawn page: show the drawing that was used
    const img = new Image();
    img.onload = () => { if (!canvas.dataset.inked) { ctx.drawImage(img, 0, 0); canvas.dataset.inked = "1"; } };
    img.src = data.image;
  }
}
"""

PAD = st.components.v2.component("aecore.drawpad", html=HTML, css=CSS, js=JS)  # registered once, at import
RECIPE = {"digits": "draw.recipe_digits", "mnist": "draw.recipe_mnist", "fashion-mnist": "draw.recipe_fashion"}


@dataclass
class Drawn:
    x: torch.Tensor      # uint8 (1, C, H, W): the drawing made the way the dataset made its images
    code: torch.Tensor   # (D,) its code
    recipe: str          # how it was made (aecore.use.drawing.RECIPES)


def _keep(obj: dict, key: str) -> None:
    event = st.session_state.get(key) or {}
    if event.get("drawing"):
        obj["drawing"] = str(event["drawing"])[:drawing.MAX_CHARS + 1]  # the reader refuses longer ones in words
    elif event.get("cleared"):
        obj.pop("drawing", None)


def pad(obj: dict, key: str, title: str = "draw.title") -> None:
    """The pad, under a heading; a drawing the learner uses goes into ``obj["drawing"]``."""
    st.markdown(f"**{t(title)}**")
    st.caption(t("draw.hint"))
    kept = obj.get("drawing")
    shown_again = kept if isinstance(kept, str) and kept.startswith(drawing.PREFIX) else None
    PAD(key=key, data={"clear": t("draw.clear"), "use": t("draw.use"), "image": shown_again}, width="content",
        on_drawing_change=callback(_keep, obj, key), on_cleared_change=callback(_keep, obj, key))


def drawn(result, obj: dict, key: str, neighbours: bool = True) -> Drawn | None:
    """The pad (when the model's dataset is one that drawings are made for), then what became of the drawing the
    learner used: the panel (drawn_panel), or a sentence. Returns the drawing, or None."""
    return below(result, obj, key, encoded(result, obj.get("drawing")), neighbours)


def encoded(result, url) -> Drawn | str | None:
    """A drawing (the pad's PNG data URL) made as the model's dataset made its images, and its code; None when
    there is none, or the sentence that says why it cannot be used. Draws nothing: a page may put the point in
    its plot first."""
    if url is None or result.config.dataset not in drawing.RECIPES:
        return None
    p = result.plan
    try:
        x, recipe = drawing.from_url(url, result.config.dataset, p.height, p.channels)
    except drawing.DrawingError as e:
        return str(e)
    return Drawn(x, search.embed(result.model, p, x)[0], recipe)


def below(result, obj: dict, key: str, got: Drawn | str | None, neighbours: bool = True) -> Drawn | None:
    """The pad, then the drawing's panel, or the sentence that says what to do; the drawing, or None."""
    dataset = result.config.dataset
    if dataset not in drawing.RECIPES:
        st.info(t("draw.other_data", data=dataset_name(dataset)), icon=":material/draw:")
        return None
    pad(obj, key, "draw.title_fashion" if dataset == "fashion-mnist" else "draw.title")
    if got is None:
        st.info(t("draw.first"), icon=":material/draw:")
        return None
    if isinstance(got, str):
        st.warning(plain(got), icon=":material/gesture:")
        return None
    drawn_panel(result, got, key, neighbours)
    return got


def drawn_panel(result, d: Drawn, prefix: str, neighbours: bool = True) -> None:
    """The drawing as the model sees it, what the model rebuilds, |x − x̂| per pixel, and (with ``neighbours``)
    the training images whose codes are nearest to its code (exact search)."""
    point_panel(result, d.x, d.code, t("draw.yours"), prefix + ".",
                note=t(RECIPE[d.recipe]) + " " + t("draw.code", code=code_text(d.code)),
                neighbours="draw.neighbours" if neighbours else None)


def code_text(code, most: int = 8) -> str:
    """(0.12, −1.30, 2.00): the first numbers of a code."""
    z = [f"{float(v):.2f}" for v in code[:most]]
    return "(" + ", ".join(z) + (", …" if len(code) > most else "") + ")"


def with_point(fig: go.Figure, code) -> go.Figure:
    """The latent plot with the drawing's code as one more point: a black star in 2-D, a diamond in 3-D (plotly's
    3-D markers have no star); a 1-D code sits at height 0, as the plot draws those."""
    z = [float(v) for v in code] + [0.0]
    three = any(isinstance(tr, go.Scatter3d) for tr in fig.data)
    mark = {"mode": "markers", "name": t("draw.yours"), "hovertemplate": t("draw.yours") + "<extra></extra>",
            "marker": {"size": 9 if three else 16, "color": "black", "symbol": "diamond" if three else "star",
                       "line": {"color": "white", "width": 1}}}
    fig.add_trace(go.Scatter3d(x=[z[0]], y=[z[1]], z=[z[2]], **mark) if three else
                  go.Scattergl(x=[z[0]], y=[z[1]], **mark))
    return fig


def mark(fig: go.Figure, got, how: str = "as_is", codes=None) -> go.Figure:
    """The plot with the drawing's point when there is a drawing: its code as it is (``how`` "as_is"), or placed by
    the plot's own PCA ("pca": fitted again on ``codes`` exactly as the page fits it, the same seed, so the same
    directions). A t-SNE map cannot place a new point without moving the others: left as it is."""
    if not isinstance(got, Drawn) or how not in ("as_is", "pca"):
        return fig
    code = got.code
    if how == "pca":
        dims = 3 if any(isinstance(tr, go.Scatter3d) for tr in fig.data) else 2
        pca = PCA(n_components=dims, random_state=0).fit(codes.numpy())
        code = pca.transform(code.numpy()[None])[0]  # (D,) -> (dims,)
    return with_point(fig, code)
