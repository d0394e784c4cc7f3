"""The Train form's widgets, drawn from the field table (aecore.app.fields): one widget per field, bound to the
settings it shows; its range, steps and labels are the table's, the same ones a link is held to."""
from __future__ import annotations

import streamlit as st

from aecore.app import fields
from aecore.app.fields import Field
from aecore.app.state import fresh_settings
from aecore.shapes import presets
from aecore.app.links import summary
from aecore.ui import state
from aecore.ui.common import bound, device_kind, mirror_url, t

KEY = "train."  # a field's widget key is KEY + its URL key: one name for a setting, in the page and in a link


def key(f: Field, model: str = "") -> str:
    return KEY + (f"p.{model}.{f.url}" if model else f.url)


def widget(container, f: Field, obj, model: str = "", in_form: bool = True):
    """One field's widget in ``container`` (a column), a view of ``obj.<attr>`` (or ``obj[attr]``)."""
    kw = dict(key=key(f, model), obj=obj, attr=f.attr, in_form=in_form)
    if f.help:
        kw["help"] = t(f.help)
    label = t(f.label) if f.label else f.attr
    draw = getattr(container, f.widget)
    if f.options:
        names = (lambda v: t(f.names + v)) if f.names else (lambda v: f"{v:g}" if isinstance(v, float) else str(v))
        extra = dict(horizontal=True) if f.widget == "radio" else {}
        return bound(draw, label, options=f.options, format_func=names, **extra, **kw)
    if f.widget == "checkbox":
        return bound(draw, label, **kw)
    low, high = (float(f.low), float(f.high)) if f.kind == "float" else (int(f.low), int(f.high))
    step = {"step": f.step if f.kind == "float" else int(f.step)} if f.step else {}
    return bound(draw, label, low, high, **step, **kw)


def settle(settings, dataset: str, model: str) -> None:
    """Before the form is drawn: each value a widget would show is one it offers (aecore.app.fields.settle),
    and each one that had to change is said above the form."""
    specs = presets.PRESETS[model].params if model in presets.PRESETS else {}
    said = summary(fields.settle(settings, specs, fresh_settings(dataset, model, device_kind())))
    for key, values in said:
        st.warning(t("form.notice", what=t(key, **values)), icon=":material/tune:")
    if said:  # the address bar was written before: now it holds the values the form shows
        mirror_url(state.get(), "train")


def _items(name: str, settings, model: str) -> list[tuple]:
    """A group's fields: [(field, the object it is bound to, the model for a size parameter's key)]."""
    items = [(f, settings, "") for f in fields.in_group(name)]
    if name == "advanced" and model in presets.PRESETS:  # the model's size parameters (channels, side: the data's)
        specs = presets.PRESETS[model].params
        items += [(fields.field_for(p, specs[p]), settings.params, model) for p in settings.params if p in specs]
    return items


def group(name: str, settings, model: str, columns: int, in_form: bool = True) -> None:
    """A group's widgets in ``columns`` columns (the 'advanced' group with the model's size parameters)."""
    cols = st.columns(columns)
    for i, (f, obj, m) in enumerate(_items(name, settings, model)):
        widget(cols[i % columns], f, obj, m, in_form)


def pairs(settings, model: str) -> list[tuple]:
    """Every field of the form as (widget key, object, attribute), for ``common.read_form``."""
    return [(key(f, m), obj, f.attr) for name in fields.GROUPS for f, obj, m in _items(name, settings, model)]
