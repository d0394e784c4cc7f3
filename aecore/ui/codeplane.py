"""The code plane under the pointer: an inline Streamlit component (st.components.v2, no build step) that shows a
2-number code plane with the training codes as dots and, as the pointer (mouse, pen or finger) moves, the image
the decoder draws at the nearest grid point and the off-manifold meter. Everything it shows was computed on the
server (aecore.use.plane, cached in aecore.ui.lessons.plane); the browser only looks up the cell under the
pointer, so a move costs no rerun and no round trip."""
from __future__ import annotations

import streamlit as st

from aecore.ui import lessons, viz
from aecore.ui.common import class_labels, t

HTML = """<div class="cp-root">
  <div class="cp-title"></div>
  <div class="cp-row">
    <div class="cp-planebox">
      <canvas class="cp-plane" width="300" height="300"></canvas><div class="cp-mark"></div>
    </div>
    <div class="cp-legend"></div>
    <div class="cp-side">
      <canvas class="cp-pic"></canvas>
      <div class="cp-info">
        <div class="cp-code"></div>
        <div class="cp-meter cp-gap"><div class="cp-label"></div><div class="cp-bar"><div class="cp-fill"></div></div>
          <div class="cp-value"></div></div>
        <div class="cp-meter cp-dens"><div class="cp-label"></div><div class="cp-bar"><div class="cp-fill"></div></div>
          <div class="cp-value"></div></div>
      </div>
    </div>
  </div>
  <div class="cp-hint"></div>
</div>"""

CSS = """
.cp-root { font-family: var(--st-font, "Source Sans Pro", sans-serif); color: var(--st-text-color, #31333f);
           font-size: 14px; }
.cp-title { font-weight: 600; margin-bottom: 6px; }
.cp-row { display: flex; flex-direction: column; gap: 10px; }
.cp-planebox { position: relative; width: 300px; height: 300px; touch-action: none; cursor: crosshair;
               border: 1px solid #d6d6d9; border-radius: 4px; overflow: hidden; }
.cp-plane { width: 300px; height: 300px; display: block; }
.cp-mark { position: absolute; left: 0; top: 0; border: 2px solid #111; box-shadow: 0 0 0 1px #fff;
           pointer-events: none; display: none; }
.cp-side { display: flex; gap: 12px; width: 300px; }
.cp-info { flex: 1; min-width: 0; }
.cp-pic { width: 140px; height: 140px; flex: none; image-rendering: pixelated; border: 1px solid #d6d6d9;
          background: #000; display: block; }
.cp-code { font-variant-numeric: tabular-nums; margin: 4px 0 8px; opacity: 0.8; }
.cp-meter { margin-bottom: 10px; }
.cp-label { font-size: 12px; opacity: 0.8; }
.cp-bar { height: 10px; width: 100%; background: #eceff1; border-radius: 5px; overflow: hidden; margin: 2px 0; }
.cp-fill { height: 100%; width: 0; }
.cp-value { font-size: 13px; font-variant-numeric: tabular-nums; }
.cp-legend { width: 300px; font-size: 12px; line-height: 1.5; }
.cp-legend span { margin-right: 8px; white-space: nowrap; }
.cp-legend i { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 3px; }
.cp-hint { font-size: 12px; opacity: 0.7; margin-top: 6px; }
"""

