"""The layer-stack language: a stack is a list of dicts, ``summarize`` turns it into the shape table.

    >>> s = summarize([{"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same"},
    ...                {"type": "MaxPooling2D", "padding": "same"}], (7, 7, 1))
    >>> [r.output_shape for r in s.rows]
    [(7, 7, 16), (4, 4, 16)]

Two dialects: 'keras' (Keras 3 names, shapes (H, W, C)) and 'pytorch' (torch.nn names, (C, H, W)).
No torch here: the table is plain arithmetic, fast enough to recompute on every keystroke.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from math import prod

from aecore.shapes import keras_rules, torch_rules
from aecore.shapes.rules import Ctx, LayerError, bind, fmt_shape, is_int
from aecore.text import clip, t

DIALECTS = {"keras": keras_rules.RULES, "pytorch": torch_rules.RULES}
MAX_LAYERS = 200  # a stack is typed by a person; more is a mistake or an attack
MAX_DIM = 1 << 20


@dataclass(frozen=True)
class Row:
    index: int
    type: str
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    params: int
    trainable: int
    why: str
    warning: str = ""
    cfg: dict = field(default_factory=dict, compare=False)  # normalised keywords for build.py

    @property
    def size(self) -> int:
        return prod(self.output_shape)


@dataclass(frozen=True)
class Summary:
    dialect: str
    input_shape: tuple[int, ...]
    rows: tuple[Row, ...]
    error: str | None = None
    error_index: int | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def output_shape(self) -> tuple[int, ...]:
        return self.rows[-1].output_shape if self.rows else self.input_shape

    @property
    def total_params(self) -> int:
        return sum(r.params for r in self.rows)

    @property
    def trainable_params(self) -> int:
        return sum(r.trainable for r in self.rows)

    @property
    def same_as_input(self) -> bool:
        return self.ok and self.output_shape == self.input_shape

    @property
    def bottleneck(self) -> int | None:
        """Index of the row holding the fewest values (the first such), if fewer than the input."""
        if not self.rows:
            return None
        best = min(self.rows, key=lambda r: r.size)
        return best.index if best.size < prod(self.input_shape) else None

    def to_json(self) -> dict:
        rows = [{"type": r.type, "output_shape": list(r.output_shape), "params": r.params, "why": r.why}
                for r in self.rows]
        if self.ok:
            return {"rows": rows, "total_params": self.total_params}
        return {"error": self.error, "layer_index": self.error_index, "rows": rows}


def parse_shape(value) -> tuple[int, ...]:
    """'28,28,1' or [28, 28, 1] -> (28, 28, 1); every size a whole number from 1 to 2**20."""
    if isinstance(value, str):
        parts = [p.strip() for p in value.strip().strip("()[]").split(",") if p.strip()]
        try:
            dims = tuple(int(p) for p in parts)
        except ValueError:
            raise LayerError(t("err.input_shape", v=clip(value))) from None
    elif isinstance(value, (list, tuple)) and all(is_int(d) for d in value):
        dims = tuple(value)
    else:
        raise LayerError(t("err.input_shape", v=clip(value)))
    if not 1 <= len(dims) <= 4 or any(not 1 <= d <= MAX_DIM for d in dims):
        raise LayerError(t("err.input_shape", v=clip(value)))
    return dims


def detect_dialect(stack) -> str:
    """'pytorch' when every layer name is a torch.nn name and some are not Keras names, else 'keras'."""
    names = [d.get("type") for d in stack if isinstance(d, dict)]
    torch_only = [n for n in names if n in torch_rules.RULES and n not in keras_rules.RULES]
    if torch_only and all(n in torch_rules.RULES for n in names):
        return "pytorch"
    return "keras"


def first_input_shape(stack) -> tuple[int, ...] | None:
    """The ``input_shape`` (or ``input_dim``) a Keras stack's first layer carries, if any."""
    if stack and isinstance(stack[0], dict):
        if stack[0].get("input_shape") is not None:
            return parse_shape(stack[0]["input_shape"])
        if stack[0].get("input_dim") is not None:
            return parse_shape([stack[0]["input_dim"]])
    return None


def _unknown_type(name, dialect: str) -> str:
    rules = DIALECTS[dialect]
    other = "pytorch" if dialect == "keras" else "keras"
    if isinstance(name, str):
        folded = {k.lower(): k for k in rules}
        if name.lower() in folded:  # Conv2d in Keras, Conv2D in PyTorch
            return t("err.other_dialect", name=name, right=folded[name.lower()], dialect=dialect)
        if name in DIALECTS[other]:
            return t("err.other_dialect_name", name=name, dialect=dialect, other=other)
        close = difflib.get_close_matches(name, list(rules), n=1)
        if close:
            return t("err.unknown_layer", name=name, dialect=dialect) + t(
                "err.did_you_mean", kw=close[0])
    return t("err.unknown_layer", name=name, dialect=dialect) + t(
        "err.known_layers", names=", ".join(rules))


def summarize(stack, input_shape, dialect: str = "keras") -> Summary:
    """The shape table of ``stack`` on an input of ``input_shape`` (batch left out).

    Stops at the first layer that cannot be made or cannot take its input: the rows before it are
    kept, ``error_index`` is its index and ``error`` says which rule failed, with the numbers.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}")
    rules = DIALECTS[dialect]
    shape = first = parse_shape(input_shape)
    rows: list[Row] = []

    def failed(i: int, message: str) -> Summary:  # the model's input, not the failing layer's
        return Summary(dialect, first, tuple(rows), message, i)

    if not isinstance(stack, (list, tuple)):
        return failed(0, t("err.stack_list"))
    for i, spec in enumerate(stack):
        if i >= MAX_LAYERS:
            return failed(i, t("err.too_many_layers", n=MAX_LAYERS))
        if not isinstance(spec, dict) or "type" not in spec:
            return failed(i, t("err.layer_dict", i=i))
        name = spec["type"]
        rule = rules.get(name) if isinstance(name, str) else None
        prefix = t("err.prefix", i=i, name=name)
        if rule is None:
            return failed(i, prefix + _unknown_type(name, dialect))
        ctx = Ctx(name)
        try:
            bound = bind(rule, (), {k: v for k, v in spec.items() if k != "type"}, ctx)
            if dialect == "keras":
                keras_rules.check_base(bound, ctx)
            out = rule.infer(shape, bound, ctx)
        except LayerError as e:
            return failed(i, prefix + str(e))
        if any(d > MAX_DIM for d in out.shape):
            return failed(i, prefix + t("err.too_big", shape=fmt_shape(out.shape)))
        trainable = out.params if out.trainable is None else out.trainable
        if bound.get("trainable") is False:
            trainable = 0
        rows.append(Row(i, name, shape, tuple(out.shape), out.params, trainable, out.why, out.warning,
                        out.cfg if out.cfg is not None else bound))
        shape = tuple(out.shape)
    return Summary(dialect, first, tuple(rows))
