"""Concept checks: a few transfer questions per guided lesson, asked before its first step and again after its last.

They are not the steps' questions: other sizes, other layers, other settings, so that a right answer after the
lesson means the idea carried over. Seed 0 is the class's fixed version (the same before and after, so a class's
learning gain compares like with like); another seed draws new numbers where a question allows it (spaced
retrieval), and a question that cannot be re-drawn ignores the seed. Every truth is computed here in
milliseconds: shapes and parameter counts by the app's own shape table, choices by a small NumPy computation.
No streamlit here.

    a = ask("shapes", "valid_pool")       # Asked(id='check/shapes/valid_pool', kind='shape', truth=(14, 14, 6), ...)
    check(a, "14, 14, 6").right           # True
    text(a), text(a, "why")               # its texts in the current language
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from aecore.shapes.layers import summarize
from aecore.text import t
from aecore.use import course


@dataclass(frozen=True)
class Asked:
    id: str            # "check/<lesson>/<name>", stable
    kind: str          # "shape" (typed, checked with course.check_shape) or "choice"
    values: dict       # the numbers its texts show; a question about a stack also holds "layers" (dicts) and "input"
    options: tuple     # choice option names (their words are texts); () for a shape
    truth: object      # a shape tuple, or an option name


_MAKERS: dict = {}     # (lesson, name) -> (maker, re-drawable); maker(r) -> (kind, values, options, truth) or None
CHECKS: dict[str, tuple[str, ...]] = {}


def _q(lesson: str, name: str, redraw: bool = True):
    def register(maker):
        _MAKERS[(lesson, name)] = (maker, redraw)
        CHECKS[lesson] = CHECKS.get(lesson, ()) + (name,)
        return maker
    return register


def _pick(r, fixed, choices):
    """Seed 0 (``r`` None) keeps the class's fixed number; another seed draws one of ``choices``."""
    return fixed if r is None else r.choice(list(choices))


def ask(lesson: str, name: str, seed: int = 0) -> Asked:
    maker, redraw = _MAKERS[(lesson, name)]
    first = maker(None)
    if seed == 0 or not redraw:
        return Asked(f"check/{lesson}/{name}", *first)
    r = random.Random(f"check/{lesson}/{name}/{seed}")
    for _ in range(200):  # a draw that repeats the class's version or cannot be called (a tie) is drawn again
        parts = maker(r)
        if parts is not None and parts[1] != first[1]:
            return Asked(f"check/{lesson}/{name}", *parts)
    raise RuntimeError(f"no new version of {lesson}/{name} for seed {seed}")  # pragma: no cover


def check(asked: Asked, answer) -> course.Verdict:
    if asked.kind == "shape":
        return course.check_shape(answer, asked.truth)
    return course.check_choice(answer, asked.truth, asked.options)


def stack_of(asked: Asked) -> list[dict] | None:
    """The layer stack a question is about (its input shape is ``values["input"]``), if any."""
    layers = asked.values.get("layers")
    return [dict(spec) for spec in layers] if layers else None


def text(asked: Asked, part: str = "q") -> str:
    """One of the question's texts in the current language: "q", "why" or "opt_<option>"."""
    _, lesson, name = asked.id.split("/")
    return t(f"check.{lesson}.{name}.{part}", **asked.values)


# ---- stacks in the app's layer language ------------------------------------------------------------------------

_POSITIONAL = {"Conv2D": ("filters", "kernel_size"), "Conv2DTranspose": ("filters", "kernel_size"),
               "MaxPooling2D": ("pool_size",), "Dense": ("units",), "Reshape": ("target_shape",),
               "Linear": ("in_features", "out_features"), "Conv2d": ("in_channels", "out_channels", "kernel_size"),
               "ConvTranspose2d": ("in_channels", "out_channels", "kernel_size")}


def _code(spec: dict) -> str:
    """A layer as its call: `Conv2D(6, 5, padding='same')`."""
    pos = _POSITIONAL.get(spec["type"], ())
    show = {k: repr(tuple(v) if isinstance(v, list) else v) for k, v in spec.items() if k != "type"}
    args = [show[k] for k in pos if k in show] + [f"{k}={v}" for k, v in show.items() if k not in pos]
    return f"`{spec['type']}({', '.join(args)})`"


