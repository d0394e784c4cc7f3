"""What a training run is: ``TrainConfig`` (frozen, the cache key), what it means (``Plan``: the model's
table, image size, loss, pixel scale), every setting checked, and good settings for a machine.

    config = TrainConfig(dataset="digits", model="s2-mlp3", epochs=40)
    p = plan(config)      # ConfigError with a learner's message if any setting cannot train
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, replace

from aecore.learn import data
from aecore.learn.budget import problem
from aecore.learn.families import FAMILIES, PENALTIES, mirror_dense
from aecore.shapes import presets
from aecore.shapes.build import LowerError
from aecore.shapes.layers import Summary, summarize
from aecore.shapes.lower import final_activation, lower, torch_shape
from aecore.text import t

FORMAT = 1  # bump when a change makes saved models incompatible
NOISES = ("none", "gaussian", "salt_pepper", "masking")
LOSSES = ("auto", "bce", "mse")
# Image-passes one run may take (epochs × training images): a class shares the machine.
BUDGET = {"cpu": 3_000_000, "mps": 20_000_000, "cuda": 200_000_000}


LATER_FIELDS = {"stop_at": 0, "family": "ae", "penalty": "l1", "rho": 0.05, "beta": 1.0, "only_class": -1,
                "schedule": "constant"}
SCHEDULES = ("constant", "cosine")


class ConfigError(ValueError):
    """A setting that cannot train; the message says which and why."""


@dataclass(frozen=True)
class TrainConfig:
    dataset: str = data.DEFAULT      # a data.REGISTRY name; the default needs no network
    model: str = "s0-keras-conv"     # a preset (the lessons' models) or "custom" (a Layer Builder stack)
    model_params: tuple = ()         # the preset's parameters as ((name, value), ...), e.g. (("latent", 64),)
    stack: str = ""                  # custom model: the stack as JSON
    dialect: str = "keras"           # custom model: "keras" or "pytorch"
    input_shape: tuple = ()          # custom model: its input shape in the dialect's order
    loss: str = "auto"               # auto = BCE when the output ends in a sigmoid, else MSE
    lr: float = 1e-3                 # Adam, as in the lessons
    epochs: int = 20
    batch_size: int = 128            # the lessons' batch size
    seed: int = 0
    noise: str = "none"              # denoising: corrupt the input, rebuild the clean image
    noise_level: float = 0.0         # gaussian: σ on pixels in [0, 1] (lesson 001: 0.2); others: share of pixels
    sparsity: float = 0.0            # weight of the sparsity penalty on the code: a sparse autoencoder (lesson 2)
    max_train: int = 20_000          # cap on training images, for small machines
    stop_at: int = 0                 # stop after this many optimizer steps (0: train every epoch); a run
                                     # stopped by hand and kept is exactly the run with this set
    # Fields added after FORMAT 1 are left out of the key at their defaults, so saved models keep theirs.
    family: str = "ae"               # ae | tied (decoder = encoder transposed) | vae | greedy (layer-wise pretraining)
    penalty: str = "l1"              # with sparsity > 0: "l1" on the code, or "kl": KL(rho || mean activation)
    rho: float = 0.05                # the KL penalty's target mean activation of each code unit
    beta: float = 1.0                # VAE: the weight of the KL term (1: the evidence lower bound)
    only_class: int = -1             # train on one class only (anomaly detection); -1: every class
    schedule: str = "constant"       # the learning rate: constant, or "cosine" (down to 0 by the last step)

    def canonical(self) -> TrainConfig:
        """The same run written one way: settings that cannot matter are zeroed, so they share a key."""
        c = replace(self, model_params=tuple(sorted((str(k), v) for k, v in self.model_params)),
                    input_shape=tuple(self.input_shape))
        if c.noise == "none":
            c = replace(c, noise_level=0.0)
        if c.model != "custom":
            c = replace(c, stack="", dialect="keras", input_shape=())
        if not c.sparsity:
            c = replace(c, penalty="l1", rho=0.05)
        elif c.penalty != "kl":
            c = replace(c, rho=0.05)
        if c.family != "vae":
            c = replace(c, beta=1.0)
        return c

    def to_dict(self) -> dict:
        d = asdict(self.canonical())
        d["model_params"] = [list(p) for p in d["model_params"]]
        d["input_shape"] = list(d["input_shape"])
        for name, default in LATER_FIELDS.items():
            if d[name] == default:
                del d[name]  # the same key a config had before the field existed
        return d

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        d = dict(d)
        d["model_params"] = tuple(tuple(p) for p in d.get("model_params", ()))
        d["input_shape"] = tuple(d.get("input_shape", ()))
        return cls(**d)

    def key(self) -> str:
        text = json.dumps({"format": FORMAT, **self.to_dict()}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Plan:
    """What a config means: the model's table, the image size it takes, the loss and the pixel scale."""
    config: TrainConfig
    summary: Summary
    channels: int
    height: int
    width: int
    loss: str              # "bce" | "mse"
    scale: str             # "unit": pixels in [0, 1]; "signed": pixels in [-1, 1] (tanh output, lesson 001)
    model_input: tuple     # the tensor shape the model takes (batch left out)


MLPS = ("s2-mlp3", "s3-dense", "s4-stacked")  # cheap per step: on small sets they get more steps


