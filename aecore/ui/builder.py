"""The Layer Builder's pieces: the live shape table, its banner, and one editor per layer, all views of
``state.Builder`` (keys ``builder.<uid>.<keyword>``; the state keeps every value)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from aecore.app import state
from aecore.shapes import editing, presets
from aecore.shapes.both import aligned, keras_code
from aecore.shapes.layers import Summary, parse_shape, summarize
from aecore.shapes.lower import LowerError, pytorch_code, torch_shape
from aecore.shapes.rules import LayerError, fmt_shape
from aecore.ui.common import bound, callback, go, plain, t

P = "builder."


def current_summary(b: state.Builder) -> tuple[Summary | None, str | None]:
    """(summary, None), or (None, message) when the input shape itself is unreadable."""
    try:
        shape = parse_shape(b.input_text)
    except LayerError as e:
        return None, str(e)
    return summarize(b.stack(), shape, b.dialect), None


def shape_table(summary: Summary, hide_from: int | None = None, torch_ops: list[str] | None = None) -> None:
    """The live table: failing row in red with its message, the bottleneck marked, warnings in amber."""
    first_shape = summary.input_shape if torch_ops is None else torch_shape(summary.input_shape, summary.dialect)
    rows = [{"#": "", t("table.layer"): t("table.input"), t("table.shape"): fmt_shape(first_shape),
             t("table.params"): ""}]
    styles = [""]
    for r in summary.rows:
        hidden = hide_from is not None and r.index >= hide_from
        mark = " ◆ " + t("table.bottleneck") if r.index == summary.bottleneck and not hidden else ""
        shape = "?" if hidden else fmt_shape(r.output_shape)
        row = {"#": str(r.index), t("table.layer"): r.type + mark, t("table.shape"): shape,
               t("table.params"): f"{r.params:,}", t("table.why"): "" if hidden else (r.why + (
                   "  ⚠ " + r.warning if r.warning else ""))}
        if torch_ops is not None:  # the PyTorch view: torch's (C, H, W) and the ops, instead of Keras's why
            row[t("table.shape")] = "?" if hidden else fmt_shape(torch_shape(r.output_shape, summary.dialect))
            del row[t("table.why")]
            row[t("table.torch_ops")] = torch_ops[r.index] if r.index < len(torch_ops) else ""
        rows.append(row)
        styles.append("background-color: #fff4e0" if mark else "background-color: #fff8d6" if r.warning else "")
    if not summary.ok:
        rows.append({"#": str(summary.error_index), t("table.layer"): "✗", t("table.shape"): "—",
                     t("table.params"): "", t("table.why"): summary.error})
        styles.append("background-color: #fde2e1; color: #8a1c1c; font-weight: 600")
    frame = pd.DataFrame(rows).fillna("")
    styled = frame.style.apply(lambda _: [styles[i] for i in range(len(frame))], axis=0)
    st.table(styled.hide(axis="index"))  # static HTML: long 'why' texts wrap instead of being cut


def both_frameworks(summary: Summary, stack: list[dict]) -> None:
    """The same model in Keras 3 and in PyTorch side by side, and both shape tables aligned row by row with
    the rows where the frameworks differ marked and explained."""
    try:
        sides, codes = aligned(summary), (pytorch_code(summary), keras_code(summary, stack))
    except LowerError as e:
        st.info(plain(str(e)))
        return
    st.subheader(t("both.title"), anchor=False)
    st.caption(t("both.intro"))
    cols = st.columns(2)
    for col, title, code in zip(cols, ("both.torch_code", "both.keras_code"), codes):
        col.markdown("**" + t(title) + "**")
        col.code(code, language="python", height=480)  # side by side, each scrolls: the table stays near
    rows = [{"#": str(s.index), t("both.col_keras"): s.keras or "✗",
             t("both.col_keras_shape"): fmt_shape(s.keras_shape) if s.keras_shape is not None else "—",
             t("both.col_torch"): s.torch, t("both.col_torch_shape"): fmt_shape(s.torch_shape),
             "≠": "≠" if s.differs else "", t("both.col_note"): s.note} for s in sides]
    frame = pd.DataFrame(rows)
    styles = ["background-color: #fff4e0" if s.differs else "" for s in sides]
    st.table(frame.style.apply(lambda _: styles, axis=0).hide(axis="index"))
    st.caption(t("both.differ_count", n=sum(s.differs for s in sides), m=len(sides)))


def shape_banner(summary: Summary) -> None:
    if not summary.ok:
        st.error(t("builder.banner_error", i=summary.error_index), icon=":material/error:")
    elif not summary.rows:
        st.info(t("builder.banner_empty"))
    elif summary.same_as_input:
        st.success(t("builder.banner_same", shape=fmt_shape(summary.output_shape)), icon=":material/check_circle:")
    else:
        st.warning(t("builder.banner_differs", out=fmt_shape(summary.output_shape),
                     inp=fmt_shape(summary.input_shape)), icon=":material/warning:")


def _key(uid: int, kw: str) -> str:
    return f"{P}{uid}.{kw}"


def _edited(b: state.Builder):
    def mark(_value=None):
        b.edited = True
        b.quiz.result = None
    return mark


def layer_editor(b: state.Builder, layer: state.Layer, position: int, summary: Summary, hide: bool) -> None:
    """One layer: its type, its keywords, move/remove, and what comes out of it."""
    rows = {r.index: r for r in summary.rows}
    shape_in = rows[position - 1].output_shape if position - 1 in rows else summary.input_shape
    with st.container(border=True):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            if position in rows and not hide:
                row = rows[position]
                out = (f"→ **`{fmt_shape(row.output_shape)}`**" + (" ◆" if position == summary.bottleneck else "")
                       + (" ⚠" if row.warning else ""))
            elif summary.error_index == position:
                out = f":red[**✗ {t('builder.fails_here')}**]"
            else:
                out = "→ **`?`**" if hide else ""
            st.markdown(f"**{t('builder.type_n', i=position)}** &nbsp; {out}", width="stretch")
            st.button("", icon=":material/arrow_upward:", key=_key(layer.uid, "up"),
                      on_click=callback(b.move, layer.uid, -1), help=t("builder.up"), type="tertiary")
            st.button("", icon=":material/arrow_downward:", key=_key(layer.uid, "down"),
                      on_click=callback(b.move, layer.uid, 1), help=t("builder.down"), type="tertiary")
            st.button("", icon=":material/delete:", key=_key(layer.uid, "del"),
                      on_click=callback(b.remove, layer.uid), help=t("builder.remove"), type="tertiary")
        bound(st.selectbox, t("builder.type_n", i=position), key=_key(layer.uid, "type"), obj=layer, attr="type",
              options=editing.layer_types(b.dialect), label_visibility="collapsed",
              on_change=lambda kind: b.retype(layer.uid, kind, shape_in))
        main, more = editing.fields(b.dialect, layer.type)
        _fields(b, layer, main)
        if more:  # drawn only while open: a dozen layers' rarer fields cost every rerun of the Builder ~40 ms
            box = st.expander(t("builder.more"), key=_key(layer.uid, "more"), on_change="rerun")
            if box.open:
                with box:
                    _fields(b, layer, more)
        if summary.error_index == position:
            st.error(plain(summary.error))


def _fields(b: state.Builder, layer: state.Layer, keywords: list[str]) -> None:
    if not keywords:
        return
    cols = st.columns(min(len(keywords), 3))
    for i, kw in enumerate(keywords):
        col = cols[i % len(cols)]
        default = editing.default_of(b.dialect, layer.type, kw)
        label = kw + (" *" if kw in editing.required(b.dialect, layer.type) else "")
        if (b.dialect, kw) in editing.CHOICES:
            bound(col.selectbox, label, key=_key(layer.uid, kw), obj=layer.values, attr=kw,
                  options=editing.CHOICES[(b.dialect, kw)], default=default,
                  format_func=lambda v: "None" if v is None else str(v), on_change=_edited(b))
        else:
            hint = t("builder.default", v=editing.to_text(default) or "None") if default is not editing.REQUIRED \
                else t("builder.required")
            bound(col.text_input, label, key=_key(layer.uid, kw), obj=layer.values, attr=kw, default="",
                  placeholder=hint, on_change=_edited(b))


def paste_way(b: state.Builder) -> None:
    """Under a refused paste, a button for each built-in model its message names: a preset opens here, the tied
    model on the Stacked & tied page."""
    for way in b.paste_way:
        if way in presets.PRESETS:
            st.button(t("builder.tf1_open_preset", model=t("preset." + way)), key=f"{P}way.{way}",
                      icon=":material/open_in_new:", on_click=callback(_open_preset, b, way))
        elif way == "tied" and st.button(t("builder.tf1_open_tied", page=t("nav.stacked")), key=P + "way.tied",
                                         icon="🥞", type="primary"):
            go("stacked")


def _open_preset(b: state.Builder, name: str) -> None:
    b.load_choice(name)  # as the Start-from menu loads it (an edited or pasted stack stays one undo away)
    b.paste_error, b.paste_way, b.paste_notes = None, (), []