def _table(stack, input_shape, dialect, **values):
    """The shape table of a question's stack (the draws are made to fit the rules) and the values of its texts."""
    s = summarize(stack, input_shape, dialect)
    if not s.ok:
        raise ValueError(s.error)  # pragma: no cover - a draw outside the rules is a bug here
    values.update(layers=tuple(stack), input=tuple(input_shape), stack=" → ".join(map(_code, stack)))
    return s, values


def _shape(stack, input_shape, dialect, batch=(), **values):
    """A shape question: the truth is the table's last output shape (after a batch size, where one is asked);
    ``mid`` and ``side`` are the height after the first and after the last layer, for the explanation."""
    s, values = _table(stack, input_shape, dialect, **values)
    h = 0 if dialect == "keras" else 1
    for key, out in (("mid", s.rows[0].output_shape), ("side", s.output_shape)):
        if len(out) == 3:
            values[key] = out[h]
    truth = tuple(batch) + s.output_shape
    return "shape", dict(values, truth=truth), (), truth


# ---- lesson 1: shapes in and out (Keras) ------------------------------------------------------------------------

@_q("shapes", "valid_pool")
def _valid_pool(r):
    n, k, f = _pick(r, 32, range(20, 41)), _pick(r, 5, (3, 5, 7)), _pick(r, 6, (4, 6, 8, 12, 16))
    stack = [{"type": "Conv2D", "filters": f, "kernel_size": k}, {"type": "MaxPooling2D", "pool_size": 2}]
    return _shape(stack, (n, n, 1), "keras", n=n, k=k, f=f)


@_q("shapes", "stride")
def _stride(r):
    n, s, c, f = _pick(r, 10, range(5, 31)), _pick(r, 3, (2, 3)), _pick(r, 1, (1, 3)), _pick(r, 8, (4, 8, 16))
    stack = [{"type": "Conv2D", "filters": f, "kernel_size": 3, "strides": s, "padding": "same"}]
    return _shape(stack, (n, n, c), "keras", n=n, s=s, c=c, f=f)


@_q("shapes", "transpose")
def _transpose(r):
    n, k, f = _pick(r, 7, range(3, 17)), _pick(r, 3, (2, 3, 4, 5)), _pick(r, 16, (8, 16, 32))
    pad = _pick(r, "valid", ("valid", "same"))
    stack = [{"type": "Conv2DTranspose", "filters": f, "kernel_size": k, "strides": 2,
              **({"padding": "same"} if pad == "same" else {})}]
    kind, v, options, truth = _shape(stack, (n, n, 8), "keras", n=n, k=k, f=f, pad=pad)
    rule = f"{n}·2 = {truth[0]}" if pad == "same" else f"{n}·2 + max({k} − 2, 0) = {truth[0]}"
    return kind, dict(v, rule=rule), options, truth


@_q("shapes", "roundtrip")
def _roundtrip(r):
    n, d = _pick(r, 20, range(16, 65)), _pick(r, 3, (2, 3))
    pool = {"type": "MaxPooling2D", "pool_size": 2, "padding": "same"}
    s, v = _table([pool] * d + [{"type": "UpSampling2D"}] * d, (n, n, 1), "keras", n=n, d=d)
    out = s.output_shape[0]
    chain = " → ".join(str(x) for x in [n] + [row.output_shape[0] for row in s.rows])
    truth = "same" if out == n else ("bigger" if out > n else "smaller")
    return "choice", dict(v, out=out, chain=chain), ("same", "bigger", "smaller"), truth


# ---- lesson 2: strided and transposed convolutions, denoising, look-alikes (PyTorch) -----------------------------