JS = """
export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector('.cp-root');
  if (!root || !data) return;
  const q = s => root.querySelector(s);
  const n = data.n, plane = q('.cp-plane'), box = q('.cp-planebox'), mark = q('.cp-mark'), pic = q('.cp-pic');
  const W = plane.width, cell = W / n, tile = data.tile;
  q('.cp-title').textContent = data.text.title;
  q('.cp-hint').textContent = data.text.hint;
  pic.width = tile[1]; pic.height = tile[0];
  const colours = ['#3ca142', '#f28e2b', '#e15759'];
  // the grid's cells tile the canvas: grid point (r, c) is the centre of cell (r, c)
  const sx = (data.xs[n - 1] - data.xs[0]) / (n - 1), sy = (data.ys[0] - data.ys[n - 1]) / (n - 1);
  const px = x => (x - (data.xs[0] - sx / 2)) / (n * sx) * W, py = y => ((data.ys[0] + sy / 2) - y) / (n * sy) * W;
  const g = plane.getContext('2d');
  g.fillStyle = '#fafafa'; g.fillRect(0, 0, W, W);
  if (data.ring) {  // N(0, I)'s 95% circle
    g.setLineDash([4, 4]); g.strokeStyle = '#888'; g.beginPath();
    g.ellipse(px(0), py(0), data.ring / (n * sx) * W, data.ring / (n * sy) * W, 0, 0, 2 * Math.PI); g.stroke();
    g.setLineDash([]);
  }
  for (const [x, y, k] of data.dots) {
    g.fillStyle = data.colors[k % data.colors.length]; g.globalAlpha = 0.75;
    g.beginPath(); g.arc(px(x), py(y), 2.2, 0, 2 * Math.PI); g.fill();
  }
  g.globalAlpha = 1;
  const legend = q('.cp-legend');
  legend.textContent = '';  // called again on a rerun with the same elements: draw the legend once
  data.classes.forEach((name, k) => {
    const item = document.createElement('span'), dot = document.createElement('i');
    dot.style.background = data.colors[k % data.colors.length];
    item.append(dot, document.createTextNode(name));
    legend.append(item);
  });
  const sheet = new Image();
  let current = null;
  function meter(el, value, level, width, words, digits, suffix) {
    el.querySelector('.cp-label').textContent = words.label;
    const fill = el.querySelector('.cp-fill');
    fill.style.width = (100 * Math.min(width, 1)).toFixed(1) + '%';
    fill.style.background = colours[level];
    el.querySelector('.cp-value').textContent = value.toFixed(digits) + suffix + ' · ' + words.levels[level];
  }
  function show(r, c) {
    const i = r * n + c;
    if (i === current) return;
    current = i;
    const p = pic.getContext('2d');
    if (sheet.complete && sheet.naturalWidth) {
      p.drawImage(sheet, c * tile[1], r * tile[0], tile[1], tile[0], 0, 0, tile[1], tile[0]);
    }
    mark.style.display = 'block';
    mark.style.width = mark.style.height = (cell - 2) + 'px';
    mark.style.transform = `translate(${(c * cell).toFixed(1)}px, ${(r * cell).toFixed(1)}px)`;
    q('.cp-code').textContent = `z = (${data.xs[c].toFixed(2)}, ${data.ys[r].toFixed(2)})`;
    meter(q('.cp-gap'), data.gap[i], data.gap_level[i], data.gap[i] / data.gap_full, data.text.gap, 1, '×');
    if (data.density) {
      meter(q('.cp-dens'), data.density[i], data.density_level[i], data.density[i], data.text.density, 3, '');
    } else {
      q('.cp-dens').style.display = 'none';
    }
    root.dataset.cell = r + ',' + c;
  }
  function at(ev) {
    const b = plane.getBoundingClientRect();
    const fx = (ev.clientX - b.left) / b.width, fy = (ev.clientY - b.top) / b.height;
    if (fx < 0 || fx >= 1 || fy < 0 || fy >= 1) return;
    show(Math.min(n - 1, Math.floor(fy * n)), Math.min(n - 1, Math.floor(fx * n)));
  }
  box.onpointermove = at;
  box.onpointerdown = ev => { at(ev); if (box.setPointerCapture) box.setPointerCapture(ev.pointerId); };
  sheet.onload = () => { const i = current; current = null; show(Math.floor(i / n), i % n); };
  sheet.src = data.sprite;
  show(data.start[0], data.start[1]);
}
"""

_component = st.components.v2.component("aecore_codeplane", html=HTML, css=CSS, js=JS)


def code_plane(result, name: str, key: str) -> None:
    """The code plane of a trained model with a 2-number code, titled ``name``: its numbers (cached per model:
    lessons.plane_numbers) and the texts in the reader's language."""
    numbers = lessons.plane_numbers(result.config.key(), result)
    text = {"title": name, "hint": t("vae.plane_hint"),
            "gap": {"label": t("vae.gap_label"), "levels": [t("vae.gap_near"), t("vae.gap_between"), t("vae.gap_far")]},
            "density": {"label": t("vae.density_label"),
                        "levels": [t("vae.density_high"), t("vae.density_edge"), t("vae.density_low")]}}
    data = {**numbers, "classes": list(class_labels(numbers["classes"])), "text": text, "colors": list(viz.PALETTE)}
    _component(key=key, data=data, height="content")
