"""The values pasted code computes, evaluated from its syntax tree with budgets: nothing is ever executed.

The reader needs the numbers a model is built from: ``latent_dim = 32``, ``img_w, img_h = 28, 28``,
``(img_w, img_h, 1)``, ``16 * base * 2``, ``np.prod(shape)``, ``[64, 32][::-1]``. This module computes
exactly those (literals, names, arithmetic, tuples, subscripts, comprehensions over short sequences and a
few pure functions) and refuses the rest. Every value is bounded before it is made: no sequence longer
than ``MAX_ITEMS``, no string longer than ``MAX_CHARS``, no integer past ``MAX_INT``, no expression deeper
than ``MAX_DEPTH``, no more than ``MAX_STEPS`` steps of work and ``MAX_SECONDS`` of time per read, so
``(0,) * 10**9``, ``'a' * 10**9`` or 2,500 nested minus signs answer at once with a message.

A value the reader cannot know is an ``Unknown`` (asked from the learner when it is a plain name).
"""
from __future__ import annotations

import ast
import math
import operator
import time

from aecore.shapes.rules import NumpyInt
from aecore.text import t

MAX_ITEMS = 10_000
MAX_CHARS = 10_000
MAX_INT = 2 ** 53
MAX_DEPTH = 60
MAX_STEPS = 500_000
MAX_SECONDS = 2.0

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
_COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not,
            ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b}


class ParseError(ValueError):
    """The pasted code cannot be read (exactly, or at all); the message says why, with the line."""

    def __init__(self, message: str, line: int | None = None, name: str | None = None, way: tuple = ()):
        super().__init__(message)
        self.line = line
        self.name = name  # set when the code uses a name it never gives a value
        self.way = way    # the built-in models the message names as the way forward (presets, "tied")


class Unknown(Exception):
    """A name the code uses but never sets (the learner can give its value)."""

    def __init__(self, name: str, line: int):
        super().__init__(name)
        self.name, self.line = name, line


class Batch:
    """``x.shape[0]``, ``x.size(0)``, ``len(x)``: the batch size, which only a reshape may use."""

    def __repr__(self) -> str:
        return "batch"


BATCH = Batch()


class Budget:
    """Work and time for one read; every evaluation step draws on it."""

    def __init__(self, steps: int = MAX_STEPS, seconds: float = MAX_SECONDS):
        self.left, self.deadline = steps, time.perf_counter() + seconds

    def step(self, line: int | None, n: int = 1) -> None:
        self.left -= n
        if self.left < 0 or (self.left % 1024 == 0 and time.perf_counter() > self.deadline):
            raise ParseError(t("parse.too_much_work", line=line or 1), line)


def fail(key: str, line: int | None, **values) -> ParseError:
    return ParseError(t(key, line=line or 1, **values), line)


