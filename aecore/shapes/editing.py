"""The Layer Builder's logic, without streamlit: which fields a layer shows, text <-> values,
a sensible new layer after the current shape, and the predict-the-shape exercise."""
from __future__ import annotations

import ast
import random

from aecore.shapes import keras_rules
from aecore.shapes.layers import DIALECTS, Summary, parse_shape
from aecore.shapes.rules import REQUIRED, LayerError, fmt_shape
from aecore.text import t

# Keywords that change nothing a learner is looking at (or rarely do): behind "more".
RARE = {
    "data_format", "dilation_rate", "groups", "use_bias", "lora_rank", "noise_shape", "seed", "renorm",
    "renorm_clipping", "renorm_momentum", "synchronized", "momentum", "epsilon", "center", "scale", "axis",
    "padding_mode", "return_indices", "count_include_pad", "divisor_override", "align_corners",
    "recompute_scale_factor", "inplace", "bias", "eps", "affine", "track_running_stats", "dilation",
    "ceil_mode", "max_value", "threshold", "keepdims",
}

CHOICES = {
    ("keras", "padding"): ["valid", "same"],
    ("keras", "activation"): [None, "relu", "sigmoid", "tanh", "elu", "gelu", "selu", "leaky_relu", "softmax",
                              "linear"] + [a for a in keras_rules.ACTIVATIONS if a not in
                                           ("relu", "sigmoid", "tanh", "elu", "gelu", "selu", "leaky_relu",
                                            "softmax", "linear")],
    ("keras", "interpolation"): ["nearest", "bilinear", "bicubic"],
    ("pytorch", "mode"): ["nearest", "bilinear", "bicubic"],
}

# The add-a-layer menu: the layers of the lessons first.
COMMON = {
    "keras": ["Conv2D", "MaxPooling2D", "UpSampling2D", "Conv2DTranspose", "Dense", "Flatten", "Reshape",
              "Dropout", "BatchNormalization", "Activation", "AveragePooling2D", "ZeroPadding2D", "Cropping2D"],
    "pytorch": ["Conv2d", "ReLU", "MaxPool2d", "Upsample", "ConvTranspose2d", "Linear", "Flatten", "Unflatten",
                "GELU", "Sigmoid", "Tanh", "BatchNorm2d", "Dropout", "AvgPool2d"],
}


def layer_types(dialect: str) -> list[str]:
    common = COMMON[dialect]
    return common + sorted(k for k in DIALECTS[dialect] if k not in common)


def fields(dialect: str, kind: str) -> tuple[list[str], list[str]]:
    """(main keywords, rarer keywords) a layer's editor shows."""
    rule = DIALECTS[dialect][kind]
    keys = [k for k, _ in rule.signature]
    main = [k for k in keys if k not in RARE]
    return main, [k for k in keys if k in RARE]


def default_of(dialect: str, kind: str, key: str):
    """The keyword's default, or REQUIRED."""
    return dict(DIALECTS[dialect][kind].signature).get(key, None)


def to_text(value) -> str:
    """A value as the learner would type it: 3, (3, 3), same, None."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(to_text(v) if not isinstance(v, (list, tuple)) else "(" + to_text(v) + ")" for v in value)
    return str(value)


def from_text(text: str):
    """What the learner typed -> a value: '' -> None (the default), '3' -> 3, '3, 3' -> (3, 3),
    'same' -> 'same', '((1, 2), (0, 0))' -> nested tuples. Only literals: nothing is evaluated."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        try:
            value = ast.literal_eval(f"({text},)") if "," in text else text
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            value = text
    if isinstance(value, str):
        value = value.strip().strip("'\"")
    return _lists(value)


def _lists(v):
    return [_lists(x) for x in v] if isinstance(v, (list, tuple)) else v


