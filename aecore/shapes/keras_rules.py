"""The Keras dialect: Keras 3 class and keyword names, defaults, shapes and failures, to the layer.

Shapes are (H, W, C) for images (channels_last, Keras's default), batch left out. Every rule follows
the Keras 3.15 source: constructor checks, the input rank, build checks, then compute_output_shape.
Where Keras builds a layer that could never run (a 0-sized output, an unknown interpolation) the row
is kept, as Keras keeps it, and carries a warning instead of an error.
"""
from __future__ import annotations

from aecore.shapes.rules import (
    REQUIRED,
    Ctx,
    NumpyInt,
    Out,
    Rule,
    choice,
    describe_same,
    describe_valid,
    dims_product,
    fmt_shape,
    int_tuple,
    is_int,
    join_hw,
    number,
    params_text,
    positive_int,
    rate,
)

# keras.activations.get accepts these names (Keras 3.15), case-sensitive; None means linear.
ACTIVATIONS = (
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu",
    "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "relu",
    "relu6", "selu", "sigmoid", "silu", "soft_shrink", "softmax", "softplus", "softsign",
    "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh", "tanh_shrink",
    "threshold",
)
RESIZE_INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic")

# Keywords every Keras layer takes through keras.layers.Layer.__init__.
BASE = frozenset({"name", "dtype", "trainable", "autocast", "input_shape", "input_dim",
                  "activity_regularizer"})
WEIGHTS = frozenset({"kernel_initializer", "bias_initializer", "kernel_regularizer",
                     "bias_regularizer", "kernel_constraint", "bias_constraint"})
DTYPES = (None, "float16", "float32", "float64", "bfloat16", "mixed_float16", "mixed_bfloat16")


# ---- shared pieces ----------------------------------------------------------------------------

def _data_format(v, ctx: Ctx) -> str:
    if v is None:
        return "channels_last"
    return choice(str(v).lower(), ("channels_last", "channels_first"), "data_format", ctx)


def _image(shape: tuple, df: str, ctx: Ctx) -> tuple[int, int, int]:
    """(H, W, C) of an image-shaped input, whatever the data format; else the rank error."""
    if len(shape) != 3:
        raise ctx.fail("err.rank_image", layer=ctx.layer, shape=fmt_shape(shape))
    if df == "channels_first":
        return shape[1], shape[2], shape[0]
    return shape


def _image_shape(h: int, w: int, c: int, df: str) -> tuple[int, int, int]:
    return (c, h, w) if df == "channels_first" else (h, w, c)


def _activation(v, ctx: Ctx) -> str | None:
    if v is None:
        return None
    if not isinstance(v, str) or v not in ACTIVATIONS:
        raise ctx.fail("err.activation", v=v, names=", ".join(ACTIVATIONS[:12]) + ", …")
    return v


def _size_check(shape: tuple, ctx: Ctx) -> str:
    """A negative size is an error in Keras (KerasTensor refuses it); a zero size only a warning."""
    if any(d < 0 for d in shape):
        raise ctx.fail("err.negative", shape=fmt_shape(shape))
    return ctx.text("warn.zero") if any(d == 0 for d in shape) else ""


def _conv_dims(a: dict, ctx: Ctx):
    k = int_tuple(a["kernel_size"], 2, "kernel_size", ctx)
    s = int_tuple(a["strides"], 2, "strides", ctx)
    d = int_tuple(a["dilation_rate"], 2, "dilation_rate", ctx)
    if max(s) > 1 and max(d) > 1:
        raise ctx.fail("err.strides_dilation", s=s, d=d)
    return k, s, d


# ---- convolutions -------------------------------------------------------------------------------

