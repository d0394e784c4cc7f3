"""The training doctor: did the model learn the images, or only their average? And if not, why not.

A collapsed autoencoder gives (almost) the same picture for every input, often flat grey: its error is
no better than always answering the mean training image, the best a model can do without looking at its
input. Two numbers show it on test images, with no threshold tuned to one model:

- ``ratio``  = the model's MSE / the MSE of answering the mean training image for every image;
- ``spread`` = how much its outputs differ from image to image, against how much the images differ.

Measured on the offline digits (see the tests): collapsed runs had ratio 1.05–3.1 and spread 0.00–0.15;
trained ones ratio 0.09–0.50 and spread 0.66–0.95.

    d = examine(result)      # on the run's own samples: its training images, and 256 of its test images
    d.verdict, d.causes      # 'collapsed' | 'weak' | 'ok', and what to try (most likely first)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from aecore.learn import data
from aecore.learn.batches import from_model, prepare, to_model

TEST_SAMPLE = 256  # test images the verdict is measured on: enough for a stable ratio, fast on a CPU
COLLAPSED_RATIO, COLLAPSED_SPREAD = 0.9, 0.25
WEAK_RATIO = 0.6
FEW_STEPS = 300   # optimizer steps below which a model of the lessons' size rarely learns the images
GOOD_STEPS = 600  # what the suggested settings aim for


@dataclass(frozen=True)
class Cause:
    key: str                            # text key, "doctor.<name>"
    values: dict = field(default_factory=dict)
    patch: dict = field(default_factory=dict)  # settings to try: {"epochs": 30, "batch_size": 32}


@dataclass(frozen=True)
class Diagnosis:
    verdict: str        # "collapsed" | "weak" | "ok"
    error: float        # the model's MSE on the test images (pixels in [0, 1])
    baseline: float     # the MSE of answering the mean training image
    spread: float       # outputs' variety / the images' variety (1: as varied as the images)
    dead: float         # share of code units that are 0 for every test image
    causes: tuple = ()

    @property
    def ratio(self) -> float:
        return self.error / self.baseline if self.baseline > 0 else 0.0

    def patch(self) -> dict:
        """Every suggested setting, the likeliest cause's first."""
        out: dict = {}
        for cause in self.causes:
            for k, v in cause.patch.items():
                out.setdefault(k, v)
        return out


@torch.no_grad()
def measure(model, plan, train_x: torch.Tensor, test_x: torch.Tensor) -> tuple[float, float, float, float]:
    """(error, baseline, spread, dead) on uint8 images already in the model's size and channels."""
    model.eval()
    dev = next(model.parameters()).device
    mean = torch.zeros(train_x.shape[1:], dtype=torch.float64)
    for i in range(0, len(train_x), 4096):  # the mean image in slices: bounded memory on a big set
        mean += train_x[i:i + 4096].double().sum(0)
    mean = (mean / max(len(train_x), 1) / 255).float()
    x = test_x.float() / 255
    codes, outs = [], []
    for i in range(0, len(x), 512):
        z, out = model.forward_parts(to_model(x[i:i + 512].to(dev), plan))
        codes.append(z.float().flatten(1).cpu())
        outs.append(from_model(out, plan).cpu())
    y, z = torch.cat(outs), torch.cat(codes)
    error = float(((y - x) ** 2).mean())
    baseline = float(((mean[None] - x) ** 2).mean())
    spread = float(y.std(0).mean() / x.std(0).mean().clamp_min(1e-12)) if len(x) > 1 else 1.0
    dead = float((z.abs() < 1e-6).all(0).float().mean()) if z.numel() else 0.0
    return error, baseline, spread, dead


def diagnose(result, train_x: torch.Tensor, test_x: torch.Tensor) -> Diagnosis:
    """The verdict on a trained model and, when it did not learn, the likely causes with settings to try."""
    error, baseline, spread, dead = measure(result.model, result.plan, train_x, test_x)
    ratio = error / baseline if baseline > 0 else 0.0
    if ratio >= COLLAPSED_RATIO or spread < COLLAPSED_SPREAD:
        verdict = "collapsed"
    elif ratio >= WEAK_RATIO:
        verdict = "weak"
    else:
        verdict = "ok"
    causes = () if verdict == "ok" else tuple(_causes(result, len(train_x), dead))
    return Diagnosis(verdict, error, baseline, spread, dead, causes)


def _causes(result, n_train: int, dead: float) -> list[Cause]:
    c = result.config
    per_epoch = math.ceil(n_train / c.batch_size)
    steps = c.stop_at or c.epochs * per_epoch
    history = result.history.get("train_loss", [])
    out: list[Cause] = []
    if c.stop_at:
        out.append(Cause("doctor.stopped", {"steps": steps}))
    if steps < FEW_STEPS:
        batch = c.batch_size if c.batch_size <= 64 else 32
        epochs = min(100, max(c.epochs, math.ceil(GOOD_STEPS / math.ceil(n_train / batch))))
        patch = {"epochs": epochs} | ({"batch_size": batch} if batch != c.batch_size else {})
        out.append(Cause("doctor.few_steps", {"steps": steps, "n": c.epochs, "per": per_epoch,
                                              "batch": c.batch_size}, patch))
    if c.lr <= 3e-4:
        out.append(Cause("doctor.low_lr", {"lr": f"{c.lr:g}"}, {"lr": 3e-3}))
    if len(history) >= 2 and not all(map(math.isfinite, history)):
        out.append(Cause("doctor.diverged", {"lr": f"{c.lr:g}"}, {"lr": 1e-3}))
    elif c.lr >= 1e-2 and len(history) >= 2 and history[-1] >= history[0] * 0.98:
        out.append(Cause("doctor.high_lr", {"lr": f"{c.lr:g}"}, {"lr": 1e-3}))
    if dead >= 0.5:
        out.append(Cause("doctor.dead", {"pct": f"{100 * dead:.0f}"}, {"lr": 1e-3} if c.lr > 1e-3 else {}))
    if c.noise != "none" and c.noise_level >= 0.5:
        out.append(Cause("doctor.noise", {"level": f"{c.noise_level:g}"}, {"noise_level": 0.2}))
    if c.sparsity >= 1e-2:
        out.append(Cause("doctor.sparsity", {"w": f"{c.sparsity:g}"}, {"sparsity": 0.0}))
    code = result.model.latent_shape
    if math.prod(code) <= 2:
        out.append(Cause("doctor.tiny_code", {"n": math.prod(code)}))
    if len(history) >= 2 and abs(history[-1] - history[0]) < 0.02 * abs(history[0]) and not any(
            x.key in ("doctor.low_lr", "doctor.high_lr", "doctor.diverged") for x in out):
        out.append(Cause("doctor.flat", {"first": f"{history[0]:.4f}", "last": f"{history[-1]:.4f}"}))
    if not out:
        out.append(Cause("doctor.longer", {"epochs": c.epochs}, {"epochs": min(100, c.epochs * 3)}))
    return out


def examine(result) -> Diagnosis:
    """The verdict on a finished run, measured on its own images: its training images (as it trained on them:
    the same cap and seed) for the mean image, and TEST_SAMPLE of its test images. The CLI, the Train page and
    the tests all call this, so they see the same numbers."""
    c, p = result.config, result.plan
    images = data.load(c.dataset)
    return diagnose(result, prepare(images.train_x, p, cap=c.max_train, seed=c.seed),
                    prepare(images.test_x, p, cap=TEST_SAMPLE, seed=c.seed))
