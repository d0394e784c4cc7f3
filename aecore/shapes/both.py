"""One model, both frameworks: a stack as Keras 3 code beside the PyTorch code, and the two shape tables
aligned row by row, with the rows where the frameworks differ marked and explained.

    rows = aligned(summary)            # one Side per row: both layers, both shapes, a note where they differ
    print(keras_code(summary, stack))  # keras.Sequential([keras.Input(shape=...), layers.Conv2D(...), ...])

A Keras stack is already Keras: its code is the stack itself, and the PyTorch side is ``lower``'s ops.
A PyTorch stack is translated row by row into the Keras layers that compute the same function where
they exist (a symmetric padding number becomes ZeroPadding2D + 'valid'; ConvTranspose2d's padding a
Cropping2D); every translation is checked by the Keras rules themselves (its output shape must equal
torch's, reordered), and a row with no Keras layer says why. The notes are computed from the row's
numbers, never written per preset. No torch, no keras import: plain arithmetic.
"""
from __future__ import annotations

from dataclasses import dataclass

from aecore.shapes.layers import Summary, summarize
from aecore.shapes.lower import LowerError, lower, torch_shape
from aecore.shapes.rules import fmt_shape, tf_same
from aecore.text import t

DROP = ("input_shape", "input_dim")  # the input goes into keras.Input


@dataclass(frozen=True)
class Side:
    """One row of the two tables side by side."""
    index: int
    keras: str                   # the Keras layer(s): "ZeroPadding2D + Conv2D"; "" where none exists
    torch: str                   # the torch op(s): "nn.ZeroPad2d + nn.Conv2d"
    keras_shape: tuple | None    # (H, W, C) for images; None where no Keras layer exists
    torch_shape: tuple           # (C, H, W) for images
    note: str = ""               # why the two frameworks differ here ("" where they agree)

    @property
    def differs(self) -> bool:
        return bool(self.note)


def hwc(shape) -> tuple:
    """A torch (C, H, W) shape -> Keras's (H, W, C); other ranks keep their order."""
    return (shape[1], shape[2], shape[0]) if len(shape) == 3 else tuple(shape)


def _one(pair):
    pair = tuple(pair)
    return pair[0] if len(set(pair)) == 1 else pair


def _reorders(chw) -> bool:
    """Whether channels-first and channels-last put the numbers of a (C, H, W) image in different orders:
    only with several channels and more than one pixel (one channel: the same order)."""
    return len(chw) == 3 and chw[0] > 1 and chw[1] * chw[2] > 1


def _pair(v):
    return tuple(v) if isinstance(v, (list, tuple)) else (v, v)


# ---- a PyTorch row -> Keras layers (or the reason there are none) ------------------------------------

_ACT = {"ReLU": {"type": "ReLU"}, "ReLU6": {"type": "Activation", "activation": "relu6"},
        "SELU": {"type": "Activation", "activation": "selu"},
        "Sigmoid": {"type": "Activation", "activation": "sigmoid"},
        "Tanh": {"type": "Activation", "activation": "tanh"}, "SiLU": {"type": "Activation", "activation": "silu"},
        "Mish": {"type": "Activation", "activation": "mish"},
        "Hardsigmoid": {"type": "Activation", "activation": "hard_sigmoid"},
        "Hardswish": {"type": "Activation", "activation": "hard_silu"},
        "Identity": {"type": "Activation", "activation": "linear"}}


def _none(why: str):
    return t("both.none", why=why)


def _conv(row):
    c, (_, h, w) = row.cfg, row.input_shape
    if c["padding_mode"] != "zeros":
        return _none(t("both.why_padding_mode", mode=c["padding_mode"]))
    k, s, d = _pair(c["kernel_size"]), _pair(c["stride"]), _pair(c["dilation"])
    layer = {"type": "Conv2D", "filters": c["out_channels"], "kernel_size": _one(k)}
    layer.update({"strides": _one(s)} if s != (1, 1) else {})
    layer.update({"dilation_rate": _one(d)} if d != (1, 1) else {})
    layer.update({"groups": c["groups"]} if c["groups"] != 1 else {})
    layer.update({"use_bias": False} if not c["bias"] else {})
    p = c["padding"]
    if p == "same":
        return [{**layer, "padding": "same"}], ""
    p = (0, 0) if p == "valid" else _pair(p)
    if p == (0, 0):
        return [layer], ""
    sames = [tf_same(n, dd * (kk - 1) + 1, ss) for n, kk, ss, dd in zip((h, w), k, s, d)]
    if all(before == after == pp for (_, before, after), pp in zip(sames, p)):  # Keras's 'same' is this padding
        return [{**layer, "padding": "same"}], ""
    (oh, th, bh), (_, lw, rw) = sames
    note = t("both.pad_torch", p=_one(p), t=th, b=bh, l=lw, r=rw, out=oh)
    return [{"type": "ZeroPadding2D", "padding": _one(p)}, layer], note


