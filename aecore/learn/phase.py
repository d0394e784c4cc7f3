"""A phase of training: what the one loop (``aecore.learn.train``) runs. Its own module so that the families'
phases (``aecore.learn.greedy``) and the loop import it without importing each other."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch


@dataclass
class Phase:
    """One part of a run, for the one loop: which parameters train, on what objective, for how many epochs.
    A plain run (any family) is one phase; layer-wise pretraining is one per pair of layers and a last
    fine-tuning (``aecore.learn.greedy.phases``). Stop, continue, the time budget, the schedule, pictures
    and checkpoints are the loop's, so they work for every phase of every family."""
    name: str                                   # "all" | "pair" | "fine_tune"
    epochs: int
    params: Callable[[], list]                  # the parameters this phase's own Adam trains
    loss: Callable[[torch.Tensor, torch.Generator], torch.Tensor]  # (image indices, generator) -> batch loss
    test_loss: Callable[[], float]              # the image test loss of the model as it stands
    pictures: Callable[[], tuple]               # (inputs, outputs): uint8 images of the sample
    start: Callable[[], None] = lambda: None    # once as the phase begins (also when a run continues in it)
    pair: int | None = None                     # layer-wise: which pair (None: the whole model)
