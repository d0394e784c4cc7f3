"""Each row of a shape table -> the torch.nn ops that compute it: one description, two uses.

``build.py`` instantiates these ops into a model; ``pytorch_code`` prints them as code a learner can
copy. Both come from here, so the code shown is the code that trains. No torch import: the Layer
Builder page shows the code without paying for torch.

Keras semantics kept exactly (see the tests against committed Keras outputs):
- image tensors are (B, C, H, W) inside torch, (H, W, C) in the Keras table; other ranks keep Keras's order;
- 'same' padding is TensorFlow's: the odd pixel goes after (an explicit ``nn.ZeroPad2d`` for
  convolutions; ``ceil_mode`` windows for pooling, which never count the padding);
- Flatten and Reshape read values in Keras's (H, W, C) order; Dense on an image map acts on channels,
  which is a 1×1 convolution.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from aecore.shapes.layers import Summary
from aecore.shapes.rules import REQUIRED, fmt_shape, tf_same
from aecore.shapes.torch_rules import RULES
from aecore.text import t


class LowerError(ValueError):
    """The table is valid but this layer has no torch equivalent here (e.g. channels_first)."""


@dataclass(frozen=True)
class Op:
    cls: str  # "nn.Conv2d", or a helper of aecore.shapes.torch_helpers: "Permute", "GaussianNoise", ...
    args: tuple = ()
    kwargs: tuple[tuple[str, Any], ...] = ()
    note: str = ""  # a comment saying why this op is here

    def code(self) -> str:
        parts = [_literal(a) for a in self.args] + [f"{k}={_literal(v)}" for k, v in self.kwargs]
        return f"{self.cls}({', '.join(parts)})"


def _literal(v) -> str:
    if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
        return repr(float(v))
    return repr(v)


def _one(pair):
    """(3, 3) -> 3 for readable code; (3, 5) stays."""
    return pair[0] if len(set(pair)) == 1 else tuple(pair)


def torch_shape(shape: tuple, dialect: str) -> tuple:
    """A table shape -> the tensor shape inside torch (batch left out)."""
    if dialect == "keras" and len(shape) == 3:
        h, w, c = shape
        return (c, h, w)
    return tuple(shape)


# ---- activations ---------------------------------------------------------------------------------

_ACT = {
    "relu": ("nn.ReLU", ()), "sigmoid": ("nn.Sigmoid", ()), "tanh": ("nn.Tanh", ()), "elu": ("nn.ELU", ()),
    "selu": ("nn.SELU", ()), "gelu": ("nn.GELU", ()), "silu": ("nn.SiLU", ()), "swish": ("nn.SiLU", ()),
    "softplus": ("nn.Softplus", ()), "softsign": ("nn.Softsign", ()), "relu6": ("nn.ReLU6", ()),
    "leaky_relu": ("nn.LeakyReLU", (("negative_slope", 0.2),)), "hard_sigmoid": ("nn.Hardsigmoid", ()),
    "hard_silu": ("nn.Hardswish", ()), "hard_swish": ("nn.Hardswish", ()), "mish": ("nn.Mish", ()),
    "celu": ("nn.CELU", ()), "log_sigmoid": ("nn.LogSigmoid", ()), "tanh_shrink": ("nn.Tanhshrink", ()),
    "hard_tanh": ("nn.Hardtanh", ()), "hard_shrink": ("nn.Hardshrink", ()), "soft_shrink": ("nn.Softshrink", ()),
}


def _activation(name, rank: int) -> list[Op]:
    if name in (None, "linear"):
        return []
    if name in ("softmax", "log_softmax"):
        cls = "nn.Softmax" if name == "softmax" else "nn.LogSoftmax"
        return [Op(cls, kwargs=(("dim", 1 if rank == 3 else -1),))]
    if name not in _ACT:
        raise LowerError(t("lower.activation", name=name, names=", ".join(sorted(_ACT))))
    cls, kwargs = _ACT[name]
    return [Op(cls, kwargs=kwargs)]


def _keras_axis_to_torch(axis: int, rank: int) -> int:
    """A Keras axis (batch counts) -> the torch dim of the same values."""
    axis = axis % (rank + 1)
    if rank == 3:
        return {1: 2, 2: 3, 3: 1}[axis]
    return axis


# ---- Keras rows ----------------------------------------------------------------------------------

def _conv2d(row):
    c = row.cfg
    h, w, ch = row.input_shape
    k, s, d = c["kernel_size"], c["strides"], c["dilation_rate"]
    ops, pad = [], (0, 0)
    if c["padding"] == "same":
        (_, th, bh), (_, lw, rw) = (tf_same(n, dd * (kk - 1) + 1, ss) for n, kk, ss, dd in
                                    ((h, k[0], s[0], d[0]), (w, k[1], s[1], d[1])))
        if (th, lw) == (bh, rw):
            pad = (th, lw)
        else:
            ops.append(Op("nn.ZeroPad2d", ((lw, rw, th, bh),),
                          note=t("lower.same_pad", t=th, b=bh, l=lw, r=rw)))
    kw = [("kernel_size", _one(k))]
    kw += [("stride", _one(s))] if s != (1, 1) else []
    kw += [("padding", _one(pad))] if pad != (0, 0) else []
    kw += [("dilation", _one(d))] if d != (1, 1) else []
    kw += [("groups", c["groups"])] if c["groups"] != 1 else []
    kw += [("bias", False)] if not c["use_bias"] else []
    ops.append(Op("nn.Conv2d", (ch, c["filters"]), tuple(kw)))
    return ops + _activation(c["activation"], 3)


def _tconv_plan(n, k, s, d, padding, op):
    """Keras/JAX's transposed-conv padding -> torch (padding, output_padding, explicit crop (before, after))."""
    k_eff = (k - 1) * d + 1
    if padding == "valid":
        extra = max(k_eff, s) - k_eff if op is None else op
        left, right = k_eff - 1, k_eff - 1 + extra
    else:
        pad_len = s + k_eff - 2 if op is None else k_eff + k_eff % 2 - 2 + op
        left = min(pad_len // 2 + pad_len % 2, k_eff - 1)
        right = pad_len - left
    before, after = k_eff - 1 - left, k_eff - 1 - right  # crops of the full output (after < 0: grow)
    if 0 <= before - after < max(s, d):  # torch crops `padding` both sides, then grows `output_padding`
        return before, before - after, (0, 0)
    return 0, max(0, -after), (before, max(0, after))


def _conv2d_transpose(row):
    c = row.cfg
    h, w, ch = row.input_shape
    k, s, d = c["kernel_size"], c["strides"], c["dilation_rate"]
    op = c["output_padding"] or (None, None)
    plans = [_tconv_plan(n, k[i], s[i], d[i], c["padding"], op[i]) for i, n in enumerate((h, w))]
    pad, out_pad = (plans[0][0], plans[1][0]), (plans[0][1], plans[1][1])
    kw = [("kernel_size", _one(k))]
    kw += [("stride", _one(s))] if s != (1, 1) else []
    kw += [("padding", _one(pad))] if pad != (0, 0) else []
    kw += [("output_padding", _one(out_pad))] if out_pad != (0, 0) else []
    kw += [("dilation", _one(d))] if d != (1, 1) else []
    kw += [("bias", False)] if not c["use_bias"] else []
    ops = [Op("nn.ConvTranspose2d", (ch, c["filters"]), tuple(kw))]
    (tb, ta), (lb, la) = plans[0][2], plans[1][2]
    if (tb, ta, lb, la) != (0, 0, 0, 0):
        ops.append(Op("nn.ZeroPad2d", ((-lb, -la, -tb, -ta),),
                      note=t("lower.tconv_crop", t=tb, b=ta, l=lb, r=la)))
    return ops + _activation(c["activation"], 3)


def _pool(row):
    c = row.cfg
    h, w, _ = row.input_shape
    k, s = c["pool_size"], c["strides"]
    cls = "nn.MaxPool2d" if row.type.startswith("Max") else "nn.AvgPool2d"
    kw = [("kernel_size", _one(k))] + ([("stride", _one(s))] if s != k else [])
    crop, padded = (0, 0), False
    if c["padding"] == "same":
        pads, crops = [], []
        for n, kk, ss in ((h, k[0], s[0]), (w, k[1], s[1])):
            _, before, after = tf_same(n, kk, ss)
            odd_at_stride_1 = ss == 1 and before != after
            pads.append(after if odd_at_stride_1 else before)
            crops.append(1 if odd_at_stride_1 else 0)
            padded = padded or after > 0
        crop = tuple(crops)
        if pads != [0, 0]:
            kw += [("padding", _one(pads))]
        if padded:  # windows past the edge: ceil_mode keeps them and never counts the padding
            kw += [("ceil_mode", True)] + ([("count_include_pad", False)] if cls == "nn.AvgPool2d" else [])
    note = t("lower.same_pool") if padded else ""
    ops = [Op(cls, kwargs=tuple(kw), note=note)]
    if crop != (0, 0):
        ops.append(Op("nn.ZeroPad2d", ((-crop[1], 0, -crop[0], 0),), note=t("lower.pool_crop")))
    return ops


def _upsampling(row):
    c = row.cfg
    mode = c["interpolation"]
    if mode not in ("nearest", "bilinear", "bicubic"):
        raise LowerError(t("lower.interpolation", mode=mode))
    kw = [("scale_factor", _one(c["size"])), ("mode", mode)]
    if mode != "nearest":
        kw.append(("align_corners", False))
    note = t("lower.bicubic") if mode == "bicubic" else ""
    return [Op("nn.Upsample", kwargs=tuple(kw), note=note)]


def _pad_crop(row):
    (t_, b), (left, r) = row.cfg["padding" if row.type == "ZeroPadding2D" else "cropping"]
    if row.type == "Cropping2D":
        return [Op("nn.ZeroPad2d", ((-left, -r, -t_, -b),), note=t("lower.crop"))]
    amounts = (left, r, t_, b)
    return [Op("nn.ZeroPad2d", (amounts[0] if len(set(amounts)) == 1 else amounts,))]


def _to_channels_last(rank):
    return [Op("Permute", ([0, 2, 3, 1],), note=t("lower.hwc"))] if rank == 3 else []


def _flatten(row):
    rank = len(row.input_shape)
    return _to_channels_last(rank) + [Op("nn.Flatten")]


def _reshape(row):
    rank_in, target = len(row.input_shape), row.output_shape
    ops = _to_channels_last(rank_in)
    if rank_in > 1:
        ops.append(Op("nn.Flatten"))
    if len(target) > 1:
        ops.append(Op("nn.Unflatten", (1, tuple(target))))
    if len(target) == 3:
        ops.append(Op("Permute", ([0, 3, 1, 2],), note=t("lower.chw")))
    return ops or [Op("nn.Identity")]


def _dense(row):
    c = row.cfg
    n_in, rank = row.input_shape[-1], len(row.input_shape)
    bias = (("bias", False),) if not c["use_bias"] else ()
    if rank == 3:
        op = Op("nn.Conv2d", (n_in, c["units"]), (("kernel_size", 1),) + bias, note=t("lower.dense_1x1"))
    else:
        op = Op("nn.Linear", (n_in, c["units"]), bias)
    return [op] + _activation(c["activation"], rank)


def _batch_norm(row):
    c, shape = row.cfg, row.input_shape
    rank = len(shape)
    if c["center"] != c["scale"] or c["renorm"] or (c["axis"] % (rank + 1)) != rank or rank not in (1, 3):
        raise LowerError(t("lower.batch_norm"))
    cls = "nn.BatchNorm2d" if rank == 3 else "nn.BatchNorm1d"
    kw = [("eps", c["epsilon"]), ("momentum", round(1 - c["momentum"], 6))]
    kw += [("affine", False)] if not c["center"] else []
    return [Op(cls, (shape[-1],), tuple(kw), note=t("lower.bn_momentum", m=c["momentum"]))]


def _activation_row(row):
    c, rank = row.cfg, len(row.input_shape)
    kind = row.type
    if kind == "Activation":
        return _activation(c["activation"], rank) or [Op("nn.Identity")]
    if kind == "ReLU":
        mx, slope, thr = c.get("max_value"), c.get("negative_slope", 0.0), c.get("threshold", 0.0)
        if thr == 0 and slope == 0 and mx is None:
            return [Op("nn.ReLU")]
        if thr == 0 and slope == 0 and mx == 6:
            return [Op("nn.ReLU6")]
        if thr == 0 and mx is None:
            return [Op("nn.LeakyReLU", kwargs=(("negative_slope", float(slope)),))]
        raise LowerError(t("lower.relu"))
    if kind == "LeakyReLU":
        slope = c.get("alpha", c.get("negative_slope", 0.3))
        return [Op("nn.LeakyReLU", kwargs=(("negative_slope", float(slope)),))]
    if kind == "ELU":
        return [Op("nn.ELU", kwargs=(("alpha", float(c["alpha"])),))]
    if kind == "Softmax":
        return [Op("nn.Softmax", kwargs=(("dim", _keras_axis_to_torch(c["axis"], rank)),))]
    raise LowerError(t("lower.unsupported", name=kind))  # pragma: no cover - every keep-shape kind above


def _noise(row):
    c = row.cfg
    if row.type == "Dropout":
        return [Op("nn.Dropout", (c["rate"],))]
    if row.type == "SpatialDropout2D":
        return [Op("nn.Dropout2d", (c["rate"],))]
    if row.type == "GaussianNoise":
        return [Op("GaussianNoise", (c["stddev"],), note=t("lower.train_only"))]
    return [Op("GaussianDropout", (c["rate"],), note=t("lower.train_only"))]


def _rescale(row):
    c = row.cfg
    if row.type == "ActivityRegularization":  # a penalty on the loss, not an operation on the values
        return [Op("nn.Identity", note=t("lower.activity_reg"))]
    if row.type == "Rescaling":
        return [Op("Rescaling", (c["scale"], c["offset"]))]
    if not all(isinstance(c.get(k), (int, float)) and not isinstance(c.get(k), bool) for k in ("mean", "variance")):
        raise LowerError(t("lower.normalization"))
    return [Op("Normalization", (float(c["mean"]), float(c["variance"])))]


def _global_pool(row):
    cls = "nn.AdaptiveAvgPool2d" if "Average" in row.type else "nn.AdaptiveMaxPool2d"
    return [Op(cls, (1,))] + ([] if row.cfg["keepdims"] else [Op("nn.Flatten")])


_KERAS = {
    "Conv2D": _conv2d, "Conv2DTranspose": _conv2d_transpose, "MaxPooling2D": _pool,
    "AveragePooling2D": _pool, "UpSampling2D": _upsampling, "ZeroPadding2D": _pad_crop,
    "Cropping2D": _pad_crop, "Flatten": _flatten, "Reshape": _reshape, "Dense": _dense,
    "BatchNormalization": _batch_norm, "Dropout": _noise, "SpatialDropout2D": _noise,
    "GaussianNoise": _noise, "GaussianDropout": _noise, "Activation": _activation_row, "ReLU": _activation_row,
    "LeakyReLU": _activation_row, "ELU": _activation_row, "Softmax": _activation_row,
    "GlobalAveragePooling2D": _global_pool, "GlobalMaxPooling2D": _global_pool, "Rescaling": _rescale,
    "Normalization": _rescale, "ActivityRegularization": _rescale,
}


# ---- PyTorch rows: the layer itself, defaults left out ------------------------------------------

def _torch_row(row) -> list[Op]:
    if row.cfg.get("return_indices"):
        raise LowerError(t("lower.return_indices"))
    args, kwargs = [], []
    for key, default in RULES[row.type].signature:
        value = row.cfg.get(key, default)
        if default is REQUIRED:
            args.append(tuple(value) if isinstance(value, list) else value)
        elif value != default:
            kwargs.append((key, tuple(value) if isinstance(value, list) else value))
    return [Op(f"nn.{row.type}", tuple(args), tuple(kwargs))]


def lower_row(row, dialect: str) -> list[Op]:
    if dialect == "pytorch":
        return _torch_row(row)
    if row.cfg.get("data_format") == "channels_first":
        raise LowerError(t("lower.channels_first"))
    if any(d == 0 for d in row.output_shape):
        raise LowerError(t("lower.zero"))
    return _KERAS[row.type](row)


def lower(summary: Summary) -> list[list[Op]]:
    """One list of ops per row. Raises LowerError naming the first layer that cannot be built."""
    if not summary.ok:
        raise LowerError(summary.error)
    blocks = []
    for row in summary.rows:
        try:
            blocks.append(lower_row(row, summary.dialect))
        except LowerError as e:
            raise LowerError(t("err.prefix", i=row.index, name=row.type) + str(e)) from None
    return blocks


HELPERS = ("Permute", "GaussianNoise", "GaussianDropout", "Rescaling", "Normalization")
SHAPE_ONLY = ("nn.Unflatten", "nn.Flatten", "Permute", "nn.Identity", "nn.Dropout", "nn.Dropout2d")


def final_activation(blocks: list[list[Op]]) -> tuple[str | None, tuple[int, int] | None]:
    """The squashing op that sets the output's range ('sigmoid' or 'tanh') and where it is (block, op),
    looking past ops that only move values around (a Sigmoid followed by Unflatten still counts)."""
    for b in range(len(blocks) - 1, -1, -1):
        for j in range(len(blocks[b]) - 1, -1, -1):
            cls = blocks[b][j].cls
            if cls in SHAPE_ONLY:
                continue
            kind = {"nn.Sigmoid": "sigmoid", "nn.Tanh": "tanh"}.get(cls)
            return kind, ((b, j) if kind else None)
    return None, None


def pytorch_code(summary: Summary) -> str:
    """Runnable PyTorch code for the stack: the same ops ``build`` makes, with shape comments."""
    blocks = lower(summary)
    used = {op.cls for block in blocks for op in block}
    in_shape = torch_shape(summary.input_shape, summary.dialect)
    lines = [t("code.header", dialect=summary.dialect, shape=fmt_shape(summary.input_shape)),
             "import torch", "from torch import nn"]
    helpers = [h for h in HELPERS if h in used]
    if helpers:
        from aecore.shapes import torch_helpers  # deferred: it imports torch; lower and its code view do not
        for name in helpers:
            lines += ["", "", inspect.getsource(getattr(torch_helpers, name)).rstrip()]
        lines.append("")
    lines += ["", "model = nn.Sequential("]
    for row, block in zip(summary.rows, blocks):
        shape = fmt_shape(("B",) + torch_shape(row.output_shape, summary.dialect))
        lines.append(f"    # {row.index} · {row.type} → {shape}")
        for op in block:
            note = f"  # {op.note}" if op.note else ""
            lines.append(f"    {op.code()},{note}")
    lines.append(")")
    batch = ", ".join(str(d) for d in (8,) + in_shape)
    out = ", ".join(str(d) for d in (8,) + torch_shape(summary.output_shape, summary.dialect))
    lines += ["", f"x = torch.rand({batch})", f"print(model(x).shape)  # torch.Size([{out}])", ""]
    return "\n".join(lines)
