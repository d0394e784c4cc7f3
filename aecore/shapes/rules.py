"""What every layer rule shares: the Rule record, keyword binding, checked values, and the 'why'.

A dialect (``keras_rules``, ``torch_rules``) is a dict name -> Rule. A rule's ``infer`` takes the
input shape (batch left out, in the dialect's order), the bound keywords and a ``Ctx``; it returns
an ``Out`` or raises ``LayerError`` with a message that names the rule and the numbers.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from math import prod
from typing import Any, Callable, NamedTuple

from aecore.text import t

REQUIRED = object()  # marks a keyword with no default in a signature


class LayerError(ValueError):
    """A layer cannot be made or cannot take its input; the message is ready for a learner."""


class Out(NamedTuple):
    shape: tuple[int, ...]
    params: int = 0
    trainable: int | None = None  # None: all params are trainable
    why: str = ""
    warning: str = ""
    cfg: dict | None = None  # normalised keywords for the builder (defaults to the bound ones)


@dataclass(frozen=True)
class Ctx:
    """Where a rule is working: the layer's name (messages are in the current language)."""

    layer: str

    def fail(self, key: str, **values) -> LayerError:
        return LayerError(t(key, **values))

    def text(self, key: str, **values) -> str:
        return t(key, **values)


@dataclass(frozen=True)
class Rule:
    name: str
    signature: tuple[tuple[str, Any], ...]  # ordered (keyword, default or REQUIRED)
    infer: Callable[[tuple, dict, Ctx], Out]
    accepted: frozenset = frozenset()  # keywords accepted and ignored (initialisers, name, ...)

    @property
    def keywords(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.signature)


def bind(rule: Rule, args: tuple, kwargs: dict, ctx: Ctx) -> dict:
    """Positional and keyword values -> one dict with every signature keyword filled in."""
    names = rule.keywords
    if len(args) > len(names):
        raise ctx.fail("err.too_many_args", layer=rule.name, n=len(names), m=len(args))
    bound = dict(zip(names, args))
    for key, value in kwargs.items():
        if key in bound:
            raise ctx.fail("err.twice", layer=rule.name, kw=key)
        if key not in names and key not in rule.accepted:
            close = difflib.get_close_matches(key, list(names) + sorted(rule.accepted), n=1)
            hint = ctx.text("err.did_you_mean", kw=close[0]) if close else ""
            raise ctx.fail("err.unknown_kw", layer=rule.name, kw=key, hint=hint)
        bound[key] = value
    for key, default in rule.signature:
        if key not in bound:
            if default is REQUIRED:
                raise ctx.fail("err.missing", layer=rule.name, kw=key)
            bound[key] = default
    return bound


# ---- checked values -------------------------------------------------------------------------

class NumpyInt(int):
    """A NumPy integer in pasted code (``np.prod(shape)``, ``tf.math.reduce_prod(shape).numpy()``): a whole number
    to every rule except those Keras 3 checks with ``isinstance(v, int)`` (Dense's units), which refuse it."""

    def __repr__(self) -> str:
        return str(int(self))


def is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def positive_int(v, kw: str, ctx: Ctx) -> int:
    if not is_int(v) or v <= 0:
        raise ctx.fail("err.int_pos", kw=kw, v=v)
    return v


def int_tuple(v, n: int, kw: str, ctx: Ctx, *, allow_zero: bool = False) -> tuple[int, ...]:
    """Keras's ``standardize_tuple``: an int repeated n times, or n ints; > 0 (or >= 0)."""
    if is_int(v):
        values = (v,) * n
    elif isinstance(v, (list, tuple)) and len(v) == n and all(is_int(x) for x in v):
        values = tuple(v)
    else:
        raise ctx.fail("err.tuple", kw=kw, n=n, v=v)
    low = 0 if allow_zero else 1
    if any(x < low for x in values):
        raise ctx.fail("err.tuple_nonneg" if allow_zero else "err.tuple_pos", kw=kw, v=v)
    return values


def rate(v, kw: str, ctx: Ctx) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
        raise ctx.fail("err.rate", kw=kw, v=v)
    return float(v)


def flag(v, kw: str, ctx: Ctx) -> bool:
    if not isinstance(v, bool):
        raise ctx.fail("err.bool", kw=kw, v=v)
    return v


def number(v, kw: str, ctx: Ctx, *, minimum: float | None = None) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or (minimum is not None and v < minimum):
        raise ctx.fail("err.number", kw=kw, v=v, low=minimum if minimum is not None else "-∞")
    return float(v)


def choice(v, options: tuple[str, ...], kw: str, ctx: Ctx, *, lower: bool = False) -> str:
    value = v.lower() if lower and isinstance(v, str) else v
    if value not in options:
        raise ctx.fail("err.choice", kw=kw, v=v, options=", ".join(repr(o) for o in options))
    return value


# ---- shape arithmetic with its explanation --------------------------------------------------

def fmt_shape(shape) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def dims_product(shape) -> int:
    return prod(shape) if shape else 1


def tf_same(n: int, k_eff: int, s: int) -> tuple[int, int, int]:
    """TensorFlow/Keras 'same': out = ceil(n/s); the padding total split floor/ceil (before/after)."""
    out = -(-n // s)
    total = max((out - 1) * s + k_eff - n, 0)
    return out, total // 2, total - total // 2


def join_hw(ctx: Ctx, h: str, w: str) -> str:
    """One explanation when height and width follow the same arithmetic, else both."""
    return h if h == w else ctx.text("why.hw", h=h, w=w)


def describe_same(ctx: Ctx, n: int, k_eff: int, s: int) -> tuple[int, str]:
    out, before, after = tf_same(n, k_eff, s)
    return out, ctx.text("why.same", n=n, s=s, out=out, before=before, after=after)


def describe_valid(ctx: Ctx, n: int, k: int, s: int, d: int = 1) -> tuple[int, str]:
    """Keras/TF 'valid': floor((n - k_eff)/s) + 1 with k_eff = d(k-1)+1."""
    k_eff = d * (k - 1) + 1
    out = (n - k_eff) // s + 1
    text = ctx.text("why.valid", n=n, k=k_eff, s=s, out=out)
    if d > 1:
        text += ctx.text("why.dilated", k=k, d=d, k_eff=k_eff)
    return out, text


def params_text(ctx: Ctx, factors: list[int], bias: int, total: int) -> str:
    product = "·".join(str(f) for f in factors)
    return ctx.text("why.params", product=product, bias=bias, total=total) if bias else ctx.text(
        "why.params_nobias", product=product, total=total)
