"""The five guided lessons as data, and the logic of their questions ("predict, then check").

A lesson is an ordered tuple of steps. A step names the live component the page draws for it, the tool
page that opens the same thing in full, and at most one question. The learner commits to an answer
before the page shows the result; the truth is then read from what the screen shows (a shape from the
shape table, a loss from the trained models), never written into the lesson, so the explanation is true
of the picture beside it. No streamlit here: the checks are tested on their own.

    step = LESSONS["shapes"][1]
    check_shape("28, 28, 16", truth=(28, 28, 16))       # Verdict(right=True, ...)
    check_choice("pca", truth=closer(0.0102, 0.0101))   # "same": within 2 %
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from aecore.shapes.layers import MAX_DIM
from aecore.text import clip, t


@dataclass(frozen=True)
class Question:
    kind: str                       # "shape": type a shape; "choice": pick one of ``options``
    options: tuple = ()             # the choice's option names (their words are texts)


@dataclass(frozen=True)
class Step:
    id: str
    component: str                  # what the page draws: see aecore/ui/guide.py COMPONENTS
    question: Question | None = None
    tool: str = ""                  # the tool page that opens the same state in full


SHAPE = Question("shape")
LOWER = Question("choice", ("a", "b", "same"))  # which of two numbers is lower, or both about the same

LESSONS: dict[str, tuple[Step, ...]] = {
    # lesson 000: an MNIST conv autoencoder in Keras, and why its shapes come back to 28
    "shapes": (
        Step("idea", "hourglass", None, "builder"),
        Step("conv", "table_to", SHAPE, "builder"),
        Step("pool", "table_to", SHAPE, "builder"),
        Step("odd", "table_to", SHAPE, "builder"),
        Step("trim", "table_to", SHAPE, "builder"),
        Step("fix", "what_if_same", SHAPE, "builder"),
        Step("train", "train_rebuild", LOWER, "train"),
        # the UpSampling half of the puzzle: one decoder built three ways (aecore.use.checkerboard.OPTIONS)
        Step("checker", "checkerboard", Question("choice", ("k3", "k4", "k3_k4", "none")), "checkerboard"),
    ),
    # lesson 001: conv encoder and decoder on colour images, denoising, similar images, PathMNIST
    "conv": (
        Step("model", "conv_table", SHAPE, "builder"),
        Step("up", "conv_up", SHAPE, "builder"),     # why 7, not 8: output_padding (lesson 1's puzzle in PyTorch)
        Step("train", "conv_rebuild", None, "train"),
        Step("noise", "denoise_rows", Question("choice", ("plain", "dae", "same")), "denoise"),
        Step("similar", "neighbours", Question("choice", ("few", "half", "most")), "similar"),
        Step("medical", "medical", None, "similar"),
    ),
    # lesson 002: a Fashion-MNIST MLP whose code has three numbers
    "code3d": (
        Step("model", "mlp_table", SHAPE, "builder"),
        Step("train", "mlp_rebuild", None, "train"),
        Step("space", "space3d", Question("choice", ("yes", "no")), "latent"),
        Step("uses", "uses", None, "latent"),
    ),
    # lessons 003 and 004: the linear autoencoder finds PCA's subspace; a nonlinear one can do better
    "pca": (
        Step("linear", "pca_numbers", Question("choice", ("pca", "ae", "same")), "pca"),
        Step("basis", "pca_pictures", Question("choice", ("equal", "mixed")), "pca"),
        Step("deep", "pca_deep", Question("choice", ("pca", "deep", "same")), "pca"),
    ),
    # lesson 004: stacked autoencoders, tied weights, training one layer at a time
    "stacked": (
        Step("model", "stacked_table", SHAPE, "builder"),
        Step("tied", "tied_params", Question("choice", ("none", "quarter", "half")), "stacked"),
        Step("tied_error", "tied_error", LOWER, "stacked"),
        Step("greedy", "greedy", LOWER, "stacked"),
    ),
}
ORDER = ("shapes", "conv", "code3d", "pca", "stacked")
SAME = 0.02  # two errors within 2 % of each other are "about the same"


@dataclass(frozen=True)
class Verdict:
    right: bool
    answer: object                  # what the learner committed to, read (a shape tuple, an option name)
    truth: object
    problem: str | None = None      # the answer could not be read: a message; nothing is recorded


_SEPARATORS = re.compile(r"[\s,×xX*]+")  # 14, 14, 16 · 14×14×16 · 14x14x16 · 14 X 14 X 16 · 14 14 16


class ShapeError(ValueError):
    """An answer that is not a shape; its message says how to type one."""


def read_shape(typed: str) -> tuple[int, ...]:
    """An output shape as the lessons write it: "(14, 14, 16)", "14×14×16", "14x14x16", "14 X 14 X 16",
    "14 14 16", "[14,14,16]", "3"; a leading batch "None" (as Keras prints it) is left out. One to four
    whole numbers from 1 to 2**20, else ShapeError."""
    text = str(typed)[:200].strip()
    if text[:1] in "([" and text[-1:] in ")]":
        text = text[1:-1]
    text = text.strip()
    parts = [p for p in _SEPARATORS.split(text) if p]
    if text[:1] in "×xX*" or text[-1:] in "×xX*":  # "14×": still being typed, not the shape (14,)
        parts = []
    if parts and parts[0].lower() == "none":
        parts = parts[1:]
    if not 1 <= len(parts) <= 4 or not all(p.isascii() and p.isdigit() for p in parts) \
            or not all(1 <= int(p) <= MAX_DIM for p in parts):
        raise ShapeError(t("course.bad_shape", v=clip(typed)))
    return tuple(int(p) for p in parts)


def check_shape(typed: str, truth: tuple) -> Verdict:
    """A typed shape ("28, 28, 16", "(28,28,16)", "28×28×16", "3") against the shape the table shows."""
    try:
        answer = read_shape(typed)
    except ShapeError as e:
        return Verdict(False, None, tuple(truth), problem=str(e))
    return Verdict(answer == tuple(truth), answer, tuple(truth))


def check_choice(picked: str, truth: str, options: tuple = ()) -> Verdict:
    if options and picked not in options:
        return Verdict(False, None, truth, problem=picked)
    return Verdict(picked == truth, picked, truth)


def closer(a: float, b: float, names: tuple = ("a", "b", "same"), tol: float = SAME) -> str:
    """Which of two errors (or losses) is lower: names[0] for ``a``, names[1] for ``b``, names[2] when they
    are within ``tol`` of each other (relative to the smaller)."""
    if not (np.isfinite(a) and np.isfinite(b)):
        raise ValueError("both numbers must be finite")
    if abs(a - b) <= tol * min(abs(a), abs(b)):
        return names[2]
    return names[0] if a < b else names[1]


def psnr_gain(plain_db: float, dae_db: float, tol: float = 0.1) -> str:
    """Which output is closer to the clean images, by mean PSNR: "dae", "plain", or "same" within ``tol`` dB."""
    if not (np.isfinite(plain_db) and np.isfinite(dae_db)):
        raise ValueError("both numbers must be finite")
    gain = dae_db - plain_db
    return "same" if abs(gain) <= tol else ("dae" if gain > 0 else "plain")


def saving(params_plain: int, params_tied: int) -> str:
    """How much tying saves, in the words of the question: none (under 10 %), quarter (10–37 %), half."""
    cut = 1 - params_tied / params_plain
    return "none" if cut < 0.10 else ("quarter" if cut < 0.375 else "half")


def neighbours_share(same_class: int, k: int) -> str:
    """How many of k nearest images share the query's class: few (≤ 30 %), half (up to 70 %), most."""
    share = same_class / k
    return "few" if share <= 0.3 else ("half" if share <= 0.7 else "most")


