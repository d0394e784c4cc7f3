"""One default training config per (model, dataset, device kind): what the pages that use a model, the lessons
and the class view's warm button train, and what the Train form starts from. Written once, so a lesson and a
tool share one cache entry."""
from __future__ import annotations

from dataclasses import replace

from aecore.learn.config import TrainConfig, suggested

# On a CPU the lessons' conv model for search and denoising is made smaller; on a GPU it keeps its size.
USE_PARAMS = {"cpu": {"s1-uva-conv": {"base": 16, "latent": 64}}, "gpu": {}}


def machine(device_kind: str) -> str:
    """cpu or gpu: the two sizes of defaults (CUDA and Apple's MPS train the same settings)."""
    return "cpu" if device_kind == "cpu" else "gpu"


def quick(dataset: str, model: str, device_kind: str) -> dict:
    """Epochs, batch size, learning rate (and a cap on training images for the big sets) that give a good model
    quickly on this kind of machine."""
    return suggested(dataset, device_kind, model)


def smaller(model: str, device_kind: str) -> dict:
    """The size parameters a model is trained with on this kind of machine when they differ from the lesson's."""
    return dict(USE_PARAMS[machine(device_kind)].get(model, {}))


def config(model: str, dataset: str, device_kind: str, **changes) -> TrainConfig:
    """The model a page or a lesson trains by default on this machine."""
    params = smaller(model, device_kind)
    c = TrainConfig(dataset=dataset, model=model, model_params=tuple(sorted(params.items())),
                    **quick(dataset, model, device_kind))
    return replace(c, **changes) if changes else c