@_q("conv", "tconv")
def _tconv(r):
    n, k, p, op = _pick(r, 6, range(3, 15)), _pick(r, 3, (2, 3, 4, 5)), _pick(r, 1, (0, 1, 2)), _pick(r, 0, (0, 1))
    ci, co = _pick(r, 64, (16, 32, 64, 128)), _pick(r, 32, (3, 16, 32, 64))
    stack = [{"type": "ConvTranspose2d", "in_channels": ci, "out_channels": co, "kernel_size": k, "stride": 2,
              "padding": p, "output_padding": op}]
    return _shape(stack, (ci, n, n), "pytorch", n=n, k=k, p=p, op=op, c=co)


@_q("conv", "flatten")
def _flatten(r):
    n, c, f = _pick(r, 28, range(9, 41)), _pick(r, 3, (1, 3)), _pick(r, 16, (8, 16, 32))
    stack = [{"type": "Conv2d", "in_channels": c, "out_channels": f, "kernel_size": 3, "stride": 2, "padding": 1},
             {"type": "GELU"}, {"type": "Flatten"}]
    return _shape(stack, (c, n, n), "pytorch", n=n, c=c, f=f)


@_q("conv", "denoise", redraw=False)
def _denoise(r):
    """Which training pairs make a denoiser, shown on the simplest model: a linear map fitted by least squares to
    toy images (three patterns and a little texture, σ = 0.5 noise), judged on new noisy images against their
    clean versions. A map free to copy learns to copy, noise included; only noisy -> clean asks to drop it."""
    rng, n, d, sigma = np.random.default_rng(19), 400, 16, 0.5
    basis = rng.normal(size=(3, d))
    clean, test = (rng.normal(size=(n, 3)) @ basis + 0.1 * rng.normal(size=(n, d)) for _ in range(2))
    noisy, test_noisy = clean + sigma * rng.normal(size=(n, d)), test + sigma * rng.normal(size=(n, d))

    def error(inputs, targets):  # fit targets ≈ [inputs, 1] @ w, then rebuild the new noisy images
        w = np.linalg.lstsq(np.c_[inputs, np.ones(n)], targets, rcond=None)[0]
        return float(np.mean((np.c_[test_noisy, np.ones(n)] @ w - test) ** 2))
    errors = {"noisy_noisy": error(noisy, noisy), "noisy_clean": error(noisy, clean),
              "clean_clean": error(clean, clean)}
    values = {"n": n, "d": d, "sigma": sigma, "e_noise": float(np.mean((test_noisy - test) ** 2)),
              **{f"e_{k}": e for k, e in errors.items()}}
    return "choice", values, tuple(errors), min(errors, key=errors.get)


@_q("conv", "nearest")
def _nearest(r):
    if r is None:  # one candidate shares two of the query's numbers and is still not the nearest
        q, codes = (2, 7, 1), ((2, 7, 6), (4, 5, 3), (6, 8, 1))
    else:
        q, *codes = (tuple(r.randint(0, 9) for _ in range(3)) for _ in range(4))
    dist = np.sqrt(((np.array(codes, float) - np.array(q, float)) ** 2).sum(axis=1))
    order = np.argsort(dist)
    if dist[order[1]] - dist[order[0]] < 0.3:
        return None  # too close to call at a glance
    names = ("a", "b", "c")
    values = {"q": q, **dict(zip(names, codes)), **{f"d{x}": float(v) for x, v in zip(names, dist)}}
    return "choice", values, names, names[int(order[0])]


# ---- lesson 3: a code of three numbers (PyTorch) ----------------------------------------------------------------

@_q("code3d", "no_flatten")
def _no_flatten(r):
    n, c, u = _pick(r, 28, (8, 16, 28, 32)), _pick(r, 1, (1, 3)), _pick(r, 3, (2, 3, 12, 64))
    return _shape([{"type": "Linear", "in_features": n, "out_features": u}], (c, n, n), "pytorch", n=n, c=c, u=u)


ACTIVATIONS = {"ReLU": lambda x: np.maximum(x, 0), "Sigmoid": lambda x: 1 / (1 + np.exp(-x)), "Tanh": np.tanh,
               "ELU": lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0)))}


