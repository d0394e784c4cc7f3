"""The PyTorch dialect: torch.nn class and keyword names; shapes (C, H, W), batch left out.

The arithmetic is the one in the PyTorch docs (floor((n + 2p - d(k-1) - 1)/s) + 1 and friends) and the
failures are the ones torch raises at construction or on the first forward pass; the tests check both
against real torch modules.
"""
from __future__ import annotations

from aecore.shapes.rules import (
    REQUIRED,
    Out,
    Rule,
    choice,
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

UPSAMPLE_MODES = ("nearest", "bilinear", "bicubic", "nearest-exact", "area")
PAD_MODES = ("zeros", "reflect", "replicate", "circular")


def _image(shape, ctx):
    if len(shape) != 3:
        raise ctx.fail("err.rank_image_torch", layer=ctx.layer, shape=fmt_shape(shape))
    return shape


def _in_channels(c, expected, ctx):
    if c != expected:
        raise ctx.fail("err.in_channels", v=expected, c=c)


def _padding(v, ctx, *, strings: bool):
    if strings and isinstance(v, str):
        return choice(v, ("same", "valid"), "padding", ctx)
    return int_tuple(v, 2, "padding", ctx, allow_zero=True)


def _floor_len(ctx, n, k, s, p, d, *, ceil=False):
    """torch's output length for convolution and pooling, with the formula filled in."""
    k_eff = d * (k - 1) + 1
    num = n + 2 * p - k_eff
    out = (-(-num // s) if ceil else num // s) + 1
    if ceil and (out - 1) * s >= n + p:  # a last window that starts in the right padding is dropped
        out -= 1
    bracket = "⌈⌉" if ceil else "⌊⌋"
    pad = f" + 2·{p}" if p else ""
    text = f"{bracket[0]}({n}{pad} − {k_eff})/{s}{bracket[1]} + 1 = {out}"
    if d > 1:
        text += ctx.text("why.dilated", k=k, d=d, k_eff=k_eff)
    return out, text


def _conv_args(a, ctx):
    """What Conv2d and ConvTranspose2d both check: channels, groups, kernel, stride, dilation."""
    cin = positive_int(a["in_channels"], "in_channels", ctx)
    cout = positive_int(a["out_channels"], "out_channels", ctx)
    groups = positive_int(a["groups"], "groups", ctx)
    if cin % groups or cout % groups:
        raise ctx.fail("err.groups_torch", cin=cin, cout=cout, g=groups)
    k = int_tuple(a["kernel_size"], 2, "kernel_size", ctx)
    s = int_tuple(a["stride"], 2, "stride", ctx)
    d = int_tuple(a["dilation"], 2, "dilation", ctx)
    return cin, cout, groups, k, s, d


def conv2d(shape, a, ctx):
    cin, cout, groups, k, s, d = _conv_args(a, ctx)
    padding = _padding(a["padding"], ctx, strings=True)
    if padding == "same" and max(s) > 1:
        raise ctx.fail("err.same_strided")
    choice(a["padding_mode"], PAD_MODES, "padding_mode", ctx)
    c, h, w = _image(shape, ctx)
    _in_channels(c, cin, ctx)
    outs, whys = [], []
    for i, n in enumerate((h, w)):
        if padding == "same":
            total = d[i] * (k[i] - 1)
            outs.append(n)
            whys.append(ctx.text("why.torch_same", n=n, before=total // 2, after=total - total // 2))
            continue
        p = 0 if padding == "valid" else padding[i]
        out, why = _floor_len(ctx, n, k[i], s[i], p, d[i])
        if out <= 0:
            raise ctx.fail("err.too_small", n=n, p=p, k=d[i] * (k[i] - 1) + 1, out=out)
        outs.append(out)
        whys.append(why)
    bias = cout if a["bias"] else 0
    params = cout * (cin // groups) * k[0] * k[1] + bias
    why = join_hw(ctx, *whys) + "; " + params_text(ctx, [k[0], k[1], cin // groups, cout], bias, params)
    return Out((cout, outs[0], outs[1]), params, None, why)


def conv_transpose2d(shape, a, ctx):
    cin, cout, groups, k, s, d = _conv_args(a, ctx)
    p = _padding(a["padding"], ctx, strings=False)
    op = int_tuple(a["output_padding"], 2, "output_padding", ctx, allow_zero=True)
    for o, ss, dd in zip(op, s, d):
        if o >= max(ss, dd):
            raise ctx.fail("err.output_padding_torch", op=op, s=s, d=d)
    c, h, w = _image(shape, ctx)
    _in_channels(c, cin, ctx)
    outs, whys = [], []
    for i, n in enumerate((h, w)):
        out = (n - 1) * s[i] - 2 * p[i] + d[i] * (k[i] - 1) + op[i] + 1
        if out <= 0:
            raise ctx.fail("err.negative", shape=fmt_shape((cout, out)))
        whys.append(ctx.text("why.torch_tconv", n=n, s=s[i], p=p[i], k=d[i] * (k[i] - 1) + 1, op=op[i],
                             out=out))
        outs.append(out)
    bias = cout if a["bias"] else 0
    params = cin * (cout // groups) * k[0] * k[1] + bias
    why = join_hw(ctx, *whys) + "; " + params_text(ctx, [k[0], k[1], cin, cout // groups], bias, params)
    return Out((cout, outs[0], outs[1]), params, None, why)


def _pool(shape, a, ctx, *, dilation=True):
    k = int_tuple(a["kernel_size"], 2, "kernel_size", ctx)
    s = k if a["stride"] is None else int_tuple(a["stride"], 2, "stride", ctx)
    p = int_tuple(a["padding"], 2, "padding", ctx, allow_zero=True)
    d = int_tuple(a["dilation"], 2, "dilation", ctx) if dilation else (1, 1)
    if any(2 * pp > kk for pp, kk in zip(p, k)):
        raise ctx.fail("err.pool_pad", p=p, k=k)
    c, h, w = _image(shape, ctx)
    outs, whys = [], []
    for i, n in enumerate((h, w)):
        out, why = _floor_len(ctx, n, k[i], s[i], p[i], d[i], ceil=bool(a["ceil_mode"]))
        if out <= 0:
            raise ctx.fail("err.too_small", n=n, p=p[i], k=d[i] * (k[i] - 1) + 1, out=out)
        outs.append(out)
        whys.append(why)
    why = join_hw(ctx, *whys)
    if a["stride"] is None:
        why = ctx.text("why.pool_stride_torch", k=k[0] if k[0] == k[1] else k) + why
    return Out((c, outs[0], outs[1]), 0, None, why)


def max_pool(shape, a, ctx):
    return _pool(shape, a, ctx)


def avg_pool(shape, a, ctx):
    return _pool(shape, a, ctx, dilation=False)


def upsample(shape, a, ctx):
    size, scale = a["size"], a["scale_factor"]
    if (size is None) == (scale is None):
        raise ctx.fail("err.upsample_one")
    mode = choice(a["mode"], UPSAMPLE_MODES, "mode", ctx)
    if a["align_corners"] is not None and mode not in ("bilinear", "bicubic"):
        raise ctx.fail("err.align_corners")
    c, h, w = _image(shape, ctx)
    if size is not None:
        oh, ow = int_tuple(size, 2, "size", ctx)
        return Out((c, oh, ow), 0, None, ctx.text("why.resize", h=h, w=w, oh=oh, ow=ow))
    if isinstance(scale, (list, tuple)) and len(scale) == 2:
        sh, sw = (number(x, "scale_factor", ctx) for x in scale)
    else:
        sh = sw = number(scale, "scale_factor", ctx)
    if sh <= 0 or sw <= 0:
        raise ctx.fail("err.number", kw="scale_factor", v=scale, low=0)
    oh, ow = int(h * sh), int(w * sw)
    if oh <= 0 or ow <= 0:
        raise ctx.fail("err.negative", shape=fmt_shape((c, oh, ow)))
    fmt = lambda x: f"{x:g}"  # noqa: E731
    why = join_hw(ctx, ctx.text("why.scale", n=h, s=fmt(sh), out=oh), ctx.text("why.scale", n=w, s=fmt(sw), out=ow))
    return Out((c, oh, ow), 0, None, why)


def linear(shape, a, ctx):
    fin = positive_int(a["in_features"], "in_features", ctx)
    fout = positive_int(a["out_features"], "out_features", ctx)
    if shape[-1] != fin:
        raise ctx.fail("err.in_features", v=fin, c=shape[-1], shape=fmt_shape(shape))
    bias = fout if a["bias"] else 0
    params = fin * fout + bias
    key = "why.dense" if len(shape) == 1 else "why.dense_axis"
    why = ctx.text(key, n=fin, units=fout) + "; " + params_text(ctx, [fin, fout], bias, params)
    return Out(tuple(shape[:-1]) + (fout,), params, None, why)


def _dim(v, rank, kw, ctx):
    """A batch-inclusive dim index (torch's convention) -> an index into the batchless shape."""
    if not is_int(v) or not -rank <= v < rank:
        raise ctx.fail("err.dim", kw=kw, v=v, rank=rank)
    return (v % rank) - 1


def flatten(shape, a, ctx):
    rank = len(shape) + 1
    start, end = _dim(a["start_dim"], rank, "start_dim", ctx), _dim(a["end_dim"], rank, "end_dim", ctx)
    if start < 0 or end < 0:
        raise ctx.fail("err.flatten_batch")
    if start > end:
        raise ctx.fail("err.flatten_order", s=a["start_dim"], e=a["end_dim"])
    n = dims_product(shape[start:end + 1])
    out = tuple(shape[:start]) + (n,) + tuple(shape[end + 1:])
    why = ctx.text("why.flatten", dims="·".join(str(x) for x in shape[start:end + 1]), out=n)
    return Out(out, 0, None, why)


def unflatten(shape, a, ctx):
    i = _dim(a["dim"], len(shape) + 1, "dim", ctx)
    if i < 0:
        raise ctx.fail("err.flatten_batch")
    sizes = a["unflattened_size"]
    if not isinstance(sizes, (list, tuple)) or not sizes or not all(is_int(x) for x in sizes) \
            or any(x < -1 or x == 0 for x in sizes) or list(sizes).count(-1) > 1:
        raise ctx.fail("err.target_shape", v=sizes)
    n = shape[i]
    known = dims_product([x for x in sizes if x != -1])
    if -1 in sizes:
        if n % known:
            raise ctx.fail("err.reshape_div", total=n, known=known, target=fmt_shape(sizes))
        sizes = tuple(n // known if x == -1 else x for x in sizes)
    elif known != n:
        raise ctx.fail("err.reshape", total=n, need=known, target=fmt_shape(sizes))
    out = tuple(shape[:i]) + tuple(sizes) + tuple(shape[i + 1:])
    return Out(out, 0, None, ctx.text("why.reshape", total=n, shape=fmt_shape(sizes)))


def _bn(shape, a, ctx, ranks):
    c_expected = positive_int(a["num_features"], "num_features", ctx)
    number(a["eps"], "eps", ctx, minimum=0.0)
    if len(shape) not in ranks:
        raise ctx.fail("err.rank_bn", layer=ctx.layer, shape=fmt_shape(shape))
    _in_channels(shape[0], c_expected, ctx)
    params = 2 * c_expected if a["affine"] else 0
    why = ctx.text("why.bn_torch", c=c_expected, p=params)
    return Out(tuple(shape), params, None, why)


def batch_norm2d(shape, a, ctx):
    return _bn(shape, a, ctx, (3,))


def batch_norm1d(shape, a, ctx):
    return _bn(shape, a, ctx, (1, 2))


def dropout(shape, a, ctx):
    r = rate(a["p"], "p", ctx)
    return Out(tuple(shape), 0, None, ctx.text("why.dropout", pct=round(100 * r)))


def _keep(name):
    def infer(shape, a, ctx):
        for kw in ("negative_slope", "alpha"):
            if kw in a:
                number(a[kw], kw, ctx)
        if "approximate" in a:
            choice(a["approximate"], ("none", "tanh"), "approximate", ctx)
        if "dim" in a and a["dim"] is not None:
            _dim(a["dim"], len(shape) + 1, "dim", ctx)
        return Out(tuple(shape), 0, None, ctx.text("why.activation", name=name))
    return infer


def _pad(shape, a, ctx):
    v = a["padding"]
    if is_int(v):
        left = right = top = bottom = v
    elif isinstance(v, (list, tuple)) and len(v) == 4 and all(is_int(x) for x in v):
        left, right, top, bottom = v
    else:
        raise ctx.fail("err.pad4", v=v)
    if len(shape) < 2:
        raise ctx.fail("err.rank_image_torch", layer=ctx.layer, shape=fmt_shape(shape))
    h, w = shape[-2], shape[-1]
    oh, ow = h + top + bottom, w + left + right
    if oh < 0 or ow < 0:  # torch pads to a size of 0 without complaint
        raise ctx.fail("err.negative", shape=fmt_shape(tuple(shape[:-2]) + (oh, ow)))
    why = join_hw(ctx, ctx.text("why.pad", n=h, a=top, b=bottom, out=oh),
                  ctx.text("why.pad", n=w, a=left, b=right, out=ow))
    return Out(tuple(shape[:-2]) + (oh, ow), 0, None, why)


def _rule(name, signature, infer, accepted=()):
    return Rule(name, tuple(signature), infer, frozenset(accepted) | {"device", "dtype"})


_CONV = [("in_channels", REQUIRED), ("out_channels", REQUIRED), ("kernel_size", REQUIRED), ("stride", 1),
         ("padding", 0)]
_ACT = [("ReLU", [("inplace", False)], "relu"), ("ReLU6", [("inplace", False)], "relu6"),
        ("GELU", [("approximate", "none")], "gelu"), ("ELU", [("alpha", 1.0), ("inplace", False)], "elu"),
        ("SELU", [("inplace", False)], "selu"), ("CELU", [("alpha", 1.0), ("inplace", False)], "celu"),
        ("LeakyReLU", [("negative_slope", 0.01), ("inplace", False)], "leaky_relu"),
        ("Sigmoid", [], "sigmoid"), ("Tanh", [], "tanh"), ("SiLU", [("inplace", False)], "silu"),
        ("Softplus", [("beta", 1.0), ("threshold", 20.0)], "softplus"), ("Mish", [("inplace", False)], "mish"),
        ("Hardsigmoid", [("inplace", False)], "hard_sigmoid"), ("Hardswish", [("inplace", False)], "hard_swish"),
        ("Softmax", [("dim", None)], "softmax"), ("Identity", [], "identity")]

RULES: dict[str, Rule] = {r.name: r for r in [
    _rule("Conv2d", [*_CONV, ("dilation", 1), ("groups", 1), ("bias", True), ("padding_mode", "zeros")], conv2d),
    _rule("ConvTranspose2d", [*_CONV, ("output_padding", 0), ("groups", 1), ("bias", True), ("dilation", 1),
                              ("padding_mode", "zeros")], conv_transpose2d),
    _rule("MaxPool2d", [("kernel_size", REQUIRED), ("stride", None), ("padding", 0), ("dilation", 1),
                        ("return_indices", False), ("ceil_mode", False)], max_pool),
    _rule("AvgPool2d", [("kernel_size", REQUIRED), ("stride", None), ("padding", 0), ("ceil_mode", False),
                        ("count_include_pad", True), ("divisor_override", None)], avg_pool),
    _rule("Upsample", [("size", None), ("scale_factor", None), ("mode", "nearest"), ("align_corners", None),
                       ("recompute_scale_factor", None)], upsample),
    _rule("Linear", [("in_features", REQUIRED), ("out_features", REQUIRED), ("bias", True)], linear),
    _rule("Flatten", [("start_dim", 1), ("end_dim", -1)], flatten),
    _rule("Unflatten", [("dim", REQUIRED), ("unflattened_size", REQUIRED)], unflatten),
    _rule("BatchNorm2d", [("num_features", REQUIRED), ("eps", 1e-5), ("momentum", 0.1), ("affine", True),
                          ("track_running_stats", True)], batch_norm2d),
    _rule("BatchNorm1d", [("num_features", REQUIRED), ("eps", 1e-5), ("momentum", 0.1), ("affine", True),
                          ("track_running_stats", True)], batch_norm1d),
    _rule("Dropout", [("p", 0.5), ("inplace", False)], dropout),
    _rule("Dropout2d", [("p", 0.5), ("inplace", False)], dropout),
    _rule("ZeroPad2d", [("padding", REQUIRED)], _pad),
    _rule("ConstantPad2d", [("padding", REQUIRED), ("value", REQUIRED)], _pad),
    *[_rule(name, sig, _keep(label)) for name, sig, label in _ACT],
]}