def _tconv(row):
    c, (_, h, _w) = row.cfg, row.input_shape
    if c["padding_mode"] != "zeros":
        return _none(t("both.why_padding_mode", mode=c["padding_mode"]))
    k, s, d = _pair(c["kernel_size"]), _pair(c["stride"]), _pair(c["dilation"])
    p, op = _pair(c["padding"]), _pair(c["output_padding"])
    if c["groups"] != 1:
        return _none(t("both.why_kw", kw="groups"))
    layer = {"type": "Conv2DTranspose", "filters": c["out_channels"], "kernel_size": _one(k)}
    layer.update({"strides": _one(s)} if s != (1, 1) else {})
    k_eff = [dd * (kk - 1) + 1 for kk, dd in zip(k, d)]
    if op != (0, 0) or any(ke < ss for ke, ss in zip(k_eff, s)):  # Keras's default would grow to n·s
        layer["output_padding"] = _one(op)
    layer.update({"dilation_rate": _one(d)} if d != (1, 1) else {})
    layer.update({"use_bias": False} if not c["bias"] else {})
    if p == (0, 0):
        return [layer], ""
    full = (h - 1) * s[0] + k_eff[0] + op[0]
    note = t("both.tconv_torch", n=h, s=s[0], p=p[0], k=k_eff[0], op=op[0], full=full, out=row.output_shape[1])
    return [layer, {"type": "Cropping2D", "cropping": _one(p)}], note


def _pool(row):
    c = row.cfg
    keras = "MaxPooling2D" if row.type == "MaxPool2d" else "AveragePooling2D"
    if _pair(c["padding"]) != (0, 0):
        return _none(t("both.why_kw", kw="padding"))
    if _pair(c.get("dilation", 1)) != (1, 1):
        return _none(t("both.why_kw", kw="dilation"))
    k = _pair(c["kernel_size"])
    s = k if c["stride"] is None else _pair(c["stride"])
    layer = {"type": keras, "pool_size": _one(k)}
    layer.update({"strides": _one(s)} if s != k else {})
    return [layer], ""  # ceil_mode that changes the size fails the check below with both sizes named


def _upsample(row):
    c = row.cfg
    if c["size"] is not None or c["mode"] not in ("nearest", "bilinear", "bicubic") or c["align_corners"]:
        return _none(t("both.why_upsample"))
    sh, sw = _pair(c["scale_factor"])
    if sh != int(sh) or sw != int(sw):
        return _none(t("both.why_upsample"))
    layer = {"type": "UpSampling2D", "size": _one((int(sh), int(sw)))}
    layer.update({"interpolation": c["mode"]} if c["mode"] != "nearest" else {})
    return [layer], ""


def _linear(row):
    c = row.cfg
    if len(row.input_shape) == 3:
        return _none(t("both.why_linear"))
    return [{"type": "Dense", "units": c["out_features"], **({} if c["bias"] else {"use_bias": False})}], ""


def _flatten(row):
    c, rank = row.cfg, len(row.input_shape)
    if (c["start_dim"], c["end_dim"]) not in ((1, -1), (1, rank)):
        return _none(t("both.why_kw", kw="start_dim / end_dim"))
    note = t("both.flatten_torch", shape=fmt_shape(row.input_shape), n=row.output_shape[0]) \
        if _reorders(row.input_shape) else ""
    return [{"type": "Flatten"}], note


def _unflatten(row):
    c = row.cfg
    if len(row.input_shape) != 1 or c["dim"] not in (1, -1):
        return _none(t("both.why_kw", kw="dim"))
    target = row.output_shape
    note = t("both.unflatten_torch", shape=fmt_shape(target), keras=fmt_shape(hwc(target))) \
        if _reorders(target) else ""
    return [{"type": "Reshape", "target_shape": list(hwc(target))}], note


