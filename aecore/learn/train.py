"""Training: the fast loop, and what it reports.

The loop keeps the whole dataset on the device as uint8 and draws batches by ``randperm`` indexing;
conversion to float and the input noise happen on the device, per batch. There is no DataLoader and
no ``.item()`` per step: losses add up on the device and are read at progress ticks. On CUDA it
uses bf16 autocast (the loss is BCE on logits, never BCELoss under autocast), channels_last and
fused Adam. Callbacks in minGPT's manner: ``on_tick`` (about twice a second) and ``on_epoch``.
A run stopped by hand carries a ``Checkpoint``: continuing from it gives exactly the run that never
stopped; keeping it gives a model of its own (``stop_at``).

    result = run(TrainConfig(dataset="digits", epochs=5))
    result.history["test_loss"], result.model
"""
from __future__ import annotations

import copy
import math
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable

import torch

from aecore.learn import data
from aecore.learn.batches import (as_uint8, corrupt, fixed_pick, from_model, image_loss, one_class, prepare,
                                  to_model)
from aecore.learn.config import BUDGET, Plan, TrainConfig, check, plan
from aecore.learn.devices import detect
from aecore.learn.families import build_model, family_loss
from aecore.learn.greedy import phases as greedy_phases
from aecore.learn.phase import Phase
from aecore.shapes.build import StackModel

__all__ = ["Checkpoint", "Phase", "Progress", "Stopped", "TrainResult", "as_uint8", "corrupt", "evaluate",
           "fixed_pick", "from_model", "image_loss", "one_class", "prepare", "reconstruct", "run", "to_model"]

PICTURE_S = 2.0  # during an epoch, new reconstructions at most this often


class Stopped(Exception):
    """Stopped by the learner before training began (while queued or loading the images)."""


# ---- the loop ---------------------------------------------------------------------------------------------

@dataclass
class Progress:
    """What the loop reports: a snapshot a page can draw."""
    phase: str = "queued"  # queued | data | training | done | stopped | error
    epoch: int = 0
    epochs: int = 0
    step: int = 0
    steps: int = 0
    train_loss: list = field(default_factory=list)   # per finished epoch
    test_loss: list = field(default_factory=list)
    epoch_s: list = field(default_factory=list)      # training seconds per epoch (evaluation not counted)
    running_loss: float | None = None                # the current epoch so far
    images_per_s: float | None = None
    originals: torch.Tensor | None = None            # uint8 (8, C, H, W) test images
    inputs: torch.Tensor | None = None               # what the model saw (noisy when denoising)
    outputs: torch.Tensor | None = None              # its reconstructions, uint8
    device: str = ""
    images: int = 0
    message: str = ""
    queue_position: int = 0
    download: tuple | None = None                    # (bytes so far, total or None, label)
    started: float = 0.0
    version: int = 0                                 # +1 whenever the pictures or the curve change


@dataclass
class Checkpoint:
    """Where a stopped run stands, exactly: continuing from it gives the run that was never stopped."""
    epoch: int                 # the epoch in progress, from 0
    step: int                  # steps of it already taken
    steps: int                 # steps per epoch
    model: dict                # state_dict
    optimizer: dict            # Adam's state
    generator: torch.Tensor    # the batch and noise generator's state
    rng: torch.Tensor          # torch's global generator (dropout draws from it)
    perm: torch.Tensor         # this epoch's order of images
    running: float             # the epoch's loss so far, summed over images
    seen: int                  # images of the epoch so far
    epoch_seconds: float       # training time of the epoch so far
    seconds: float             # the run's time so far

    @property
    def done_steps(self) -> int:
        return self.epoch * self.steps + self.step


@dataclass
class TrainResult:
    config: TrainConfig
    plan: Plan
    model: StackModel
    history: dict
    device: str
    images: int
    seconds: float
    stopped: bool = False
    from_cache: str = ""  # "" | "memory" | "disk"
    checkpoint: Checkpoint | None = None  # a stopped run: what Continue starts from

    def kept(self) -> TrainResult:
        """A stopped run as a model of its own: its config says where it stopped (``stop_at``), so the cache
        key is honest: training that config gives this model."""
        c = self.checkpoint
        if c is None or c.done_steps == 0:  # nothing trained: stop_at=0 would claim the whole run's key
            raise ValueError("a run stopped before its first step has nothing to keep")
        config = replace(self.config, stop_at=c.done_steps)
        history = {**self.history, "partial": [c.epoch + 1, c.step, c.steps]} if c.step else dict(self.history)
        return replace(self, config=config, history=history, stopped=False, checkpoint=None)