def conv2d(shape, a, ctx):
    filters = positive_int(a["filters"], "filters", ctx)
    groups = positive_int(a["groups"], "groups", ctx)
    if filters % groups:
        raise ctx.fail("err.groups_filters", f=filters, g=groups)
    k, s, d = _conv_dims(a, ctx)
    padding = choice(a["padding"], ("valid", "same"), "padding", ctx, lower=True)
    df = _data_format(a["data_format"], ctx)
    activation = _activation(a["activation"], ctx)
    lora = None if a.get("lora_rank") is None else positive_int(a["lora_rank"], "lora_rank", ctx)
    h, w, c = _image(shape, df, ctx)
    if c % groups:
        raise ctx.fail("err.groups_channels", c=c, g=groups)
    outs, whys = [], []
    for n, kk, ss, dd in ((h, k[0], s[0], d[0]), (w, k[1], s[1], d[1])):
        if padding == "same":
            out, why = describe_same(ctx, n, dd * (kk - 1) + 1, ss)
        else:
            out, why = describe_valid(ctx, n, kk, ss, dd)
            if out <= 0:
                raise ctx.fail("err.valid_zero", n=n, k=dd * (kk - 1) + 1, s=ss, out=out)
        outs.append(out)
        whys.append(why)
    bias = filters if a["use_bias"] else 0
    params = k[0] * k[1] * (c // groups) * filters + bias
    trainable = None
    if lora:  # LoRA freezes the kernel and trains two thin matrices beside it
        extra = k[0] * k[1] * (c // groups) * lora + lora * filters
        trainable, params = params - k[0] * k[1] * (c // groups) * filters + extra, params + extra
    out_shape = _image_shape(outs[0], outs[1], filters, df)
    why = join_hw(ctx, *whys) + "; " + params_text(ctx, [k[0], k[1], c // groups, filters], bias, params)
    cfg = dict(filters=filters, kernel_size=k, strides=s, dilation_rate=d, groups=groups,
               padding=padding, data_format=df, activation=activation, use_bias=bool(a["use_bias"]))
    return Out(out_shape, params, trainable, why, _size_check(out_shape, ctx), cfg)


def _tconv_len(ctx, n, k, s, d, padding, op):
    k_eff = (k - 1) * d + 1
    if padding == "valid":
        if op is None:
            out = (n - 1) * s + max(k_eff, s)
            return out, ctx.text("why.tconv_valid", n=n, s=s, k=k_eff, out=out)
        out = (n - 1) * s + k_eff + op
        return out, ctx.text("why.tconv_op", n=n, s=s, k=k_eff, op=op, out=out)
    if op is None:
        return n * s, ctx.text("why.tconv_same", n=n, s=s, out=n * s)
    out = (n - 1) * s + k_eff % 2 + op
    return out, ctx.text("why.tconv_same_op", n=n, s=s, k=k_eff, op=op, out=out)


def conv2d_transpose(shape, a, ctx):
    filters = positive_int(a["filters"], "filters", ctx)
    k, s, d = _conv_dims(a, ctx)
    padding = choice(a["padding"], ("valid", "same"), "padding", ctx, lower=True)
    op = a["output_padding"]
    if op is not None:
        op = int_tuple(op, 2, "output_padding", ctx, allow_zero=True)
        for o, ss in zip(op, s):
            if o >= ss:
                raise ctx.fail("err.output_padding", op=op, s=s)
    df = _data_format(a["data_format"], ctx)
    activation = _activation(a["activation"], ctx)
    h, w, c = _image(shape, df, ctx)
    oh, why_h = _tconv_len(ctx, h, k[0], s[0], d[0], padding, None if op is None else op[0])
    ow, why_w = _tconv_len(ctx, w, k[1], s[1], d[1], padding, None if op is None else op[1])
    bias = filters if a["use_bias"] else 0
    params = k[0] * k[1] * c * filters + bias
    out_shape = _image_shape(oh, ow, filters, df)
    why = join_hw(ctx, why_h, why_w) + "; " + params_text(ctx, [k[0], k[1], c, filters], bias, params)
    cfg = dict(filters=filters, kernel_size=k, strides=s, dilation_rate=d, padding=padding,
               output_padding=op, data_format=df, activation=activation, use_bias=bool(a["use_bias"]))
    return Out(out_shape, params, None, why, _size_check(out_shape, ctx), cfg)


# ---- pooling and resizing -----------------------------------------------------------------------

def _pool(shape, a, ctx):
    pool = int_tuple(a["pool_size"], 2, "pool_size", ctx)
    strides = int_tuple(a["pool_size"] if a["strides"] is None else a["strides"], 2, "strides", ctx,
                        allow_zero=True)
    if 0 in strides:
        raise ctx.fail("err.stride_zero", s=strides)
    # Keras does not lower-case a pooling layer's padding (Conv2D does).
    padding = choice(a["padding"], ("valid", "same"), "padding", ctx)
    df = _data_format(a["data_format"], ctx)
    h, w, c = _image(shape, df, ctx)
    outs, whys = [], []
    for n, k, s in ((h, pool[0], strides[0]), (w, pool[1], strides[1])):
        if padding == "same":
            out, why = describe_same(ctx, n, k, s)
        else:
            out, why = describe_valid(ctx, n, k, s)
            if out <= 0:
                raise ctx.fail("err.pool_zero", n=n, k=k, s=s, out=out)
        outs.append(out)
        whys.append(why)
    out_shape = _image_shape(outs[0], outs[1], c, df)
    why = join_hw(ctx, *whys)
    if a["strides"] is None:
        why = ctx.text("why.pool_strides", k=pool[0] if pool[0] == pool[1] else pool) + why
    cfg = dict(pool_size=pool, strides=strides, padding=padding, data_format=df)
    return Out(out_shape, 0, None, why, _size_check(out_shape, ctx), cfg)


def upsampling2d(shape, a, ctx):
    size = int_tuple(a["size"], 2, "size", ctx)
    df = _data_format(a["data_format"], ctx)
    if not isinstance(a["interpolation"], str):
        raise ctx.fail("err.choice", kw="interpolation", v=a["interpolation"],
                       options=", ".join(RESIZE_INTERPOLATIONS))
    interpolation = a["interpolation"].lower()
    h, w, c = _image(shape, df, ctx)
    out_shape = _image_shape(h * size[0], w * size[1], c, df)
    why = join_hw(ctx, ctx.text("why.repeat", n=h, s=size[0], out=h * size[0]),
                  ctx.text("why.repeat", n=w, s=size[1], out=w * size[1]))
    warning = _size_check(out_shape, ctx)
    if interpolation not in RESIZE_INTERPOLATIONS:  # Keras builds it; resizing fails at run time
        warning = ctx.text("warn.interpolation", v=interpolation, options=", ".join(RESIZE_INTERPOLATIONS))
    return Out(out_shape, 0, None, why, warning,
               dict(size=size, data_format=df, interpolation=interpolation))


def _pairs(v, kw: str, ctx: Ctx, *, int_may_be_negative: bool):
    """ZeroPadding2D / Cropping2D amounts: int, (sym_h, sym_w) or ((top, bottom), (left, right))."""
    if is_int(v):
        if v < 0 and not int_may_be_negative:
            raise ctx.fail("err.tuple_nonneg", kw=kw, v=v)
        return (v, v), (v, v)
    if isinstance(v, (list, tuple)) and len(v) == 2:
        return (int_tuple(v[0], 2, kw, ctx, allow_zero=True), int_tuple(v[1], 2, kw, ctx, allow_zero=True))
    raise ctx.fail("err.pairs", kw=kw, v=v)


def zero_padding2d(shape, a, ctx):
    # Keras checks the pairs form for negatives but not a single int.
    (t, b), (left, r) = _pairs(a["padding"], "padding", ctx, int_may_be_negative=True)
    df = _data_format(a["data_format"], ctx)
    h, w, c = _image(shape, df, ctx)
    out_shape = _image_shape(h + t + b, w + left + r, c, df)
    why = join_hw(ctx, ctx.text("why.pad", n=h, a=t, b=b, out=h + t + b),
                  ctx.text("why.pad", n=w, a=left, b=r, out=w + left + r))
    return Out(out_shape, 0, None, why, _size_check(out_shape, ctx),
               dict(padding=((t, b), (left, r)), data_format=df))


def cropping2d(shape, a, ctx):
    (t, b), (left, r) = _pairs(a["cropping"], "cropping", ctx, int_may_be_negative=False)
    df = _data_format(a["data_format"], ctx)
    h, w, c = _image(shape, df, ctx)
    for n, x, y in ((h, t, b), (w, left, r)):
        if x + y >= n:
            raise ctx.fail("err.crop", a=x, b=y, total=x + y, n=n)
    out_shape = _image_shape(h - t - b, w - left - r, c, df)
    why = join_hw(ctx, ctx.text("why.crop", n=h, a=t, b=b, out=h - t - b),
                  ctx.text("why.crop", n=w, a=left, b=r, out=w - left - r))
    return Out(out_shape, 0, None, why, "", dict(cropping=((t, b), (left, r)), data_format=df))


# ---- reshaping and dense ------------------------------------------------------------------------

def flatten(shape, a, ctx):
    df = _data_format(a["data_format"], ctx)
    n = dims_product(shape)
    why = ctx.text("why.flatten", dims="·".join(str(d) for d in shape), out=n)
    return Out((n,), 0, None, why, _size_check((n,), ctx), dict(data_format=df))


def reshape(shape, a, ctx):
    target = a["target_shape"]
    if not isinstance(target, (list, tuple)) or not all(is_int(d) for d in target):
        raise ctx.fail("err.target_shape", v=target)
    target = tuple(target)
    if any(d < -1 for d in target) or target.count(-1) > 1:
        raise ctx.fail("err.target_dims", v=fmt_shape(target))
    total = dims_product(shape)
    if -1 in target:
        known = dims_product([d for d in target if d != -1])
        if known == 0 or total % known:
            raise ctx.fail("err.reshape_div", total=total, known=known, target=fmt_shape(target))
        target = tuple(total // known if d == -1 else d for d in target)
    elif dims_product(target) != total:
        raise ctx.fail("err.reshape", total=total, need=dims_product(target), target=fmt_shape(target))
    why = ctx.text("why.reshape", total=total, shape=fmt_shape(target))
    return Out(target, 0, None, why, _size_check(target, ctx), dict(target_shape=target))


def dense(shape, a, ctx):
    if isinstance(a["units"], NumpyInt):  # Keras 3: `if not isinstance(units, int)`; np.int64 is not an int
        raise ctx.fail("err.numpy_int", kw="units", v=int(a["units"]))
    units = positive_int(a["units"], "units", ctx)
    activation = _activation(a["activation"], ctx)
    lora = None if a["lora_rank"] is None else positive_int(a["lora_rank"], "lora_rank", ctx)
    n_in = shape[-1]
    bias = units if a["use_bias"] else 0
    params = n_in * units + bias
    trainable = None
    if lora:
        extra = n_in * lora + lora * units
        trainable, params = bias + extra, params + extra
    out_shape = tuple(shape[:-1]) + (units,)
    key = "why.dense" if len(shape) == 1 else "why.dense_axis"
    why = ctx.text(key, n=n_in, units=units) + "; " + params_text(ctx, [n_in, units], bias, params)
    cfg = dict(units=units, activation=activation, use_bias=bool(a["use_bias"]))
    return Out(out_shape, params, trainable, why, _size_check(out_shape, ctx), cfg)


# ---- shape-keeping layers -----------------------------------------------------------------------

def dropout(shape, a, ctx):
    r = rate(a["rate"], "rate", ctx)
    ns = a["noise_shape"]
    if ns is not None and (not isinstance(ns, (list, tuple))
                           or any(d is not None and (not is_int(d) or d <= 0) for d in ns)):
        raise ctx.fail("err.noise_shape", v=ns)
    return Out(tuple(shape), 0, None, ctx.text("why.dropout", pct=round(100 * r)), "", dict(rate=r))


def spatial_dropout2d(shape, a, ctx):
    r = rate(a["rate"], "rate", ctx)
    df = _data_format(a["data_format"], ctx)
    _image(shape, df, ctx)
    return Out(tuple(shape), 0, None, ctx.text("why.spatial_dropout", pct=round(100 * r)), "",
               dict(rate=r, data_format=df))


def gaussian_noise(shape, a, ctx):
    sd = rate(a["stddev"], "stddev", ctx)
    return Out(tuple(shape), 0, None, ctx.text("why.noise", s=sd), "", dict(stddev=sd))


def gaussian_dropout(shape, a, ctx):
    r = rate(a["rate"], "rate", ctx)
    return Out(tuple(shape), 0, None, ctx.text("why.gaussian_dropout", r=r), "", dict(rate=r))


def activity_regularization(shape, a, ctx):
    l1, l2 = number(a["l1"], "l1", ctx, minimum=0.0), number(a["l2"], "l2", ctx, minimum=0.0)
    return Out(tuple(shape), 0, None, ctx.text("why.activity_reg", l1=f"{l1:g}", l2=f"{l2:g}"), "",
               dict(l1=l1, l2=l2))


def rescaling(shape, a, ctx):
    scale, offset = number(a["scale"], "scale", ctx), number(a["offset"], "offset", ctx)
    return Out(tuple(shape), 0, None, ctx.text("why.rescaling", s=f"{scale:g}", o=f"{offset:g}"), "",
               dict(scale=scale, offset=offset))


def normalization(shape, a, ctx):
    """Keras keeps a mean and a variance per position along ``axis`` (and a count) unless both are given."""
    axis, full = a["axis"], (None,) + tuple(shape)
    axes = () if axis is None else (axis,) if is_int(axis) else tuple(axis) if isinstance(axis, (list, tuple)) \
        else None
    if axes is None or not all(is_int(x) and -len(full) <= x < len(full) and full[x] is not None for x in axes):
        raise ctx.fail("err.axis", v=axis, rank=len(full))
    given = a["mean"] is not None and a["variance"] is not None
    per = 1
    for x in axes:
        per *= full[x]
    params = 0 if given else 2 * per + 1
    why = ctx.text("why.normalization_given" if given else "why.normalization", n=per, p=params)
    return Out(tuple(shape), params, 0, why, "", dict(axis=axis, mean=a["mean"], variance=a["variance"]))


def batch_norm(shape, a, ctx):
    axis = a["axis"]
    if not is_int(axis):
        raise ctx.fail("err.axis", v=axis, rank=len(shape))
    if a["synchronized"]:
        raise ctx.fail("err.synchronized")
    momentum = number(a["momentum"], "momentum", ctx)
    epsilon = number(a["epsilon"], "epsilon", ctx)
    rank = len(shape) + 1  # Keras counts the batch axis
    if not -rank <= axis < rank:
        raise ctx.fail("err.axis", v=axis, rank=rank)
    full = (None,) + tuple(shape)
    c = full[axis]
    if c is None:
        raise ctx.fail("err.axis_batch")
    learned = int(bool(a["center"])) + int(bool(a["scale"]))
    moving = 2 + (3 if a["renorm"] else 0)
    params = c * (learned + moving)
    why = ctx.text("why.bn", c=c, learned=learned, moving=moving, per=learned + moving, p=params)
    cfg = dict(axis=axis, momentum=momentum, epsilon=epsilon, center=bool(a["center"]),
               scale=bool(a["scale"]), renorm=bool(a["renorm"]))
    return Out(tuple(shape), params, c * learned, why, "", cfg)


def activation_layer(shape, a, ctx):
    name = _activation(a["activation"], ctx)
    return Out(tuple(shape), 0, None, ctx.text("why.activation", name=name or "linear"), "",
               dict(activation=name))


def _activation_rule(name):
    def infer(shape, a, ctx):
        for kw in ("max_value", "negative_slope", "threshold"):
            if kw in a and a[kw] is not None:
                number(a[kw], kw, ctx, minimum=0.0)
        if "alpha" in a:
            number(a["alpha"], "alpha", ctx)
        if "axis" in a and not is_int(a["axis"]):
            raise ctx.fail("err.axis", v=a["axis"], rank=len(shape) + 1)
        return Out(tuple(shape), 0, None, ctx.text("why.activation", name=name), "", dict(a))
    return infer


def global_pool(shape, a, ctx):
    df = _data_format(a["data_format"], ctx)
    h, w, c = _image(shape, df, ctx)
    out_shape = _image_shape(1, 1, c, df) if a["keepdims"] else (c,)
    return Out(out_shape, 0, None, ctx.text("why.global_pool", h=h, w=w, c=c), "",
               dict(data_format=df, keepdims=bool(a["keepdims"])))


# ---- the table ----------------------------------------------------------------------------------

def _rule(name, signature, infer, accepted=frozenset(), base=BASE):
    return Rule(name, tuple(signature), infer, frozenset(accepted) | base)


_CONV = [("strides", (1, 1)), ("padding", "valid")]
RULES: dict[str, Rule] = {r.name: r for r in [
    _rule("Conv2D", [("filters", REQUIRED), ("kernel_size", REQUIRED), *_CONV, ("data_format", None),
                     ("dilation_rate", (1, 1)), ("groups", 1), ("activation", None), ("use_bias", True),
                     ("lora_rank", None)], conv2d, WEIGHTS | {"lora_alpha"}),
    _rule("Conv2DTranspose", [("filters", REQUIRED), ("kernel_size", REQUIRED), *_CONV,
                              ("output_padding", None), ("data_format", None), ("dilation_rate", (1, 1)),
                              ("activation", None), ("use_bias", True)], conv2d_transpose, WEIGHTS),
    _rule("MaxPooling2D", [("pool_size", (2, 2)), ("strides", None), ("padding", "valid"),
                           ("data_format", None)], _pool),
    _rule("AveragePooling2D", [("pool_size", REQUIRED), ("strides", None), ("padding", "valid"),
                               ("data_format", None)], _pool),
    _rule("UpSampling2D", [("size", (2, 2)), ("data_format", None), ("interpolation", "nearest")],
          upsampling2d),
    _rule("ZeroPadding2D", [("padding", (1, 1)), ("data_format", None)], zero_padding2d),
    _rule("Cropping2D", [("cropping", ((0, 0), (0, 0))), ("data_format", None)], cropping2d),
    _rule("Flatten", [("data_format", None)], flatten),
    _rule("Reshape", [("target_shape", REQUIRED)], reshape),
    _rule("Dense", [("units", REQUIRED), ("activation", None), ("use_bias", True), ("lora_rank", None)],
          dense, WEIGHTS | {"lora_alpha", "quantization_config"}),
    _rule("Dropout", [("rate", REQUIRED), ("noise_shape", None), ("seed", None)], dropout),
    # SpatialDropout2D's __init__ names its keywords and has no **kwargs: no trainable, no input_shape.
    _rule("SpatialDropout2D", [("rate", REQUIRED), ("data_format", None), ("seed", None)],
          spatial_dropout2d, base=frozenset({"name", "dtype"})),
    _rule("GaussianNoise", [("stddev", REQUIRED), ("seed", None)], gaussian_noise),
    _rule("GaussianDropout", [("rate", REQUIRED), ("seed", None)], gaussian_dropout),
    _rule("BatchNormalization", [("axis", -1), ("momentum", 0.99), ("epsilon", 1e-3), ("center", True),
                                 ("scale", True), ("renorm", False), ("renorm_clipping", None),
                                 ("renorm_momentum", 0.99), ("synchronized", False)], batch_norm,
          {"beta_initializer", "gamma_initializer", "moving_mean_initializer",
           "moving_variance_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint",
           "gamma_constraint"}),
    _rule("Rescaling", [("scale", REQUIRED), ("offset", 0.0)], rescaling),
    _rule("ActivityRegularization", [("l1", 0.0), ("l2", 0.0)], activity_regularization),
    _rule("Normalization", [("axis", -1), ("mean", None), ("variance", None), ("invert", False)], normalization),
    _rule("Activation", [("activation", REQUIRED)], activation_layer),
    _rule("ReLU", [("max_value", None), ("negative_slope", 0.0), ("threshold", 0.0)], _activation_rule("relu")),
    _rule("LeakyReLU", [("negative_slope", 0.3)], _activation_rule("leaky_relu"), {"alpha"}),
    _rule("ELU", [("alpha", 1.0)], _activation_rule("elu")),
    _rule("Softmax", [("axis", -1)], _activation_rule("softmax")),
    _rule("GlobalAveragePooling2D", [("data_format", None), ("keepdims", False)], global_pool),
    _rule("GlobalMaxPooling2D", [("data_format", None), ("keepdims", False)], global_pool),
]}


def check_base(a: dict, ctx: Ctx) -> None:
    """The keywords keras.layers.Layer itself checks."""
    if "trainable" in a and not isinstance(a["trainable"], bool):
        raise ctx.fail("err.bool", kw="trainable", v=a["trainable"])
    if a.get("dtype") not in DTYPES:
        raise ctx.fail("err.choice", kw="dtype", v=a.get("dtype"), options=", ".join(map(str, DTYPES[1:])))