def checked(value, line: int | None):
    """The value, if it stays within the size limits; else a ParseError (before anything large exists)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise fail("parse.too_large", line)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise fail("parse.too_large", line)
    elif isinstance(value, str):
        if len(value) > MAX_CHARS:
            raise fail("parse.too_large", line)
    elif isinstance(value, (tuple, list)) and len(value) > MAX_ITEMS:
        raise fail("parse.too_large", line)
    return value


def _size(v) -> int:
    return len(v) if isinstance(v, (str, tuple, list)) else 1


def binop(op: ast.operator, a, b, line: int | None):
    """a op b, refused before it would make anything too large."""
    kind = type(op)
    if kind not in _BINOPS:
        raise fail("parse.expression", line)
    if kind is ast.Mult and (isinstance(a, (str, tuple, list)) or isinstance(b, (str, tuple, list))):
        seq, n = (a, b) if isinstance(a, (str, tuple, list)) else (b, a)
        if not isinstance(n, int) or isinstance(n, bool) or max(n, 0) * _size(seq) > MAX_ITEMS:
            raise fail("parse.too_large", line)
    if kind is ast.Add and isinstance(a, (str, tuple, list)) and _size(a) + _size(b) > MAX_ITEMS:
        raise fail("parse.too_large", line)
    if kind is ast.Pow:
        if not isinstance(b, (int, float)) or isinstance(b, bool) or abs(b) > 64 or \
                (isinstance(a, (int, float)) and abs(a) > 2 ** 16):
            raise fail("parse.too_large", line)
    if kind is ast.Mod and isinstance(a, str):
        raise fail("parse.expression", line)  # '%s' formatting: names, never shapes
    try:
        out = checked(_BINOPS[kind](a, b), line)
        if (isinstance(a, NumpyInt) or isinstance(b, NumpyInt)) and isinstance(out, int) and not isinstance(out, bool):
            return NumpyInt(out)  # np.prod(shape) * 2 stays a NumPy integer
        return out
    except ParseError:
        raise
    except Exception:  # noqa: BLE001 - 1/0, "a" - 2, None * 3: a bad expression, told as such
        raise fail("parse.expression", line) from None


def compare(node: ast.Compare, values: list, line: int | None):
    left = values[0]
    for op, right in zip(node.ops, values[1:]):
        if type(op) not in _COMPARE:
            raise fail("parse.expression", line)
        try:
            if not _COMPARE[type(op)](left, right):
                return False
        except TypeError:
            raise fail("parse.expression", line) from None
        left = right
    return True


def _prod(values, line):
    values = list(values)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        raise fail("parse.expression", line)
    out = 1
    for v in values:
        out = checked(out * v, line)
    return out


def _range(args, line):
    if not args or len(args) > 3 or not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        raise fail("parse.expression", line)
    r = range(*args)
    if len(r) > MAX_ITEMS:
        raise fail("parse.too_large", line)
    return tuple(r)


# Pure functions a model definition uses to compute sizes: name -> f(args, line).
FUNCTIONS = {
    "int": lambda a, line: checked(int(a[0]), line) if len(a) == 1 and isinstance(a[0], (int, float, str))
    else _bad(line),
    "float": lambda a, line: float(a[0]) if len(a) == 1 and isinstance(a[0], (int, float)) else _bad(line),
    "abs": lambda a, line: abs(a[0]) if len(a) == 1 and isinstance(a[0], (int, float)) else _bad(line),
    "round": lambda a, line: round(*a) if a and isinstance(a[0], (int, float)) else _bad(line),
    "min": lambda a, line: min(a[0] if len(a) == 1 else a),
    "max": lambda a, line: max(a[0] if len(a) == 1 else a),
    "sum": lambda a, line: checked(sum(a[0]), line) if len(a) == 1 and isinstance(a[0], (tuple, list)) else _bad(line),
    "len": lambda a, line: len(a[0]) if len(a) == 1 and isinstance(a[0], (tuple, list, str)) else _bad(line),
    "tuple": lambda a, line: tuple(a[0]) if len(a) == 1 and isinstance(a[0], (tuple, list)) else () if not a
    else _bad(line),
    "list": lambda a, line: tuple(a[0]) if len(a) == 1 and isinstance(a[0], (tuple, list)) else () if not a
    else _bad(line),
    "range": lambda a, line: _range(a, line),
    "reversed": lambda a, line: tuple(reversed(a[0])) if len(a) == 1 and isinstance(a[0], (tuple, list))
    else _bad(line),
    "prod": lambda a, line: _prod(a[0], line) if len(a) == 1 and isinstance(a[0], (tuple, list)) else _bad(line),
    "reduce_prod": lambda a, line: _prod(a[0], line) if len(a) == 1 and isinstance(a[0], (tuple, list))
    else _bad(line),
    "zip": lambda a, line: _zip(a, line),
    "enumerate": lambda a, line: tuple(enumerate(a[0], *a[1:])) if a and isinstance(a[0], (tuple, list))
    else _bad(line),
    "ceil": lambda a, line: math.ceil(a[0]) if len(a) == 1 and isinstance(a[0], (int, float)) else _bad(line),
    "floor": lambda a, line: math.floor(a[0]) if len(a) == 1 and isinstance(a[0], (int, float)) else _bad(line),
    "sqrt": lambda a, line: math.sqrt(a[0]) if len(a) == 1 and isinstance(a[0], (int, float)) and a[0] >= 0
    else _bad(line),
}


def _zip(args, line):
    if not args or not all(isinstance(a, (tuple, list)) for a in args):
        raise fail("parse.expression", line)
    return tuple(zip(*args))


def _bad(line):
    raise fail("parse.expression", line)


def call_function(name: str, args: list, line: int | None):
    try:
        return checked(FUNCTIONS[name](args, line), line)
    except ParseError:
        raise
    except Exception:  # noqa: BLE001 - max(), int('a'): a bad expression
        raise fail("parse.expression", line) from None


def subscript(value, index, line: int | None):
    if isinstance(value, (tuple, list, str)):
        try:
            return checked(value[index], line) if not isinstance(index, tuple) else _bad(line)
        except (IndexError, TypeError):
            raise fail("parse.expression", line) from None
    if isinstance(value, dict):
        if index in value:
            return value[index]
    raise fail("parse.expression", line)