@_q("code3d", "code_range")
def _code_range(r):
    act = _pick(r, "ReLU", ACTIVATIONS)
    y = ACTIVATIONS[act](np.linspace(-60, 60, 12001))
    lo, hi = round(float(y.min()), 3), round(float(y.max()), 3)
    if hi > 2:
        truth = "any" if lo < -2 else ("nonneg" if lo >= 0 else "above")
    else:
        truth = "unit" if lo >= 0 else "sym"
    stack = [{"type": "Flatten"}, {"type": "Linear", "in_features": 784, "out_features": 12}, {"type": "ReLU"},
             {"type": "Linear", "in_features": 12, "out_features": 3}, {"type": act}]
    _, v = _table(stack, (1, 28, 28), "pytorch", act=act, lo=lo, hi=hi)
    return "choice", v, ("any", "nonneg", "above", "unit", "sym"), truth


@_q("code3d", "where")
def _where(r):
    side, h1 = _pick(r, 28, (8, 12, 16, 28)), _pick(r, 256, (32, 64, 128, 256, 512))
    h2, z = _pick(r, 64, (16, 32, 64, 128, 256)), _pick(r, 3, (2, 3))
    d = side * side
    stack = [{"type": "Flatten"}, {"type": "Linear", "in_features": d, "out_features": h1}, {"type": "ReLU"},
             {"type": "Linear", "in_features": h1, "out_features": h2}, {"type": "ReLU"},
             {"type": "Linear", "in_features": h2, "out_features": z}]
    s, v = _table(stack, (1, side, side), "pytorch", side=side, d=d, h1=h1, h2=h2, z=z)
    p = [row.params for row in s.rows if row.type == "Linear"]
    if sorted(p)[-1] == sorted(p)[-2]:
        return None
    names = ("first", "second", "third")
    return "choice", dict(v, p1=p[0], p2=p[1], p3=p[2]), names, names[int(np.argmax(p))]


# ---- lesson 4: the linear autoencoder and PCA (Keras) -----------------------------------------------------------

@_q("pca", "collapse")
def _collapse(r):
    side = _pick(r, 8, (8, 12, 16))
    w = (12, 48, 32) if r is None else tuple(r.sample((4, 6, 8, 12, 16, 24, 32, 48), 3))
    d = side * side
    stack = [{"type": "Flatten"}, *({"type": "Dense", "units": u} for u in w), {"type": "Dense", "units": d}]
    s, v = _table(stack, (side, side, 1), "keras", side=side, d=d, w1=w[0], w2=w[1], w3=w[2])
    sizes = [d] + [row.output_shape[-1] for row in s.rows if row.type == "Dense"]
    rng = np.random.default_rng(4)  # no activation: the whole map is one matrix, the product of the kernels
    rank = int(np.linalg.matrix_rank(np.linalg.multi_dot([rng.normal(size=ab) for ab in zip(sizes, sizes[1:])])))
    names = ("w1", "w2", "w3", "d")
    return "choice", dict(v, rank=rank), names, next(x for x in names if v[x] == rank)


DIRECTIONS = {"x": (1.0, 0.0), "y": (0.0, 1.0), "diag": (0.5 ** 0.5, 0.5 ** 0.5), "anti": (0.5 ** 0.5, -0.5 ** 0.5)}


@_q("pca", "direction")
def _direction(r):
    if r is None:
        points = ((1, 7), (2, 5), (3, 6), (5, 3), (6, 3), (7, 1))
    else:  # six points along one direction, each moved by at most 1 across it
        dx, dy = r.choice(((1, 0), (0, 1), (1, 1), (1, -1)))
        points = tuple((5 + dx * s + r.choice((-1, 0, 1)) * (dy != 0), 5 + dy * s + r.choice((-1, 0, 1)) * (dx != 0))
                       for s in r.sample(range(-4, 5), 6))
    x = np.array(points, float)
    _, sv, vt = np.linalg.svd(x - x.mean(axis=0))  # PCA: the first row of vt is the direction of most variance
    u = -vt[0] if vt[0][0] < -1e-9 or (abs(vt[0][0]) <= 1e-9 and vt[0][1] < 0) else vt[0]
    cos = {k: abs(float(u @ np.array(v))) for k, v in DIRECTIONS.items()}
    truth = max(cos, key=cos.get)
    ratio = (sv[0] / max(sv[1], 1e-9)) ** 2
    if cos[truth] < np.cos(np.radians(10)) or not 6 <= ratio < 1000:
        return None  # no clear line, or no spread across it to speak of
    values = {"points": ", ".join(f"({a}, {b})" for a, b in points), "u": float(u[0]), "v": float(u[1]),
              "ratio": float(ratio)}
    return "choice", values, tuple(DIRECTIONS), truth


