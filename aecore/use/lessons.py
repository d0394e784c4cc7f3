"""The lessons' models as training recipes: the settings each lesson page trains with, measured on the
offline digits on 2 CPU cores (each well under ~30 s there), and scaled by the number of training images
so that a large set (MNIST, PathMNIST) keeps the same number of optimizer steps instead of taking ages.

    linear(dataset, k)          # lesson 4: a linear autoencoder that meets PCA (300 epochs on digits, ~14 s)
    stacked(dataset, "tied")    # lesson 5: 784-300-150-300-784 ELU, tied or not
"""
from __future__ import annotations

import json
import math
from dataclasses import replace

from aecore.learn import data
from aecore.learn.config import TrainConfig

DIGITS_TRAIN = 1437  # digits' training images: the recipes' step counts are measured there
MAX_TRAIN = 10_000   # a lesson page's cap on training images on a CPU (all of them on a GPU)


def _train_images(dataset: str, device_kind: str) -> int:
    n = len(data.load(dataset).train_x)
    return n if device_kind != "cpu" else min(n, MAX_TRAIN)


def _epochs(dataset: str, digits_epochs: int, device_kind: str, low: int = 3, per_class: bool = False) -> int:
    """Epochs that give about as many steps as ``digits_epochs`` on digits (at least ``low``)."""
    n = _train_images(dataset, device_kind)
    if per_class:  # one class of ten: a tenth of the images
        n = max(n // 10, 1)
    base = DIGITS_TRAIN // 10 if per_class else DIGITS_TRAIN
    return int(min(1000, max(low, round(digits_epochs * base / max(n, 1)))))


def _max_train(device_kind: str) -> int:
    return MAX_TRAIN if device_kind == "cpu" else 60_000


# ---- lesson 4: the linear autoencoder is PCA -----------------------------------------------------------

def linear(dataset: str, k: int, device_kind: str = "cpu") -> TrainConfig:
    """Flatten → Dense(k) → Dense(pixels) → Reshape, no activation, MSE. A cosine decay of the learning rate
    lets Adam settle into PCA's subspace: on digits with k = 16, test error 1.0003 × PCA's and the largest
    principal angle 1.97° after 300 epochs (14 s); constant-rate Adam stays at 38° after 100."""
    return TrainConfig(dataset=dataset, model="s3-dense", model_params=(("latent", int(k)), ("linear", True)),
                       epochs=_epochs(dataset, 300, device_kind, low=20), batch_size=32, lr=3e-3, schedule="cosine",
                       loss="mse", max_train=_max_train(device_kind))


def deep(dataset: str, k: int, device_kind: str = "cpu") -> TrainConfig:
    """The same code size with one hidden layer of 128 ELU units on each side (lesson 5's shape): on digits
    with k = 16 its error is 0.74 × PCA's (4 s). The one-layer model with a ReLU code does worse than PCA."""
    return TrainConfig(dataset=dataset, model="s4-stacked", model_params=(("coding", int(k)), ("hidden", 128)),
                       epochs=_epochs(dataset, 60, device_kind, low=5), batch_size=32, lr=3e-3, schedule="cosine",
                       loss="mse", max_train=_max_train(device_kind))


# ---- lesson 5: stacked autoencoders ----------------------------------------------------------------------

def stacked(dataset: str, family: str = "ae", epochs: int = 20, device_kind: str = "cpu") -> TrainConfig:
    """Lesson 5's 784-300-150-300-784 ELU autoencoder: plain, tied, or pretrained pair by pair (``greedy``:
    ``epochs`` per phase, three phases)."""
    return TrainConfig(dataset=dataset, model="s4-stacked", model_params=(("coding", 150), ("hidden", 300)),
                       family=family, epochs=_epochs(dataset, epochs, device_kind), batch_size=32, lr=1e-3,
                       loss="mse", max_train=_max_train(device_kind))


def end_to_end_for(greedy: TrainConfig) -> TrainConfig:
    """The plain run with as many steps as a greedy run (its pairs and the fine-tuning)."""
    return replace(greedy, family="ae", epochs=greedy.epochs * 3)


# ---- lesson 2: the sparse autoencoder -------------------------------------------------------------------

def sparse_stack(units: int, channels: int, side: int) -> list[dict]:
    """Flatten → Dense(units, sigmoid) → Dense(pixels, sigmoid) → Reshape: a code between 0 and 1 whose
    units the KL penalty can hold near a target activation ρ."""
    return [{"type": "Flatten"}, {"type": "Dense", "units": int(units), "activation": "sigmoid"},
            {"type": "Dense", "units": channels * side * side, "activation": "sigmoid"},
            {"type": "Reshape", "target_shape": [side, side, channels]}]


def sparse(dataset: str, units: int = 64, weight: float = 0.0, penalty: str = "kl", rho: float = 0.05,
           device_kind: str = "cpu") -> TrainConfig:
    info = data.REGISTRY[dataset]
    stack = sparse_stack(units, info.channels, info.side)
    return TrainConfig(dataset=dataset, model="custom", stack=json.dumps(stack), dialect="keras",
                       input_shape=(info.side, info.side, info.channels), epochs=_epochs(dataset, 60, device_kind),
                       batch_size=32, lr=3e-3, sparsity=float(weight), penalty=penalty, rho=float(rho),
                       max_train=_max_train(device_kind))


# ---- lesson 2: anomalies ------------------------------------------------------------------------------------

def anomaly(dataset: str, normal: int, device_kind: str = "cpu") -> TrainConfig:
    """Lesson 1's conv autoencoder, trained on one class only."""
    return TrainConfig(dataset=dataset, model="s0-keras-conv", only_class=int(normal),
                       epochs=_epochs(dataset, 60, device_kind, low=5, per_class=True), batch_size=32, lr=3e-3,
                       max_train=_max_train(device_kind))


# ---- lessons 3 and 4: the VAE -----------------------------------------------------------------------------

def vae_pair(dataset: str, latent: int = 2, beta: float = 1.0, device_kind: str = "cpu") -> tuple:
    """Lesson 2's conv encoder and decoder (base 16) with a small code, plain and as a VAE. 15 epochs on digits
    (8 s each on one CPU thread): with a code of 8 numbers the VAE's random codes decode 2.6× closer to a real
    training image than the plain model's (measured: 2.6× at 20 epochs, 3.0× at 30), which the page shows."""
    plain = TrainConfig(dataset=dataset, model="s1-uva-conv", model_params=(("base", 16), ("latent", int(latent))),
                        epochs=_epochs(dataset, 15, device_kind), batch_size=32, lr=3e-3, loss="mse",
                        max_train=_max_train(device_kind))
    return plain, replace(plain, family="vae", beta=float(beta))


def code_size(config) -> int:
    return math.prod(dict(config.model_params).get(k, 1) for k in ("latent", "coding") if k in dict(config.model_params))
