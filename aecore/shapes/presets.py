"""The seed lessons' models as layer stacks, with their sizes as parameters.

    stack, input_shape, dialect = make("s1-uva-conv", channels=3, base=64, latent=256)

Every parameter is checked here (widgets can be bypassed); the result is a plain stack that the
Layer Builder can edit and the trainer can build.
"""
from __future__ import annotations

from dataclasses import dataclass

from aecore.shapes.layers import summarize


@dataclass(frozen=True)
class Param:
    default: int | bool
    low: int = 0
    high: int = 0

    def check(self, name: str, value):
        if isinstance(self.default, bool):
            if not isinstance(value, bool):
                raise ValueError(f"{name} must be True or False, got {value!r}")
            return value
        if not isinstance(value, int) or isinstance(value, bool) or not self.low <= value <= self.high:
            raise ValueError(f"{name} must be a whole number from {self.low} to {self.high}, got {value!r}")
        return value


@dataclass(frozen=True)
class Preset:
    name: str
    seed: str  # which lesson it comes from
    dialect: str
    params: dict
    build: object  # (params) -> (stack, input_shape)


def _seed0(p):
    c = p["channels"]

    def conv(f, pad=True, act="relu", **kw):
        return {"type": "Conv2D", "filters": f, "kernel_size": 3, **({"padding": "same"} if pad else {}),
                "activation": act, **kw}
    pool = {"type": "MaxPooling2D", "pool_size": 2, "padding": "same"}
    up = {"type": "UpSampling2D"}
    stack = [conv(16), pool, conv(8), pool, conv(8, strides=2), conv(8), up, conv(8), up,
             conv(16, pad=False), up, conv(c, act="sigmoid")]
    return stack, (28, 28, c)


def _halve(n):  # Conv2d(k=3, stride=2, padding=1)
    return (n - 1) // 2 + 1


def _seed1(p):
    c, b, z, side = p["channels"], p["base"], p["latent"], p["side"]
    sizes = [side]
    for _ in range(3):
        sizes.append(_halve(sizes[-1]))
    if sizes[-1] < 1:
        raise ValueError("side is too small for three stride-2 convolutions")

    def conv(i, o, s=1):
        return {"type": "Conv2d", "in_channels": i, "out_channels": o, "kernel_size": 3, "padding": 1,
                **({"stride": s} if s > 1 else {})}

    def tconv(i, o, n, target):  # mirror the encoder: output_padding makes (n-1)*2 - 2 + 3 + op = target
        return {"type": "ConvTranspose2d", "in_channels": i, "out_channels": o, "kernel_size": 3,
                "output_padding": target - 2 * n + 1, "padding": 1, "stride": 2}
    g = {"type": "GELU"}
    flat = 2 * b * sizes[3] * sizes[3]
    stack = [conv(c, b, 2), g, conv(b, b), g, conv(b, 2 * b, 2), g, conv(2 * b, 2 * b), g, conv(2 * b, 2 * b, 2), g,
             {"type": "Flatten"}, {"type": "Linear", "in_features": flat, "out_features": z},
             {"type": "Linear", "in_features": z, "out_features": flat}, g,
             {"type": "Unflatten", "dim": 1, "unflattened_size": [2 * b, sizes[3], sizes[3]]},
             tconv(2 * b, 2 * b, sizes[3], sizes[2]), g, conv(2 * b, 2 * b), g,
             tconv(2 * b, b, sizes[2], sizes[1]), g, conv(b, b), g,
             tconv(b, c, sizes[1], sizes[0]), {"type": "Tanh"}]
    return stack, (c, side, side)


def _seed2(p):
    c, side = p["channels"], p["side"]
    n = c * side * side
    widths = [n, 128, 64, 12, 3]
    stack = [{"type": "Flatten"}]
    for i, (a, b) in enumerate(zip(widths, widths[1:])):
        stack.append({"type": "Linear", "in_features": a, "out_features": b})
        if i < len(widths) - 2:
            stack.append({"type": "ReLU"})
    back = widths[::-1]
    for i, (a, b) in enumerate(zip(back, back[1:])):
        stack.append({"type": "Linear", "in_features": a, "out_features": b})
        stack.append({"type": "ReLU"} if i < len(back) - 2 else {"type": "Sigmoid"})
    stack.append({"type": "Unflatten", "dim": 1, "unflattened_size": [c, side, side]})
    return stack, (c, side, side)