def _batch_norm(row):
    c = row.cfg
    if not c["track_running_stats"] or c["momentum"] is None:
        return _none(t("both.why_kw", kw="momentum / track_running_stats"))
    layer = {"type": "BatchNormalization", "momentum": round(1 - c["momentum"], 6), "epsilon": c["eps"]}
    layer.update({"axis": 1} if len(row.input_shape) == 2 else {})
    layer.update({"center": False, "scale": False} if not c["affine"] else {})
    return [layer], ""


def _pad(row):
    c = row.cfg
    v = c["padding"]
    left, right, top, bottom = (v,) * 4 if isinstance(v, int) else tuple(v)
    amounts = (left, right, top, bottom)
    if len(row.input_shape) != 3 or c.get("value", 0) != 0:
        return _none(t("both.why_kw", kw="value"))
    if all(a >= 0 for a in amounts):
        return [{"type": "ZeroPadding2D", "padding": ((top, bottom), (left, right))}], ""
    if all(a <= 0 for a in amounts):
        return [{"type": "Cropping2D", "cropping": ((-top, -bottom), (-left, -right))}], ""
    return _none(t("both.why_kw", kw="padding"))


def _activation(row):
    c, kind, rank = row.cfg, row.type, len(row.input_shape)
    if kind in _ACT:
        return [dict(_ACT[kind])], ""
    if kind == "GELU" and c["approximate"] == "none":
        return [{"type": "Activation", "activation": "gelu"}], ""
    if kind in ("ELU", "CELU") and c["alpha"] == 1.0:
        return [{"type": "Activation", "activation": kind.lower()}], ""
    if kind == "ELU":
        return [{"type": "ELU", "alpha": float(c["alpha"])}], ""
    if kind == "LeakyReLU":
        return [{"type": "LeakyReLU", "negative_slope": float(c["negative_slope"])}], ""
    if kind == "Softplus" and (c["beta"], c["threshold"]) == (1.0, 20.0):
        return [{"type": "Activation", "activation": "softplus"}], ""
    if kind == "Softmax" and c["dim"] is not None:
        dim = c["dim"] % (rank + 1)
        axis = {1: -1, 2: 1, 3: 2}[dim] if rank == 3 else dim
        return [{"type": "Softmax", **({} if axis in (-1, rank) else {"axis": axis})}], ""
    return _none(t("both.why_kw", kw=kind))


_FROM_TORCH = {"Conv2d": _conv, "ConvTranspose2d": _tconv, "MaxPool2d": _pool, "AvgPool2d": _pool,
               "Upsample": _upsample, "Linear": _linear, "Flatten": _flatten, "Unflatten": _unflatten,
               "BatchNorm2d": _batch_norm, "BatchNorm1d": _batch_norm, "ZeroPad2d": _pad, "ConstantPad2d": _pad,
               "Dropout": lambda r: ([{"type": "Dropout", "rate": float(r.cfg["p"])}], ""),
               "Dropout2d": lambda r: ([{"type": "SpatialDropout2D", "rate": float(r.cfg["p"])}], "")
               if len(r.input_shape) == 3 else _none(t("both.why_kw", kw="Dropout2d"))}


def keras_layers(row) -> tuple[list[dict], str, tuple | None]:
    """A PyTorch row -> (its Keras layers, a note where the frameworks differ, Keras's output shape).
    No Keras layer: ([], the reason, None). Each translation is checked by the Keras rules on the row's
    input, reordered: a Keras size that differs from torch's is refused with both sizes named."""
    made = _FROM_TORCH.get(row.type, _activation)(row)
    if isinstance(made, str):
        return [], made, None
    layers_, note = made
    check = summarize(layers_, hwc(row.input_shape), "keras")
    want = hwc(row.output_shape)
    if not check.ok or check.output_shape != want:
        got = check.error if not check.ok else fmt_shape(check.output_shape)
        return [], _none(t("both.why_size", keras=got, torch=fmt_shape(want))), None
    return layers_, note, want


# ---- a Keras row -> what PyTorch does differently ---------------------------------------------------