def grouped(codes, labels, k: int = 5) -> tuple[str, float, float]:
    """Did the codes put images of a class together? ("yes"/"no", the share of each code's k nearest codes
    that have its label, the share expected by chance). Yes when at least twice chance."""
    x = np.asarray(codes, dtype=np.float64)
    y = np.asarray(labels)
    d = ((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    share = float((y[nearest] == y[:, None]).mean())
    chance = float(sum((np.sum(y == c) / len(y)) ** 2 for c in np.unique(y)))
    return ("yes" if share >= 2 * chance else "no"), share, chance


def basis(angles_deg, columns, components) -> str:
    """Are the autoencoder's decoder columns PCA's components themselves ("equal": each column matches one
    component up to sign, cosine ≥ 0.95) or a mix of them spanning the same space ("mixed")?"""
    a = np.asarray(columns, dtype=np.float64).reshape(len(columns), -1)
    b = np.asarray(components, dtype=np.float64).reshape(len(components), -1)
    a = a / np.linalg.norm(a, axis=1, keepdims=True).clip(1e-12)
    b = b / np.linalg.norm(b, axis=1, keepdims=True).clip(1e-12)
    best = np.abs(a @ b.T).max(axis=1)
    return "equal" if float(best.min()) >= 0.95 else "mixed"


def progress(lesson: str, answers: dict, right: dict) -> tuple[int, int, int]:
    """(questions answered, answered right, questions in the lesson). ``answers``: step id -> the committed
    answer; ``right``: step id -> whether it was right, once the result was shown."""
    asked = [s.id for s in LESSONS[lesson] if s.question is not None]
    return sum(1 for i in asked if i in answers), sum(1 for i in asked if right.get(i) is True), len(asked)