def new_layer(dialect: str, kind: str, shape: tuple | None) -> dict:
    """A layer of ``kind`` that fits after ``shape`` (the current output), with the lessons' usual values."""
    shape = tuple(shape or ())
    ch = shape[-1] if dialect == "keras" and shape else (shape[0] if shape else 1)
    feats = shape[-1] if shape else 1
    keras = {
        "Conv2D": {"filters": 8, "kernel_size": 3, "padding": "same", "activation": "relu"},
        "Conv2DTranspose": {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same", "activation": "relu"},
        "MaxPooling2D": {"pool_size": 2, "padding": "same"}, "AveragePooling2D": {"pool_size": 2},
        "UpSampling2D": {"size": 2}, "Dense": {"units": 32, "activation": "relu"}, "Dropout": {"rate": 0.2},
        "Reshape": {"target_shape": [7, 7, max(1, feats // 49)] if feats % 49 == 0 else [feats]},
        "Activation": {"activation": "relu"}, "ZeroPadding2D": {"padding": 1}, "Cropping2D": {"cropping": 1},
        "GaussianNoise": {"stddev": 0.2}, "SpatialDropout2D": {"rate": 0.2}, "GaussianDropout": {"rate": 0.2},
        "Rescaling": {"scale": 2.0, "offset": -1.0}, "Normalization": {"mean": 0.5, "variance": 0.25},
        "ActivityRegularization": {"l1": 1e-4},
    }
    torch = {
        "Conv2d": {"in_channels": ch, "out_channels": 8, "kernel_size": 3, "padding": 1},
        "ConvTranspose2d": {"in_channels": ch, "out_channels": 8, "kernel_size": 3, "stride": 2, "padding": 1,
                            "output_padding": 1},
        "MaxPool2d": {"kernel_size": 2}, "AvgPool2d": {"kernel_size": 2}, "Upsample": {"scale_factor": 2},
        "Linear": {"in_features": feats, "out_features": 32}, "BatchNorm2d": {"num_features": ch},
        "BatchNorm1d": {"num_features": feats}, "Dropout": {"p": 0.2}, "Dropout2d": {"p": 0.2},
        "Unflatten": {"dim": 1, "unflattened_size": [-1, 7, 7]}, "ZeroPad2d": {"padding": 1},
        "ConstantPad2d": {"padding": 1, "value": 0.0},
    }
    base = (keras if dialect == "keras" else torch).get(kind, {})
    return {"type": kind, **base}


# ---- predict the shape ----------------------------------------------------------------------------

def quiz_candidates(summary: Summary) -> list[int]:
    """Rows worth asking about: the shape changes there (a pooling, a stride, a missing padding...)."""
    out = []
    prev = summary.input_shape
    for row in summary.rows:
        if row.output_shape != prev:
            out.append(row.index)
        prev = row.output_shape
    return out


def quiz_pick(summary: Summary, seed: int, avoid: int | None = None) -> int | None:
    options = [i for i in quiz_candidates(summary) if i != avoid] or quiz_candidates(summary)
    return random.Random(seed).choice(options) if options else None


def check_answer(summary: Summary, index: int, text: str) -> tuple[bool, str]:
    """Is ``text`` the output shape of row ``index``? The message says why, with the row's arithmetic."""
    row = summary.rows[index]
    try:
        guess = parse_shape(text)
    except LayerError:
        return False, t("quiz.unreadable", v=text)
    right = fmt_shape(row.output_shape)
    if guess == row.output_shape:
        return True, t("quiz.right", shape=right, why=row.why)
    hint = ""
    if len(guess) != len(row.output_shape):
        hint = t("quiz.hint_rank", n=len(row.output_shape))
    elif sorted(guess) == sorted(row.output_shape):
        hint = t("quiz.hint_order", order="(H, W, C)" if summary.dialect == "keras" else "(C, H, W)")
    return False, t("quiz.wrong", guess=fmt_shape(guess), shape=right, why=row.why) + hint


def required(dialect: str, kind: str) -> list[str]:
    return [k for k, d in DIALECTS[dialect][kind].signature if d is REQUIRED]


def layer_call(spec: dict) -> str:
    """A layer as the code that makes it: Conv2D(filters=16, kernel_size=3, padding='same')."""
    args = ", ".join(f"{k}={tuple(v) if isinstance(v, list) else v!r}" for k, v in spec.items() if k != "type")
    return f"{spec['type']}({args})"