Callback = Callable[[str, Progress], None]  # (event, progress); events: "phase", "tick", "epoch"


def _device(name: str | None) -> torch.device:
    return torch.device(name) if name else detect().torch_device


@torch.no_grad()
def evaluate(model: StackModel, p: Plan, x: torch.Tensor, seed: int, batch: int = 1024) -> float:
    """Mean test loss: the same noise every time (a fixed seed), so epochs compare."""
    was = model.training
    model.eval()
    gen = torch.Generator(device=x.device).manual_seed(seed + 1)
    total, n = torch.zeros((), device=x.device), 0
    for i in range(0, len(x), batch):
        x01 = x[i:i + batch].float().div_(255)
        noisy = corrupt(x01, p.config.noise, p.config.noise_level, gen)
        _, out = model.forward_parts(to_model(noisy, p), logits=p.loss == "bce")
        total += image_loss(out, x01, p) * len(x01)
        n += len(x01)
    model.train(was)
    return float(total / max(n, 1))


@torch.no_grad()
def reconstruct(model: StackModel, p: Plan, x_uint8: torch.Tensor, noise: str = "none", level: float = 0.0,
                seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """(inputs shown to the model, reconstructions) as uint8 images, for a few images."""
    was = model.training
    model.eval()
    dev = next(model.parameters()).device if any(True for _ in model.parameters()) else torch.device("cpu")
    x01 = x_uint8.to(dev).float() / 255
    gen = torch.Generator(device=dev).manual_seed(seed)
    noisy = corrupt(x01, noise, level, gen)
    _, out = model.forward_parts(to_model(noisy, p))
    model.train(was)
    return as_uint8(noisy), as_uint8(from_model(out, p))


def whole_model(model, config: TrainConfig, p: Plan, xtr: torch.Tensor, xte: torch.Tensor,
                sample: torch.Tensor) -> Phase:
    """The one phase of a plain run: every parameter, the image loss plus what the family adds."""
    cuda = xtr.device.type == "cuda"
    image_model = len(p.model_input) == 3
    logits = p.loss == "bce"
    pixels = p.channels * p.height * p.width

    def loss(idx: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
        x01 = xtr[idx].float().div_(255)                           # (B, C, H, W) uint8 -> float, on the device
        inp = to_model(corrupt(x01, config.noise, config.noise_level, gen), p)  # -> the model's input shape
        if image_model:
            inp = inp.contiguous(memory_format=torch.channels_last)
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=cuda):
            z, out = model.forward_parts(inp, logits=logits)       # z: the code, out: (B, ...) like the input
        extra = family_loss(model, z, config, pixels)
        return image_loss(out, x01, p) if extra is None else image_loss(out, x01, p) + extra

    return Phase("all", config.epochs, model.parameters, loss, lambda: evaluate(model, p, xte, config.seed),
                 lambda: reconstruct(model, p, sample, config.noise, config.noise_level, config.seed))


def run(config: TrainConfig, device: str | None = None, callbacks: tuple[Callback, ...] = (),
        stop: threading.Event | None = None, tick_s: float = 0.5, progress: Progress | None = None,
        resume: TrainResult | None = None) -> TrainResult:
    """Train one model. Raises ConfigError / data.DatasetUnavailable with a learner's message.

    ``resume``: a stopped run of the same config; training goes on from exactly where it stopped (same
    order of images, same noise, same dropout draws), so the result equals the run that never stopped.
    """
    p = plan(config)
    dev = _device(device)
    prog = progress or Progress()
    prog.device, prog.epochs, prog.started = dev.type, config.epochs, time.time()

    def emit(event: str) -> None:
        for cb in callbacks:
            cb(event, prog)

    prog.phase = "data"
    emit("phase")
    xtr, xte = _images(config, p, prog, emit)
    n = len(xtr)
    xtr, xte = xtr.to(dev), xte.to(dev)
    sample = xte[:8]
    cuda = dev.type == "cuda"
    torch.manual_seed(config.seed)
    model = build_model(p.summary, config.family).to(dev)
    if len(p.model_input) == 3:  # channels_last: 2× faster convolutions on this CPU too (measured), and on CUDA
        model = model.to(memory_format=torch.channels_last)
    if config.family == "greedy":
        phases = greedy_phases(model, config, p, xtr, xte, sample)
    else:
        phases = [whole_model(model, config, p, xtr, xte, sample)]
    epochs = sum(ph.epochs for ph in phases)
    budget = BUDGET.get(dev.type, BUDGET["cpu"])
    check(n * epochs <= budget, "train.budget", n=n, e=epochs, total=n * epochs, budget=budget, device=dev.type)
    gen = torch.Generator(device=dev).manual_seed(config.seed)
    steps = math.ceil(n / config.batch_size)
    history = {"train_loss": prog.train_loss, "test_loss": prog.test_loss, "epoch_s": prog.epoch_s}
    if len(phases) > 1:
        history["phases"] = []
    ck = _restore(resume, config, steps, model, gen, history)
    prog.epochs, prog.steps, prog.images = epochs, steps, n
    prog.originals = sample.cpu()
    loop = _Loop(model, config, prog, emit, stop, tick_s, steps, whole=epochs * steps, cuda=cuda)
    first = 0                                  # the run's epoch at which this phase begins
    checkpoint = None
    model.train()
    for index, phase in enumerate(phases):
        if ck is not None and ck.epoch >= first + phase.epochs:  # done before the run stopped
            first += phase.epochs
            continue
        if first * steps >= loop.limit:  # stop_at at a phase's border: the next phase does not begin
            break
        phase.start()
        opt = torch.optim.Adam(phase.params(), lr=config.lr, **({"fused": True} if cuda else {}))
        if ck is not None and ck.epoch >= first:  # the phase the run stopped in: its Adam as it was
            opt.load_state_dict(ck.optimizer)
        if prog.phase != "training":  # once everything is ready (a first Adam takes ~1 s to set up in torch)
            prog.phase = "training"
            emit("phase")
        record = None
        if "phases" in history:
            if index == len(history["phases"]):
                history["phases"].append({"name": phase.name, "pair": phase.pair, "train_loss": []})
            record = history["phases"][index]
        checkpoint = loop.phase(phase, opt, gen, first, ck, record, xtr)
        if checkpoint is not None:
            break
        first += phase.epochs
    model.eval()
    seconds = (ck.seconds if ck is not None else 0.0) + time.perf_counter() - loop.started
    stopped = loop.stopped
    prog.phase = "stopped" if stopped else "done"
    emit("phase")
    result = TrainResult(config, p, model, history, dev.type, n, seconds, stopped,
                         checkpoint=replace(checkpoint, seconds=seconds) if stopped else None)
    if not stopped and checkpoint is not None and checkpoint.step:  # stop_at reached part-way through an epoch
        history["partial"] = [checkpoint.epoch + 1, checkpoint.step, steps]
    return result


def _images(config: TrainConfig, p: Plan, prog: Progress, emit) -> tuple[torch.Tensor, torch.Tensor]:
    """The run's training and test images, uint8 in the model's channels and size (downloaded first if
    needed, with progress)."""
    def on_download(done, total, label):
        prog.download = (done, total, label)
        emit("tick")
    images = data.load(config.dataset, progress=on_download)
    prog.download = None
    train_x, test_x = one_class(images, config)
    return (prepare(train_x, p, cap=config.max_train, seed=config.seed),
            prepare(test_x, p, cap=max(256, config.max_train // 4), seed=config.seed))


def _restore(resume: TrainResult | None, config: TrainConfig, steps: int, model, gen, history) -> Checkpoint | None:
    """Continue a stopped run: its weights, generators and history (each phase's Adam is restored as that
    phase begins). None when there is nothing to continue."""
    ck = resume.checkpoint if resume is not None else None
    if ck is None:
        return None
    if resume.config.key() != config.key() or ck.steps != steps:
        raise ValueError("resume needs a stopped run of the same settings")
    model.load_state_dict(ck.model)
    gen.set_state(ck.generator)
    torch.set_rng_state(ck.rng)
    for name in ("train_loss", "test_loss", "epoch_s"):
        history[name].extend(resume.history[name])
    if "phases" in history:
        history["phases"].extend({**ph, "train_loss": list(ph["train_loss"])} for ph in resume.history["phases"])
    return ck


class _Loop:
    """The one loop: epochs of steps over a phase, with the learning-rate schedule, ticks (progress, pictures),
    the end of each epoch (losses, pictures), and a checkpoint when the run stops part-way."""

    def __init__(self, model, config: TrainConfig, prog: Progress, emit, stop, tick_s: float, steps: int,
                 whole: int, cuda: bool):
        self.model, self.config, self.prog, self.emit, self.stop, self.tick_s = model, config, prog, emit, stop, tick_s
        self.steps, self.whole, self.cuda = steps, whole, cuda
        self.limit = config.stop_at or whole  # steps this run takes (whole: the schedule's length)
        self.started = self.last_picture = time.perf_counter()
        self.stopped = False

    def rate(self, opt, done: int) -> None:
        """The learning rate for the run's step ``done``: constant, or lr · ½(1 + cos(π · done / all steps))."""
        if self.config.schedule == "cosine":
            for group in opt.param_groups:
                group["lr"] = self.config.lr * 0.5 * (1 + math.cos(math.pi * done / self.whole))

    def phase(self, phase: Phase, opt, gen, first: int, ck: Checkpoint | None, record: dict | None,
              xtr: torch.Tensor) -> Checkpoint | None:
        """Train ``phase`` (the run's epochs ``first`` … ``first + phase.epochs − 1``); a Checkpoint when the
        run stops part-way (by hand, or at stop_at), else None."""
        config, prog, steps, n = self.config, self.prog, self.steps, len(xtr)
        dev = xtr.device
        start_epoch = max(first, ck.epoch) if ck is not None else first
        for epoch in range(start_epoch, first + phase.epochs):
            prog.epoch = epoch + 1
            if ck is not None and epoch == ck.epoch:  # the epoch that was stopped: its order, its sums so far
                perm, step, seen = ck.perm.to(dev), ck.step, ck.seen
                running = torch.tensor(ck.running, device=dev)
                t0 = time.perf_counter() - ck.epoch_seconds
            else:
                perm, step, seen = torch.randperm(n, generator=gen, device=dev), 0, 0
                running = torch.zeros((), device=dev)
                t0 = time.perf_counter()
            last_tick = t_here = time.perf_counter()
            seen0 = seen
            while step < steps:
                done = epoch * steps + step
                if done >= self.limit or (self.stop is not None and self.stop.is_set()):
                    self.stopped = done < self.limit
                    break
                self.rate(opt, done)
                idx = perm[step * config.batch_size:(step + 1) * config.batch_size]
                loss = phase.loss(idx, gen)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                running += loss.detach() * len(idx)
                seen += len(idx)
                step += 1
                now = time.perf_counter()
                if now - last_tick >= self.tick_s:  # the one sync per tick
                    last_tick = now
                    prog.step, prog.running_loss = step, float(running) / seen
                    prog.images_per_s = (seen - seen0) / max(now - t_here, 1e-9)  # this run's own pace
                    if prog.version == 0 or now - self.last_picture >= PICTURE_S:  # a first picture at once
                        self.last_picture = now
                        prog.inputs, prog.outputs = phase.pictures()
                        prog.version += 1
                    self.emit("tick")
            if self.cuda:
                torch.cuda.synchronize()
            elapsed = time.perf_counter() - t0
            if step < steps:  # stopped part-way: the epoch is not counted; where it stands, exactly
                prog.step, prog.running_loss = step, (float(running) / seen if seen else None)
                prog.inputs, prog.outputs = phase.pictures()
                prog.version += 1
                return Checkpoint(epoch=epoch, step=step, steps=steps, model=_cpu_state(self.model.state_dict()),
                                  optimizer=_cpu_state(opt.state_dict()), generator=gen.get_state(),
                                  rng=torch.get_rng_state(), perm=perm.cpu(), running=float(running), seen=seen,
                                  epoch_seconds=elapsed, seconds=0.0)
            objective = float(running) / max(seen, 1)
            prog.epoch_s.append(round(elapsed, 4))
            prog.train_loss.append(objective)
            if record is not None:
                record["train_loss"].append(objective)
            prog.images_per_s = seen / max(elapsed, 1e-9)
            prog.test_loss.append(phase.test_loss())
            prog.inputs, prog.outputs = phase.pictures()
            prog.version += 1
            prog.step, prog.running_loss = steps, None
            self.emit("epoch")
        return None


def _cpu_state(state: dict) -> dict:
    """A deep copy on the CPU (the model goes on training; the copy is what Continue starts from)."""
    return {k: (v.detach().cpu().clone() if isinstance(v, torch.Tensor) else _cpu_state(v) if isinstance(v, dict)
                else copy.deepcopy(v)) for k, v in state.items()}