def _keras_note(row, ops) -> str:
    c, kind = row.cfg, row.type
    if kind == "Conv2D" and c["padding"] == "same":
        (h, w, _), k, s, d = row.input_shape, c["kernel_size"], c["strides"], c["dilation_rate"]
        (out, th, bh), (_, lw, rw) = (tf_same(n, dd * (kk - 1) + 1, ss) for n, kk, ss, dd in zip((h, w), k, s, d))
        if (th, lw) != (bh, rw):
            return t("both.same_pad", t=th, b=bh, l=lw, r=rw, n=h, s=s[0], out=out)
    ceil = any(op.kwargs and dict(op.kwargs).get("ceil_mode") for op in ops)
    if kind in ("MaxPooling2D", "AveragePooling2D") and ceil:
        return t("both.same_pool", n=row.input_shape[0], s=c["strides"][0], out=row.output_shape[0])
    if kind == "Conv2DTranspose":
        kw = dict(ops[0].kwargs)
        p, op = _pair(kw.get("padding", 0)), _pair(kw.get("output_padding", 0))
        crop = any(o.cls == "nn.ZeroPad2d" for o in ops)
        if p != (0, 0) or op != (0, 0) or crop:
            n, s, d = row.input_shape[0], c["strides"][0], c["dilation_rate"][0]
            k = d * (c["kernel_size"][0] - 1) + 1
            tout = (n - 1) * s - 2 * p[0] + k + op[0]
            return t("both.tconv", padding=c["padding"], n=n, s=s, p=p[0], k=k, op=op[0], tout=tout,
                     out=row.output_shape[0]) + (" " + t("both.tconv_crop") if crop else "")
    if kind in ("Flatten", "Reshape") and _reorders(torch_shape(row.input_shape, "keras")):
        return t("both.flatten_keras", shape=fmt_shape(row.input_shape), n=row.size)
    if kind == "Reshape" and _reorders(torch_shape(row.output_shape, "keras")):
        return t("both.reshape_keras", shape=fmt_shape(row.output_shape))
    if kind == "Dense" and len(row.input_shape) == 3:
        return t("both.dense_1x1", c=row.input_shape[-1])
    return ""


def _ops_text(ops) -> str:
    return " + ".join(op.cls for op in ops)


def aligned(summary: Summary) -> list[Side]:
    """Both tables, row by row. Raises LowerError where the PyTorch side cannot be built (as the code does)."""
    if summary.dialect == "keras":
        blocks = lower(summary)
        return [Side(r.index, r.type, _ops_text(ops), r.output_shape, torch_shape(r.output_shape, "keras"),
                     _keras_note(r, ops)) for r, ops in zip(summary.rows, blocks)]
    if not summary.ok:
        raise LowerError(summary.error)
    sides = []
    for r in summary.rows:
        layers_, note, shape = keras_layers(r)
        sides.append(Side(r.index, " + ".join(x["type"] for x in layers_), "nn." + r.type, shape, r.output_shape,
                          note))
    return sides


# ---- the code ------------------------------------------------------------------------------------------

def _call(layer: dict) -> str:
    kwargs = ", ".join(f"{k}={v!r}" for k, v in layer.items() if k != "type" and k not in DROP)
    return f"layers.{layer['type']}({kwargs})"


def keras_code(summary: Summary, stack: list[dict]) -> str:
    """Keras 3 code for the stack: ``keras.Sequential`` from ``keras.Input``, one line per layer with the
    output shape as Keras prints it. A Keras stack's own layers, as typed; a PyTorch stack translated row by
    row, and a row with no Keras layer is a comment saying why (the code then does not run as it is)."""
    if not summary.ok:
        raise LowerError(summary.error)
    in_shape = hwc(summary.input_shape) if summary.dialect == "pytorch" else summary.input_shape
    lines = [t("code.keras_header", dialect=summary.dialect, shape=fmt_shape(summary.input_shape)),
             "import keras", "from keras import layers", "", "model = keras.Sequential([",
             f"    keras.Input(shape={fmt_shape(in_shape)}),"]
    missing = 0
    for r in summary.rows:
        if summary.dialect == "keras":
            layers_, shape, why = [stack[r.index]], r.output_shape, ""
        else:
            layers_, why, shape = keras_layers(r)
        if not layers_:
            missing += 1
            lines.append(f"    # ✗ {r.index} · nn.{r.type}: {why}")
            continue
        lines.append(f"    # {r.index} · {r.type} → {fmt_shape(('B',) + tuple(shape))}")
        lines += [f"    {_call(layer)}," for layer in layers_]
    lines.append("])")
    if missing:
        lines.insert(1, t("code.keras_missing", n=missing))
    out = ", ".join(str(d) for d in (8,) + tuple(in_shape))
    want = ", ".join(str(d) for d in (8,) + tuple(hwc(summary.output_shape) if summary.dialect == "pytorch"
                                                  else summary.output_shape))
    lines += ["", "model.summary()", f"print(model(keras.random.uniform(({out}))).shape)  # ({want})", ""]
    return "\n".join(lines)