def suggested(dataset: str, device_kind: str = "cpu", model: str = "") -> dict:
    """Settings that give a good model quickly on this kind of machine (the pages' defaults). On the small
    offline sets the MLPs get 40 epochs: at 10 the 3-D code of lesson 002 has not spread out yet."""
    small = data.REGISTRY[dataset].source == "offline"
    if device_kind == "cpu":
        if small:
            return dict(epochs=40 if model in MLPS else 10, batch_size=32, lr=3e-3)
        return dict(epochs=3, batch_size=128, lr=1e-3, max_train=10_000)
    return dict(epochs=20, batch_size=64, lr=3e-3) if small else dict(epochs=10, batch_size=256, lr=1e-3,
                                                                        max_train=60_000)


def check(cond: bool, key: str, **values) -> None:
    if not cond:
        raise ConfigError(t(key, **values))


def model_summary(config: TrainConfig) -> Summary:
    """The table of the model a config trains (presets follow the dataset's channels and size)."""
    if config.model == "custom":
        try:
            stack = json.loads(config.stack)
        except (json.JSONDecodeError, TypeError):
            raise ConfigError(t("train.bad_stack")) from None
        return summarize(stack, config.input_shape, config.dialect)
    if config.model not in presets.PRESETS:
        raise ConfigError(t("train.unknown_model", name=config.model, names=", ".join(presets.PRESETS)))
    info = data.REGISTRY[config.dataset]
    params = presets.fit_to(config.model, info.channels, info.side, **dict(config.model_params))
    try:
        stack, shape, dialect = presets.make(config.model, **params)
    except ValueError as e:
        raise ConfigError(str(e)) from None
    return summarize(stack, shape, dialect)


def plan(config: TrainConfig) -> Plan:
    """Check every setting (widgets can be bypassed) and work out what the run needs."""
    c = config
    check(c.dataset in data.REGISTRY, "data.unknown", name=c.dataset, names=", ".join(data.REGISTRY))
    check(isinstance(c.lr, (int, float)) and 0 < c.lr <= 1, "train.range", kw="lr", low="0 (exclusive)",
           high=1, v=c.lr)
    for kw, low, high in (("epochs", 1, 1000), ("batch_size", 1, 8192), ("seed", 0, 2**31 - 1),
                          ("max_train", 16, 1_000_000), ("stop_at", 0, 10**9)):
        v = getattr(c, kw)
        check(isinstance(v, int) and not isinstance(v, bool) and low <= v <= high, "train.range", kw=kw,
               low=low, high=high, v=v)
    check(c.noise in NOISES, "train.choice", kw="noise", v=c.noise, options=", ".join(NOISES))
    high = 2.0 if c.noise == "gaussian" else 1.0
    check(isinstance(c.noise_level, (int, float)) and 0 <= c.noise_level <= high, "train.range",
           kw="noise_level", low=0, high=high, v=c.noise_level)
    check(isinstance(c.sparsity, (int, float)) and 0 <= c.sparsity <= 10, "train.range", kw="sparsity",
           low=0, high=10, v=c.sparsity)
    check(c.loss in LOSSES, "train.choice", kw="loss", v=c.loss, options=", ".join(LOSSES))
    check(c.schedule in SCHEDULES, "train.choice", kw="schedule", v=c.schedule, options=", ".join(SCHEDULES))
    check(c.family in FAMILIES, "train.choice", kw="family", v=c.family, options=", ".join(FAMILIES))
    check(c.penalty in PENALTIES, "train.choice", kw="penalty", v=c.penalty, options=", ".join(PENALTIES))
    check(isinstance(c.rho, (int, float)) and 0 < c.rho < 1, "train.range", kw="rho", low="0 (exclusive)",
           high="1 (exclusive)", v=c.rho)
    check(isinstance(c.beta, (int, float)) and 0 <= c.beta <= 100, "train.range", kw="beta", low=0, high=100,
           v=c.beta)
    check(isinstance(c.only_class, int) and not isinstance(c.only_class, bool) and -1 <= c.only_class < 1000,
           "train.range", kw="only_class", low=-1, high=999, v=c.only_class)
    summary = model_summary(c)
    check(summary.ok, "train.invalid_stack", error=summary.error or "")
    check(bool(summary.rows) and summary.same_as_input, "train.not_autoencoder",
           out=str(summary.output_shape), inp=str(summary.input_shape))
    too_much = problem(summary, c.batch_size)  # before anything is built
    if too_much is not None:
        raise ConfigError(t(too_much[0], **too_much[1]))
    model_input = torch_shape(summary.input_shape, summary.dialect)
    info = data.REGISTRY[c.dataset]
    if len(model_input) == 3:
        channels, height, width = model_input
        check(channels in (1, 3), "train.channels", c=channels)
    else:  # a flat input: n values must be channels × side × side of some image
        n = math.prod(model_input)
        fits = [(ch, math.isqrt(n // ch)) for ch in (info.channels, 1, 3) if n % ch == 0
                and math.isqrt(n // ch) ** 2 == n // ch]
        check(bool(fits), "train.flat_input", n=n)
        channels, height = fits[0]
        width = height
    try:
        blocks = lower(summary)
    except LowerError as e:
        raise ConfigError(str(e)) from None
    final, _ = final_activation(blocks)
    scale = "signed" if final == "tanh" else "unit"
    loss = c.loss if c.loss != "auto" else ("bce" if final == "sigmoid" else "mse")
    check(loss != "bce" or final == "sigmoid", "train.bce_needs_sigmoid")
    if c.family in ("tied", "greedy"):
        why = mirror_dense(summary)
        check(why is None, "train.needs_mirror", family=c.family)
    if c.sparsity and c.penalty == "kl":
        code_row = summary.rows[summary.bottleneck if summary.bottleneck is not None else len(summary.rows) // 2 - 1]
        check(dict(code_row.cfg).get("activation") == "sigmoid", "train.kl_needs_sigmoid")
    return Plan(c, summary, channels, height, width, loss, scale, model_input)