def _seed3(p):
    c, side, z = p["channels"], p["side"], p["latent"]
    linear = p["linear"]
    stack = [{"type": "Flatten"},
             {"type": "Dense", "units": z, **({} if linear else {"activation": "relu"})},
             {"type": "Dense", "units": side * side * c, **({} if linear else {"activation": "sigmoid"})},
             {"type": "Reshape", "target_shape": [side, side, c]}]
    return stack, (side, side, c)


def _seed4(p):
    c, side = p["channels"], p["side"]
    stack = [{"type": "Flatten"}, {"type": "Dense", "units": p["hidden"], "activation": "elu"},
             {"type": "Dense", "units": p["coding"], "activation": "elu"},
             {"type": "Dense", "units": p["hidden"], "activation": "elu"},
             {"type": "Dense", "units": side * side * c},
             {"type": "Reshape", "target_shape": [side, side, c]}]
    return stack, (side, side, c)


_CH = Param(1, 1, 3)
_SIDE = Param(28, 8, 64)
PRESETS = {p.name: p for p in [
    Preset("s0-keras-conv", "000", "keras", {"channels": _CH}, _seed0),
    Preset("s1-uva-conv", "001", "pytorch",
           {"channels": _CH, "base": Param(64, 4, 128), "latent": Param(256, 2, 1024), "side": Param(32, 8, 64)}, _seed1),
    Preset("s2-mlp3", "002", "pytorch", {"channels": _CH, "side": _SIDE}, _seed2),
    Preset("s3-dense", "003", "keras", {"channels": _CH, "side": _SIDE, "latent": Param(32, 1, 1024),
                                        "linear": Param(False)}, _seed3),
    Preset("s4-stacked", "004", "keras", {"channels": _CH, "side": _SIDE, "hidden": Param(300, 2, 2048),
                                          "coding": Param(150, 1, 1024)}, _seed4),
]}


def defaults(name: str) -> dict:
    return {k: p.default for k, p in PRESETS[name].params.items()}


def make(name: str, **params) -> tuple[list[dict], tuple, str]:
    """(stack, input_shape, dialect) of a preset; unknown names or out-of-range values raise ValueError."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; known: {', '.join(PRESETS)}")
    preset = PRESETS[name]
    unknown = set(params) - set(preset.params)
    if unknown:
        raise ValueError(f"{name} has no parameter {sorted(unknown)[0]!r}; it has {', '.join(preset.params)}")
    values = {k: p.check(k, params.get(k, p.default)) for k, p in preset.params.items()}
    stack, shape = preset.build(values)
    return stack, shape, preset.dialect


def fit_to(name: str, channels: int, side: int, **params) -> dict:
    """The preset's parameters for images of ``channels`` × ``side`` × ``side`` (where it has them)."""
    keys = PRESETS[name].params
    out = dict(params)
    if "channels" in keys:
        out["channels"] = channels
    if "side" in keys:
        out["side"] = side
    return out


def puzzle() -> dict:
    """The facts behind lesson 1's shape puzzle, read off its own table (so the sentence that teaches them
    stays true if the preset changes): how many poolings and upsamplings, the row that rounds an odd size
    up, and the row that trims the border."""
    stack, shape, dialect = make("s0-keras-conv")
    rows = summarize(stack, shape, dialect).rows
    odd = next(r for r in rows if r.input_shape[0] % 2 and r.output_shape[0] == -(-r.input_shape[0] // 2))
    trim = next(r for r in rows if r.type == "Conv2D" and tuple(dict(r.cfg).get("strides", (1, 1))) == (1, 1)
                and r.output_shape[0] < r.input_shape[0])
    chain = [shape[0]]
    for r in rows:
        if r.output_shape[0] != chain[-1]:
            chain.append(r.output_shape[0])
    return {"pools": sum(r.type == "MaxPooling2D" for r in rows), "ups": sum(r.type == "UpSampling2D" for r in rows),
            "chain": " → ".join(map(str, chain)),
            "side": shape[0], "odd_row": odd.index, "odd_type": odd.type, "odd_in": odd.input_shape[0],
            "odd_out": odd.output_shape[0], "odd_strides": dict(odd.cfg).get("strides", (1, 1))[0],
            "trim_row": trim.index, "trim_in": trim.input_shape[0], "trim_out": trim.output_shape[0]}