@_q("pca", "exact")
def _exact(r):
    k, z = _pick(r, 4, range(1, 7)), _pick(r, 3, range(1, 6))
    rng = np.random.default_rng(3)
    x = rng.normal(size=(300, k)) @ rng.normal(size=(k, 64))   # every image: its own mix of the same k patterns
    sv = np.linalg.svd(x - x.mean(axis=0), compute_uv=False)
    left = float((sv[z:] ** 2).sum() / (sv ** 2).sum())        # what PCA's best rebuild from z numbers leaves out
    return "choice", {"k": k, "z": z, "left": left}, ("yes", "no"), "yes" if left < 1e-9 else "no"


# ---- lesson 5: stacked and tied (Keras) -------------------------------------------------------------------------

def _stacked(r, fixed):
    """A mirrored stack  pixels → h1 → h2 → h1 → pixels  (ELU): its Dense rows and text values."""
    side, h1 = _pick(r, fixed[0], (8, 16, 28)), _pick(r, fixed[1], (64, 128, 200, 256, 512))
    h2 = _pick(r, fixed[2], [u for u in (16, 32, 50, 64, 128) if u < h1])
    pixels = side * side
    stack = [{"type": "Flatten"}, *({"type": "Dense", "units": u, "activation": "elu"} for u in (h1, h2, h1)),
             {"type": "Dense", "units": pixels}, {"type": "Reshape", "target_shape": [side, side, 1]}]
    s, v = _table(stack, (side, side, 1), "keras", side=side, pixels=pixels, h1=h1, h2=h2)
    return [row for row in s.rows if row.type == "Dense"], v


def _numbers(r, truth: int, others: list[int], values: dict, at: int):
    """Four numbers as options a-d: the truth at ``at`` for seed 0, anywhere for another seed; None if two coincide."""
    shown = others[:at] + [truth] + others[at:]
    if len(set(shown)) < 4:
        return None
    if r is not None:
        r.shuffle(shown)
    names = ("a", "b", "c", "d")
    return "choice", dict(values, **dict(zip(names, shown))), names, names[shown.index(truth)]


@_q("stacked", "tied")
def _tied(r):
    dense, v = _stacked(r, (28, 256, 64))
    untied = sum(row.params for row in dense)
    kernels = [row.params - row.output_shape[-1] for row in dense]  # a Dense: its kernel, then one bias per unit
    tied = untied - sum(kernels[2:])  # the decoder's kernels are the encoder's, transposed; its biases stay
    return _numbers(r, tied, [untied, round(untied / 2), sum(kernels[:2])], dict(v, untied=untied, tied=tied), 2)


@_q("stacked", "phase1")
def _phase1(r):
    dense, v = _stacked(r, (28, 512, 128))
    p = [row.params for row in dense]
    return _numbers(r, p[0] + p[3], [sum(p), p[1] + p[2], p[0]], dict(v, outer=p[0] + p[3], total=sum(p)), 1)


@_q("stacked", "codes")
def _codes(r):
    n, side, c = _pick(r, (60000, 28, 1), ((60000, 28, 1), (1437, 8, 1), (50000, 32, 3), (10000, 28, 1)))
    h1 = _pick(r, 256, (64, 200, 256, 400, 512))  # not 128 or 300: the lessons' own hidden layers
    stack = [{"type": "Flatten"}, {"type": "Dense", "units": h1, "activation": "elu"}]
    return _shape(stack, (side, side, c), "keras", batch=(n,), n=n, h1=h1)
